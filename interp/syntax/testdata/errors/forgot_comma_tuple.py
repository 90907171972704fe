t = (a, b c)
