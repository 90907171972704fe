package compile

import (
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

// asyncDisOracle prints, for every code object of the file named by
// argv[1] (depth first, the module first), its name, co_flags and
// co_stacksize, then each instruction as "OPNAME arg" (a jump's arg is
// its target's index) and each exception-table entry as "start end
// target depth lasti", all counted in instructions without CACHE and
// EXTENDED_ARG.
const asyncDisOracle = `
import dis, sys
def walk(c):
    ins = [i for i in dis.get_instructions(c) if i.opname not in ("CACHE", "EXTENDED_ARG")]
    index = {}
    n = 0
    for off in range(0, len(c.co_code) + 2, 2):
        while n < len(ins) and ins[n].offset < off:
            n += 1
        index[off] = n
    print("code", c.co_name, c.co_flags, c.co_stacksize)
    for i in ins:
        if i.opcode in dis.hasjrel or i.opcode in dis.hasjabs:
            print(i.opname, index[i.argval])
        else:
            print(i.opname, i.arg if i.arg is not None else 0)
    for e in dis._parse_exception_table(c):
        print("exc", index[e.start], index[e.end], index[e.target], e.depth, int(e.lasti))
    for k in c.co_consts:
        if hasattr(k, "co_code"):
            walk(k)
walk(compile(open(sys.argv[1]).read(), sys.argv[1], "exec"))
`

// asyncDis is what asyncDisOracle prints, for our code.
func asyncDis(code *Code, out *strings.Builder) {
	fmt.Fprintf(out, "code %s %d %d\n", code.Name, code.Flags, code.StackSize)
	for pc, in := range code.Instructions {
		op := in.Op()
		if op.Has(bytecode.HasJump) {
			fmt.Fprintf(out, "%s %d\n", op, in.Target(pc))
		} else {
			fmt.Fprintf(out, "%s %d\n", op, in.Oparg())
		}
	}
	excs, err := bytecode.DecodeExceptionTable(code.ExceptionTable)
	if err != nil {
		fmt.Fprintf(out, "bad exception table: %v\n", err)
	}
	for _, e := range excs {
		lasti := 0
		if e.Lasti {
			lasti = 1
		}
		fmt.Fprintf(out, "exc %d %d %d %d %d\n", e.Start, e.End, e.Target, e.Depth, lasti)
	}
	for _, n := range code.NestedCodes() {
		asyncDis(n, out)
	}
}

// TestAsyncDis compiles testdata/compile/async.py and compares every code
// object with CPython 3.12's, instruction by instruction.
func TestAsyncDis(t *testing.T) {
	py := cpython(t)
	file := filepath.Join("testdata", "compile", "async.py")
	cmd := exec.Command(py.python, "-c", asyncDisOracle, file)
	cmd.Env = py.env
	want, err := cmd.Output()
	if err != nil {
		t.Fatalf("oracle: %v", err)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	code, err := compileSource(file, src)
	if err != nil {
		t.Fatal(err)
	}
	walkCodes(code, func(c *Code) {
		if err := checkCode(c); err != nil {
			t.Errorf("%s: %v", c.Qualname, err)
		}
	})
	var got strings.Builder
	asyncDis(code, &got)
	wantCodes := strings.Split(string(want), "code ")
	gotCodes := strings.Split(got.String(), "code ")
	if len(wantCodes) != len(gotCodes) {
		t.Fatalf("%d code objects, CPython %d", len(gotCodes), len(wantCodes))
	}
	for i := range wantCodes {
		if wantCodes[i] != gotCodes[i] {
			t.Errorf("code %s differs\n got:\n%s\nwant:\n%s", strings.SplitN(wantCodes[i], "\n", 2)[0], gotCodes[i], wantCodes[i])
		}
	}
}

// asyncCompileErrors are the SyntaxErrors of async code CPython 3.12's
// compiler raises.
var asyncCompileErrors = []struct {
	src                          string
	msg                          string
	line, offset, endLine, endOf int
}{
	{"def f():\n  await x", "'await' outside async function", 2, 3, 2, 10},
	{"await x", "'await' outside function", 1, 1, 1, 8},
	{"class C:\n  await x", "'await' outside function", 2, 3, 2, 10},
	{"lambda: await x", "'await' outside async function", 1, 9, 1, 16},
	{"def f():\n  async for x in y: pass", "'async for' outside async function", 2, 3, 2, 25},
	{"def f():\n  async with x: pass", "'async with' outside async function", 2, 3, 2, 21},
	{"def f():\n  return [x async for x in y]", "asynchronous comprehension outside of an asynchronous function", 2, 10, 2, 30},
	{"def f():\n  return [await x for x in y]", "asynchronous comprehension outside of an asynchronous function", 2, 10, 2, 30},
	{"async def f():\n  yield from x", "'yield from' inside async function", 2, 3, 2, 15},
	{"async def f():\n  yield 1\n  return 2", "'return' with value in async generator", 3, 3, 3, 11},
	{"[x async for x in y]", "asynchronous comprehension outside of an asynchronous function", 1, 1, 1, 21},
}

func TestAsyncCompileErrors(t *testing.T) {
	for _, tc := range asyncCompileErrors {
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

// TestAsyncCompileErrorsOracle checks asyncCompileErrors against CPython.
func TestAsyncCompileErrorsOracle(t *testing.T) {
	py := cpython(t)
	for _, tc := range asyncCompileErrors {
		script := "import sys\ntry:\n compile(sys.argv[1], '<s>', 'exec')\n print('OK')\nexcept SyntaxError as e:\n print(e.msg, e.lineno, e.offset, e.end_lineno if e.end_offset else 0, e.end_offset or 0)"
		cmd := exec.Command(py.python, "-c", script, tc.src)
		cmd.Env = py.env
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("%s %d %d %d %d", tc.msg, tc.line, tc.offset, tc.endLine, tc.endOf)
		if got := strings.TrimSpace(string(out)); got != want {
			t.Errorf("%q: table says %q, CPython %q", tc.src, want, got)
		}
	}
}
