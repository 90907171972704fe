def f(a, b):
    return a + b
try:
    f(*[1, 2, 3])
except TypeError as e:
    print(e)
try:
    f(*[1])
except TypeError as e:
    print(e)
try:
    f(1, **{'b': 2, 'a': 3})
except TypeError as e:
    print(e)
try:
    f(**{'a': 1, 'b': 2, 'c': 3})
except TypeError as e:
    print(e)
print(f(*'ab'), f(**{'b': 'y', 'a': 'x'}))
def g(*, a):
    return a
try:
    g(**{'a': 1}, **{'a': 1})
except TypeError as e:
    print(e)
