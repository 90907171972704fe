package modules_test

import (
	"testing"

	"github.com/parallel-py/parallel/interp/stdlib"
)

// Compile-time warnings issued through the warnings module, and the
// SyntaxErrors that replace them under an "error" filter.
var compileWarningPrograms = map[string]string{
	"recorded": `import warnings
def show(src, mode="exec"):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            compile(src, "<t>", mode)
        except SyntaxError as e:
            print("SyntaxError", e.msg, e.lineno, e.offset)
    for x in w:
        print(x.category.__name__, x.message, x.filename, x.lineno)
show("x = '\\d'\ny = 1if x else 2\nassert (x, 1)\nz = x is 1\n")
show("x = '\\d'\ny = (1 2)\nz = 1if 1 else 2\n")
show("f'\\{{' + b'\\777'", "eval")
show("[(1, 2) (3, 4)]\n[[1, 2] [3, 4]]\n[... [i]]")
`,
	"errors": `import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("error")
    for src in ["x = '\\d'", "x = '\\d'\ny = 1if 1 else 2\n", "x = 1 is 1", "x = f'\\{{'", "x = 1\n(1 2)\n3if 1 else 2"]:
        try:
            exec(src)
        except SyntaxError as e:
            print(e.msg, e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset)
print(len(w))
`,
	"each compilation": `import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for i in range(3):
        eval("'\\q'")
print(len(w), w[0].message)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    for i in range(2):
        try:
            eval("'\\q'")
        except SyntaxError as e:
            print(e)
`,
	"other exception": `import warnings
def boom(*args):
    raise KeyError("from showwarning")
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = boom
    try:
        compile("x is 1", "f", "exec")
    except KeyError as e:
        print("KeyError", e)
`,
}

// TestCompileWarningPrograms compares compile(), exec() and eval() with
// compile-time warnings with CPython (interp/compile_warnings.go).
func TestCompileWarningPrograms(t *testing.T) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	for name, src := range compileWarningPrograms {
		t.Run(name, func(t *testing.T) {
			want, wantExc := cpython(t, src)
			got, gotExc := runWithStdlib(t, lib.Dir, src)
			if got != want || gotExc != wantExc {
				t.Errorf("got:\n%s%s\nCPython 3.12:\n%s%s", got, gotExc, want, wantExc)
			}
		})
	}
}
