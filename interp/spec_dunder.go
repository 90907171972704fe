package interp

import (
	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/bytecode"
)

// BINARY_OP_PY: a binary operator whose first candidate, in Python's
// dispatch order, is a Python function (a class's __add__, __iadd__, or
// the __rmul__ of `2.0 * v`). Like BINARY_SUBSCR_GETITEM it pushes that
// function's frame from the loop, where the generic form went through
// the type's slot, a lookup of the dunder by name, a Go call and a
// nested run of the eval loop (about 1,700 machine instructions for
// `v + w` against CPython 3.11's 720).
//
// The generic form goes on when the method answers NotImplemented, so
// the frame carries a return hook (frame.binop): the operands stay on
// the caller's stack while the method runs (the method gets references
// of its own, as it may rebind its parameters), and the return pops
// them. A result other than NotImplemented is the operator's; on
// NotImplemented the return runs the rest of the protocol
// (binaryOpRest). Specializing only where no other candidate exists
// would not do: NotImplemented must still become the TypeError, and
// `v * 2.0` has float's reflected slot after __mul__.
//
// Cache: 1.p the function (borrowed: it is in a class's namespace,
// whose change renews the versions below before the entry can be
// read), 1.n the version of a's type | the version of b's type<<32
// (versions are unique within an interpreter, so they prove the types
// too), 2.n the kind (binopLeft...).

// The kinds of BINARY_OP_PY, and of a frame's return hook (frame.binop).
const (
	binopNone      = iota
	binopLeft      // a.__add__(b); then b.__radd__(a)
	binopInPlace   // a.__iadd__(b); then a + b
	binopReflected // b.__radd__(a), a's slot declined; nothing after
)

// binaryOpCache is BINARY_OP's cache size, for the fast loop.
var binaryOpCache = uint32(bytecode.BINARY_OP.CacheSize())

// binaryOpKind splits BINARY_OP's oparg into the operator and whether it
// is the in-place form.
func binaryOpKind(oparg int) (BinaryOp, bool) {
	if oparg >= int(numBinaryOps) {
		return BinaryOp(oparg - int(numBinaryOps)), true
	}
	return BinaryOp(oparg), false
}

// Where classAttrNoCall found a name.
const (
	attrAbsent  = iota
	attrInDict  // in a class's namespace: v
	attrBuiltin // a built-in class's slot or attribute comes first
	attrUnknown // a key that is not an exact str on the probe path
)

// classAttrNoCall finds name along t's MRO without running Python code
// (a key that is not an exact str could, in its comparison), as
// binarySideOf (op >= 0: a built-in class in the MRO answers with its
// slot for op) or lookupString (op < 0: with its attrs) would.
func (in *Interp) classAttrNoCall(t *Type, name Value, op int) (v Value, where int) {
	for _, b := range t.MRO {
		if b.dict == nil {
			if op >= 0 && binarySlot(b, BinaryOp(op)) != nil {
				return Value{}, attrBuiltin
			}
			if op < 0 {
				if _, has := b.attrs[name.GoString()]; has {
					return Value{}, attrBuiltin
				}
			}
			continue
		}
		if ix := in.dictIndex(b.dict, name); ix >= 0 {
			return b.dict.entries[ix].value, attrInDict
		}
		for _, e := range b.dict.entries {
			if !e.key.IsNil() && e.key.Type() != strType {
				return Value{}, attrUnknown
			}
		}
	}
	return Value{}, attrAbsent
}

// pyDunder reports whether v is a function BINARY_OP_PY can push the
// frame of.
func pyDunder(v Value) bool {
	return v.Type() == functionType && exactTwoArgs(asObject[Function](v))
}

// onlyPlainBases reports whether every class in t's MRO but object is a
// class statement's: int's and float's slots then decline t's instances
// without looking at them further (they take ints and floats only).
func onlyPlainBases(t *Type) bool {
	for _, b := range t.MRO {
		if b.Flags&TypeHeapType == 0 && b != objectType {
			return false
		}
	}
	return true
}

// pickBinaryOpPy specializes BINARY_OP for a op b when the generic form
// would call a Python function first (see binaryOpClasses and
// InPlaceOp), and fills c.
func (in *Interp) pickBinaryOpPy(a, b Value, oparg int, c []cacheEntry) bytecode.Op {
	op, inplace := binaryOpKind(oparg)
	ta, tb := a.Type(), b.Type()
	if ta.Version == 0 || tb.Version == 0 {
		return 0
	}
	var fn Value
	kind := binopLeft
	switch {
	case ta.Flags&TypeHeapType != 0:
		if inplace {
			v, where := in.classAttrNoCall(ta, internName(ibinaryDunders[op]), -1)
			if where == attrInDict {
				fn, kind = v, binopInPlace
				break
			}
			if where != attrAbsent {
				return 0
			}
		}
		v, where := in.classAttrNoCall(ta, binaryDunderNames[op], int(op))
		if where != attrInDict {
			return 0
		}
		if ta != tb {
			// The right operand goes first when its class derives from
			// the left's and has a reflected method of its own.
			_, rwhere := in.classAttrNoCall(tb, rbinaryDunderNames[op], int(op))
			if rwhere == attrUnknown || rwhere == attrInDict && tb.IsSubtype(ta) {
				return 0
			}
		}
		fn = v
	case a.p == intTag || a.p == floatTag:
		// int's and float's slots decline an instance of a class with
		// no built-in base: the reflected method is the one to run.
		if inplace && ta.number != nil && ta.number.inplace[op] != nil || !onlyPlainBases(tb) {
			return 0
		}
		v, where := in.classAttrNoCall(tb, rbinaryDunderNames[op], int(op))
		if where != attrInDict {
			return 0
		}
		fn, kind = v, binopReflected
	default:
		return 0
	}
	if !pyDunder(fn) {
		return 0
	}
	c[1].p, c[1].n = fn.p, uint64(ta.Version)|uint64(tb.Version)<<32
	c[2].n = uint64(kind)
	return bytecode.BINARY_OP_PY
}

// binaryOpPy is BINARY_OP_PY at f.pc-1 (f.pc is past it): the frame of
// the cached method, with its two arguments, is returned for the caller
// to run (its back not yet set); a and b stay on f's stack for the
// return hook. ok is false, with nothing changed, when a guard fails
// (the eval breaker counts as one: the generic form checks it through
// the call). The frame is made as callPy makes one, and by
// pushFunctionFrame where callPy would decline (a new chunk of slots,
// no free record, the recursion limit: RecursionError).
func (in *Interp) binaryOpPy(f *frame, c []cacheEntry) (callee *frame, ok bool, err error) {
	sp := f.sp
	a, b := *slotAt(f.slots, sp-2), *slotAt(f.slots, sp-1)
	if c[1].n != uint64(a.Type().Version)|uint64(b.Type().Version)<<32 || in.breaker.Load() != 0 {
		return nil, false, nil
	}
	fnv := Value{p: c[1].p}
	fn := asObject[Function](fnv)
	if !exactTwoArgs(fn) {
		return nil, false, nil
	}
	if uint8(c[2].n) == binopReflected {
		a, b = b, a
	}
	code := fn.code
	i := uint(code.index) // unsigned: see callPy
	var ac *adaptiveCode
	if i < uint(len(in.spec.codes)) {
		ac = in.spec.codes[i]
	}
	var cs []Value
	if ac != nil && in.depth < in.recursionLimit && len(in.frames.free) != 0 && fn.closure.p == nil {
		if cs, ok = in.frameSlots.TryPush(int(code.frameSize)); !ok && alloc.Debug {
			// As callPy: rcdebug builds' TryPush always fails.
			cs, ok = in.frameSlots.Push(int(code.frameSize)), true
		}
	}
	if !ok {
		if callee, err = in.pushFunctionFrame(f, fnv); err != nil {
			return nil, true, err
		}
	} else {
		callee = in.frames.pop() // not empty: see above
		in.depth++
		// As callPy, under one write-barrier check.
		callee.code, callee.tmpl, callee.ac, callee.globals = code, code.tmpl, ac, asObject[Dict](fn.globals)
		callee.slots, callee.fn = cs, fnv
		callee.nlocal, callee.sp = int(code.nlocal), int(code.nlocal)
		incRef(fnv)
		// RESUME 0, skipped as callPy does: the eval breaker was
		// looked at above.
		if instrAt(ac.instrs, 0) == bytecode.Instr(bytecode.RESUME) {
			callee.pc = 1
		}
	}
	incRef(a)
	incRef(b)
	*slotAt(callee.slots, 0), *slotAt(callee.slots, 1) = a, b
	callee.binop, callee.special = uint8(c[2].n), true
	return callee, true, nil
}

// binaryOpReturn is the return hook of a BINARY_OP_PY frame of the given
// kind, which returned r (owned) to f, at the instruction after the
// BINARY_OP: it pops the operands and gives the operator's result, r
// itself or, for NotImplemented, what the rest of the protocol gives.
func (in *Interp) binaryOpReturn(f *frame, kind uint8, r Value) (Value, error) {
	b := f.pop()
	a := f.pop()
	var err error
	if r.Is(NotImplemented) {
		r, err = in.binaryOpRest(kind, f.ac.instrs[f.pc-1].Oparg(), a, b)
	}
	in.decRef(a)
	in.decRef(b)
	return r, err
}

// binaryOpRest is the generic form's dispatch after the method of kind
// answered NotImplemented: the candidates still to try, then the
// TypeError. Like CPython's slots it looks the right operand's method up
// afresh: the first method may have changed the classes.
func (in *Interp) binaryOpRest(kind uint8, oparg int, a, b Value) (Value, error) {
	op, inplace := binaryOpKind(oparg)
	suffix := ""
	if inplace {
		suffix = "="
	}
	r := NotImplemented
	var err error
	switch kind {
	case binopLeft:
		if ta, tb := a.Type(), b.Type(); ta != tb {
			var right binarySide
			if right, err = in.binarySideOf(tb, op, true); err != nil {
				return Value{}, err
			}
			if !right.empty() {
				if r, err = in.callBinarySide(right, a, b, true); err != nil {
					return Value{}, err
				}
			}
		}
	case binopInPlace:
		if r, err = in.binaryOpNI(op, a, b); err != nil {
			return Value{}, err
		}
	}
	if r.Is(NotImplemented) {
		return Value{}, in.unsupportedOperands(op, suffix, a.Type(), b.Type())
	}
	return r, nil
}

// pushDunderAt is the fast loop's BINARY_SUBSCR_GETITEM and BINARY_OP_PY
// (op) with cache c: one call site for both keeps the loop small.
//
//go:noinline
func (in *Interp) pushDunderAt(f *frame, op bytecode.Op, c []cacheEntry) (*frame, bool, error) {
	if op == bytecode.BINARY_OP_PY {
		return in.binaryOpPy(f, c)
	}
	return in.binarySubscrGetitem(f, c)
}

// returnBinop is returnAt for a BINARY_OP_PY frame f whose method
// returned r. With no frame object and r not NotImplemented (else
// returnOther takes it, and runFrom's case the rest): the operands come
// off the caller's stack, returnAt's own path releases f and pushes r,
// and then the operands are released, as CPython releases them after
// the method's frame.
func (in *Interp) returnBinop(f *frame, instr bytecode.Instr, pc, sp int, r Value) *frame {
	if f.obj != nil || r.Is(NotImplemented) {
		return in.returnOther(f, instr, pc, sp, r)
	}
	caller := f.back
	top := caller.sp - 2
	a, b := caller.slots[top], caller.slots[top+1]
	caller.slots[top], caller.slots[top+1] = Value{}, Value{}
	caller.sp = top
	f.special, f.binop = false, binopNone
	if instr.Op() == bytecode.RETURN_VALUE {
		*slotAt(f.slots, sp) = r // for returnAt to pop again
		sp++
	}
	next := in.returnAt(f, instr, pc, sp)
	if alloc.DecRef((*alloc.Header)(a.p)) {
		in.dealloc(a)
	}
	if alloc.DecRef((*alloc.Header)(b.p)) {
		in.dealloc(b)
	}
	return next
}
