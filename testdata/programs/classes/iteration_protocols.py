class Seq:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 10
    def __len__(self):
        return self.n
s = Seq(4)
print(list(s), 20 in s, 25 in s, len(s), list(reversed(s)))
it = iter(s)
print(type(it).__name__, next(it), next(it))
class NoIter:
    pass
try:
    iter(NoIter())
except TypeError as e:
    print(e)
try:
    for _ in 5:
        pass
except TypeError as e:
    print(e)
class BadIter:
    def __iter__(self):
        return 42
try:
    iter(BadIter())
except TypeError as e:
    print(e)
class Container:
    def __contains__(self, x):
        print('contains', x)
        return x == 'yes'
print('yes' in Container(), 'no' not in Container())
