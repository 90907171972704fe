from collections import Counter

c = Counter("abracadabra")
print(c)
print(c.most_common(2), c["z"], c.total())
c.update("aaz")
c.subtract({"a": 2, "q": 1})
print(c)
print(sorted(c.elements()))
d = Counter(a=3, b=1)
e = Counter(a=1, b=2, c=5)
print(d + e, d - e, d & e, d | e)
print(+Counter(a=2, b=-1), -Counter(a=2, b=-1))
print(d == Counter(b=1, a=3), d <= e | d, Counter(a=1) < Counter(a=2))
print(Counter({"x": 0}) == Counter(), dict(Counter(x=2, y=0)))
del c["z"]
print(list(c.keys()), len(c))
print(Counter([1, 2, 2, 3, 3, 3]).most_common())
print(repr(Counter()), Counter(a=1) == {"a": 1})
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print("NotImplementedError:", e)
