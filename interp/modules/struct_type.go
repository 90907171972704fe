package modules

import (
	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The Struct type of _struct (a compiled format with the module's
// functions as methods) and unpack_iterator, what iter_unpack returns.

// structObject is a Struct: its compiled format (immutable Go data,
// replaced by __init__).
type structObject struct {
	alloc.Header
	f *structFormat
}

// unpackIterObject unpacks successive items of a buffer: s is the
// Struct, obj the buffer's exporter (dropped once exhausted), n the
// buffer's length when the iterator was made.
type unpackIterObject struct {
	alloc.Header
	alloc.GCLink
	s, obj   Value
	index, n int
}

var structType, unpackIterType *interp.Type

func init() {
	structType = interp.NewType[structObject](interp.TypeSpec{
		Name:         "Struct",
		Module:       "_struct",
		Doc:          "Struct(fmt) --> compiled struct object\n\n",
		Subclassable: true,
		New:          structNew,
		Init:         structInit,
	})
	unpackIterType = interp.NewType[unpackIterObject](interp.TypeSpec{
		Name:    "unpack_iterator",
		Module:  "_struct",
		Dealloc: unpackIterClear,
		Traverse: func(v Value, visit func(Value)) {
			it := interp.ObjectOf[unpackIterObject](v)
			visit(it.s)
			visit(it.obj)
		},
		Clear: unpackIterClear,
		Iter:  interp.SelfIter,
		Next:  unpackIterNext,
	})
	unpackIterType.AddMethod("__length_hint__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("unpack_iterator.__length_hint__", args, kwnames); err != nil {
			return Value{}, err
		}
		it := interp.ObjectOf[unpackIterObject](args[0])
		if it.obj.IsNil() || structOf(it.s).size <= 0 {
			return interp.Int(0), nil
		}
		return interp.Int(int64((it.n - it.index) / structOf(it.s).size)), nil
	})
	defStructMethods(structType)
	structTable.typ("Struct", structType)
}

func structOf(v Value) *structFormat { return interp.ObjectOf[structObject](v).f }

// structNew is Struct.__new__, which takes any arguments: __init__
// compiles the format.
func structNew(in *interp.Interp, t *interp.Type, args []Value, kwnames []Value) (Value, error) {
	o, err := interp.NewObject[structObject](in, t)
	if err != nil {
		return Value{}, err
	}
	o.f = structUninit
	return interp.ValueOf(o), nil
}

var structInitParams = interp.Params{Func: "Struct", Names: []string{"format"}, Required: 1}

// structInit is Struct.__init__(format).
func structInit(in *interp.Interp, self Value, args []Value, kwnames []Value) error {
	var format Value
	if err := in.Unpack(&structInitParams, args, kwnames, &format); err != nil {
		return err
	}
	s, ok, err := structFormatBytes(in, format)
	if err != nil {
		return err
	}
	if !ok {
		return in.Raise(interp.TypeError, "Struct() argument 1 must be a str or bytes object, not %s", format.Type().Name)
	}
	f, err := compileStructFormat(in, s)
	if err != nil {
		return err
	}
	interp.ObjectOf[structObject](self).f = f
	return nil
}

// newStructObject makes a Struct of a compiled format.
func newStructObject(in *interp.Interp, f *structFormat) (Value, error) {
	o, err := interp.NewObject[structObject](in, structType)
	if err != nil {
		return Value{}, err
	}
	o.f = f
	return interp.ValueOf(o), nil
}

func defStructMethods(t *interp.Type) {
	t.AddGetSet("format", func(in *interp.Interp, obj Value) (Value, error) {
		return in.NewStr(structOf(obj).format)
	}, nil)
	t.AddGetSet("size", func(in *interp.Interp, obj Value) (Value, error) {
		return interp.Int(int64(structOf(obj).size)), nil
	}, nil)
	t.AddMethod("pack", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.NoKeywords("Struct.pack", kwnames); err != nil {
			return Value{}, err
		}
		return structPackNew(in, structOf(args[0]), args[1:])
	})
	t.AddMethod("pack_into", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.NoKeywords("Struct.pack_into", kwnames); err != nil {
			return Value{}, err
		}
		return structPackInto(in, structOf(args[0]), args[1:])
	})
	t.AddMethod("unpack", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("Struct.unpack", args, kwnames); err != nil {
			return Value{}, err
		}
		return structUnpack(in, structOf(args[0]), args[1])
	})
	t.AddMethod("unpack_from", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		var buffer, offset Value
		if err := in.Unpack(&structUnpackFromParams, args[1:], kwnames, &buffer, &offset); err != nil {
			return Value{}, err
		}
		return structUnpackFrom(in, structOf(args[0]), buffer, offset)
	})
	t.AddMethod("iter_unpack", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("Struct.iter_unpack", args, kwnames); err != nil {
			return Value{}, err
		}
		return newUnpackIter(in, args[0], args[1])
	})
	t.AddMethod("__sizeof__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("Struct.__sizeof__", args, kwnames); err != nil {
			return Value{}, err
		}
		// CPython's struct and one 32-byte code per run, plus the end.
		return interp.Int(int64(56 + 32*(len(structOf(args[0]).codes)+1))), nil
	})
}

var structUnpackFromParams = interp.Params{Func: "unpack_from", Names: []string{"buffer", "offset"}, Required: 1}

// newUnpackIter is s.iter_unpack(buffer).
func newUnpackIter(in *interp.Interp, s, buffer Value) (Value, error) {
	f := structOf(s)
	if f.size == 0 {
		return Value{}, structError(in, "cannot iteratively unpack with a struct of length 0")
	}
	b, err := in.BufferSimple(buffer)
	if err != nil {
		return Value{}, err
	}
	if len(b)%f.size != 0 {
		return Value{}, structError(in, "iterative unpacking requires a buffer of a multiple of %d bytes", f.size)
	}
	it, err := interp.NewObject[unpackIterObject](in, unpackIterType)
	if err != nil {
		return Value{}, err
	}
	interp.IncRef(s)
	interp.IncRef(buffer)
	it.s, it.obj, it.n = s, buffer, len(b)
	return interp.ValueOf(it), nil
}

func unpackIterClear(in *interp.Interp, v Value) {
	it := interp.ObjectOf[unpackIterObject](v)
	in.ClearRef(&it.obj)
	in.ClearRef(&it.s)
}

func unpackIterNext(in *interp.Interp, v Value) (Value, bool, error) {
	it := interp.ObjectOf[unpackIterObject](v)
	if it.obj.IsNil() {
		return Value{}, false, nil
	}
	f := structOf(it.s)
	b, err := in.BufferSimple(it.obj)
	if err != nil {
		return Value{}, false, err
	}
	if it.index >= it.n || f.size <= 0 || it.index+f.size > len(b) {
		in.ClearRef(&it.obj)
		return Value{}, false, nil
	}
	r, err := f.unpack(in, b[it.index:it.index+f.size])
	if err != nil {
		return Value{}, false, err
	}
	it.index += f.size
	return r, true, nil
}
