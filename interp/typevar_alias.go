package interp

import (
	"github.com/parallel-py/parallel/alloc"
)

// typing.TypeAliasType: what the PEP 695 type statement makes (type X =
// value), or TypeAliasType(name, value, type_params=...) directly. The
// statement's value is computed lazily, on the first __value__.

// typeAliasObject is a TypeAliasType.
type typeAliasObject struct {
	alloc.Header
	alloc.GCLink
	name         Value // str
	typeParams   Value // tuple, or nil: none given
	computeValue Value // the type statement's function, or nil
	value        Value // nil until computed
	module       Value // nil: the compute function's __module__
}

// typeAliasType is typing.TypeAliasType, made in init.
var typeAliasType *Type

func newTypeAliasType() *Type {
	return NewType[typeAliasObject](TypeSpec{
		Name:      "TypeAliasType",
		Module:    "typing",
		Doc:       typeAliasDoc,
		Construct: typeAliasConstruct,
		Repr: func(in *Interp, v Value) (Value, error) {
			n := asObject[typeAliasObject](v).name
			incRef(n)
			return n, nil
		},
		GetItem: func(in *Interp, v, key Value) (Value, error) {
			if asObject[typeAliasObject](v).typeParams.IsNil() {
				return Value{}, in.raise(typeErrorType, "Only generic type aliases are subscriptable")
			}
			return in.newGenericAlias(genericAliasType, v, key)
		},
		Dealloc: func(in *Interp, v Value) {
			a := asObject[typeAliasObject](v)
			for _, p := range []*Value{&a.name, &a.typeParams, &a.computeValue, &a.value, &a.module} {
				in.clearField(p)
			}
		},
		Traverse: func(v Value, visit func(Value)) {
			a := asObject[typeAliasObject](v)
			visitSome(visit, a.name, a.typeParams, a.computeValue, a.value, a.module)
		},
		Clear: func(in *Interp, v Value) {
			a := asObject[typeAliasObject](v)
			for _, p := range []*Value{&a.typeParams, &a.computeValue, &a.value, &a.module} {
				in.clearField(p)
			}
		},
		Number: &NumberSpec{Binary: map[BinaryOp]func(in *Interp, a, b Value) (Value, error){OpOr: typeAliasOr}},
	})
}

const typeAliasDoc = `Type alias.

The type statement makes one (type Alias = int | str, or with type
parameters, type ListOrSet[T] = list[T] | set[T]); so does
TypeAliasType(name, value, *, type_params=()). The value is computed on
first use and kept in __value__.`

// typeAliasConstruct is TypeAliasType(name, value, *, type_params=()).
func typeAliasConstruct(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	var name, value, typeParams Value
	p := &Params{Func: "typealias", Names: []string{"name", "value", "type_params"}, KwOnly: 1, Required: 2}
	if err := in.Unpack(p, args, kwnames, &name, &value, &typeParams); err != nil {
		return Value{}, err
	}
	if err := in.typingNameArg("typealias", name); err != nil {
		return Value{}, err
	}
	if !typeParams.IsNil() && typeParams.Type() != tupleType && !typeParams.Type().IsSubtype(tupleType) {
		return Value{}, in.raise(typeErrorType, "type_params must be a tuple")
	}
	module := in.typingCallerModule(in.frame)
	defer in.decRef(module)
	return in.newTypeAlias(name, typeParams, Value{}, value, module)
}

// newTypeAlias makes a TypeAliasType; every argument is borrowed, and
// typeParams, computeValue, value and module may be nil.
func (in *Interp) newTypeAlias(name, typeParams, computeValue, value, module Value) (Value, error) {
	a, err := NewObject[typeAliasObject](in, typeAliasType)
	if err != nil {
		return Value{}, err
	}
	for _, x := range []Value{name, typeParams, computeValue, value, module} {
		if !x.IsNil() {
			incRef(x)
		}
	}
	a.name, a.typeParams, a.computeValue, a.value, a.module = name, typeParams, computeValue, value, module
	return valueOf(a), nil
}

// typeAliasOr is A | B with a type alias: a types.UnionType, when both
// sides could be members of one.
func typeAliasOr(in *Interp, a, b Value) (Value, error) {
	ok := func(v Value) bool { return unionable(v) || v.Type() == typeAliasType }
	if !ok(a) || !ok(b) {
		return NotImplemented, nil
	}
	return in.makeUnion(a, b)
}

// typingUnpackTypeVarTuples replaces each TypeVarTuple of params (a
// tuple) by its unpacked form, Unpack[Ts]; a new reference.
func (in *Interp) typingUnpackTypeVarTuples(params Value) (Value, error) {
	items := asObject[Tuple](params).items
	found := false
	for _, p := range items {
		if p.Type() == typeVarTupleType {
			found = true
			break
		}
	}
	if !found {
		incRef(params)
		return params, nil
	}
	out := make([]Value, len(items))
	defer func() {
		for _, v := range out {
			in.xdecRef(v)
		}
	}()
	for i, p := range items {
		if p.Type() != typeVarTupleType {
			incRef(p)
			out[i] = p
			continue
		}
		u, err := in.typingUnpack(p)
		if err != nil {
			return Value{}, err
		}
		out[i] = u
	}
	return in.NewTuple(out...)
}

func init() {
	typeAliasType = newTypeAliasType()
	t := typeAliasType
	typingReadonlyMember(t, "__name__", func(v Value) Value { return asObject[typeAliasObject](v).name })
	defGetSet(t, "__value__", func(in *Interp, v Value) (Value, error) {
		a := asObject[typeAliasObject](v)
		return in.typingLazy(&a.value, a.computeValue, None)
	}, nil)
	defGetSet(t, "__type_params__", func(in *Interp, v Value) (Value, error) {
		tp := asObject[typeAliasObject](v).typeParams
		if tp.IsNil() {
			return emptyTuple, nil
		}
		incRef(tp)
		return tp, nil
	}, nil)
	defGetSet(t, "__parameters__", func(in *Interp, v Value) (Value, error) {
		tp := asObject[typeAliasObject](v).typeParams
		if tp.IsNil() {
			return emptyTuple, nil
		}
		return in.typingUnpackTypeVarTuples(tp)
	}, nil)
	defGetSet(t, "__module__", func(in *Interp, v Value) (Value, error) {
		a := asObject[typeAliasObject](v)
		m := a.module
		if m.IsNil() && !a.computeValue.IsNil() && a.computeValue.Type() == functionType {
			m = asObject[Function](a.computeValue).module
		}
		if m.IsNil() {
			return None, nil
		}
		incRef(m)
		return m, nil
	}, nil)
	defMethod(t, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.typingNoArgs("__reduce__", args, kwnames); err != nil {
			return Value{}, err
		}
		n := asObject[typeAliasObject](args[0]).name
		incRef(n)
		return n, nil
	})
}
