def f():
    return undefined_name
try:
    f()
except NameError as e:
    print(e)
    print(e.name)
try:
    print(lenn([1]))
except NameError as e:
    print(e)
def g():
    z = 1
    def h():
        nonlocal z
        del z
        return z
    return h()
try:
    g()
except NameError as e:
    print(type(e).__name__, e)
