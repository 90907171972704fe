import pickle
from collections import OrderedDict, namedtuple, Counter
from fractions import Fraction
from decimal import Decimal
import datetime

Pt = namedtuple("Pt", "x y")


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.log = []

    def __eq__(self, other):
        return vars(self) == vars(other)

    def __getstate__(self):
        st = vars(self).copy()
        del st["log"]
        return st

    def __setstate__(self, st):
        self.__dict__.update(st)
        self.log = ["restored"]


class Temp:
    def __init__(self, c):
        self.c = c

    def __reduce__(self):
        return (Temp, (self.c * 2,))


shared = [1, 2]
objs = [
    None, True, 42, -2**70, 3.25, 1 + 2j, "text é", b"\x00bytes", bytearray(b"ba"),
    (1, (2, 3)), [shared, shared], {"k": {1, 2}}, frozenset({3}), OrderedDict(a=1),
    Pt(1, 2), Counter("aab"), Fraction(2, 3), Decimal("1.10"), datetime.date(2024, 2, 29),
    range(1, 10, 2), slice(1, 2), Ellipsis, NotImplemented, len, Account,
]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    back = [pickle.loads(pickle.dumps(o, proto)) for o in objs]
    print(proto, back == objs, [type(b).__name__ for b in back][-6:])
lst = pickle.loads(pickle.dumps([shared, shared]))
print(lst[0] is lst[1])
a = pickle.loads(pickle.dumps(Account("ann", 10)))
print(a.owner, a.balance, a.log)
print(pickle.loads(pickle.dumps(Temp(5))).c)
rec = []
rec.append(rec)
r = pickle.loads(pickle.dumps(rec))
print(r[0] is r)
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
for bad in [lambda: 1, (x for x in [])]:
    try:
        pickle.dumps(bad)
    except (pickle.PicklingError, TypeError, AttributeError) as e:
        print(type(e).__name__)
# The exception and message for malformed data differ between the C
# unpickler and pickle.py's; both reject it.
try:
    pickle.loads(b"garbage")
except Exception:
    print("garbage rejected")
