package runtime

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// concurrent.futures.InterpreterPoolExecutor (CPython 3.14's API, added
// to 3.12's concurrent.futures): a script's functions run in worker
// interpreters, which first run the script as __mp_main__ so that what it
// defines is there; results and exceptions come back.
func TestInterpreterPoolExecutor(t *testing.T) {
	script := filepath.Join(t.TempDir(), "pool.py")
	src := `
import concurrent.futures as cf
from concurrent.futures import InterpreterPoolExecutor
from concurrent.futures.interpreter import BrokenInterpreterPool

class Point:
    def __init__(self, x): self.x = x

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def move(p):
    return Point(p.x + 1)

def fail(msg):
    raise KeyError(msg)

def init(tag):
    global TAG
    TAG = tag

def tagged(x):
    import sys
    return (TAG, __name__, x)

if __name__ == '__main__':
    print('listed:', 'InterpreterPoolExecutor' in cf.__all__, issubclass(InterpreterPoolExecutor, cf.ThreadPoolExecutor))
    with InterpreterPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(fib, range(12))))
        print(ex.submit(move, Point(1)).result().x)
        try:
            ex.submit(fail, 'k').result()
        except KeyError as e:
            print('KeyError:', e, type(e.__cause__).__name__)
    with InterpreterPoolExecutor(2, initializer=init, initargs=('w',)) as ex:
        print(sorted(set(ex.map(tagged, range(4)))))
    for bad in [dict(initializer='x = 1'), dict(initializer=42)]:
        try:
            InterpreterPoolExecutor(**bad)
        except TypeError as e:
            print('TypeError:', e)
    with InterpreterPoolExecutor(1, initializer=fail, initargs=('init',)) as ex:
        try:
            ex.submit(fib, 3).result()
        except BrokenInterpreterPool as e:
            print('broken:', e)
    with InterpreterPoolExecutor(1) as ex:
        try:
            ex.submit('x = 1')
        except TypeError as e:
            print('TypeError:', e)
`
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	rt := newRuntime(t, Options{})
	var out, errOut safeBuffer
	it := newInterpreter(t, rt, InterpreterOptions{Stdout: &out, Stderr: &errOut})
	if err := it.ExecFile(context.Background(), script); err != nil {
		t.Fatalf("%v\n%s%s", err, out.String(), errOut.String())
	}
	want := "listed: True True\n[0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]\n2\nKeyError: 'k' ExecutionFailed\n" +
		"[('w', '__mp_main__', 0), ('w', '__mp_main__', 1), ('w', '__mp_main__', 2), ('w', '__mp_main__', 3)]\n" +
		"TypeError: scripts not supported\nTypeError: initializer must be a callable\n" +
		"broken: A thread initializer failed, the thread pool is not usable anymore\nTypeError: scripts not supported\n"
	if got := out.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// The failing initializer is logged, as ThreadPoolExecutor logs it.
	if !strings.Contains(errOut.String(), "Exception in initializer") {
		t.Errorf("stderr:\n%s", errOut.String())
	}
	if err := it.Close(); err != nil {
		t.Fatal(err)
	}
}

// A script without the __main__ guard would start executors in its
// workers without end: the worker refuses, and the pool is broken with
// a message that says what to do.
func TestInterpreterPoolExecutorNeedsMainGuard(t *testing.T) {
	script := filepath.Join(t.TempDir(), "unguarded.py")
	src := `
from concurrent.futures import InterpreterPoolExecutor
def f():
    return 1
with InterpreterPoolExecutor(1) as ex:
    try:
        print(ex.submit(f).result())
    except Exception as e:
        print(type(e).__name__)
`
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	rt := newRuntime(t, Options{})
	var out, errOut safeBuffer
	it := newInterpreter(t, rt, InterpreterOptions{Stdout: &out, Stderr: &errOut})
	if err := it.ExecFile(context.Background(), script); err != nil {
		t.Fatal(err)
	}
	if out.String() != "BrokenInterpreterPool\n" || !strings.Contains(errOut.String(), "if __name__ == '__main__':") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", out.String(), errOut.String())
	}
}
