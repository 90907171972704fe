package interp

import (
	"errors"
	"math"
	"math/big"

	"github.com/parallel-py/parallel/interp/format"
)

// Formatting text: the % operator on str, str.format, str.format_map and
// str.__format__, through the engines of package format.

// strFormatError turns an error from the format engines into a Python
// exception; exceptions raised by the interpreter's callbacks pass
// through.
func (in *Interp) strFormatError(err error) error {
	if e, ok := err.(*Exception); ok {
		return e
	}
	var fe *format.Error
	if errors.As(err, &fe) {
		switch fe.Kind {
		case format.IndexError:
			return in.raise(indexErrorType, "%s", fe.Msg)
		case format.KeyError:
			key, kerr := in.NewStr(fe.Msg)
			if kerr != nil {
				return kerr
			}
			defer in.decRef(key)
			return in.keyError(key)
		}
	}
	return in.formatError(err)
}

// pctOperand adapts a value to the % engine. Values it obtains (mapping
// lookups) are kept in its call's owned until the formatting ends.
type pctOperand struct {
	c *pctCall
	v Value
}

// TypeName is type(v).__name__.
func (a pctOperand) TypeName() string { return a.v.Type().Name }

// Int returns the value of an int.
func (a pctOperand) Int() (*big.Int, bool) {
	if !isInt(a.v) {
		return nil, false
	}
	return bigOf(a.v, new(big.Int)), true
}

// Text returns the text of a str.
func (a pctOperand) Text() (string, bool) {
	if !isStr(a.v) {
		return "", false
	}
	return a.v.GoString(), true
}

// IsNumber is PyNumber_Check: a number, or a class with __index__,
// __int__ or __float__.
func (a pctOperand) IsNumber() bool {
	if isInt(a.v) || a.v.IsFloat() || a.v.Type().IsSubtype(floatType) {
		return true
	}
	t := a.v.Type()
	if t.Flags&TypeHeapType == 0 {
		return false
	}
	for _, name := range []string{"__index__", "__int__", "__float__"} {
		if m, err := a.c.in.lookupString(t, name); err == nil && !m.IsNil() {
			return true
		}
	}
	return false
}

// callNumber calls the special method name of the operand, if its class
// has one; the result must be an int (or a float for __float__).
func (a pctOperand) callNumber(name string) (Value, bool, error) {
	in := a.c.in
	if a.v.Type().Flags&TypeHeapType == 0 {
		return Value{}, false, nil
	}
	r, found, err := in.callSpecial(a.v, name)
	if err != nil || !found {
		return Value{}, found, err
	}
	want, ok := "int", isInt(r)
	if name == "__float__" {
		want, ok = "float", r.IsFloat()
	}
	if !ok {
		err := in.raise(typeErrorType, "%s returned non-%s (type %s)", name, want, r.Type().Name)
		in.decRef(r)
		return Value{}, true, err
	}
	return r, true, nil
}

func (a pctOperand) bigResult(r Value) *big.Int {
	x := new(big.Int).Set(bigOf(r, new(big.Int)))
	a.c.in.decRef(r)
	return x
}

// Long is int(v) for %d: a float truncated, or __int__ or __index__.
func (a pctOperand) Long() (*big.Int, bool, error) {
	if a.v.IsFloat() {
		f := a.v.FloatValue()
		switch {
		case math.IsNaN(f):
			return nil, false, a.c.in.raise(valueErrorType, "cannot convert float NaN to integer")
		case math.IsInf(f, 0):
			return nil, false, a.c.in.raise(overflowErrorType, "cannot convert float infinity to integer")
		}
		x, _ := new(big.Float).SetFloat64(math.Trunc(f)).Int(nil)
		return x, true, nil
	}
	for _, name := range []string{"__int__", "__index__"} {
		r, found, err := a.callNumber(name)
		if err != nil {
			return nil, false, err
		}
		if found {
			return a.bigResult(r), true, nil
		}
	}
	return nil, false, nil
}

// Index is operator.index(v) for %x, %o and %c.
func (a pctOperand) Index() (*big.Int, bool, error) {
	r, found, err := a.callNumber("__index__")
	if err != nil || !found {
		return nil, false, err
	}
	return a.bigResult(r), true, nil
}

// Float is float(v) for %e, %f and %g.
func (a pctOperand) Float() (float64, error) {
	in := a.c.in
	switch {
	case isFloat(a.v):
		return floatOf(a.v), nil
	case isInt(a.v):
		return in.intToFloat(a.v)
	}
	r, found, err := a.callNumber("__float__")
	if err != nil {
		return 0, err
	}
	if found {
		defer in.decRef(r)
		return r.FloatValue(), nil
	}
	if r, found, err = a.callNumber("__index__"); err != nil {
		return 0, err
	}
	if found {
		defer in.decRef(r)
		return in.intToFloat(r)
	}
	return 0, in.raise(typeErrorType, "must be real number, not %s", a.v.Type().Name)
}

// Str is str(v).
func (a pctOperand) Str() (string, error) {
	if s, ok := exactText(a.v); ok {
		return s, nil
	}
	s, err := a.c.in.Str(a.v)
	if err != nil {
		return "", err
	}
	defer a.c.in.decRef(s)
	return s.GoString(), nil
}

// Repr is repr(v).
func (a pctOperand) Repr() (string, error) {
	if s, ok := exactRepr(a.v); ok {
		return s, nil
	}
	s, err := a.c.in.Repr(a.v)
	if err != nil {
		return "", err
	}
	defer a.c.in.decRef(s)
	return s.GoString(), nil
}

// IsMapping is PyMapping_Check: the operand supports subscription.
func (a pctOperand) IsMapping() bool { return a.v.Type().getitem != nil }

// Lookup is v[key] for %(key)s; the value is kept until the end.
func (a pctOperand) Lookup(key string) (format.Arg, error) {
	if a.v.Type() == dictType {
		if r, ok := dictGetText(asObject[Dict](a.v), key); ok {
			incRef(r) // held, as the formatting may run code that changes the dict
			return a.c.operand(r, true), nil
		}
	}
	k, err := a.c.in.NewStr(key)
	if err != nil {
		return nil, err
	}
	defer a.c.in.decRef(k)
	r, err := a.c.in.GetItem(a.v, k)
	if err != nil {
		return nil, err
	}
	return a.c.operand(r, true), nil
}

// strPercent is format % args for the str format.
func (in *Interp) strPercent(fmtv, args Value) (Value, error) {
	// No defer: errors are values here. Only a Go panic (an interpreter
	// bug) would skip the release, losing this call's recycling.
	c := newPctCall(in)
	var s string
	var err error
	if args.Type().IsSubtype(tupleType) {
		items := asObject[Tuple](args).items
		for _, x := range items {
			c.store = append(c.store, pctOperand{c, x})
		}
		for i := range items {
			c.ops = append(c.ops, &c.store[i])
		}
		s, err = format.Percent(fmtv.GoString(), c.ops)
	} else {
		s, err = format.PercentValue(fmtv.GoString(), c.operand(args, false))
	}
	c.release()
	if err != nil {
		return Value{}, in.strFormatError(err)
	}
	return in.newStrOf(s)
}

// formatAny is format(v, spec) for str.format: a class's __format__ when
// it has one, else the built-in formatting.
func (in *Interp) formatAny(v Value, spec string) (Value, error) {
	t := v.Type()
	if t == strType {
		if spec == "" {
			incRef(v)
			return v, nil
		}
		s, err := format.Str(v.GoString(), spec, t.Name)
		if err != nil {
			return Value{}, in.strFormatError(err)
		}
		return in.newStrOf(s)
	}
	if t.Flags&TypeHeapType == 0 {
		return in.Format(v, spec)
	}
	m, err := in.lookupString(t, "__format__")
	if err != nil {
		return Value{}, err
	}
	if m.IsNil() {
		return in.Format(v, spec)
	}
	sv, err := in.NewStr(spec)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(sv)
	r, err := in.callAttrWithSelf(m, v, []Value{sv}, nil)
	if err != nil {
		return Value{}, err
	}
	if !isStr(r) {
		err := in.raise(typeErrorType, "__format__ must return a str, not %s", r.Type().Name)
		in.decRef(r)
		return Value{}, err
	}
	return r, nil
}

// strTemplate renders a str.format template; positional and keyword
// resolve the fields (positional nil: format_map's mapping lookups are in
// keyword). Values the lookups make are kept in owned until the end.
func (in *Interp) strTemplate(tmpl string, positional func(int) (Value, bool), keyword func(string) (Value, error), owned *[]Value) (Value, error) {
	keep := func(v Value, err error) (Value, error) {
		if err == nil {
			*owned = append(*owned, v)
		}
		return v, err
	}
	// Built in one piece, so that the callbacks can stay on the stack.
	fields := format.Fields[Value]{
		Positional: positional,
		Keyword:    keyword,
		Attr: func(v Value, name string) (Value, error) {
			n, err := in.NewStr(name)
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(n)
			return keep(in.GetAttr(v, n))
		},
		Item: func(v Value, key string, index int) (Value, error) {
			if index >= 0 {
				return keep(in.GetItem(v, Int(int64(index))))
			}
			k, err := in.NewStr(key)
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(k)
			return keep(in.GetItem(v, k))
		},
		Convert: func(v Value, conversion rune) (Value, error) {
			switch conversion {
			case 'r':
				return keep(in.Repr(v))
			case 's':
				return keep(in.Str(v))
			}
			r, err := in.Repr(v)
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(r)
			return keep(in.NewStr(format.ASCII(r.GoString())))
		},
		Format: in.formatText,
	}
	s, err := format.RenderTemplate(tmpl, &fields)
	if err != nil {
		return Value{}, in.strFormatError(err)
	}
	return in.newStrOf(s)
}

func init() {
	defMethod(strType, "format", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		npos := len(args) - len(kwnames)
		pos, kw := args[1:npos], args[npos:]
		var owned []Value
		defer func() {
			for _, v := range owned {
				in.decRef(v)
			}
		}()
		positional := func(i int) (Value, bool) {
			if i < len(pos) {
				return pos[i], true
			}
			return Value{}, false
		}
		keyword := func(name string) (Value, error) {
			for j, kn := range kwnames {
				if kn.GoString() == name {
					return kw[j], nil
				}
			}
			return Value{}, &format.Error{Kind: format.KeyError, Msg: name}
		}
		return in.strTemplate(args[0].GoString(), positional, keyword, &owned)
	})
	defMethod(strType, "format_map", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.strOneArg("format_map", args, kwnames); err != nil {
			return Value{}, err
		}
		mapping := args[1]
		var owned []Value
		defer func() {
			for _, v := range owned {
				in.decRef(v)
			}
		}()
		keyword := func(name string) (Value, error) {
			k, err := in.NewStr(name)
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(k)
			v, err := in.GetItem(mapping, k)
			if err == nil {
				owned = append(owned, v)
			}
			return v, err
		}
		return in.strTemplate(args[0].GoString(), nil, keyword, &owned)
	})
	defMethod(strType, "__format__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.strOneArg("__format__", args, kwnames); err != nil {
			return Value{}, err
		}
		if !isStr(args[1]) {
			return Value{}, in.raise(typeErrorType, "__format__() argument must be str, not %s", args[1].Type().Name)
		}
		spec := args[1].GoString()
		if spec == "" {
			return in.strUnchanged(args[0])
		}
		s, err := format.Str(args[0].GoString(), spec, args[0].Type().Name)
		if err != nil {
			return Value{}, in.strFormatError(err)
		}
		return in.newStrOf(s)
	})
}
