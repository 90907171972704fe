d = {}
for w in 'the quick brown fox jumps over the lazy dog'.split():
    d[w] = d.get(w, 0) + 1
print(d)
print(max(d, key=d.get), min(d.items(), key=lambda kv: (kv[1], kv[0])))
inv = {}
for k, v in d.items():
    inv.setdefault(v, []).append(k)
print(inv)
nested = {'a': {'b': {'c': 1}}}
nested['a']['b']['d'] = 2
print(nested, nested['a']['b'].keys())
print(list(zip(d, range(3))), list(enumerate(d))[:2])
m = dict.fromkeys(range(5))
del m[2]
m[2] = 'back'
print(m)
