noms = ['Zoë' 'Chloé' é]
