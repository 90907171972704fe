def show(*args, **kwargs):
    return args, kwargs
print(show(*[1, 2], *(3,), *range(2)))
print(show(**{'a': 1}, b=2, **{'c': 3}))
print(show(*'xy', **dict(z=1)))
def add3(a, b, c):
    return a + b + c
print(add3(*[1, 2, 3]), add3(1, *[2, 3]), add3(**{'c': 3, 'a': 1, 'b': 2}), add3(1, c=3, *[2]))
args = (1,)
kwargs = {'c': 10}
print(add3(*args, 5, **kwargs))
print(show(*{3: 'a', 1: 'b'}), show(*[], **{}))
