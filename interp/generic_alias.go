package interp

import (
	"strings"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// types.GenericAlias (list[int]) and types.UnionType (int | str), the
// two typing objects CPython implements in C and the standard library
// builds on from its first imports.

// genericAlias is list[int]: an origin and its arguments.
type genericAlias struct {
	alloc.Header
	alloc.GCLink
	origin Value
	args   Value // a tuple
	params Value // __parameters__, computed on first use; nil until then
}

// unionObject is X | Y: the flattened, de-duplicated members.
type unionObject struct {
	alloc.Header
	alloc.GCLink
	args   Value // a tuple
	params Value
}

var (
	genericAliasType = newBuiltinType("GenericAlias", objectType, TypeBaseType)
	unionType        = newBuiltinType("UnionType", objectType, 0)
)

const (
	genericAliasSize = unsafe.Sizeof(genericAlias{})
	unionSize        = unsafe.Sizeof(unionObject{})
)

// classesWithGenericAlias are the built-in types whose T[...] makes a
// GenericAlias (their __class_getitem__).
var classesWithGenericAlias = []*Type{listType, dictType, tupleType, setType, frozensetType, typeType}

// newGenericAlias makes origin[args]; a non-tuple args is one argument.
func (in *Interp) newGenericAlias(t *Type, origin, args Value) (Value, error) {
	if args.Type() != tupleType {
		tup, err := in.NewTuple(args)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(tup)
		args = tup
	}
	g := newInstanceStruct[genericAlias](t)
	if err := in.account(&g.Header, t, genericAliasSize); err != nil {
		return Value{}, err
	}
	incRef(origin)
	incRef(args)
	g.origin, g.args = origin, args
	return valueOf(g), nil
}

// typeReprForTyping is how typing shows an argument: a class by its
// qualified name (without "builtins."), ... as "...", others by repr.
func (in *Interp) typeReprForTyping(v Value) (string, error) {
	if v.Is(ellipsisObject) {
		return "...", nil
	}
	if isType(v) && v.Type() != genericAliasType {
		t := (*Type)(v.p)
		if t.Module == "builtins" {
			return t.qualname(), nil
		}
		return t.Module + "." + t.qualname(), nil
	}
	r, err := in.Repr(v)
	if err != nil {
		return "", err
	}
	defer in.decRef(r)
	return r.GoString(), nil
}

// typingParameters collects the type variables among args (objects with
// __typing_subst__, or whatever their own __parameters__ list), in order,
// without duplicates: __parameters__.
func (in *Interp) typingParameters(args []Value) (Value, error) {
	var params []Value
	seen := func(v Value) bool {
		for _, p := range params {
			if p.Is(v) {
				return true
			}
		}
		return false
	}
	for _, a := range args {
		if isType(a) {
			continue
		}
		subst, err := in.lookupAttr(a, internName("__typing_subst__"))
		if err != nil {
			return Value{}, err
		}
		if !subst.IsNil() {
			in.decRef(subst)
			if !seen(a) {
				params = append(params, a)
			}
			continue
		}
		sub, err := in.lookupAttr(a, internName("__parameters__"))
		if err != nil {
			return Value{}, err
		}
		if sub.IsNil() {
			continue
		}
		if sub.Type() == tupleType {
			for _, p := range asObject[Tuple](sub).items {
				if !seen(p) {
					params = append(params, p)
				}
			}
		}
		in.decRef(sub)
	}
	return in.NewTuple(params...)
}

// gaExceptions are the attributes a GenericAlias answers itself; every
// other one comes from its origin.
var gaExceptions = map[string]bool{
	"__class__": true, "__bases__": true, "__origin__": true, "__args__": true,
	"__unpacked__": true, "__parameters__": true, "__typing_unpacked_tuple_args__": true,
	"__mro_entries__": true, "__reduce_ex__": true, "__reduce__": true,
	"__copy__": true, "__deepcopy__": true,
}

func init() {
	genericAliasType.Module = "types"
	unionType.Module = "types"
	for _, t := range classesWithGenericAlias {
		t := t
		defClassMethod(t, "__class_getitem__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("__class_getitem__", args[1:], kwnames, 1, 1); err != nil {
				return Value{}, err
			}
			return in.newGenericAlias(genericAliasType, args[0], args[1])
		})
	}
	genericAliasType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("GenericAlias", args, kwnames, 2, 2); err != nil {
			return Value{}, err
		}
		return in.newGenericAlias(t, args[0], args[1])
	}
	genericAliasType.new = genericAliasType.construct
	genericAliasType.init = func(in *Interp, self Value, args []Value, kwnames []Value) error { return nil }
	genericAliasType.dealloc = func(in *Interp, v Value) {
		g := asObject[genericAlias](v)
		in.xdecRef(g.origin)
		in.xdecRef(g.args)
		in.xdecRef(g.params)
		*g = genericAlias{Header: g.Header}
		in.heap.Free(&g.Header, genericAliasSize)
	}
	genericAliasType.traverse = func(v Value, visit func(Value)) {
		g := asObject[genericAlias](v)
		visitSome(visit, g.origin, g.args, g.params)
	}
	genericAliasType.repr = func(in *Interp, v Value) (Value, error) {
		g := asObject[genericAlias](v)
		var b strings.Builder
		o, err := in.typeReprForTyping(g.origin)
		if err != nil {
			return Value{}, err
		}
		b.WriteString(o + "[")
		items := asObject[Tuple](g.args).items
		if len(items) == 0 {
			b.WriteString("()")
		}
		for i, a := range items {
			if i > 0 {
				b.WriteString(", ")
			}
			s, err := in.typeReprForTyping(a)
			if err != nil {
				return Value{}, err
			}
			b.WriteString(s)
		}
		b.WriteString("]")
		return in.NewStr(b.String())
	}
	genericAliasType.getattr = func(in *Interp, v, name Value) (Value, error) {
		g := asObject[genericAlias](v)
		s := name.GoString()
		switch s {
		case "__origin__":
			incRef(g.origin)
			return g.origin, nil
		case "__args__":
			incRef(g.args)
			return g.args, nil
		case "__unpacked__":
			return False, nil
		case "__parameters__":
			if g.params.IsNil() {
				p, err := in.typingParameters(asObject[Tuple](g.args).items)
				if err != nil {
					return Value{}, err
				}
				g.params = p
			}
			incRef(g.params)
			return g.params, nil
		}
		if !gaExceptions[s] {
			return in.GetAttr(g.origin, name)
		}
		return in.genericGetAttr(v, name, false)
	}
	genericAliasType.call = func(in *Interp, v Value, args []Value, kwnames []Value) (Value, error) {
		g := asObject[genericAlias](v)
		r, err := in.Call(g.origin, args, kwnames)
		if err != nil {
			return Value{}, err
		}
		if err := in.SetAttr(r, internName("__orig_class__"), v); err != nil {
			in.decRef(valueOf(err.(*Exception))) // as CPython: best effort
		}
		return r, nil
	}
	genericAliasType.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) {
		if b.Type() != genericAliasType || (op != CmpEQ && op != CmpNE) {
			return NotImplemented, nil
		}
		x, y := asObject[genericAlias](a), asObject[genericAlias](b)
		eq, err := in.keysEqual(x.origin, y.origin)
		if err == nil && eq {
			eq, err = in.keysEqual(x.args, y.args)
		}
		return Bool(eq == (op == CmpEQ)), err
	}
	genericAliasType.hash = func(in *Interp, v Value) (int64, error) {
		g := asObject[genericAlias](v)
		h1, err := in.Hash(g.origin)
		if err != nil {
			return 0, err
		}
		h2, err := in.Hash(g.args)
		if err != nil {
			return 0, err
		}
		h := h1 ^ h2
		if h == -1 {
			h = -2
		}
		return h, nil
	}
	defMethod(genericAliasType, "__mro_entries__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__mro_entries__", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		return in.NewTuple(asObject[genericAlias](args[0]).origin)
	})
	for _, name := range []string{"__instancecheck__", "__subclasscheck__"} {
		defMethod(genericAliasType, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return Value{}, in.raise(typeErrorType, "isinstance() argument 2 cannot be a parameterized generic")
		})
	}
	defMethod(genericAliasType, "__getitem__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		g := asObject[genericAlias](args[0])
		params, err := in.getAttrString(args[0], "__parameters__")
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(params)
		if len(asObject[Tuple](params).items) == 0 {
			r, err := in.Repr(args[0])
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(r)
			return Value{}, in.raise(typeErrorType, "There are no type variables left in %s", r.GoString())
		}
		_ = g
		return Value{}, in.raise(notImplementedErrorType, "substituting type variables in a generic alias is not implemented yet")
	})
	genericAliasType.getitem = func(in *Interp, v, key Value) (Value, error) {
		fn := genericAliasType.attrs["__getitem__"]
		return asObject[MethodDescr](fn).fn(in, []Value{v, key}, nil)
	}

	// X | Y on types and aliases.
	or := func(in *Interp, a, b Value) (Value, error) {
		if !unionable(a) || !unionable(b) {
			return NotImplemented, nil
		}
		return in.makeUnion(a, b)
	}
	for _, t := range []*Type{typeType, genericAliasType, unionType, noneType} {
		if t.number == nil {
			t.number = &numberSlots{}
		}
		t.number.binary[OpOr] = or
	}
	unionType.dealloc = func(in *Interp, v Value) {
		u := asObject[unionObject](v)
		in.xdecRef(u.args)
		in.xdecRef(u.params)
		*u = unionObject{Header: u.Header}
		in.heap.Free(&u.Header, unionSize)
	}
	unionType.traverse = func(v Value, visit func(Value)) {
		u := asObject[unionObject](v)
		visitSome(visit, u.args, u.params)
	}
	unionType.repr = func(in *Interp, v Value) (Value, error) {
		var parts []string
		for _, a := range asObject[Tuple](asObject[unionObject](v).args).items {
			if a.IsNone() || a.p == valueOf(noneType).p {
				parts = append(parts, "None")
				continue
			}
			s, err := in.typeReprForTyping(a)
			if err != nil {
				return Value{}, err
			}
			parts = append(parts, s)
		}
		return in.NewStr(strings.Join(parts, " | "))
	}
	unionType.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) {
		if b.Type() != unionType || (op != CmpEQ && op != CmpNE) {
			return NotImplemented, nil
		}
		x, y := asObject[Tuple](asObject[unionObject](a).args).items, asObject[Tuple](asObject[unionObject](b).args).items
		eq := len(x) == len(y)
		for _, p := range x {
			found := false
			for _, q := range y {
				if e, err := in.keysEqual(p, q); err != nil {
					return Value{}, err
				} else if e {
					found = true
					break
				}
			}
			eq = eq && found
		}
		return Bool(eq == (op == CmpEQ)), nil
	}
	unionType.hash = func(in *Interp, v Value) (int64, error) {
		var h int64
		for _, a := range asObject[Tuple](asObject[unionObject](v).args).items {
			x, err := in.Hash(a)
			if err != nil {
				return 0, err
			}
			h ^= x
		}
		if h == -1 {
			h = -2
		}
		return h, nil
	}
	unionType.getattr = func(in *Interp, v, name Value) (Value, error) {
		u := asObject[unionObject](v)
		switch name.GoString() {
		case "__args__":
			incRef(u.args)
			return u.args, nil
		case "__parameters__":
			if u.params.IsNil() {
				p, err := in.typingParameters(asObject[Tuple](u.args).items)
				if err != nil {
					return Value{}, err
				}
				u.params = p
			}
			incRef(u.params)
			return u.params, nil
		}
		return in.genericGetAttr(v, name, false)
	}
	for _, name := range []string{"__instancecheck__", "__subclasscheck__"} {
		instance := name == "__instancecheck__"
		defMethod(unionType, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount(name, args[1:], kwnames, 1, 1); err != nil {
				return Value{}, err
			}
			for _, a := range asObject[Tuple](asObject[unionObject](args[0]).args).items {
				if a.Type() == genericAliasType {
					return Value{}, in.raise(typeErrorType, "%s() argument 2 cannot be a parameterized generic", map[bool]string{true: "isinstance", false: "issubclass"}[instance])
				}
			}
			for _, a := range asObject[Tuple](asObject[unionObject](args[0]).args).items {
				cls := a
				if a.IsNone() {
					cls = valueOf(noneType)
				}
				var t *Type
				if instance {
					t = args[1].Type()
				} else if isType(args[1]) {
					t = (*Type)(args[1].p)
				} else {
					return Value{}, in.raise(typeErrorType, "issubclass() arg 1 must be a class")
				}
				if isType(cls) && t.IsSubtype((*Type)(cls.p)) {
					return True, nil
				}
			}
			return False, nil
		})
	}
}

// unionable reports whether v may stand in X | Y: a class, None, a
// generic alias or a union.
func unionable(v Value) bool {
	return v.IsNone() || isType(v) || v.Type() == genericAliasType || v.Type() == unionType
}

// makeUnion is a | b, flattening unions and dropping duplicates; one
// member left is returned as itself.
func (in *Interp) makeUnion(a, b Value) (Value, error) {
	var members []Value
	add := func(v Value) error {
		if v.Type() == unionType {
			for _, x := range asObject[Tuple](asObject[unionObject](v).args).items {
				members = append(members, x)
			}
			return nil
		}
		if v.IsNone() {
			v = valueOf(noneType)
		}
		members = append(members, v)
		return nil
	}
	add(a)
	add(b)
	var uniq []Value
	for _, m := range members {
		dup := false
		for _, u := range uniq {
			if eq, err := in.keysEqual(m, u); err != nil {
				return Value{}, err
			} else if eq {
				dup = true
				break
			}
		}
		if !dup {
			uniq = append(uniq, m)
		}
	}
	if len(uniq) == 1 {
		incRef(uniq[0])
		return uniq[0], nil
	}
	args, err := in.NewTuple(uniq...)
	if err != nil {
		return Value{}, err
	}
	u := &unionObject{}
	if err := in.account(&u.Header, unionType, unionSize); err != nil {
		in.decRef(args)
		return Value{}, err
	}
	u.args = args
	return valueOf(u), nil
}
