package bytecode

import (
	"errors"
	"strings"
	"testing"
)

func mk(op Op, arg int) Instr {
	in, err := Make(op, arg)
	if err != nil {
		panic(err)
	}
	return in
}

func TestMake(t *testing.T) {
	for _, tc := range []struct {
		op   Op
		arg  int
		want string // error substring, "" for success
	}{
		{LOAD_FAST, 0, ""},
		{LOAD_CONST, MaxOparg, ""},
		{LOAD_CONST, MaxOparg + 1, "at most 16777216 constants"},
		{LOAD_GLOBAL, MaxOparg + 1, "names"},
		{STORE_FAST, 1 << 30, "local, cell and free variables"},
		{JUMP_FORWARD, 1 << 24, "instructions in a jump"},
		{BUILD_TUPLE, 1 << 24, "as an oparg"},
		{BUILD_TUPLE, -1, "negative oparg"},
		{SETUP_FINALLY, 0, "pseudo-instruction SETUP_FINALLY"},
		{Op(0), 0, "invalid opcode 0"},
		{Op(255), 0, "invalid opcode 255"},
	} {
		in, err := Make(tc.op, tc.arg)
		if tc.want == "" {
			if err != nil || in.Op() != tc.op || in.Oparg() != tc.arg {
				t.Errorf("Make(%v, %d) = %v (%v, %d), %v", tc.op, tc.arg, in, in.Op(), in.Oparg(), err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Make(%v, %d): error %v, want %q", tc.op, tc.arg, err, tc.want)
		}
	}
	var oe *OpargError
	if _, err := Make(LOAD_CONST, 1<<24); !errors.As(err, &oe) || oe.Oparg != 1<<24 {
		t.Errorf("want *OpargError, got %v", err)
	}
}

func TestInstrMethods(t *testing.T) {
	in := mk(BINARY_OP, int(NB_INPLACE_ADD))
	if s := in.String(); s != "BINARY_OP 13" {
		t.Errorf("String = %q", s)
	}
	if s := mk(POP_TOP, 0).String(); s != "POP_TOP" {
		t.Errorf("String = %q", s)
	}
	sp := in.WithOp(BINARY_OP_ADD_INT)
	if sp.Op() != BINARY_OP_ADD_INT || sp.Oparg() != 13 || sp.WithOp(sp.Op().Base()) != in {
		t.Errorf("WithOp: %v", sp)
	}
	if got := NameIndex(mk(LOAD_GLOBAL, 7<<1|1)); got != 7 {
		t.Errorf("NameIndex LOAD_GLOBAL = %d", got)
	}
	if got := NameIndex(mk(LOAD_SUPER_ATTR, 5<<2|3)); got != 5 {
		t.Errorf("NameIndex LOAD_SUPER_ATTR = %d", got)
	}
	if got := NameIndex(mk(LOAD_ATTR_MODULE, 4<<1)); got != 4 {
		t.Errorf("NameIndex LOAD_ATTR_MODULE = %d", got)
	}
}

func TestJumps(t *testing.T) {
	for _, tc := range []struct {
		op       Op
		from, to int
		arg      int
		ok       bool
	}{
		{JUMP_FORWARD, 3, 10, 6, true},
		{POP_JUMP_IF_FALSE, 3, 4, 0, true},
		{FOR_ITER, 2, 9, 6, true},
		{JUMP_BACKWARD, 10, 3, 8, true},
		{JUMP_BACKWARD_NO_INTERRUPT, 5, 5, 1, true},
		{JUMP_FORWARD, 10, 3, 0, false},
		{JUMP_BACKWARD, 3, 10, 0, false},
		{LOAD_FAST, 0, 1, 0, false},
	} {
		arg, err := JumpOparg(tc.op, tc.from, tc.to)
		if (err == nil) != tc.ok || arg != tc.arg {
			t.Errorf("JumpOparg(%v, %d, %d) = %d, %v", tc.op, tc.from, tc.to, arg, err)
			continue
		}
		if tc.ok {
			if got := mk(tc.op, arg).Target(tc.from); got != tc.to {
				t.Errorf("%v %d at %d: target %d, want %d", tc.op, arg, tc.from, got, tc.to)
			}
		}
	}
}

func TestLayoutCaches(t *testing.T) {
	code := []Instr{
		mk(RESUME, 0),       // 0 caches
		mk(LOAD_GLOBAL, 1),  // LOAD_GLOBAL's
		mk(LOAD_FAST, 0),    // 0
		mk(CALL, 1),         // CALL's
		mk(BINARY_OP, 0),    // BINARY_OP's
		mk(RETURN_VALUE, 0), // 0
	}
	offsets, size := LayoutCaches(code)
	g, c, b := LOAD_GLOBAL.CacheSize(), CALL.CacheSize(), BINARY_OP.CacheSize()
	want := []uint32{0, 0, uint32(g), uint32(g), uint32(g + c), uint32(g + c + b)}
	for pc := range code {
		if offsets[pc] != want[pc] {
			t.Errorf("offset of %d (%v) = %d, want %d", pc, code[pc], offsets[pc], want[pc])
		}
	}
	if size != g+c+b {
		t.Errorf("size %d, want %d", size, g+c+b)
	}
	// Specializing in place keeps the layout.
	code[3] = code[3].WithOp(CALL_PY_EXACT_ARGS)
	code[1] = code[1].WithOp(LOAD_GLOBAL_BUILTIN)
	if o2, s2 := LayoutCaches(code); s2 != size || o2[5] != offsets[5] {
		t.Error("specialization moved the caches")
	}
}

func TestValidate(t *testing.T) {
	lim := Limits{Consts: 1, Names: 2, LocalsPlus: 1}
	good := []Instr{mk(RESUME, 0), mk(LOAD_GLOBAL, 1<<1|1), mk(LOAD_FAST, 0), mk(POP_JUMP_IF_TRUE, 1),
		mk(LOAD_ATTR, 1<<1), mk(JUMP_BACKWARD, 4), mk(RETURN_CONST, 0)}
	if err := Validate(good, lim); err != nil {
		t.Fatalf("good code: %v", err)
	}
	for _, tc := range []struct {
		at   int
		in   Instr
		want string
	}{
		{0, 0, "invalid opcode"},
		{0, Instr(SETUP_FINALLY), "pseudo"},
		{0, Instr(POP_TOP) | 1<<8, "without one"},
		{6, mk(RETURN_CONST, 1), "constant index"},
		{2, mk(LOAD_FAST, 1), "variable index"},
		{1, mk(LOAD_GLOBAL, 2<<1), "name index"},
		{3, mk(POP_JUMP_IF_TRUE, 3), "jump target"},
		{5, mk(JUMP_BACKWARD, 7), "jump target"},
		{6, mk(POP_TOP, 0), "falls off"},
	} {
		code := append([]Instr(nil), good...)
		code[tc.at] = tc.in
		if err := Validate(code, lim); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v at %d: error %v, want %q", tc.in, tc.at, err, tc.want)
		}
	}
}
