package bytecode

import (
	"fmt"
	"strconv"
)

// Instr is one instruction word: the opcode in the low 8 bits and the
// oparg in the high 24 bits. Code is a []Instr; there is no EXTENDED_ARG,
// so an oparg is limited to MaxOparg (see OpargError). Inline caches are not
// interleaved with the words, as in CPython, but live in a separate slice
// laid out by LayoutCaches.
type Instr uint32

const (
	// OpargBits is the width of an instruction's oparg.
	OpargBits = 24
	// MaxOparg is the largest oparg an Instr can hold.
	MaxOparg = 1<<OpargBits - 1
)

// Make encodes op with oparg. It fails with an *OpargError if oparg does
// not fit, and with an *EncodeError for an invalid or pseudo opcode.
func Make(op Op, oparg int) (Instr, error) {
	if !op.Valid() || op.Has(IsPseudo) {
		return 0, &EncodeError{Op: op}
	}
	if oparg < 0 || oparg > MaxOparg {
		return 0, &OpargError{Op: op, Oparg: oparg}
	}
	return Instr(op) | Instr(oparg)<<8, nil
}

// Op returns the instruction's opcode.
func (i Instr) Op() Op { return Op(i) }

// Oparg returns the instruction's oparg.
func (i Instr) Oparg() int { return int(i >> 8) }

// WithOp returns the instruction with its opcode replaced by op and its
// oparg kept: how the specializer rewrites an instruction in place.
func (i Instr) WithOp(op Op) Instr { return i&^0xFF | Instr(op) }

// String returns "NAME oparg", or just "NAME" for an opcode without arg.
func (i Instr) String() string {
	if !i.Op().Has(HasArg) && i.Oparg() == 0 {
		return i.Op().String()
	}
	return i.Op().String() + " " + strconv.Itoa(i.Oparg())
}

// Target returns the index of the instruction that i, found at index pc,
// jumps to. Jump opargs count instructions from the next one, forward, or
// backward for IsBackward opcodes (as in CPython 3.12, where they count
// code units). The result is meaningless unless i.Op().Has(HasJump).
func (i Instr) Target(pc int) int {
	if i.Op().Has(IsBackward) {
		return pc + 1 - i.Oparg()
	}
	return pc + 1 + i.Oparg()
}

// JumpOparg returns the oparg that makes the jump op at index from reach
// index to: to-from-1 for a forward jump, from+1-to for a backward one. It
// fails if the direction does not suit op or the distance does not fit.
func JumpOparg(op Op, from, to int) (int, error) {
	d := to - from - 1
	if op.Has(IsBackward) {
		d = -d
	}
	if d < 0 || !op.Has(HasJump) {
		return 0, fmt.Errorf("bytecode: %v at %d cannot jump to %d", op, from, to)
	}
	if d > MaxOparg {
		return 0, &OpargError{Op: op, Oparg: d}
	}
	return d, nil
}

// OpargError reports an oparg that does not fit the 24 bits of an Instr.
// The compiler reports it to the user as a SystemError naming the limit.
type OpargError struct {
	Op    Op
	Oparg int
}

func (e *OpargError) Error() string {
	var what string
	switch f := e.Op.Flags(); {
	case e.Oparg < 0:
		return fmt.Sprintf("bytecode: negative oparg %d for %v", e.Oparg, e.Op)
	case f&HasConst != 0:
		what = "constants"
	case f&HasName != 0:
		what = "names"
	case f&(HasLocal|HasFree) != 0:
		what = "local, cell and free variables"
	case f&HasJump != 0:
		what = "instructions in a jump"
	default:
		what = "as an oparg"
	}
	return fmt.Sprintf("bytecode: oparg %d of %v does not fit in %d bits (at most %d %s)",
		e.Oparg, e.Op, OpargBits, MaxOparg+1, what)
}

// EncodeError reports an attempt to encode an invalid or pseudo opcode.
type EncodeError struct {
	Op Op
}

func (e *EncodeError) Error() string {
	if e.Op.Valid() {
		return fmt.Sprintf("bytecode: pseudo-instruction %v cannot be encoded", e.Op)
	}
	return fmt.Sprintf("bytecode: invalid opcode %d", uint8(e.Op))
}

// LayoutCaches lays out the inline caches of code: offsets[pc] is the
// index in the code object's cache slice of instruction pc's first cache
// entry (meaningful only when its CacheSize is not zero) and size is the
// length of that slice. Run it once when the code object is built; the
// layout stays valid while instructions are specialized and deoptimized,
// since a whole family shares one cache size.
func LayoutCaches(code []Instr) (offsets []uint32, size int) {
	offsets = make([]uint32, len(code))
	for pc, in := range code {
		offsets[pc] = uint32(size)
		size += in.Op().CacheSize()
	}
	return offsets, size
}

// Limits are the sizes of the tables a code object's opargs index;
// Validate checks opargs against them.
type Limits struct {
	Consts, Names, LocalsPlus int
}

// Validate checks that code is well formed: valid non-pseudo opcodes, no
// oparg on opcodes without one, indexes within lim, jump targets inside
// the code, and a last instruction that does not fall off the end.
func Validate(code []Instr, lim Limits) error {
	for pc, in := range code {
		op, arg := in.Op(), in.Oparg()
		f := op.Flags()
		bad := func(why string) error {
			return fmt.Errorf("bytecode: instruction %d (%v): %s", pc, in, why)
		}
		switch {
		case !op.Valid():
			return bad("invalid opcode")
		case f&IsPseudo != 0:
			return bad("pseudo-instruction in code")
		case f&HasArg == 0 && arg != 0:
			return bad("oparg on an opcode without one")
		case f&HasConst != 0 && arg >= lim.Consts:
			return bad("constant index out of range")
		case f&(HasLocal|HasFree) != 0 && arg >= lim.LocalsPlus:
			return bad("variable index out of range")
		case f&HasName != 0 && NameIndex(in) >= lim.Names:
			return bad("name index out of range")
		case f&HasJump != 0:
			if t := in.Target(pc); t < 0 || t >= len(code) {
				return bad("jump target out of range")
			}
		}
	}
	if n := len(code); n > 0 && !code[n-1].Op().Has(IsTerminal) {
		return fmt.Errorf("bytecode: last instruction %v falls off the end", code[n-1])
	}
	return nil
}

// NameIndex returns the co_names index of a HasName instruction: its
// oparg without the flag bits LOAD_GLOBAL and LOAD_ATTR (one bit) and
// LOAD_SUPER_ATTR (two bits) keep at the bottom.
func NameIndex(in Instr) int {
	switch in.Op().Base() {
	case LOAD_GLOBAL, LOAD_ATTR:
		return in.Oparg() >> 1
	case LOAD_SUPER_ATTR:
		return in.Oparg() >> 2
	}
	return in.Oparg()
}
