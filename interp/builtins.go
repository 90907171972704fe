package interp

import (
	"io"
)

// The builtins module: every interpreter gets its own namespace dict (so
// that a program can rebind a builtin without affecting its neighbours),
// holding the immortal builtin functions and types shared by all.

// builtinFuncs lists the builtin functions; the files that implement
// them add them from their init functions.
var builtinFuncs []Value

func init() {
	builtinFuncs = append(builtinFuncs, newBuiltin("repr", builtinRepr), newBuiltin("len", builtinLen))
}

// builtinTypeNames are the types other than exceptions that CPython's
// builtins namespace holds; the interpreter's other types (function,
// list_iterator, ...) are reachable only through type().
var builtinTypeNames = map[string]bool{
	"bool": true, "bytearray": true, "bytes": true, "classmethod": true, "complex": true,
	"dict": true, "enumerate": true, "filter": true, "float": true, "frozenset": true,
	"int": true, "list": true, "map": true, "memoryview": true, "object": true,
	"property": true, "range": true, "reversed": true, "set": true, "slice": true,
	"staticmethod": true, "str": true, "super": true, "tuple": true, "type": true, "zip": true,
}

// builtinObjects are the other immortal objects of the builtins
// namespace (exit, quit), by name.
var builtinObjects = map[string]Value{}

func init() { builtinFuncs = append(builtinFuncs, buildClassBuiltin) }

func (in *Interp) initBuiltins(opts Options) error {
	mods, err := in.NewDict()
	if err != nil {
		return err
	}
	in.modules = asObject[Dict](mods)
	// The namespace starts as a copy of the template every interpreter
	// shares (init_shared.go): the builtin functions, objects, types and
	// constants, all immortal.
	bm, err := in.newModuleFrom(builtinsTemplate())
	if err != nil {
		return err
	}
	in.builtinsModule = bm
	in.builtins = bm.Dict()
	if err := in.DictSet(in.modules, internName("builtins"), valueOf(bm)); err != nil {
		return err
	}
	in.stdout = opts.Stdout
	if in.stdout == nil {
		in.stdout = io.Discard
	}
	return in.initSys(opts)
}

func builtinRepr(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if len(args) != 1 || len(kwnames) > 0 {
		return Value{}, in.raise(typeErrorType, "repr() takes exactly one argument (%d given)", len(args))
	}
	return in.Repr(args[0])
}

func builtinLen(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if len(args) != 1 || len(kwnames) > 0 {
		return Value{}, in.raise(typeErrorType, "len() takes exactly one argument (%d given)", len(args))
	}
	n, err := in.Len(args[0])
	if err != nil {
		return Value{}, err
	}
	return Int(int64(n)), nil
}
