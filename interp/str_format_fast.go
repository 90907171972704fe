package interp

import (
	"strconv"

	"github.com/parallel-py/parallel/interp/format"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Fast paths of the formatting operations for the exact built-in types,
// which make up nearly every operand: their text comes straight from Go,
// without a str object made only to be read and dropped, and small ints
// never become big.Ints. Anything else (subclasses, other types) takes
// the general path, so the results and errors are the same.

// exactText returns str(v) when v is an exact str, an unboxed int or a
// float, whose str() runs no Python code.
func exactText(v Value) (string, bool) {
	switch {
	case v.IsSmallInt():
		return strconv.FormatInt(v.SmallInt(), 10), true
	case v.IsFloat():
		return syntax.ReprFloat(v.FloatValue()), true
	case v.IsObject() && v.Type() == strType:
		return v.GoString(), true
	}
	return "", false
}

// exactRepr returns repr(v) for the types exactText knows.
func exactRepr(v Value) (string, bool) {
	if v.IsObject() && v.Type() == strType {
		return syntax.ReprString(v.GoString()), true
	}
	return exactText(v)
}

// SmallInt returns the value of an unboxed int or a bool
// (format.SmallIntArg): the % engine then formats it without a big.Int.
func (a pctOperand) SmallInt() (int64, bool) {
	if a.v.IsSmallInt() || a.v.IsBool() {
		return int64(a.v.n), true
	}
	return 0, false
}

// dictGetText returns d[key] (a borrowed reference) for a str key given as
// Go text, without making a str, when the answer needs no Python code:
// ok is false when the key is absent or when an entry of the same hash
// has a key that is not an exact str (its __eq__ must be asked), and the
// caller then takes the general path.
func dictGetText(d *Dict, key string) (Value, bool) {
	if len(d.indices) == 0 {
		return Value{}, false
	}
	hash := hashString(key)
	mask := uint64(len(d.indices) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for {
		ix := d.indices[i]
		if ix == emptySlot {
			return Value{}, false
		}
		if ix != deletedSlot {
			e := &d.entries[ix]
			if e.hash == hash {
				if !e.key.IsObject() || e.key.Type() != strType {
					return Value{}, false
				}
				if e.key.GoString() == key {
					return e.value, true
				}
			}
		}
		// The probe sequence of dictProbe (CPython's).
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// formatText is format(v, spec) as Go text, for str.format's fields:
// exact strs, unboxed ints and floats directly, anything else through
// formatAny.
func (in *Interp) formatText(v Value, spec string) (string, error) {
	var s string
	var err error
	switch {
	case v.IsSmallInt():
		s, err = format.Int64(v.SmallInt(), spec, "int")
	case v.IsFloat():
		s, err = format.Float(v.FloatValue(), spec, "float")
	case v.IsObject() && v.Type() == strType:
		s, err = format.Str(v.GoString(), spec, "str")
	default:
		r, err := in.formatAny(v, spec)
		if err != nil {
			return "", err
		}
		defer in.decRef(r)
		return r.GoString(), nil
	}
	if err != nil {
		return "", in.strFormatError(err)
	}
	return s, nil
}

// pctCall is the state of one str % operation: the operands handed to the
// engine and the values held until it ends. Each interpreter keeps one
// for its next formatting, so that a formatting allocates nothing of its
// own; a formatting nested in another (a __str__ that formats) makes its
// own.
type pctCall struct {
	in    *Interp
	store []pctOperand // the operands, pointed to by ops and the engine
	ops   []format.Arg
	owned []Value // values obtained by mapping lookups
}

func newPctCall(in *Interp) *pctCall {
	c := in.free.pctCall
	if c == nil {
		c = new(pctCall)
	}
	in.free.pctCall = nil
	c.in = in
	return c
}

// operand returns the operand for v, which the call owns when owned is
// set. A pointer into store: the engine may keep it while store grows,
// which leaves it pointing at an earlier, equally valid, copy.
func (c *pctCall) operand(v Value, owned bool) *pctOperand {
	if owned {
		c.owned = append(c.owned, v)
	}
	c.store = append(c.store, pctOperand{c, v})
	return &c.store[len(c.store)-1]
}

// release drops the held values and keeps the call for the interpreter's
// next formatting; nothing it held stays reachable from it.
func (c *pctCall) release() {
	for _, v := range c.owned {
		c.in.decRef(v)
	}
	clear(c.owned)
	clear(c.store)
	clear(c.ops)
	c.owned, c.store, c.ops = c.owned[:0], c.store[:0], c.ops[:0]
	in := c.in
	c.in = nil
	if cap(c.store) > 64 || cap(c.owned) > 64 {
		return // unusually large: let it go
	}
	in.free.pctCall = c
}
