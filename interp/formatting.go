package interp

import (
	"errors"
	"math/big"
	"strings"

	"github.com/parallel-py/parallel/interp/format"
)

// Format is format(v, spec): the __format__ of ints, floats and strs
// through the format package's engines, a class's own __format__ when it
// defines one; other objects accept only the empty spec, which gives
// str(v), as object.__format__ does.
func (in *Interp) Format(v Value, spec string) (Value, error) {
	var s string
	var err error
	if v.Type().Flags&TypeHeapType != 0 {
		if r, found, err := in.classFormat(v, spec); found || err != nil {
			return r, err
		}
		// The built-in __format__s, like object's, give str(v) for an
		// empty spec, which for an instance of a class may be its own.
		if spec == "" {
			return in.Str(v)
		}
	}
	switch t := v.Type(); {
	case t == boolType && spec == "":
		return in.Str(v)
	case v.IsSmallInt():
		s, err = format.Int64(v.SmallInt(), spec, t.Name)
	case isInt(v):
		var z big.Int
		s, err = format.Int(bigOf(v, &z), spec, t.Name)
	case isFloat(v):
		s, err = format.Float(floatOf(v), spec, t.Name)
	case t.IsSubtype(strType):
		s, err = format.Str(v.GoString(), spec, t.Name)
	case isComplex(v):
		return in.formatComplex(v, spec)
	case spec == "":
		return in.Str(v)
	default:
		if r, found, err := in.moduleFormat(v, spec); found || err != nil {
			return r, err // a module type's __format__ (api_datetime.go)
		}
		return Value{}, in.raise(typeErrorType, "unsupported format string passed to %s.__format__", t.Name)
	}
	if err != nil {
		return Value{}, in.formatError(err)
	}
	return in.newStrOf(s)
}

// formatError turns an error of the format package into the Python
// exception it names.
func (in *Interp) formatError(err error) error {
	var fe *format.Error
	if !errors.As(err, &fe) {
		return in.raise(valueErrorType, "%s", err.Error())
	}
	t := valueErrorType
	switch fe.Kind {
	case format.TypeError:
		t = typeErrorType
	case format.OverflowError:
		t = overflowErrorType
	case format.MemoryError:
		return in.memoryError()
	}
	return in.raise(t, "%s", fe.Msg)
}

// formatValue is FORMAT_VALUE: the f-string conversion (0 none, 1 !s,
// 2 !r, 3 !a) then format() with the spec (a str, or nil for none).
func (in *Interp) formatValue(v Value, conversion int, spec Value) (Value, error) {
	switch conversion {
	case 1:
		s, err := in.Str(v)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(s)
		v = s
	case 2:
		s, err := in.Repr(v)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(s)
		v = s
	case 3:
		s, err := in.ASCII(v)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(s)
		v = s
	}
	specText := ""
	if !spec.IsNil() {
		specText = spec.GoString()
	}
	if v.Type() == strType && specText == "" {
		incRef(v)
		return v, nil
	}
	return in.Format(v, specText)
}

// buildString is BUILD_STRING: the concatenation of parts (the strs
// FORMAT_VALUE and the constants of an f-string left), in one
// allocation, its length and ASCII-ness summed from the parts' rather
// than found by scanning the result.
func (in *Interp) buildString(parts []Value) (Value, error) {
	size, n, ascii, exact := 0, 0, true, true
	for _, p := range parts {
		if p.Type() != strType {
			exact = false // a str subclass from a __format__
			size += len(p.GoString())
			continue
		}
		o := asObject[Str](p)
		size += len(o.s)
		n += o.length
		ascii = ascii && o.ascii
	}
	var b strings.Builder
	b.Grow(size)
	for _, p := range parts {
		b.WriteString(p.GoString())
	}
	if !exact {
		return in.NewStr(b.String())
	}
	return in.newStrText(b.String(), n, ascii)
}

// classFormat calls the __format__ a class defines (found false when it
// inherits a built-in type's, object's included: Format then does what
// that one does, where calling it would come back to Format), which must
// return a str.
func (in *Interp) classFormat(v Value, spec string) (r Value, found bool, err error) {
	attr, err := in.lookupString(v.Type(), "__format__")
	if err != nil {
		return Value{}, true, err
	}
	if d, ok := methodDescrOf(attr); attr.IsNil() || ok && d.owner.Flags&TypeHeapType == 0 {
		return Value{}, false, nil
	}
	specStr, err := in.NewStr(spec)
	if err != nil {
		return Value{}, true, err
	}
	r, err = in.callAttrWithSelf(attr, v, []Value{specStr}, nil)
	in.decRef(specStr)
	if err == nil && !r.Type().IsSubtype(strType) {
		err = in.raise(typeErrorType, "__format__ must return a str, not %s", r.Type().Name)
		in.decRef(r)
		r = Value{}
	}
	return r, true, err
}
