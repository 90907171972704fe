message = 'Ünïcödé' 'x' y
