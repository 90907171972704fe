package modules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/parallel-py/parallel/interp/syntax"
)

// The _tokenize module, tested through CPython's own Lib/tokenize.py:
// each program runs here (with CPython's Lib on sys.path) and in CPython
// 3.12, and what it prints must match.

// tokenizeHelpers prints the tokens of sources through both entry points.
const tokenizeHelpers = `import tokenize, io, _tokenize
def show(src):
    print('==', repr(src))
    try:
        if isinstance(src, bytes):
            for t in tokenize.tokenize(io.BytesIO(src).readline): print(repr(t))
        else:
            for t in tokenize.generate_tokens(io.StringIO(src).readline): print(repr(t))
    except Exception as e:
        print('!!', type(e).__name__, e.args)
def raw(readline, **kw):
    try:
        for t in _tokenize.TokenizerIter(readline, **kw): print(t)
    except Exception as e:
        print('!!', type(e).__name__, e.args)
`

var tokenizePrograms = map[string]string{
	"basics": tokenizeHelpers + `
for s in ['', '\n', 'x', 'x\n', 'x = 1 # c\n\n  \nif x:\n    y\n', 'def f():\n  pass\n\n\n',
          'if 1:\n  x\n # c\n', 'x\n   ', '# only', 'x  # c', '\n\n# c\n\n', '(\n# c\n)\n',
          'def f(\n  a,  # one\n  b,\n):\n  return a\n', 'x = 1;\n', 'a->b := c ... @= **= //= >>= <<= != ==\n',
          'async def f():\n  await x\n', 'match x:\n  case 1: pass\n', 'type X = int\n', '$ ? ' + chr(96) + ' a <> b\n']:
    show(s)
`,
	"continuations tabs form feeds": tokenizeHelpers + `
for s in ['x\\\n  + 1\n', 'x = 1 + \\\n  2\n', '\\\n  x\n', 'if 1:\n \\\n  x\n', 'if 1:\n  x\n\\\n\n',
          'if x:\n\ty\n', 'if 1:\n\tif 2:\n\t\tx\n', '\x0cx\n', 'x = 1\n\x0c\ny = 2\n', 'if 1:\n\x0c  x\n',
          'class A:\n\tdef f(self):\n\t\treturn 1\n']:
    show(s)
`,
	"crlf and cr": tokenizeHelpers + `
for s in ['x\r\ny\r\n', 'x # c\r\n', 'x \\\r\n+1\r\n', '(1,\r\n2)\r\n', '\r\n\r\n', 'x\r', 'x\ry\n',
          'a = """x\r\ny"""\r\n', 'if 1:\r\n  x\r\n', 'x = 1 \r + 2\n', 's = "a\\\r\nb"\n', "f'a\\\r\nb'\n"]:
    show(s)
    show(s.encode())
for s in ['x\ry\r', 'a\rb\n(\r1)\r']:
    for t in tokenize.generate_tokens(io.StringIO(s, newline='').readline): print(repr(t))
`,
	"unicode and f-strings": tokenizeHelpers + `
for s in ['é = 1\n', 'ℕ·µ = "ü" + é\n', 's = """é\nab""" + x\n', 's = """x\néab"""\n', '€ = 1\n',
          "f'a{b!r:>{w}}c{{'\n", 'f"""a\nb{x}c\nd"""\n', 'f"""a{\nx\n}b"""\n', 'x = f"{a:\n}"\n',
          "f'{f'{f'{1}'}'}'\n", "f'{x=}' f'{x = !r:^20}'\n", "rf'\\N{x}' f'\\N{BULLET}' f'{{{x}}}'\n",
          "f'{x:{y}.{z}f}' F'a' Rf'b' fR'c' b'x' rb'y' u'w'\n", 'print(f"{é!r}")\n']:
    show(s)
    show(s.encode())
`,
	"numbers names": tokenizeHelpers + `
for s in ['0777\n', '1if 0x1g 1e 1j 1.5e-3J\n', '1_000 0x_1f 0o17 0b1 1else 2\n', '09.5 0_0 00 .5 5.\n', ')', '(]', '}\n']:
    show(s)
`,
	"errors": tokenizeHelpers + `
for s in ['(1,\n', '(1,\n2', 'x = (', 'x = \\\n', '\\', "'abc\n", '"abc', "'''abc\n", 'x = """a\nb',
          'if x:\n\ty\n  z\n', 'if 1:\n  x\n y\n', 'if 1:\n\tx\n        y\n', 'x = 1 \\ y\n', 'f"abc\n',
          'f"{x\n', "f'{'\n", "f'}'\n", 'x = 1\x00\n', '0x\n', '0o8\n', '1__0\n', '1e+\n', 'x\r\r\n',
          '(' * 201 + '\n', ''.join(' ' * i + 'if 1:\n' for i in range(101))]:
    show(s)
try:
    list(tokenize.generate_tokens(io.StringIO('(\n').readline))
except tokenize.TokenError as e:
    print(type(e).__name__, e.args, str(e))
try:
    list(tokenize.generate_tokens(io.StringIO('if 1:\n  x\n y\n').readline))
except IndentationError as e:
    print(type(e).__name__, e.args, e.lineno, e.offset, e.text, str(e))
`,
	"encodings": tokenizeHelpers + `
for b in [b'# coding: latin-1\nx = "\xe9"\n', b'\xef\xbb\xbfx = 1\n', b'# -*- coding: utf-8 -*-\n\xc3\xa9 = 2\n',
          b'#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\ns = "\x80"\n', b'x = "\xff"\n', b'', b'\n',
          b'# coding: utf-16\n', b'x = 1']:
    show(b)
`,
	"TokenizerIter": tryAll + tokenizeHelpers + `
T = _tokenize.TokenizerIter
print(T, T.__name__, T.__module__, type(T(iter([]).__next__, extra_tokens=True)).__name__)
tryall('T()', 'T(1)', 'T(1, 2)', 'T(print, extra_tokens=1, encoding=3)', 'T(print, extra_tokens=1, foo=1)', 'list(T(1, extra_tokens=[]))',
       'list(T(iter(["x\\n", 3]).__next__, extra_tokens=True))', 'list(T(iter([b"x\\n", "y"]).__next__, extra_tokens=True, encoding="utf-8"))',
       'list(T(iter([b"x\\n"]).__next__, extra_tokens=True, encoding="foo"))', 'list(T(iter(["\\ud800\\n"]).__next__, extra_tokens=True))',
       'list(T(iter(["a\\nb\\n", "c"]).__next__, extra_tokens=True))', 'list(T(iter(["x = (", "1,", " 2)"]).__next__, extra_tokens=True))',
       'list(T(iter([b"x = \\xe9\\n"]).__next__, extra_tokens=True, encoding="latin-1"))',
       'list(T(iter([b"x = \\xff\\n"]).__next__, extra_tokens=True, encoding="utf-8"))')
try:
    class S(T): pass
except TypeError as e: print(e)
it = T(iter(['x = 1\n', 'y = 2\n']).__next__, extra_tokens=True)
print(iter(it) is it, next(it), next(it))
print(list(it), list(it))
lines = ['def f():\n', '    return 1\n', 'x = (\n']
def rl():
    if lines:
        return lines.pop(0)
    raise ValueError('boom')
raw(rl, extra_tokens=True)
class Stop:
    n = 0
    def __call__(self):
        self.n += 1
        if self.n > 2: raise StopIteration
        return 'x = %d\n' % self.n
raw(Stop(), extra_tokens=True)
raw(Stop(), extra_tokens=False)
raw(iter(['if 1:\n', '  x = 1 # c\n', '\n']).__next__, extra_tokens=False)
raw(iter(['x = f"{a!r:>{w}}"\n']).__next__, extra_tokens=False)
print(list(tokenize.generate_tokens(iter(['x = 1\n', 'y']).__next__))[-3:])
`,
	"tokenize helpers": `import tokenize, io, token
src = 'def f(a, b=1):\n    return a + b  # sum\n'
toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
print([token.tok_name[t.exact_type] for t in toks])
print(tokenize.untokenize(toks) == src)
print(tokenize.untokenize((t.type, t.string) for t in toks))
b = src.encode()
print(tokenize.untokenize(tokenize.tokenize(io.BytesIO(b).readline)))
print(tokenize.detect_encoding(io.BytesIO(b'# coding: latin-1\n').readline))
import inspect
def g():
    return [x
            for x in range(3)]
print(inspect.getblock(['def g():\n', '    return 1\n', 'x = 2\n']))
`,
}

func TestTokenizeModule(t *testing.T) {
	runStdlibPrograms(t, tokenizePrograms)
}

// runStdlibPrograms runs each program here, with CPython's Lib on
// sys.path, and in CPython 3.12, comparing stdout and the last line of an
// uncaught exception.
func runStdlibPrograms(t *testing.T, programs map[string]string) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	names := make([]string, 0, len(programs))
	for name := range programs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		src := programs[name]
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
				t.Errorf("%s%s", firstLineDiff(got, want), excDiff(gotExc, wantExc))
			}
		})
	}
}

// firstLineDiff shows where two outputs part.
func firstLineDiff(got, want string) string {
	if got == want {
		return ""
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; ; i++ {
		if i >= len(g) || i >= len(w) || g[i] != w[i] {
			line := func(l []string) string {
				if i < len(l) {
					return l[i]
				}
				return "<end>"
			}
			prev := ""
			if i > 0 {
				prev = "after: " + g[i-1] + "\n"
			}
			return fmt.Sprintf("stdout line %d:\n%sgot:  %s\nwant: %s\n", i+1, prev, line(g), line(w))
		}
	}
}

func excDiff(got, want string) string {
	if got == want {
		return ""
	}
	return fmt.Sprintf("uncaught exception:\n%s\nCPython 3.12:\n%s", got, want)
}

// tokenizeCorpusFiles are the standard library modules whose tokens the
// corpus test compares, with the programs of testdata/programs.
var tokenizeCorpusFiles = []string{
	"tokenize.py", "typing.py", "argparse.py", "ast.py", "inspect.py", "dataclasses.py", "enum.py",
	"functools.py", "collections/__init__.py", "re/_parser.py", "string.py", "textwrap.py",
	"traceback.py", "linecache.py", "os.py", "posixpath.py", "shutil.py", "subprocess.py",
	"threading.py", "logging/__init__.py", "json/decoder.py", "email/message.py", "urllib/parse.py",
	"unittest/case.py", "pathlib.py", "fractions.py", "statistics.py", "difflib.py", "pprint.py",
	"locale.py", "calendar.py", "_pydatetime.py", "doctest.py", "codecs.py", "token.py", "keyword.py",
	"test/test_tokenize.py", "test/tokenizedata/badsyntax_3131.py", "test/tokenizedata/bad_coding2.py",
	"test/tokenizedata/coding20731.py", "test/encoded_modules/module_iso_8859_1.py",
	"test/tokenizedata/tokenize_tests-latin1-coding-cookie-and-utf8-bom-sig.txt",
	"test/tokenizedata/tokenize_tests-no-coding-cookie-and-utf8-bom-sig-only.txt",
	"test/tokenizedata/tokenize_tests-utf8-coding-cookie-and-utf8-bom-sig.txt",
}

// tokenizeCorpusProgram prints, for each file, the number of tokens and
// an md5 of their reprs, through tokenize() on its bytes and
// generate_tokens() on its text.
const tokenizeCorpusProgram = `import tokenize, io, hashlib
def digest(toks):
    return hashlib.md5('\n'.join(map(repr, toks)).encode('utf-8', 'surrogatepass')).hexdigest()
def run(f):
    try:
        toks = list(f())
        return len(toks), digest(toks), repr(toks[:2])[:300], repr(toks[-2:])[:300]
    except Exception as e:
        return type(e).__name__, str(e.args)
for p in PATHS:
    with open(p, 'rb') as f:
        b = f.read()
    print(p.rsplit('/', 2)[-2:])
    print(run(lambda: tokenize.tokenize(io.BytesIO(b).readline)))
    try:
        enc = tokenize.detect_encoding(io.BytesIO(b).readline)[0]
        s = b.decode(enc)
    except Exception as e:
        print('undecodable', type(e).__name__)
        continue
    print(run(lambda: tokenize.generate_tokens(io.StringIO(s).readline)))
`

func TestTokenizeCorpus(t *testing.T) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	var paths []string
	for _, f := range tokenizeCorpusFiles {
		p := filepath.Join(lib.Dir, f)
		if _, err := os.Stat(p); err == nil {
			paths = append(paths, p)
		}
	}
	root, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "programs"))
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
			paths = append(paths, p)
		}
		return nil
	})
	if testing.Short() {
		paths = paths[:8]
	}
	var b strings.Builder
	b.WriteString("PATHS = [\n")
	for _, p := range paths {
		fmt.Fprintf(&b, "    %q,\n", p)
	}
	b.WriteString("]\n")
	runStdlibPrograms(t, map[string]string{"corpus": b.String() + tokenizeCorpusProgram})
}

// TestTokenizeUsers runs modules that import tokenize; what they print
// depends on other parts of the interpreter too.
func TestTokenizeUsers(t *testing.T) {
	runStdlibPrograms(t, map[string]string{
		"inspect getsource": `import inspect, tokenize
lines = ['def f(x):\n', '    """doc"""\n', '    return [x,\n', '            x]\n', 'y = 1\n']
print(inspect.getblock(lines))
print(inspect.getblock(['class A:\n', '  def g(self): pass\n', '\n', 'z = 3\n']))
print(inspect.getblock(['@dec\n', 'def f(): return (1 +\n', ' 2)\n', 'q\n']))
`,
		"tabnanny": `import tabnanny, io, tokenize
src = 'if 1:\n\tx = 1\n        y = 2\n'
try:
    tabnanny.process_tokens(tokenize.generate_tokens(io.StringIO(src).readline))
except tabnanny.NannyNag as e:
    print(e.get_lineno(), e.get_msg(), repr(e.get_line()))
except Exception as e:
    print(type(e).__name__, e)
`,
	})
}
