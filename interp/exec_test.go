package interp

import (
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/internal/pyoracle"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

// The first programs the eval loop runs; their expected output is what
// CPython 3.12 prints for them, obtained in the test (skipped without it).
var execPrograms = map[string]string{
	"arithmetic": `x = 1 + 2
print(x, x * 2.5, -x, ~x, 2 ** 100, 10 / 4, 7 // 2, -7 % 3)
print(repr('a'), [1, 2, (3, 4)], (5,), len([1, 2, 3]), None, True)
print(1 < 2, 1 == 1.0, 3 is 3, 2 ** 64 > 2.0 ** 63, ...)
`,
	"functions": `def f(a, b=10):
    return a * b
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(f(3), f(3, 4), fib(20))
`,
	"loops": `i = 0
total = 0
while i < 1000:
    total = total + i * i
    if total > 100000:
        total = total - 100000
    i += 1
print(total, i)
`,
	"for": `total = 0
for i in range(10):
    total += i
for i in range(10, 0, -3):
    print(i)
for x in [1, 'a', (2, 3)]:
    print(x)
for x in (1.5, None):
    print(x)
print(total, range(5), range(1, 10, 2))
`,
	"exceptions": `def divide(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        print('caught', e, type(e))
        return None
    finally:
        print('finally', a, b)
print(divide(1, 2), divide(1, 0))
try:
    try:
        raise ValueError('inner')
    except ValueError:
        raise KeyError('outer')
except (TypeError, KeyError) as e:
    print('outer caught', repr(e))
try:
    raise RuntimeError('x') from None
except RuntimeError as e:
    print(e)
def reraise():
    try:
        1 / 0
    except ArithmeticError:
        raise
try:
    reraise()
except Exception as e:
    print('reraised', e)
for i in range(3):
    try:
        if i == 1:
            continue
        print('body', i)
    finally:
        print('cleanup', i)
`,
	"fstrings": `x = 42
y = 2.5
name = 'abc'
w = 8
print(f"{x} {y!r} {name!r:>7} {x:08b} {y:.3e} {x:>{w}} {2**70:,} {-y:+.1%}")
print(f"{name:*^9}|{x:#x}|{y:g}|{1e16}|{0.1 + 0.2:.17f}|{x!s:<4}|")
`,
	"containers": `d = {'a': 1, 'b': [1, 2]}
d['c'] = (3, 4)
x, y = d['c']
l = [10, 20, 30]
l[-1] = 99
print(d, x, y, l, l[0], (1, 2)[-2], 'a' in d, 2 in l, 'bc' in 'abcd', 5 not in l)
first, second = 'ab', [7]
print(first, second, {}, {1: {2: 3}})
try:
    d['missing']
except KeyError as e:
    print('KeyError', e, repr(e))
try:
    l[10]
except IndexError as e:
    print(e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
`,
	"globals": `def g():
    global counter
    counter = counter + 1
    return counter
counter = 0
g()
g()
print(counter, g())
`,
}

func compileForTest(t testing.TB, src string) *compile.Code {
	mod, err := syntax.Parse("<test>", []byte(src), syntax.ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	code, err := compile.Compile(mod, "<test>", syntax.ModeExec, compile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// runForTest runs src as __main__ in a new interpreter; base is the
// heap's live counts before the program.
func runForTest(t *testing.T, src string) (out string, err error, in *Interp, base alloc.Baseline) {
	var stdout strings.Builder
	in = New(Options{Stdout: &stdout})
	base = in.Heap().Baseline()
	gv, err := in.NewDict()
	if err != nil {
		t.Fatal(err)
	}
	name, _ := in.NewStr("__main__")
	in.DictSet(asObject[Dict](gv), internName("__name__"), name)
	in.decRef(name)
	err = in.ExecModule(compileForTest(t, src), asObject[Dict](gv))
	in.decRef(gv)
	return stdout.String(), err, in, base
}

func TestExecPrograms(t *testing.T) { checkPrograms(t, execPrograms) }

// checkPrograms runs each program here and in CPython 3.12 and compares
// stdout and, when the program ends with an uncaught exception, its last
// line ("Type: message"). It also checks that frames and the reference
// counts come out clean. Test files for each area of the interpreter
// keep their own table and call it.
func checkPrograms(t *testing.T, programs map[string]string) {
	t.Helper()
	for name, src := range programs {
		t.Run(name, func(t *testing.T) {
			want, wantExc := cpythonResult(t, src)
			got, err, in, base := runForTest(t, src)
			gotExc := ""
			if err != nil {
				var e *Exception
				if !errors.As(err, &e) {
					t.Fatalf("a non-Python error: %v", err)
				}
				gotExc = in.exceptionLine(e)
				in.decRef(valueOf(e))
			}
			if got != want {
				t.Errorf("stdout:\n%s\nCPython 3.12:\n%s", got, want)
			}
			if gotExc != wantExc {
				t.Errorf("uncaught exception:\n%s\nCPython 3.12:\n%s", gotExc, wantExc)
			}
			if in.depth != 0 || in.frameSlots.Len() != 0 {
				t.Errorf("frames left: depth %d, %d slots", in.depth, in.frameSlots.Len())
			}
			// Functions and classes form cycles with their module dict,
			// freed only by the cycle finder (which does not see all of
			// them yet); without them everything must be gone once the
			// finder has broken the cycles of tracebacks (through the
			// globals of their frames).
			if !strings.Contains(src, "def ") && !strings.Contains(src, "class ") && !strings.Contains(src, "lambda") && !strings.Contains(src, "import") {
				in.CollectCycles()
				if leaks := in.Heap().LeaksSince(base); len(leaks) > 0 {
					t.Errorf("objects left after the program: %+v", leaks)
				}
			}
			if reports := in.Heap().Reports(); len(reports) > 0 {
				t.Errorf("reference-count reports: %+v", reports)
			}
		})
	}
}

// cpythonResult runs src in CPython 3.12: its stdout and the last line
// of stderr when it exits with an uncaught exception.
func cpythonResult(t *testing.T, src string) (stdout, exc string) {
	cmd := pyoracle.Command("-c", src)
	var out, errOut strings.Builder
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

// exceptionLine is the last line of an uncaught exception's traceback.
func (in *Interp) exceptionLine(e *Exception) string {
	var b strings.Builder
	in.PrintException(&b, e, nil)
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	return lines[len(lines)-1]
}

func TestExecUncaught(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"def f(a):\n    return a / 0\nprint('before')\nf(1)\n", "ZeroDivisionError: division by zero"},
		{"def f():\n    return f()\nf()\n", "RecursionError: maximum recursion depth exceeded"},
		{"print(undefined_name)\n", "NameError: name 'undefined_name' is not defined"},
		{"x = 1\nx()\n", "TypeError: 'int' object is not callable"},
		// Missing features say so instead of answering wrongly.
		{"def f():\n    return breakpoint()\nf()\n", "NotImplementedError: breakpoint() is not implemented yet"},
	} {
		_, err, in, _ := runForTest(t, tc.src)
		var e *Exception
		if !errors.As(err, &e) || e.Error() != tc.want {
			t.Errorf("%q: error %v, want %s", tc.src, err, tc.want)
		}
		if in.depth != 0 || in.frameSlots.Len() != 0 {
			t.Errorf("%q: frames left after the exception: depth %d, %d slots", tc.src, in.depth, in.frameSlots.Len())
		}
	}
}
