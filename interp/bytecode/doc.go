// Package bytecode implements the instruction set of the tier-1
// interpreter: the opcode table (names, flags, stack effects, inline cache
// sizes, specialized families), the fixed-width instruction encoding, the
// position and exception tables of code objects, and a disassembler whose
// output matches CPython 3.12's dis.
//
// It is the one source of truth for these facts. They are written once, in
// opcodes.def, and `go generate` derives opcodes_gen.go from it; every other
// table of instruction facts — in the compiler, the eval loop, the
// specializer, tier 2 — must be computed from this package (at run time or
// by its own go generate step), never kept by hand beside it.
//
// Package bytecode imports nothing of ours and knows nothing of values,
// objects or frames: constants reach the disassembler as already-formatted
// repr strings. It runs no code and never panics on bad input; corrupt
// tables and out-of-range opargs are reported as errors.
//
// # Instructions
//
// An Instr is a 32-bit word: the Op in the low 8 bits, the oparg in the
// high 24 (MaxOparg); there is no EXTENDED_ARG. Jump opargs count
// instructions from the next one, forward, or backward for the IsBackward
// opcodes (Instr.Target, JumpOparg). Inline caches are not interleaved with
// the code as in CPython: each code object has a separate cache slice, and
// LayoutCaches gives each instruction's offset in it once, when the code
// object is built. A whole family has one cache size, so rewriting an
// instruction in place (Instr.WithOp) never moves a cache. A cache entry is
// one slot whose Go type the interpreter picks (interp's is a pointer word
// and a 64-bit word, so that cached objects stay visible to Go's GC). The layout choice and
// its measurements are in docs/design/bytecode.md.
//
// Opcodes are numbered densely in opcodes.def order from 1 (a zero word is
// invalid), pseudo-instructions last. Numbers are not CPython's and change
// when the table changes: anything persisted (cached code templates) must
// be keyed by TableHash.
//
// # How the table is consumed
//
// The compiler (interp/compile) emits pseudo-instructions (IsPseudo, e.g.
// SETUP_FINALLY, JUMP, LOAD_METHOD) in its own instruction form and lowers
// them during assembly; it encodes with Make and JumpOparg (reporting an
// *OpargError as the limit it is), computes stack depth with Op.Effect /
// Op.StackEffect on both edges of IsBranch instructions (HasHandler targets
// get the jump edge's effect), reads operand kinds from Flags (HasConst,
// HasName, HasLocal, HasFree), knows block ends from IsTerminal, and builds
// the code object's tables with EncodePositions and EncodeExceptionTable.
// Validate checks the result (and templates loaded from disk).
//
// The tier-1 eval loop dispatches on Instr.Op with one switch case per
// non-pseudo Op, specialized ones included (its tests should walk Ops() to
// prove none is missing), finds an instruction's caches at the offset from
// LayoutCaches, looks handlers up with FindHandler and traceback positions
// with PositionAt.
//
// The specializer (PEP 659) treats every IsAdaptive op as a family head:
// entry 0 of its cache is the backoff counter; on warm-up it picks one of
// Op.Specializations and rewrites the word with Instr.WithOp, and a failed
// guard rewrites it back to Op.Base. Every specialized op has its base's
// flags, cache size and stack effect (TestFamilies), so the rewrite is
// invisible to everything but the loop.
//
// Tier 2 projects traces over the specialized code: IsBranch and
// IsTerminal give the control flow, the cache of JUMP_BACKWARD holds its
// hotness counter and each POP_JUMP_IF_* cache its taken/not-taken history,
// and the stack pictures (Op.StackPicture, Op.Effect) drive the abstract
// interpreter. The micro-op decompositions of each instruction will be
// added to opcodes.def (as uop and macro lines) so that the micro-op table
// is generated from the same file.
package bytecode
