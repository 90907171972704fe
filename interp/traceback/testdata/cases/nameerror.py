def f():
    return sys.argv


def g():
    lenght = 3
    return lengt


try:
    f()
except NameError:
    pass
g()
