def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
g = globals()
g['injected'] = 42
print(injected)
print('f' in globals(), '__name__' in globals(), __name__)
def h():
    x = 1
    def inner():
        return x
    return sorted(locals())
print(h())
class K:
    p = 1
    q = 2
    names = sorted(k for k in locals() if not k.startswith('__'))
print(K.names)
