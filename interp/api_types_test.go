package interp

import (
	"strings"
	"testing"

	"github.com/parallel-py/parallel/alloc"
)

// NewType checks the struct layout contract before it registers
// anything, so these run even after interpreters exist (typesSealed is
// lifted only around the checks).
func TestNewTypeLayoutChecks(t *testing.T) {
	type noHeader struct{ x Value }
	type plain struct {
		alloc.Header
		x Value
	}
	type container struct {
		alloc.Header
		alloc.GCLink
		x, dict Value
	}
	type derived struct {
		container
		y Value
	}
	visit := func(v Value, visit func(Value)) {}
	for name, f := range map[string]func(){
		"no header":         func() { NewType[noHeader](TypeSpec{Name: "a"}) },
		"container no link": func() { NewType[plain](TypeSpec{Name: "b", Traverse: visit}) },
		"dict no link":      func() { NewType[plain](TypeSpec{Name: "c", DictField: "x"}) },
		"bad dict field":    func() { NewType[container](TypeSpec{Name: "d", DictField: "nope"}) },
		"subclass no new":   func() { NewType[plain](TypeSpec{Name: "e", Subclassable: true}) },
		"clear no traverse": func() { NewType[plain](TypeSpec{Name: "f", Clear: func(in *Interp, v Value) {}}) },
		"foreign base":      func() { NewType[derived](TypeSpec{Name: "g", Base: listType}) },
		"no name":           func() { NewType[plain](TypeSpec{}) },
	} {
		t.Run(name, func(t *testing.T) {
			sealed := typesSealed.Load()
			typesSealed.Store(false)
			defer typesSealed.Store(sealed)
			n := len(builtinTypes)
			defer func() {
				r := recover()
				if r == nil || !strings.HasPrefix(r.(string), "interp: NewType(") {
					t.Errorf("panic %v, want a NewType layout panic", r)
				}
				if len(builtinTypes) != n {
					t.Errorf("a rejected type was registered")
				}
			}()
			f()
		})
	}
}

// Types cannot be made once an interpreter exists: every interpreter
// must number the same accounting classes.
func TestNewTypeAfterNew(t *testing.T) {
	New(Options{})
	type plain struct{ alloc.Header }
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "after the first interpreter") {
			t.Errorf("panic %v, want the sealed panic", r)
		}
	}()
	NewType[plain](TypeSpec{Name: "late", Module: "test"})
}

func TestNewObjectWrongStruct(t *testing.T) {
	in := New(Options{})
	type other struct{ alloc.Header }
	if _, err := NewObject[other](in, listType); !ErrorIs(err, systemErrorType) {
		t.Errorf("NewObject with the wrong struct: %v, want SystemError", err)
	} else {
		in.DiscardError(err)
	}
}

func TestUnpackMessages(t *testing.T) {
	in := New(Options{})
	p := &Params{Func: "f", Names: []string{"a", "b", "c"}, Required: 1, KwOnly: 1}
	kw := func(names ...string) []Value {
		var vs []Value
		for _, n := range names {
			vs = append(vs, internName(n))
		}
		return vs
	}
	var a, b, c Value
	for _, tc := range []struct {
		args    []Value
		kwnames []Value
		want    string
	}{
		{[]Value{Int(1), Int(2), Int(3)}, nil, "f() takes at most 2 positional arguments (3 given)"},
		{[]Value{Int(1), Int(2), Int(3), Int(4)}, kw("c"), "f() takes at most 3 arguments (4 given)"},
		{[]Value{Int(1), Int(2)}, kw("a", "x"), "'x' is an invalid keyword argument for f()"},
		{[]Value{Int(1)}, kw("c"), "f() missing required argument 'a' (pos 1)"},
		{[]Value{Int(1), Int(2)}, kw("a"), "argument for f() given by name ('a') and position (1)"},
		{[]Value{Int(1), Int(2)}, kw("c"), ""},
		{[]Value{Int(1), Int(2), Int(3), Int(4)}, kw("a", "b", "c", "d"), "f() takes at most 3 keyword arguments (4 given)"},
	} {
		err := in.Unpack(p, tc.args, tc.kwnames, &a, &b, &c)
		got := ""
		if err != nil {
			e := err.(*Exception)
			got = asObject[Tuple](e.args).items[0].GoString()
			in.DiscardError(err)
		}
		if got != tc.want {
			t.Errorf("Unpack(%d args, %d keywords) = %q, want %q", len(tc.args), len(tc.kwnames), got, tc.want)
		}
	}
}
