package runtime

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// safeBuffer is a strings.Builder several interpreters may write to.
type safeBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// The parts of the subinterpreter API CPython 3.13 cannot be the oracle
// for (testdata/interpreters covers the rest against it): PEP 734's
// call with arguments and a result as CPython 3.14 has it, and the PEP
// 554 module.
func TestSubinterpreterAPI(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
	}{
		{"call returns", `
from concurrent import interpreters as I
a = I.create()
def add(x, y=10, *, scale=1):
    return (x + y) * scale
print(a.call(add, 1, 2), a.call(add, 5))
def shape(*args, **kwargs):
    return (args, tuple(sorted(kwargs.items())))
print(a.call(shape, 1, 'a', k=(None, b'x')))
`, "3 15\n((1, 'a'), (('k', (None, b'x')),))\n"},
		{"call copies and refuses", `
from concurrent import interpreters as I
a = I.create()
def f(x):
    return x
for args in [([1],), ({'a': 1},), ((x for x in ()),)]:
    try:
        print(a.call(f, *args))
    except I.NotShareableError as e:
        print('NotShareableError:', e)
def bad_result():
    return [1, (x for x in ())]
try:
    a.call(bad_result)
except I.ExecutionFailed as e:
    print(e.excinfo.type.__name__, '|', e.excinfo.msg)
def kwonly(*, k=1):
    return k
print('kwonly:', a.call(kwonly), a.call(kwonly, k=2))
def outer():
    v = 1
    def inner():
        return v
    return inner
try:
    a.call(outer())
except I.NotShareableError as e:
    print('closure:', 'closure over v' in str(e))
`, "[1]\n{'a': 1}\n" +
			"NotShareableError: 'generator' object does not support cross-interpreter data: cannot pickle 'generator' object (at argument 1)\n" +
			"NotShareableError | the result 'generator' object does not support cross-interpreter data: cannot pickle 'generator' object (at [1])\n" +
			"kwonly: 1 2\nclosure: True\n"},
		{"nested tuple path", `
from concurrent import interpreters as I
a = I.create()
try:
    a.prepare_main(t=(1, (2, [3])))
except I.NotShareableError as e:
    print(e)
`, "[3] does not support cross-interpreter data (at t[1][1])\n"},
		{"pep 554", `
import interpreters
a = interpreters.create()
a.bind(x=2)
a.run("print('x is', x)")
try:
    a.run("raise KeyError('k')")
except interpreters.RunFailedError as e:
    print('RunFailedError:', e, isinstance(e, interpreters.InterpreterError))
a.set_main_attrs(y=3)
a.exec("print('y is', y)")
print(a.is_running(), [i.id for i in interpreters.list_all()] == [0, a.id])
a.close()
print(interpreters.get_current().id, interpreters.get_main().id)
`, "x is 2\nRunFailedError: KeyError: 'k' True\ny is 3\nFalse True\n0 0\n"},
		{"low level", `
import _interpreters as L
id = L.create()
print(L.whence(id) == L.WHENCE_STDLIB, L.is_running(id))
print(L.exec(id, 'x = 1'), L.exec(id, '1/0').type.__name__)
L.set___main___attrs(id, {'z': 9})
def read_z(k):
    return z + k
print(L.call(id, read_z, (1,), None)[0], L.call(id, read_z, ('x',), None)[1].type.__name__)
L.destroy(id)
try:
    L.destroy(id)
except L.InterpreterNotFoundError as e:
    print(e)
try:
    L.destroy(L.get_current()[0])
except L.InterpreterError as e:
    print(e)
`, "True False\nNone ZeroDivisionError\n10 TypeError\nunrecognized interpreter ID 1\ncannot destroy the current interpreter\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rt := newRuntime(t, Options{})
			var out safeBuffer
			it := newInterpreter(t, rt, InterpreterOptions{Stdout: &out, Stderr: &out})
			mustExec(t, it, c.src)
			if got := out.String(); got != c.want {
				t.Errorf("output:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// TestCancelReachesSubinterpreter: cancelling code that waits for another
// interpreter cancels the code running there too; both finally blocks
// run and the other interpreter stays usable.
func TestCancelReachesSubinterpreter(t *testing.T) {
	rt := newRuntime(t, Options{})
	var out safeBuffer
	it := newInterpreter(t, rt, InterpreterOptions{Stdout: &out, Stderr: &out})
	mustExec(t, it, "from concurrent import interpreters as I\nb = I.create()")
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := it.Exec(ctx, `
try:
    b.exec("try:\n    while True: pass\nfinally:\n    print('inner finally')")
finally:
    print('outer finally')
`)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Exec: %v, want a deadline error", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("cancelling took %v", d)
	}
	mustExec(t, it, "b.exec(\"print('b still works')\")")
	if got, want := out.String(), "inner finally\nouter finally\nb still works\n"; got != want {
		t.Errorf("output %q, want %q", got, want)
	}
}
