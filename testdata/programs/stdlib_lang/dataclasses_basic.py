from dataclasses import MISSING, dataclass, field, asdict, astuple, replace, fields, is_dataclass


@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: list = field(default_factory=list)

    @property
    def total(self):
        return self.price * self.qty


a = Item("pen", 1.5, 4)
b = Item("pad", 3.0, tags=["paper"])
print(a, b, a.total)
print(a == Item("pen", 1.5, 4), a == b, a != b)
print(asdict(b), astuple(a))
c = replace(a, qty=10)
print(c, c.total, a.qty)
print([(f.name, f.type.__name__ if isinstance(f.type, type) else f.type, f.default is MISSING) for f in fields(Item)])
print(is_dataclass(a), is_dataclass(Item), is_dataclass(1))
print(Item.__init__.__doc__ if Item.__init__.__doc__ else "no doc", Item.__match_args__)
match b:
    case Item(name, price, tags=["paper"]):
        print("paper item", name, price)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0


vs = [Version(1, 2), Version(0, 9, 9), Version(1, 0, 5)]
print(sorted(vs), max(vs), Version(1) < Version(1, 0, 1), hash(Version(1)) == hash(Version(1, 0, 0)))
try:
    vs[0].major = 5
except Exception as e:
    print(type(e).__name__, e)
try:
    Item()
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print("ValueError:", e)
