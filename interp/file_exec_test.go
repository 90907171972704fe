package interp

import (
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/internal/pyoracle"
)

// Programs that use files, open() and the standard streams, compared
// with CPython 3.12. Each program names its directory {DIR}; CPython and
// this interpreter each get a fresh one (a program creating a file with
// mode 'x' must find it absent both times), and the outputs are compared
// with both directories written back as {DIR}.
var filePrograms = map[string]string{
	"write and read": `p = '{DIR}/a.txt'
f = open(p, 'w')
print(f)
print(f.write('line1\nline2\r\nline3\rlast'), f.tell())
f.writelines(['x', 'y\n'])
print(f.closed, f.close(), f.closed)
f = open(p)
print(repr(f.readline()), f.tell(), repr(f.readline(3)), repr(f.read(4)), f.tell())
print(f.readlines())
print(repr(f.read()), repr(f.readline()))
f.seek(0)
print(f.readlines(12))
print(f.seek(0, 2), f.tell())
f.close()
with open(p) as f:
    print(repr(f.read()), f.newlines)
with open(p, newline='') as f:
    print(f.readlines())
with open(p, newline='\r') as f:
    print(f.readlines())
with open(p, newline='\n') as f:
    print(f.readlines(), f.newlines)
with open(p, newline='\r\n') as f:
    print(f.readlines())
`,
	"modes and types": `p = '{DIR}/a.txt'
open(p, 'w').close()
for mode in ['r', 'rt', 'rb', 'rb+', 'br+', 'r+b', 'r+', 'w+', 'a+', 'ab', 'wb', 'w+b', 'x', 'xb']:
    f = open(p if 'x' not in mode else '{DIR}/new-' + mode, mode)
    print(mode, f, type(f).__name__, f.mode, f.readable(), f.writable(), f.seekable(), f.closed, f.isatty())
    f.close()
    print(f.closed, repr(f) == repr(f))
f = open(p, 'rb', buffering=0)
print(f, f.closefd, f.mode)
f.close()
print(f)
f = open(p, 'w+')
print(f.buffer, f.buffer.mode, f.buffer.raw, f.encoding, f.errors, f.line_buffering, f.write_through)
f.close()
`,
	"positions": `p = '{DIR}/a.txt'
with open(p, 'w') as f:
    f.write('abcdefghij\nklm\n')
f = open(p, 'r+')
print(repr(f.read(2)))
f.write('XY')
print(f.tell())
f.close()
print(repr(open(p).read()))
f = open('{DIR}/c.txt', 'w+')
f.write('hello\nworld')
print(f.tell())
f.seek(0)
print(repr(f.read()))
f.write('!')
f.seek(0)
print(repr(f.readline()), f.tell())
print(f.truncate(3), repr(f.read()))
f.seek(0)
print(repr(f.read()))
f.close()
f = open('{DIR}/c.txt', 'a')
print(f.tell())
f.write('Z')
f.close()
f = open('{DIR}/c.txt', 'a+')
f.write('Q')
f.seek(0)
print(repr(f.read()))
f.close()
`,
	"binary": `p = '{DIR}/a.bin'
with open(p, 'wb') as f:
    print(f.write(b'line1\nline2\r\nlast'), f.write(bytearray(b'!')), f.tell())
with open(p, 'rb') as g:
    print(g.read(5) == b'line1', g.tell(), g.read1(3) == b'\nli', g.readline() == b'ne2\r\n', g.read() == b'last!', g.read() == b'')
with open(p, 'rb') as g:
    lines = g.readlines()
    print(len(lines), lines[0] == b'line1\n', g.tell())
    g.seek(-2, 2)
    print(g.read() == b't!', g.seek(1), g.tell())
with open(p, 'rb', buffering=0) as g:
    print(type(g).__name__, g.read(3) == b'lin', g.readall() == b'e1\nline2\r\nlast!')
with open(p, 'r+b') as g:
    print(g.read(2) == b'li', g.write(b'XY'), g.tell(), g.read(2) == b'e1')
with open(p, 'rb') as g:
    print(g.read() == b'liXYe1\nline2\r\nlast!')
    ba = bytearray(b'....')
    g.seek(0)
    print(g.readinto(ba), ba == bytearray(b'liXY'))
n = 0
for line in open(p, 'rb'):
    n += 1
print(n)
`,
	"newline translation": `p = '{DIR}/d.txt'
f = open(p, 'w', newline='\r\n')
f.write('a\nb\n')
f.close()
print(repr(open(p, newline='').read()), open(p, 'rb').read() == b'a\r\nb\r\n')
f = open(p)
for line in f:
    print(repr(line))
    try:
        f.tell()
    except OSError as e:
        print('OSError', e)
print(f.tell(), f.newlines)
f.close()
f = open(p, 'w', newline='\r')
f.write('x\ny\n')
f.close()
print(open(p, 'rb').read() == b'x\ry\r', repr(open(p).read()))
`,
	"encodings": `p = '{DIR}/e.txt'
f = open(p, 'w', encoding='latin-1')
print(f, f.write('café'))
f.close()
print(open(p, 'rb').read() == b'caf\xe9', repr(open(p, encoding='latin-1').read()))
try:
    open(p).read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e, e.start, e.end, e.reason, e.encoding)
print(repr(open(p, errors='replace').read()), repr(open(p, errors='ignore').read()), repr(open(p, errors='backslashreplace').read()))
print(repr(open(p, errors='surrogateescape').read()))
f = open('{DIR}/f.txt', 'w', encoding='ascii')
try:
    f.write('café')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
print(f.write('cafe'))
f.close()
f = open('{DIR}/g.txt', 'w', encoding='utf-8-sig')
f.write('bom')
f.close()
print(open('{DIR}/g.txt', 'rb').read() == b'\xef\xbb\xbfbom', repr(open('{DIR}/g.txt', encoding='utf-8-sig').read()), repr(open('{DIR}/g.txt').read()))
f = open('{DIR}/h.txt', 'w')
f.write('na\u00efve \u20ac \U0001f600\n')
f.close()
f = open('{DIR}/h.txt')
print(repr(f.read(7)), f.tell(), repr(f.read()), f.tell())
f.close()
for enc in ['UTF8', 'utf_8', 'L1', 'us-ascii']:
    f = open('{DIR}/h.txt', encoding=enc, errors='replace')
    print(f.encoding, len(f.read()))
    f.close()
try:
    open('{DIR}/h.txt', encoding='no-such-codec')
except LookupError as e:
    print('LookupError', e)
`,
	"open errors": `p = '{DIR}/a.txt'
open(p, 'w').close()
for args in [('{DIR}/nope/x.txt',), ('{DIR}',), ('{DIR}', 'w'), (p, 'x'), (p, 'rr'), (p, 'z'), (p, 'rw'), (p, 'tb'), (p, ''), (p, '+'),
             (p, 'rb', -1, 'utf-8'), (p, 'rb', -1, None, 'strict'), (p, 'rb', -1, None, None, ''), (p, 'r', 0), (p, 'r', -1, None, None, 'x'),
             (p, 'r', -1, 5), (p, 'r', -1, None, 5), (p, 'r', -1, None, None, 5), ([1],), (1.5,), (p, 5), (p, 'r', 'x'), ('{DIR}/a\0b',),
             (p, 'r', -1, None, None, None, False)]:
    try:
        open(*args)
    except Exception as e:
        print(type(e).__name__, str(e).replace('{DIR}', 'DIR'))
try:
    open('{DIR}/nope.txt')
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename == '{DIR}/nope.txt', e.args, e.filename2)
try:
    open(p, foo=1)
except TypeError as e:
    print(e)
try:
    open()
except TypeError as e:
    print(e)
f = open(file=p, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)
print(f.name == p)
f.close()
`,
	"closed and unsupported": `p = '{DIR}/a.txt'
open(p, 'w').close()
f = open(p)
f.close()
for op in ['f.read()', 'f.readline()', 'f.write("x")', 'f.fileno()', 'f.tell()', 'f.seek(0)', 'f.flush()', 'f.readable()', 'f.isatty()', 'f.__enter__()', 'next(f)', 'iter(f)', 'f.readlines()']:
    try:
        eval(op)
    except ValueError as e:
        print(op, e)
print(f.closed, f.name == p, f.close())
g = open(p, 'rb')
g.close()
for op in ['g.read()', 'g.write(b"x")', 'g.fileno()', 'g.tell()', 'g.seek(0)', 'g.flush()', 'g.peek()', 'g.readline()', 'next(g)']:
    try:
        eval(op)
    except (ValueError, OSError) as e:
        print(op, type(e).__name__, e)
w = open('{DIR}/h.txt', 'w')
for op in ['w.read()', 'w.readline()', 'next(w)', 'w.write(b"x")', 'w.write(5)', 'w.writelines([1])', 'w.seek(-1)', 'w.seek(1, 1)', 'w.seek(1, 2)', 'w.seek(0, 3)', 'w.read("x")']:
    try:
        eval(op)
    except Exception as e:
        print(op, type(e).__name__, e)
w.close()
r = open(p)
for op in ['r.write("x")', 'r.truncate()']:
    try:
        eval(op)
    except OSError as e:
        print(op, type(e).__name__, e, isinstance(e, OSError))
r.close()
b = open(p, 'wb')
for op in ['b.read()', 'b.write("x")', 'b.read(-2)']:
    try:
        eval(op)
    except Exception as e:
        print(op, type(e).__name__, e)
b.close()
`,
	"oserror": `e = OSError(2, 'No such', 'f.txt')
print(type(e), e.args, e.errno, e.strerror, e.filename, e.filename2, str(e), repr(e))
e = OSError(2, 'No such', 'f.txt', None, 'g')
print(type(e).__name__, e.args, str(e))
e = OSError(2, 'No such', 'f.txt', 5, 'g', 6)
print(type(e).__name__, e.args, str(e), e.errno)
e = OSError('x')
print(e.errno, e.args, str(e))
e = OSError()
print(e.errno, e.args, repr(str(e)))
e = OSError(5, 'y')
print(type(e).__name__, str(e))
e.errno = 7
print(str(e))
e.strerror = None
print(str(e))
print(type(FileNotFoundError(13, 'x')).__name__, type(OSError(13, 'x')).__name__, type(OSError(None, 'x')).__name__, str(OSError(None, 'x')))
print(str(OSError(2, None, 'f')), OSError(2, 'x', None).args, str(OSError(2, 'x', None)))
e = OSError(2, 'x')
e.__init__(3, 'y', 'z')
print(e.args, e.errno, e.filename)
for n in [11, 10, 32, 103, 111, 104, 17, 2, 21, 20, 4, 13, 1, 3, 110, 95]:
    print(n, type(OSError(n, 'x')).__name__)
print(IOError is OSError, EnvironmentError is OSError)
try:
    OSError(2, 'x', k=1)
except TypeError as e:
    print(e)
e = OSError(2, 'x', 'f')
e.filename = 'zz'
print(str(e))
del e.errno
print(e.errno, str(e))
e = OSError(2, 'a', 'b', 'c')
print(e.args, e.filename2, str(e))
`,
	"oserror subclasses": `class E(OSError):
    pass
e = E(2, 'x', 'f')
print(type(e).__name__, e.args, e.errno, e.filename, str(e))
class F(OSError):
    def __init__(self, a, b, c):
        print('init', self.args, self.errno)
        super().__init__(a, b, c)
        print('after', self.args, self.errno, self.filename)
F(2, 'x', 'f')
try:
    raise E(13, 'denied', 'file')
except PermissionError:
    print('not reached')
except OSError as e:
    print('caught', e)
`,
}

func TestFilePrograms(t *testing.T) {
	for name, src := range filePrograms {
		t.Run(name, func(t *testing.T) { checkFileProgram(t, src, "") })
	}
}

// The standard streams, with input on stdin.
var stdStreamPrograms = map[string]string{
	"streams": `import sys
print(sys.stdout, sys.stderr, sys.stdin)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(sys.stdout.write('direct\n'), sys.stdout.name, sys.stdout.mode, sys.stdout.encoding, sys.stdout.errors, sys.stderr.errors, sys.stdin.errors)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno(), sys.stdout.readable(), sys.stdout.writable(), sys.stdin.readable(), sys.stdin.writable())
print(sys.stdout.line_buffering, sys.stderr.line_buffering, sys.stdin.buffer, sys.stdin.newlines)
sys.stdout.flush()
sys.stdout.writelines(['a', 'b\n'])
print('x', file=sys.stdout)
sys.stderr.write('to stderr\n')
print(repr(sys.stdin.readline()), repr(sys.stdin.read()), repr(sys.stdin.readline()))
`,
	"stdin lines": `import sys
for line in sys.stdin:
    print(repr(line))
`,
}

func TestStdStreams(t *testing.T) {
	for name, src := range stdStreamPrograms {
		t.Run(name, func(t *testing.T) { checkFileProgram(t, src, "line one\r\nline two\nlast") })
	}
}

// checkFileProgram runs the template src in CPython and here, each in a
// directory of its own, with stdin as input, and compares the results as
// checkPrograms does.
func checkFileProgram(t *testing.T, src, stdin string) {
	t.Helper()
	dirA, dirB := t.TempDir(), t.TempDir()
	want, wantExc := cpythonFileResult(t, strings.ReplaceAll(src, "{DIR}", dirA), stdin)
	want = strings.ReplaceAll(want, dirA, "{DIR}")
	wantExc = strings.ReplaceAll(wantExc, dirA, "{DIR}")

	var stdout strings.Builder
	in := New(Options{Stdout: &stdout, Stdin: strings.NewReader(stdin)})
	base := in.Heap().Baseline()
	gv, err := in.NewDict()
	if err != nil {
		t.Fatal(err)
	}
	name, _ := in.NewStr("__main__")
	in.DictSet(asObject[Dict](gv), internName("__name__"), name)
	in.decRef(name)
	err = in.ExecModule(compileForTest(t, strings.ReplaceAll(src, "{DIR}", dirB)), asObject[Dict](gv))
	in.decRef(gv)
	got := strings.ReplaceAll(stdout.String(), dirB, "{DIR}")
	gotExc := ""
	if err != nil {
		var e *Exception
		if !errors.As(err, &e) {
			t.Fatalf("a non-Python error: %v", err)
		}
		gotExc = strings.ReplaceAll(in.exceptionLine(e), dirB, "{DIR}")
		in.decRef(valueOf(e))
	}
	if got != want {
		t.Errorf("stdout:\n%s\nCPython 3.12:\n%s", got, want)
	}
	if gotExc != wantExc {
		t.Errorf("uncaught exception:\n%s\nCPython 3.12:\n%s", gotExc, wantExc)
	}
	if !strings.Contains(src, "def ") && !strings.Contains(src, "class ") && !strings.Contains(src, "import") {
		if leaks := in.Heap().LeaksSince(base); len(leaks) > 0 {
			t.Errorf("objects left after the program: %+v", leaks)
		}
	}
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
}

// cpythonFileResult is cpythonResult with stdin.
func cpythonFileResult(t *testing.T, src, stdin string) (stdout, exc string) {
	cmd := pyoracle.Command("-c", src)
	// CPython's stderr is line-buffered, as here, unless -u is in force.
	cmd.Env = nil
	for _, kv := range pyoracle.Env() {
		if !strings.HasPrefix(kv, "PYTHONUNBUFFERED=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	var out, errOut strings.Builder
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Skipf("no CPython 3.12: %v", err)
		}
		lines := strings.Split(strings.TrimRight(errOut.String(), "\n"), "\n")
		exc = lines[len(lines)-1]
	}
	return out.String(), exc
}
