package pool

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"testing"
	"time"

	"github.com/parallel-py/parallel/runtime"
	"go.uber.org/goleak"
)

// TestMain checks that no test leaves a goroutine behind: a closed pool
// keeps nothing running.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// testSetup defines the functions the tests call.
const testSetup = `
import sys, time
calls = 0
def add(a, b):
    return a + b
def count():
    global calls
    calls += 1
    return calls
def fail(msg):
    raise ValueError(msg)
def spin():
    while True:
        pass
def hold():
    while True:
        time.sleep(0.001)
def nap(s, x=None):
    time.sleep(s)
    return x
def hog():
    return [0] * 10_000_000
def leave(code):
    sys.exit(code)
class Greeter:
    def hello(self, who):
        return "hello " + who
greeter = Greeter()
`

// newRuntime makes a runtime closed at the end of the test (after the
// pools made later, since cleanups run last first).
func newRuntime(t testing.TB) *runtime.Runtime {
	t.Helper()
	rt, err := runtime.New(runtime.Options{})
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

// newPool makes a pool with testSetup (unless cfg has setup code of its
// own) in a new runtime, closed at the end of the test.
func newPool(t testing.TB, cfg Config) *Pool {
	t.Helper()
	if cfg.Setup == "" && cfg.SetupFile == "" {
		cfg.Setup = testSetup
	}
	rt := newRuntime(t)
	p, err := New(context.Background(), rt, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := p.Close(); err != nil {
			t.Errorf("closing the pool: %v", err)
		}
	})
	return p
}

// eventually waits (up to 10s) for cond to hold: for states other
// goroutines reach, such as a task having started.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestCall(t *testing.T) {
	p := newPool(t, Config{Workers: 2})
	ctx := context.Background()
	tests := []struct {
		fn   string
		args []any
		want any
	}{
		{"add", []any{2, 3}, int64(5)},
		{"add", []any{"a", "b"}, "ab"},
		{"greeter.hello", []any{"pool"}, "hello pool"}, // attribute path
		{"math.gcd", []any{84, 36}, int64(12)},         // module function, imported
		{"len", []any{[]any{1, 2, 3}}, int64(3)},       // built-in
	}
	for _, tc := range tests {
		got, err := p.Call(ctx, tc.fn, tc.args...)
		if err != nil {
			t.Errorf("Call(%s, %v): %v", tc.fn, tc.args, err)
			continue
		}
		if got != tc.want {
			t.Errorf("Call(%s, %v) = %#v, want %#v", tc.fn, tc.args, got, tc.want)
		}
	}
}

// Module state persists between the tasks of one worker.
func TestStatePersists(t *testing.T) {
	p := newPool(t, Config{Workers: 1})
	for want := int64(1); want <= 3; want++ {
		got, err := p.Call(context.Background(), "count")
		if err != nil || got != want {
			t.Fatalf("count() = %v, %v; want %d", got, err, want)
		}
	}
}

func TestBadFunctionName(t *testing.T) {
	p := newPool(t, Config{Workers: 1})
	ctx := context.Background()
	tests := []struct {
		fn, want string
	}{
		{"nope", "NameError: name 'nope' is not defined"},
		{"greeter.nope", "AttributeError: 'Greeter' object has no attribute 'nope'"},
		{"nosuchmodule.f", "ModuleNotFoundError: No module named 'nosuchmodule'"},
		{"", "pool: empty function name"},
		{"a..b", `pool: bad function name "a..b": "" is not a Python identifier`},
		{"print(1)", `"print(1)" is not a Python identifier`},
		{"1x", `"1x" is not a Python identifier`},
	}
	for _, tc := range tests {
		_, err := p.Call(ctx, tc.fn)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Call(%q) error = %v, want %q", tc.fn, err, tc.want)
		}
	}
	// The worker is fine afterwards.
	if got, err := p.Call(ctx, "add", 1, 1); err != nil || got != int64(2) {
		t.Errorf("add after bad names = %v, %v", got, err)
	}
	if s := p.Stats(); s.Recycles != 0 || s.Failed != uint64(len(tests)) {
		t.Errorf("stats after bad names: %+v", s)
	}
}

func TestPythonError(t *testing.T) {
	p := newPool(t, Config{Workers: 1})
	_, err := p.Call(context.Background(), "fail", "bad input")
	var pe *runtime.PythonError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *runtime.PythonError", err, err)
	}
	if pe.Type != "ValueError" || pe.Message != "bad input" {
		t.Errorf("got %s: %s", pe.Type, pe.Message)
	}
	if !strings.Contains(pe.Traceback, "in fail") || !strings.HasSuffix(pe.Traceback, "ValueError: bad input\n") {
		t.Errorf("traceback:\n%s", pe.Traceback)
	}
}

func TestConversionError(t *testing.T) {
	p := newPool(t, Config{Workers: 1})
	_, err := p.Call(context.Background(), "add", make(chan int), 1)
	var ce *runtime.ConversionError
	if !errors.As(err, &ce) {
		t.Fatalf("error %v is not a *runtime.ConversionError", err)
	}
	if _, err := p.Call(context.Background(), "set"); err == nil || !errors.As(err, &ce) {
		t.Errorf("a set result: error %v", err)
	}
	if s := p.Stats(); s.Recycles != 0 {
		t.Errorf("a conversion error recycled the worker: %+v", s)
	}
}

func TestSetupFailure(t *testing.T) {
	rt := newRuntime(t)
	_, err := New(context.Background(), rt, Config{Workers: 2, Setup: "x = 1\nraise RuntimeError('no database')\n"})
	if err == nil || !strings.Contains(err.Error(), "pool: setup of worker") || !strings.Contains(err.Error(), "RuntimeError: no database") {
		t.Fatalf("New error = %v", err)
	}
	var pe *runtime.PythonError
	if !errors.As(err, &pe) || !strings.Contains(pe.Traceback, "line 2") {
		t.Errorf("no traceback in %#v", err)
	}
	if n := len(rt.Interpreters()); n != 0 {
		t.Errorf("%d interpreters left behind", n)
	}
	// A syntax error, a missing file.
	_, err = New(context.Background(), rt, Config{Workers: 1, Setup: "def f(:\n"})
	if !errors.As(err, &pe) || pe.Type != "SyntaxError" {
		t.Errorf("syntax error in setup: %v", err)
	}
	_, err = New(context.Background(), rt, Config{Workers: 1, SetupFile: filepath.Join(t.TempDir(), "missing.py")})
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing setup file: %v", err)
	}
	// A setup cancelled by New's context.
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = New(ctx, rt, Config{Workers: 1, Setup: "while True: pass"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("setup past New's deadline: %v", err)
	}
	if _, err := New(context.Background(), nil, Config{}); err == nil {
		t.Error("New with a nil runtime succeeded")
	}
}

func TestSetupFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "tasks.py")
	if err := os.WriteFile(file, []byte("import helper\ndef triple(x):\n    return helper.double(x) + x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "helper.py"), []byte("def double(x):\n    return 2 * x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Setup runs after the file, in the same module.
	p := newPool(t, Config{Workers: 1, SetupFile: file, Setup: "def nine():\n    return triple(3)\n", Path: []string{dir}})
	if got, err := p.Call(context.Background(), "nine"); err != nil || got != int64(9) {
		t.Errorf("nine() = %v, %v", got, err)
	}
	if got, err := p.Call(context.Background(), "helper.double", 4); err != nil || got != int64(8) {
		t.Errorf("helper.double(4) = %v, %v", got, err)
	}
}

func TestConfig(t *testing.T) {
	rt := newRuntime(t)
	bad := []struct {
		cfg  Config
		want string
	}{
		{Config{Workers: -1}, "negative Workers"},
		{Config{TaskTimeout: -time.Second}, "negative TaskTimeout"},
		{Config{MemoryLimit: -1}, "negative MemoryLimit"},
		{Config{RecycleAfter: -1}, "negative RecycleAfter"},
		{Config{QueueSize: -1}, "negative QueueSize"},
		{Config{FailFast: true}, "FailFast needs a QueueSize"},
	}
	for _, tc := range bad {
		_, err := New(context.Background(), rt, tc.cfg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%+v) error = %v, want %q", tc.cfg, err, tc.want)
		}
	}
	p := newPool(t, Config{Name: "default"})
	s := p.Stats()
	if s.Workers != goruntime.GOMAXPROCS(0) || s.Name != "default" {
		t.Errorf("defaults: %d workers named %q", s.Workers, s.Name)
	}
	names := map[string]bool{}
	for _, it := range p.rt.Interpreters() {
		names[it.Name()] = true
	}
	if !names["default/worker-0"] {
		t.Errorf("interpreter names: %v", names)
	}
}

func TestStdoutStderr(t *testing.T) {
	var out, errOut syncBuffer
	p := newPool(t, Config{Workers: 1, Stdout: &out, Stderr: &errOut,
		Setup: "import sys\ndef say(s):\n    print(s)\n    print('err:', s, file=sys.stderr)\n"})
	if _, err := p.Call(context.Background(), "say", "hi"); err != nil {
		t.Fatal(err)
	}
	if out.String() != "hi\n" || errOut.String() != "err: hi\n" {
		t.Errorf("stdout %q, stderr %q", out.String(), errOut.String())
	}
}
