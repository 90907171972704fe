package interp

import (
	"fmt"
	"testing"

	"github.com/parallel-py/parallel/interp/compile"
)

// Loop bodies for the eval loop's benchmarks; each runs n iterations.
var loopBodies = map[string]string{
	"range":       "for i in range(%d):\n    pass\n",
	"int_arith":   "x = 0\nfor i in range(%d):\n    x = (x + i * 3) %% 1000003\n",
	"float_mul":   "x = 1.0\nfor i in range(%d):\n    x = x * 1.0000001 + 0.5\n",
	"py_call":     "def f(a, b):\n    return a\nfor i in range(%d):\n    f(i, 2)\n",
	"while_loop":  "i = 0\nwhile i < %d:\n    i += 1\n",
	"attr_load":   "class C:\n    def __init__(self):\n        self.x = 1\no = C()\nfor i in range(%d):\n    o.x\n",
	"method_call": "class C:\n    def m(self, a):\n        return a\no = C()\nfor i in range(%d):\n    o.m(i)\n",
	"kw_call":     "def f(a, b=1, *, c=2):\n    return a\nfor i in range(%d):\n    f(i, c=3)\n",
}

// execN runs a compiled loop in a fresh namespace of interpreter in.
func execN(b testing.TB, in *Interp, code *compile.Code) {
	gv, _ := in.NewDict()
	if err := in.ExecModule(code, asObject[Dict](gv)); err != nil {
		b.Fatal(err)
	}
	in.decRef(gv)
}

func BenchmarkEvalLoop(b *testing.B) { benchLoops(b, loopBodies, 100000) }

// benchLoops runs each body (a program with one %d, its iteration
// count, n) as a sub-benchmark and reports the time per iteration.
func benchLoops(b *testing.B, bodies map[string]string, n int) {
	for name, body := range bodies {
		b.Run(name, func(b *testing.B) {
			code := compileForTest(b, fmt.Sprintf(body, n))
			in := New(Options{})
			defer in.Close()
			b.ReportAllocs()
			for b.Loop() {
				execN(b, in, code)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/iter")
		})
	}
}

// TestLoopsDoNotAllocatePerIteration asserts that the range loop, int and
// float arithmetic, Python-to-Python calls (with keywords too), attribute
// loads and method calls allocate nothing per iteration: a run of 2,000 iterations allocates no more than one of 1,000.
func TestLoopsDoNotAllocatePerIteration(t *testing.T) {
	for _, name := range []string{"range", "int_arith", "float_mul", "while_loop", "py_call", "attr_load", "method_call", "kw_call"} {
		small := compileForTest(t, fmt.Sprintf(loopBodies[name], 1000))
		large := compileForTest(t, fmt.Sprintf(loopBodies[name], 2000))
		in := New(Options{})
		a1 := testing.AllocsPerRun(20, func() { execN(t, in, small) })
		a2 := testing.AllocsPerRun(20, func() { execN(t, in, large) })
		// An allocation per iteration would add 1,000 per run. A few
		// are allowed: the recyclers are sync.Pools, which under the
		// race detector drop a random share of what is put in, so a
		// run's dicts and frames are sometimes made anew.
		if a2 > a1+4 {
			t.Errorf("%s: %v allocations for 1,000 iterations, %v for 2,000", name, a1, a2)
		}
	}
}

// BenchmarkNewInterp is the cost of an interpreter's start-up and
// teardown (builtins, sys, the cycle finder), the floor under every
// subinterpreter the runtime creates.
func BenchmarkNewInterp(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		in := New(Options{})
		in.Close()
	}
}
