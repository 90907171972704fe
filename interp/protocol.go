package interp

import "fmt"

// The abstract protocols: what the eval loop and the builtins call to
// operate on any value, dispatching through the type's slots the way
// CPython's abstract.c and object.c do.

// Repr returns repr(v) as a new str.
func (in *Interp) Repr(v Value) (Value, error) {
	if err := in.enterCall(" while getting the repr of an object"); err != nil {
		return Value{}, err
	}
	defer in.leaveCall()
	for _, t := range v.Type().MRO {
		if t.repr != nil {
			return t.repr(in, v)
		}
	}
	return objectRepr(in, v)
}

// cRecursionLimit bounds the nesting of Go-level recursion through Python
// operations (repr of nested containers, comparisons, calls from Go back
// into Python), as CPython's C recursion limit does: deep data raises
// RecursionError instead of growing the Go stack without bound.
const cRecursionLimit = 1500

// enterCall counts one level of Go recursion; where completes CPython's
// "maximum recursion depth exceeded" message.
func (in *Interp) enterCall(where string) error {
	in.cDepth++
	if in.cDepth > cRecursionLimit {
		in.cDepth--
		return in.raise(recursionErrorType, "maximum recursion depth exceeded%s", where)
	}
	return nil
}

func (in *Interp) leaveCall() { in.cDepth-- }

// reprEnter marks container v as being repr'd; it returns false when v
// already is, and the caller prints [...] or {...} (CPython's
// Py_ReprEnter). reprLeave undoes it.
func (in *Interp) reprEnter(v Value) bool {
	for _, p := range in.reprStack {
		if p == v.p {
			return false
		}
	}
	in.reprStack = append(in.reprStack, v.p)
	return true
}

func (in *Interp) reprLeave() { in.reprStack = in.reprStack[:len(in.reprStack)-1] }

// objectRepr is object.__repr__: <module.Name object at 0x...>.
func objectRepr(in *Interp, v Value) (Value, error) {
	t := v.Type()
	name := t.qualname()
	if t.Module != "builtins" {
		name = t.Module + "." + name
	}
	return in.NewStr(fmt.Sprintf("<%s object at %#x>", name, uintptr(v.p)))
}

// Str returns str(v) as a new str; types without their own __str__ use
// repr, as object.__str__ does.
func (in *Interp) Str(v Value) (Value, error) {
	if t := v.Type(); t.str != nil {
		return t.str(in, v)
	}
	return in.Repr(v)
}

// Truth returns bool(v).
func (in *Interp) Truth(v Value) (bool, error) {
	switch v.p {
	case boolTag:
		return v.n != 0, nil
	case noneTag:
		return false, nil
	case intTag:
		return v.n != 0, nil
	}
	if t := v.Type(); t.boolean != nil {
		return t.boolean(in, v)
	}
	return true, nil
}

// Hash returns hash(v), or TypeError for an unhashable value.
func (in *Interp) Hash(v Value) (int64, error) {
	t := v.Type()
	h := t.hash
	if h == nil {
		if h = inheritedHash(t); h == nil {
			return 0, in.raise(typeErrorType, "unhashable type: '%s'", t.tpName())
		}
	}
	return h(in, v)
}

// binarySlot returns the slot of t for op, or nil.
func binarySlot(t *Type, op BinaryOp) func(in *Interp, a, b Value) (Value, error) {
	if t.number == nil {
		return nil
	}
	return t.number.binary[op]
}

// BinaryOp computes a op b with Python's dispatch; NotImplemented from
// every candidate gives TypeError.
func (in *Interp) BinaryOp(op BinaryOp, a, b Value) (Value, error) {
	r, err := in.binaryOpNI(op, a, b)
	if err == nil && r.Is(NotImplemented) {
		return Value{}, in.unsupportedOperands(op, "", a.Type(), b.Type())
	}
	return r, err
}

// binaryOpNI is BinaryOp answering NotImplemented instead of raising:
// the right operand's slot first when its type is a proper subtype of the
// left's, then the left's, then the right's.
func (in *Interp) binaryOpNI(op BinaryOp, a, b Value) (Value, error) {
	ta, tb := a.Type(), b.Type()
	if (ta.Flags|tb.Flags)&TypeHeapType != 0 {
		return in.binaryOpClasses(op, a, b)
	}
	sa := binarySlot(ta, op)
	var sb func(in *Interp, a, b Value) (Value, error)
	if tb != ta {
		sb = binarySlot(tb, op)
	}
	if sb != nil && tb.IsSubtype(ta) {
		r, err := sb(in, a, b)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
		sb = nil
	}
	if sa != nil {
		r, err := sa(in, a, b)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if sb != nil {
		r, err := sb(in, a, b)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	return NotImplemented, nil
}

// compareResult answers op from a three-way comparison c (-1, 0, 1).
func compareResult(c int, op CompareOp) Value {
	switch op {
	case CmpLT:
		return Bool(c < 0)
	case CmpLE:
		return Bool(c <= 0)
	case CmpEQ:
		return Bool(c == 0)
	case CmpNE:
		return Bool(c != 0)
	case CmpGT:
		return Bool(c > 0)
	}
	return Bool(c >= 0)
}

var compareSymbols = [...]string{"<", "<=", "==", "!=", ">", ">="}

// swapped is the reflection of a comparison: a < b is b > a.
var swapped = [...]CompareOp{CmpGT, CmpGE, CmpEQ, CmpNE, CmpLT, CmpLE}

// RichCompare computes a op b with Python's dispatch and its defaults:
// identity for == and !=, TypeError for ordering.
func (in *Interp) RichCompare(a, b Value, op CompareOp) (Value, error) {
	ta, tb := a.Type(), b.Type()
	reflectedFirst := ta != tb && tb.IsSubtype(ta) && tb.compare != nil
	if reflectedFirst {
		r, err := tb.compare(in, b, a, swapped[op])
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if ta.compare != nil {
		r, err := ta.compare(in, a, b, op)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if !reflectedFirst && tb.compare != nil {
		r, err := tb.compare(in, b, a, swapped[op])
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	switch op {
	case CmpEQ:
		return Bool(a.Is(b)), nil
	case CmpNE:
		return Bool(!a.Is(b)), nil
	}
	return Value{}, in.raise(typeErrorType, "'%s' not supported between instances of '%s' and '%s'", compareSymbols[op], ta.Name, tb.Name)
}
