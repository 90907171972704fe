package interp

import "testing"

// Programs about memoryview over bytes and bytearray, compared with
// CPython 3.12. Most avoid functions so that the leak check runs; the
// error cases catch their exceptions inline.
var memoryviewPrograms = map[string]string{
	"basics": `m = memoryview(b'abcdef')
print(len(m), m[0], m[-1], m[5], m[True], list(m), m.tolist(), m.tobytes(), bytes(m), bytearray(m))
print(m.obj, m.nbytes, m.readonly, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.suboffsets)
print(m.c_contiguous, m.f_contiguous, m.contiguous, type(m).__name__, type(m) is memoryview, bool(m), bool(memoryview(b'')))
print(repr(m).startswith('<memory at 0x'), str(m).endswith('>'), m.hex(), m.hex(':'), m.hex('-', 2), m.hex(sep=b'.', bytes_per_sep=-4))
print(memoryview(m).obj is m.obj, memoryview(m).tolist(), memoryview(object=b'kw').tobytes(), type(iter(m)).__name__)
e = memoryview(b'')
print(len(e), e.tolist(), e.tobytes(), e.hex(), e.shape, e.contiguous, list(e))
`,
	"slices": `m = memoryview(b'abcdef')
s = m[1:5:2]
print(s.tolist(), s.tobytes(), s.nbytes, s.shape, s.strides, s.contiguous, s.c_contiguous, len(s), s.hex(), bytes(s))
r = m[::-1]
print(r.tolist(), r.strides, r[1:4].tolist(), r[1:4].strides, r[1:4][::-1].tolist(), r[1:4][::-1].strides, r[0], r[-1])
print(m[5:10].tolist(), m[-100:2].tolist(), m[::2].tolist(), m[::-2].tolist(), m[::2][::2].tolist(), m[::2][::-1].tolist())
print(m[1:1].contiguous, m[1:2:5].contiguous, m[::2].contiguous, m[2:2].tolist(), m[::-1][::-1].tobytes())
print(m[1:4].obj is m.obj, m[::3].strides, m[::3][::2].strides, m[slice(None, None, 2**70)].tolist())
print(list(reversed(m[::2])), m[1:][1:][1:].tolist(), [x for x in m[::-3]])
`,
	"bytearray_views": `ba = bytearray(b'abcdef')
m = memoryview(ba)
print(m.readonly, m.obj is ba, m.tobytes())
m[0] = 65
m[-1] = 70
m[1:3] = b'XY'
m[3:5] = bytearray(b'zz')
print(ba, m.tolist())
ba[2] = 0x21
print(m[2], m.tobytes(), bytes(m[::2]))
m[::2] = b'123'
print(ba)
m[::-2] = memoryview(b'456')
print(ba)
m[1:4] = m[0:3]
print(ba)
m[0:3] = m[1:4]
print(ba)
m[True] = True
m[0:0] = b''
print(ba, m.toreadonly().readonly, m.toreadonly().tolist(), m[0:2].readonly)
ba.reverse()
print(m.tolist())
ba[0:2] = b'qq'
print(m.tobytes())
ba *= 1
ba += b''
ba.extend(b'')
print(ba)
`,
	"equality_hash": `m = memoryview(b'abc')
print(m == b'abc', m == bytearray(b'abc'), m == memoryview(b'abc'), m == m, m != b'abd', m == b'ab', m == 'abc', m == [97, 98, 99])
print(b'abc' == m, bytearray(b'abc') == m, b'xabc'[1:] == m, m[::2] == b'ac', m.__eq__(b'abc'), m.__lt__(b'abc'), m.__ne__(1))
print(hash(m) == hash(b'abc'), hash(m[::2]) == hash(b'ac'), hash(memoryview(b'')) == hash(b''), {memoryview(b'k'): 1}[b'k'])
print(memoryview(bytearray(b'ab')) == memoryview(b'ab'), memoryview(bytearray(b'')) == b'', memoryview(b'a') == 97)
h = hash(m)
m.release()
print(hash(m) == h, m == m, m == b'abc', m != b'abc', b'abc' == m, memoryview(b'x') == m)
try:
    hash(memoryview(bytearray(b'a')))
except ValueError as e:
    print(e)
try:
    hash(memoryview(bytearray(b'a')).toreadonly())
except TypeError as e:
    print(e)
for op in ['<', '<=', '>', '>=']:
    try:
        eval('memoryview(b"a")' + op + 'memoryview(b"a")')
    except TypeError as e:
        print(e)
try:
    b'a' < memoryview(b'a')
except TypeError as e:
    print(e)
try:
    bytearray(b'a') >= memoryview(b'a')
except TypeError as e:
    print(e)
`,
	"bytes_interop": `m = memoryview(b'abcdef')
print(b'x' + m, bytearray(b'x') + m, b'-'.join([m, m[1:], bytearray(b'!')]), bytearray(b'.').join([m[::-1][:1], m[:0:-1]]))
print(b'bc' in m.tobytes(), m in b'zabcdefz', m[1:3] in b'abc', m[1:3] in bytearray(b'xbc'), 98 in m, b'b' in m, 300 in m, 'a' in m)
print(b'abc'.find(memoryview(b'c')), b'abc'.split(memoryview(b'b')), b'abc'.startswith(memoryview(b'a')), b'abc'.endswith((b'x', memoryview(b'c'))))
print(b'abc'.strip(memoryview(b'a')), b'abc'.replace(memoryview(b'a'), memoryview(b'zz')), b'abc'.translate(None, memoryview(b'a')), b'abc'.count(m[0:1]))
print(b'%s|%b' % (m, m[::2]), bytearray(b'%s') % m[1:2], bytes(m[::-1]), bytearray(m[::-1]), b'a' * 2)
ba = bytearray(b'01')
ba += m
ba.extend(m[::3])
ba[0:1] = m[0:2]
print(ba, ba == m, bytearray(b'abcdef') == m, b'abcdef' == m, bytearray(memoryview(bytearray(b'q'))))
x = b'xy'
x += memoryview(b'z')
print(x, bytes.fromhex(m.hex()), bytearray(m).hex() == m.hex())
`,
	"iteration": `ba = bytearray(b'abc')
m = memoryview(ba)
it = iter(m)
print(next(it), type(it).__name__, iter(it) is it)
ba[1] = 0x42
print(list(it), list(it))
print([x for x in memoryview(b'xyz')[::-1]], sum(memoryview(b'\x01\x02\x03')), sorted(memoryview(b'cab')), tuple(memoryview(b'')))
m2 = memoryview(b'abc')
it2 = iter(m2)
print(next(it2))
m2.release()
try:
    next(it2)
except ValueError as e:
    print(e)
`,
	"release_with": `m = memoryview(b'abc')
with m as x:
    print(x is m, x.tolist())
print(repr(m).startswith('<released memory at 0x'))
m.release()
m.release()
for name in ['obj', 'nbytes', 'readonly', 'itemsize', 'format', 'ndim', 'shape', 'strides', 'suboffsets', 'c_contiguous', 'f_contiguous', 'contiguous']:
    try:
        getattr(m, name)
    except ValueError as e:
        print(name, e)
for f in [len, bool, list, bytes, bytearray, memoryview, hash, m.tobytes, m.tolist, m.hex, m.toreadonly, m.__enter__]:
    try:
        f(m) if f in (len, bool, list, bytes, bytearray, memoryview, hash) else f()
    except ValueError as e:
        print(e)
for f in [lambda: m[0], lambda: m[0:1], lambda: m.cast('B'), lambda: b'abc'.find(m), lambda: m in b'abc', lambda: b'abc'.startswith(m), lambda: b'%s' % m]:
    try:
        f()
    except ValueError as e:
        print(e)
for f in [lambda: b'x' + m, lambda: b'x'.join([m]), lambda: bytearray(b'a').extend(m)]:
    try:
        f()
    except TypeError as e:
        print(e)
print(m.__exit__(1, 2, 3), m.__exit__(), m.release())
try:
    with memoryview(b'q') as v:
        raise KeyError('in with')
except KeyError as e:
    print('caught', e, repr(v)[:17])
`,
	"exports": `ba = bytearray(b'abcdef')
m = memoryview(ba)
tests = [lambda: ba.append(1), lambda: ba.extend(b'x'), lambda: ba.pop(), lambda: ba.insert(0, 1), lambda: ba.remove(97),
         lambda: ba.clear(), lambda: ba.__iadd__(b'x'), lambda: ba.__imul__(2), lambda: ba.__imul__(0), lambda: ba.__delitem__(0),
         lambda: ba.__delitem__(slice(0, 2)), lambda: ba.__delitem__(slice(0, 0, 2)), lambda: ba.__setitem__(slice(0, 2), b'xyz'),
         lambda: ba.__setitem__(slice(0, 2), b''), lambda: ba.__setitem__(slice(0, 4, 2), b''), lambda: ba.remove(200), lambda: ba.pop(10),
         lambda: ba.__setitem__(slice(0, 4, 2), b'xyz')]
for f in tests:
    try:
        f()
        print('ok', ba)
    except (BufferError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(ba.__imul__(1), ba.__iadd__(b''), ba.extend([]), ba.__setitem__(slice(0, 2), b'XY'), ba.__delitem__(slice(0, 0)), ba)
s = m[1:]
m.release()
try:
    ba.append(1)
except BufferError as e:
    print('slice still exports:', e)
s.release()
ba.append(1)
print(ba)
m = memoryview(ba)
del m
ba.append(2)
m = memoryview(ba)
with m:
    pass
ba.append(3)
m = memoryview(ba)
m3 = memoryview(m)
r = m.toreadonly()
m.release()
try:
    ba.append(4)
except BufferError as e:
    print('derived views export:', e)
print(m3.obj is ba, r.obj is ba)
del m3, r
ba.append(4)
print(ba)
e = bytearray()
em = memoryview(e)
e.clear()
e.extend([])
e *= 3
print(e, em.tolist())
`,
	"setitem_errors": `ba = bytearray(b'abcdef')
m = memoryview(ba)
cases = [(0, 256), (0, -1), (0, 'a'), (0, b'a'), (0, 1.0), (0, 2**70), (10, 1), (-7, 1), ('a', 1), (2**70, 1), (1.5, 1),
         (slice(0, 2), b'xyz'), (slice(0, 2), [1, 2]), (slice(0, 2), 'ab'), (slice(0, 2), 5), (slice(None, None, 2), b'12'),
         ((0,), 66), ((0, 1), 66), ((), 66), ((slice(0, 1),), b'a'), (..., 66), ((0, slice(0, 1)), 1), (slice(None, None, 0), b'')]
for k, v in cases:
    try:
        m[k] = v
        print('ok', ba)
    except (TypeError, ValueError, IndexError, NotImplementedError) as e:
        print(type(e).__name__, e)
for k in [0, 'x', slice(0, 1)]:
    try:
        del m[k]
    except TypeError as e:
        print(e)
r = memoryview(b'abc')
for k, v in [(0, 1), ('x', 'y'), (slice(0, 1), b'z')]:
    try:
        r[k] = v
    except TypeError as e:
        print(e)
try:
    del r[0]
except TypeError as e:
    print(e)
try:
    m.toreadonly()[0] = 1
except TypeError as e:
    print(e)
rel = memoryview(b'xy')
rel.release()
try:
    m[0:2] = rel
except ValueError as e:
    print(e)
try:
    ba[0:1] = rel
except ValueError as e:
    print(e)
print(ba)
`,
	"getitem_errors": `m = memoryview(b'abcdef')
for k in ['a', 1.0, 10, -7, ..., (), (0,), (0, 1), (slice(1, 2), slice(3, 4)), 2**70, -2**70, None, [0], (0, 'a'), slice(None, None, 0), slice('a')]:
    try:
        print(m[k])
    except (TypeError, IndexError, NotImplementedError, ValueError) as e:
        print(type(e).__name__, e)
`,
	"constructor_errors": `for args in [('x',), (1,), (None,), ([1, 2],), (), (b'x', b'y')]:
    try:
        memoryview(*args)
    except TypeError as e:
        print(e)
for kw in [{'obj': b'x'}, {'object': b'x', 'other': 1}]:
    try:
        memoryview(**kw)
    except TypeError as e:
        print(e)
try:
    class M(memoryview):
        pass
except TypeError as e:
    print(e)
try:
    memoryview.release(b'x')
except TypeError as e:
    print(e)
`,
	"method_errors": `m = memoryview(b'abcd')
print(m.tobytes('C'), m.tobytes(order='F'), m.tobytes(None), m.tobytes('A'))
for f in [lambda: m.tobytes('X'), lambda: m.tobytes(1), lambda: m.tobytes(1, 2), lambda: m.tolist(1), lambda: m.toreadonly(1),
          lambda: m.release(1), lambda: m.hex(1), lambda: m.hex(':', 'x'), lambda: m.hex('::'), lambda: m.tolist(x=1),
          lambda: m.__enter__(1), lambda: m.__exit__(x=1), lambda: m.__reduce__()]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
`,
	"cast": `m = memoryview(b'abcd')
c = m.cast('B')
print(c.tolist(), c.format, c.obj is m.obj, c.readonly, m.cast('@B').format, m.cast('@B') == m, hash(m.cast('@B')) == hash(b'abcd'))
print(m.cast('B', shape=[4]).shape, m.cast(format='B', shape=(4,)).tolist(), m[1:2].cast('B').tolist(), memoryview(b'').cast('B').tolist())
print(m[::2][:1].cast('B').tolist(), memoryview(bytearray(b'xy')).cast('B').readonly)
for args, kw in [(('Z',), {}), ((1,), {}), ((), {}), (('B',), {'shape': 4}), (('B',), {'shape': [5]}), (('B',), {'shape': ['a']}),
                 (('B',), {'shape': [-1]}), (('B',), {'shape': [0]}), (('B',), {'shape': []}), (('<B',), {}), (('',), {}),
                 (('BB',), {}), (('B',), {'bogus': 1}), (('B',), {'shape': [2**70]}), (('B',), {'shape': [1] * 65}), (('B',), {'shape': [4.0]})]:
    try:
        print(m.cast(*args, **kw))
    except (TypeError, ValueError, NotImplementedError, OverflowError) as e:
        print(type(e).__name__, e)
for f in [lambda: m[::2].cast('B'), lambda: memoryview(b'').cast('B', shape=[0]), lambda: memoryview(b'').cast('B', shape=[1])]:
    try:
        f()
    except TypeError as e:
        print(e)
`,
	"operators": `m = memoryview(b'ab')
for f in [lambda: m + b'x', lambda: m * 2, lambda: 2 * m, lambda: m * b'x', lambda: b'x' * m, lambda: m % b'x',
          lambda: b'%c' % memoryview(b'a'), lambda: m + m, lambda: -m, lambda: m < b'a']:
    try:
        print(f())
    except TypeError as e:
        print(e)
print(b'%s' % m, b'%s %s' % (m, m), bytes.__rmod__(b'x', m), memoryview.__name__, memoryview.__module__)
`,
	"strided_buffers": `s = memoryview(b'abcdef')[::2]
print(bytes(s), bytearray(s), s == b'ace', b'ace' == s, bytearray(b'ace') == s, b'%s|%b' % (s, s), s.hex(), memoryview(s).tolist())
x = bytearray(b'qqq')
x[0:3] = s
y = bytearray(b'qqqq')
y[::2] = s[1:]
print(x, y, hash(s) == hash(b'ace'), b'a' in s, 97 in s)
for f in [lambda: b'x' + s, lambda: bytearray(b'x') + s, lambda: b'-'.join([s]), lambda: bytearray(b'ab').extend(s),
          lambda: bytearray(b'ace') < s, lambda: b'a'.center(3, memoryview(b'x')), lambda: bytearray(b'a').ljust(3, s[:1])]:
    try:
        print(f())
    except TypeError as e:
        print(e)
for f in [lambda: s in b'ace', lambda: b'ace'.find(s), lambda: b'ace'.startswith(s), lambda: b'ace'.startswith((s,)),
          lambda: b'ace'.split(s), lambda: b'ace'.strip(s), lambda: b'ace'.replace(s, b'x'), lambda: b'ace'.translate(None, s),
          lambda: b'ace'.count(s), lambda: b'ace'.partition(s), lambda: bytes.maketrans(s, b'xyz'), lambda: bytearray(b'ace').find(s)]:
    try:
        print(f())
    except BufferError as e:
        print(e)
`,
	"drop_views": `ba = bytearray(b'abc')
views = [memoryview(ba) for _ in range(3)]
views.append(views[0][1:])
views.append(memoryview(views[1]).toreadonly())
try:
    ba.append(1)
except BufferError as e:
    print(e)
views = None
ba.append(1)
print(ba)
m = memoryview(ba)
d = {'view': m, 'views': [m, m[::2], m[1:]]}
del m
d = None
ba.pop()
print(ba)
`,
}

func TestMemoryviewPrograms(t *testing.T) { checkPrograms(t, memoryviewPrograms) }
