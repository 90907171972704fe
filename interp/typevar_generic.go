package interp

import (
	"github.com/parallel-py/parallel/interp/bytecode"
)

// typing.Generic, the _typing module, the __type_params__ of functions
// and classes, and the PEP 695 intrinsics the compiler emits for generic
// functions, classes and type statements (CALL_INTRINSIC_1/2).

// genericType is typing.Generic. Its instances are plain objects (its
// layout is object's), so that it combines with any other base.
var genericType = newBuiltinType("typing.Generic", objectType, TypeBaseType)

const genericDoc = `Abstract base class for generic types.

A generic type is declared with type parameters (class C[T]: ...), or
by inheriting from Generic[T, ...]; subscripting the class, C[int],
parameterizes it.`

func init() {
	t := genericType
	t.Qualname = "Generic"
	t.Module = "typing"
	t.layout = objectType
	t.attrs["__module__"] = internName("typing")
	t.attrs["__doc__"] = internName(genericDoc)
	// No other slot of object's is copied: a class's slots come from the
	// first type along its MRO that has them, and Generic must not hide
	// the other bases' dunders (class C(Generic[T], Base)). class.go and
	// gc_traverse.go have set these by now (Go runs a package's init
	// functions in file-name order).
	t.dealloc, t.traverse, t.clear = objectType.dealloc, objectType.traverse, objectType.clear
	// Generic's own instances would need object's slots (hash, compare)
	// on Generic itself, where classes would find them before their
	// other bases' dunders; nothing makes them but explicit calls.
	t.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		return Value{}, in.raise(notImplementedErrorType, "instances of typing.Generic itself are not implemented yet (instantiate a class derived from it)")
	}
	// Both call typing.py with the class first, then the arguments as
	// given, as CPython's C methods do.
	defClassMethod(t, "__class_getitem__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return in.typingCallKw("_generic_class_getitem", args, kwnames)
	})
	defClassMethod(t, "__init_subclass__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return in.typingCallKw("_generic_init_subclass", args, kwnames)
	})

	defGetSet(functionType, "__type_params__", func(in *Interp, v Value) (Value, error) {
		tp := asObject[Function](v).typeParams
		if tp.IsNil() {
			return emptyTuple, nil
		}
		incRef(tp)
		return tp, nil
	}, func(in *Interp, v, value Value) error {
		if value.IsNil() || (value.Type() != tupleType && !value.Type().IsSubtype(tupleType)) {
			return in.raise(typeErrorType, "__type_params__ must be set to a tuple")
		}
		f := asObject[Function](v)
		incRef(value)
		in.xdecRef(f.typeParams)
		f.typeParams = value
		return nil
	})

	// A class's __type_params__ lives in its namespace; other types have
	// none.
	defGetSet(typeType, "__type_params__", func(in *Interp, v Value) (Value, error) {
		t := (*Type)(v.p)
		if t.dict != nil {
			if tp, ok, err := in.DictGet(t.dict, internName("__type_params__")); err != nil || ok {
				if ok {
					incRef(tp)
				}
				return tp, err
			}
		}
		return emptyTuple, nil
	}, func(in *Interp, v, value Value) error {
		t := (*Type)(v.p)
		if t.dict == nil {
			return in.raise(typeErrorType, "cannot set '__type_params__' attribute of immutable type '%s'", t.Name)
		}
		if value.IsNil() {
			return in.raise(typeErrorType, "cannot delete '__type_params__' attribute of immutable type '%s'", t.Name)
		}
		if err := in.DictSet(t.dict, internName("__type_params__"), value); err != nil {
			return err
		}
		in.typeModified(t)
		return nil
	})

	idfunc := newBuiltin("_idfunc", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.oneArg("_typing._idfunc", args, kwnames); err != nil {
			return Value{}, err
		}
		incRef(args[0])
		return args[0], nil
	})
	registerModule("_typing", func(in *Interp, m *Module) error {
		for _, kv := range []struct {
			name string
			v    Value
		}{
			{"__doc__", internName("Accelerators for the typing module.\n")},
			{"TypeVar", valueOf(typeVarType)},
			{"ParamSpec", valueOf(paramSpecType)},
			{"TypeVarTuple", valueOf(typeVarTupleType)},
			{"ParamSpecArgs", valueOf(paramSpecArgsType)},
			{"ParamSpecKwargs", valueOf(paramSpecKwargsType)},
			{"TypeAliasType", valueOf(typeAliasType)},
			{"Generic", valueOf(genericType)},
			{"_idfunc", idfunc},
		} {
			if err := m.Set(in, kv.name, kv.v); err != nil {
				return err
			}
		}
		return nil
	})
}

// typingCallKw calls typing.<name>(*args, **kwargs) with a vectorcall's
// arguments.
func (in *Interp) typingCallKw(name string, args []Value, kwnames []Value) (Value, error) {
	fn, err := in.typingAttr(name)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(fn)
	return in.Call(fn, args, kwnames)
}

// typingIntrinsic1 runs the one-operand PEP 695 intrinsics.
func (in *Interp) typingIntrinsic1(which bytecode.Intrinsic1, v Value) (Value, error) {
	switch which {
	// Type parameters record no __module__ of their own.
	case bytecode.INTRINSIC_TYPEVAR:
		return in.newTypeVar(v, Value{}, Value{}, Value{}, Value{}, false, false, true, Value{})
	case bytecode.INTRINSIC_PARAMSPEC:
		return in.newParamSpec(v, Value{}, false, false, true, Value{})
	case bytecode.INTRINSIC_TYPEVARTUPLE:
		return in.newTypeVarTuple(v, Value{})
	case bytecode.INTRINSIC_SUBSCRIPT_GENERIC:
		// Generic[*params], built directly as typing does it.
		params, err := in.typingUnpackTypeVarTuples(v)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(params)
		return in.typingCall("_GenericAlias", valueOf(genericType), params)
	case bytecode.INTRINSIC_TYPEALIAS:
		// (name, type parameters or None, the value's function)
		items := asObject[Tuple](v).items
		tp := items[1]
		if tp.IsNone() {
			tp = Value{}
		}
		return in.newTypeAlias(items[0], tp, items[2], Value{}, Value{})
	}
	return Value{}, in.raise(systemErrorType, "intrinsic function %s is not a typing one", which)
}

// typingIntrinsic2 runs the two-operand PEP 695 intrinsics (v2 was
// below v1 on the stack).
func (in *Interp) typingIntrinsic2(which bytecode.Intrinsic2, v2, v1 Value) (Value, error) {
	switch which {
	case bytecode.INTRINSIC_TYPEVAR_WITH_BOUND:
		incRef(v1)
		return in.newTypeVar(v2, Value{}, v1, Value{}, Value{}, false, false, true, Value{})
	case bytecode.INTRINSIC_TYPEVAR_WITH_CONSTRAINTS:
		incRef(v1)
		return in.newTypeVar(v2, Value{}, Value{}, Value{}, v1, false, false, true, Value{})
	case bytecode.INTRINSIC_SET_FUNCTION_TYPE_PARAMS:
		fn := asObject[Function](v2)
		incRef(v1)
		in.xdecRef(fn.typeParams)
		fn.typeParams = v1
		incRef(v2)
		return v2, nil
	}
	return Value{}, in.raise(systemErrorType, "intrinsic function %s is not a typing one", which)
}
