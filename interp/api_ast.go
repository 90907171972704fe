package interp

import (
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

// The exported API for the _ast module (interp/modules/ast*.go): the
// hook through which compile() hands it the calls only it can serve
// (ast.parse's PyCF_ONLY_AST, compiling an AST object), and the few
// internals those need.

// ASTCompileHook, when set, sees every call of compile() first, with its
// arguments as the builtin received them. It returns handled false to
// leave the call to compile() itself (source text compiled to code),
// and otherwise the call's result. Package modules sets it at
// initialization; it is read without locking afterwards.
var ASTCompileHook func(in *Interp, args []Value, kwnames []Value) (r Value, handled bool, err error)

// compileHook lets ASTCompileHook serve a compile() call.
func (in *Interp) compileHook(args []Value, kwnames []Value) (Value, bool, error) {
	if ASTCompileHook == nil {
		return Value{}, false, nil
	}
	return ASTCompileHook(in, args, kwnames)
}

// SyntaxErrorFrom turns an error of the parser or the compiler (a
// *syntax.Error) into the Python exception CPython raises for it.
func (in *Interp) SyntaxErrorFrom(err error) error { return in.syntaxErrorFrom(err) }

// CompileMod compiles a syntax tree (as compile() does its parse) and
// returns the code object.
func (in *Interp) CompileMod(mod syntax.Mod, filename string, mode syntax.Mode, opts compile.Options) (Value, error) {
	code, err := compile.Compile(mod, filename, mode, opts)
	if err != nil {
		return Value{}, in.syntaxErrorFrom(err)
	}
	if err := in.issueCompileWarnings(code.Warnings); err != nil {
		return Value{}, err
	}
	return valueOf(codeOf(code)), nil
}

// NewComplex returns a new complex with the value c.
func (in *Interp) NewComplex(c complex128) (Value, error) { return in.newComplex(real(c), imag(c)) }

// ComplexValue returns the value of v when v is a complex (or an
// instance of a class derived from complex).
func ComplexValue(v Value) (c complex128, ok bool) {
	if !isComplex(v) {
		return 0, false
	}
	re, im := complexParts(v)
	return complex(re, im), true
}

// Ellipsis is the Ellipsis singleton (immortal).
var Ellipsis = ellipsisObject

// EmptyTuple is the immortal empty tuple, for class attributes made at
// package initialization.
var EmptyTuple = emptyTuple
