// Compiler tests.
//
//	go test ./interp/compile -run TestCompile          # testdata/compile and the stdlib
//	go test ./interp/compile -run TestCompileStdlib -short   # every 16th stdlib file
//	go test ./interp/compile -run TestOpnames          # opcode sequences against CPython 3.12
//	go test ./interp/compile -run TestCompileErrors    # compiler SyntaxErrors
//
// TestCompileStdlib and TestOpnames need CPython 3.12 (see cpython in
// symtable_test.go) and skip without it.

package compile

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
)

// compileSource parses and compiles src as a module.
func compileSource(filename string, src []byte) (*Code, error) {
	mod, err := syntax.Parse(filename, src, syntax.ModeExec)
	if err != nil {
		return nil, err
	}
	return Compile(mod, filename, syntax.ModeExec, Options{})
}

func isUnsupported(err error) bool {
	var serr *syntax.Error
	return errors.As(err, &serr) && strings.HasSuffix(serr.Msg, " is not supported yet")
}

// walkCodes calls f for code and every code object nested in it.
func walkCodes(code *Code, f func(*Code)) {
	f(code)
	for _, n := range code.NestedCodes() {
		walkCodes(n, f)
	}
}

// checkCode validates one code object: bytecode.Validate, the sizes of its
// tables, and an independent stack-depth check.
func checkCode(code *Code) error {
	lim := bytecode.Limits{Consts: len(code.Consts), Names: len(code.Names), LocalsPlus: len(code.LocalsPlusNames)}
	if err := bytecode.Validate(code.Instructions, lim); err != nil {
		return err
	}
	if len(code.LocalsPlusKinds) != len(code.LocalsPlusNames) {
		return fmt.Errorf("%d localsplus names but %d kinds", len(code.LocalsPlusNames), len(code.LocalsPlusKinds))
	}
	ps, err := bytecode.DecodePositions(code.Positions)
	if err != nil {
		return err
	}
	if len(ps) != len(code.Instructions) {
		return fmt.Errorf("%d positions for %d instructions", len(ps), len(code.Instructions))
	}
	depth, unreached, err := checkStackDepth(code)
	if err != nil {
		return err
	}
	// Handlers whose protected range is empty (try: pass) stay in the
	// code, unreachable, as in CPython; their depth counts in StackSize
	// (CPython's co_stacksize counts it too) but the checker cannot walk
	// them. With every instruction reached the two must agree.
	if depth > code.StackSize || (unreached == 0 && depth != code.StackSize) {
		return fmt.Errorf("StackSize %d, but the checker finds %d (%d instructions unreached)", code.StackSize, depth, unreached)
	}
	return nil
}

// checkStackDepth walks every path through the final instructions with
// the opcode table's stack effects, following both edges of branches and,
// for every instruction an exception-table entry covers, an edge to the
// handler with the entry's depth (plus lasti and the exception). The depth
// at each instruction must be the same along all paths and never
// negative, and each covered instruction must run at least at the entry's
// depth. It returns the maximum depth and the number of instructions no
// path reaches.
func checkStackDepth(code *Code) (maxDepth, unreached int, err error) {
	instrs := code.Instructions
	excs, err := bytecode.DecodeExceptionTable(code.ExceptionTable)
	if err != nil {
		return 0, 0, err
	}
	depthAt := make([]int, len(instrs))
	for i := range depthAt {
		depthAt[i] = -1
	}
	var work []int
	visit := func(pc, d int, from string) error {
		if pc < 0 || pc >= len(instrs) {
			return fmt.Errorf("%s: edge to %d outside the code", from, pc)
		}
		if d < 0 {
			return fmt.Errorf("%s: negative depth %d", from, d)
		}
		maxDepth = max(maxDepth, d)
		switch depthAt[pc] {
		case -1:
			depthAt[pc] = d
			work = append(work, pc)
		case d:
		default:
			return fmt.Errorf("instruction %d (%v) reached with depth %d and %d (%s)", pc, instrs[pc], depthAt[pc], d, from)
		}
		return nil
	}
	start := 0
	if code.Flags&(CO_GENERATOR|CO_COROUTINE|CO_ASYNC_GENERATOR) != 0 {
		start = 1
	}
	if err := visit(0, start, "entry"); err != nil {
		return 0, 0, err
	}
	for len(work) > 0 {
		pc := work[len(work)-1]
		work = work[:len(work)-1]
		in := instrs[pc]
		op, arg := in.Op(), in.Oparg()
		d := depthAt[pc]
		from := fmt.Sprintf("%d %v", pc, in)
		for _, e := range excs {
			if pc >= e.Start && pc < e.End {
				if d < e.Depth {
					return 0, 0, fmt.Errorf("%s: depth %d below its handler's %d", from, d, e.Depth)
				}
				hd := e.Depth + 1
				if e.Lasti {
					hd++
				}
				if err := visit(e.Target, hd, from+" (handler)"); err != nil {
					return 0, 0, err
				}
			}
		}
		pop, push := op.Effect(arg, false)
		if d-pop < 0 {
			return 0, 0, fmt.Errorf("%s: pops %d at depth %d", from, pop, d)
		}
		if op.Has(bytecode.HasJump) {
			jp, jpush := op.Effect(arg, true)
			if err := visit(in.Target(pc), d-jp+jpush, from); err != nil {
				return 0, 0, err
			}
		}
		if !op.Has(bytecode.IsTerminal) {
			if err := visit(pc+1, d-pop+push, from); err != nil {
				return 0, 0, err
			}
		}
	}
	for _, d := range depthAt {
		if d < 0 {
			unreached++
		}
	}
	return maxDepth, unreached, nil
}

// checkAll compiles src and checks every code object.
func checkAll(t *testing.T, name string, src []byte) (ok, unsupported bool) {
	t.Helper()
	code, err := compileSource(name, src)
	if err != nil {
		if isUnsupported(err) {
			return false, true
		}
		var serr *syntax.Error
		if errors.As(err, &serr) {
			// A file CPython rejects too (bad syntax tests) is no failure
			// of ours; the caller decides.
			return false, false
		}
		t.Errorf("%s: %v", name, err)
		return false, false
	}
	walkCodes(code, func(c *Code) {
		if err := checkCode(c); err != nil {
			t.Errorf("%s: %s (line %d): %v", name, c.Qualname, c.FirstLine, err)
		}
	})
	return true, false
}

func TestCompileTestdata(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "compile", "*.py"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/compile/*.py: %v", err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if ok, _ := checkAll(t, f, src); !ok {
			_, err := compileSource(f, src)
			t.Errorf("%s does not compile: %v", f, err)
		}
	}
}

// TestCompileStdlib compiles every file of CPython's standard library
// that CPython compiles and that uses no unsupported feature, and checks
// every code object.
func TestCompileStdlib(t *testing.T) {
	py := cpython(t)
	files := stdlibFiles(t, py)
	var compiled, unsupported, rejected int
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := syntax.Parse(path, src, syntax.ModeExec); err != nil {
			rejected++ // bad-syntax test data, also rejected by CPython
			continue
		}
		ok, unsup := checkAll(t, path, src)
		switch {
		case ok:
			compiled++
		case unsup:
			unsupported++
		default:
			_, err := compileSource(path, src)
			if !cpythonRejects(t, py, path) {
				t.Errorf("%s: %v", path, err)
			} else {
				rejected++
			}
		}
	}
	t.Logf("%d files: %d compiled and checked, %d use unsupported features, %d rejected as CPython rejects them", len(files), compiled, unsupported, rejected)
}

// cpythonRejects reports whether CPython's compile() refuses the file.
func cpythonRejects(t *testing.T, py *pyOracle, path string) bool {
	cmd := exec.Command(py.python, "-c", "import sys\ntry:\n compile(open(sys.argv[1],'rb').read(), sys.argv[1], 'exec')\nexcept SyntaxError:\n print('rejected')", path)
	cmd.Env = py.env
	out, err := cmd.Output()
	return err == nil && strings.TrimSpace(string(out)) == "rejected"
}

// --- TestOpnames ---

// opnamesOf lists the opnames of code and its nested code objects depth
// first, as testdata/compile/opnames.py does, leaving out NOP.
func opnamesOf(code *Code) ([]string, []int) {
	var out []string
	for _, in := range code.Instructions {
		if op := in.Op(); op != bytecode.NOP {
			out = append(out, op.String())
		}
	}
	sizes := []int{code.StackSize}
	for _, n := range code.NestedCodes() {
		o, s := opnamesOf(n)
		out = append(append(out, "--", n.Name), o...)
		sizes = append(sizes, s...)
	}
	return out, sizes
}

// opnameDifferences are the functions of testdata/compile/functions.py
// whose opcode sequence differs from CPython 3.12's, and why. Each is a
// CPython optimization we leave out.
var opnameDifferences = map[string]string{}

// TestOpnames compares the opcode sequence of every function in
// testdata/compile/functions.py (and of the code objects nested in it)
// with CPython 3.12's dis.get_instructions, without CACHE, EXTENDED_ARG
// and NOP. It also compares co_stacksize.
func TestOpnames(t *testing.T) {
	py := cpython(t)
	file := filepath.Join("testdata", "compile", "functions.py")
	cmd := exec.Command(py.python, filepath.Join("testdata", "compile", "opnames.py"), file)
	cmd.Env = py.env
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("opnames.py: %v", err)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	code, err := compileSource(file, src)
	if err != nil {
		t.Fatal(err)
	}
	ours := map[string]*Code{}
	for _, n := range code.NestedCodes() {
		ours[n.Name] = n
	}
	matched, total := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var want struct {
			Name      string
			Ops       []string
			Stacksize []int
		}
		if err := json.Unmarshal([]byte(line), &want); err != nil {
			t.Fatal(err)
		}
		total++
		got := ours[want.Name]
		if got == nil {
			t.Errorf("%s: not compiled", want.Name)
			continue
		}
		ops, sizes := opnamesOf(got)
		same := strings.Join(ops, " ") == strings.Join(want.Ops, " ")
		if why, ok := opnameDifferences[want.Name]; ok {
			if same {
				t.Errorf("%s: now matches CPython; drop it from opnameDifferences (%s)", want.Name, why)
			}
			continue
		}
		if !same {
			t.Errorf("%s: opcodes differ\n got: %s\nwant: %s", want.Name, strings.Join(ops, " "), strings.Join(want.Ops, " "))
			continue
		}
		if fmt.Sprint(sizes) != fmt.Sprint(want.Stacksize) {
			t.Errorf("%s: stack sizes %v, CPython %v", want.Name, sizes, want.Stacksize)
			continue
		}
		matched++
	}
	t.Logf("%d of %d functions match CPython's opcodes and stack sizes (%d documented differences)", matched, total, len(opnameDifferences))
}

// --- TestCompileErrors ---

// compileErrors are SyntaxErrors CPython 3.12 raises in its compiler
// (and future.c), with its messages and positions. TestCompileErrorsOracle
// checks the table against CPython when it is present.
var compileErrors = []struct {
	src                          string
	msg                          string
	line, offset, endLine, endOf int
}{
	{"f(a=1, a=2)", "keyword argument repeated: a", 1, 8, 1, 11},
	{"try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass\n", "default 'except:' must be last", 3, 1, 4, 7},
	{"__debug__ = 1", "cannot assign to __debug__", 1, 1, 1, 10},
	{"del __debug__", "cannot delete __debug__", 1, 5, 1, 14},
	{"def f(__debug__): pass", "cannot assign to __debug__", 1, 7, 1, 16},
	{"f(__debug__=1)", "cannot assign to __debug__", 1, 3, 1, 14},
	{"x.__debug__ = 1", "cannot assign to __debug__", 1, 1, 1, 12},
	{"*a = 1", "starred assignment target must be in a list or tuple", 1, 1, 1, 3},
	{"a, *b, *c = 1", "multiple starred expressions in assignment", 1, 1, 1, 10},
	{"x = *a", "can't use starred expression here", 1, 5, 1, 7},
	{"from __future__ import braces", "not a chance", 1, 1, 0, 0},
	{"from __future__ import nope", "future feature nope is not defined", 1, 1, 0, 0},
	{"x=1\nfrom __future__ import division", "from __future__ imports must occur at the beginning of the file", 2, 1, 2, 32},
	{"for x in y:\n  def f():\n    break", "'break' outside loop", 3, 5, 3, 10},
	{"def f():\n  try:\n    pass\n  except* E:\n    return 1", "'break', 'continue' and 'return' cannot appear in an except* block", 5, 12, 5, 13},
	{"class C:\n  return 1", "'return' outside function", 2, 3, 2, 11},
	{"yield 1", "'yield' outside function", 1, 1, 1, 8},
	{"[x for x in (yield)]", "'yield' outside function", 1, 14, 1, 19},
	{"x: int = (yield)", "'yield' outside function", 1, 11, 1, 16},
	{"def f(*, a): pass\nf(**a, b=1, b=2)", "keyword argument repeated: b", 2, 13, 2, 16},
	{"continue", "'continue' not properly in loop", 1, 1, 1, 9},
	{"while x:\n  def f():\n    continue", "'continue' not properly in loop", 3, 5, 3, 13},
	{"import a as __debug__", "cannot assign to __debug__", 1, 1, 1, 22},
	{"def f():\n  a, *b, *c = d", "multiple starred expressions in assignment", 2, 3, 2, 12},
}

func TestCompileErrors(t *testing.T) {
	for _, tc := range compileErrors {
		_, err := compileSource("<s>", []byte(tc.src))
		var serr *syntax.Error
		if !errors.As(err, &serr) {
			t.Errorf("%q: got %v, want SyntaxError %q", tc.src, err, tc.msg)
			continue
		}
		got := fmt.Sprintf("%s %d %d %d %d", serr.Msg, serr.Line, serr.Offset, serr.EndLine, serr.EndOffset)
		want := fmt.Sprintf("%s %d %d %d %d", tc.msg, tc.line, tc.offset, tc.endLine, tc.endOf)
		if got != want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, want)
		}
	}
}

// TestCompileErrorsOracle checks the compileErrors table against CPython
// (an end position CPython leaves unset, None, is 0 in the table).
func TestCompileErrorsOracle(t *testing.T) {
	py := cpython(t)
	var srcs []string
	for _, tc := range compileErrors {
		srcs = append(srcs, tc.src)
	}
	in, _ := json.Marshal(srcs)
	script := `import json, sys
for s in json.loads(sys.stdin.read()):
    try:
        compile(s, "<s>", "exec")
        print("OK")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset, e.end_lineno if e.end_offset else 0, e.end_offset or 0)`
	cmd := exec.Command(py.python, "-c", script)
	cmd.Env = py.env
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	for i, tc := range compileErrors {
		want := fmt.Sprintf("%s %d %d %d %d", tc.msg, tc.line, tc.offset, tc.endLine, tc.endOf)
		if lines[i] != want {
			t.Errorf("%q: table says %q, CPython %q", tc.src, want, lines[i])
		}
	}
}
