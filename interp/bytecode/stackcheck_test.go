package bytecode

import (
	"strings"
	"testing"
)

func TestCheckStack(t *testing.T) {
	// a, b: LOAD_CONST 0; LOAD_CONST 0; BINARY_OP 0; RETURN_VALUE needs 2.
	straight := func(t *testing.T) []Instr {
		return []Instr{mk(LOAD_CONST, 0), mk(LOAD_CONST, 0), mk(BINARY_OP, 0), mk(RETURN_VALUE, 0)}
	}
	// A branch whose two paths meet with different depths.
	uneven := func(t *testing.T) []Instr {
		return []Instr{
			mk(LOAD_CONST, 0),
			mk(POP_JUMP_IF_FALSE, 1), // to 3 with depth 0
			mk(LOAD_CONST, 0),        // depth 0 -> 1, falls into 3
			mk(RETURN_CONST, 0),
		}
	}
	// A handler at 2 that only an exception reaches.
	guarded := func(t *testing.T) []Instr {
		return []Instr{mk(LOAD_CONST, 0), mk(RETURN_VALUE, 0), mk(POP_TOP, 0), mk(RETURN_CONST, 0)}
	}
	tests := []struct {
		name     string
		code     func(t *testing.T) []Instr
		handlers []ExceptionEntry
		start    int
		size     int
		want     string // "" for success, else a piece of the error
	}{
		{"fits", straight, nil, 0, 2, ""},
		{"one short", straight, nil, 0, 1, "needs 2 stack slots, the code claims 1"},
		{"generator start", straight, nil, 1, 3, ""},
		{"generator start one short", straight, nil, 1, 2, "needs 3"},
		{"start above size", straight, nil, 3, 2, "entry depth 3"},
		{"underflow", func(t *testing.T) []Instr { return []Instr{mk(POP_TOP, 0), mk(RETURN_CONST, 0)} }, nil, 0, 4, "pops below the bottom"},
		{"uneven merge", uneven, nil, 0, 4, "reached with stack depths"},
		{"handler fits", straight, []ExceptionEntry{{Start: 1, End: 3, Target: 3, Depth: 0}}, 0, 2, ""},
		{"handler with lasti needs 3", straight, []ExceptionEntry{{Start: 1, End: 3, Target: 3, Depth: 1, Lasti: true}}, 0, 2, "needs 3"},
		{"handler only reached by exceptions", guarded, []ExceptionEntry{{Start: 0, End: 1, Target: 2, Depth: 0}}, 0, 1, ""},
		{"handler keeps too much", guarded, []ExceptionEntry{{Start: 0, End: 1, Target: 2, Depth: 1}}, 0, 4, "keeps 1 values but instruction 0 has only 0"},
		{"handler target past the end", straight, []ExceptionEntry{{Start: 0, End: 1, Target: 4}}, 0, 4, "outside the code"},
		{"handler range past the end", straight, []ExceptionEntry{{Start: 0, End: 5, Target: 3}}, 0, 4, "outside the code"},
		{"unreached handler still checked", func(t *testing.T) []Instr {
			return []Instr{mk(RETURN_CONST, 0), mk(POP_TOP, 0), mk(RETURN_CONST, 0)}
		}, []ExceptionEntry{{Start: 1, End: 2, Target: 0, Depth: 5}}, 0, 1, "needs 6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := tt.code(t)
			if err := Validate(code, Limits{Consts: 1}); err != nil {
				t.Fatalf("test code invalid: %v", err)
			}
			err := CheckStack(code, tt.handlers, tt.start, tt.size)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("error %v", err)
			case tt.want != "" && err == nil:
				t.Errorf("no error, want one with %q", tt.want)
			case tt.want != "" && !strings.Contains(err.Error(), tt.want):
				t.Errorf("error %v, want one with %q", err, tt.want)
			}
		})
	}
}

// TestFixedEffects checks the generated table of oparg-free effects
// against the stack-effect function, for every op and a spread of opargs.
func TestFixedEffects(t *testing.T) {
	n := 0
	for _, op := range Ops() {
		fx := stackShapes[op]
		if !fx.fixed {
			continue
		}
		if simple := !op.Has(HasJump) && !op.Has(IsTerminal); simple != fx.simple {
			t.Errorf("%v: simple %v in the table", op, fx.simple)
		}
		n++
		for _, arg := range []int{0, 1, 2, 3, 7, 255, 1 << 20} {
			pop, push := effect(op, arg, false)
			jpop, jpush := effect(op, arg, true)
			if [4]int{pop, push, jpop, jpush} != [4]int{int(fx.pop), int(fx.push), int(fx.jpop), int(fx.jpush)} {
				t.Errorf("%v oparg %d: table %+v, effect (%d, %d) jump (%d, %d)", op, arg, fx, pop, push, jpop, jpush)
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d ops with a fixed effect", n)
	}
}
