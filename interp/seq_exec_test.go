package interp

import "testing"

// Programs exercising list, tuple and dict (constructors, methods,
// operators, comparisons, views, iterators, sorted and reversed),
// checked against CPython 3.12 by checkPrograms. Programs without
// functions or classes are also checked for leaks.
var seqPrograms = map[string]string{
	"list_basics": `l = [1, 2, 3]
l.append(4)
l.extend((5, 6))
l.extend([7])
l.extend(range(8, 10))
l.insert(0, 0)
l.insert(-1, 'x')
l.insert(100, 'end')
l.insert(-100, 'start')
print(l, len(l))
l.remove('x')
print(l.pop(), l.pop(0), l.pop(-2), l)
print(l.index(3), l.index(5, 2), l.index(5, -6, -1), l.count(3), l.count(42))
l2 = l.copy()
l2.reverse()
print(l2, l, l2 is l)
l2.clear()
print(l2, len(l2), not l2, not l)
e = []
e.extend(e)
m = [1, 2]
m.extend(m)
print(e, m)
m += (9, 8)
m += range(2)
print(m)
m *= 2
print(m, len(m))
m *= 0
print(m)
n = [1, 2]
n2 = n
n2 *= 1
print(n is n2, n)
print([] * 5, [1, 2] * -1, [0] * 3, 2 * [1, 2], True * [5], [1] * False)
print(list(), list([1, 2]), list((3,)), list(range(3)), list({'a': 1, 'b': 2}))
print(list.__getitem__([1, 2], 1), [1, 2].__len__(), [1, 2].__contains__(2), [5, 6].__getitem__(slice(1, None)))
x = [1, 2, 3]
x.__setitem__(0, 10)
x.__delitem__(1)
print(x, x.__iter__().__next__(), list(x.__reversed__()), x.__eq__([10, 3]), x.__lt__(()), x.__add__([4]), x.__mul__(2), x.__rmul__(2))
print(x.__repr__(), list.__hash__, [1, 2].__iadd__([3]), [1].__imul__(3))
print(list(reversed([1, 2, 3])), list(reversed([])), [].__class__)
it = reversed([1, 2])
print(next(it), next(it), next(it, 'done'))
y = [1, 2, 3]
it = reversed(y)
print(next(it))
y.clear()
print(list(it))
z = [1, 2, 3]
it = iter(z)
print(next(it))
z.append(4)
print(list(it))
z = [[1, 2], [3]]
z[0].append(z[1])
print(z, z.index([3]), z.count([3]), [3] in z)
`,
	"list2": `def attempt(f):
    try:
        print('ok', f())
    except Exception as e:
        print(f'{type(e).__name__}: {e}')
attempt(lambda: list(1))
attempt(lambda: list(1, 2))
attempt(lambda: list(x=1))
attempt(lambda: [].pop())
attempt(lambda: [1].pop(5))
attempt(lambda: [1].pop(-2))
attempt(lambda: [1].pop(1, 2))
attempt(lambda: [1].pop('a'))
attempt(lambda: [1].pop(2 ** 80))
attempt(lambda: [1].pop(x=1))
attempt(lambda: [].remove(1))
attempt(lambda: [1].index(2))
attempt(lambda: [1].index([1, 2]))
attempt(lambda: [1].index(1, 'a'))
attempt(lambda: [1, 2, 3].index(3, 0, 2))
attempt(lambda: [1, 2, 3].index(3, 2 ** 100))
attempt(lambda: [1, 2, 3].index(1, -2 ** 100))
attempt(lambda: [].index())
attempt(lambda: [].index(1, 2, 3, 4))
attempt(lambda: [1, 2] + (1,))
attempt(lambda: [1] * 1.5)
attempt(lambda: 1.5 * [1])
attempt(lambda: [1] * [1])
attempt(lambda: [3] * (2 ** 70))
attempt(lambda: [].insert(1))
attempt(lambda: [1].insert('a', 1))
attempt(lambda: [1].insert(2 ** 80, 1))
attempt(lambda: [].append())
attempt(lambda: [].append(1, 2))
attempt(lambda: [].append(x=1))
attempt(lambda: [].extend(1))
attempt(lambda: [1, 2].count())
attempt(lambda: [].copy(1))
attempt(lambda: [].clear(1))
attempt(lambda: [].reverse(1))
attempt(lambda: [1] < (1,))
attempt(lambda: [1, 'a'] < [1, 2])
attempt(lambda: [].__getitem__(0))
attempt(lambda: list.__getitem__([1], 'a'))
attempt(lambda: [].__len__(1))
attempt(lambda: [].__eq__())
attempt(lambda: [].__mul__(1.5))
attempt(lambda: [].__iadd__(5))
attempt(lambda: hash([]))
attempt(lambda: {[]: 1})
attempt(lambda: list.append())
attempt(lambda: list.append(5, 1))
attempt(lambda: [1, 2, 3][5])
attempt(lambda: [1, 2, 3][1:2:0])
attempt(lambda: reversed(5))
x = [1, 2]
x += (3,)
print(x)
try:
    x += 5
except TypeError as e:
    print(e, x)
def gen():
    yield 10
    raise ValueError('stop')
try:
    x.extend(gen())
except ValueError as e:
    print(e, x)
eqs = []
class E:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        eqs.append((self.v, getattr(other, 'v', other)))
        return isinstance(other, E) and self.v == other.v
    def __repr__(self):
        return f'E{self.v}'
a, b = E(1), E(1)
print([a] == [a], eqs, [a] == [b], eqs, (a,) == (b, 2), eqs, [a] == [b, 2], eqs)
print([a, 1] < [b, 2], eqs)
print([E(2)].count(E(2)), [E(2)].index(E(2)), E(3) in [E(3)], eqs[-3:])
l = [E(1), E(2), E(3)]
l.remove(E(2))
print(l)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 5], [1, 2] == [1, 2], [1, 2] != [1, 2.0], [[1, 2], [3]] < [[1, 2], [4]], [1] <= [1], [2] >= [3])
nested = []
cur = nested
for i in range(50):
    nxt = []
    cur.append(nxt)
    cur = nxt
print(nested == nested, len(repr(nested)))
class Shrink:
    def __eq__(self, other):
        victim.clear()
        return False
victim = [Shrink(), Shrink()]
print(victim == [1, 2], victim)
victim = [Shrink(), 5]
print(victim.count(5), victim)
mixed = [3, 'b', 1.5]
mixed.sort()
`,
	"noleak1": `l = [5, 3, [1, 2], (4,), {'k': 'v'}]
l.append(l[2])
l.extend((6, 7))
l.insert(1, 'ins')
l.remove((4,))
p = l.pop(2)
print(l, p, l.index(6), l.count([1, 2]), len(l))
nums = [9, 4, 7, 1, 8, 2, 2, 6]
nums.sort()
s = sorted(nums, reverse=True)
groups = [[3, 1], [2], [], [1, 1, 1], [0]]
groups.sort(key=len)
print(nums, s, groups, sorted(groups, key=len, reverse=True))
r = nums.copy()
r.reverse()
print(r, list(reversed(r)), r * 2, 2 * r[:2], r + [0], r[1:3] + r[:1])
r += [100]
r *= 2
print(r)
t = tuple(nums)
print(t, t + (1,), t * 2, t.count(2), t.index(8), t[2:5], t[::-1], tuple(t) is t, hash((1, (2, 3))))
print((1, 2) < (1, 2, 3), [1, 2] > [1], (3,) == (3,), [[1]] == [[1]], [(1, 2)] != [(1, 2)])
d = {'b': 2, 'a': 1}
d['c'] = [d['a'], d['b']]
d.update({'d': 4}, e=5)
d.update([('f', 6)])
d.setdefault('g', 7)
print(d, d.get('a'), d.get('z', 0), d.pop('g'), d.popitem(), len(d))
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, 'a' in k, 2 in v, ('a', 1) in i, list(reversed(i)), sorted(k))
d2 = d | {'x': 0}
d2 |= [('y', 1)]
print(d2, d2 == d, dict.fromkeys(k, 0), dict(d2) == d2, d2.copy() is d2)
for key in d:
    d[key] = 0
print(d, list(d.values()))
try:
    for key in d:
        d['new'] = 1
except RuntimeError as e:
    print(e)
try:
    [3, 'x'].sort()
except TypeError as e:
    print(e)
try:
    d['missing']
except KeyError as e:
    print(repr(e))
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(e)
nested = {'list': [1, {'t': (2, [3])}], 'dict': {}}
nested['dict']['self'] = nested['list']
print(nested, [nested['list']] * 2)
ll = [[0] * 3] * 2
ll[0][0] = 1
print(ll)
it = iter(d.items())
print(next(it))
d.clear()
print(d, k, v, i, len(k))
print(sorted([3, 1, 2]), sorted((2.5, 1, True)), sorted([[2], [1, 5], [1]]))
print(list(range(3)) * 0, [] + [], () + (), {} == {}, [] == (), list(()), tuple([]))
[1, 2].index(3)
`,
	"errors": `try:
    print('ok', list(1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', list(1, 2))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', list(x=1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].pop())
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1].pop(5))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1].pop(-2))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1].pop(1, 2))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1].pop('a'))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1].pop(2 ** 80))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1].pop(x=1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].remove(1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1].index(2))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1].index([1, 2]))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1].index(1, 'a'))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1, 2, 3].index(3, 0, 2))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1, 2, 3].index(3, 2 ** 100))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1, 2, 3].index(1, -2 ** 100))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].index())
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].index(1, 2, 3, 4))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1, 2] + (1,))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1] * 1.5)
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', 1.5 * [1])
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1] * [1])
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [3] * (2 ** 70))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].insert(1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1].insert('a', 1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1].insert(2 ** 80, 1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].append())
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].append(1, 2))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].append(x=1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].extend(1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1, 2].count())
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].copy(1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].clear(1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].reverse(1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1] < (1,))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1, 'a'] < [1, 2])
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].__getitem__(0))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', list.__getitem__([1], 'a'))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].__len__(1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].__eq__())
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].__mul__(1.5))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [].__iadd__(5))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', hash([]))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {[]: 1})
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', list.append())
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', list.append(5, 1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1, 2, 3][5])
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [1, 2, 3][1:2:0])
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', reversed(5))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', dict(1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', dict([1]))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', dict([(1, 2, 3)]))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', dict([(1, 2), [1, 2, 3]]))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', dict(1, 2))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.popitem())
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.pop(1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.pop())
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.pop(1, 2, 3))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.get())
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.get(x=1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.get(1, 2, 3))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.setdefault())
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.setdefault([]))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.update(1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.update([1]))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.update({}, {}))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.keys(1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.copy(1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.clear(x=1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', dict.fromkeys())
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', dict.fromkeys(1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', dict.fromkeys([1], 2, 3))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {} | [])
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [] | {})
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {} < {})
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}[[]])
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', [] in {})
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {1: 2}.pop([], 1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.__contains__(1, 2))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {1: 2}['x'])
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', hash({}.keys()))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {}.keys()[0])
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', {1: 2}.keys().isdisjoint(1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', reversed(1))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', reversed())
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', reversed([], []))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', dict(BadKeys()))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', next(it))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', next(it))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
try:
    print('ok', next(rit))
except Exception as e:
    print(f'{type(e).__name__}: {e}')
x = [1, 2]
x += (3,)
try:
    x += 5
except TypeError as e:
    print(e, x)
d = {1: 1, 2: 2}
it = iter(d)
next(it)
d[3] = 3
for i in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print(e)
d = {1: 1, 2: 2}
rit = reversed(d.items())
print(next(rit))
d.popitem()
try:
    next(rit)
except RuntimeError as e:
    print(e)
l = [3, 1, 2]
l.sort(key=len)
`,
	"sort1": `data = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (2, 'f'), (3, 'g')]
def first(p):
    return p[0]
print(sorted(data, key=first))
print(sorted(data, key=first, reverse=True))
l = list(data)
l.sort(key=lambda p: -p[0])
print(l)
l.sort()
print(l)
l.sort(reverse=True)
print(l)
print(sorted([]), sorted([1]), sorted((3, 2, 1)), sorted(range(5), reverse=True), sorted({'b': 1, 'a': 2}))
print(sorted([2.5, -1, 3, 0.5, True]), sorted(['b', 'a', 'ab', '', 'B']), sorted([[2, 1], [1, 2], [1], []]))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]), sorted([3, 1, 2], key=None, reverse=False))
print(sorted([-5, 3, -1, 2], key=lambda x: x * x), sorted(['ccc', 'a', 'bb'], key=len, reverse=True))
print(sorted([3.0, 1.0, 2.0, -0.0, 0.0]))
calls = []
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        calls.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return f'K({self.v})'
ks = [K(i) for i in [5, 3, 8, 1, 9, 2, 7, 4, 6, 0]]
ks.sort()
print(ks)
print(len(calls), calls)

def lcg(n, seed):
    out = []
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % 1000)
    return out
for n in [50, 64, 65, 100, 257, 1000, 3000]:
    calls.clear()
    vals = lcg(n, n)
    ks = [K(v) for v in vals]
    ks.sort()
    ok = [k.v for k in ks] == sorted(vals)
    h = 0
    for a, b in calls:
        h = (h * 31 + a * 7 + b) % 1000000007
    print(n, ok, len(calls), h)
# Partially ordered data exercises galloping.
for pattern in ['asc', 'desc', 'saw', 'runs']:
    if pattern == 'asc':
        vals = list(range(500))
    elif pattern == 'desc':
        vals = list(range(500, 0, -1))
    elif pattern == 'saw':
        vals = [i % 37 for i in range(600)]
    else:
        vals = list(range(0, 300, 3)) + list(range(1, 300, 3)) + list(range(2, 300, 3)) + lcg(200, 7)
    calls.clear()
    ks = [K(v) for v in vals]
    ks.sort()
    h = 0
    for a, b in calls:
        h = (h * 31 + a * 7 + b) % 1000000007
    print(pattern, [k.v for k in ks] == sorted(vals), len(calls), h)
`,
	"sort2": `l = [3, 'a', 1, 2]
try:
    l.sort()
except TypeError as e:
    print('TypeError:', e)
print(l)
try:
    sorted([1, 2, None])
except TypeError as e:
    print(e)
seen = []
def key(x):
    seen.append(len(l))
    return -x
l = [1, 2, 3]
l.sort(key=key)
print(l, seen)
def bad_key(x):
    if x == 2:
        raise ValueError('no 2')
    return x
l = [3, 2, 1]
try:
    l.sort(key=bad_key)
except ValueError as e:
    print('ValueError', e, l)
l = [5, 1, 4]
def mutate(x):
    l.append(x)
    return x
try:
    l.sort(key=mutate)
except ValueError as e:
    print(e, l)
class Bad:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 7 or other.v == 7:
            raise RuntimeError('seven')
        return self.v < other.v
    def __repr__(self):
        return f'B{self.v}'
items = [Bad(v) for v in [9, 3, 5, 1, 7, 2, 8, 0, 4, 6]]
try:
    items.sort()
except RuntimeError as e:
    print(e, items, len(items))
items = [Bad((v * 37) % 101) for v in range(300)]
try:
    items.sort()
except RuntimeError as e:
    print(e, [b.v for b in items][:40], len(items))
class Mut:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        target.append(1)
        target.pop()
        return self.v < other.v
target = [Mut(2), Mut(1)]
try:
    target.sort()
except ValueError as e:
    print(e, [m.v for m in target])
class Clear:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        target2.clear()
        return self.v < other.v
target2 = [Clear(2), Clear(1)]
target2.sort()
print([m.v for m in target2])
print(sorted([3, 1, 2], reverse=1), sorted([1, 2], reverse=None))
try:
    [].sort(1)
except TypeError as e:
    print(e)
try:
    [].sort(foo=1)
except TypeError as e:
    print(e)
try:
    sorted()
except TypeError as e:
    print(e)
try:
    sorted([], 1)
except TypeError as e:
    print(e)
try:
    sorted(key=len)
except TypeError as e:
    print(e)
try:
    sorted(5)
except TypeError as e:
    print(e)
print([].sort(key=1), sorted([], key=5))
try:
    sorted([1], key=5)
except TypeError as e:
    print(e)
r = list(range(10))
r.sort(key=lambda x: x % 3)
print(r)
r.sort(key=lambda x: x % 2, reverse=True)
print(r)
print(sorted([[1, [2]], [1, [1]], [0]]))
sorted([1, 'x', 2.5])
`,
	"tuple1": `t = (1, 2, 3, 2)
print(t.count(2), t.index(2), t.index(2, 2), t.index(3, -3, -1), t.count(5), len(t), 2 in t, 7 in t)
print(tuple(), tuple([1, 2]), tuple(range(3)), tuple({'x': 1}), tuple((1,)) , t[1:3], t[::-1])
print(t is tuple(t), t + (), () + t, t + (4,), t * 2, 2 * t, t * 0, t * -3, (1,) * 3)
print(t * 1 is t, (t + ()) is t, () * 5)
print(hash((1, 2)), hash(()), hash((1,)), hash(((1, 2), (3, 4))), hash((1.5, -1)), hash((2**64, -2)), hash((True, False)))
print(hash((1, 2)) == hash((1.0, 2)), hash((0.5, (1, (2,)))), hash(((),)))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) <= (1, 2), (1, 2) >= (1, 3), () < (0,), (1, 2) == (1, 2), (1, 2) != (1, 2.0))
print((1, 'a') < (1, 'b'), ([1], 2) == ([1], 2), (1, 2) == [1, 2], (1, 2) != [1, 2])
print(t.__len__(), t.__getitem__(0), t.__contains__(3), t.__add__((5,)), t.__mul__(2), t.__rmul__(2), t.__eq__(t), t.__lt__([]), t.__hash__() == hash(t))
print(t.__repr__(), list(t.__iter__()), tuple.__hash__((1,)) == hash((1,)))
print(list(reversed(t)), list(reversed(())), {(1, 2): 'a', (1, 2.0): 'b'})
d = {}
d[(1, (2, 3))] = 'nested'
print(d[(1, (2, 3))], (1, (2, 3)) in d)
a = (1, [2])
try:
    hash(a)
except TypeError as e:
    print(e)
try:
    (1,) + [1]
except TypeError as e:
    print(e)
try:
    () + []
except TypeError as e:
    print(e)
try:
    (1,) * 1.5
except TypeError as e:
    print(e)
try:
    (1,) * (1,)
except TypeError as e:
    print(e)
try:
    t.index(9)
except ValueError as e:
    print(e)
try:
    t.index()
except TypeError as e:
    print(e)
try:
    t.count()
except TypeError as e:
    print(e)
try:
    t.index(1, 'a')
except TypeError as e:
    print(e)
try:
    tuple(1)
except TypeError as e:
    print(e)
try:
    tuple(1, 2)
except TypeError as e:
    print(e)
try:
    tuple(x=1)
except TypeError as e:
    print(e)
try:
    (1, 2) < (1, 'a')
except TypeError as e:
    print(e)
try:
    (1,) * (2 ** 80)
except OverflowError as e:
    print(e)
try:
    (1,) < [1]
except TypeError as e:
    print(e)
t[0] = 5
`,
	"dict1": `d = dict(a=1, b=2)
print(d, dict(), dict({'x': 1}), dict([('k', 'v'), [1, 2]]), dict({1: 2}, z=3), dict([(1, 2)], **{'x': 5}), dict(d) == d, dict(d) is d)
print(d.get('a'), d.get('zz'), d.get('zz', 0), d.setdefault('c', 3), d.setdefault('a', 99), d.setdefault('n'), d)
print(d.pop('n'), d.pop('zz', 'dflt'), d, {}.pop([], 1))
print(d.popitem(), d, d.popitem(), d)
d.update({'q': 1}, r=2)
d.update([('s', 3)])
d.update(t=4)
d.update()
print(d, len(d), 'q' in d, 'zz' not in d)
c = d.copy()
c['new'] = 1
print(c, d, c is d)
c.clear()
print(c, len(c))
print(dict.fromkeys([1, 2]), dict.fromkeys((3,), 'v'), {}.fromkeys(range(3), 0), dict.fromkeys([]))
e = {1: 'a', 2: 'b'}
print(e | {2: 'B', 3: 'C'}, {3: 'c'} | e, e)
e |= {4: 'd'}
e |= [(5, 'e')]
print(e)
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} != {1: 2}, {1: 2} == {1: 2, 3: 4}, {} == {}, {1: 1} == {1: 1.0}, {1: 2} == [1])
print(e.__contains__(1), e.__getitem__(1), e.__len__(), list(e.__iter__()), e.__eq__(e), e.__lt__(e), e.__or__(1), e.__ror__({0: 0}))
e.__setitem__(9, 9)
e.__delitem__(1)
print(e, e.__repr__(), dict.__hash__, list(e.__reversed__()))
k = e.keys()
v = e.values()
i = e.items()
print(k, v, i, len(k), len(v), len(i), 2 in k, 'b' in v, (2, 'b') in i, (2, 'x') in i, 2 in i, [2, 'b'] in i)
e[10] = 'ten'
print(k, list(v), list(i))
print(list(reversed(k)), list(reversed(v)), list(reversed(i)), list(reversed(e)))
print(k == {2: 0, 3: 0, 4: 0, 5: 0, 9: 0, 10: 0}.keys(), k == e.keys(), i == e.items(), v == v, v == e.values(), k != i)
print(e.keys() <= e.keys(), e.keys() < e.keys(), {1: 1}.keys() < {1: 1, 2: 2}.keys(), {1: 1, 2: 2}.keys() > {2: 5}.keys(), {1: 2}.items() >= {1: 2}.items())
print(k.isdisjoint([100, 200]), k.isdisjoint([2]), i.isdisjoint([(2, 'b')]), {}.keys().isdisjoint([]), k.isdisjoint(k))
print({}.keys(), {}.values(), {}.items())
n = {'a': {'b': [1, {'c': (2, 3)}]}, (1, 2): None}
print(n, n['a']['b'][1]['c'], n[(1, 2)])
r = {}
r['self'] = r
print(r, r.keys(), r.items())
del r['self']
x = {1: 1}
x[True] = 'true'
x[1.0] = 'float'
print(x)
it = iter({1: 2, 3: 4}.items())
print(next(it), next(it), next(it, 'end'))
print(type(iter({})).__name__, type(iter({}.values())).__name__, type(iter({}.items())).__name__, type(reversed({})).__name__, type({}.keys()).__name__)
big = {}
for j in range(1000):
    big[j] = j * j
for j in range(0, 1000, 2):
    del big[j]
print(len(big), big[999], sum(big.keys()), list(big)[:5])
while len(big) > 3:
    big.popitem()
print(big)
for j in range(20):
    big[j] = 0
    big.popitem()
print(big)
`,
	"dict2": `def attempt(f):
    try:
        print('ok', f())
    except Exception as e:
        print(f'{type(e).__name__}: {e}')
attempt(lambda: dict(1))
attempt(lambda: dict([1]))
attempt(lambda: dict([(1, 2, 3)]))
attempt(lambda: dict([(1, 2), [1, 2, 3]]))
attempt(lambda: dict(1, 2))
attempt(lambda: {}.popitem())
attempt(lambda: {}.pop(1))
attempt(lambda: {}.pop())
attempt(lambda: {}.pop(1, 2, 3))
attempt(lambda: {}.get())
attempt(lambda: {}.get(x=1))
attempt(lambda: {}.get(1, 2, 3))
attempt(lambda: {}.setdefault())
attempt(lambda: {}.setdefault([]))
attempt(lambda: {}.update(1))
attempt(lambda: {}.update([1]))
attempt(lambda: {}.update({}, {}))
attempt(lambda: {}.keys(1))
attempt(lambda: {}.copy(1))
attempt(lambda: {}.clear(x=1))
attempt(lambda: dict.fromkeys())
attempt(lambda: dict.fromkeys(1))
attempt(lambda: dict.fromkeys([1], 2, 3))
attempt(lambda: {} | [])
attempt(lambda: [] | {})
attempt(lambda: {} < {})
attempt(lambda: {}[[]])
attempt(lambda: [] in {})
attempt(lambda: {1: 2}.pop([], 1))
attempt(lambda: {}.__contains__(1, 2))
attempt(lambda: {1: 2}['x'])
attempt(lambda: hash({}.keys()))
attempt(lambda: {}.keys()[0])
attempt(lambda: {1: 2}.keys().isdisjoint(1))
attempt(lambda: reversed(1))
attempt(lambda: reversed())
attempt(lambda: reversed([], []))
class M:
    def keys(self):
        return ['a', 'b']
    def __getitem__(self, k):
        return (k, k)
print(dict(M()), dict(M(), c=1))
d = {}
d.update(M())
print(d)
class BadKeys:
    def keys(self):
        return 5
attempt(lambda: dict(BadKeys()))
d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print(e, len(d))
d = {1: 1, 2: 2, 3: 3}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(e, d)
d = {1: 1, 2: 2}
try:
    for k in d:
        d.pop(k)
        d[k + 100] = 0
except RuntimeError as e:
    print(e, d)
d = {1: 1, 2: 2}
it = iter(d)
next(it)
d[3] = 3
attempt(lambda: next(it))
attempt(lambda: next(it))
d = {1: 1, 2: 2}
try:
    for v in d.values():
        d.clear()
except RuntimeError as e:
    print(e)
d = {1: 1, 2: 2, 3: 3}
try:
    for k, v in d.items():
        d[k] = v * 10
except RuntimeError as e:
    print(e)
print(d)
d = {1: 1, 2: 2}
rit = reversed(d)
print(next(rit))
d[5] = 5
attempt(lambda: next(rit))
l = [1, 2, 3, 4]
for x in l:
    if x == 2:
        l.remove(x)
print(l)
l = [1, 2]
for x in l:
    if len(l) < 6:
        l.append(x * 10)
print(l)
{}.popitem()
`,
	"rev": `class R:
    def __reversed__(self):
        return iter([3, 2, 1])
class N:
    __reversed__ = None
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return i
class S:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 2:
            raise IndexError(i)
        return i * 10
class G:
    def __getitem__(self, i):
        return i
print(list(reversed(R())), list(reversed(S())), list(reversed((1, 2, 3))), list(reversed(range(4))))
r = reversed((1, 2))
print(type(r).__name__, next(r), next(r), next(r, 'x'), next(r, 'y'))
try:
    reversed(N())
except TypeError as e:
    print(e)
try:
    reversed(G())
except TypeError as e:
    print(e)
try:
    reversed({1: 2}.values().__iter__())
except TypeError as e:
    print(e)
try:
    reversed(x=[1])
except TypeError as e:
    print(e)
print(reversed.__name__, list(reversed([])), iter(r) is r)
lr = reversed([1, 2, 3])
print(lr.__next__(), list(lr.__iter__()))
dk = reversed({1: 1}.keys())
print(type(dk).__name__, list(dk))
d = {}
d[1] = d.keys()
d[2] = d.values()
d[3] = d.items()
print(d)
print(sorted(reversed([3, 1, 2])), sorted({3: 1, 1: 2}.items()), sorted({3: 1, 1: 2}.values()))
print(list(zip(reversed([1, 2]), [3, 4])))
reversed(5)
`,
	"ops": `class I:
    def __index__(self):
        return 2
class RA:
    def __radd__(self, other):
        return ('radd', other)
    def __rmul__(self, other):
        return ('rmul', other)
class P:
    pass
print([1] * I(), I() * [1], (1,) * I(), [1, 2].__mul__(I()), [1][I() - 2 if False else 0])
print([1] + RA(), (1,) + RA(), [1] * RA(), (2,) * RA())
x = [1]
x += RA()
print(x)
y = [1]
y *= I()
print(y)
def attempt(f):
    try:
        print('ok', f())
    except Exception as e:
        print(f'{type(e).__name__}: {e}')
attempt(lambda: [1] * P())
attempt(lambda: P() * [1])
attempt(lambda: [1] + P())
attempt(lambda: P() + [1])
attempt(lambda: 1 + [1])
attempt(lambda: [1] + 1)
attempt(lambda: (1,) + 1)
attempt(lambda: None * [1])
def f():
    z = [1]
    z *= 'a'
attempt(f)
def g():
    z = (1,)
    z += [2]
attempt(g)
def h():
    z = (1,)
    z += (2,)
    z *= 2
    return z
attempt(h)
def k():
    z = [1, 2]
    w = z
    z += [3]
    z *= 2
    return z, w is z
attempt(k)
print([1, 2, 3][I()], (4, 5, 6)[I()], [1, 2, 3][:I()])
`,
	"deep": `a = []
b = []
for i in range(100000):
    a = [a]
    b = [b]
try:
    a == b
except RecursionError as e:
    print(e)
t = ()
u = ()
for i in range(100000):
    t = (t,)
    u = (u,)
try:
    t < u
except RecursionError as e:
    print(e)
d = {}
e = {}
for i in range(10000):
    d = {1: d}
    e = {1: e}
try:
    d == e
except RecursionError as x:
    print(x)
print(a == a, len(a))
`,
	"views_sets": `a = {1: 'a', 2: 'b', 3: 'c'}
b = {2: 'b', 3: 'x', 4: 'd'}
ka, kb = a.keys(), b.keys()
ia, ib = a.items(), b.items()
print(ka & kb, ka | kb, ka - kb, ka ^ kb, kb - ka)
print(ia & ib, sorted(ia | ib), sorted(ia - ib), sorted(ia ^ ib), sorted(ib ^ ia))
print(ka & {2, 9}, {2, 9} & ka, ka | [7], [7, 1] - ka, (5, 1) | ka, ka ^ {1, 10}, {1, 10} ^ ka, ka - set(), range(5) - ka)
print(ka & [1, 1, 2], ia & [(1, 'a'), (2, 'z')], ka & ka, ia - ia)
print(ka == {1, 2, 3}, {1, 2, 3} == ka, ka < {1, 2, 3, 4}, ka <= {1, 2, 3}, ka > {1}, ka >= set(), ka != frozenset([1, 2, 3]), ia == {(1, 'a'), (2, 'b'), (3, 'c')})
print(ka.isdisjoint({7}), ka.isdisjoint({1, 7}), ia.isdisjoint({(1, 'a')}), {}.keys() == set(), {}.items() <= {1})
print(ka.__and__(kb), ka.__rsub__([3, 4]), ka.__or__(kb), ka.__xor__([1]))
x = {(1, 2): 0}.items() ^ {(1, 2): 1}.items()
print(sorted(x))
try:
    ka & 5
except TypeError as e:
    print(e)
try:
    5 - ka
except TypeError as e:
    print(e)
try:
    ka | None
except TypeError as e:
    print(e)
try:
    ia & [[1]]
except TypeError as e:
    print(e)
print(type(ka - kb).__name__, type(ka & {1}).__name__)
ka ^ 1
`,
	"index_errors": `l = [1, 2]
for k in [2**70, -2**70, 5, -3]:
    try:
        print(l[k])
    except IndexError as e:
        print(e)
    try:
        l[k] = 1
    except IndexError as e:
        print(e)
    try:
        del l[k]
    except IndexError as e:
        print(e)
    try:
        print((1,)[k])
    except IndexError as e:
        print(e)
print(l[True], l[-1], (1, 2)[False])
l['a']
`,
	"new_methods": `print(list.__new__(list), tuple.__new__(tuple), tuple.__new__(tuple, [1, 2]), dict.__new__(dict), list.__new__(list, 1, 2))
for f in [lambda: tuple.__new__(), lambda: tuple.__new__(5), lambda: tuple.__new__(int), lambda: list.__new__(dict), lambda: tuple.__new__(tuple, 1, 2)]:
    try:
        f()
    except TypeError as e:
        print(e)
`,
	"structseq": `import sys
v = sys.version_info
print(v >= (3, 12), (3, 12) <= v, v[:2] == (3, 12), v == tuple(v), v < (4,), v.count(3), v.index(12), hash(v) == hash(tuple(v)), tuple(v) is v, list(v)[:2], sorted(v[:3]))
print(v[:2] + (1,), len(v), 3 in v, (v > (3, 12, 0)) == (tuple(v) > (3, 12, 0)))
`,
}

func TestSeqPrograms(t *testing.T) { checkPrograms(t, seqPrograms) }
