import functools
import statistics


class Dataset:
    def __init__(self, values):
        self.values = values
        self.computed = []

    @functools.cached_property
    def mean(self):
        self.computed.append("mean")
        return statistics.fmean(self.values)

    @functools.cached_property
    def spread(self):
        self.computed.append("spread")
        return max(self.values) - min(self.values)

    @property
    def size(self):
        return len(self.values)


d = Dataset([3, 1, 4, 1, 5, 9, 2, 6])
print(d.mean, d.mean, d.spread, d.size, d.computed)
print(sorted(k for k in vars(d) if k != "values"))
del d.mean
print(d.mean, d.computed)
d.spread = 0
print(d.spread, d.computed)
print(type(Dataset.mean).__name__, Dataset.mean.attrname)


class Slotted:
    __slots__ = ("x",)

    @functools.cached_property
    def y(self):
        return 1


try:
    Slotted().y
except TypeError as e:
    print("TypeError:", e)
