a = [1, 2]
b = (3, 4)
print([*a, *b, 5], (*a, *b), {*a, *b}, [*'hi', *range(2)])
d1 = {'a': 1, 'b': 2}
d2 = {'b': 20, 'c': 30}
print({**d1, **d2}, {**d2, **d1, 'a': 0}, d1 | d2)
print(*[1, 2, 3], sep='-')
print(*'abc')
t = *a, 9
print(t)
def f(*args):
    return args
print(f(*a, 0, *b, *()))
print([*{}] , {**{}})
try:
    [*None]
except TypeError as e:
    print(e)
try:
    {**[1]}
except TypeError as e:
    print(e)
