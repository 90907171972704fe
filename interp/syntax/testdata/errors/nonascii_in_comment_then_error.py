# ça marche pas
x = (1 2)
