package interp

import (
	"math/rand"
	"strings"
	"testing"
)

// Programs for the formatting fast paths (str_format_fast.go): the exact
// built-in types take them, and everything around them (subclasses, keys
// that only compare equal, dicts that change, errors) must still behave
// as CPython's.
var formatFastPrograms = map[string]string{
	"pct_exact_and_subclasses": `class I(int):
    def __str__(self): return 'I!'
    def __repr__(self): return 'rI'
class F(float):
    def __str__(self): return 'F!'
class S(str):
    def __str__(self): return 'S!'
print('%s %r %s %r %s %r' % (5, 5, 2.5, 2.5, 'x', 'x'))
print('%s %r %d %x' % (I(7), I(7), I(7), I(255)))
print('%s %r %f' % (F(1.5), F(1.5), F(1.5)))
print('%s %r' % (S('t'), S('t')))
print('%s %d %r %x %c' % (True, True, False, True, 65))
print('%s|%5s|%-5s|%.1s' % (-0.0, 10**20, -3, 'abc'))
print('%d %i %u %05d %+d % d %.3d %x %#X %o' % (-2**63, 2**63 - 1, -7, -42, 0, 5, -5, -255, 3054, -8))
print('%d %x' % (2**64, -2**70))
print('%s' % 'é😀', '%r' % 'é\n')
`,
	"pct_mapping": `class K(str):
    def __hash__(self): return str.__hash__(self)
    def __eq__(self, other):
        print('eq called')
        return str.__eq__(self, other)
d = {K('a'): 1, 'b': 2.5, 'c': 'three'}
print('%(a)s %(b).2f %(c)s %(c)r' % d)
class D(dict):
    def __getitem__(self, k): return k.upper()
print('%(x)s-%(yz)s' % D(x=1))
class M:
    def __getitem__(self, k): return len(k)
print('%(abc)d' % M())
print('%(a)s' % {'a': [1, 2]}, '%(n)05d' % {'n': 42})
try:
    '%(missing)s' % {'a': 1}
except KeyError as e:
    print('KeyError', e)
class Ch:
    def __init__(self, d): self.d = d
    def __str__(self):
        self.d.clear()
        return 'cleared'
d = {'x': None, 'y': 'still here'}
d['x'] = Ch(d)
print('%(x)s %(y)s' % d if False else '%(y)s %(x)s' % d)
`,
	"format_fields_exact": `class I(int):
    def __format__(self, spec): return 'I:' + spec
print('{:05d} {:,} {:x} {:>6} {:.3f} {:<8}|{}'.format(42, 1234567, 255, -3, 2.5, 'abc', 7))
print('{0:{1}} {2!r:>6}'.format(12, '>5', 'q'))
print('{} {:d} {:>4}'.format(I(1), I(2), True))
print(f'{-7:+} {2**70:,} {0.1:%} {1e20:g} {"s":^5}|{3:c}')
for spec in ('', 'd', ',', '_x', '#b', '=+8', '^9,', 'n', 'e', '.2%', 'z', '.1'):
    try:
        print(repr(format(-1234, spec)), repr(format(1234.5, spec)), repr('{:{}}'.format(99, spec)))
    except ValueError as e:
        print('ValueError', e)
try:
    '{:s}'.format(3)
except ValueError as e:
    print(e)
try:
    f'{"x":d}'
except ValueError as e:
    print(e)
`,
	"stringio_writes": `import _io as io
s = io.StringIO()
s.write('abc')
s.write('é😀\n')
s.seek(10)
s.write('z')
s.seek(1)
s.write('XY')
print(repr(s.getvalue()), s.tell())
s.seek(0, 2)
print(s.write(''), s.tell(), repr(s.getvalue()))
t = io.StringIO('hello', newline=None)
t.seek(0, 2)
t.write('a\r\nb\rc')
print(repr(t.getvalue()), t.newlines)
u = io.StringIO()
for i in range(5):
    u.write('line %d é\n' % i)
print(u.tell(), repr(u.getvalue()))
u.seek(0)
print(repr(u.readline()), repr(u.read(4)), u.tell())
u.seek(0, 2)
u.write('tail😀')
print(u.tell(), repr(u.getvalue()[-12:]))
u.seek(3)
print(list(u)[:2], u.tell())
u.write('more')
u.truncate(20)
u.write('!')
print(u.tell(), repr(u.getvalue()))
u.seek(0)
u.truncate()
u.write('x')
print(repr(u.getvalue()), u.tell())
w = io.StringIO(newline='\r\n')
w.write('a\nb\n')
w.write('c')
print(repr(w.getvalue()), w.tell())
w.close()
try:
    w.write('x')
except ValueError as e:
    print(e)
`,
	"frame_lines": `import sys
def f(n):
    if n:
        x = 1
        y = 2
    return sys._getframe().f_lineno
def g():
    return (f(0),
        sys._getframe().f_lineno)
print(f(0), f(1), g())
`,
	"frame_objects_recycled": `import sys
kept = []
def leaf(i):
    fr = sys._getframe()
    names = []
    while fr is not None:
        names.append((fr.f_code.co_name, fr.f_lineno))
        fr = fr.f_back
    if i % 7 == 0:
        kept.append(sys._getframe())
    return names[:3]
def mid(i):
    return leaf(i)
out = [mid(i) for i in range(50)]
print(out[0], out[49], len(out))
print([(k.f_code.co_name, k.f_lineno, sorted(k.f_locals)) for k in kept[:3]])
print(kept[1].f_back.f_code.co_name, kept[1].f_back.f_locals['i'])
def boom(n):
    raise ValueError(n)
tbs = []
for i in range(30):
    try:
        boom(i)
    except ValueError as e:
        if i % 10 == 0:
            tbs.append(e.__traceback__)
for tb in tbs:
    lines = []
    while tb is not None:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(lines)
kept.clear()
tbs.clear()
print(sum(mid(i)[0][1] for i in range(100)))
`,
}

func TestFormatFastPrograms(t *testing.T) { checkPrograms(t, formatFastPrograms) }

// TestCodePointsWords checks the eight-bytes-at-a-time count against a
// byte-by-byte one, on text of every length mixing ASCII, multi-byte
// characters, surrogates and stray bytes.
func TestCodePointsWords(t *testing.T) {
	pieces := []string{"a", "Z", "é", "€", "😀", "\xed\xa0\x80", "\x80", "\xbf", "\xff", "\n"}
	rng := rand.New(rand.NewSource(3))
	for range 2000 {
		var b strings.Builder
		for range rng.Intn(40) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		wantN, wantASCII := 0, true
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				wantASCII = false
			}
			if s[i]&0xc0 != 0x80 {
				wantN++
			}
		}
		if n, ascii := codePoints(s); n != wantN || ascii != wantASCII {
			t.Fatalf("codePoints(%q) = %d, %v; want %d, %v", s, n, ascii, wantN, wantASCII)
		}
	}
}
