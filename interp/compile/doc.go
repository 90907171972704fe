// Package compile implements the compiler's passes from syntax tree to
// code: symbol tables (symtable.go), then code generation, CPython 3.12's
// flowgraph optimizations and the assembler (compiler*.go), producing
// immutable Code templates (code.go) that many interpreters share.
//
// Compile covers all of Python 3.12, PEP 695 generics included (their
// code objects are checked against CPython's, table for table and
// position for position). Its instruction sequences and stack sizes are
// checked against CPython 3.12's dis on test functions, and every code
// object it makes for the standard library passes an independent
// stack-depth check.
//
// BuildSymbolTable walks a tree from interp/syntax and returns a
// SymbolTable: one Scope per module, class, function, lambda and
// comprehension (and per PEP 695 annotation scope), found by its defining
// node with SymbolTable.Lookup. Each Scope lists its symbols with their
// flags (assigned, used, parameter, imported, annotated, declared global
// or nonlocal, comprehension iteration variable) and resolved scope
// (LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL), its parameters in
// co_varnames order, and whether it is a generator or coroutine, takes
// *args or **kwargs, or (for classes) needs a __class__ or __classdict__
// cell. List, set and dict comprehensions are inlined into their
// enclosing scope as CPython 3.12 does (PEP 709): their Scope remains,
// marked CompInlined, and their names join the enclosing scope's.
//
// The tables are CPython 3.12.1's, flag for flag: the tests compare them
// with what CPython's symtable module reports for every file of the
// standard library, and the SyntaxErrors this pass raises carry CPython's
// messages and positions (offsets in UTF-8 bytes from 1, as CPython gives
// them for these errors; no text, which the caller fills from the source).
//
// Caveats: future imports are only looked at for "annotations" (their
// errors belong to the compiler proper); errors that CPython raises in the
// compiler rather than in the symbol table ('return' or 'yield' outside a
// function, 'await' outside an async function) are not raised here. There
// is no recursion limit of its own: the parser already bounds the depth of
// the tree.
//
// Package compile may import interp/syntax and interp/bytecode only. It
// must not import interp: it knows nothing of run-time objects, and the
// code templates it produces are immutable and shared by many
// interpreters.
package compile
