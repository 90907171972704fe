package interp

import (
	"github.com/parallel-py/parallel/alloc"
)

// typing.TypeVar, the type variable of PEP 484 and PEP 695, and the
// helpers the _typing objects share: like CPython's C implementation,
// they call back into typing.py (_type_check, _typevar_subst,
// _make_union ...) for everything typing.py already knows how to do.

// typeVarObject is a TypeVar. A bound or constraints written with PEP
// 695 syntax are evaluated lazily: evalBound or evalConstraints is the
// function computing them, called on first access.
type typeVarObject struct {
	alloc.Header
	alloc.GCLink
	name            Value // str
	bound           Value // nil: None, or not evaluated yet
	evalBound       Value
	constraints     Value // tuple; nil: (), or not evaluated yet
	evalConstraints Value
	covariant       bool
	contravariant   bool
	inferVariance   bool
	dict            Value // holds __module__
}

// typeVarType is typing.TypeVar, made in init (its slots reach the eval
// loop, which reaches the type).
var typeVarType *Type

func newTypeVarType() *Type {
	return NewType[typeVarObject](TypeSpec{
		Name:      "TypeVar",
		Module:    "typing",
		Doc:       typeVarDoc,
		DictField: "dict",
		Construct: typeVarConstruct,
		Repr: func(in *Interp, v Value) (Value, error) {
			t := asObject[typeVarObject](v)
			return in.variancePrefixed(t.name, t.inferVariance, t.covariant, t.contravariant)
		},
		Dealloc: func(in *Interp, v Value) {
			t := asObject[typeVarObject](v)
			for _, p := range []*Value{&t.name, &t.bound, &t.evalBound, &t.constraints, &t.evalConstraints} {
				in.clearField(p)
			}
		},
		Traverse: func(v Value, visit func(Value)) {
			t := asObject[typeVarObject](v)
			visitSome(visit, t.name, t.bound, t.evalBound, t.constraints, t.evalConstraints)
		},
		Clear: func(in *Interp, v Value) {
			t := asObject[typeVarObject](v)
			for _, p := range []*Value{&t.bound, &t.evalBound, &t.constraints, &t.evalConstraints} {
				in.clearField(p)
			}
		},
		Number: &NumberSpec{Binary: map[BinaryOp]func(in *Interp, a, b Value) (Value, error){OpOr: typingMakeUnion}},
	})
}

const typeVarDoc = `Type variable.

Create one with TypeVar('T'), or with PEP 695 syntax (def f[T](x: T)).
Its bound or constraints, and its variance, restrict the types it
stands for; see the typing module's documentation.`

func init() {
	typeVarType = newTypeVarType()
	t := typeVarType
	// Instances keep __module__ in a dict they do not show as __dict__.
	delete(t.attrs, "__dict__")
	typingReadonlyMember(t, "__name__", func(v Value) Value { return asObject[typeVarObject](v).name })
	typingReadonlyFlag(t, "__covariant__", func(v Value) bool { return asObject[typeVarObject](v).covariant })
	typingReadonlyFlag(t, "__contravariant__", func(v Value) bool { return asObject[typeVarObject](v).contravariant })
	typingReadonlyFlag(t, "__infer_variance__", func(v Value) bool { return asObject[typeVarObject](v).inferVariance })
	defGetSet(t, "__bound__", func(in *Interp, v Value) (Value, error) {
		tv := asObject[typeVarObject](v)
		return in.typingLazy(&tv.bound, tv.evalBound, None)
	}, nil)
	defGetSet(t, "__constraints__", func(in *Interp, v Value) (Value, error) {
		tv := asObject[typeVarObject](v)
		return in.typingLazy(&tv.constraints, tv.evalConstraints, emptyTuple)
	}, nil)
	defMethod(t, "__typing_subst__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.oneArg("__typing_subst__", args[1:], kwnames); err != nil {
			return Value{}, err
		}
		return in.typingCall("_typevar_subst", args[0], args[1])
	})
	typingCommonMethods(t, "TypeVar", func(v Value) Value { return asObject[typeVarObject](v).name })
}

// typeVarConstruct is TypeVar(name, *constraints, bound=None,
// covariant=False, contravariant=False, infer_variance=False).
func typeVarConstruct(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	npos := len(args) - len(kwnames)
	var constraints []Value
	fixed := args
	if npos > 1 {
		constraints = args[1:npos]
		fixed = append(append([]Value{}, args[:1]...), args[npos:]...)
	}
	var name, bound, co, contra, infer Value
	p := &Params{Func: "typevar", Names: []string{"name", "bound", "covariant", "contravariant", "infer_variance"}, KwOnly: 4, Required: 1}
	if err := in.Unpack(p, fixed, kwnames, &name, &bound, &co, &contra, &infer); err != nil {
		return Value{}, err
	}
	if err := in.typingNameArg("typevar", name); err != nil {
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
	switch {
	case len(constraints) == 1:
		in.xdecRef(checked)
		return Value{}, in.raise(typeErrorType, "A single constraint is not allowed")
	case len(constraints) > 1 && !checked.IsNil():
		in.decRef(checked)
		return Value{}, in.raise(typeErrorType, "Constraints cannot be combined with bound=...")
	}
	var ctuple Value
	if len(constraints) > 0 {
		if ctuple, err = in.NewTuple(constraints...); err != nil {
			in.xdecRef(checked)
			return Value{}, err
		}
	}
	module := in.typingCallerModule(in.frame)
	defer in.decRef(module)
	return in.newTypeVar(name, checked, Value{}, ctuple, Value{}, covariant, contravariant, inferVariance, module)
}

// newTypeVar makes a TypeVar; it takes over the references to bound,
// evalBound, constraints and evalConstraints (any may be nil) and
// borrows name and module.
func (in *Interp) newTypeVar(name, bound, evalBound, constraints, evalConstraints Value, covariant, contravariant, inferVariance bool, module Value) (Value, error) {
	tv, err := NewObject[typeVarObject](in, typeVarType)
	if err != nil {
		for _, v := range []Value{bound, evalBound, constraints, evalConstraints} {
			in.xdecRef(v)
		}
		return Value{}, err
	}
	incRef(name)
	tv.name = name
	tv.bound, tv.evalBound, tv.constraints, tv.evalConstraints = bound, evalBound, constraints, evalConstraints
	tv.covariant, tv.contravariant, tv.inferVariance = covariant, contravariant, inferVariance
	v := valueOf(tv)
	if err := in.typingSetModule(v, &tv.dict, module); err != nil {
		in.decRef(v)
		return Value{}, err
	}
	return v, nil
}

// --- helpers shared by the _typing types ---

// typingCall calls typing.<name>(args...), importing typing (which may
// still be importing itself) as CPython's C code does.
func (in *Interp) typingCall(name string, args ...Value) (Value, error) {
	fn, err := in.typingAttr(name)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(fn)
	return in.Call(fn, args, nil)
}

// typingAttr returns typing.<name> (a new reference).
func (in *Interp) typingAttr(name string) (Value, error) {
	mod, err := in.importModule("typing")
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(mod)
	return in.getAttrString(mod, name)
}

// typingTypeCheck is typing._type_check(arg, msg), except that None is
// NoneType without a call (as in CPython, to spare typing.py's import).
func (in *Interp) typingTypeCheck(arg Value, msg string) (Value, error) {
	if arg.IsNone() {
		t := valueOf(noneType)
		incRef(t)
		return t, nil
	}
	m, err := in.NewStr(msg)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(m)
	return in.typingCall("_type_check", arg, m)
}

// typingMakeUnion is the | of type variables: typing._make_union, so
// that forward references (strings) may take part.
func typingMakeUnion(in *Interp, a, b Value) (Value, error) {
	return in.typingCall("_make_union", a, b)
}

// typingUnpack is typing.Unpack[v], the unpacked form of a TypeVarTuple.
func (in *Interp) typingUnpack(v Value) (Value, error) {
	unpack, err := in.typingAttr("Unpack")
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(unpack)
	return in.GetItem(unpack, v)
}

// typingCallerModule is the module of the code running in f (the
// __module__ of its function, or its globals' __name__), or None: where
// a type variable says it was defined. A new reference.
func (in *Interp) typingCallerModule(f *frame) Value {
	if f == nil {
		return None
	}
	if !f.fn.IsNil() && f.fn.Type() == functionType {
		if m := asObject[Function](f.fn).module; !m.IsNil() {
			incRef(m)
			return m
		}
		return None
	}
	if m, ok, _ := in.DictGet(f.globals, internName("__name__")); ok {
		incRef(m)
		return m
	}
	return None
}

// typingSetModule stores __module__ in a new instance dict at *dict;
// with module nil (objects made by PEP 695 syntax), it leaves them to
// show the class's, "typing", as CPython does.
func (in *Interp) typingSetModule(v Value, dict *Value, module Value) error {
	if module.IsNil() {
		return nil
	}
	d, err := in.NewDict()
	if err != nil {
		return err
	}
	*dict = d
	return in.DictSet(asObject[Dict](d), internName("__module__"), module)
}

// typingNameArg checks the name argument of a constructor, as argument
// clinic does.
func (in *Interp) typingNameArg(fname string, name Value) error {
	if name.Type() != strType && !name.Type().IsSubtype(strType) {
		return in.raise(typeErrorType, "%s() argument 'name' must be str, not %s", fname, name.Type().Name)
	}
	return nil
}

// typingVariance reads the covariant, contravariant and infer_variance
// arguments (truth values; nil is False) and checks that they agree.
func (in *Interp) typingVariance(co, contra, infer Value) (covariant, contravariant, inferVariance bool, err error) {
	truth := func(v Value) (bool, error) {
		if v.IsNil() {
			return false, nil
		}
		return in.Truth(v)
	}
	if covariant, err = truth(co); err != nil {
		return
	}
	if contravariant, err = truth(contra); err != nil {
		return
	}
	if inferVariance, err = truth(infer); err != nil {
		return
	}
	switch {
	case covariant && contravariant:
		err = in.raise(valueErrorType, "Bivariant types are not supported.")
	case inferVariance && (covariant || contravariant):
		err = in.raise(valueErrorType, "Variance cannot be specified with infer_variance.")
	}
	return
}

// variancePrefixed is the repr of a TypeVar or ParamSpec: its name after
// +, - or ~ (nothing when the variance is inferred).
func (in *Interp) variancePrefixed(name Value, infer, co, contra bool) (Value, error) {
	if infer {
		incRef(name)
		return name, nil
	}
	prefix := "~"
	switch {
	case co:
		prefix = "+"
	case contra:
		prefix = "-"
	}
	return in.NewStr(prefix + name.GoString())
}

// typingLazy returns *field, computing it first with eval() when it is
// unset and eval is not nil; def (immortal) when there is neither.
func (in *Interp) typingLazy(field *Value, eval Value, def Value) (Value, error) {
	if field.IsNil() {
		if eval.IsNil() {
			return def, nil
		}
		r, err := in.Call(eval, nil, nil)
		if err != nil {
			return Value{}, err
		}
		if !field.IsNil() { // the call set it already
			in.decRef(r)
		} else {
			*field = r
		}
	}
	incRef(*field)
	return *field, nil
}

// typingReadonlyMember adds a read-only attribute over a Value field, as
// a C READONLY member (whose message it gives on assignment).
func typingReadonlyMember(t *Type, name string, field func(v Value) Value) {
	defGetSet(t, name, func(in *Interp, v Value) (Value, error) {
		r := field(v)
		if r.IsNil() {
			return None, nil
		}
		incRef(r)
		return r, nil
	}, func(in *Interp, v, value Value) error {
		return in.raise(attributeErrorType, "readonly attribute")
	})
}

// typingReadonlyFlag is typingReadonlyMember for a bool field.
func typingReadonlyFlag(t *Type, name string, field func(v Value) bool) {
	defGetSet(t, name, func(in *Interp, v Value) (Value, error) {
		return Bool(field(v)), nil
	}, func(in *Interp, v, value Value) error {
		return in.raise(attributeErrorType, "readonly attribute")
	})
}

// typingCommonMethods adds what every type-variable kind has: pickling
// by name (__reduce__) and a refusal to be a base class.
func typingCommonMethods(t *Type, kind string, name func(v Value) Value) {
	defMethod(t, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.typingNoArgs("__reduce__", args, kwnames); err != nil {
			return Value{}, err
		}
		n := name(args[0])
		incRef(n)
		return n, nil
	})
	defMethod(t, "__mro_entries__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.oneArg("__mro_entries__", args[1:], kwnames); err != nil {
			return Value{}, err
		}
		return Value{}, in.raise(typeErrorType, "Cannot subclass an instance of %s", kind)
	})
}

// typingNoArgs checks that a method got no arguments besides self.
func (in *Interp) typingNoArgs(fname string, args []Value, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "%s() takes no keyword arguments", fname)
	}
	if len(args) > 1 {
		return in.raise(typeErrorType, "%s() takes no arguments (%d given)", fname, len(args)-1)
	}
	return nil
}
