print(sep='-', 'x')
