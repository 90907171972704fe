from collections import namedtuple
from typing import NamedTuple

Point = namedtuple("Point", ["x", "y"])
p = Point(3, y=4)
print(p, p.x + p.y, p[0], len(p), tuple(p))
print(p._asdict(), p._replace(x=10), Point._make([5, 6]), Point._fields)
x, y = p
print(x, y, p == (3, 4), hash(p) == hash((3, 4)))
P3 = namedtuple("P3", "x y z", defaults=[0])
print(P3(1, 2), P3._field_defaults)
R = namedtuple("R", "a def _b", rename=True)
print(R._fields)
for bad in [("B", "a a"), ("B", "class x"), ("1B", "a")]:
    try:
        namedtuple(*bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)


class Employee(NamedTuple):
    name: str
    dept: str = "eng"
    salary: int = 100

    def raise_(self, pct):
        return self._replace(salary=self.salary * (100 + pct) // 100)


staff = [Employee("ann"), Employee("bob", "ops", 90), Employee("cy", salary=120)]
for e in sorted(staff, key=lambda e: e.salary):
    print(e, e.raise_(10).salary)
print(Employee.__annotations__, Employee._field_defaults)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
