from dataclasses import dataclass, field, InitVar, KW_ONLY, fields, make_dataclass, FrozenInstanceError
import dataclasses


@dataclass
class Account:
    owner: str
    balance: int = 0
    history: list = field(default_factory=list, repr=False, compare=False)
    secret: str = field(default="x", repr=False)
    rate: InitVar[float] = 0.0

    def __post_init__(self, rate):
        self.balance = int(self.balance * (1 + rate))
        self.history.append(("open", self.balance))


a = Account("ann", 100, rate=0.5)
print(a, a.history, Account("ann", 150) == a)


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int = 1


@dataclass
class Job:
    name: str
    _: KW_ONLY
    retries: int = 3
    priority: int = field(default=0, kw_only=True)


print(Options(level=3), Job("build", retries=1), Job("x", priority=9))
try:
    Job("x", 5)
except TypeError as e:
    print("TypeError:", e)


@dataclass(slots=True)
class P:
    x: int
    y: int = 0


p = P(1, 2)
print(p, P.__slots__, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)


@dataclass
class Base:
    a: int
    b: str = "b"


@dataclass
class Child(Base):
    c: float = 1.0
    a: int = 7


print(Child(), [f.name for f in fields(Child)])
Point3 = make_dataclass("Point3", [("x", int), "z", ("y", int, field(default=0))], namespace={"norm": lambda s: abs(s.x) + abs(s.y)})
print(Point3(1, 2, 3), Point3(-4, 0).norm())


@dataclass(frozen=True)
class Frozen:
    v: int


try:
    Frozen(1).v = 2
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(fields(Account)[0].default is dataclasses.MISSING, fields(Account)[1].default)


@dataclass(eq=False)
class Ident:
    v: int


print(Ident(1) == Ident(1), Ident.__hash__ is object.__hash__)
