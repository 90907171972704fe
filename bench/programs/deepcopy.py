"""Deep copies: copy.deepcopy of nested containers, shared references, cycles and instances with __deepcopy__."""

import copy

ROUNDS = 4500


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.tags = ["p", str(x)]


class Shape:
    def __init__(self, name, points):
        self.name = name
        self.points = points
        self.cache = {"area": None, "parent": self}

    def checksum(self):
        return sum(p.x * 3 + p.y for p in self.points) + len(self.name)


class Frozen:
    # Copies share the immutable payload and only duplicate the counter.
    def __init__(self, payload):
        self.payload = payload
        self.counter = [0]

    def __deepcopy__(self, memo):
        clone = Frozen(self.payload)
        clone.counter = [self.counter[0] + 1]
        return clone


def make_data():
    shared = [1, 2, 3, "shared"]
    points = [Point(i, i * i) for i in range(10)]
    data = {
        "ints": list(range(50)),
        "strings": ["s%d" % i for i in range(20)],
        "tuple": (1, (2, 3), [4, 5], "x"),
        "nested": [[i, [i + 1, {"k": i}]] for i in range(10)],
        "shared_a": shared,
        "shared_b": shared,
        "shape": Shape("poly", points),
        "frozen": Frozen(("a", "b", "c")),
        "set": {1, 2, 3, 4},
        "frozenset": frozenset(["x", "y"]),
        "bytes": b"abc",
        "float": 3.5,
        "none": None,
    }
    data["self"] = data
    return data


def main():
    original = make_data()
    total = 0
    for i in range(ROUNDS):
        c = copy.deepcopy(original)
        assert c is not original and c["self"] is c
        assert c["shared_a"] is c["shared_b"] and c["shared_a"] is not original["shared_a"]
        assert c["shape"].cache["parent"] is c["shape"]
        assert c["tuple"][1] is original["tuple"][1]
        c["ints"][i % 50] += i
        total += sum(c["ints"]) + c["shape"].checksum() + c["frozen"].counter[0] + len(c["nested"])
    shallow = copy.copy(original)
    print("deep copies:", ROUNDS, "checksum:", total)
    print("shallow shares:", shallow["ints"] is original["ints"], "original intact:", sum(original["ints"]))


main()
