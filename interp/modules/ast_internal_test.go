package modules

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/parallel-py/parallel/interp/syntax"
)

// TestASTRoundTrip converts the trees of the program corpus and of some
// standard library modules to node objects and back, and checks that
// the result is the tree the parser made, positions included, and that
// it validates.
func TestASTRoundTrip(t *testing.T) {
	files, err := filepath.Glob("../../testdata/programs/*/*.py")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus programs: %v", err)
	}
	sort.Strings(files)
	if lib, err := stdlib.Find(); err == nil {
		for _, f := range []string{"typing.py", "ast.py", "dataclasses.py", "asyncio/tasks.py", "argparse.py", "inspect.py"} {
			files = append(files, filepath.Join(lib.Dir, f))
		}
	}
	in := interp.New(interp.Options{})
	st, err := astStateOf(in)
	if err != nil {
		t.Fatal(err)
	}
	opts := syntax.DumpOptions{Indent: -1, IncludeAttributes: true}
	n := 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, mode := range []syntax.Mode{syntax.ModeExec, syntax.ModeSingle, syntax.ModeEval} {
			mod, err := syntax.Parse(path, src, mode)
			if err != nil {
				continue // most files are no single statement or expression
			}
			n++
			v, err := toPyTree(in, st, mod)
			if err != nil {
				t.Fatalf("%s: to Python: %v", path, err)
			}
			c := &astFromPy{in: in, st: st}
			back := c.mod(v)
			in.DecRef(v)
			if c.err != nil {
				t.Fatalf("%s: from Python: %v", path, c.err)
			}
			if err := validateTree(in, back); err != nil {
				t.Fatalf("%s: validation: %v", path, err)
			}
			if want, got := syntax.Dump(mod, opts), syntax.Dump(back, opts); want != got {
				i := 0
				for i < len(want) && i < len(got) && want[i] == got[i] {
					i++
				}
				t.Errorf("%s (mode %d): the tree changed at byte %d:\n%s\nwas:\n%s", path, mode, i, got[max(0, i-200):min(len(got), i+200)], want[max(0, i-200):min(len(want), i+200)])
			}
		}
	}
	if n < 250 {
		t.Errorf("only %d trees compared", n)
	}
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
}

// TestASTPerInterpreter checks that each interpreter has its own node
// classes (CPython's are heap types per interpreter) over the one AST.
func TestASTPerInterpreter(t *testing.T) {
	a, b := interp.New(interp.Options{}), interp.New(interp.Options{})
	sa, err := astStateOf(a)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := astStateOf(b)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := astStateOf(a); again != sa {
		t.Error("a second astStateOf made new classes")
	}
	for i := range astClasses {
		if sa.types[i] == sb.types[i] {
			t.Errorf("%s is shared", astClasses[i].name)
		}
		if !sa.types[i].IsSubtype(astType) || !sb.types[i].IsSubtype(astType) {
			t.Errorf("%s does not derive from AST", astClasses[i].name)
		}
	}
}
