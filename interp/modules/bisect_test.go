package modules_test

import "testing"

var bisectPrograms = map[string]string{
	"_bisect": tryAll + `import _bisect as b
print(sorted(n for n in dir(b) if not n.startswith('__')))
a = [1, 2, 2, 2, 3, 5, 8]
print([(b.bisect_left(a, x), b.bisect_right(a, x)) for x in range(10)], b.bisect_left(a, 2, 2), b.bisect_right(a, 2, 0, 3), b.bisect_left(a, 2, hi=2))
print(b.bisect_right(a, 2, 0, -1), b.bisect_right(a, 2, 0, -2), b.bisect_left(a, 2, 5, 1), b.bisect_right(range(10), 3), b.bisect_left("abc", "b"), b.bisect_right(b"abc", 98))
print(b.bisect_left(a, 4, key=lambda v: v * 2), b.bisect_right(a, 2, key=None), b.bisect_right([1, 2], 3, 2, key=1), b.bisect_right([1, 2, 3], 2, True, False))
l = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    b.insort_left(l, v); b.insort_right(l, v * 10, 0, None)
print(l)
l = [(1, 'a'), (3, 'c')]; b.insort_right(l, (2, 'b'), key=lambda p: p[0]); b.insort_left(l, (3, 'x'), key=lambda p: p[0]); print(l)
class L(list):
    def insert(self, i, x): print('insert', i, x); list.insert(self, i, x)
l = L([1, 3]); b.insort_right(l, 2); print(l)
class S:
    def __len__(self): print('len'); return 3
    def __getitem__(self, i): print('get', i); return i * 2
    def insert(self, i, x): print('ins', i, x)
b.insort_left(S(), 3); print(b.bisect_right(S(), 3, key=lambda v: v + 1)); b.insort_right(S(), 3, key=lambda v: -v)
class S2:
    def __getitem__(self, i): return i
print(b.bisect_right(S2(), 1, 0, 5))
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o): print('lt', self.v, o.v); return self.v < o.v
    def __repr__(self): return 'C%d' % self.v
cs = [C(i) for i in range(7)]; print(b.bisect_left(cs, C(3)), b.bisect_right(cs, C(3)))
tryall('b.bisect_right([1, 2, 3], 2, -1)', 'b.bisect_left([1, 2], 5, 0, 10)', 'b.bisect_left({}, 5)', 'b.bisect_left({1: 2}, 5, 0, 1)', 'b.bisect_left(5, 5)', 'b.bisect_left({1}, 5, 0, 1)',
       'b.bisect_left([1], 1, "a")', 'b.bisect_left([1], 1, 0, "a")', 'b.bisect_left([1], 1, 0, 1.5)', 'b.bisect_left([1], 1, 0, None)', 'b.bisect_left([1], 1, lo=None)',
       'b.bisect_left([1])', 'b.bisect_left()', 'b.bisect_left([1], 1, 0, 1, 1)', 'b.bisect_left([1], 1, z=1)', 'b.bisect_left([1, 2, 3], 2, 0, 3, lambda x: x)',
       'b.insort_left(5, 1)', 'b.insort_left((1, 2), 1)', 'b.insort_right([1, 2], 1, 3, 1)', 'b.bisect_right([1, 2, 3], 2, 2**70)', 'b.bisect_right([1, 2, 3], 2, -2**70)',
       'b.bisect_right([1, 2, 3], 2, 0, 2**70)', 'b.bisect_right([1, "a"], 1)', 'b.bisect_left([1, 2], 1, 0, 5)', 'b.bisect_right([], 1, 0, 5)', 'b.insort_left([], 1, 5)',
       'b.bisect_left([1, 2, 3], 2.5, key=str)', 'b.insort_right([1, 2], 3, key=1)', 'b.bisect_right([1, 2], 3, key=1)', 'b.bisect_right([[1], [2]], [1], 2.0)',
       'b.insort_left(S2(), 1)', 'b.bisect_left(S2(), 1)', 'b.bisect_left([1], 1, x=1)', 'b.bisect_left([1], 1, a=1)')
`,
	"bisect module": `import bisect
a = [10, 20, 30, 40]
print(bisect.bisect(a, 25), bisect.bisect_left(a, 30), bisect.bisect_right(a, 30), bisect.bisect(a, 25, key=lambda v: v))
bisect.insort(a, 25); bisect.insort_left(a, 30); bisect.insort_right(a, 35, lo=1); print(a)
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
data = [('red', 5), ('blue', 1), ('yellow', 8), ('black', 0)]
data.sort(key=lambda r: r[1]); keys = [r[1] for r in data]
print(data[bisect.bisect_left(keys, 0)], data[bisect.bisect_left(keys, 5)], bisect.bisect_left(data, 5, key=lambda r: r[1]))
print(bisect.insort is bisect.insort_right, bisect.bisect_right is __import__("_bisect").bisect_right)
`,
}

func TestBisect(t *testing.T) { checkStdlibModulePrograms(t, bisectPrograms) }
