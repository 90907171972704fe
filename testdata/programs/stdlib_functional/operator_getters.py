import operator
from operator import itemgetter, attrgetter, methodcaller
from collections import namedtuple

Emp = namedtuple("Emp", "name dept age")
staff = [Emp("ann", "ops", 41), Emp("bob", "dev", 29), Emp("cy", "dev", 35), Emp("di", "ops", 29)]
print([e.name for e in sorted(staff, key=attrgetter("dept", "age"))])
print(sorted(staff, key=itemgetter(2, 0))[0])
print(list(map(itemgetter(0), staff)))
get = itemgetter(1, 3, 5)
print(get("abcdefg"), itemgetter(slice(2, None))([1, 2, 3, 4]), itemgetter("k")({"k": "v"}))


class Box:
    def __init__(self, inner=None, val=0):
        self.inner = inner
        self.val = val

    def scaled(self, k, offset=0):
        return self.val * k + offset


b = Box(Box(Box(val=7)))
print(attrgetter("inner.inner.val")(b), attrgetter("inner.val", "val")(b))
print(methodcaller("scaled", 3, offset=1)(Box(val=4)), list(map(methodcaller("upper"), ["a", "b"])))
print(methodcaller("split", ",", 1)("a,b,c"))
print(repr(itemgetter(1, "x")), repr(attrgetter("a.b")), repr(methodcaller("f", 1, k=2)))
try:
    attrgetter("nope")(b)
except AttributeError as e:
    print("AttributeError:", e)
try:
    itemgetter(5)([1])
except IndexError as e:
    print("IndexError:", e)
inventory = {"apple": 3, "pear": 0, "fig": 7}
print(sorted(inventory.items(), key=itemgetter(1), reverse=True))
print(max(inventory.items(), key=operator.itemgetter(1))[0])
