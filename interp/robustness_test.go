package interp

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// Bad input and bad luck must end in a Python exception: never a Go
// panic, a hang or a Go stack overflow.

func init() {
	// A builtin that panics, to test that a Go panic inside a builtin
	// becomes SystemError (present in test binaries only).
	builtinFuncs = append(builtinFuncs, newBuiltin("_test_panic", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		var m map[string]int
		m["x"] = 1 // assignment to a nil map panics
		return None, nil
	}))
}

func TestRobustness(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"recursion", "def f():\n    return f()\nf()\n", "RecursionError: maximum recursion depth exceeded"},
		{"deep list repr", "x = []\nfor i in range(100000):\n    x = [x]\nrepr(x)\n", "RecursionError: maximum recursion depth exceeded while getting the repr of an object"},
		{"deep mutual recursion through Go", "class A:\n    def __repr__(self):\n        return repr(A())\nrepr(A())\n", "RecursionError: maximum recursion depth exceeded"},
		{"go panic", "_test_panic()\n", "SystemError: Go panic in the interpreter: assignment to entry in nil map"},
		// Specialized builtin calls run without callGo's guard: the fast
		// loop's (runFast) and runFrom's (callBuiltinCachedGuarded)
		// recover instead, and the SystemError is caught where it is
		// raised.
		{"go panic in a loop", "def f():\n    n = 0\n    for i in range(5):\n        try:\n            _test_panic()\n        except SystemError:\n            n += 1\n    return n\nassert f() == 5\nraise KeyError('caught 5')\n", "KeyError: 'caught 5'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err, in, _ := runForTest(t, tc.src)
			var e *Exception
			if !errors.As(err, &e) {
				t.Fatalf("error %v, want %s", err, tc.want)
			}
			if got := in.exceptionLine(e); !strings.HasPrefix(got, tc.want) {
				t.Errorf("got %s, want %s", got, tc.want)
			}
			if in.depth != 0 || in.frameSlots.Len() != 0 || in.cDepth != 0 {
				t.Errorf("state left: depth %d, %d slots, Go depth %d", in.depth, in.frameSlots.Len(), in.cDepth)
			}
		})
	}
}

func TestInterruptRaisesKeyboardInterrupt(t *testing.T) {
	src := "try:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('caught')\ndef f():\n    f()\nwhile True:\n    f() if False else None\n"
	in := New(Options{})
	done := make(chan error, 1)
	go func() {
		done <- in.RunMain(compileForTest(t, src))
	}()
	// Interrupt twice: once inside the try, once in the second loop.
	for i := 0; i < 2; i++ {
		time.Sleep(50 * time.Millisecond)
		in.Interrupt()
	}
	select {
	case err := <-done:
		if !in.IsKeyboardInterrupt(err) {
			t.Fatalf("got %v, want KeyboardInterrupt", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the program did not stop")
	}
}

// TestGoPanicInSpecializedCallSlowLoop is "go panic in a loop" with the
// stats on, which keep every instruction in runFrom: its specialized
// builtin calls recover through callBuiltinCachedGuarded.
func TestGoPanicInSpecializedCallSlowLoop(t *testing.T) {
	t.Setenv("PARALLEL_STATS", "1")
	t.Setenv("PARALLEL_SPECIALIZE_THRESHOLD", "1")
	src := "def f():\n    n = 0\n    for i in range(5):\n        try:\n            _test_panic()\n        except SystemError:\n            n += 1\n    return n\nprint(f())\n"
	out, err, in, _ := runForTest(t, src)
	if err != nil || out != "5\n" {
		t.Fatalf("got %q, %v; want 5", out, err)
	}
	if in.depth != 0 || in.frameSlots.Len() != 0 || in.cDepth != 0 {
		t.Errorf("state left: depth %d, %d slots, Go depth %d", in.depth, in.frameSlots.Len(), in.cDepth)
	}
}
