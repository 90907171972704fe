import json
from decimal import Decimal
from fractions import Fraction
from collections import OrderedDict
from dataclasses import dataclass, asdict


@dataclass
class Point:
    x: int
    y: int


class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"__point__": asdict(o)}
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        if isinstance(o, Fraction):
            return f"{o.numerator}/{o.denominator}"
        return super().default(o)


def hook(d):
    if "__point__" in d:
        return Point(**d["__point__"])
    return d


data = {"p": Point(1, 2), "s": {3, 1, 2}, "f": Fraction(3, 4), "list": [Point(0, 0)]}
text = json.dumps(data, cls=Encoder, sort_keys=True)
print(text)
print(json.loads(text, object_hook=hook))
print(json.loads('{"b": 1, "a": 2, "b": 3}', object_pairs_hook=list))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads("[1.10, 2.5]", parse_float=Decimal))
print(json.loads("[7, 8]", parse_int=lambda s: int(s) * 10))
print(json.loads("[NaN]", parse_constant=lambda s: f"<{s}>"))
print(json.dumps({"x": 1}, default=str), json.dumps([Decimal("1.5")], default=str))
try:
    json.dumps({"x": object})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({(1, 2): 3, "k": 1}, skipkeys=True))
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
cyc = []
cyc.append(cyc)
try:
    json.dumps(cyc)
except ValueError as e:
    print("ValueError:", e)
enc = json.JSONEncoder(indent=1)
print(list(enc.iterencode({"a": [1]})))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} trailing'))
