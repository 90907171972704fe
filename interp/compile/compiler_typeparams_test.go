// Tests of PEP 695 code generation: every code object of the programs
// below must match CPython 3.12's in its identity, tables, instructions
// (with their resolved operands) and positions.
//
//	go test ./interp/compile -run TestTypeParams

package compile

import (
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
)

// typeParamsPrograms exercise generic functions, classes and type
// aliases at module level, in classes and in functions.
var typeParamsPrograms = map[string]string{
	"function": `def f[T: int, *Ts, **P](a: T, b=1, *, c=2) -> T:
    return a
def g[T](): pass
def h[T:(int,str)](*, k=1): pass
@dec
async def af[T](a=1) -> T:
    return a
`,
	"class": `class C[T](Base, metaclass=M):
    x: T
    def m(self): return __class__
@dec
class K[T](*bs, **kw): pass
class E[T]: pass
`,
	"alias": `type A[T] = list[T]
type B = int
type Cst = "x" + "y"
`,
	"in class": `class D:
    type X = int
    type Y[T: int] = dict[T, D]
    class E[T]: pass
    def g[U: D](self): pass
    def __p[__T](self, x: __T): pass
`,
	"in function": `def outer():
    x = 1
    def f[T](y=x) -> T: return x
    class K[T]:
        def m(self) -> T: return x
    type Z[T] = (T, x)
    return f
`,
	"positions": `@dec
def f[
    T: (
      int, str),
    *Ts,
    **P
](a: T,
  b: int = 3) -> T:
    return a
type   X[
  U
] = (
  list[U])
class C[
   V:
     W
](
  B): pass
`,
	"global": `def f():
    global G
    def G[T](): pass
    class H[T]: pass
`,
	"future": `from __future__ import annotations
def f[T](a: T) -> list[T]: pass
class C[T]:
    x: T
`,
}

// typeParamsOracle prints the code objects of the program on stdin, depth
// first, one JSON object per line.
const typeParamsOracle = `import dis, json, sys, types
def rep(k):
    if isinstance(k, types.CodeType):
        return "<code " + k.co_qualname + ">"
    return repr(k)
def walk(c):
    ins = []
    for i in dis.get_instructions(c):
        if i.opname in ("CACHE", "EXTENDED_ARG"):
            continue
        if i.opcode in dis.hasconst:
            a = rep(i.argval)
        elif i.opcode in dis.hasname or i.opcode in dis.haslocal or i.opcode in dis.hasfree:
            a = i.argrepr
        elif i.opcode in dis.hasjrel or i.opcode in dis.hasjabs or i.arg is None:
            a = ""
        else:
            a = str(i.arg)
        p = i.positions
        ins.append([i.opname, a, p.lineno if p.lineno is not None else -1, p.end_lineno if p.end_lineno is not None else -1,
                    p.col_offset if p.col_offset is not None else -1, p.end_col_offset if p.end_col_offset is not None else -1])
    print(json.dumps({"qualname": c.co_qualname, "name": c.co_name, "firstlineno": c.co_firstlineno, "flags": c.co_flags,
        "argcount": c.co_argcount, "kwonly": c.co_kwonlyargcount, "varnames": list(c.co_varnames),
        "cellvars": list(c.co_cellvars), "freevars": list(c.co_freevars), "names": list(c.co_names),
        "consts": [rep(k) for k in c.co_consts], "stacksize": c.co_stacksize, "instrs": ins}))
    for k in c.co_consts:
        if isinstance(k, types.CodeType):
            walk(k)
walk(compile(sys.stdin.read(), "<s>", "exec"))
`

// codeSummary is what typeParamsOracle prints of one code object.
type codeSummary struct {
	Qualname    string     `json:"qualname"`
	Name        string     `json:"name"`
	Firstlineno int        `json:"firstlineno"`
	Flags       int        `json:"flags"`
	Argcount    int        `json:"argcount"`
	Kwonly      int        `json:"kwonly"`
	Varnames    []string   `json:"varnames"`
	Cellvars    []string   `json:"cellvars"`
	Freevars    []string   `json:"freevars"`
	Names       []string   `json:"names"`
	Consts      []string   `json:"consts"`
	Stacksize   int        `json:"stacksize"`
	Instrs      [][]string `json:"-"`
	RawInstrs   [][]any    `json:"instrs,omitempty"`
}

// constRepr is repr() of the constants the programs above use.
func constRepr(k Const) string {
	switch k := k.(type) {
	case nil:
		return "None"
	case bool:
		if k {
			return "True"
		}
		return "False"
	case int64:
		return strconv.FormatInt(k, 10)
	case string:
		return "'" + k + "'"
	case *Code:
		return "<code " + k.Qualname + ">"
	case ConstTuple:
		parts := make([]string, len(k))
		for i, x := range k {
			parts[i] = constRepr(x)
		}
		if len(parts) == 1 {
			return "(" + parts[0] + ",)"
		}
		return "(" + strings.Join(parts, ", ") + ")"
	}
	return fmt.Sprintf("<%T>", k)
}

// summarize describes code and its nested code objects as the oracle does.
func summarize(code *Code) []codeSummary {
	s := codeSummary{
		Qualname: code.Qualname, Name: code.Name, Firstlineno: code.FirstLine, Flags: int(code.Flags),
		Argcount: code.ArgCount, Kwonly: code.KwOnlyArgCount, Varnames: code.Varnames(),
		Cellvars: code.Cellvars(), Freevars: code.Freevars(), Names: code.Names, Stacksize: code.StackSize,
	}
	s.Consts = []string{}
	for _, k := range code.Consts {
		s.Consts = append(s.Consts, constRepr(k))
	}
	for _, p := range []*[]string{&s.Varnames, &s.Cellvars, &s.Freevars, &s.Names} {
		if *p == nil {
			*p = []string{}
		}
	}
	ps, _ := bytecode.DecodePositions(code.Positions)
	for pc, in := range code.Instructions {
		op, arg := in.Op(), in.Oparg()
		f := op.Flags()
		a := ""
		switch {
		case f&bytecode.HasConst != 0:
			a = constRepr(code.Consts[arg])
		case f&bytecode.HasName != 0:
			a = code.Names[bytecode.NameIndex(in)]
			if arg&1 != 0 {
				switch op {
				case bytecode.LOAD_GLOBAL:
					a = "NULL + " + a
				case bytecode.LOAD_ATTR, bytecode.LOAD_SUPER_ATTR:
					a = "NULL|self + " + a
				}
			}
		case f&(bytecode.HasLocal|bytecode.HasFree) != 0:
			a = code.LocalsPlusNames[arg]
		case f&bytecode.HasJump != 0, f&bytecode.HasArg == 0:
		default:
			a = strconv.Itoa(arg)
		}
		p := ps[pc]
		s.Instrs = append(s.Instrs, []string{op.String(), a, strconv.Itoa(p.Line), strconv.Itoa(p.EndLine), strconv.Itoa(p.Col), strconv.Itoa(p.EndCol)})
	}
	out := []codeSummary{s}
	for _, n := range code.NestedCodes() {
		out = append(out, summarize(n)...)
	}
	return out
}

func TestTypeParams(t *testing.T) {
	py := cpython(t)
	for name, src := range typeParamsPrograms {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(py.python, "-c", typeParamsOracle)
			cmd.Env = py.env
			cmd.Stdin = strings.NewReader(src)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("oracle: %v", err)
			}
			code, err := compileSource("<s>", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			walkCodes(code, func(c *Code) {
				if err := checkCode(c); err != nil {
					t.Errorf("%s: %v", c.Qualname, err)
				}
			})
			got := summarize(code)
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			if len(lines) != len(got) {
				t.Errorf("%d code objects, CPython %d", len(got), len(lines))
			}
			for i := 0; i < len(lines) && i < len(got); i++ {
				var want codeSummary
				if err := json.Unmarshal([]byte(lines[i]), &want); err != nil {
					t.Fatal(err)
				}
				for _, in := range want.RawInstrs {
					row := make([]string, len(in))
					for j, x := range in {
						row[j] = fmt.Sprint(x)
					}
					want.Instrs = append(want.Instrs, row)
				}
				want.RawInstrs = nil
				g := got[i]
				gj, _ := json.Marshal(g)
				wj, _ := json.Marshal(want)
				if string(gj) != string(wj) {
					t.Errorf("%s:\n got %s\nwant %s", want.Qualname, gj, wj)
				}
				gi, wi := fmt.Sprint(g.Instrs), fmt.Sprint(want.Instrs)
				if gi != wi {
					t.Errorf("%s instructions:\n got %v\nwant %v", want.Qualname, g.Instrs, want.Instrs)
				}
			}
		})
	}
}

// TestTypeParamsErrors checks the SyntaxErrors of PEP 695 code.
func TestTypeParamsErrors(t *testing.T) {
	py := cpython(t)
	for _, src := range []string{
		"def f[T, T](): pass",
		"class C[T]:\n  def f(self):\n    nonlocal T",
		"type A[T] = (yield)",
		"def f[T: (yield)](): pass",
		"def f[T: (await x)](): pass",
		"class C[T: (x := 1)]: pass",
		"type A = (x := 3)",
		"def f[T](x: (yield)): pass",
		"class C[__debug__]: pass",
	} {
		cmd := exec.Command(py.python, "-c", "import sys\ntry:\n compile(sys.stdin.read(), '<s>', 'exec')\n print('OK')\nexcept SyntaxError as e:\n print(e.msg, e.lineno, e.offset)")
		cmd.Env = py.env
		cmd.Stdin = strings.NewReader(src)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSpace(string(out))
		got := "OK"
		if _, err := compileSource("<s>", []byte(src)); err != nil {
			got = err.Error()
			var e *syntax.Error
			if errors.As(err, &e) {
				got = fmt.Sprintf("%s %d %d", e.Msg, e.Line, e.Offset)
			}
		}
		if got != want {
			t.Errorf("%q: got %s, CPython %s", src, got, want)
		}
	}
}
