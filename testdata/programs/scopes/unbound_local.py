x = 5
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 6
    return x
print(f())
def g():
    def h():
        return y
    try:
        h()
    except NameError as e:
        print(type(e).__name__, e)
    y = 1
    return h()
print(g())
def k():
    del_me = 1
    del del_me
    try:
        return del_me
    except UnboundLocalError as e:
        return str(e)
print(k())
print(issubclass(UnboundLocalError, NameError))
