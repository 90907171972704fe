package runtime

import (
	"context"
	"errors"
	"math"
	"math/big"
	"reflect"
	"testing"
)

// equal compares converted values, *big.Int by value.
func equal(a, b any) bool {
	if x, ok := a.(*big.Int); ok {
		y, ok := b.(*big.Int)
		return ok && x.Cmp(y) == 0
	}
	return reflect.DeepEqual(a, b)
}

func bigInt(s string) *big.Int {
	z, ok := new(big.Int).SetString(s, 0)
	if !ok {
		panic("bad big.Int " + s)
	}
	return z
}

func TestConvertRoundTrip(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	mustExec(t, it, "def ident(x): return x\ndef kind(x): return type(x).__name__\ndef show(x): return repr(x)\n")
	tests := []struct {
		in   any
		kind string // type(x).__name__ in Python
		repr string // repr(x) in Python ("" to skip)
		out  any    // what comes back
	}{
		{nil, "NoneType", "None", nil},
		{true, "bool", "True", true},
		{false, "bool", "False", false},
		{42, "int", "42", int64(42)},
		{int8(-8), "int", "-8", int64(-8)},
		{int16(-16), "int", "-16", int64(-16)},
		{int32(-32), "int", "-32", int64(-32)},
		{int64(math.MinInt64), "int", "-9223372036854775808", int64(math.MinInt64)},
		{uint(7), "int", "7", int64(7)},
		{uint8(255), "int", "255", int64(255)},
		{uint16(65535), "int", "65535", int64(65535)},
		{uint32(math.MaxUint32), "int", "4294967295", int64(math.MaxUint32)},
		{uint64(math.MaxUint64), "int", "18446744073709551615", bigInt("18446744073709551615")},
		{bigInt("-1267650600228229401496703205376"), "int", "-1267650600228229401496703205376", bigInt("-1267650600228229401496703205376")},
		{big.NewInt(5), "int", "5", int64(5)},
		{1.5, "float", "1.5", 1.5},
		{float32(0.25), "float", "0.25", 0.25},
		{math.Inf(-1), "float", "-inf", math.Inf(-1)},
		{"", "str", "''", ""},
		{"héllo, 世界", "str", "'héllo, 世界'", "héllo, 世界"},
		{[]byte("a\x00b"), "bytes", `b'a\x00b'`, []byte("a\x00b")},
		{[]byte{}, "bytes", "b''", []byte{}},
		{[]any{}, "list", "[]", []any{}},
		{[]any{1, "x", nil, []any{2.5}}, "list", "[1, 'x', None, [2.5]]", []any{int64(1), "x", nil, []any{2.5}}},
		{Tuple{}, "tuple", "()", Tuple{}},
		{Tuple{1, Tuple{"a"}}, "tuple", "(1, ('a',))", Tuple{int64(1), Tuple{"a"}}},
		{map[string]any{}, "dict", "{}", map[string]any{}},
		{map[string]any{"k": []any{true}}, "dict", "{'k': [True]}", map[string]any{"k": []any{true}}},
	}
	ctx := context.Background()
	for _, tc := range tests {
		got, err := it.Call(ctx, "ident", tc.in)
		if err != nil {
			t.Errorf("ident(%#v): %v", tc.in, err)
			continue
		}
		if !equal(got, tc.out) {
			t.Errorf("ident(%#v) = %#v, want %#v", tc.in, got, tc.out)
		}
		if k, err := it.Call(ctx, "kind", tc.in); err != nil || k != tc.kind {
			t.Errorf("type of %#v in Python = %v (%v), want %s", tc.in, k, err, tc.kind)
		}
		if r, err := it.Call(ctx, "show", tc.in); err != nil || r != tc.repr {
			t.Errorf("repr of %#v in Python = %v (%v), want %s", tc.in, r, err, tc.repr)
		}
	}
}

func TestConvertFromPython(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	tests := []struct {
		expr string
		want any
	}{
		{"2**63 - 1", int64(math.MaxInt64)},
		{"2**63", bigInt("9223372036854775808")},
		{"-2**63", int64(math.MinInt64)},
		{"-2**63 - 1", bigInt("-9223372036854775809")},
		{"10**30 // 10**29", int64(10)},
		{"float('nan') != float('nan')", true},
		{"'a' * 3", "aaa"},
		{"bytes(range(3))", []byte{0, 1, 2}},
		{"[(1, 2), {'a': None}]", []any{Tuple{int64(1), int64(2)}, map[string]any{"a": nil}}},
		{"dict(zip('ab', range(2)))", map[string]any{"a": int64(0), "b": int64(1)}},
	}
	for _, tc := range tests {
		if got := eval(t, it, tc.expr); !equal(got, tc.want) {
			t.Errorf("%s = %#v, want %#v", tc.expr, got, tc.want)
		}
	}
}

func TestConvertErrors(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	mustExec(t, it, `
import enum
def ident(x): return x
class Point:
    pass
class Color(enum.IntEnum):
    RED = 1
loop = []
loop.append(loop)
values = {
    "set": {1, 2},
    "object": Point(),
    "int keys": {1: "a"},
    "loop": loop,
    "bytearray": bytearray(b"x"),
    "intenum": Color.RED,
    "nested set": [1, (2, frozenset())],
    "function": ident,
}
def get(name): return values[name]
`)
	ctx := context.Background()
	fromPy := []struct{ name, pyType string }{
		{"set", "set"},
		{"object", "Point"},
		{"int keys", "dict"},
		{"loop", "list"},
		{"bytearray", "bytearray"},
		{"intenum", "Color"},
		{"nested set", "frozenset"},
		{"function", "function"},
	}
	for _, tc := range fromPy {
		_, err := it.Call(ctx, "get", tc.name)
		var ce *ConversionError
		if !errors.As(err, &ce) || ce.PyType != tc.pyType || ce.GoType != "" {
			t.Errorf("get(%q): error %v, want a ConversionError for Python %s", tc.name, err, tc.pyType)
		}
	}
	type point struct{ X int }
	toPy := []struct {
		arg    any
		goType string
	}{
		{make(chan int), "chan int"},
		{point{1}, "runtime.point"},
		{map[int]any{1: 2}, "map[int]interface {}"},
		{[]int{1}, "[]int"},
		{[]any{1, []string{"x"}}, "[]string"},
		{map[string]any{"k": struct{}{}}, "struct {}"},
		{(*big.Int)(nil), "*big.Int"},
		{complex(1, 2), "complex128"},
	}
	for _, tc := range toPy {
		_, err := it.Call(ctx, "ident", tc.arg)
		var ce *ConversionError
		if !errors.As(err, &ce) || ce.GoType != tc.goType || ce.PyType != "" {
			t.Errorf("ident(%#v): error %v, want a ConversionError for Go %s", tc.arg, err, tc.goType)
		}
	}
	// The interpreter is still well after all these failures.
	if got := eval(t, it, "len(values)"); got != int64(8) {
		t.Errorf("len(values) = %v", got)
	}
}

func TestCallNames(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	mustExec(t, it, `
class Counter:
    def __init__(self): self.n = 0
    def add(self, k):
        self.n += k
        return self.n
c = Counter()
`)
	ctx := context.Background()
	tests := []struct {
		name string
		args []any
		want any
		err  string // PythonError.Type, "" for success
	}{
		{"c.add", []any{5}, int64(5), ""},
		{"c.add", []any{2}, int64(7), ""},
		{"len", []any{"abc"}, int64(3), ""}, // a builtin
		{"os.path.basename", []any{"/a/b.txt"}, "b.txt", ""},
		{"json.dumps", []any{[]any{1, "x"}}, `[1, "x"]`, ""},
		{"missing", nil, nil, "NameError"},
		{"c.missing", nil, nil, "AttributeError"},
		{"nosuchmodule.f", nil, nil, "ModuleNotFoundError"},
		{"c.add", nil, nil, "TypeError"},
	}
	for _, tc := range tests {
		got, err := it.Call(ctx, tc.name, tc.args...)
		if tc.err == "" {
			if err != nil || !equal(got, tc.want) {
				t.Errorf("Call(%s, %v) = %#v, %v; want %#v", tc.name, tc.args, got, err, tc.want)
			}
			continue
		}
		var pe *PythonError
		if !errors.As(err, &pe) || pe.Type != tc.err {
			t.Errorf("Call(%s, %v) error = %v, want %s", tc.name, tc.args, err, tc.err)
		}
	}
	if _, err := it.Call(ctx, "a..b"); err == nil {
		t.Error("Call accepts an empty name part")
	}
}
