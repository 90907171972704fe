package modules_test

import (
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/parallel-py/parallel/interp/syntax"
)

// The _sre tests run programs that import CPython's own re package (from
// the installed standard library) over our _sre, and compare what they
// print with CPython 3.12.

var srePrograms = map[string]string{
	"basics0": `import re
def tryit(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(r)
print(re.match(r'(a)(b)?', 'ac').groups(), re.match(r'(a)(b)?', 'ac').groups('x'))
m = re.search(r'(?P<first>\w+) (?P<last>\w+)', 'hello Jane Doe!')
print(m, m.group(0, 1, 2), m['first'], m.groupdict(), m.span(2), m.start('last'), m.end(), m.lastindex, m.lastgroup, m.regs, m.pos, m.endpos, m.string, m.re)
print(re.compile('a+', re.IGNORECASE), re.compile(b'x', re.M | re.S), re.compile('x', re.A|re.X), re.compile('x'*300))
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\d)(\w)', 'a1b22c333'), re.findall('', 'abc'))
print(re.split(r'(,)\s*', 'a, b,c'), re.split(r'x*', 'axbc'), re.split(r'\b', 'a b'), re.split(',', 'a,b,c', maxsplit=1))
print(re.sub(r'x*', '-', 'abxd'), re.subn('a', 'b', 'aaa', count=2), re.sub(r'(\w)(\d)', r'\2\1', 'a1 b2'), re.sub(r'(?P<n>\w)', r'<\g<n>>', 'ab'))
print([m.span() for m in re.finditer(r'\w*', 'ab cd')])
print(re.match(r'(?i)straße', 'STRASSE'), re.match(r'(?i)ΣΑΣ', 'σας'), re.match(r'(?i)k', '\u212a'))
print(re.match(r'(?<=a)b', 'ab'), re.search(r'(?<=a)b', 'ab'), re.search(r'(?<!a)b', 'ab cb'), re.search(r'foo(?=bar)', 'foobaz foobar'), re.search(r'foo(?!bar)', 'foobar foobaz'))
print(re.match(r'(a+)+b', 'aaab'), re.match(r'(a|ab)(c|bcd)(d*)', 'abcd').groups(), re.match(r'(?:(a)|b)*', 'ab').groups(), re.match(r'(?:(a)|(b))*', 'ab').groups())
`,
	"basics1": `import re
def tryit(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(r)
print(re.match(r'a*+a', 'aaa'), re.match(r'(?>a*)a', 'aaa'), re.match(r'(?>a|ab)c', 'abc'), re.match(r'(?:ab)*+', 'ababa'), re.match(r'a{2,3}?', 'aaaa'), re.match(r'a*?b', 'aaab'))
print(re.match(r'(a)\1', 'aa'), re.match(r'(?i)(a)\1', 'aA'), re.match(r'(a)?(?(1)b|c)', 'c'), re.match(r'(a)?(?(1)b|c)', 'ab'))
print(re.fullmatch(r'a|ab', 'ab'), re.fullmatch('a*', 'aab'), re.match('^abc$', 'abc\n'), re.search('abc$', 'abc\n'), re.search(r'\Aabc\Z', 'abc\n'))
print(re.findall(r'^\w+$', 'one\ntwo\nthree', re.M), re.findall('.', 'a\nb', re.S), re.findall('.', 'a\nb'))
print(re.match(r'''(?x) a  # comment
   b c''', 'abc'))
print(re.compile(r'\d').match('a1', 1), re.compile(r'^\d').match('a1', 1), re.compile(r'\d').search('a12', 0, 2), re.compile('$').search('abc', 0, 2))
tryit(lambda: re.match('a', b'a'))
tryit(lambda: re.match(b'a', 'a'))
tryit(lambda: re.match('a', 5))
tryit(lambda: re.compile('('))
tryit(lambda: re.compile('a)'))
`,
	"basics2": `import re
def tryit(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(r)
tryit(lambda: re.compile(r'(?<=a*)b'))
tryit(lambda: re.sub('a', lambda m: 1, 'xa'))
tryit(lambda: re.match('(a)', 'a').group(2))
tryit(lambda: re.match('(a)', 'a').group('x'))
tryit(lambda: re.sub('(a)', r'\2', 'a'))
print(re.match(rb'(\w+)', b'hello world').group(1), re.findall(rb'\d', bytearray(b'a1b2')), re.sub(b'a', b'b', b'aaa'), re.match(rb'\w', b'\xe9'))
print(re.match(r'\w+', 'héllo wörld'), re.match(r'(?a)\w+', 'héllo'), re.findall(r'\s', 'a\u2003b\x1cc'), re.findall(r'\d', '1٣a'))
p = re.compile(r'(\w+)')
s = p.scanner('ab cd')
print(s.match(), s.match(), s.search(), s.search(), s.pattern is p)
print(p == re.compile(r'(\w+)'), hash(p) == hash(re.compile(r'(\w+)')), p.groupindex, re.compile('(?P<a>x)(?P<b>y)').groupindex, p.pattern, p.flags, p.groups)
`,
	"basics3": `import re
def tryit(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(r)
import copy
print(copy.copy(p) is p, copy.deepcopy(p) is p, re.Pattern[str], re.Match[bytes])
print(re.match('a', 'a').expand(r'x\g<0>y'), re.escape('a.b*c'), re.purge())
print(re.sub(r'(?m)^', '> ', 'a\nb'), re.sub('', '-', 'abc'), re.sub('(b)|c', r'[\1]', 'abc'))
print(re.search(r'(?s).*(?=x)', 'aaxbx'), re.search('[^a-c]+', 'abcdef'), re.search('[\\d\\s]+', 'ab 12 c'), re.search('[\u0100-\u0200]+', 'a\u0150\u0160b'))
print(re.search('[😀-😂]', 'x😁'), re.search(r'(?i)\U00010400', '\U00010428'))
print(re.match(r'(a*)*', 'b'), re.match(r'(a*)+', 'b').groups(), re.match(r'(a|b)*?c', 'abc').groups(), re.match(r'(?:a|(b))+', 'ab').groups())
print(re.match(r'((a)|b)+', 'ab').groups(), re.match(r'(a)|b', 'b').groups(), re.match(r'(a)|b', 'b').lastindex, re.match(r'((a)b)', 'ab').lastindex)
print(re.match(r'x{3}', 'xxxx'), re.match(r'x{,2}', 'xxx'), re.match(r'(?:x{2}){2,}', 'xxxxxxx'), re.match(r'(?:xy?){2,3}?z', 'xyxxz'))
print(re.search(r'\bfoo\b', 'a foo b'), re.search(r'\Bfoo', 'afoo'), re.findall(r'\b', ''), re.search(r'\b', ''))
print(len(re.findall('a', 'a' * 100000)), re.match('(?:a|b)*c', 'ab' * 50000 + 'c').end(), re.match('(a|b)*c', 'ab' * 50000 + 'c').end())
`,
	"details0": `import re
def tryit(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(r)
p = re.compile(r'(?P<w>\w)(\d)?')
m = p.match('a')
print(m.groups(), m.group(2), m.span(2), m.start(2), m.groupdict('z'), m.expand(r'[\2]'), m[0], m[1], m['w'])
tryit(lambda: m.group(True))
tryit(lambda: m.start(5))
tryit(lambda: m.group(-1))
tryit(lambda: m.group(10**30))
tryit(lambda: m[[1]])
tryit(lambda: p.match())
tryit(lambda: p.match('a', pos='x'))
tryit(lambda: p.sub('x'))
`,
	"details1": `import re
def tryit(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(r)
tryit(lambda: m.start(1, 2))
tryit(lambda: m.group(x=1))
tryit(lambda: p.findall('a1b', endpos=2, pos=0, x=1))
print(p.match('ab1', pos=1), p.match('ab1', 5), p.match('ab1', -3, -1), p.search('ab1', 2, 1), p.findall('a1b2', 1), p.fullmatch('ab1', 1))
print(re.sub('a', r'\n', 'xax'), re.sub('a', '\\\\', 'a'), re.sub(b'(a)', rb'\1\1', b'xa'), re.sub('a', 'b', bytearray(b'a') if False else 'aa'))
tryit(lambda: re.sub('a', b'b', 'a'))
tryit(lambda: re.sub(b'a', 'b', b'a'))
tryit(lambda: re.sub('a', lambda m: None, 'xay'))
print(re.subn(r'(?<=x)', '-', 'xxa'), re.split(r'(?=a)', 'banana'), re.split(r'(a)|(b)', 'xaybz'), re.split('x', 'axb', maxsplit=-1))
print(repr(re.compile(r'a\nb').pattern), re.compile('x', re.I|re.M|re.S|re.X), re.compile(b'a', re.L), re.compile('a', re.U), re.compile('(?u)a'))
print(re.match(r'(?:a|b)*?(c)', 'abac'), re.match(r'(a)*', 'aaa').span(1), re.match(r'(a){2}', 'aaa').span(1), re.match(r'(?:(a)|b){3}', 'aba').group(1))
`,
	"details2": `import re
def tryit(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(r)
print(re.search(r'(?<=\d{3})x', '123x'), re.search(r'(?<!\d{3})x', '12x'), re.search('(?<=(a))b', 'ab').group(1), re.search(r'(?=(\w+))', 'abc').group(1))
print(re.match(r'(?>(a+))b', 'aab').groups(), re.match(r'(a)++', 'aa'), re.match(r'(?:a(?=b)|.)+', 'abac'), re.match(r'a?+a', 'a'), re.match(r'(?:ab)?+ab', 'ab'))
print(re.match(r'(a)(?(1)(?=b))', 'ab'), re.match(r'(?P<q>["\'])?x(?(q)(?P=q))', '"x"'), re.match(r'(?P<q>["\'])?x(?(q)(?P=q))', 'x'))
print(re.match(r'(?i)(?P<a>ab)(?P=a)', 'abAB'), re.match(r'(?i)ß', 'ẞ'), re.match('(?i)ǅ', 'ǆ'), re.findall(r'(?i)σ', 'Σσς'))
print(re.match(r'\W+', ' !é'), re.match(r'(?a)\W+', ' !é'), re.match(r'\D\S', 'a b'), re.findall(r'[\w-]', 'a-é'), re.findall(r'[^\W\d]', 'a1_é'))
print(re.findall(rb'[\x80-\xff]+', b'a\x80\xffb'), re.match(rb'(?i)\xe9', b'\xc9'), re.match(b'(?L)\\w', b'a'))
print(re.findall(r'.$', 'a\nb\n'), re.findall(r'(?m).$', 'a\nb\n'), re.search(r'\Z', 'ab\n').span(), re.search(r'$', 'ab\n').span())
it = re.finditer(r'\d', 'a1b2')
print(type(it).__name__, next(it), list(it))
print(re.compile('a') == re.compile('a', re.I), re.compile('a') != re.compile('b'), re.compile('a') == 'a', {re.compile('x'): 1}[re.compile('x')])
print(re.match('', ''), re.search('x*', ''), re.fullmatch('', ''), re.findall('x*', 'axx'), re.sub('x*', '-', 'axx'))
`,
	"details3": `import re
def tryit(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(r)
print(re.match(r'(?s)(.*?)\n(.*)', 'a\nb\nc').groups(), re.match(r'(\d+)-(\d+)', '12-345').group(2, 1))
m = re.match(r'(a)(?P<b>b)', 'ab')
print(m.lastgroup, m.lastindex, re.match('(?P<x>a)|b', 'b').lastgroup)
tryit(lambda: re.compile(r'\k'))
tryit(lambda: re.compile('(?P<1>a)'))
tryit(lambda: re.compile('a{2,1}'))
tryit(lambda: re.compile('*'))
tryit(lambda: re.compile('[b-a]'))
tryit(lambda: re.compile('(?<=a|bc)'))
`,
	"engine": `import _sre, re
def tryit(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(r)
print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print(_sre.ascii_iscased(ord('a')), _sre.ascii_iscased(0xe9), _sre.unicode_iscased(0xdf), _sre.unicode_iscased(ord('1')), _sre.ascii_tolower(ord('A')), _sre.unicode_tolower(0x130), _sre.unicode_tolower(0x3a3))
tryit(lambda: _sre.compile('a', 0, [99, 1], 0, {}, ()).match('a'))
tryit(lambda: _sre.compile('a', 0, [17, 5, 1], 0, {}, ()).match('a'))
tryit(lambda: _sre.compile('a', 0, [-1], 0, {}, ()))
tryit(lambda: _sre.compile('a', 0, [2**32], 0, {}, ()))
tryit(lambda: _sre.template('a', ['x', -1, 'y']))
tryit(lambda: _sre.template('a', ['x', 1]))
p = re.compile('(' * 200 + 'a' + ')' * 200)
print(p.match('a').span(150))
print(re.match('(?:a?){1000}b', 'a' * 30 + 'b').end())
print(len(re.findall(r'(\w+)\s', 'ab ' * 20000)), re.sub(r'(\w)', r'\1\1', 'xyz' * 3))
print(re.search(r'(a|b)*?x', 'ab' * 20000 + 'x').end(), re.match(r'(?:(?:a)*)*b', 'a' * 20 + 'b').end())
`,
}

func TestSre(t *testing.T) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	for name, src := range srePrograms {
		if testing.Short() && name == "engine" {
			continue // long subjects: slow under the race detector
		}
		t.Run(name, func(t *testing.T) {
			want, wantExc := cpython(t, src)
			got, gotExc := runWithLib(t, lib.Dir, src)
			if got != want {
				t.Errorf("stdout:\n%s\nCPython 3.12:\n%s", got, want)
			}
			if gotExc != wantExc {
				t.Errorf("uncaught exception:\n%s\nCPython 3.12:\n%s", gotExc, wantExc)
			}
		})
	}
}

// runWithLib runs src as __main__ with the standard library at lib on
// sys.path.
func runWithLib(t *testing.T, lib, src string) (stdout, exc string) {
	t.Helper()
	mod, err := syntax.Parse("<test>", []byte(src), syntax.ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	code, err := compile.Compile(mod, "<test>", syntax.ModeExec, compile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	in := interp.New(interp.Options{Stdout: &out, Path: []string{"", lib}})
	if err := in.RunMain(code); err != nil {
		var b strings.Builder
		if perr := in.PrintException(&b, err, nil); perr != nil {
			t.Fatalf("a non-Python error: %v", err)
		}
		lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
		exc = lines[len(lines)-1]
	}
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
	return out.String(), exc
}
