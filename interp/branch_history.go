package interp

import (
	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/compile"
)

// Tier 2 will project traces from the specialized instructions, their
// inline caches and the paths the code took. Tier 1 keeps what it needs
// in the caches the opcode table lays out:
//
//   - each conditional jump (POP_JUMP_IF_*) shifts one bit per execution
//     into a 16-bit history, 1 for taken, newest in bit 0, as CPython
//     3.13's branch caches do, so that a projector can follow the likely
//     side and guard the other;
//   - each JUMP_BACKWARD counts its executions: the loop's hotness, which
//     decides when a trace is worth projecting.
//
// Both are per interpreter, like the rest of the quickened code.

// branchHistoryBits is how many past outcomes a conditional jump keeps.
const branchHistoryBits = 16

// recordBranch shifts the outcome of the conditional jump at pc into its
// history. The entry comes through cacheAt without bounds checks (pc is
// in range, and a conditional jump has a cache): through offsets and
// caches, the address alone was ten instructions a branch.
func recordBranch(ac *adaptiveCode, pc int, taken bool) {
	c := cacheAtPC(ac.cacheAt, pc)
	bit := uint64(0)
	if taken {
		bit = 1
	}
	c.n = (c.n<<1 | bit) & (1<<branchHistoryBits - 1)
}

// JumpProfile is what tier 1 recorded at one jump of a code object.
type JumpProfile struct {
	// Offset is the instruction's index (dis shows twice this).
	Offset int
	Op     bytecode.Op
	// History holds a conditional jump's last outcomes, newest in bit 0
	// (1: taken); Count is a backward jump's executions.
	History uint16
	Count   uint64
}

// JumpProfiles returns the branch histories and loop counts this
// interpreter recorded for t's jumps, in instruction order; nil when t
// never ran here. Call it holding the GIL.
func (in *Interp) JumpProfiles(t *compile.Code) []JumpProfile {
	c, ok := codes.Load(t)
	if !ok {
		return nil
	}
	i := int(c.index)
	if i >= len(in.spec.codes) || in.spec.codes[i] == nil {
		return nil
	}
	ac := in.spec.codes[i]
	var out []JumpProfile
	for pc, instr := range ac.instrs {
		switch op := instr.Op(); op {
		case bytecode.POP_JUMP_IF_FALSE, bytecode.POP_JUMP_IF_TRUE, bytecode.POP_JUMP_IF_NONE, bytecode.POP_JUMP_IF_NOT_NONE:
			out = append(out, JumpProfile{Offset: pc, Op: op, History: uint16(ac.caches[ac.offsets[pc]].n)})
		case bytecode.JUMP_BACKWARD:
			out = append(out, JumpProfile{Offset: pc, Op: op, Count: ac.caches[ac.offsets[pc]].n})
		}
	}
	return out
}
