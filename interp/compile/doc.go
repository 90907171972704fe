// Package compile turns a syntax tree into code: it builds symbol tables
// (scopes, free and cell variables), compiles each scope to tier-1 bytecode
// with its constants, names, line table and exception table, and produces
// immutable code templates that many interpreters can share.
//
// A template is never mutated once built; each interpreter specializes its
// own adaptive copy. Package compile may import interp/syntax and
// interp/bytecode only. It must not import interp: it knows nothing of
// run-time objects, and its constants are plain Go values until an
// interpreter materializes them.
package compile
