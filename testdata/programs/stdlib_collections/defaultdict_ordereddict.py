from collections import defaultdict, OrderedDict

graph = defaultdict(list)
for a, b in [("a", "b"), ("a", "c"), ("b", "c"), ("c", "a"), ("d", "a")]:
    graph[a].append(b)
print(dict(graph))
print(graph["zzz"], "zzz" in graph, len(graph))
tree = lambda: defaultdict(tree)
t = tree()
t["x"]["y"]["z"] = 1
print(t["x"]["y"]["z"], type(t["x"]).__name__)
dd = defaultdict(int, {"a": 1})
dd["b"] += 5
print(dd, dd.default_factory)
nd = defaultdict(None)
try:
    nd["missing"]
except KeyError as e:
    print("KeyError", e)
print(repr(defaultdict(set)), dd.copy() == dd, type(dd | {"c": 1}).__name__)

od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
od.move_to_end("e", last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False), list(od))
o1 = OrderedDict(a=1, b=2)
o2 = OrderedDict(b=2, a=1)
print(o1 == o2, dict(o1) == dict(o2), o1 == dict(o2))
print(o1, list(reversed(o1)))
o1["c"] = 3
o1.update([("a", 10)])
print(o1)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
