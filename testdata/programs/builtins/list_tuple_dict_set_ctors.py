print(list(), list([1]), list((1, 2)), list('ab'), list({'a': 1}), list(range(2)), list(x for x in [3]))
print(tuple(), tuple([1]), tuple('ab'), dict(), dict(x=1), dict([('a', 1)], b=2), dict({1: 2}))
print(sorted(set('hello')), set([1, 1]), set(), frozenset([2, 2]), set(range(3)))
for bad in [lambda: list(1), lambda: tuple(None), lambda: dict(1), lambda: set(1), lambda: dict([1]), lambda: list([], [])]:
    try:
        bad()
    except TypeError as e:
        print(e)
