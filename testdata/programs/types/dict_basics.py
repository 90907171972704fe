d = {'b': 2, 'a': 1}
d['c'] = 3
d['b'] = 20
print(d, len(d), list(d), list(d.keys()), list(d.values()), list(d.items()))
del d['b']
d['b'] = 200
print(d, 'a' in d, 1 in d, d.get('zz'), d.get('zz', 'dflt'))
print(d.pop('a'), d.pop('zz', None), d.setdefault('n', []), d.setdefault('c', 99), d)
d.update({'x': 1}, y=2)
d.update([('z', 3)])
print(d, d.popitem(), d)
print(dict(a=1), dict([(1, 2)]), dict(zip('ab', range(2))), dict.fromkeys('xyz', 0), dict({'k': 'v'}, k2='v2'))
e = d.copy()
e['new'] = 1
print('new' in d, e == d, {1: 2} == {1: 2.0}, {'a': 1, 'b': 2} == {'b': 2, 'a': 1})
print({1: 'int', 1.0: 'float', True: 'bool'}, {(1, 2): 'tuple key'}, {None: 0})
d.clear()
print(d, dict(), {} == dict())
print({k: v for k, v in [(1, 'a'), (2, 'b'), (1, 'c')]})
