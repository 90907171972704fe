package modules

import (
	"github.com/parallel-py/parallel/interp"
)

// The _bisect module of CPython 3.12, whose functions Lib/bisect.py
// takes in place of its own: binary search in any sequence (through
// __getitem__, comparing with < only) and insertion into lists.

var bisectTable moduleTable

func initBisect(in *interp.Interp, m *interp.Module) error { return bisectTable.fill(in, m) }

func init() {
	interp.RegisterModule("_bisect", initBisect)
	bisectTable.set("__doc__", interp.ImmortalStr("Bisection algorithms."))
	for _, f := range []struct {
		name          string
		right, insort bool
	}{
		{"bisect_right", true, false},
		{"insort_right", true, true},
		{"bisect_left", false, false},
		{"insort_left", false, true},
	} {
		params := &interp.Params{Func: f.name, Names: []string{"a", "x", "lo", "hi", "key"}, KwOnly: 1, Required: 2}
		right, insort := f.right, f.insort
		bisectTable.fn(f.name, func(in *interp.Interp, args, kwnames []Value) (Value, error) {
			return bisectCall(in, params, args, kwnames, right, insort)
		})
	}
}

// bisectCall is the four functions: (a, x, lo=0, hi=None, *, key=None).
func bisectCall(in *interp.Interp, p *interp.Params, args, kwnames []Value, right, insort bool) (Value, error) {
	var a, x, loArg, hiArg, key Value
	if err := in.Unpack(p, args, kwnames, &a, &x, &loArg, &hiArg, &key); err != nil {
		return Value{}, err
	}
	lo, hi := 0, -1
	var err error
	if !loArg.IsNil() {
		if lo, err = in.AsSsize(loArg); err != nil {
			return Value{}, err
		}
	}
	if !hiArg.IsNil() && !hiArg.IsNone() {
		// CPython's optional Py_ssize_t converter: an index or None; -1
		// (given or not) means len(a).
		if !interp.IsInt(hiArg) {
			m, err := in.LookupSpecial(hiArg.Type(), "__index__")
			if err != nil {
				return Value{}, err
			}
			if m.IsNil() {
				return Value{}, in.Raise(interp.TypeError, "argument should be integer or None, not '%s'", hiArg.Type().Name)
			}
		}
		if hi, err = in.AsIndexSized(hiArg); err != nil {
			return Value{}, err
		}
	}
	if key.IsNone() {
		key = Value{}
	}
	if lo < 0 {
		return Value{}, in.Raise(interp.ValueError, "lo must be non-negative")
	}
	if hi == -1 {
		if bisectIsMapping(a) {
			return Value{}, in.Raise(interp.TypeError, "%s is not a sequence", a.Type().Name)
		}
		if hi, err = in.Len(a); err != nil {
			return Value{}, err
		}
	}
	if !insort {
		i, err := bisectSearch(in, a, x, lo, hi, key, right)
		if err != nil {
			return Value{}, err
		}
		return interp.Int(int64(i)), nil
	}
	target := x
	if !key.IsNil() {
		if target, err = in.Call(key, []Value{x}, nil); err != nil {
			return Value{}, err
		}
		defer in.DecRef(target)
	}
	i, err := bisectSearch(in, a, target, lo, hi, key, right)
	if err != nil {
		return Value{}, err
	}
	if a.Type() == interp.ListType {
		if err := in.Insert(interp.AsList(a), i, x); err != nil {
			return Value{}, err
		}
		return interp.None, nil
	}
	r, err := in.CallMethod(a, "insert", []Value{interp.Int(int64(i)), x}, nil)
	if err != nil {
		return Value{}, err
	}
	in.DecRef(r)
	return interp.None, nil
}

// bisectIsMapping tells the types CPython's sequence protocol refuses as
// mappings: "dict is not a sequence".
func bisectIsMapping(v Value) bool {
	return !interp.IsSequence(v) && (v.Type().IsSubtype(interp.DictType) || v.Type().Name == "mappingproxy")
}

// bisectSearch finds where x goes in a[lo:hi]: after the items equal to
// it when right, before them otherwise. It reads a[mid] as
// PySequence_GetItem does and compares key(a[mid]) with x.
func bisectSearch(in *interp.Interp, a, x Value, lo, hi int, key Value, right bool) (int, error) {
	if lo < hi && !interp.IsSequence(a) {
		if bisectIsMapping(a) {
			return 0, in.Raise(interp.TypeError, "%s is not a sequence", a.Type().Name)
		}
		return 0, in.Raise(interp.TypeError, "'%s' object does not support indexing", a.Type().Name)
	}
	for lo < hi {
		mid := int(uint(lo+hi) / 2)
		item, err := in.GetItem(a, interp.Int(int64(mid)))
		if err != nil {
			return 0, err
		}
		if !key.IsNil() {
			k, err := in.Call(key, []Value{item}, nil)
			in.DecRef(item)
			if err != nil {
				return 0, err
			}
			item = k
		}
		var less bool
		if right {
			less, err = in.CompareBool(x, item, interp.CmpLT)
		} else {
			less, err = in.CompareBool(item, x, interp.CmpLT)
		}
		in.DecRef(item)
		if err != nil {
			return 0, err
		}
		if less == right {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, nil
}
