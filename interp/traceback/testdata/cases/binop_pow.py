def h(a, b):
    return ((a))**b


h(None, 2)
