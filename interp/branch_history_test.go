package interp

import (
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/compile"
)

// The conditional jumps keep their last 16 outcomes and the backward
// jump counts the loop's iterations, with specialization on or off.
func TestJumpProfiles(t *testing.T) {
	src := `def f(n):
    i = 0
    s = 0
    while i < n:
        if i % 3 == 0:
            s += 1
        x = None if i < 5 else i
        if x is None:
            s += 2
        i += 1
    return s
print(f(40))
`
	for _, xopts := range [][]string{nil, {"nospecialize"}} {
		var out strings.Builder
		in := New(Options{Stdout: &out, XOptions: xopts})
		code := compileForTest(t, src)
		gv, _ := in.NewDict()
		if err := in.ExecModule(code, asObject[Dict](gv)); err != nil {
			t.Fatal(err)
		}
		in.decRef(gv)
		if out.String() != "24\n" {
			t.Fatalf("%v: output %q", xopts, out.String())
		}
		var fcode *compile.Code
		for _, k := range code.Consts {
			if c, ok := k.(*compile.Code); ok {
				fcode = c
			}
		}
		profiles := in.JumpProfiles(fcode)
		in.Close()
		var conds []uint16
		var loops []uint64
		for _, p := range profiles {
			if p.Op == bytecode.JUMP_BACKWARD {
				loops = append(loops, p.Count)
			} else {
				conds = append(conds, p.History)
			}
		}
		// CPython 3.12 compiles the while loop with its test at the
		// bottom too, so the loop takes the backward jump 39 times.
		if len(loops) != 1 || loops[0] != 39 {
			t.Errorf("%v: backward jump counts %v, want [39]", xopts, loops)
		}
		// The last 16 values of i are 24..39. i % 3 == 0 jumps over
		// the increment when false (taken for i % 3 != 0); x is None
		// never holds for i >= 5, so that jump is always taken.
		var mod3 uint16
		for i := 24; i <= 39; i++ {
			mod3 <<= 1
			if i%3 != 0 {
				mod3 |= 1
			}
		}
		found := map[uint16]bool{}
		for _, h := range conds {
			found[h] = true
		}
		if !found[mod3] || !found[0xffff] {
			t.Errorf("%v: histories %016b, want %016b and all ones among them", xopts, conds, mod3)
		}
	}
	fresh := New(Options{})
	defer fresh.Close()
	if fresh.JumpProfiles(compileForTest(t, "pass")) != nil {
		t.Error("code that never ran has profiles")
	}
}
