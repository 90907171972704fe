def running_stats():
    n = 0
    total = 0.0
    mn = mx = None
    while True:
        x = yield (n, total / n if n else None, mn, mx)
        n += 1
        total += x
        mn = x if mn is None or x < mn else mn
        mx = x if mx is None or x > mx else mx
s = running_stats()
print(next(s))
for v in [4, 8, 1, 7]:
    print(s.send(v))
def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(interleave('abc', range(5), [None])))
