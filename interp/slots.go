package interp

// The slots of classes: a class that defines a special method (__repr__,
// __eq__, __call__, ...) gets a slot that calls it, and one that does not
// inherits the slot of the first base that has one, as CPython's
// update_slot does. Arithmetic dunders are not slots here: BinaryOp finds
// them by name when an operand is an instance of a class.

// slotSource returns the first type in t's MRO that defines one of names
// in its own namespace (a class) or has the slot (has reports it, for a
// built-in type), and whether that type is a class.
func (in *Interp) slotSource(t *Type, has func(b *Type) bool, names ...string) (*Type, bool) {
	for _, b := range t.MRO {
		if b.dict != nil {
			for _, n := range names {
				if _, ok, _ := in.DictGet(b.dict, internName(n)); ok {
					return b, true
				}
			}
			continue
		}
		if has(b) {
			return b, false
		}
	}
	return nil, false
}

// updateSlots recomputes the slots of class t and of its subclasses.
func (in *Interp) updateSlots(t *Type) {
	if t.Flags&TypeHeapType == 0 {
		return
	}
	t.dealloc = t.layout.dealloc
	t.construct = heapConstruct
	t.traverse, t.clear = t.layout.traverse, t.layout.clear
	subclassSlots(t)
	if _, heap := in.slotSource(t, func(*Type) bool { return false }, "__del__"); heap {
		t.Flags |= TypeHasFinalizer
	} else {
		t.Flags &^= TypeHasFinalizer
	}

	if src, heap := in.slotSource(t, func(b *Type) bool { return b.repr != nil }, "__repr__"); heap {
		t.repr = slotRepr
	} else if src != nil {
		t.repr = src.repr
	} else {
		t.repr = nil
	}
	if src, heap := in.slotSource(t, func(b *Type) bool { return b.str != nil }, "__str__"); heap {
		t.str = slotStr
	} else if src != nil {
		t.str = src.str
	} else {
		t.str = nil
	}
	t.hash = nil
	// A built-in type that compares by value without a hash (list,
	// bytearray) makes its classes unhashable, as inheritedHash says.
	if src, heap := in.slotSource(t, func(b *Type) bool { return b.hash != nil || b.compare != nil }, "__hash__"); heap {
		if h, _, _ := in.DictGet(src.dict, internName("__hash__")); !h.IsNone() {
			t.hash = slotHash
		}
	} else if src != nil {
		t.hash = src.hash
	}
	if src, heap := in.slotSource(t, func(b *Type) bool { return b.boolean != nil }, "__bool__", "__len__"); heap {
		t.boolean = slotBool
	} else if src != nil {
		t.boolean = src.boolean
	} else {
		t.boolean = nil
	}
	if src, heap := in.slotSource(t, func(b *Type) bool { return b.compare != nil }, compareDunders[:]...); heap {
		t.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) { return in.callSpecialCompare(a, b, op) }
	} else if src != nil {
		t.compare = src.compare
	}
	if src, heap := in.slotSource(t, func(b *Type) bool { return b.call != nil }, "__call__"); heap {
		t.call = slotCall
	} else if src != nil {
		t.call = src.call
	} else {
		t.call = nil
	}
	getattribute, heapGetattribute := in.slotSource(t, func(b *Type) bool { return b.getattr != nil }, "__getattribute__")
	_, hasGetattr := in.slotSource(t, func(*Type) bool { return false }, "__getattr__")
	switch {
	case heapGetattribute || hasGetattr:
		t.getattr = slotGetAttr
	case getattribute != nil:
		t.getattr = getattribute.getattr
	default:
		t.getattr = nil
	}
	if src, heap := in.slotSource(t, func(b *Type) bool { return b.setattr != nil }, "__setattr__", "__delattr__"); heap {
		t.setattr = slotSetAttr
	} else if src != nil {
		t.setattr = src.setattr
	} else {
		t.setattr = nil
	}
	if src, heap := in.slotSource(t, func(b *Type) bool { return b.descrGet != nil }, "__get__"); heap {
		t.descrGet = slotDescrGet
	} else if src != nil {
		t.descrGet = src.descrGet
	} else {
		t.descrGet = nil
	}
	if src, heap := in.slotSource(t, func(b *Type) bool { return b.descrSet != nil }, "__set__", "__delete__"); heap {
		t.descrSet = slotDescrSet
	} else if src != nil {
		t.descrSet = src.descrSet
	} else {
		t.descrSet = nil
	}
	in.updateContainerSlots(t)
	for _, s := range t.subclasses {
		in.updateSlots(s)
	}
}

// updateContainerSlots sets the iteration, len, subscription and
// containment slots of class t.
func (in *Interp) updateContainerSlots(t *Type) {
	if src, heap := in.slotSource(t, func(b *Type) bool { return b.iter != nil }, "__iter__"); heap {
		t.iter = slotIter
	} else if src != nil {
		t.iter = src.iter
	} else {
		t.iter = nil
	}
	if src, heap := in.slotSource(t, func(b *Type) bool { return b.next != nil }, "__next__"); heap {
		t.next = slotNext
	} else if src != nil {
		t.next = src.next
	} else {
		t.next = nil
	}
	if src, heap := in.slotSource(t, func(b *Type) bool { return b.length != nil }, "__len__"); heap {
		t.length = slotLen
	} else if src != nil {
		t.length = src.length
	} else {
		t.length = nil
	}
	if src, heap := in.slotSource(t, func(b *Type) bool { return b.getitem != nil }, "__getitem__"); heap {
		t.getitem = func(in *Interp, v, key Value) (Value, error) { return in.callSpecialResult(v, "__getitem__", key) }
	} else if src != nil {
		t.getitem = src.getitem
	} else {
		t.getitem = nil
	}
	if src, heap := in.slotSource(t, func(b *Type) bool { return b.setitem != nil }, "__setitem__", "__delitem__"); heap {
		t.setitem = slotSetItem
	} else if src != nil {
		t.setitem = src.setitem
	} else {
		t.setitem = nil
	}
	if src, heap := in.slotSource(t, func(b *Type) bool { return b.contains != nil }, "__contains__"); heap {
		t.contains = func(in *Interp, v, key Value) (bool, error) {
			r, err := in.callSpecialResult(v, "__contains__", key)
			if err != nil {
				return false, err
			}
			defer in.decRef(r)
			return in.Truth(r)
		}
	} else if src != nil {
		t.contains = src.contains
	} else {
		t.contains = nil
	}
}

func slotIter(in *Interp, v Value) (Value, error) {
	r, err := in.callSpecialResult(v, "__iter__")
	if err == nil && r.Type().next == nil {
		in.decRef(r)
		return Value{}, in.raise(typeErrorType, "iter() returned non-iterator of type '%s'", r.Type().Name)
	}
	return r, err
}

func slotNext(in *Interp, v Value) (Value, bool, error) {
	r, err := in.callSpecialResult(v, "__next__")
	if err != nil {
		if e, ok := err.(*Exception); ok && valueOf(e).Type().IsSubtype(stopIterationType) {
			in.decRef(valueOf(e))
			return Value{}, false, nil
		}
		return Value{}, false, err
	}
	return r, true, nil
}

func slotLen(in *Interp, v Value) (int, error) {
	r, err := in.callSpecialResult(v, "__len__")
	if err != nil {
		return 0, err
	}
	defer in.decRef(r)
	if !isInt(r) {
		return 0, in.raise(typeErrorType, "'%s' object cannot be interpreted as an integer", r.Type().Name)
	}
	if !r.IsSmallInt() && !r.IsBool() {
		if asObject[BigInt](r).v.Sign() < 0 {
			return 0, in.raise(valueErrorType, "__len__() should return >= 0")
		}
		return 0, in.raise(overflowErrorType, "cannot fit 'int' into an index-sized integer")
	}
	n := int64(r.n)
	if n < 0 {
		return 0, in.raise(valueErrorType, "__len__() should return >= 0")
	}
	return int(n), nil
}

func slotSetItem(in *Interp, v, key, value Value) error {
	var r Value
	var err error
	if value.IsNil() {
		r, err = in.callSpecialResult(v, "__delitem__", key)
	} else {
		r, err = in.callSpecialResult(v, "__setitem__", key, value)
	}
	if err == nil {
		in.decRef(r)
	}
	return err
}

// callSpecialCompare calls the rich comparison dunder of op on a's type,
// or answers NotImplemented when there is none.
func (in *Interp) callSpecialCompare(a, b Value, op CompareOp) (Value, error) {
	attr, err := in.lookupString(a.Type(), compareDunders[op])
	if err != nil || attr.IsNil() {
		return NotImplemented, err
	}
	return in.callAttrWithArg(attr, a, b)
}

// callSpecialResult calls a special method that must exist (the slot was
// installed because it does).
func (in *Interp) callSpecialResult(v Value, name string, args ...Value) (Value, error) {
	r, found, err := in.callSpecial(v, name, args...)
	if err == nil && !found {
		err = in.noAttribute(v, internName(name))
	}
	return r, err
}

func slotRepr(in *Interp, v Value) (Value, error) {
	r, err := in.callSpecialResult(v, "__repr__")
	if err == nil && r.Type() != strType {
		in.decRef(r)
		return Value{}, in.raise(typeErrorType, "__repr__ returned non-string (type %s)", r.Type().Name)
	}
	return r, err
}

func slotStr(in *Interp, v Value) (Value, error) {
	r, err := in.callSpecialResult(v, "__str__")
	if err == nil && r.Type() != strType {
		in.decRef(r)
		return Value{}, in.raise(typeErrorType, "__str__ returned non-string (type %s)", r.Type().Name)
	}
	return r, err
}

func slotHash(in *Interp, v Value) (int64, error) {
	r, err := in.callSpecialResult(v, "__hash__")
	if err != nil {
		return 0, err
	}
	defer in.decRef(r)
	if !isInt(r) {
		return 0, in.raise(typeErrorType, "__hash__ method should return an integer")
	}
	// A result that fits is used as it is; a bigger one is reduced by
	// the int hash, as CPython does.
	var h int64
	if r.IsSmallInt() || r.IsBool() {
		h = int64(r.n)
	} else if h, err = intHash(in, r); err != nil {
		return 0, err
	}
	if h == -1 {
		h = -2
	}
	return h, nil
}

func slotBool(in *Interp, v Value) (bool, error) {
	r, found, err := in.callSpecial(v, "__bool__")
	if err != nil {
		return false, err
	}
	if found {
		defer in.decRef(r)
		if !r.IsBool() {
			return false, in.raise(typeErrorType, "__bool__ should return bool, returned %s", r.Type().Name)
		}
		return r.BoolValue(), nil
	}
	n, err := in.Len(v)
	return n != 0, err
}

func slotCall(in *Interp, v Value, args []Value, kwnames []Value) (Value, error) {
	attr, err := in.lookupString(v.Type(), "__call__")
	if err != nil {
		return Value{}, err
	}
	if attr.IsNil() {
		return Value{}, in.raise(typeErrorType, "'%s' object is not callable", v.Type().Name)
	}
	// __call__ may itself be an instance with __call__ (A.__call__ =
	// A()): each level is a Go call, so it counts against the limit.
	if err := in.enterCall(" while calling a Python object"); err != nil {
		return Value{}, err
	}
	defer in.leaveCall()
	return in.callAttrWithSelf(attr, v, args, kwnames)
}

// slotGetAttr runs __getattribute__ (object's when the class does not
// override it) and falls back to __getattr__ on AttributeError.
func slotGetAttr(in *Interp, v, name Value) (Value, error) {
	t := v.Type()
	var r Value
	var err error
	ga, err := in.lookupString(t, "__getattribute__")
	if err != nil {
		return Value{}, err
	}
	if d, ok := methodDescrOf(ga); ok && d.owner == objectType || ga.IsNil() {
		r, err = in.genericGetAttr(v, name, false)
	} else {
		r, err = in.callAttrWithArg(ga, v, name)
	}
	if err == nil || !in.isAttributeError(err) {
		return r, err
	}
	getattr, lerr := in.lookupString(t, "__getattr__")
	if lerr != nil || getattr.IsNil() {
		return Value{}, err
	}
	in.decRef(valueOf(err.(*Exception)))
	return in.callAttrWithArg(getattr, v, name)
}

func slotSetAttr(in *Interp, v, name, value Value) error {
	var r Value
	var err error
	if value.IsNil() {
		r, err = in.callSpecialResult(v, "__delattr__", name)
	} else {
		r, err = in.callSpecialResult(v, "__setattr__", name, value)
	}
	if err == nil {
		in.decRef(r)
	}
	return err
}

func slotDescrGet(in *Interp, descr, obj Value, t *Type) (Value, error) {
	o, ty := obj, valueOf(t)
	if o.IsNil() {
		o = None
	}
	if t == nil {
		ty = None
	}
	return in.callSpecialResult(descr, "__get__", o, ty)
}

func slotDescrSet(in *Interp, descr, obj, value Value) error {
	var r Value
	var err error
	if value.IsNil() {
		r, err = in.callSpecialResult(descr, "__delete__", obj)
	} else {
		r, err = in.callSpecialResult(descr, "__set__", obj, value)
	}
	if err == nil {
		in.decRef(r)
	}
	return err
}

// The arithmetic dunders by BinaryOp.
var (
	binaryDunders  = [numBinaryOps]string{"__add__", "__and__", "__floordiv__", "__lshift__", "__matmul__", "__mul__", "__mod__", "__or__", "__pow__", "__rshift__", "__sub__", "__truediv__", "__xor__"}
	rbinaryDunders = [numBinaryOps]string{"__radd__", "__rand__", "__rfloordiv__", "__rlshift__", "__rmatmul__", "__rmul__", "__rmod__", "__ror__", "__rpow__", "__rrshift__", "__rsub__", "__rtruediv__", "__rxor__"}
	ibinaryDunders = [numBinaryOps]string{"__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__", "__imul__", "__imod__", "__ior__", "__ipow__", "__irshift__", "__isub__", "__itruediv__", "__ixor__"}
)

// binarySide is how one operand's type takes part in a binary operation:
// a class's dunder found by name, or a built-in type's slot.
type binarySide struct {
	dunder Value // borrowed
	slot   func(in *Interp, a, b Value) (Value, error)
	src    *Type // the built-in type slot comes from
}

// binaryDunderNames and rbinaryDunderNames are the interned strs of
// binaryDunders and rbinaryDunders: binarySideOf looks one up in each
// class of an operand's MRO on every operation on instances.
var binaryDunderNames, rbinaryDunderNames [numBinaryOps]Value

func init() {
	for op := range numBinaryOps {
		binaryDunderNames[op] = internName(binaryDunders[op])
		rbinaryDunderNames[op] = internName(rbinaryDunders[op])
	}
}

func (in *Interp) binarySideOf(t *Type, op BinaryOp, reflected bool) (binarySide, error) {
	name := binaryDunderNames[op]
	if reflected {
		name = rbinaryDunderNames[op]
	}
	for _, b := range t.MRO {
		if b.dict != nil {
			v, ok, err := in.DictGet(b.dict, name)
			if err != nil || ok {
				return binarySide{dunder: v}, err
			}
			continue
		}
		if s := binarySlot(b, op); s != nil {
			return binarySide{slot: s, src: b}, nil
		}
	}
	return binarySide{}, nil
}

func (s binarySide) empty() bool { return s.dunder.IsNil() && s.slot == nil }

func (in *Interp) callBinarySide(s binarySide, a, b Value, reflected bool) (Value, error) {
	if s.slot != nil {
		return s.slot(in, a, b)
	}
	if reflected {
		return in.callAttrWithArg(s.dunder, b, a)
	}
	return in.callAttrWithArg(s.dunder, a, b)
}

// callAttrWithArg is callAttrWithSelf with one argument, which for a
// function or method descriptor goes with self on the thread's frame
// stack (as in callWithSelf) rather than in a new slice: binary
// operators on instances call their dunders this way.
func (in *Interp) callAttrWithArg(attr, self, arg Value) (Value, error) {
	if t := attr.Type(); t == functionType || t == methodDescrType {
		if stack := in.frameSlots; stack != nil && stack.Started() {
			all := stack.Push(2)
			all[0], all[1] = self, arg
			r, err := in.Call(attr, all, nil)
			stack.Pop(2)
			return r, err
		}
	}
	return in.callAttrWithSelf(attr, self, []Value{arg}, nil)
}

// binaryOpClasses is binaryOpNI when an operand is an instance of a class.
func (in *Interp) binaryOpClasses(op BinaryOp, a, b Value) (Value, error) {
	ta, tb := a.Type(), b.Type()
	left, err := in.binarySideOf(ta, op, false)
	if err != nil {
		return Value{}, err
	}
	var right binarySide
	if ta != tb {
		if right, err = in.binarySideOf(tb, op, true); err != nil {
			return Value{}, err
		}
		if right.slot != nil && left.slot != nil && right.dunder.IsNil() && right.src == left.src {
			// The same built-in slot on both sides: call it once.
			right = binarySide{}
		}
	}
	return in.dispatchBinary(left, right, a, b)
}

// unsupportedOperands is the TypeError of an operator no operand
// supports; suffix is "=" for the in-place forms.
func (in *Interp) unsupportedOperands(op BinaryOp, suffix string, ta, tb *Type) error {
	if op == OpPow && suffix == "" {
		return in.raise(typeErrorType, "unsupported operand type(s) for ** or pow(): '%s' and '%s'", ta.Name, tb.Name)
	}
	return in.raise(typeErrorType, "unsupported operand type(s) for %s%s: '%s' and '%s'", op.Symbol(), suffix, ta.Name, tb.Name)
}

// InPlaceOp computes a op= b: the in-place dunder or slot of a's type when
// it has one and does not answer NotImplemented, else a op b.
func (in *Interp) InPlaceOp(op BinaryOp, a, b Value) (Value, error) {
	ta := a.Type()
	if ta.Flags&TypeHeapType != 0 {
		attr, err := in.lookupString(ta, ibinaryDunders[op])
		if err != nil {
			return Value{}, err
		}
		if !attr.IsNil() {
			r, err := in.callAttrWithArg(attr, a, b)
			if err != nil || !r.Is(NotImplemented) {
				return r, err
			}
		}
	} else if ta.number != nil && ta.number.inplace[op] != nil {
		r, err := ta.number.inplace[op](in, a, b)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	r, err := in.binaryOpNI(op, a, b)
	if err == nil && r.Is(NotImplemented) {
		return Value{}, in.unsupportedOperands(op, "=", ta, b.Type())
	}
	return r, err
}

// dispatchBinary tries the two sides of a binary operation in Python's
// order: the right operand's reflected method first when its class
// derives from the left operand's and overrides it, then the left's,
// then the right's; NotImplemented when all decline.
func (in *Interp) dispatchBinary(left, right binarySide, a, b Value) (Value, error) {
	if !right.empty() && b.Type().IsSubtype(a.Type()) && !right.dunder.IsNil() {
		r, err := in.callBinarySide(right, a, b, true)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
		right = binarySide{}
	}
	if !left.empty() {
		r, err := in.callBinarySide(left, a, b, false)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if !right.empty() {
		r, err := in.callBinarySide(right, a, b, true)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	return NotImplemented, nil
}
