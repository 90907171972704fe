package compile

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/parallel-py/parallel/interp/syntax"
)

// Every want below is what CPython 3.12.1 reports for compile(src,
// "<testcase>", "exec"): the warnings' messages and lines, and the
// position of the SyntaxError the first one becomes under the "error"
// filter (offset, end line, end offset).
var compileWarningTests = []struct {
	src  string
	want []string
	err  [3]int
}{
	{`assert(x, "msg")`, []string{"1: assertion is always true, perhaps remove parentheses?"}, [3]int{1, 1, 17}},
	{`assert(False, "msg")`, []string{"1: assertion is always true, perhaps remove parentheses?"}, [3]int{1, 1, 21}},
	{"def f():\n  assert (\n   x,\n   y)", []string{"2: assertion is always true, perhaps remove parentheses?"}, [3]int{3, 4, 6}},
	{`assert x, "msg"`, nil, [3]int{}},
	{"assert ()", nil, [3]int{}},
	{"x is 1", []string{`1: "is" with 'int' literal. Did you mean "=="?`}, [3]int{1, 1, 7}},
	{"x is not 1.5", []string{`1: "is not" with 'float' literal. Did you mean "!="?`}, [3]int{1, 1, 13}},
	{"x is 1j", []string{`1: "is" with 'complex' literal. Did you mean "=="?`}, [3]int{1, 1, 8}},
	{`x is b"a"`, []string{`1: "is" with 'bytes' literal. Did you mean "=="?`}, [3]int{1, 1, 10}},
	{`x is "a" "b"`, []string{`1: "is" with 'str' literal. Did you mean "=="?`}, [3]int{1, 1, 13}},
	{"x is ()", []string{`1: "is" with 'tuple' literal. Did you mean "=="?`}, [3]int{1, 1, 8}},
	{"x is (None,)", []string{`1: "is" with 'tuple' literal. Did you mean "=="?`}, [3]int{1, 1, 13}},
	{"x is -1", []string{`1: "is" with 'int' literal. Did you mean "=="?`}, [3]int{1, 1, 8}},
	{"x is 1+2", []string{`1: "is" with 'int' literal. Did you mean "=="?`}, [3]int{1, 1, 9}},
	{"x < 1 is y", []string{`1: "is" with 'int' literal. Did you mean "=="?`}, [3]int{1, 1, 11}},
	{"x = not 2 is x", []string{`1: "is not" with 'int' literal. Did you mean "!="?`}, [3]int{9, 1, 15}},
	{"x is 10**100", nil, [3]int{}},
	{"x is (1, [2])", nil, [3]int{}},
	{`x is f"a"`, nil, [3]int{}},
	{"x is None or x is ... or x is True or x is __debug__", nil, [3]int{}},
	{"if x is 1:\n  pass", []string{`1: "is" with 'int' literal. Did you mean "=="?`}, [3]int{4, 1, 10}},
	{"try:\n pass\nfinally:\n x is 1", []string{
		`4: "is" with 'int' literal. Did you mean "=="?`,
		`4: "is" with 'int' literal. Did you mean "=="?`}, [3]int{2, 4, 8}},
	{"while x is 1: pass", []string{
		`1: "is" with 'int' literal. Did you mean "=="?`,
		`1: "is" with 'int' literal. Did you mean "=="?`}, [3]int{7, 1, 13}},
	{"from __future__ import annotations\ndef f(x: 1 is x): pass", nil, [3]int{}},
	{"x = 1 is 1 (2)", []string{
		`1: "is" with 'int' literal. Did you mean "=="?`,
		"1: 'int' object is not callable; perhaps you missed a comma?"}, [3]int{5, 1, 15}},
	{"[(1, 2) (3, 4)]", []string{"1: 'tuple' object is not callable; perhaps you missed a comma?"}, [3]int{2, 1, 8}},
	{"[None (3, 4)]", []string{"1: 'NoneType' object is not callable; perhaps you missed a comma?"}, [3]int{2, 1, 6}},
	{"[... (3, 4)]", []string{"1: 'ellipsis' object is not callable; perhaps you missed a comma?"}, [3]int{2, 1, 5}},
	{`f"{x}" (1)`, []string{"1: 'str' object is not callable; perhaps you missed a comma?"}, [3]int{1, 1, 7}},
	{"x=-1(2)", []string{"1: 'int' object is not callable; perhaps you missed a comma?"}, [3]int{4, 1, 5}},
	{"[(lambda x, y: x) (3, 4)]", nil, [3]int{}},
	{"[x[1] (3,4)]", nil, [3]int{}},
	{"@(1,2)\ndef f(): pass", nil, [3]int{}},
	{"[... [i, j]]", []string{"1: 'ellipsis' object is not subscriptable; perhaps you missed a comma?"}, [3]int{2, 1, 5}},
	{"[True [i, j]]", []string{"1: 'bool' object is not subscriptable; perhaps you missed a comma?"}, [3]int{2, 1, 6}},
	{"x = {1,2}[0]", []string{"1: 'set' object is not subscriptable; perhaps you missed a comma?"}, [3]int{5, 1, 10}},
	{"x = (1 for x in y)[0]", []string{"1: 'generator' object is not subscriptable; perhaps you missed a comma?"}, [3]int{5, 1, 19}},
	{"x = (lambda: 1)[0]", []string{"1: 'function' object is not subscriptable; perhaps you missed a comma?"}, [3]int{6, 1, 15}},
	{"x = 1[:]", []string{"1: 'int' object is not subscriptable; perhaps you missed a comma?"}, [3]int{5, 1, 6}},
	{"[(1, 2) [i, j]]", []string{"1: tuple indices must be integers or slices, not tuple; perhaps you missed a comma?"}, [3]int{2, 1, 8}},
	{"[[1, 2] [None]]", []string{"1: list indices must be integers or slices, not NoneType; perhaps you missed a comma?"}, [3]int{2, 1, 8}},
	{"[[1,2] [...]]", []string{"1: list indices must be integers or slices, not ellipsis; perhaps you missed a comma?"}, [3]int{2, 1, 7}},
	{`"abc"["a"]`, []string{"1: str indices must be integers or slices, not str; perhaps you missed a comma?"}, [3]int{1, 1, 6}},
	{"x = [][{}]", []string{"1: list indices must be integers or slices, not dict; perhaps you missed a comma?"}, [3]int{5, 1, 7}},
	{"x = [][1,]", []string{"1: list indices must be integers or slices, not tuple; perhaps you missed a comma?"}, [3]int{5, 1, 7}},
	{"x = [1][f\"{x}\"]", []string{"1: list indices must be integers or slices, not str; perhaps you missed a comma?"}, [3]int{5, 1, 8}},
	{"[[1, 2] [i]]", nil, [3]int{}},
	{"[[1, 2] [True]]", nil, [3]int{}},
	{"[[1, 2] [1:2]]", nil, [3]int{}},
	{"x = (1,2)[-1]", nil, [3]int{}},
	{"[{(1, 2): 3} [i, j]]", nil, [3]int{}},
	{"x = {1,2}[0] = 3", nil, [3]int{}},
	{"(1,2)[0] += 1", nil, [3]int{}},
	{"del {1}[0]", nil, [3]int{}},
}

func TestCompileWarnings(t *testing.T) {
	for _, tt := range compileWarningTests {
		code, err := CompileSource("<testcase>", []byte(tt.src), syntax.ModeExec, Options{})
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		var got []string
		for _, w := range code.Warnings {
			got = append(got, fmt.Sprintf("%d: %s", w.Line, w.Msg))
			if w.Source != syntax.WarnCompiler || w.Category != "SyntaxWarning" || w.Filename != "<testcase>" || w.Err.Msg != w.Msg || w.Err.Line != w.Line || w.Err.Text != "" {
				t.Errorf("%q: warning %+v", tt.src, w)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q:\n got %q\nwant %q", tt.src, got, tt.want)
			continue
		}
		if len(got) > 0 {
			e := code.Warnings[0].Err
			if pos := [3]int{e.Offset, e.EndLine, e.EndOffset}; pos != tt.err {
				t.Errorf("%q: error at %v, want %v", tt.src, pos, tt.err)
			}
		}
	}
}

// The assert warning comes even when asserts are compiled away.
func TestCompileWarningsOptimized(t *testing.T) {
	code, err := CompileSource("f", []byte("assert (x, 1)\nx is 1"), syntax.ModeExec, Options{Optimize: 2})
	if err != nil || len(code.Warnings) != 2 {
		t.Fatalf("got %v, %v", code, err)
	}
}

// A compile error keeps the warnings issued before it, the parser's
// first.
func TestCompileWarningsBeforeError(t *testing.T) {
	_, err := CompileSource("<testcase>", []byte("x = '\\d'\nassert (1, 2)\nreturn 3"), syntax.ModeExec, Options{})
	se, ok := err.(*syntax.Error)
	if !ok || se.Msg != "'return' outside function" {
		t.Fatalf("error %v", err)
	}
	var got []string
	for _, w := range se.Warnings {
		got = append(got, w.Msg)
	}
	want := []string{`invalid escape sequence '\d'`, "assertion is always true, perhaps remove parentheses?"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
	// A symbol table error comes before any code generation.
	_, err = CompileSource("<testcase>", []byte("assert (1, 2)\ndef f():\n    nonlocal q"), syntax.ModeExec, Options{})
	if se, ok := err.(*syntax.Error); !ok || len(se.Warnings) != 0 {
		t.Errorf("symtable error %v with warnings", err)
	}
}

// Warnings survive Marshal.
func TestMarshalWarnings(t *testing.T) {
	code, err := CompileSource("<testcase>", []byte("x = f'\\{{' + '\\d'\ny = 1if x else 2\nz = x is 1"), syntax.ModeExec, Options{})
	if err != nil || len(code.Warnings) != 4 {
		t.Fatalf("got %v, %v", code, err)
	}
	data, err := Marshal(code)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Warnings, code.Warnings) {
		t.Errorf("Unmarshal gave\n%+v\nwant\n%+v", back.Warnings, code.Warnings)
	}
}
