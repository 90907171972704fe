tests = [
    lambda: len(),
    lambda: len(1, 2),
    lambda: len(5),
    lambda: abs('x'),
    lambda: divmod(1),
    lambda: int(x=1),
    lambda: sorted([1], cmp=None),
    lambda: max(),
    lambda: min([]),
    lambda: [].append(),
    lambda: {}.get(),
    lambda: 'a'.split(1),
    lambda: isinstance(1),
    lambda: print(sepp=''),
    lambda: range(1, 2, 3, 4),
    lambda: range(0.5),
    lambda: (lambda: 0)(**{1: 2}),
    lambda: f(**[1]),
    lambda: f(*1),
]
def f(*a, **k):
    pass
for t in tests:
    try:
        t()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
