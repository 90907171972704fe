from collections.abc import Set, MutableSet, Hashable


class Interval(Set, Hashable):
    """Integers in [lo, hi)."""

    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi

    def __contains__(self, x):
        return self.lo <= x < self.hi

    def __iter__(self):
        return iter(range(self.lo, self.hi))

    def __len__(self):
        return max(0, self.hi - self.lo)

    def __hash__(self):
        return self._hash()

    @classmethod
    def _from_iterable(cls, it):
        return frozenset(it)


a = Interval(0, 5)
b = Interval(3, 8)
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b))
print(a <= Interval(0, 10), a < a, a == Interval(0, 5), a.isdisjoint(Interval(5, 9)))
print(hash(Interval(1, 3)) == hash(frozenset({1, 2})))


class ListSet(MutableSet):
    def __init__(self, items=()):
        self._items = []
        for i in items:
            self.add(i)

    def __contains__(self, x):
        return x in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def add(self, x):
        if x not in self._items:
            self._items.append(x)

    def discard(self, x):
        if x in self._items:
            self._items.remove(x)

    def __repr__(self):
        return f"ListSet({self._items})"


s = ListSet("hello")
print(s, len(s))
s |= "world"
print(s)
s -= "lo"
print(s)
s ^= ListSet("hex")
print(s, s.pop(), s)
s.remove("d") if "d" in s else None
print(s)
try:
    s.remove("zz")
except KeyError as e:
    print("KeyError", e)
s.clear()
print(s, bool(s))
