package interp

import (
	"math"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/compile"
)

// isLenBuiltin reports whether v is the builtin len, which
// CALL_NO_KW_LEN inlines (looked up when specializing, a cold path).
func isLenBuiltin(v Value) bool {
	for _, b := range builtinFuncs {
		if b.Is(v) {
			return asObject[Builtin](b).name == "len"
		}
	}
	return false
}

// isImmortal reports whether v is shared by every interpreter and never
// freed, so that a cache may hold it without a version guard.
func isImmortal(v Value) bool { return v.Header().Flags()&alloc.FlagImmortal != 0 }

// The specializer: given a family head about to run with its operands on
// the stack, pick the specialized form that suits them and fill its
// inline cache. It runs no Python code (lookups whose key comparison
// could are refused) and never fails: 0 means "stay generic".
//
// Cache layouts (entry 0 is always the counter):
//
//	LOAD_GLOBAL  1.n: globals keys version | entry index<<32
//	             2.n: builtins keys version (LOAD_GLOBAL_BUILTIN)
//	LOAD_ATTR    1.n: type version, or the module dict's keys version | index<<32
//	             1.p: WITH_HINT: the shape of the dict the index is from
//	             (noShape for an unshaped one); METHOD_WITH_VALUES: the
//	             shape that proves the name absent from the instance dict
//	             2:   the descriptor or class attribute (a borrowed Value)
//	             3-4, 5-6, 7-8: three more ways like 1-2 (WITH_HINT, SLOT and
//	             the method forms: polymorphic sites)
//	STORE_ATTR   1.n to 4.n: type version | index<<32 (four ways; the
//	             index newAttrHint for a name the dict does not have yet)
//	             1.p to 4.p: WITH_HINT: the shape that proves the index
//	             (noShape for a new name or an unshaped dict)
//	CALL         1:   the callable (builtins, method descriptors)
//	LOAD_SUPER_ATTR  1.p: the class, 1.n: the version of self's type
//	             2:   the attribute found (spec_super.go)
//	BINARY_SUBSCR 1.p: __getitem__ (GETITEM), 1.n: the class's version
//	BINARY_OP    1.p: the method (PY), 1.n: the operands' types' versions
//	             2.n: the kind of call (spec_dunder.go)

func (in *Interp) pickSpecialization(f *frame, ac *adaptiveCode, pc int, instr bytecode.Instr) bytecode.Op {
	oparg := instr.Oparg()
	off := int(ac.offsets[pc])
	c := ac.caches[off : off+instr.Op().CacheSize()]
	clear(c[1:]) // the ways a previous specialization filled
	switch instr.Op() {
	case bytecode.BINARY_OP:
		a, b := f.slots[f.sp-2], f.slots[f.sp-1]
		if op := pickBinaryOp(a, b, oparg, c[0].n>>backoffShift&0xF != 0); op != 0 {
			return op
		}
		return in.pickBinaryOpPy(a, b, oparg, c) // spec_dunder.go
	case bytecode.COMPARE_OP:
		a, b := f.slots[f.sp-2], f.slots[f.sp-1]
		switch {
		case a.p == intTag && b.p == intTag:
			if pc+1 < len(ac.instrs) {
				if j := ac.instrs[pc+1].Op(); j == bytecode.POP_JUMP_IF_FALSE || j == bytecode.POP_JUMP_IF_TRUE {
					return bytecode.COMPARE_OP_INT_JUMP
				}
			}
			return bytecode.COMPARE_OP_INT
		case (a.p == floatTag || b.p == floatTag) && exactFloat(a) && exactFloat(b):
			return bytecode.COMPARE_OP_FLOAT
		case a.IsObject() && b.IsObject() && a.Type() == strType && b.Type() == strType:
			return bytecode.COMPARE_OP_STR
		}
	case bytecode.LOAD_GLOBAL:
		return in.pickLoadGlobal(f, c, oparg)
	case bytecode.LOAD_ATTR:
		return in.pickLoadAttr(f.top(), f.code.names[oparg>>1], c, oparg)
	case bytecode.STORE_ATTR:
		return in.pickStoreAttr(f.top(), f.code.names[oparg], c)
	case bytecode.CALL:
		popNext := pc+1 < len(ac.instrs) && ac.instrs[pc+1].Op() == bytecode.POP_TOP
		return in.pickCall(f, c, oparg, popNext)
	case bytecode.FOR_ITER:
		switch f.top().Type() {
		case rangeIteratorType:
			return bytecode.FOR_ITER_RANGE
		case listIteratorType:
			return bytecode.FOR_ITER_LIST
		case tupleIteratorType:
			return bytecode.FOR_ITER_TUPLE
		case generatorType:
			return bytecode.FOR_ITER_GEN
		}
	case bytecode.SEND:
		if f.slots[f.sp-2].Type() == generatorType {
			return bytecode.SEND_GEN
		}
	case bytecode.BINARY_SUBSCR:
		container, key := f.slots[f.sp-2], f.slots[f.sp-1]
		switch container.Type() {
		case listType:
			if key.p == intTag {
				return bytecode.BINARY_SUBSCR_LIST_INT
			}
		case tupleType:
			if key.p == intTag {
				return bytecode.BINARY_SUBSCR_TUPLE_INT
			}
		case dictType:
			return bytecode.BINARY_SUBSCR_DICT
		default:
			return in.pickBinarySubscrGetitem(container, c) // spec_super.go
		}
	case bytecode.LOAD_SUPER_ATTR:
		return in.pickLoadSuperAttr(f, c, oparg) // spec_super.go
	case bytecode.STORE_SUBSCR:
		container, key := f.slots[f.sp-2], f.slots[f.sp-1]
		switch container.Type() {
		case listType:
			if key.p == intTag {
				return bytecode.STORE_SUBSCR_LIST_INT
			}
		case dictType:
			return bytecode.STORE_SUBSCR_DICT
		}
	case bytecode.CONTAINS_OP:
		switch f.top().Type() {
		case dictType:
			return bytecode.CONTAINS_OP_DICT
		case setType, frozensetType:
			return bytecode.CONTAINS_OP_SET
		}
	case bytecode.UNPACK_SEQUENCE:
		switch v := f.top(); v.Type() {
		case tupleType:
			if len(asObject[Tuple](v).items) == oparg {
				if oparg == 2 {
					return bytecode.UNPACK_SEQUENCE_TWO_TUPLE
				}
				return bytecode.UNPACK_SEQUENCE_TUPLE
			}
		case listType:
			if len(asObject[List](v).items) == oparg {
				return bytecode.UNPACK_SEQUENCE_LIST
			}
		}
	}
	return 0
}

// pickBinaryOp picks the numeric and str forms of BINARY_OP. seen says
// the site has deoptimized or failed before: where it has, floats go to
// BINARY_OP_MIXED_FLOAT, which takes ints with floats too and does not
// count two ints as a miss (raytrace's Vec.dot sees int vectors among
// float ones: its float form missed on ints, deoptimized, and left the
// site generic for ever longer stretches as its backoff grew).
func pickBinaryOp(a, b Value, oparg int, seen bool) bytecode.Op {
	op := BinaryOp(oparg)
	if oparg >= int(numBinaryOps) {
		op = BinaryOp(oparg - int(numBinaryOps))
	}
	ints, floats := a.p == intTag && b.p == intTag, a.p == floatTag && b.p == floatTag
	if seen && !ints {
		if _, ok := mixedFloatOp(op, a, b); ok {
			return bytecode.BINARY_OP_MIXED_FLOAT
		}
	}
	switch op {
	case OpAdd:
		switch {
		case ints:
			return bytecode.BINARY_OP_ADD_INT
		case floats:
			return bytecode.BINARY_OP_ADD_FLOAT
		case a.IsObject() && b.IsObject() && a.Type() == strType && b.Type() == strType:
			return bytecode.BINARY_OP_ADD_UNICODE
		}
	case OpSub:
		switch {
		case ints:
			return bytecode.BINARY_OP_SUBTRACT_INT
		case floats:
			return bytecode.BINARY_OP_SUBTRACT_FLOAT
		}
	case OpMul:
		switch {
		case ints:
			return bytecode.BINARY_OP_MULTIPLY_INT
		case floats:
			return bytecode.BINARY_OP_MULTIPLY_FLOAT
		}
	case OpFloorDiv, OpRemainder, OpAnd, OpOr, OpXor, OpLShift, OpRShift:
		if ints {
			return bytecode.BINARY_OP_INT
		}
	}
	if _, ok := mixedFloatOp(op, a, b); ok {
		return bytecode.BINARY_OP_MIXED_FLOAT
	}
	return 0
}

// maxExactInt is the largest int a float64 holds exactly: dividing two
// ints within it as floats rounds as Python's int division does.
const maxExactInt = 1 << 53

// mixedFloatOp computes + - * / on unboxed ints and floats when the
// result is a float: at least one float, or / on two ints within
// maxExactInt. ok is false for any other case, and for a division by
// zero (the generic form raises).
func mixedFloatOp(op BinaryOp, a, b Value) (float64, bool) {
	var x, y float64
	switch {
	case a.p == floatTag:
		x = math.Float64frombits(a.n)
	case a.p == intTag:
		x = float64(int64(a.n))
	default:
		return 0, false
	}
	switch {
	case b.p == floatTag:
		y = math.Float64frombits(b.n)
	case b.p == intTag:
		y = float64(int64(b.n))
	default:
		return 0, false
	}
	if a.p == intTag && b.p == intTag {
		if op != OpTrueDiv || int64(a.n) > maxExactInt || int64(a.n) < -maxExactInt || int64(b.n) > maxExactInt || int64(b.n) < -maxExactInt {
			return 0, false
		}
	}
	switch op {
	case OpAdd:
		return x + y, true
	case OpSub:
		return x - y, true
	case OpMul:
		return x * y, true
	case OpTrueDiv:
		if y == 0 {
			return 0, false
		}
		return x / y, true
	}
	return 0, false
}

// dictIndex returns the entry index of the str key name in d, or -1
// when it is absent or finding it would compare keys with Python code.
func (in *Interp) dictIndex(d *Dict, name Value) int {
	if len(d.indices) == 0 {
		return -1
	}
	hash := asObject[Str](name).hash
	mask := uint64(len(d.indices) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for {
		ix := d.indices[i]
		if ix == emptySlot {
			return -1
		}
		if ix >= 0 {
			if e := &d.entries[ix]; e.hash == hash {
				if e.key.p == name.p {
					return int(ix)
				}
				if e.key.Type() != strType {
					return -1 // an __eq__ could run
				}
				if e.key.GoString() == name.GoString() {
					return int(ix)
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

func (in *Interp) pickLoadGlobal(f *frame, c []cacheEntry, oparg int) bytecode.Op {
	name := f.code.names[oparg>>1]
	if !asObject[Str](name).hashed {
		return 0
	}
	g := f.globals
	if ix := in.dictIndex(g, name); ix >= 0 {
		if kv := in.newKeysVersion(g); kv != 0 {
			c[1].n = uint64(kv) | uint64(ix)<<32
			return bytecode.LOAD_GLOBAL_MODULE
		}
		return 0
	}
	if ix := in.dictIndex(in.builtins, name); ix >= 0 {
		gv, bv := in.newKeysVersion(g), in.newKeysVersion(in.builtins)
		if gv != 0 && bv != 0 {
			c[1].n = uint64(gv) | uint64(ix)<<32
			c[2].n = uint64(bv)
			return bytecode.LOAD_GLOBAL_BUILTIN
		}
	}
	return 0
}

// isDataDescr reports whether a type attribute is a data descriptor
// (it wins over the instance dict).
func isDataDescr(descr Value) bool {
	return !descr.IsNil() && descr.Type().descrGet != nil && descr.Type().descrSet != nil
}

// instanceDictOf returns the instance dict of v, whose type has a dict
// slot, or nil.
func instanceDictOf(v Value) *Dict {
	if d := instanceDict(v); d != nil && !d.IsNil() {
		return asObject[Dict](*d)
	}
	return nil
}

func (in *Interp) pickLoadAttr(owner, name Value, c []cacheEntry, oparg int) bytecode.Op {
	if !owner.IsObject() || !asObject[Str](name).hashed {
		return 0
	}
	t := owner.Type()
	switch {
	case t == moduleType:
		if descr, err := in.lookup(t, name); err != nil || isDataDescr(descr) {
			return 0
		}
		d := asObject[Dict](asObject[Module](owner).dict)
		if ix := in.dictIndex(d, name); ix >= 0 {
			if kv := in.newKeysVersion(d); kv != 0 {
				c[1].n = uint64(kv) | uint64(ix)<<32
				return bytecode.LOAD_ATTR_MODULE
			}
		}
		return 0
	case t == typeType:
		cls := (*Type)(owner.p)
		if cls.Version == 0 {
			return 0
		}
		if meta, err := in.lookup(typeType, name); err != nil || isDataDescr(meta) {
			return 0
		}
		descr, err := in.lookup(cls, name)
		if err != nil || descr.IsNil() {
			return 0
		}
		// A method descriptor read from its class is itself (only an
		// instance binds it): object.__new__ through cls.__new__, the
		// built-in types' methods through a class.
		if dt := descr.Type(); dt.descrGet != nil && dt != functionType && dt != methodDescrType {
			return 0 // classmethod, staticmethod, property...: they bind
		}
		c[1].n = uint64(cls.Version)
		c[2].setValue(descr)
		return bytecode.LOAD_ATTR_CLASS
	}
	if t.getattr != nil || t.Version == 0 {
		return 0
	}
	descr, err := in.lookup(t, name)
	if err != nil {
		return 0
	}
	if isDataDescr(descr) {
		if ix, ok := slotIndex(t, descr); ok {
			c[1].n = uint64(t.Version) | uint64(ix)<<32
			return bytecode.LOAD_ATTR_SLOT
		}
		if op := pickLoadAttrGetSet(t, descr, c, oparg); op != 0 {
			return op
		}
		return pickLoadAttrProperty(t, descr, c, oparg)
	}
	if t.dictOffset != 0 {
		if d := instanceDictOf(owner); d != nil {
			if ix := in.dictIndex(d, name); ix >= 0 {
				// The shape proves the index to the loop's guard.
				c[1].p, c[1].n = unsafe.Pointer(cacheShape(d)), uint64(t.Version)|uint64(ix)<<32
				return bytecode.LOAD_ATTR_WITH_HINT
			}
		}
	}
	if oparg&1 == 0 || descr.IsNil() {
		return 0
	}
	if dt := descr.Type(); dt != functionType && (dt != methodDescrType || asObject[MethodDescr](descr).static) {
		return 0
	}
	c[1].n = uint64(t.Version)
	c[2].setValue(descr)
	if t.dictOffset == 0 {
		return bytecode.LOAD_ATTR_METHOD_NO_DICT
	}
	// The shape that proves the name absent from the instance dict
	// (none: the form probes it).
	if d := instanceDictOf(owner); d != nil {
		c[1].p = unsafe.Pointer(d.shape)
	}
	return bytecode.LOAD_ATTR_METHOD_WITH_VALUES
}

func (in *Interp) pickStoreAttr(owner, name Value, c []cacheEntry) bytecode.Op {
	if !owner.IsObject() || !asObject[Str](name).hashed {
		return 0
	}
	t := owner.Type()
	if t.setattr != nil || t.Version == 0 || t == moduleType || t == typeType {
		return 0
	}
	descr, err := in.lookup(t, name)
	if err != nil {
		return 0
	}
	if ix, ok := slotIndex(t, descr); ok {
		c[1].n = uint64(t.Version) | uint64(ix)<<32
		return bytecode.STORE_ATTR_SLOT
	}
	if t.dictOffset == 0 || !descr.IsNil() && descr.Type().descrSet != nil {
		return 0
	}
	// No hint when the attribute is new (a store in __init__): the form
	// then stores through the dict, skipping the MRO walk. A hint comes
	// with the shape that proves it to the loop's guard; noShape, which
	// no dict has, keeps a new attribute's way from the guard. A new
	// attribute whose insert the dict's shape tree has seen gets that
	// child and its index: the loop appends to dicts at the child's
	// parent, and stores in place in dicts at the child.
	ix, sh := newAttrHint, noShape
	if d := instanceDictOf(owner); d != nil {
		if i := in.dictIndex(d, name); i >= 0 {
			ix, sh = i, cacheShape(d)
		} else if next := d.shapeChild(name); next != nil {
			ix, sh = next.n-1, next
		}
	}
	c[1].p, c[1].n = unsafe.Pointer(sh), uint64(t.Version)|uint64(ix)<<32
	return bytecode.STORE_ATTR_WITH_HINT
}

// pickCall picks CALL's form. popNext reports that a POP_TOP follows
// the call (its result is dropped): list.append's form then skips it.
func (in *Interp) pickCall(f *frame, c []cacheEntry, oparg int, popNext bool) bytecode.Op {
	if f.kwnames != nil {
		return 0
	}
	base := f.sp - oparg - 2
	callable, self := f.slots[base], f.slots[base+1]
	nargs := oparg
	if callable.IsNil() {
		callable, self = self, Value{}
	} else {
		nargs++
	}
	if !callable.IsObject() {
		return 0
	}
	switch callable.Type() {
	case functionType:
		fn := asObject[Function](callable)
		if fc := fn.code; fc.exactArgs && fc.tmpl.ArgCount == nargs {
			return bytecode.CALL_PY_EXACT_ARGS
		} else if fc.exactArgs && nargs < fc.tmpl.ArgCount && !fn.defaults.IsNil() && fc.tmpl.ArgCount-nargs <= len(asObject[Tuple](fn.defaults).items) {
			return bytecode.CALL_PY_WITH_DEFAULTS
		}
	case boundMethodType:
		m := asObject[BoundMethod](callable)
		if self.IsNil() && m.fn.Type() == functionType {
			if fc := asObject[Function](m.fn).code; fc.exactArgs && fc.tmpl.ArgCount == nargs+1 {
				return bytecode.CALL_BOUND_METHOD_EXACT_ARGS
			}
		} else if self.IsNil() && boundNativeCallable(callable) {
			return bytecode.CALL_NO_KW_BOUND_NATIVE
		}
	case builtinFunctionType:
		if self.IsNil() && boundNativeCallable(callable) {
			return bytecode.CALL_NO_KW_BOUND_NATIVE
		}
		if b := asObject[Builtin](callable); self.IsNil() && b.method == nil && b.self.IsNil() && isImmortal(callable) {
			c[1].setValue(callable)
			if isLenBuiltin(callable) && oparg == 1 {
				return bytecode.CALL_NO_KW_LEN
			}
			return bytecode.CALL_NO_KW_BUILTIN_FAST
		}
	case methodDescrType:
		// self may be of a subclass (random.Random's methods come from
		// _random.Random): its type's version is the guard, renewed if
		// __bases__ changes, so the descriptor still applies to it.
		if callable.Is(genSendMethod) && oparg == 1 && !self.IsNil() && self.Type() == generatorType && isImmortal(callable) {
			return bytecode.CALL_NO_KW_GEN_SEND
		}
		if callable.Is(listAppendMethod) && oparg == 1 && popNext && self.IsObject() && self.Type() == listType {
			return bytecode.CALL_NO_KW_LIST_APPEND
		}
		if md := asObject[MethodDescr](callable); !self.IsNil() && !md.static && self.Type().IsSubtype(md.owner) && self.Type().Version != 0 && isImmortal(callable) {
			c[1].p, c[1].n = callable.p, uint64(self.Type().Version)
			return bytecode.CALL_NO_KW_METHOD_DESCRIPTOR_FAST
		}
	case typeType:
		if callable.Is(valueOf(typeType)) && self.IsNil() && oparg == 1 {
			return bytecode.CALL_NO_KW_TYPE_1
		}
		if t := (*Type)(callable.p); self.IsNil() && t.Flags&TypeHeapType == 0 && t.construct != nil && isImmortal(callable) {
			c[1].p = callable.p
			return bytecode.CALL_BUILTIN_CLASS
		}
		if self.IsNil() {
			if fn, ok := in.allocInitTarget((*Type)(callable.p)); ok {
				t := (*Type)(callable.p)
				// The version, and the count of __slots__ values it
				// proves (newPlainInstance).
				c[1].p, c[1].n = fn.p, uint64(t.Version)|uint64(t.slotCount())<<32
				return bytecode.CALL_ALLOC_AND_ENTER_INIT
			}
		}
	}
	return 0
}

// addLoadAttrWay adds owner's type to a free way of the polymorphic cache
// c of a LOAD_ATTR specialized as op, when that form suits it too.
func (in *Interp) addLoadAttrWay(owner, name Value, op bytecode.Op, c []cacheEntry, oparg int) bool {
	if op != bytecode.LOAD_ATTR_WITH_HINT && op != bytecode.LOAD_ATTR_SLOT && op != bytecode.LOAD_ATTR_METHOD_WITH_VALUES && op != bytecode.LOAD_ATTR_METHOD_NO_DICT {
		return false
	}
	w := 1
	for w < len(c) && c[w].n != 0 {
		w += 2
	}
	if w >= len(c) {
		return false
	}
	var scratch [3]cacheEntry
	if in.pickLoadAttr(owner, name, scratch[:], oparg) != op {
		return false
	}
	c[w] = scratch[1]
	c[w+1] = scratch[2]
	return true
}

// addStoreAttrWay is addLoadAttrWay for STORE_ATTR_WITH_HINT and
// STORE_ATTR_SLOT.
func (in *Interp) addStoreAttrWay(owner, name Value, op bytecode.Op, c []cacheEntry) bool {
	w := 1
	for w < len(c) && c[w].n != 0 {
		w++
	}
	if w >= len(c) {
		return false
	}
	var scratch [2]cacheEntry
	if in.pickStoreAttr(owner, name, scratch[:]) != op {
		return false
	}
	c[w] = scratch[1]
	return true
}

// slotIndex returns the index in an Instance's slots of the __slots__
// member descr, when t's instances are Instances and descr applies.
func slotIndex(t *Type, descr Value) (int, bool) {
	if descr.IsNil() || descr.Type() != memberType || t.layout != objectType {
		return 0, false
	}
	m := asObject[member](descr)
	if !t.IsSubtype(m.owner) || m.index >= t.slotCount() {
		return 0, false
	}
	return m.index, true
}

// exactFloat reports whether v is a float, or an unboxed int that a
// float64 holds exactly (so comparing it as a float is exact, as
// Python's int-float comparisons are).
func exactFloat(v Value) bool {
	return v.p == floatTag || v.p == intTag && int64(v.n) <= maxExactInt && int64(v.n) >= -maxExactInt
}

// asFloat returns the float64 of a value exactFloat accepts.
func asFloat(v Value) float64 {
	if v.p == floatTag {
		return math.Float64frombits(v.n)
	}
	return float64(int64(v.n))
}

// allocInitTarget returns the __init__ of class t when calling t with
// positional arguments can be CALL_ALLOC_AND_ENTER_INIT: a class
// of plain instances (no metaclass), object's __new__, and a Python
// __init__ that is no generator.
func (in *Interp) allocInitTarget(t *Type) (Value, bool) {
	if t.Flags&TypeHeapType == 0 || t.Flags&TypeAbstract != 0 || t.Version == 0 || t.layout != objectType || t.layout.new == nil {
		return Value{}, false
	}
	newAttr, err := in.lookupString(t, "__new__")
	if d, ok := methodDescrOf(newAttr); err != nil || !ok || d.owner != objectType || in.overrides(t, "__new__") {
		return Value{}, false
	}
	init, err := in.lookupString(t, "__init__")
	if err != nil || init.IsNil() || init.Type() != functionType {
		return Value{}, false
	}
	// Any parameters: a call that does not fit them exactly binds them
	// as any call of __init__ would (callAllocInit).
	c := asObject[Function](init).code
	if c.unsupported != "" || c.tmpl.Flags&(compile.CO_GENERATOR|compile.CO_COROUTINE|compile.CO_ASYNC_GENERATOR) != 0 {
		return Value{}, false
	}
	return init, true
}
