import itertools as it
import operator

rows = [("fruit", "apple", 3), ("fruit", "pear", 2), ("veg", "kale", 1), ("fruit", "fig", 5), ("veg", "leek", 4)]
for key, grp in it.groupby(sorted(rows), key=operator.itemgetter(0)):
    items = list(grp)
    print(key, [r[1] for r in items], sum(r[2] for r in items))
print([(k, len(list(g))) for k, g in it.groupby("aaabccddddae")])
print(["".join(g) for _, g in it.groupby("112223", key=int)])
print(list(it.accumulate([1, 2, 3, 4, 5])))
print(list(it.accumulate([3, 1, 4, 1, 5, 9, 2], max)))
print(list(it.accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(it.accumulate([], initial=0)), list(it.accumulate("abc")))
print(list(it.chain("ab", [1, 2], (None,))), list(it.chain.from_iterable(["xy", "z"])))
print(list(it.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(it.filterfalse(lambda x: x % 3, range(10))))
print(list(it.zip_longest("abc", [1], fillvalue="-")))
a, b, c = it.tee(iter([1, 2, 3]), 3)
print(next(a), list(b), list(a), list(c))
print(list(it.pairwise("abcd")), list(it.batched("abcdefg", 3)))
print(list(it.islice("abcdefgh", 2, None, 3)), list(it.islice(range(100), 3)))
running = it.accumulate(it.repeat(0.5, 4))
print(list(running))
try:
    list(it.batched("ab", 0))
except ValueError as e:
    print("ValueError:", e)
try:
    it.islice("a", -1)
except ValueError as e:
    print("ValueError:", e)
