package interp

import (
	"github.com/parallel-py/parallel/alloc"
)

// typing.ParamSpec (PEP 612) with its P.args and P.kwargs
// (ParamSpecArgs, ParamSpecKwargs), and typing.TypeVarTuple (PEP 646).

// paramSpecObject is a ParamSpec.
type paramSpecObject struct {
	alloc.Header
	alloc.GCLink
	name          Value // str
	bound         Value // nil: None
	covariant     bool
	contravariant bool
	inferVariance bool
	dict          Value // holds __module__
}

// paramSpecAttrObject is P.args or P.kwargs: the ParamSpec (or whatever
// was given to the constructor) it belongs to.
type paramSpecAttrObject struct {
	alloc.Header
	alloc.GCLink
	origin Value
}

// typeVarTupleObject is a TypeVarTuple.
type typeVarTupleObject struct {
	alloc.Header
	alloc.GCLink
	name Value // str
	dict Value // holds __module__
}

// The types of this file, made in init.
var paramSpecType, paramSpecArgsType, paramSpecKwargsType, typeVarTupleType *Type

func newParamSpecType() *Type {
	return NewType[paramSpecObject](TypeSpec{
		Name:      "ParamSpec",
		Module:    "typing",
		Doc:       paramSpecDoc,
		DictField: "dict",
		Construct: paramSpecConstruct,
		Repr: func(in *Interp, v Value) (Value, error) {
			p := asObject[paramSpecObject](v)
			return in.variancePrefixed(p.name, p.inferVariance, p.covariant, p.contravariant)
		},
		Dealloc: func(in *Interp, v Value) {
			p := asObject[paramSpecObject](v)
			in.clearField(&p.name)
			in.clearField(&p.bound)
		},
		Traverse: func(v Value, visit func(Value)) {
			p := asObject[paramSpecObject](v)
			visitSome(visit, p.name, p.bound)
		},
		Clear:  func(in *Interp, v Value) { in.clearField(&asObject[paramSpecObject](v).bound) },
		Number: &NumberSpec{Binary: map[BinaryOp]func(in *Interp, a, b Value) (Value, error){OpOr: typingMakeUnion}},
	})
}

const paramSpecDoc = `Parameter specification variable.

Create one with ParamSpec('P'), or with PEP 695 syntax (def f[**P]()).
P.args and P.kwargs stand for the positional and keyword arguments of a
callable whose parameters P captures.`

// newParamSpecAttrType makes ParamSpecArgs or ParamSpecKwargs, whose
// instances show as origin.args or origin.kwargs.
func newParamSpecAttrType(name, attr string) *Type {
	var t *Type
	fname := map[string]string{"args": "paramspecargs", "kwargs": "paramspeckwargs"}[attr]
	t = NewType[paramSpecAttrObject](TypeSpec{
		Name:   name,
		Module: "typing",
		Doc:    "The " + attr + " of a ParamSpec: P." + attr + ".",
		Construct: func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
			var origin Value
			if err := in.Unpack(&Params{Func: fname, Names: []string{"origin"}, Required: 1}, args, kwnames, &origin); err != nil {
				return Value{}, err
			}
			return in.newParamSpecAttr(t, origin)
		},
		Repr: func(in *Interp, v Value) (Value, error) {
			origin := asObject[paramSpecAttrObject](v).origin
			if origin.Type() == paramSpecType {
				return in.NewStr(asObject[paramSpecObject](origin).name.GoString() + "." + attr)
			}
			r, err := in.Repr(origin)
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(r)
			return in.NewStr(r.GoString() + "." + attr)
		},
		Compare: func(in *Interp, a, b Value, op CompareOp) (Value, error) {
			if b.Type() != a.Type() || (op != CmpEQ && op != CmpNE) {
				return NotImplemented, nil
			}
			return in.RichCompare(asObject[paramSpecAttrObject](a).origin, asObject[paramSpecAttrObject](b).origin, op)
		},
		Dealloc: func(in *Interp, v Value) { in.clearField(&asObject[paramSpecAttrObject](v).origin) },
		Traverse: func(v Value, visit func(Value)) {
			visitSome(visit, asObject[paramSpecAttrObject](v).origin)
		},
		Clear: func(in *Interp, v Value) { in.clearField(&asObject[paramSpecAttrObject](v).origin) },
	})
	typingReadonlyMember(t, "__origin__", func(v Value) Value { return asObject[paramSpecAttrObject](v).origin })
	defMethod(t, "__mro_entries__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.oneArg("__mro_entries__", args[1:], kwnames); err != nil {
			return Value{}, err
		}
		return Value{}, in.raise(typeErrorType, "Cannot subclass an instance of %s", name)
	})
	return t
}

// newParamSpecAttr makes a ParamSpecArgs or ParamSpecKwargs (t) of
// origin (borrowed).
func (in *Interp) newParamSpecAttr(t *Type, origin Value) (Value, error) {
	o, err := NewObject[paramSpecAttrObject](in, t)
	if err != nil {
		return Value{}, err
	}
	incRef(origin)
	o.origin = origin
	return valueOf(o), nil
}

func newTypeVarTupleType() *Type {
	return NewType[typeVarTupleObject](TypeSpec{
		Name:      "TypeVarTuple",
		Module:    "typing",
		Doc:       typeVarTupleDoc,
		DictField: "dict",
		Construct: func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
			var name Value
			if err := in.Unpack(&Params{Func: "typevartuple", Names: []string{"name"}, Required: 1}, args, kwnames, &name); err != nil {
				return Value{}, err
			}
			if err := in.typingNameArg("typevartuple", name); err != nil {
				return Value{}, err
			}
			module := in.typingCallerModule(in.frame)
			defer in.decRef(module)
			return in.newTypeVarTuple(name, module)
		},
		Repr: func(in *Interp, v Value) (Value, error) {
			n := asObject[typeVarTupleObject](v).name
			incRef(n)
			return n, nil
		},
		Iter: func(in *Interp, v Value) (Value, error) {
			// *Ts is Unpack[Ts].
			u, err := in.typingUnpack(v)
			if err != nil {
				return Value{}, err
			}
			tup, err := in.NewTuple(u)
			in.decRef(u)
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(tup)
			return in.getIter(tup)
		},
		Dealloc:  func(in *Interp, v Value) { in.clearField(&asObject[typeVarTupleObject](v).name) },
		Traverse: func(v Value, visit func(Value)) { visitSome(visit, asObject[typeVarTupleObject](v).name) },
	})
}

const typeVarTupleDoc = `Type variable tuple: a variable standing for any number of types.

Create one with TypeVarTuple('Ts'), or with PEP 695 syntax (class C[*Ts]),
and use it unpacked: *Ts, or Unpack[Ts].`

// newTypeVarTuple makes a TypeVarTuple (name and module borrowed).
func (in *Interp) newTypeVarTuple(name, module Value) (Value, error) {
	o, err := NewObject[typeVarTupleObject](in, typeVarTupleType)
	if err != nil {
		return Value{}, err
	}
	incRef(name)
	o.name = name
	v := valueOf(o)
	if err := in.typingSetModule(v, &o.dict, module); err != nil {
		in.decRef(v)
		return Value{}, err
	}
	return v, nil
}

// paramSpecConstruct is ParamSpec(name, *, bound=None, covariant=False,
// contravariant=False, infer_variance=False).
func paramSpecConstruct(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	var name, bound, co, contra, infer Value
	p := &Params{Func: "paramspec", Names: []string{"name", "bound", "covariant", "contravariant", "infer_variance"}, KwOnly: 4, Required: 1}
	if err := in.Unpack(p, args, kwnames, &name, &bound, &co, &contra, &infer); err != nil {
		return Value{}, err
	}
	if err := in.typingNameArg("paramspec", name); err != nil {
		return Value{}, err
	}
	covariant, contravariant, inferVariance, err := in.typingVariance(co, contra, infer)
	if err != nil {
		return Value{}, err
	}
	var checked Value
	if !bound.IsNil() && !bound.IsNone() {
		if checked, err = in.typingTypeCheck(bound, "Bound must be a type."); err != nil {
			return Value{}, err
		}
	}
	module := in.typingCallerModule(in.frame)
	defer in.decRef(module)
	return in.newParamSpec(name, checked, covariant, contravariant, inferVariance, module)
}

// newParamSpec makes a ParamSpec; it takes over bound (may be nil) and
// borrows name and module.
func (in *Interp) newParamSpec(name, bound Value, covariant, contravariant, inferVariance bool, module Value) (Value, error) {
	o, err := NewObject[paramSpecObject](in, paramSpecType)
	if err != nil {
		in.xdecRef(bound)
		return Value{}, err
	}
	incRef(name)
	o.name, o.bound = name, bound
	o.covariant, o.contravariant, o.inferVariance = covariant, contravariant, inferVariance
	v := valueOf(o)
	if err := in.typingSetModule(v, &o.dict, module); err != nil {
		in.decRef(v)
		return Value{}, err
	}
	return v, nil
}

func init() {
	paramSpecType = newParamSpecType()
	paramSpecArgsType = newParamSpecAttrType("ParamSpecArgs", "args")
	paramSpecKwargsType = newParamSpecAttrType("ParamSpecKwargs", "kwargs")
	typeVarTupleType = newTypeVarTupleType()
	t := paramSpecType
	delete(t.attrs, "__dict__")
	typingReadonlyMember(t, "__name__", func(v Value) Value { return asObject[paramSpecObject](v).name })
	typingReadonlyMember(t, "__bound__", func(v Value) Value { return asObject[paramSpecObject](v).bound })
	typingReadonlyFlag(t, "__covariant__", func(v Value) bool { return asObject[paramSpecObject](v).covariant })
	typingReadonlyFlag(t, "__contravariant__", func(v Value) bool { return asObject[paramSpecObject](v).contravariant })
	typingReadonlyFlag(t, "__infer_variance__", func(v Value) bool { return asObject[paramSpecObject](v).inferVariance })
	defGetSet(t, "args", func(in *Interp, v Value) (Value, error) {
		return in.newParamSpecAttr(paramSpecArgsType, v)
	}, nil)
	defGetSet(t, "kwargs", func(in *Interp, v Value) (Value, error) {
		return in.newParamSpecAttr(paramSpecKwargsType, v)
	}, nil)
	defMethod(t, "__typing_subst__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.oneArg("__typing_subst__", args[1:], kwnames); err != nil {
			return Value{}, err
		}
		return in.typingCall("_paramspec_subst", args[0], args[1])
	})
	defMethod(t, "__typing_prepare_subst__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.typingTwoArgs("__typing_prepare_subst__", args, kwnames); err != nil {
			return Value{}, err
		}
		return in.typingCall("_paramspec_prepare_subst", args[0], args[1], args[2])
	})
	typingCommonMethods(t, "ParamSpec", func(v Value) Value { return asObject[paramSpecObject](v).name })

	t = typeVarTupleType
	delete(t.attrs, "__dict__")
	typingReadonlyMember(t, "__name__", func(v Value) Value { return asObject[typeVarTupleObject](v).name })
	defMethod(t, "__typing_subst__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.oneArg("__typing_subst__", args[1:], kwnames); err != nil {
			return Value{}, err
		}
		return Value{}, in.raise(typeErrorType, "Substitution of bare TypeVarTuple is not supported")
	})
	defMethod(t, "__typing_prepare_subst__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.typingTwoArgs("__typing_prepare_subst__", args, kwnames); err != nil {
			return Value{}, err
		}
		return in.typingCall("_typevartuple_prepare_subst", args[0], args[1], args[2])
	})
	typingCommonMethods(t, "TypeVarTuple", func(v Value) Value { return asObject[typeVarTupleObject](v).name })
}

// typingTwoArgs checks a method taking exactly two positional arguments
// besides self (alias and args, for __typing_prepare_subst__).
func (in *Interp) typingTwoArgs(fname string, args []Value, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "%s() takes no keyword arguments", fname)
	}
	if n := len(args) - 1; n != 2 {
		return in.raise(typeErrorType, "%s expected 2 arguments, got %d", fname, n)
	}
	return nil
}
