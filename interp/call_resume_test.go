package interp

import (
	"testing"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/compile"
)

// callResumePrograms exercise the frames callExact pushes past their
// RESUME: what the callee's first instructions see of their own frame
// (line, last instruction, caller) and what a traceback from the first
// line shows must be as if RESUME had run.
var callResumePrograms = map[string]string{
	"frame_at_start": `import sys
def plain(a, b):
    return sys._getframe().f_lineno, sys._getframe().f_back.f_code.co_name
def dflt(a, b=2):
    f = sys._getframe()
    return f.f_lineno, f.f_code.co_name, a + b
class C:
    def m(self, a):
        return sys._getframe(0).f_lineno + a
def first_line_raises(a):
    return 1 // a
def main():
    c = C()
    bm = c.m
    out = []
    for i in range(1, 5):
        out.append((plain(i, 2), dflt(i), dflt(i, 3), c.m(i), bm(i)))
    try:
        first_line_raises(0)
    except ZeroDivisionError as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
    return out
for _ in range(3):
    print(main())
`,
}

// TestCallResumePrograms runs them against CPython at each threshold.
func TestCallResumePrograms(t *testing.T) { checkProgramsAtThresholds(t, callResumePrograms) }

// TestCallExactSkipsResume checks the callee's first pc: past RESUME 0
// when the eval breaker is clear, and at it when the breaker was set
// after the caller looked (so that RESUME handles it).
func TestCallExactSkipsResume(t *testing.T) {
	code := compileForTest(t, "def f(a, b):\n    return a\nx = f(1, 2)\n")
	for _, tc := range []struct {
		name    string
		breaker int32
		wantPC  int
	}{
		{"breaker clear", 0, 1},
		{"breaker set", breakGC, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := New(Options{})
			defer in.Close()
			g := execInFreshGlobals(t, in, code)
			defer in.decRef(valueOf(g))
			var fnv Value
			for _, e := range g.entries {
				if e.value.p != nil && e.value.Type() == functionType {
					fnv = e.value
				}
			}
			if fnv.p == nil {
				t.Fatal("no function in the module's globals")
			}
			if err := in.enterFrame(); err != nil {
				t.Fatal(err)
			}
			caller := in.newFrame(codeOf(code), g)
			caller.entry, caller.special = true, true
			incRef(fnv)
			caller.push(Value{})
			caller.push(fnv)
			caller.push(Int(1))
			caller.push(Int(2))
			in.breaker.Store(tc.breaker)
			callee, ok, err := in.callExact(caller, bytecode.CALL_PY_EXACT_ARGS, 2)
			in.breaker.Store(0)
			if !ok || err != nil {
				t.Fatalf("callExact: ok %v, err %v", ok, err)
			}
			if callee.pc != tc.wantPC {
				t.Errorf("callee starts at pc %d, want %d", callee.pc, tc.wantPC)
			}
			if callee.slots[0] != Int(1) || callee.slots[1] != Int(2) || caller.sp != caller.nlocal {
				t.Errorf("arguments not moved: callee %v, caller sp %d", callee.slots[:2], caller.sp)
			}
			in.releaseFrame(callee)
			in.releaseFrame(caller)
		})
	}
}

// execInFreshGlobals runs module code in in with new globals, which it
// returns (the caller owns their reference).
func execInFreshGlobals(t *testing.T, in *Interp, code *compile.Code) *Dict {
	t.Helper()
	gv, err := in.NewDict()
	if err != nil {
		t.Fatal(err)
	}
	g := asObject[Dict](gv)
	if err := in.ExecModule(code, g); err != nil {
		in.decRef(gv)
		t.Fatal(err)
	}
	return g
}
