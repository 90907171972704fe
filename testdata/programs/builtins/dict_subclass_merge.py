# Merging from a dict subclass: CPython reads the entries directly unless
# the subclass overrides __iter__ (dict_merge's tp_iter test), so keys()
# and __getitem__ overrides are not called by dict(), update(), {**m} or
# f(**m); with __iter__ overridden they are.
from collections import defaultdict, OrderedDict


class Loud(dict):
    def __getitem__(self, key):
        print("  getitem", key)
        return super().__getitem__(key)

    def keys(self):
        print("  keys")
        return super().keys()


class LoudIter(Loud):
    def __iter__(self):
        print("  iter")
        return super().__iter__()


class Quiet(Loud):
    pass


def f(**kw):
    return kw


for cls in (Loud, LoudIter, Quiet):
    print(cls.__name__)
    m = cls(a=1, b=2)
    print(" dict():", dict(m))
    d = {"z": 0}
    d.update(m)
    print(" update:", d)
    print(" {**m}:", {**m})
    print(" f(**m):", f(**m))
    print(" dict(m, c=3):", dict(m, c=3))

dd = defaultdict(int, x=1)
print(dict(dd), {**dd}, f(**dd))
od = OrderedDict(p=1, q=2)
od.move_to_end("p")
print(dict(od), {**od}, f(**od))

# A repeated keyword from a merged subclass is still an error.
try:
    f(a=0, **Loud(a=1))
except TypeError as e:
    print("TypeError:", e)
