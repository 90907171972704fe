print(len('abc'), len([1, 2]), len({}), len(range(0, 10, 3)), len(b'xy'), len({1, 2, 2}), len((1,)))
print(list(enumerate('abc')), list(enumerate('ab', 10)), list(enumerate([], 5)))
e = enumerate(['x', 'y'], start=-1)
print(next(e), next(e), type(e).__name__)
print(list(range(3)), list(range(1, 4)), list(range(10, 0, -3)), list(range(0)), list(range(-3, 3, 2)))
for i, (a, b) in enumerate(zip('pq', 'rs')):
    print(i, a, b)
class L:
    def __len__(self):
        return 7
print(len(L()))
try:
    len(iter([]))
except TypeError as e:
    print(e)
