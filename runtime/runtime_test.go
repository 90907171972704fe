package runtime

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// TestMain checks that no test leaves a goroutine behind: closed
// interpreters and runtimes keep nothing running.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// newRuntime makes a runtime closed at the end of the test.
func newRuntime(t testing.TB, opts Options) *Runtime {
	t.Helper()
	rt, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := rt.Close(); err != nil {
			t.Errorf("closing the runtime: %v", err)
		}
	})
	return rt
}

// newInterpreter makes an interpreter of rt.
func newInterpreter(t testing.TB, rt *Runtime, opts InterpreterOptions) *Interpreter {
	t.Helper()
	it, err := rt.NewInterpreter(opts)
	if err != nil {
		t.Fatal(err)
	}
	return it
}

// mustExec runs src and fails the test on an error.
func mustExec(t testing.TB, it *Interpreter, src string) {
	t.Helper()
	if err := it.Exec(context.Background(), src); err != nil {
		t.Fatalf("Exec(%q): %v", src, err)
	}
}

// whenRunning calls f once it has begun an Exec or Call and then after
// has passed: a timer started before Exec can fire while a loaded
// machine is still compiling the source, and a cancelled Exec then
// returns the bare context error without running anything, not the
// KeyboardInterrupt the interruption tests wait for. It gives up
// waiting, and calls f, after ten seconds.
func whenRunning(it *Interpreter, after time.Duration, f func()) {
	go func() {
		for deadline := time.Now().Add(10 * time.Second); !it.IsRunning() && time.Now().Before(deadline); {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(after)
		f()
	}()
}

// eval returns the value of a Python expression, through Call of a
// helper defined for it.
func eval(t testing.TB, it *Interpreter, expr string) any {
	t.Helper()
	mustExec(t, it, "def _eval():\n    return "+expr+"\n")
	v, err := it.Call(context.Background(), "_eval")
	if err != nil {
		t.Fatalf("eval %s: %v", expr, err)
	}
	return v
}

func TestRegistry(t *testing.T) {
	rt := newRuntime(t, Options{})
	var its []*Interpreter
	for i, name := range []string{"main", "a", "b"} {
		it := newInterpreter(t, rt, InterpreterOptions{Name: name})
		if it.ID() != int64(i) || it.Name() != name || it.Runtime() != rt {
			t.Errorf("interpreter %d: ID %d, Name %q", i, it.ID(), it.Name())
		}
		its = append(its, it)
	}
	for i, it := range its {
		want := i == 0
		if got := eval(t, it, "__import__('_thread')._is_main_interpreter()"); got != want {
			t.Errorf("interpreter %d: _is_main_interpreter() = %v, want %v", i, got, want)
		}
	}
	list := rt.Interpreters()
	if len(list) != 3 || list[0] != its[0] || list[2] != its[2] {
		t.Fatalf("Interpreters() = %v", list)
	}
	if it, ok := rt.Lookup(1); !ok || it != its[1] {
		t.Errorf("Lookup(1) = %v, %v", it, ok)
	}
	if err := its[1].Close(); err != nil {
		t.Fatal(err)
	}
	if _, ok := rt.Lookup(1); ok {
		t.Error("Lookup(1) finds a closed interpreter")
	}
	if st := rt.Stats(); st.Interpreters != 2 {
		t.Errorf("Stats().Interpreters = %d, want 2", st.Interpreters)
	}
	it := newInterpreter(t, rt, InterpreterOptions{})
	if it.ID() != 3 {
		t.Errorf("next ID = %d, want 3 (IDs are not reused)", it.ID())
	}
}

func TestOptions(t *testing.T) {
	rt := newRuntime(t, Options{SwitchInterval: 2 * time.Millisecond})
	dir := t.TempDir()
	it := newInterpreter(t, rt, InterpreterOptions{
		Argv:  []string{"prog", "x"},
		Path:  []string{dir},
		Stdin: strings.NewReader("line one\n"),
	})
	for expr, want := range map[string]any{
		"sys.argv":                []any{"prog", "x"},
		"sys.path[0]":             dir,
		"sys.getswitchinterval()": 0.002,
		"input()":                 "line one",
		"__name__":                "__main__",
	} {
		mustExec(t, it, "import sys")
		if got := eval(t, it, expr); !equal(got, want) {
			t.Errorf("%s = %#v, want %#v", expr, got, want)
		}
	}
	it2 := newInterpreter(t, rt, InterpreterOptions{SwitchInterval: 10 * time.Millisecond})
	mustExec(t, it2, "import sys")
	if got := eval(t, it2, "sys.getswitchinterval()"); got != 0.01 {
		t.Errorf("sys.getswitchinterval() = %v, want 0.01", got)
	}
	if _, err := New(Options{Slots: -1}); err == nil {
		t.Error("New accepts negative Slots")
	}
	if _, err := rt.NewInterpreter(InterpreterOptions{MemoryLimit: -1}); err == nil {
		t.Error("NewInterpreter accepts a negative MemoryLimit")
	}
}

func TestCloseRunning(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	started := make(chan struct{})
	mustExec(t, it, "import time")
	var wg sync.WaitGroup
	wg.Add(1)
	var runErr error
	go func() {
		defer wg.Done()
		close(started)
		runErr = it.Exec(ctx, "while True: time.sleep(0.001)")
	}()
	<-started
	// IsRunning is set before the code starts and cleared after it ends.
	for !it.IsRunning() {
		time.Sleep(time.Millisecond)
	}
	if err := it.Close(); !errors.Is(err, ErrRunning) {
		t.Errorf("Close of a running interpreter = %v, want ErrRunning", err)
	}
	if err := it.Exec(context.Background(), "pass"); !errors.Is(err, ErrRunning) {
		t.Errorf("Exec on a running interpreter = %v, want ErrRunning", err)
	}
	if err := rt.Close(); !errors.Is(err, ErrRunning) {
		t.Errorf("Runtime.Close with a running interpreter = %v, want ErrRunning", err)
	}
	cancel()
	wg.Wait()
	if !errors.Is(runErr, context.Canceled) {
		t.Errorf("cancelled Exec = %v", runErr)
	}
	if err := it.Close(); err != nil {
		t.Fatal(err)
	}
	if err := it.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
	if err := it.Exec(context.Background(), "pass"); !errors.Is(err, ErrClosed) {
		t.Errorf("Exec after Close = %v, want ErrClosed", err)
	}
	if _, err := it.Call(context.Background(), "f"); !errors.Is(err, ErrClosed) {
		t.Errorf("Call after Close = %v, want ErrClosed", err)
	}
	if err := rt.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := rt.NewInterpreter(InterpreterOptions{}); !errors.Is(err, ErrClosed) {
		t.Errorf("NewInterpreter after Runtime.Close = %v, want ErrClosed", err)
	}
}

// TestCloseWaitsForThreads checks that Close lets a thread the code
// started finish, and runs atexit functions, as CPython's finalization.
func TestCloseWaitsForThreads(t *testing.T) {
	rt := newRuntime(t, Options{})
	var out strings.Builder
	it := newInterpreter(t, rt, InterpreterOptions{Stdout: &syncWriter{w: &out}})
	mustExec(t, it, `
import atexit, threading, time
atexit.register(print, "atexit")
def work():
    time.sleep(0.05)
    print("thread done")
threading.Thread(target=work).start()
threading.Thread(target=lambda: time.sleep(100), daemon=True).start()
`)
	if err := it.Close(); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "thread done\natexit\n"; got != want {
		t.Errorf("output %q, want %q", got, want)
	}
}

// syncWriter serializes writes from several goroutines.
type syncWriter struct {
	mu sync.Mutex
	w  interface{ Write([]byte) (int, error) }
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
