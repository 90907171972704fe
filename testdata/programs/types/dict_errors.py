d = {'a': 1, 3: 'x', (1, 2): 't'}
for k in ['zz', 4, (9,), None, '', 'it\'s']:
    try:
        d[k]
    except KeyError as e:
        print('KeyError', e, repr(e), e.args)
try:
    d.pop('nope')
except KeyError as e:
    print(repr(e))
try:
    {}.popitem()
except KeyError as e:
    print(repr(e))
try:
    d[[1]] = 1
except TypeError as e:
    print(e)
try:
    {[]: 1}
except TypeError as e:
    print(e)
try:
    for k in d:
        d['new' + str(k)] = 1
except RuntimeError as e:
    print(e)
try:
    dict([1, 2])
except TypeError as e:
    print(e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(e)
