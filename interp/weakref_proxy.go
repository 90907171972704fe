package interp

// The operations a weakref.proxy forwards to its referent besides
// attribute access (weakref.go): iteration, len, subscripts, `in`,
// comparisons and arithmetic, each with a proxy operand replaced by its
// referent (ReferenceError once it is gone), as CPython's proxy type
// does. Proxies are unhashable.

// unproxy is v's referent when v is a proxy (a new reference), or v.
func (in *Interp) unproxy(v Value) (Value, error) {
	if t := v.Type(); t != weakProxyType && t != weakCallableProxyT {
		incRef(v)
		return v, nil
	}
	r := asObject[WeakRef](v).referentValue()
	if r.IsNil() {
		return Value{}, in.raise(exceptionTypes["ReferenceError"], "weakly-referenced object no longer exists")
	}
	incRef(r)
	return r, nil
}

// withReferent runs fn on v's referent.
func withReferent[R any](in *Interp, v Value, fn func(r Value) (R, error)) (R, error) {
	r, err := in.unproxy(v)
	if err != nil {
		var zero R
		return zero, err
	}
	defer in.decRef(r)
	return fn(r)
}

func init() {
	for _, t := range []*Type{weakProxyType, weakCallableProxyT} {
		t.iter = func(in *Interp, v Value) (Value, error) {
			return withReferent(in, v, func(r Value) (Value, error) { return in.getIter(r) })
		}
		t.next = func(in *Interp, v Value) (Value, bool, error) {
			r, err := in.unproxy(v)
			if err != nil {
				return Value{}, false, err
			}
			defer in.decRef(r)
			if r.Type().next == nil {
				return Value{}, false, in.raise(typeErrorType, "Weakref proxy referenced a non-iterator '%s' object", r.Type().Name)
			}
			return in.iterNext(r)
		}
		t.length = func(in *Interp, v Value) (int, error) {
			return withReferent(in, v, func(r Value) (int, error) { return in.Len(r) })
		}
		t.getitem = func(in *Interp, v, key Value) (Value, error) {
			return withReferent(in, v, func(r Value) (Value, error) { return in.GetItem(r, key) })
		}
		t.setitem = func(in *Interp, v, key, value Value) error {
			_, err := withReferent(in, v, func(r Value) (struct{}, error) { return struct{}{}, in.SetItem(r, key, value) })
			return err
		}
		t.contains = func(in *Interp, v, key Value) (bool, error) {
			return withReferent(in, v, func(r Value) (bool, error) { return in.Contains(r, key) })
		}
		t.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) {
			x, err := in.unproxy(a)
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(x)
			y, err := in.unproxy(b)
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(y)
			return in.RichCompare(x, y, op)
		}
		t.number = &numberSlots{}
		for op := BinaryOp(0); op < numBinaryOps; op++ {
			op := op
			binary := func(in *Interp, a, b Value) (Value, error) {
				x, err := in.unproxy(a)
				if err != nil {
					return Value{}, err
				}
				defer in.decRef(x)
				y, err := in.unproxy(b)
				if err != nil {
					return Value{}, err
				}
				defer in.decRef(y)
				return in.BinaryOp(op, x, y)
			}
			t.number.binary[op] = binary
		}
		for _, u := range []struct {
			slot *func(in *Interp, v Value) (Value, error)
			op   func(in *Interp, v Value) (Value, error)
		}{
			{&t.number.neg, (*Interp).Neg},
			{&t.number.pos, (*Interp).Pos},
			{&t.number.invert, (*Interp).Invert},
			{&t.number.abs, (*Interp).Abs},
		} {
			op := u.op
			*u.slot = func(in *Interp, v Value) (Value, error) {
				return withReferent(in, v, func(r Value) (Value, error) { return op(in, r) })
			}
		}
	}
}
