package modules_test

import (
	"testing"

	"github.com/parallel-py/parallel/interp/stdlib"
)

var stringPrograms = map[string]string{
	"parser": `import _string
print(list(_string.formatter_parser("a{0!r:>5}b{x.y[1]}c{{}}")))
print(list(_string.formatter_parser("abc")), list(_string.formatter_parser("{}")), list(_string.formatter_parser("")))
print(list(_string.formatter_parser("{a[:]}{b!s}{{{c}}}")))
for bad in ("}", "{", "{0", "{!}", "{0!x y}", "{0!}", "{0!r", "{:{}", "{a[}"):
    try:
        print(list(_string.formatter_parser(bad)))
    except ValueError as e:
        print("ValueError", e)
`,
	"field_name_split": `import _string
for name in ("a.b[0]", "3", "x[key].y", "", "a[1][2]"):
    first, rest = _string.formatter_field_name_split(name)
    print(repr(first), list(rest))
for bad in ("a.", "a[", "a[0]x"):
    try:
        first, rest = _string.formatter_field_name_split(bad)
        print(list(rest))
    except ValueError as e:
        print("ValueError", e)
`,
	"string_module": `import string
print(string.Formatter().format("{0}-{name!r}-{1:>4}-{2[1]}", 5, 6, [7, 8], name="n"))
print(string.Template("$x and ${y}!").substitute(x=1, y="two"), string.capwords("hi  there"))
print(string.ascii_letters, string.digits, string.punctuation)
`,
}

func TestString(t *testing.T) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	for name, src := range stringPrograms {
		t.Run(name, func(t *testing.T) {
			want, wantExc := cpython(t, src)
			got, gotExc := runWithStdlib(t, lib.Dir, src)
			if got != want || gotExc != wantExc {
				t.Errorf("got:\n%s%s\nCPython 3.12:\n%s%s", got, gotExc, want, wantExc)
			}
		})
	}
}
