package runtime

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestCheckName(t *testing.T) {
	tests := []struct {
		name, first string
		ok          bool
	}{
		{"f", "f", true},
		{"obj.method", "obj", true},
		{"os.path.join", "os", true},
		{"", "", false},
		{".", "", false},
		{"a.", "", false},
		{".a", "", false},
		{"a..b", "", false},
		{"a.b.", "", false},
		{"..", "", false},
		{"ab.cd.ef", "ab", true},
	}
	for _, tc := range tests {
		first, ok := checkName(tc.name)
		if first != tc.first || ok != tc.ok {
			t.Errorf("checkName(%q) = %q, %v; want %q, %v", tc.name, first, ok, tc.first, tc.ok)
		}
	}
	// Every name of up to 6 of "a" and ".", against splitting.
	var names []string
	var grow func(string)
	grow = func(s string) {
		names = append(names, s)
		if len(s) < 6 {
			grow(s + "a")
			grow(s + ".")
		}
	}
	grow("")
	for _, name := range names {
		parts := strings.Split(name, ".")
		want := !slices.Contains(parts, "")
		first, ok := checkName(name)
		if ok != want || (ok && first != parts[0]) {
			t.Errorf("checkName(%q) = %q, %v; want %q, %v", name, first, ok, parts[0], want)
		}
	}
}

// TestCallFollowsRebinding checks that Call looks a name up afresh each
// time: in whatever __main__ is now, which may rebind, delete or shadow
// it, and in each interpreter's own globals although the keys of names
// once found are shared by all.
func TestCallFollowsRebinding(t *testing.T) {
	rt := newRuntime(t, Options{})
	a := newInterpreter(t, rt, InterpreterOptions{})
	b := newInterpreter(t, rt, InterpreterOptions{})
	ctx := context.Background()
	call := func(it *Interpreter, name string, args ...any) (any, string) {
		t.Helper()
		got, err := it.Call(ctx, name, args...)
		if err == nil {
			return got, ""
		}
		var pe *PythonError
		if !errors.As(err, &pe) {
			t.Fatalf("Call(%s): %v", name, err)
		}
		return nil, pe.Type
	}
	steps := []struct {
		it   *Interpreter
		src  string // run first, if any
		name string
		args []any
		want any
		err  string
	}{
		{a, "def f(): return 1", "f", nil, int64(1), ""},
		{a, "", "f", nil, int64(1), ""},
		{a, "def f(): return 2", "f", nil, int64(2), ""},
		{a, "g = f\ndel f", "f", nil, nil, "NameError"},
		{a, "", "g", nil, int64(2), ""},
		{b, "", "f", nil, nil, "NameError"}, // a's globals are a's
		// A global shadows the built-in in its own interpreter only.
		{a, "len = lambda s: 42", "len", []any{"abc"}, int64(42), ""},
		{b, "", "len", []any{"abc"}, int64(3), ""},
		{a, "del len", "len", []any{"abc"}, int64(3), ""},
		// A new __main__ module is where names are looked up next.
		{a, "import sys, types\nm = types.ModuleType('__main__')\nm.f = lambda: 'new'\nsys.modules['__main__'] = m", "f", nil, "new", ""},
		{a, "", "g", nil, nil, "NameError"},
		// A global that is a module: its attributes, not an import.
		{b, "class path:\n    join = staticmethod(lambda *a: 'mine')\nos = type('os', (), {'path': path})", "os.path.join", []any{"x", "y"}, "mine", ""},
	}
	for i, s := range steps {
		if s.src != "" {
			mustExec(t, s.it, s.src)
		}
		got, typ := call(s.it, s.name, s.args...)
		if typ != s.err || !equal(got, s.want) {
			t.Errorf("step %d: Call(%s) = %#v, %q; want %#v, %q", i, s.name, got, typ, s.want, s.err)
		}
	}
}

// TestCallErrorNamesCall checks that the errors that do not come from
// Python name the call, although a call that succeeds does not spell
// its name out.
func TestCallErrorNamesCall(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	ctx := context.Background()
	_, err := it.Call(ctx, "a..b")
	if err == nil || !strings.Contains(err.Error(), "runtime: call a..b: interpreter") || !strings.Contains(err.Error(), `invalid name "a..b"`) {
		t.Errorf("Call of an invalid name: %v", err)
	}
	if err := it.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = it.Call(ctx, "f")
	if !errors.Is(err, ErrClosed) || !strings.HasPrefix(err.Error(), "runtime: call f: interpreter") {
		t.Errorf("Call after Close: %v", err)
	}
	err = it.Exec(ctx, "pass")
	if !errors.Is(err, ErrClosed) || !strings.HasPrefix(err.Error(), "runtime: exec: interpreter") {
		t.Errorf("Exec after Close: %v", err)
	}
}
