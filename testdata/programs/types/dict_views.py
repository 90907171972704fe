d = {'one': 1, 'two': 2, 'three': 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
d['four'] = 4
print(len(k), list(v), ('four', 4) in i, 'one' in k, 2 in v)
print(sorted(k & {'one', 'five'}), sorted(k | {'z'}), sorted(k - {'one'}), sorted(k ^ {'one', 'x'}))
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(list(reversed(d)), list(reversed(d.values())), k == {'one', 'two', 'three', 'four'}, v == v)
print(d.keys() == d, sorted(i)[0], isinstance(k, object))
del d['two']
print(list(i))
print(dict(sorted(d.items(), key=lambda kv: kv[1], reverse=True)))
for key in list(d):
    if d[key] % 2:
        del d[key]
print(d)
print(d | {'x': 0}, {**d})
d |= {'y': 9}
print(d)
