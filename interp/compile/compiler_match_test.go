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

// instructionsOf renders code and its nested code objects as
// testdata/compile/instructions.py renders CPython's.
func instructionsOf(code *Code) []string {
	ps, _ := bytecode.DecodePositions(code.Positions)
	var out []string
	for pc, in := range code.Instructions {
		op := in.Op()
		arg := ""
		switch {
		case op.Has(bytecode.HasJump):
			arg = fmt.Sprintf("->%d", in.Target(pc))
		case op.Has(bytecode.HasConst):
			k := code.Consts[in.Oparg()]
			if n, ok := k.(*Code); ok {
				arg = "<code " + n.Name + ">"
			} else {
				arg = ReprConst(k)
			}
		case op.Has(bytecode.HasArg):
			arg = fmt.Sprint(in.Oparg())
		}
		line := -1
		if pc < len(ps) {
			line = ps[pc].Line
		}
		out = append(out, strings.TrimRight(fmt.Sprintf("%d %s %s", line, op, arg), " "))
	}
	for _, n := range code.NestedCodes() {
		out = append(append(out, "-- "+n.Name), instructionsOf(n)...)
	}
	return out
}

// TestMatchInstructions compiles testdata/compile/match.py and compares
// every instruction of every function (opcode, oparg, jump target and
// line) with CPython 3.12's, and checks each code object's stack depth.
func TestMatchInstructions(t *testing.T) {
	py := cpython(t)
	file := filepath.Join("testdata", "compile", "match.py")
	cmd := exec.Command(py.python, filepath.Join("testdata", "compile", "instructions.py"), file)
	cmd.Env = py.env
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("instructions.py: %v", err)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := checkAll(t, file, src); !ok {
		t.Fatalf("%s does not compile", file)
	}
	code, err := compileSource(file, src)
	if err != nil {
		t.Fatal(err)
	}
	ours := map[string]*Code{}
	for _, n := range code.NestedCodes() {
		ours[n.Name] = n
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var want struct {
			Name   string
			Instrs []string
		}
		if err := json.Unmarshal([]byte(line), &want); err != nil {
			t.Fatal(err)
		}
		got := ours[want.Name]
		if got == nil {
			t.Errorf("%s: not compiled", want.Name)
			continue
		}
		g := instructionsOf(got)
		if strings.Join(g, "\n") != strings.Join(want.Instrs, "\n") {
			t.Errorf("%s: instructions differ\n%s", want.Name, sideBySide(g, want.Instrs))
		}
	}
}

// sideBySide lists two instruction lists in columns, marking differences.
func sideBySide(got, want []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "   %-40s %s\n", "got", "CPython")
	for i := 0; i < max(len(got), len(want)); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		mark := "  "
		if g != w {
			mark = "!!"
		}
		fmt.Fprintf(&b, "%s %3d %-40s %s\n", mark, i, g, w)
	}
	return b.String()
}

// matchErrors are the SyntaxErrors CPython 3.12's compiler raises for
// match statements, with its messages and positions; TestMatchErrorsOracle
// checks them against CPython.
var matchErrors = []struct {
	src                          string
	msg                          string
	line, offset, endLine, endOf int
}{
	{"match x:\n case {1: a, True: b}: pass", "mapping pattern checks duplicate key (True)", 2, 7, 2, 22},
	{"match x:\n case {'a': a, 'a': b}: pass", "mapping pattern checks duplicate key ('a')", 2, 7, 2, 23},
	{"match x:\n case {1.0: a, 1: b}: pass", "mapping pattern checks duplicate key (1)", 2, 7, 2, 21},
	{"match x:\n case {-0.0: a, 0: b}: pass", "mapping pattern checks duplicate key (0)", 2, 7, 2, 22},
	{"match x:\n case {b'x': a, b'x': b}: pass", "mapping pattern checks duplicate key (b'x')", 2, 7, 2, 25},
	{"match x:\n case {None: a, None: b}: pass", "mapping pattern checks duplicate key (None)", 2, 7, 2, 25},
	{"match x:\n case {-1-1j: a, -1-1j: b}: pass", "mapping pattern checks duplicate key ((-1-1j))", 2, 7, 2, 27},
	{"match x:\n case {0: a, False: b}: pass", "mapping pattern checks duplicate key (False)", 2, 7, 2, 23},
	{"match x:\n case {1j: a, 0+1j: b}: pass", "mapping pattern checks duplicate key (1j)", 2, 7, 2, 23},
	{"match x:\n case {'a': 1, 'b': 2, 'a': 3}: pass", "mapping pattern checks duplicate key ('a')", 2, 7, 2, 31},
	{"match x:\n case a: pass\n case 1: pass", "name capture 'a' makes remaining patterns unreachable", 2, 7, 2, 8},
	{"match x:\n case _: pass\n case 1: pass", "wildcard makes remaining patterns unreachable", 2, 7, 2, 8},
	{"match x:\n case a | b: pass", "name capture 'a' makes remaining patterns unreachable", 2, 7, 2, 8},
	{"match x:\n case _ | 1: pass", "wildcard makes remaining patterns unreachable", 2, 7, 2, 8},
	{"match x:\n case (a | b) | 1: pass", "name capture 'a' makes remaining patterns unreachable", 2, 8, 2, 9},
	{"match x:\n case [a | b]: pass", "name capture 'a' makes remaining patterns unreachable", 2, 8, 2, 9},
	{"match x:\n case (x as y) | (y as x): pass", "name capture 'x' makes remaining patterns unreachable", 2, 8, 2, 9},
	{"match x:\n case [a, a]: pass", "multiple assignments to name 'a' in pattern", 2, 11, 2, 12},
	{"match x:\n case {'a': x, **x}: pass", "multiple assignments to name 'x' in pattern", 2, 7, 2, 20},
	{"match x:\n case [a, [b] | [b]] | [a, [b]] | C(a=[b]): pass", "alternative patterns bind different names", 2, 7, 2, 43},
	{"match x:\n case [b, ([b] | [b])]: pass", "multiple assignments to name 'b' in pattern", 2, 12, 2, 21},
	{"match x:\n case [a, ([b] | [b])]: pass\n case [a, b as a]: pass", "multiple assignments to name 'a' in pattern", 3, 11, 3, 17},
	{"match x:\n case [a, [a] | [a]]: pass", "multiple assignments to name 'a' in pattern", 2, 11, 2, 20},
	{"match x:\n case [*a, *b]: pass", "multiple starred names in sequence pattern", 2, 7, 2, 15},
	{"match x:\n case [*_, 1, *_]: pass", "multiple starred names in sequence pattern", 2, 7, 2, 18},
	{"match x:\n case C(a=1, a=2): pass", "attribute name repeated in class pattern: a", 2, 16, 2, 17},
	{"match x:\n case C(a=1, b=[2], a=[3]): pass", "attribute name repeated in class pattern: a", 2, 23, 2, 26},
	{"match x:\n case (1 as a) | (2 as b): pass", "alternative patterns bind different names", 2, 7, 2, 26},
	{"match x:\n case 1 | a if a: pass\n case 2: pass", "alternative patterns bind different names", 2, 7, 2, 12},
	{"match x:\n case [a] | [a, b]: pass", "alternative patterns bind different names", 2, 7, 2, 19},
	{"match x:\n case [a, c] | [a, b]: pass", "alternative patterns bind different names", 2, 7, 2, 22},
	{"match x:\n case __debug__: pass", "cannot assign to __debug__", 2, 7, 2, 16},
	{"match x:\n case [*__debug__]: pass", "cannot assign to __debug__", 2, 8, 2, 18},
	{"match x:\n case C(__debug__=1): pass", "cannot assign to __debug__", 2, 19, 2, 20},
	{"match x:\n case {**__debug__}: pass", "cannot assign to __debug__", 2, 7, 2, 20},
	{"match x:\n case 1 as __debug__: pass", "cannot assign to __debug__", 2, 7, 2, 21},
	{"match x:\n case f'x': pass", "patterns may only match literals and attribute lookups", 2, 7, 2, 11},
	{"match x:\n case {f'x': 1}: pass", "mapping pattern keys may only match literals and attribute lookups", 2, 7, 2, 16},
	{"def f():\n match x:\n  case 1:\n   break", "'break' outside loop", 4, 4, 4, 9},
	{"match x:\n case 1:\n  return 1", "'return' outside function", 3, 3, 3, 11},
}

func TestMatchErrors(t *testing.T) {
	for _, tc := range matchErrors {
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

// TestMatchErrorsOracle checks the matchErrors table against CPython.
func TestMatchErrorsOracle(t *testing.T) {
	py := cpython(t)
	var srcs []string
	for _, tc := range matchErrors {
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
	for i, tc := range matchErrors {
		want := fmt.Sprintf("%s %d %d %d %d", tc.msg, tc.line, tc.offset, tc.endLine, tc.endOf)
		if lines[i] != want {
			t.Errorf("%q: table says %q, CPython %q", tc.src, want, lines[i])
		}
	}
}
