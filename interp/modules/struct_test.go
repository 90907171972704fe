package modules_test

import (
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/parallel-py/parallel/interp/syntax"
)

var structPrograms = map[string]string{
	"pack unpack": tryAll + `import struct
print(struct.pack('>hHiIqQ', -2, 3, -4, 5, -6, 7), struct.pack('<lL', -1, 2**32-1), struct.pack('lLnNP', -1, 2**64-1, -2, 3, 2**64-1))
print(struct.unpack('>hHiIqQ', bytes(range(28))), struct.unpack('<lL', bytes(range(8))), struct.unpack('lL', bytes(range(16))), struct.unpack('nNP', bytes(range(24))))
print(struct.pack('@3x2ic', 1, 2, b'a'), struct.calcsize('@3x2ic'), struct.calcsize('iq'), struct.calcsize('ci'), struct.calcsize('<ci'), struct.calcsize('qc'), struct.calcsize('0q'), struct.calcsize('c0q'))
print(struct.pack('3s', b'abcdef'), struct.pack('3p', b'abcdef'), struct.pack('300p', b'a'*300)[:3], struct.pack('0p', b'abc'), struct.pack('1p', b'abc'), struct.pack('0s', b'abc'))
print(struct.unpack('5s', bytearray(b'abcde')), struct.unpack('5p', b'\x09abcd'), struct.unpack('5p', b'\x02abcd'), struct.unpack('0s', b''), struct.unpack('c', b'a'), struct.unpack('?', b'\x05'))
print(struct.pack('s', bytearray(b'a')), struct.pack('p', bytearray(b'a')), struct.pack('2c', b'a', b'b'), struct.pack('2?', 0, 3), struct.pack('2x'), struct.pack('?', []), struct.pack('!i', 1))
print(struct.pack('i i', 1, 2), struct.pack(' i\ti\n', 1, 2), struct.calcsize(' 2i'), struct.calcsize('\v2i\f\r'), struct.pack(b'i', 1), struct.unpack(b'i', memoryview(b'1234')))
print(struct.pack('>bBhHiIlLqQ', True, True, False, 1, 2, 3, 4, 5, 6, 7), struct.unpack('=hl', b'\x01\x00\x02\x00\x00\x00'), struct.unpack('<bBhHiI', b'\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff'))
class I:
    def __init__(s, v): s.v = v
    def __index__(s): return s.v
print(struct.pack('<iQ', I(5), I(2**64-1)), struct.pack('P', I(7)), struct.pack('?', I(0)), struct.pack('<d', I(3)))
tryall("struct.pack('i', 2**31)", "struct.pack('I', -1)", "struct.pack('b', 200)", "struct.pack('B', 2**63)", "struct.pack('<H', 2**64)",
       "struct.pack('<q', 2**63)", "struct.pack('<Q', -1)", "struct.pack('Q', 2**64)", "struct.pack('n', 2**63)", "struct.pack('N', -1)",
       "struct.pack('<l', 2**40)", "struct.pack('l', 2**40)", "struct.pack('<L', 2**40)", "struct.pack('h', I(2**70))",
       "struct.pack('i', 1.0)", "struct.pack('i', '1')", "struct.pack('i', None)", "struct.pack('P', -1)", "struct.pack('P', 2**64)",
       "struct.pack('P', -2**70)", "struct.pack('P', I(2**70))", "struct.pack('P', I(-2**70))", "struct.pack('c', b'ab')", "struct.pack('c', 'a')",
       "struct.pack('c', bytearray(b'a'))", "struct.pack('s', 'a')", "struct.pack('s', memoryview(b'a'))", "struct.pack('p', 1)",
       "struct.pack('i')", "struct.pack('i', 1, 2)", "struct.pack('x', 1)", "struct.pack('ii', 1, 'x')", "struct.pack('ic', 1, 2)")
`,
	"floats": tryAll + `import struct
class F:
    def __float__(s): return 2.5
class I:
    def __index__(s): return 3
for c in 'efd':
    for order in ['', '<', '>']:
        res = []
        for v in [1, F(), I(), float('inf'), -float('inf'), 1e300, 65504.0, 65505.0, 65519.0, 6e-8, 3e-8, 2.9e-8, 1e-40, -0.0, 3.4028235e38, 3.4028236e38, 0.1, -2.5, 1.0009765625, 1.00048828125, 1.00146484375, 0.000060975551605224609375, 2**-25, 3 * 2**-26]:
            try: res.append(struct.pack(order+c, v).hex())
            except Exception as ex: res.append(type(ex).__name__+':'+str(ex))
        print(order+c, res)
for c in 'ef':
    for order in ['<', '>']:
        print(order+c, [struct.pack(order+c, x).hex() for x in [float('nan'), -float('nan')]])
for c in 'efd':
    for order in ['<', '>']:
        n = struct.calcsize(c)
        res = []
        for b in [b'\x00'*n, b'\x7f' + b'\x01'*(n-1), b'\x01'*n, (b'\x00'*(n-2)) + b'\x80\x7f', b'\x00\x7c'[:n], b'\x00\xfc'[:n], b'\x01\x00'[:n], b'\xff\x7b'[:n], b'\x3c\x00'[:n]]:
            res.append(repr(struct.unpack(order+c, b.ljust(n, b'\0'))))
        print(order+c, res)
print([struct.unpack('<e', struct.pack('<H', h))[0] for h in range(0, 65536, 997)])
print(struct.unpack('>e', b'\x7e\x01')[0] != struct.unpack('>e', b'\x7e\x01')[0], struct.pack('<f', struct.unpack('<f', b'\x01\x00\xc0\x7f')[0]).hex())
tryall("struct.pack('e', 1e6)", "struct.pack('<e', 65520.0)", "struct.pack('>e', -65520.0)", "struct.pack('<e', 65519.99)", "struct.pack('f', 1e40)", "struct.pack('<f', 1e40)",
       "struct.pack('d', 'x')", "struct.pack('e', 2**1024)", "struct.pack('d', None)", "struct.pack('?', 2**1024)")
`,
	"errors and offsets": tryAll + `import struct, array
tryall("struct.pack('z')", "struct.pack('3')", "struct.pack('<P', 1)", "struct.calcsize('<<i')", "struct.calcsize('i<')", "struct.pack('2 i', 1, 2)", "struct.pack('\\x00')",
       "struct.calcsize('i\\x00')", "struct.pack('\\xe9')", "struct.pack('a\\xe9\\xe9b')", "struct.calcsize('!')", "struct.calcsize('99999999999999999999i')", "struct.calcsize('9999999999999999999i')",
       "struct.calcsize('9223372036854775807x')", "struct.calcsize('9223372036854775808x')", "struct.calcsize('9223372036854775807xx')", "struct.calcsize('4611686018427387904h')",
       "struct.calcsize('4611686018427387903hc')", "struct.calcsize('<4611686018427387904h')", "struct.calcsize('c4611686018427387903h')", "struct.calcsize('9223372036854775807s')",
       "struct.calcsize('x9223372036854775807s')", "struct.calcsize('1152921504606846975q')", "struct.calcsize('c1152921504606846975q')", "struct.calcsize('9223372036854775807c9223372036854775807c')",
       "struct.calcsize(5)", "struct.Struct(5)", "struct.pack(bytearray(b'i'), 1)", "struct.pack([1])",
       "struct.unpack('i', b'')", "struct.unpack('i', b'12345')", "struct.unpack('i', 'abcd')", "struct.unpack('0p', b'')",
       "struct.unpack_from('i', b'12345', 2)", "struct.unpack_from('i', b'12345', -2)", "struct.unpack_from('i', b'12345', -9)", "struct.unpack_from('i', b'12345', 9)",
       "struct.unpack_from('i', b'12345678', 2**70)", "struct.unpack_from('i', b'1234', 1.0)", "struct.unpack_from('i', b'1234', None)", "struct.unpack_from('i', bytearray(8), offset=-4)",
       "struct.unpack_from('0i', b'', offset=0)", "struct.unpack_from('0i', b'', offset=1)", "struct.unpack_from('0i', b'', offset=-1)", "struct.unpack_from('i', buffer=b'1234')",
       "struct.pack_into('i', bytearray(4), 1, 5)", "struct.pack_into('i', bytearray(4), -5, 5)", "struct.pack_into('i', bytearray(8), -3, 5)", "struct.pack_into('i', bytearray(8), 9, 5)",
       "struct.pack_into('i', b'1234', 0, 5)", "struct.pack_into('i', 5, 0, 5)", "struct.pack_into('i', memoryview(b'1234'), 0, 1)", "struct.pack_into('i', memoryview(bytearray(8))[::2], 0, 1)",
       "struct.pack_into('i', bytearray(4), 0, 'x')", "struct.pack_into('i', b'', 'x', 1)", "struct.pack_into('i', bytearray(4), 'x', 1)", "struct.pack_into('i', bytearray(4), 2**70, 1)",
       "struct.pack_into('2i', bytearray(8), 0, 1)", "struct.pack_into('0i', bytearray(0), 0)", "struct.iter_unpack('i', b'123')", "struct.iter_unpack('', b'123')",
       "struct.iter_unpack('i', 5)", "struct.unpack('i', memoryview(b'12345678')[::2])", "struct.unpack('i', array.array('i', [5]))", "struct.unpack_from('h', array.array('i', [5]), 2)",
       "struct.pack()", "struct.pack(fmt='i')", "struct.unpack('i')", "struct.unpack()", "struct.calcsize()", "struct.calcsize('i', 'j')", "struct.pack_into()", "struct.pack_into('i')",
       "struct.iter_unpack('i')", "struct.unpack_from('i')", "struct.unpack_from()", "struct.unpack_from(format='i', buffer=b'1234')", "struct._clearcache()", "struct._clearcache(1)")
r = memoryview(bytearray(8)); r.release()
tryall("struct.unpack('i', r)", "struct.pack_into('i', r, 0, 1)")
b = bytearray(10); struct.pack_into('<hi', b, 2, -1, 7); print(b)
m = memoryview(b); struct.pack_into('>h', m, -2, 258); print(b, struct.unpack_from('<hi', m, 2))
a = array.array('b', [0]*4); struct.pack_into('i', a, 0, -2); print(a)
class Bad:
    def __index__(self): raise ValueError('boom')
    def __bool__(self): raise KeyError('b')
    def __float__(self): raise ZeroDivisionError('z')
tryall("struct.pack('i', Bad())", "struct.pack('?', Bad())", "struct.pack('d', Bad())", "struct.pack('P', Bad())", "struct.pack('e', Bad())")
try:
    struct.pack('z')
except struct.error as e:
    print('caught', type(e), e.args, isinstance(e, Exception))
print(struct.error, struct.error.__mro__, struct.error.__module__, struct.error.__name__)
import _struct
print(_struct.error is struct.error, struct.Struct is _struct.Struct)
`,
	"Struct type": tryAll + `import struct
s = struct.Struct('<2h')
print(s.format, s.size, s.pack(1, 2), s.unpack(b'\1\0\2\0'), s.unpack_from(b'xx\1\0\2\0', 2), s.unpack_from(buffer=b'\1\0\2\0'), list(s.iter_unpack(b'\1\0\2\0\3\0\4\0')))
b = bytearray(6); s.pack_into(b, 1, 3, 4); print(b, type(s), type(s).__name__, type(s).__module__, repr(s).split(' at ')[0])
class S(struct.Struct):
    def __init__(self, fmt, extra):
        super().__init__(fmt); self.extra = extra
s = S('<2h', 5)
print(s.format, s.size, s.extra, s.pack(1, 2), s.unpack(b'\1\0\2\0'), isinstance(s, struct.Struct), type(s).__mro__)
class S2(struct.Struct): pass
s2 = S2('i'); print(s2.size, s2.__dict__)
s3 = struct.Struct('i')
tryall("struct.Struct()", "struct.Struct('i', 1)", "struct.Struct(format='h').size", "struct.Struct('\\xe9')", "struct.Struct(bytearray(b'i'))",
       "struct.Struct.__new__(struct.Struct).size", "struct.Struct.__new__(struct.Struct).format", "struct.Struct.__new__(struct.Struct).pack()",
       "struct.Struct.__new__(struct.Struct).unpack(b'')", "struct.Struct.__new__(struct.Struct).unpack_from(b'')", "struct.Struct.__new__(struct.Struct).iter_unpack(b'')",
       "s3.__init__('q') or s3.size", "s3.format", "s3.size", "struct.Struct('q').__sizeof__()", "struct.Struct('2i3s').__sizeof__()",
       "s3.unpack_from(b'12345678', offset=1)", "s3.unpack_from(buffer=b'12345678', offset=1)", "s3.unpack_from(b'12345678', 1, 2)", "s3.unpack_from()",
       "s3.pack_into()", "s3.pack_into(bytearray(9))", "s3.pack_into(bytearray(9), 1)", "s3.pack_into(bytearray(9), 'a', 1)", "s3.pack_into(bytearray(9), 2**70, 1)",
       "list(s3.iter_unpack(b'12345678'))", "s3.pack(x=1)", "s3.unpack(b'1', b'2')", "s3.unpack()", "s3.iter_unpack()", "s3.pack_into(b=1)",
       "struct.Struct('i') == struct.Struct('i')", "struct.Struct('x').pack()", "struct.Struct(' ').size", "struct.Struct('i ').format", "struct.Struct(b' i ').format",
       "s3.format.__class__", "struct.Struct.format", "struct.Struct.size", "s3.__init__(5)", "s3.format")
it = struct.iter_unpack('<h', b'\1\0\2\0\3\0')
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__(), list(it))
print(type(it), iter(it) is it, type(it).__name__, type(it).__module__)
tryall("type(it)()")
b = bytearray(b'\1\0\2\0'); it = struct.iter_unpack('<h', b); print(next(it)); b[2] = 9; print(next(it), list(it))
print(struct.unpack('5s', memoryview(b'abcde')), struct.unpack('i', bytearray(b'1234')))
`,
	"stdlib users": `import io, wave, array, uuid, base64, struct
f = io.BytesIO(); w = wave.open(f, 'wb'); w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
w.writeframes(array.array('h', [0, 1000, -1000]).tobytes()); w.close()
print(len(f.getvalue()), f.getvalue()[:16])
f.seek(0); r = wave.open(f, 'rb'); print(r.getparams(), array.array('h', r.readframes(3)))
print(uuid.UUID(bytes=bytes(range(16))), uuid.UUID('12345678-1234-5678-1234-567812345678').fields)
print(base64.b85encode(b'hello world'), base64.a85decode(base64.a85encode(b'xyz')), base64.b32encode(b'abc'))
`,
}

// TestStruct runs the struct programs with CPython's standard library on
// the path (struct is Lib/struct.py over _struct).
func TestStruct(t *testing.T) { checkStdlibPrograms(t, structPrograms) }

// checkStdlibPrograms compares each program's results with CPython's,
// with CPython's standard library on the path.
func checkStdlibPrograms(t *testing.T, programs map[string]string) {
	t.Helper()
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	for name, src := range programs {
		t.Run(name, func(t *testing.T) {
			want, wantExc := cpython(t, src)
			mod, err := syntax.Parse("<test>", []byte(src), syntax.ModeExec)
			if err != nil {
				t.Fatal(err)
			}
			code, err := compile.Compile(mod, "<test>", syntax.ModeExec, compile.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var out strings.Builder
			in := interp.New(interp.Options{Stdout: &out, Path: []string{"", lib.Dir}})
			gotExc := ""
			if err := in.RunMain(code); err != nil {
				var b strings.Builder
				if perr := in.PrintException(&b, err, nil); perr != nil {
					t.Fatalf("a non-Python error: %v", err)
				}
				lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
				gotExc = lines[len(lines)-1]
			}
			if reports := in.Heap().Reports(); len(reports) > 0 {
				t.Errorf("reference-count reports: %+v", reports)
			}
			if got := out.String(); got != want || gotExc != wantExc {
				t.Errorf("got:\n%s%s\nCPython 3.12:\n%s%s\nfirst difference at line %d", got, gotExc, want, wantExc, firstDiffLine(got, want))
			}
		})
	}
}

// firstDiffLine is the number of the first line where a and b differ.
func firstDiffLine(a, b string) int {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(x) && i < len(y); i++ {
		if x[i] != y[i] {
			return i + 1
		}
	}
	return min(len(x), len(y)) + 1
}
