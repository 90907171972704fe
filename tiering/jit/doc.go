// Package jit is the closure back end of tier 2. It compiles an optimized
// trace into Go closures: each micro-op has a stencil, a Go function
// compiled ahead of time with holes for its operands, and compiling a trace
// copies the stencils and patches the holes by binding them.
//
// No machine code is written at run time. Compiled traces must behave
// exactly like the micro-ops they replace, side exits included. Package jit
// may import tiering, interp and interp/bytecode; nothing in interp or
// tiering may import it.
package jit
