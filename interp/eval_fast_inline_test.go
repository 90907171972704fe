package interp

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// TestFastLoopInlines guards a cliff in Go's inliner. A function body of
// more than 5,000 IR nodes is "big", and into a big function the
// inliner takes only callees of cost 20 or less (inlineBigFunctionNodes
// and inlineBigFunctionMaxCost in cmd/compile's inline package).
// runFastIn sits near that size: when a merge took it over, Value.IsObject
// (cost 25), recordBranch, mulInt64 and a dozen other helpers stopped
// inlining there and nbody ran 11% more instructions. Each callee below
// costs more than 20, so its inlining proves runFastIn is not big.
func TestFastLoopInlines(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the package with -gcflags=-m")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	out, err := exec.Command(goTool, "build", "-gcflags=-m", "-o", os.DevNull, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build -gcflags=-m: %v\n%s", err, out)
	}
	first, last := funcLines(t, "eval_fast.go", "runFastIn")
	inlined := map[string]bool{}
	re := regexp.MustCompile(`(?m)^(?:\S*/)?eval_fast\.go:(\d+):\d+: inlining call to (\S+)`)
	for _, m := range re.FindAllStringSubmatch(string(out), -1) {
		if line, _ := strconv.Atoi(m[1]); line >= first && line <= last {
			inlined[m[2]] = true
		}
	}
	if len(inlined) == 0 {
		t.Fatalf("no inlining reported in runFastIn (lines %d-%d); the compiler's output:\n%.2000s", first, last, out)
	}
	for _, callee := range []string{"Value.IsObject", "recordBranch", "(*adaptiveCode).due"} {
		if !inlined[callee] {
			t.Errorf("%s is not inlined into runFastIn: the function is probably over the inliner's 5,000-node limit; move a cold part of a case into a function of its own (see storeNewAttrAt)", callee)
		}
	}
}

// funcLines returns the first and last line of the function or method
// name in file.
func funcLines(t *testing.T, file, name string) (int, int) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == name {
			return fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line
		}
	}
	t.Fatalf("no func %s in %s", name, file)
	return 0, 0
}
