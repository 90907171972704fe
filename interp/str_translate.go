package interp

import (
	"strings"
	"unicode/utf8"
)

// str.translate and str.maketrans.

func init() {
	defStatic(strType, "maketrans", strMakeTrans)
	defMethod(strType, "translate", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.strOneArg("translate", args, kwnames); err != nil {
			return Value{}, err
		}
		return in.strTranslate(args[0], args[1])
	})
}

// strMakeTrans is str.maketrans(x[, y[, z]]), a static method.
func strMakeTrans(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, in.raise(typeErrorType, "str.maketrans() takes no keyword arguments")
	}
	if err := in.checkArgCount("maketrans", args, nil, 1, 3); err != nil {
		return Value{}, err
	}
	for i := 1; i < len(args); i++ {
		if !isStr(args[i]) {
			return Value{}, in.raise(typeErrorType, "maketrans() argument %d must be str, not %s", i+1, args[i].Type().Name)
		}
	}
	rv, err := in.NewDict()
	if err != nil {
		return Value{}, err
	}
	result := asObject[Dict](rv)
	fail := func(err error) (Value, error) {
		in.decRef(rv)
		return Value{}, err
	}
	if len(args) == 1 {
		if !args[0].Type().IsSubtype(dictType) {
			return fail(in.raise(typeErrorType, "if you give only one argument to maketrans it must be a dict"))
		}
		d := asObject[Dict](args[0])
		for i := 0; i < len(d.entries); i++ {
			e := d.entries[i]
			if e.key.IsNil() {
				continue
			}
			key := e.key
			switch {
			case isStr(key):
				ko := strObj(key)
				if ko.length != 1 {
					return fail(in.raise(valueErrorType, "string keys in translate table must be of length 1"))
				}
				r, _ := decodeCP(ko.s)
				key = Int(int64(r))
			case !isInt(key):
				return fail(in.raise(typeErrorType, "keys in translate table must be strings or integers"))
			}
			incRef(e.key)
			incRef(e.value)
			err := in.DictSet(result, key, e.value)
			in.decRef(e.key)
			in.decRef(e.value)
			if err != nil {
				return fail(err)
			}
		}
		return rv, nil
	}
	if !isStr(args[0]) {
		return fail(in.raise(typeErrorType, "first maketrans argument must be a string if there is a second argument"))
	}
	x, y := strObj(args[0]), strObj(args[1])
	if x.length != y.length {
		return fail(in.raise(valueErrorType, "the first two maketrans arguments must have equal length"))
	}
	for i, j := 0, 0; i < len(x.s); {
		a, n := decodeCP(x.s[i:])
		b, m := decodeCP(y.s[j:])
		i, j = i+n, j+m
		if err := in.DictSet(result, Int(int64(a)), Int(int64(b))); err != nil {
			return fail(err)
		}
	}
	if len(args) > 2 {
		z := strObj(args[2]).s
		for i := 0; i < len(z); {
			c, n := decodeCP(z[i:])
			i += n
			if err := in.DictSet(result, Int(int64(c)), None); err != nil {
				return fail(err)
			}
		}
	}
	return rv, nil
}

// strTranslate maps each code point of v through table[ord(c)]: a code
// point, a str, None to delete it, or a LookupError to keep it.
func (in *Interp) strTranslate(v, table Value) (Value, error) {
	o := strObj(v)
	s := o.s
	var b strings.Builder
	b.Grow(len(s))
	length, ascii, changed := 0, true, false
	for i := 0; i < len(s); {
		r, n := decodeCP(s[i:])
		keep := s[i : i+n]
		i += n
		var m Value
		var found bool
		if table.Type() == dictType {
			var err error
			if m, found, err = in.DictGet(asObject[Dict](table), Int(int64(r))); err != nil {
				return Value{}, err
			}
			if found {
				incRef(m)
			}
		} else {
			var err error
			m, err = in.GetItem(table, Int(int64(r)))
			if err != nil {
				e, ok := err.(*Exception)
				if !ok || !valueOf(e).Type().IsSubtype(lookupErrorT) {
					return Value{}, err
				}
				in.decRef(valueOf(e))
			} else {
				found = true
			}
		}
		if !found {
			b.WriteString(keep)
			length++
			ascii = ascii && r < utf8.RuneSelf
			continue
		}
		changed = true
		switch {
		case m.IsNone():
		case isInt(m):
			c, fits := strIntFits(m)
			if !fits || c < 0 || c > 0x10ffff {
				in.decRef(m)
				return Value{}, in.raise(valueErrorType, "character mapping must be in range(0x110000)")
			}
			writeCP(&b, rune(c))
			length++
			ascii = ascii && c < utf8.RuneSelf
		case isStr(m):
			mo := strObj(m)
			b.WriteString(mo.s)
			length += mo.length
			ascii = ascii && mo.ascii
		default:
			in.decRef(m)
			return Value{}, in.raise(typeErrorType, "character mapping must return integer, None or str")
		}
		in.decRef(m)
		if int64(b.Len()) > maxStrBytes {
			return Value{}, in.memoryError()
		}
	}
	if !changed {
		return in.strUnchanged(v)
	}
	return in.newStrText(b.String(), length, ascii)
}
