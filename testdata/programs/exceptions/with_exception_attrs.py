try:
    [].pop()
except IndexError as e:
    print(e)
try:
    {}.popitem()
except KeyError as e:
    print(e)
try:
    'abc'.index('z')
except ValueError as e:
    print(e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print(e)
try:
    (1).foo
except AttributeError as e:
    print(e, '|', e.name, '|', e.obj)
try:
    import nonexistent_mod_xyz
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    next(iter([]))
except StopIteration as e:
    print(repr(e), e.value)
