package traceback

import (
	"math/rand"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp/syntax"
)

func TestSplitLines(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"a", []string{"a"}},
		{"a\n", []string{"a"}},
		{"a\r\nb\rc\n\nd", []string{"a", "b", "c", "", "d"}},
		{"a\r", []string{"a"}},
		{"a\x0cb\x0bc\u2028d", []string{"a\x0cb\x0bc\u2028d"}},
	} {
		if got := SplitLines(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("SplitLines(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func src(files map[string]string) SourceFunc {
	return func(name string) ([]string, bool) {
		text, ok := files[name]
		if !ok {
			return nil, false
		}
		return SplitLines(text), true
	}
}

func TestFormatStack(t *testing.T) {
	files := map[string]string{"m.py": "def f(a, b):\n    return a + b\nf(1, 'x')\n"}
	frames := []Frame{
		{"m.py", "<module>", 3, 3, 0, 9},
		{"m.py", "f", 2, 2, 11, 16},
		{"<string>", "g", 1, 1, 0, 3},
		{"gone.py", "h", 7, 7, 0, 3},
		{"m.py", "f", 2, -1, -1, -1},
	}
	var b strings.Builder
	if err := FormatStack(&b, frames, src(files)); err != nil {
		t.Fatal(err)
	}
	want := `Traceback (most recent call last):
  File "m.py", line 3, in <module>
    f(1, 'x')
  File "m.py", line 2, in f
    return a + b
           ~~^~~
  File "<string>", line 1, in g
  File "gone.py", line 7, in h
  File "m.py", line 2, in f
    return a + b
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	if err := FormatStack(&b, nil, nil); err != nil || b.Len() != 0 {
		t.Errorf("no frames: %q, %v", b.String(), err)
	}
}

func TestLimit(t *testing.T) {
	frames := []Frame{
		{"a.py", "a", 1, 1, 0, 1},
		{"a.py", "b", 2, 2, 0, 1},
		{"a.py", "c", 3, 3, 0, 1},
	}
	exc := &Exception{TypeName: "ValueError", Message: "v", Frames: frames}
	for _, c := range []struct {
		limit int
		want  string
	}{
		{0, "ValueError: v\n"},
		{-5, "ValueError: v\n"},
		{1, "Traceback (most recent call last):\n  File \"a.py\", line 3, in c\nValueError: v\n"},
	} {
		var b strings.Builder
		p := Printer{Limit: c.limit}
		if err := p.FormatException(&b, exc); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("limit %d: got %q, want %q", c.limit, b.String(), c.want)
		}
	}
}

func TestExceptionLine(t *testing.T) {
	for _, c := range []struct {
		exc  Exception
		want string
	}{
		{Exception{TypeName: "KeyError", Module: "builtins"}, "KeyError\n"},
		{Exception{TypeName: "E", Module: "__main__", Message: "x"}, "E: x\n"},
		{Exception{TypeName: "Outer.E", Module: "pkg.mod", Message: "x"}, "pkg.mod.Outer.E: x\n"},
		{Exception{TypeName: "NameError", Message: "name 'prnt' is not defined",
			Suggestion: ". Did you mean: 'print'?"},
			"NameError: name 'prnt' is not defined. Did you mean: 'print'?\n"},
		{Exception{TypeName: "E", Message: "m", Notes: []string{"a\nb", "", "c\n"}}, "E: m\na\nb\n\nc\n\n"},
		{Exception{TypeName: "MySyntaxError", Syntax: &syntax.Error{Msg: "bad", Filename: "s.py",
			Line: 1, Offset: 3, Text: "x = = 1\n"}},
			"  File \"s.py\", line 1\n    x = = 1\n      ^\nMySyntaxError: bad\n"},
		{Exception{Syntax: &syntax.Error{Type: syntax.IndentationErrorType, Msg: "unexpected indent"}},
			"IndentationError: unexpected indent\n"},
	} {
		var b strings.Builder
		if err := FormatException(&b, &c.exc, nil); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("got %q, want %q", b.String(), c.want)
		}
	}
}

func TestDisplayWidth(t *testing.T) {
	for _, c := range []struct {
		s    string
		n, w int
	}{
		{"abc", 2, 2},
		{"値x", 2, 3},
		{"🐍Ａｱé", 4, 6},
		{"ab", 5, 5},
	} {
		if got := displayWidth(c.s, c.n); got != c.w {
			t.Errorf("displayWidth(%q, %d) = %d, want %d", c.s, c.n, got, c.w)
		}
	}
}

func TestByteToCharOffset(t *testing.T) {
	line := "a€b" // € is 3 bytes
	for col, want := range []int{0, 1, 2, 2, 2, 3, 4, 4} {
		if got := byteToCharOffset(line, col); got != want {
			t.Errorf("byteToCharOffset(%q, %d) = %d, want %d", line, col, got, want)
		}
	}
}

// TestNoPanics feeds positions no compiler would produce.
func TestNoPanics(t *testing.T) {
	lines := []string{
		"\tx = a[b] + c(d) // 値",
		"",
		"   ",
		"ä + ö",
		"(a)",
		"x[",
		"a\x00b + c",
		"f(1,",
	}
	files := map[string]string{"r.py": strings.Join(lines, "\n")}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		line := rng.Intn(len(lines)+2) - 1
		f := Frame{"r.py", "f", line, line + rng.Intn(3) - 1, rng.Intn(40) - 2, rng.Intn(40) - 2}
		var b strings.Builder
		if err := FormatStack(&b, []Frame{f}, src(files)); err != nil {
			t.Fatal(err)
		}
	}
}

func ExampleFormatException() {
	source := func(name string) ([]string, bool) {
		return SplitLines("def div(a, b):\n    return a / b\n\ndiv(1, 0)\n"), name == "calc.py"
	}
	exc := &Exception{
		TypeName: "ZeroDivisionError",
		Message:  "division by zero",
		Frames: []Frame{
			{Filename: "calc.py", Name: "<module>", Line: 4, EndLine: 4, Col: 0, EndCol: 9},
			{Filename: "calc.py", Name: "div", Line: 2, EndLine: 2, Col: 11, EndCol: 16},
		},
	}
	_ = FormatException(os.Stdout, exc, source)
	// Output:
	// Traceback (most recent call last):
	//   File "calc.py", line 4, in <module>
	//     div(1, 0)
	//   File "calc.py", line 2, in div
	//     return a / b
	//            ~~^~~
	// ZeroDivisionError: division by zero
}

func TestSplitLinesKeepEnds(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"a", []string{"a"}},
		{"a\n", []string{"a\n"}},
		{"a\r\nb\rc\n\nd", []string{"a\r\n", "b\r", "c\n", "\n", "d"}},
		{"a\x0cb\x0bc\u2028d\u2029e\u0085f\x1cg\x1dh\x1ei", []string{"a\x0c", "b\x0b", "c\u2028", "d\u2029", "e\u0085", "f\x1c", "g\x1d", "h\x1e", "i"}},
		{"\u00e9\u20ac", []string{"\u00e9\u20ac"}},
	} {
		if got := splitLinesKeepEnds(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("splitLinesKeepEnds(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A caller may give only the sub-exceptions that are printed and count
// the others.
func TestGroupMoreExceptions(t *testing.T) {
	leaf := func(i int) *Exception { return &Exception{TypeName: "ValueError", Message: strings.Repeat("x", i)} }
	all := &Exception{TypeName: "ExceptionGroup", Message: "g (17 sub-exceptions)", Group: true}
	part := &Exception{TypeName: "ExceptionGroup", Message: "g (17 sub-exceptions)", Group: true, MoreExceptions: 17 - MaxGroupWidth}
	for i := 0; i < 17; i++ {
		all.Exceptions = append(all.Exceptions, leaf(i))
		if i < MaxGroupWidth {
			part.Exceptions = append(part.Exceptions, leaf(i))
		}
	}
	var a, b strings.Builder
	if err := FormatException(&a, all, nil); err != nil {
		t.Fatal(err)
	}
	if err := FormatException(&b, part, nil); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("with all sub-exceptions:\n%s\nwith a count:\n%s", a.String(), b.String())
	}
	if !strings.HasSuffix(a.String(), "    +---------------- ... ----------------\n    | and 2 more exceptions\n    +------------------------------------\n") {
		t.Errorf("no summary of the others:\n%s", a.String())
	}
}
