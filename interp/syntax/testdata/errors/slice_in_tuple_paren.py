x = (a:b)
