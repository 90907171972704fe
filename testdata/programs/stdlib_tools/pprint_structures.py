import pprint
from collections import OrderedDict, defaultdict, Counter, deque
from dataclasses import dataclass

data = {
    "name": "project",
    "version": (1, 4, 2),
    "dependencies": ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"],
    "matrix": [[i * j for j in range(6)] for i in range(4)],
    "meta": {"z": 1, "a": {"nested": {"deep": list(range(12))}}, "m": None},
    "text": "a fairly long string value that will need to be wrapped when printed narrowly " * 2,
}
pprint.pprint(data)
pprint.pprint(data, width=40, depth=2)
pprint.pprint(data["meta"], sort_dicts=False, compact=True, width=30)
pprint.pprint(list(range(40)), compact=True, width=50)
print(pprint.pformat({"b": 1, "a": 2}), pprint.pformat("x" * 10, width=5))
print(pprint.saferepr({"self": None, "list": [1, 2]}), pprint.isreadable([1, {2}]), pprint.isrecursive([1]))
rec = [1, 2]
rec.append(rec)
print(pprint.isrecursive(rec), pprint.isreadable(rec))
pprint.pprint(OrderedDict(b=1, a=2))
pprint.pprint(defaultdict(list, {"k": [1, 2]}))
pprint.pprint(Counter("mississippi"))
pprint.pprint(deque(range(30), maxlen=40), width=40)


@dataclass
class Cfg:
    host: str
    ports: list
    opts: dict


pprint.pprint(Cfg("localhost", list(range(8000, 8012)), {"debug": True, "workers": 4}), width=50)
pp = pprint.PrettyPrinter(indent=4, width=30, underscore_numbers=True)
pp.pprint({"big": 12345678, "items": ["one", "two", "three"]})
print(pprint.pp is not None)
pprint.pp({"z": 1, "a": 2})
