// Package bytecode holds the single source of truth about instructions: the
// opcode table (names, stack effects, inline cache sizes, specialized
// families and their micro-op decompositions), the fixed-width instruction
// encoding, and the disassembler.
//
// Every other table of instruction facts — in the compiler, the tier-1
// loop, the tier-2 optimizer — must be derived from this one (by code or by
// go generate), never kept by hand beside it. Package bytecode imports
// nothing of ours.
package bytecode
