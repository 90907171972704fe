package bytecode

//go:generate go run gen.go

import "strconv"

// Op is an instruction's opcode. The valid opcodes are the constants
// generated from opcodes.def (1 through numOps-1); Op 0 is never valid, so
// a zeroed instruction word is caught rather than executed.
type Op uint8

// Flags describe an opcode's oparg and control flow.
type Flags uint16

const (
	HasArg     Flags = 1 << iota // the oparg means something (else it is 0)
	HasConst                     // oparg indexes the constants
	HasName                      // oparg (shifted for LOAD_GLOBAL, LOAD_ATTR, LOAD_SUPER_ATTR) indexes the names
	HasLocal                     // oparg indexes the fast locals
	HasFree                      // oparg indexes localsplus: a cell or free variable
	HasJump                      // oparg is a jump distance in instructions (see Target)
	IsBackward                   // the jump goes backward
	IsBranch                     // conditional: both the next instruction and the jump target may follow
	IsTerminal                   // control never falls through to the next instruction
	HasHandler                   // the compiler-side target is an exception handler (SETUP_*): becomes an exception-table entry
	IsPseudo                     // compiler-only: never appears in a code object
)

// info is the table row for one opcode; opcodes_gen.go fills the table.
type info struct {
	name      string
	flags     Flags
	cache     uint8
	base      Op     // the family head (the op itself unless specialized)
	stack     string // stack picture, as in opcodes.def
	jumpStack string // stack picture of the jump edge when it differs
	specs     []Op   // specializations of a family head
}

// row returns op's table row, or the empty row 0 for an invalid op.
func row(op Op) *info {
	if int(op) >= numOps {
		op = 0
	}
	return &table[op]
}

// b2i is used by the generated stack-effect expressions.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Valid reports whether op is an opcode of the table.
func (op Op) Valid() bool { return op != 0 && int(op) < numOps }

// String returns op's name, as CPython spells it ("BINARY_OP"), or
// "<n>" for an invalid opcode as dis does.
func (op Op) String() string {
	if !op.Valid() {
		return "<" + strconv.Itoa(int(op)) + ">"
	}
	return table[op].name
}

// Flags returns op's flags (zero for an invalid opcode).
func (op Op) Flags() Flags { return row(op).flags }

// Has reports whether op has all the flags f.
func (op Op) Has(f Flags) bool { return op.Flags()&f == f }

// CacheSize returns the number of inline cache entries that follow op in
// its code object's cache slice. Every member of a family has the same size,
// so specializing an instruction in place never moves any cache.
func (op Op) CacheSize() int { return int(row(op).cache) }

// Base returns the head of op's family: the adaptive instruction that a
// specialized form deoptimizes to (CPython's _PyOpcode_Deopt). Every other
// opcode is its own base.
func (op Op) Base() Op {
	if !op.Valid() {
		return op
	}
	return table[op].base
}

// IsSpecialized reports whether op is a specialized form of another opcode.
func (op Op) IsSpecialized() bool { return op.Base() != op }

// IsAdaptive reports whether op heads a family of specializations that
// it rewrites itself to at run time, counting down to its next attempt in
// cache entry 0. A family without caches (the superinstructions of
// LOAD_FAST, LOAD_CONST and STORE_FAST) is rewritten once, when the code
// is quickened, and is not adaptive.
func (op Op) IsAdaptive() bool { r := row(op); return len(r.specs) > 0 && r.cache > 0 }

// Specializations returns the specialized forms of a family head, in
// opcodes.def order, or nil. The slice is a fresh copy.
func (op Op) Specializations() []Op {
	return append([]Op(nil), row(op).specs...)
}

// StackPicture returns op's stack picture, e.g. "(lhs, rhs -- res)", and
// the picture of its jump edge when that differs (else "").
func (op Op) StackPicture() (fallthrough_, jump string) {
	in := row(op)
	return in.stack, in.jumpStack
}

// Effect returns how many values op pops and then pushes for the given
// oparg: on its fallthrough edge, or on its jump edge when jump is true.
// Values an instruction only peeks at below the ones it consumes count as
// popped and pushed back (see the unused[...] items of the pictures).
func (op Op) Effect(oparg int, jump bool) (pop, push int) {
	if !op.Valid() {
		return 0, 0
	}
	return effect(op, oparg, jump)
}

// StackEffect returns the net change in stack depth, like CPython's
// dis.stack_effect(op, oparg, jump=jump).
func (op Op) StackEffect(oparg int, jump bool) int {
	pop, push := op.Effect(oparg, jump)
	return push - pop
}

// MaxStackEffect returns the larger net effect of the two edges, like
// dis.stack_effect(op, oparg) with jump=None.
func (op Op) MaxStackEffect(oparg int) int {
	return max(op.StackEffect(oparg, false), op.StackEffect(oparg, true))
}

// Lookup returns the opcode named name, or false.
func Lookup(name string) (Op, bool) {
	op, ok := byName[name]
	return op, ok
}

// Ops returns every valid opcode in numbering order.
func Ops() []Op {
	ops := make([]Op, 0, numOps-1)
	for op := Op(1); int(op) < numOps; op++ {
		ops = append(ops, op)
	}
	return ops
}

var byName = func() map[string]Op {
	m := make(map[string]Op, numOps)
	for op := Op(1); int(op) < numOps; op++ {
		m[table[op].name] = op
	}
	return m
}()

// CompareOparg returns COMPARE_OP's oparg for cmp: cmp<<4 plus CPython
// 3.12's comparison mask (1 unordered, 2 less, 4 greater, 8 equal), which a
// following conditional jump may use when fused by the specializer.
func CompareOparg(cmp CompareOp) int {
	const unordered, less, greater, equal = 1, 2, 4, 8
	masks := [...]int{
		CMP_LT: less,
		CMP_LE: less | equal,
		CMP_EQ: equal,
		CMP_NE: unordered | less | greater,
		CMP_GT: greater,
		CMP_GE: greater | equal,
	}
	if int(cmp) >= len(masks) {
		return int(cmp) << 4
	}
	return int(cmp)<<4 | masks[cmp]
}
