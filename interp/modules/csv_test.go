package modules_test

import (
	"os"
	"testing"

	"github.com/parallel-py/parallel/interp/stdlib"
)

// The _csv module through CPython's csv.py, against CPython 3.12.
func TestCsv(t *testing.T) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	progs := map[string]string{}
	for k, v := range csvPrograms {
		progs[k] = v
	}
	// The differential sweep over many dialects (testdata/csv_fuzz.py):
	// random but seeded rows and lines through the reader and writer.
	if src, err := os.ReadFile("testdata/csv_fuzz.py"); err == nil {
		progs["fuzz"] = string(src)
	} else {
		t.Fatal(err)
	}
	for name, src := range progs {
		t.Run(name, func(t *testing.T) {
			want, wantExc := cpython(t, src)
			got, gotExc := runWithStdlib(t, lib.Dir, src)
			if got != want || gotExc != wantExc {
				t.Errorf("got:\n%s%s\nCPython 3.12:\n%s%s", got, gotExc, want, wantExc)
			}
		})
	}
}

var csvPrograms = map[string]string{
	"dialects": `import _csv, csv
def t(f, *a, **k):
    try: r = f(*a, **k); print(getattr(f, '__name__', f), 'ok', r if not isinstance(r, _csv.Dialect) else (r.delimiter, r.quotechar, r.escapechar, r.doublequote, r.quoting, r.skipinitialspace, r.strict, r.lineterminator))
    except Exception as e: print(getattr(f, '__name__', f), type(e).__name__, e)
D = _csv.Dialect
t(D)
t(D, foo=1)
t(D, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
t(D, None, ';')
t(D, 'excel-tab')
t(D, 'nope')
t(D, delimiter=';', delimiter2=1)
t(D, None, ';', delimiter=',')
for k, v in [('quoting', True), ('quoting', 10), ('quoting', -1), ('quoting', 2**70), ('quoting', 1.0), ('delimiter', 1), ('escapechar', 1), ('escapechar', ''),
             ('lineterminator', 1), ('lineterminator', None), ('quotechar', None), ('delimiter', None), ('delimiter', ''), ('quotechar', 'ab'), ('doublequote', 0), ('strict', []), ('skipinitialspace', 'x')]:
    t(D, **{k: v})
t(D, quotechar=None, quoting=0)
t(D, quotechar=None, quoting=csv.QUOTE_NONE)
class Bad:
    def __bool__(self): raise ValueError('no truth')
t(D, strict=Bad())
d = D()
for a in ['delimiter', 'doublequote', 'escapechar', 'lineterminator', 'quotechar', 'quoting', 'skipinitialspace', 'strict']:
    try: setattr(d, a, 1)
    except Exception as e: print(a, type(e).__name__, e)
class Sub(D): pass
s = Sub(delimiter=';')
print(type(s).__name__, s.delimiter, D(d) is d, Sub(d) is d, D(d, delimiter=';') is d)
class Raising:
    delimiter = ';'
    @property
    def quotechar(self): raise KeyError('x')
t(D, Raising())
t(lambda: D(csv.excel).delimiter)
class my(csv.Dialect):
    delimiter = ';'
    quotechar = '"'
    lineterminator = '\n'
    quoting = csv.QUOTE_ALL
    doublequote = True
    skipinitialspace = False
t(D, my)
class bad(csv.Dialect):
    delimiter = 'ab'
t(bad)
csv.register_dialect('semi', delimiter=';', quoting=csv.QUOTE_NONNUMERIC)
csv.register_dialect('mine', my, escapechar='\\')
print(sorted(csv.list_dialects()))
t(csv.get_dialect, 'semi')
t(csv.get_dialect, 'mine')
t(csv.get_dialect, 'nope')
t(csv.get_dialect, [])
t(csv.get_dialect)
t(csv.get_dialect, name='semi')
t(csv.unregister_dialect, 'semi')
t(csv.unregister_dialect, 'semi')
t(csv.unregister_dialect, name='mine')
t(csv.register_dialect)
t(csv.register_dialect, 1)
t(csv.register_dialect, 'x', 'nope')
t(csv.register_dialect, 'x', 'excel', 3)
t(csv.register_dialect, 'x', bogus=1)
t(csv.list_dialects, 1)
t(csv.field_size_limit)
t(csv.field_size_limit, 10)
t(csv.field_size_limit, new_limit=20)
t(csv.field_size_limit, 1.0)
t(csv.field_size_limit, 2**70)
t(csv.field_size_limit, 1, 2)
t(csv.field_size_limit, True)
print(csv.field_size_limit(131072))
import pickle
try: pickle.dumps(d)
except TypeError as e: print(e)
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.QUOTE_STRINGS, csv.QUOTE_NOTNULL, csv.__version__)
print(csv.Error.__module__, csv.Error.__mro__, type(csv.reader([])), csv.reader([]).dialect.delimiter, _csv.Reader, _csv.Writer)
t(_csv.Reader)
t(_csv.Writer)
`,
	"reader": `import csv, io
def rd(lines, **kw):
    r = csv.reader(lines, **kw)
    out = []
    try:
        for row in r: out.append(row)
    except Exception as e: out.append('%s: %s' % (type(e).__name__, e))
    print(repr(lines), kw, out, r.line_num)
rd(['a,b,c\r\n', '1,"2,3",4\r\n'])
rd(['"multi\n', 'line",x\n'])
rd(['"unterminated\n'])
rd(['"unterminated\n'], strict=True)
rd(['"a"b,c'], strict=True)
rd(['"a"b,c'])
rd(['a,b\rc'])
rd(['a,b\r', 'c'])
rd(['', '', 'x'])
rd(['a\\,b,c'], escapechar='\\')
rd(['a\\'], escapechar='\\')
rd(['"a\\"b"'], escapechar='\\', doublequote=False)
rd(['"a""b"'], doublequote=False)
rd(['  a,  "b"'], skipinitialspace=True)
rd(['1,2.5,x,"3"'], quoting=csv.QUOTE_NONNUMERIC)
rd(['1, 2'], quoting=csv.QUOTE_NONNUMERIC)
rd(['1,abc'], quoting=csv.QUOTE_NONNUMERIC)
rd(['"a",b'], quoting=csv.QUOTE_NONE)
rd(['x' * 20], )
rd([b'a,b'])
rd([1])
rd(['a\x00b'])
rd(['a;b'], 'excel', delimiter=';')
rd(['a\tb'], 'excel-tab')
rd(['a,b'], 'unix')
csv.field_size_limit(5)
rd(['abcde,abcdef'])
rd(['"abcdef"'])
csv.field_size_limit(131072)
def gen():
    yield 'a,b\n'
    raise ValueError('boom')
rd(gen())
try: csv.reader()
except TypeError as e: print(e)
try: csv.reader([], 'excel', 3)
except TypeError as e: print(e)
try: csv.reader(1)
except TypeError as e: print(e)
f = io.StringIO('h1,h2\r\n1,"x\r\ny"\r\n2,z\r\n', newline='')
for row in csv.DictReader(f): print(row)
print(list(csv.DictReader(['a,b', '1,2,3', '4'], restkey='rest', restval='-')))
r = csv.reader(['a'])
print(iter(r) is r, next(r), next(r, 'end'))
`,
	"writer": `import csv, io
from decimal import Decimal
from fractions import Fraction
class N:
    def __index__(self): return 3
    def __str__(self): return 'N!'
class S(str):
    def __str__(self): return 'S!'
def wr(rows, **kw):
    s = io.StringIO()
    w = csv.writer(s, **kw)
    res = []
    for row in rows:
        try: res.append(w.writerow(row))
        except Exception as e: res.append('%s: %s' % (type(e).__name__, e))
    print(kw, repr(s.getvalue()), res)
rows = [['a', 'b,c', 'd"e', '', None, 1, 2.5, 1e20, -0.0, True, 3+4j, Decimal('1.10'), Fraction(1, 3), N(), S('s'), 'x\ny', 'p\rq']]
for q in range(6):
    wr(rows, quoting=q)
    wr(rows, quoting=q, escapechar='\\')
wr(rows, doublequote=False, escapechar='\\')
wr(rows, doublequote=False)
wr([[''], [None], [], ['', ''], [None, None]])
wr([[''], [None], []], quoting=csv.QUOTE_NONE)
wr([['a\\b']], escapechar='\\')
wr([['a\\b', 'c d']], escapechar='\\', quoting=csv.QUOTE_NONE, delimiter=' ')
wr([['xAy']], lineterminator='A')
wr([1, 'ab', iter([1, 2]), {'k': 1}])
class R:
    def __iter__(self): raise TypeError('mine')
wr([R()])
def g():
    yield 1
    raise ValueError('boom')
wr([g()])
class W:
    def __init__(self): self.n = 0
    def write(self, s): self.n += 1; print('write', repr(s)); return self.n
w = csv.writer(W())
print(w.writerow(['a']), w.writerows([['b'], ['c']]), w.dialect.delimiter)
try: w.writerows(1)
except TypeError as e: print(e)
try: w.writerow()
except TypeError as e: print(e)
try: csv.writer(1)
except TypeError as e: print(e)
class NW: write = 3
try: csv.writer(NW())
except TypeError as e: print(e)
s = io.StringIO()
dw = csv.DictWriter(s, ['a', 'b'], extrasaction='ignore')
dw.writeheader(); dw.writerow({'a': 1, 'c': 3}); dw.writerows([{'b': 2}])
print(repr(s.getvalue()))
try: csv.DictWriter(s, ['a']).writerow({'z': 1})
except ValueError as e: print(e)
`,
	"sniffer": `import csv
sn = csv.Sniffer()
for sample in ['a,b,c\n1,2,3\n4,5,6\n', 'a;b;c\n1;2;3\n', '"a","b"\n"1","2"\n', "x|'y z'|w\n1|'2 3'|4\n", 'name\tage\nann\t30\nbob\t40\n']:
    try:
        d = sn.sniff(sample)
        print(repr(d.delimiter), repr(d.quotechar), d.doublequote, d.skipinitialspace, sn.has_header(sample))
    except csv.Error as e: print('Error', e)
try: sn.sniff('')
except csv.Error as e: print(e)
d = sn.sniff('a;b\n1;2\n', delimiters=';')
print(list(csv.reader(['x;y'], d)))
`,
}
