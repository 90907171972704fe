from collections import abc


class Squares(abc.Sequence):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if not -self.n <= i < self.n:
            raise IndexError(i)
        return (i % self.n) ** 2


s = Squares(6)
print(list(s), s[2], s[-1], s[1:4], 16 in s, s.index(9), s.count(4), list(reversed(s)))


class Registry(abc.MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k.lower()]

    def __setitem__(self, k, v):
        self._d[k.lower()] = v

    def __delitem__(self, k):
        del self._d[k.lower()]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


r = Registry()
r["Alpha"] = 1
r.update(BETA=2)
r.setdefault("gamma", 3)
print(dict(r), r.get("ALPHA"), r.pop("beta"), list(r.items()), "GAMMA" in r)
print(r.popitem(), len(r), r == {"gamma": 3})

checks = [
    ([], [abc.Sequence, abc.MutableSequence, abc.Hashable, abc.Iterable]),
    ((), [abc.Sequence, abc.MutableSequence, abc.Hashable]),
    ({}, [abc.Mapping, abc.MutableMapping, abc.Sized]),
    (set(), [abc.Set, abc.MutableSet]),
    ("s", [abc.Sequence, abc.Container, abc.Reversible]),
    (iter([]), [abc.Iterator, abc.Iterable, abc.Generator]),
    ((x for x in []), [abc.Generator, abc.Iterator]),
    (len, [abc.Callable, abc.Hashable]),
    ({}.keys(), [abc.KeysView, abc.Set]),
    (b"", [abc.Sequence, abc.Hashable, abc.MutableSequence]),
]
for obj, abcs in checks:
    print(type(obj).__name__, [isinstance(obj, a) for a in abcs])
try:
    abc.Sequence()
except TypeError as e:
    print("TypeError:", e)


class Half(abc.Mapping):
    def __getitem__(self, k):
        return k


try:
    Half()
except TypeError as e:
    print("TypeError:", e)
