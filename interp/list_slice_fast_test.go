package interp

import "testing"

// listSliceFastPrograms exercise BINARY_SLICE and STORE_SLICE on lists:
// the way without a slice object (an exact list, bounds that are unboxed
// ints or None, in and out of range, negative, empty and reversed) and
// every case that must leave it (a list subclass with its own
// __getitem__/__setitem__, bool and big-int bounds, an object with
// __index__ that changes the list, a tuple or str container), plus
// assignments that grow, shrink, assign the list to itself, take any
// iterable, fail, and replace items whose __del__ looks at the list,
// against CPython 3.12.
var listSliceFastPrograms = map[string]string{
	"list_slice_plain_bounds": `l = list(range(10))
for a in (None, -20, -3, 0, 2, 9, 10, 30):
    for b in (None, -20, -1, 0, 4, 10, 99):
        print(a, b, l[a:b])
print(l[:], l[:] is l, l[True:2], l[1:False], l[2**70:], l[-2**70:2], l[:2**64])
`,
	"list_store_slice": `l = list(range(6))
l[1:3] = ['a', 'b', 'c', 'd']
print(l)
l[2:5] = ()
print(l)
l[:] = l
print(l)
l[1:1] = 'xy'
print(l)
l[-2:] = (i * i for i in range(3))
print(l)
l[10:20] = [7]
print(l)
l[4:2] = [0]
print(l)
l[True:2**65] = [1, 2]
print(l)
try:
    l[0:1] = 5
except TypeError as e:
    print('TypeError', e)
print(l)
`,
	"list_slice_subclass_and_index": `class L(list):
    def __getitem__(self, k):
        return ('get', k)
    def __setitem__(self, k, v):
        print('set', k, v)
class M(list):
    pass
class I:
    def __init__(self, l, n): self.l, self.n = l, n
    def __index__(self):
        self.l.append(len(self.l))
        return self.n
l = L([1, 2, 3])
print(l[1:2], l[:])
l[0:1] = [9]
m = M(range(5))
print(m[1:3], type(m[1:3]).__name__)
m[1:3] = 'ab'
print(m)
k = list(range(4))
print(k[I(k, 1):I(k, 10)], k)
k[I(k, 0):I(k, 2)] = [8]
print(k)
print((1, 2, 3)[1:], 'abc'[:2], range(5)[1:3])
try:
    print(k['a':2])
except TypeError as e:
    print('TypeError', e)
try:
    k[1.5:] = []
except TypeError as e:
    print('TypeError', e)
`,
	"list_store_slice_del_sees_list": `class D:
    def __init__(self, l, n): self.l, self.n = l, n
    def __del__(self):
        print('del', self.n, len(self.l), [getattr(x, 'n', x) for x in self.l[:2]])
l = []
l.extend(D(l, i) for i in range(4))
l[1:3] = [5]
print(len(l))
l[0:1] = [6, 7, 8]
print(len(l))
l[:] = []
print(l)
`,
}

func TestListSliceFast(t *testing.T) { checkProgramsAtThresholds(t, listSliceFastPrograms) }
