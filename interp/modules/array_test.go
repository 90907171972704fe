package modules_test

import "testing"

var arrayPrograms = map[string]string{
	"construct": tryAll + `import array
from array import array as A
print(array.typecodes, array.ArrayType is A, A.__name__, A.__module__, A.__qualname__, type(A('i')), A[int])
tryall("A('i')", "A('i', [1,2])", "A('u', 'abc')", "A('d', [1, 2.5])", "A('f', [0.1])", "A('b', b'ab')", "A('B', b'ab')", "A('h', b'ab')", "A('h', b'abc')",
       "A('i', 'ab')", "A('u', [1])", "A('u', ['a', 'b'])", "A('u', ['ab'])", "A('w', 'a')", "A('x')", "A('x', [1])", "A('x', 5)", "A('ii')", "A(5)", "A()",
       "A('i', 1)", "A('i', [1], 2)", "A(typecode='i')", "A('i', initializer=[1])", "A('i', A('h', [1,2]))", "A('d', A('i', [1,2]))", "A('i', A('d', [1.0]))",
       "A('u', A('u','x'))", "A('i', A('u','x'))", "A('u', A('i',[1]))", "A('i', range(3))", "A('i', (x for x in [1,2]))", "A('i', (1, 2))", "A('i', bytearray(b'abcd'))",
       "A('i', memoryview(b'abcd'))", "A('i', A('i', [7, 8]))", "A('q', [-2**63, 2**63-1])", "A('Q', [2**64-1])", "A('L', [2**64-1])", "A('I', [2**32-1])",
       "A('f', [float('nan'), float('inf')])", "A('d', [1e-320, -0.0])", "A('B', [True])", "A('f', [1e300])", "A('u', 'a\\U0001f600')", "A('u', 'a\\ud800')",
       "A('u', [chr(0x10ffff)])", "A('u', '\\x00')")
class I:
    def __init__(s, v): s.v = v
    def __index__(s): return s.v
class F:
    def __float__(s): return 2.5
for tc in 'bBhHiIlLqQfd':
    res = []
    for v in [2**70, -2**70, 2**64, 2**63, -2**63-1, 2**32, -2**31-1, 2**31, 2**16, -2**15-1, 2**15, -1, 256, -129, 128, I(5), I(2**70), 1.5, True, None, F(), '1']:
        try: res.append(repr(A(tc, [v])[0]))
        except Exception as ex: res.append(type(ex).__name__+':'+str(ex))
    print(tc, res)
a = A('u', 'ab')
for v in ['\U0001f600', 'xy', '', 1, b'a']:
    try: a[0] = v; print(a)
    except Exception as ex: print(type(ex).__name__, ex)
class B(A): pass
b = B('i', [1]); b.x = 1
print(b, b + b, type(b + b), b[:], type(b[:]), type(b * 2), B.__mro__, b.__reduce_ex__(3), b.x)
class C(A):
    def __init__(self, tc, init=(), extra=0): self.extra = extra
tryall("C('i', [1], extra=5).extra", "C('i', [1], 5)", "C('i', [1])", "B('i', [1], x=1)")
`,
	"sequence": tryAll + `from array import array as A
a = A('i', [1, 2, 3, 4, 5])
tryall("a[0]", "a[-1]", "a[5]", "a[-6]", "a['x']", "a[1.0]", "a[1:3]", "a[::-1]", "a[::2]", "a[2**70]", "a[True]", "len(a)", "a.itemsize", "a.typecode",
       "a.buffer_info()[1]", "A('i').buffer_info()", "a.tobytes()", "a.tolist()", "3 in a", "7 in a", "'x' in a", "a.index(3)", "a.index(9)", "a.index(3, 3)", "a.index(3, -3)",
       "a.index(3, 0, 2)", "a.index(1, 2**70)", "a.index(1, 0, 2**80)", "a.index(1, -2**80)", "a.index(1, 'x')", "a.count(1)", "a.count('a')", "a + A('i', [9])", "a + A('h', [9])",
       "a + [1]", "[1] + a", "a * 2", "2 * a", "a * -1", "a * 'x'", "a * True", "A('i', [1]) * 2**62", "A('i', [1]) * 2**70", "a == A('i', [1,2,3,4,5])",
       "a == A('h', [1,2,3,4,5])", "a == A('d', [1,2,3,4,5])", "a < A('i', [1,3])", "a > A('d', [1,3])", "a == [1,2,3,4,5]", "a < [1]", "A('u', 'ab') == A('u', 'ab')",
       "A('u', 'ab') < A('u', 'b')", "A('d', [float('nan')]) == A('d', [float('nan')])", "A('i') == A('d')", "a.__copy__()", "a.__deepcopy__({})", "hash(a)",
       "A('q', [1]) == A('Q', [1])", "A('Q', [2**64-1]) == A('q', [-1])", "A('Q', [2**64-1]) > A('q', [-1])", "A('f', [0.5]) == A('d', [0.5])",
       "A('i') < A('i', [1])", "A('i', [1]) <= A('i', [1])", "A('i', [1]) != A('i', [1])", "A('i', [1]) >= A('i', [2])", "A('u', 'a') == A('i', [97])",
       "A('u', 'a') < A('i', [97])", "A('i', [1]) < 1", "A('i', [1]) == 1", "A('i', [1]) == A('i', [1, 2])", "A('i', [2]) > A('i', [1, 2])",
       "A('Q', [2**63]) > A('q', [5])", "A('L', [2**63]) > A('L', [5])", "A('I', [2**31]) > A('I', [5])", "A('d', [0.0]) == A('d', [-0.0])",
       "A('B', [1, 255]) > A('B', [1, 2])", "A('b', [1, -1]) > A('b', [1, 2])", "A('d', [1.0, float('nan')]) < A('d', [1.0, 2.0])",
       "A('d', [float('nan')]) != A('d', [float('nan')])", "A('f', [1.5, 2.5]) >= A('f', [1.5, 2.5])", "A('i')[0:0]", "A('i', [1,2,3])[5:1]",
       "A('i', [1,2,3])[-100:100]", "A('i', [1,2,3])[::0]", "A('b', [1,2,3])[::-2]", "str(a)", "A('u')", "A('d', [1.0, 0.1])", "repr(A('f', [0.1]))",
       "sum(A('d', [1.5, 2.5]))", "max(A('b', [-5, 3]))", "sorted(A('h', [3, 1, 2]))", "list(map(str, A('u', 'xy')))", "list(reversed(A('i', [1,2,3])))")
class X:
    def __index__(self): return 1
b = A('i', [1, 2, 3])
tryall("b[X()]", "b[X():]", "b[::X()]", "A('i', [5, 6]) * X()")
def x(s):
    try:
        exec(s, globals()); print(s, '=>', a)
    except Exception as ex: print(s, '!!', type(ex).__name__, ex, a)
a = A('i', range(10))
for s in ["a[1:3] = A('i', [7,8,9])", "a[::2] = A('i', [0]*5)", "a[::2] = A('i', [0]*4)", "a[1:3] = [1]", "a[1:3] = A('h', [1])", "a[::-1] = a", "a[:] = a",
          "a[2:5] = a", "del a[::3]", "del a[1]", "del a[100]", "del a[1:3]", "del a[::-2]", "a[0] = 'x'", "a[0] = 2**40", "a[100] = 1", "a['x'] = 1", "a[-1] = 42",
          "a[::0] = A('i')", "a[0:1] = 5", "del a['x']", "a[5:1] = A('i', [9])", "a[1:1] = A('i', [8, 8])", "a[::-1] = A('i', range(len(a)))", "a[100:] = A('i', [7])",
          "del a[::1]", "a.extend(range(20))", "del a[3:17:4]", "del a[17:3:-3]", "del a[::5]", "a[8:2:-2] = A('i', [0,0,0])", "a[1:9:3] = A('i', [5,5,5])", "a[:] = A('i')"]:
    x(s)
`,
	"methods": tryAll + `from array import array as A
import io
def x(s):
    try:
        exec(s, globals()); print(s, '=>', a)
    except Exception as ex: print(s, '!!', type(ex).__name__, ex, a)
a = A('i', range(5))
for s in ["a.append(1)", "a.append('x')", "a.append()", "a.extend([1,2])", "a.extend(A('i', [5]))", "a.extend(A('h', [5]))", "a.extend(5)", "a.extend(a)",
          "a.extend(bb=[1])", "a.insert(0, 100)", "a.insert(-100, 101)", "a.insert(1000, 102)", "a.insert('x', 1)", "a.insert(0)", "a.insert(2**80, 1)", "a.pop()", "a.pop(0)",
          "a.pop(100)", "a.pop(-1)", "a.pop('x')", "a.pop(1, 2)", "a.pop(2**80)", "a.remove(100)", "a.remove(12345)", "a.reverse()", "a.byteswap()", "a.byteswap()",
          "a.frombytes(b'\\x01\\x00\\x00\\x00')", "a.frombytes(b'\\x01')", "a.frombytes('abcd')", "a.frombytes(bytearray(4))", "a.frombytes(memoryview(b'abcdabcd')[::2])",
          "a.fromlist([1, 2])", "a.fromlist([1, 'x'])", "a.fromlist((1,))", "a.fromlist(a)", "a.fromunicode('x')", "a.fromunicode(5)", "a *= 2", "a *= 0", "a += A('i', [1])",
          "a += A('d', [1])", "a += [1]", "a *= 'x'", "a *= 3", "a.__imul__(-2)", "a.count()", "a.index()", "a.remove()"]:
    x(s)
print(A('i').pop.__name__, A('i', [1,2]).__iadd__(A('i', [3])))
u = A('u', 'hello')
tryall("u.fromunicode('xy') or u", "u.fromunicode(5)", "u.fromunicode(b'x')", "u.tounicode()", "u.buffer_info()[1]", "u.itemsize", "u.tolist()", "u[0]",
       "u.count('l')", "u.index('l')", "'l' in u", "u + A('u','!')", "u.byteswap() or u.tobytes()[:4]", "A('d', [1.0, 2.0]).byteswap()", "A('h', [1,2]).tobytes()",
       "A('b', [1]).byteswap()", "A('i').tounicode()", "A('u', 'ab').tobytes()", "A('u', 'hé').tounicode()", "A('u').frombytes(b'\\x00\\x00\\x11\\x00')",
       "A('u', b'\\x00\\x00\\x11\\x00')", "A('u', b'\\x00\\x00\\x11\\x00')[0]", "A('u', b'\\x00\\x00\\x11\\x00').tounicode()", "A('u', b'\\x00\\x00\\x11\\x00').tolist()",
       "A('u', b'\\xff\\xff\\xff\\xff').tolist()", "A('u', 'a\\ud800').tounicode()", "A('i', [1]).tounicode(1)")
for m in ['append', 'buffer_info', 'byteswap', 'count', 'extend', 'frombytes', 'fromfile', 'fromlist', 'fromunicode', 'index', 'insert', 'pop', 'remove', 'reverse',
          'tobytes', 'tofile', 'tolist', 'tounicode', '__copy__', '__deepcopy__', '__reduce_ex__', '__sizeof__']:
    tryall(f"A('i', [1]).{m}(1, 2, 3, 4)", f"A('i', [1]).{m}(x=1)")
f = io.BytesIO(); A('i', [1, 2, 3]).tofile(f); print(f.getvalue())
f.seek(0); b = A('i'); b.fromfile(f, 2); print(b)
tryall("b.fromfile(f, 2)", "b", "b.fromfile(f, -1)", "b.fromfile(5, 1)", "b.tofile(5)", "b.fromfile(io.BytesIO(b'\\1\\0\\0\\0\\2\\0'), 2)", "b",
       "b.fromfile(io.StringIO('abcd'), 1)", "b.fromfile(None, 2**70)", "A('d', [1.5] * 20000).tofile(io.BytesIO())")
class W:
    def __init__(self): self.sizes = []
    def write(self, b): self.sizes.append(len(b))
w = W(); A('d', [0.5] * 20000).tofile(w); print(w.sizes)
w = W(); A('d').tofile(w); print(w.sizes)
sizes = []
a = A('i')
for i in range(40):
    a.append(i); sizes.append(a.__sizeof__())
for i in range(40):
    a.pop(); sizes.append(a.__sizeof__())
print(sizes, A('i', [1]*5).__sizeof__(), A('d', range(3)).__sizeof__(), A('b', b'abc').__sizeof__())
it = iter(A('i', [1, 2, 3]))
print(type(it), it.__reduce__(), next(it), it.__reduce__(), list(it), it.__reduce__())
it = iter(A('i', [1, 2, 3])); it.__setstate__(2); print(list(it))
it = iter(A('i', [1, 2, 3])); it.__setstate__(-5); print(list(it))
it = iter(A('i', [1, 2, 3])); it.__setstate__(10); print(list(it))
it = iter(A('i', [1, 2, 3]))
tryall("it.__setstate__('x')", "it.__setstate__()", "it.__reduce__(1)", "it.__setstate__(2**70)", "it.__setstate__(True)", "it.__setstate__(1.5)", "iter(it) is it")
a = A('i', [1, 2, 3]); it = iter(a); next(it); a.append(4); print(list(it))
a = A('i', [1, 2, 3]); it = iter(a); next(it); del a[:]; print(list(it)); a.append(5); print(list(it))
import weakref
a = A('i'); r = weakref.ref(a); print(r() is a)
`,
	"buffers and pickling": tryAll + `import array, pickle, copy, struct
from array import array as A
a = A('i', [1, 2, 3, 4, 5])
print(bytes(a), bytearray(a), b''.join([a, A('B', b'xy')]), b'12' + A('B', b'34'), bytearray(b'\x01') == A('B', [1]), b'\x01' == A('B', [1]))
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, len(m), m.readonly, m.tolist(), m[1], m.cast('B')[4], m.obj is a, m.tobytes() == a.tobytes())
m = memoryview(A('B', [1, 2, 3])); m[0] = 9; print(m.obj, m.format, m.tolist())
print(struct.unpack('5i', a), struct.unpack_from('<h', a, 4), list(struct.iter_unpack('i', a)))
struct.pack_into('<i', a, 4, -7); print(a)
b = A('B', b'hello'); print(b.decode() if hasattr(b, 'decode') else str(b, 'ascii'), int(A('B', b'12')), float(A('B', b'1.5')))
tryall("A('i').__reduce_ex__('x')", "A('i').__reduce_ex__()", "A('i', [1,2]).__reduce_ex__(2)", "A('i', [1,2]).__reduce_ex__(3)", "A('u','ab').__reduce_ex__(2)",
       "A('u','ab').__reduce_ex__(4)", "a.__buffer__()", "a.__buffer__('x')", "a.__buffer__(4).tolist()", "a.__buffer__(0x11c).format", "a.__buffer__(2**70)", "a.__release_buffer__(1)",
       "a.__release_buffer__(memoryview(b''))", "a.__release_buffer__(a.__buffer__(4))", "a.__buffer__(flags=1)")
for tc in 'bBuhHiIlLqQfd':
    print(tc, A(tc).__reduce_ex__(3)[1][2], end=' ')
print()
class B(A): pass
print(B('i').__reduce_ex__(2), B('i').__reduce_ex__(3))
for tc in 'bBuhHiIlLqQfd':
    a = A(tc, 'ab' if tc == 'u' else [1, 2])
    print(tc, [pickle.loads(pickle.dumps(a, proto)) == a for proto in (1, 2)], copy.copy(a), copy.deepcopy(a))
b = B('d', [1.5]); b.attr = 'x'
c = pickle.loads(pickle.dumps(b, 2)); print(type(c), c, c.attr)
R = array._array_reconstructor
for args in [(A, 'i', 8, b'\1\0\0\0'), (A, 'i', 0, b'\1\0\0\0'), (A, 'i', 22, b'\1\0\0\0'), (int, 'i', 8, b'\1\0\0\0'), (A, 'x', 8, b'\1\0\0\0'), (A, 'i', -1, b''),
             (A, 'i', 13, b''), (A, 'i', 8, 'x'), (A, 'ii', 8, b''), (A, 'd', 16, b'\0'*8), (A, 'd', 17, b'\0'*8), (A, 'd', 14, b'\0'*8), (A, 'u', 21, b'a\0\0\0'),
             (A, 'u', 20, b'a\0\0\0'), (A, 'i', 3, b'\1\0\0\0'), (A, 'I', 7, b'\1\0\0\0\2\0\0\0'), (A, 'b', 1, b'\xff'), (A, 'i', 18, b'\1\0\0\0\2\0\0\0'),
             (A, 'H', 2, b'\1\0\0\0'), (A, 'f', 14, b'\0\0\xc0\x3f'), (A, 'f', 15, b'\0\0\xc0\x3f'), (A, 'u', 21, b'\0\0\0a'), (A, 'u', 18, b'a\0'), (A, 'u', 19, b'\0a\0b'),
             (A, 'u', 19, b'\0a\0'), (A, 'q', 11, b'\xff'*8), (A, 'b', 12, b'\xff'*8), (B, 'h', 5, b'\xff\xfe'), (A, 'i', 'x', b''), (A, 'i', 2**70, b''), (1, 'i', 1, b''),
             (A, 'i', 8, bytearray(b'')), (A, 'i', 6, b'\1\0\0')]:
    try: r = R(*args); print(type(r).__name__, r)
    except Exception as ex: print(type(ex).__name__, ex)
tryall("R()", "R(A, 'i', 8)")
`,
}

// TestArray runs the array programs (with CPython's standard library on
// the path, for struct, pickle, copy and io).
func TestArray(t *testing.T) { checkStdlibPrograms(t, arrayPrograms) }
