package interp

import (
	"github.com/parallel-py/parallel/alloc"
	"math"
	"strings"
	"unsafe"

	"github.com/parallel-py/parallel/interp/bytecode"
)

// The specialized instructions. The hottest (int and float arithmetic
// and comparisons, LOAD_GLOBAL, LOAD_ATTR, FOR_ITER over a range, calls
// of Python functions) are cases of the loop itself (eval.go); the rest
// run here, reached from the loop's default case. Each checks its
// guards, and on a failure counts a miss (specMiss) and runs the generic
// form of its family.

// The cache sizes of the families whose forms the loop inlines.
var (
	loadGlobalCache = uint32(bytecode.LOAD_GLOBAL.CacheSize())
	loadAttrCache   = uint32(bytecode.LOAD_ATTR.CacheSize())
	storeAttrCache  = uint32(bytecode.STORE_ATTR.CacheSize())
	callCache       = uint32(bytecode.CALL.CacheSize())
)

// execSpecialized runs the specialized instruction instr at pc. A call
// that pushes a Python frame returns it.
func (in *Interp) execSpecialized(f *frame, ac *adaptiveCode, pc int, instr bytecode.Instr) (*frame, error) {
	op, oparg := instr.Op(), instr.Oparg()
	off := int(ac.offsets[pc])
	c := ac.caches[off : off+op.CacheSize()]
	switch op {
	case bytecode.BINARY_OP_ADD_INT, bytecode.BINARY_OP_SUBTRACT_INT, bytecode.BINARY_OP_MULTIPLY_INT:
		a, b := f.slots[f.sp-2], f.slots[f.sp-1]
		if a.p == intTag && b.p == intTag {
			in.specHit(op)
			bop := OpAdd
			if op == bytecode.BINARY_OP_SUBTRACT_INT {
				bop = OpSub
			} else if op == bytecode.BINARY_OP_MULTIPLY_INT {
				bop = OpMul
			}
			if r, ok := smallIntOp(bop, int64(a.n), int64(b.n)); ok {
				f.sp--
				f.slots[f.sp] = Value{}
				f.slots[f.sp-1] = Int(r)
				return nil, nil
			}
			return nil, in.execBinaryOp(f, oparg) // overflow: a big int
		}
	case bytecode.BINARY_OP_ADD_FLOAT, bytecode.BINARY_OP_SUBTRACT_FLOAT, bytecode.BINARY_OP_MULTIPLY_FLOAT:
		a, b := f.slots[f.sp-2], f.slots[f.sp-1]
		if a.p == floatTag && b.p == floatTag {
			in.specHit(op)
			x, y := math.Float64frombits(a.n), math.Float64frombits(b.n)
			var r float64
			switch op {
			case bytecode.BINARY_OP_ADD_FLOAT:
				r = x + y
			case bytecode.BINARY_OP_SUBTRACT_FLOAT:
				r = x - y
			default:
				r = x * y
			}
			f.sp--
			f.slots[f.sp] = Value{}
			f.slots[f.sp-1] = Float(r)
			return nil, nil
		}
	case bytecode.BINARY_OP_INT:
		a, b := f.slots[f.sp-2], f.slots[f.sp-1]
		if a.p == intTag && b.p == intTag {
			in.specHit(op)
			bop := BinaryOp(oparg)
			if oparg >= int(numBinaryOps) {
				bop = BinaryOp(oparg - int(numBinaryOps))
			}
			if r, ok := smallIntOp(bop, int64(a.n), int64(b.n)); ok {
				f.sp--
				f.slots[f.sp] = Value{}
				f.slots[f.sp-1] = Int(r)
				return nil, nil
			}
			return nil, in.execBinaryOp(f, oparg) // too big, or an error to raise
		}
	case bytecode.BINARY_OP_MIXED_FLOAT:
		a, b := f.slots[f.sp-2], f.slots[f.sp-1]
		bop := BinaryOp(oparg)
		if oparg >= int(numBinaryOps) {
			bop = BinaryOp(oparg - int(numBinaryOps))
		}
		if r, ok := mixedFloatOp(bop, a, b); ok {
			in.specHit(op)
			f.sp--
			f.slots[f.sp] = Value{}
			f.slots[f.sp-1] = Float(r)
			return nil, nil
		}
		if a.p == intTag && b.p == intTag && bop != OpTrueDiv {
			// Two ints at a site that also sees floats (pickBinaryOp).
			if r, ok := smallIntOp(bop, int64(a.n), int64(b.n)); ok {
				in.specHit(op)
				f.sp--
				f.slots[f.sp] = Value{}
				f.slots[f.sp-1] = Int(r)
				return nil, nil
			}
		}
		if (a.p == intTag || a.p == floatTag) && (b.p == intTag || b.p == floatTag) {
			// Numbers still, but a zero divisor, a big result or two
			// big ints.
			return nil, in.execBinaryOp(f, oparg)
		}
	case bytecode.BINARY_OP_ADD_UNICODE:
		a, b := f.slots[f.sp-2], f.slots[f.sp-1]
		if a.IsObject() && b.IsObject() && a.Type() == strType && b.Type() == strType {
			in.specHit(op)
			// The generic add: it knows the lengths and the ASCII flags.
			return nil, in.execBinaryOp(f, oparg)
		}
	case bytecode.COMPARE_OP_INT, bytecode.COMPARE_OP_FLOAT, bytecode.COMPARE_OP_STR, bytecode.COMPARE_OP_INT_JUMP:
		// COMPARE_OP_INT_JUMP pushes its bool here, as COMPARE_OP_INT:
		// the jump after it then runs on its own.
		a, b := f.slots[f.sp-2], f.slots[f.sp-1]
		var bit int
		switch {
		case (op == bytecode.COMPARE_OP_INT || op == bytecode.COMPARE_OP_INT_JUMP) && a.p == intTag && b.p == intTag:
			bit = compareBit(int64(a.n), int64(b.n))
		case op == bytecode.COMPARE_OP_FLOAT && exactFloat(a) && exactFloat(b):
			bit = compareFloatBit(asFloat(a), asFloat(b))
		case op == bytecode.COMPARE_OP_STR && a.IsObject() && b.IsObject() && a.Type() == strType && b.Type() == strType:
			bit = compareBit(int64(strings.Compare(a.GoString(), b.GoString())), 0)
		}
		if bit != 0 {
			in.specHit(op)
			f.sp--
			f.slots[f.sp] = Value{}
			f.slots[f.sp-1] = Bool(oparg&bit != 0)
			if op == bytecode.COMPARE_OP_STR {
				in.decRef(a)
				in.decRef(b)
			}
			return nil, nil
		}
	case bytecode.LOAD_GLOBAL_MODULE, bytecode.LOAD_GLOBAL_BUILTIN:
		if v, ok := in.loadGlobalCached(f, op, c); ok {
			incRef(v)
			if oparg&1 != 0 {
				f.push(Value{})
			}
			f.push(v)
			return nil, nil
		}
		in.specMiss(ac, pc)
		return nil, in.execLoadGlobal(f, oparg)
	case bytecode.LOAD_ATTR_WITH_HINT, bytecode.LOAD_ATTR_MODULE, bytecode.LOAD_ATTR_CLASS, bytecode.LOAD_ATTR_SLOT,
		bytecode.LOAD_ATTR_METHOD_WITH_VALUES, bytecode.LOAD_ATTR_METHOD_NO_DICT:
		if in.loadAttrCached(f, op, c, oparg) {
			return nil, nil
		}
		// A polymorphic site: another type (or dict layout) that suits
		// the same form takes a free way of the cache.
		if in.addLoadAttrWay(f.top(), f.code.names[oparg>>1], op, c, oparg) && in.loadAttrCached(f, op, c, oparg) {
			return nil, nil
		}
		in.specMiss(ac, pc)
		return nil, in.execLoadAttr(f, oparg)
	case bytecode.LOAD_ATTR_PROPERTY:
		if c[2].value().Type() == getsetDescrType { // a Go getter (descr_attrs.go)
			if ok, err := in.loadAttrGetSet(f, c); ok {
				in.specHit(op)
				return nil, err
			}
		} else if callee, ok, err := in.loadAttrProperty(f, c); ok {
			in.specHit(op)
			return callee, err
		}
		in.specMiss(ac, pc)
		return nil, in.execLoadAttr(f, oparg)
	case bytecode.STORE_ATTR_WITH_HINT, bytecode.STORE_ATTR_SLOT:
		name := f.code.names[oparg]
		if ok, err := in.storeAttrCached(f, op, c, name); ok {
			return nil, err
		}
		if in.addStoreAttrWay(f.top(), name, op, c) {
			if ok, err := in.storeAttrCached(f, op, c, name); ok {
				return nil, err
			}
		}
		in.specMiss(ac, pc)
		return nil, in.execStoreAttr(f, oparg)
	case bytecode.FOR_ITER_RANGE, bytecode.FOR_ITER_LIST, bytecode.FOR_ITER_TUPLE:
		// FOR_ITER_RANGE is inline in the loop.
		want := listIteratorType
		if op == bytecode.FOR_ITER_TUPLE {
			want = tupleIteratorType
		}
		if it := f.top(); op != bytecode.FOR_ITER_RANGE && it.Type() == want {
			in.specHit(op)
			if v, ok := seqIterNext(asObject[seqIterator](it), op == bytecode.FOR_ITER_LIST); ok {
				incRef(v)
				f.push(v)
				return nil, nil
			}
			return nil, in.execForIter(f, instr, pc) // exhausted: the loop ends
		}
	case bytecode.LOAD_SUPER_ATTR_ATTR, bytecode.LOAD_SUPER_ATTR_METHOD:
		if ok, err := in.loadSuperAttrCached(f, op, c, oparg); ok {
			in.specHit(op)
			return nil, err
		}
		in.specMiss(ac, pc)
		return nil, in.execLoadSuperAttr(f, oparg)
	case bytecode.BINARY_OP_PY:
		if callee, ok, err := in.binaryOpPy(f, c); ok {
			in.specHit(op)
			return callee, err
		}
		in.specMiss(ac, pc)
		return nil, in.execBinaryOp(f, oparg)
	case bytecode.BINARY_SUBSCR_GETITEM:
		if callee, ok, err := in.binarySubscrGetitem(f, c); ok {
			in.specHit(op)
			return callee, err
		}
		in.specMiss(ac, pc)
		return nil, in.execBinarySubscr(f)
	case bytecode.FOR_ITER_GEN, bytecode.SEND_GEN:
		// Also in the fast loop (eval_fast.go); gen_inline.go.
		if gf, ok, err := in.resumeGenSpec(f, op); ok {
			in.specHit(op)
			return gf, err
		}
		in.specMiss(ac, pc)
		if op == bytecode.SEND_GEN {
			return in.execSend(f, instr, pc)
		}
		return nil, in.execForIter(f, instr, pc)
	case bytecode.BINARY_SUBSCR_LIST_INT, bytecode.BINARY_SUBSCR_TUPLE_INT:
		container, key := f.slots[f.sp-2], f.slots[f.sp-1]
		if key.p == intTag && container.IsObject() {
			var items []Value
			switch t := container.Type(); {
			case t == listType && op == bytecode.BINARY_SUBSCR_LIST_INT:
				items = asObject[List](container).items
			case t == tupleType && op == bytecode.BINARY_SUBSCR_TUPLE_INT:
				items = asObject[Tuple](container).items
			default:
				goto miss
			}
			in.specHit(op)
			if i := int64(key.n); i >= 0 && i < int64(len(items)) {
				v := items[i]
				incRef(v)
				f.sp--
				f.slots[f.sp] = Value{}
				f.slots[f.sp-1] = v
				in.decRef(container)
				return nil, nil
			}
			return nil, in.execBinarySubscr(f) // negative or out of range
		}
	case bytecode.BINARY_SUBSCR_DICT:
		if container := f.slots[f.sp-2]; container.IsObject() && container.Type() == dictType {
			in.specHit(op)
			return nil, in.binarySubscrDict(f)
		}
	case bytecode.STORE_SUBSCR_LIST_INT:
		container, key := f.slots[f.sp-2], f.slots[f.sp-1]
		if key.p == intTag && container.IsObject() && container.Type() == listType {
			in.specHit(op)
			items := asObject[List](container).items
			if i := int64(key.n); i >= 0 && i < int64(len(items)) {
				old := items[i]
				items[i] = f.slots[f.sp-3] // the list takes the stack's reference
				f.slots[f.sp-1], f.slots[f.sp-2], f.slots[f.sp-3] = Value{}, Value{}, Value{}
				f.sp -= 3
				in.decRef(container)
				in.decRef(old)
				return nil, nil
			}
			return nil, in.execStoreSubscr(f)
		}
	case bytecode.STORE_SUBSCR_DICT:
		if container := f.slots[f.sp-2]; container.IsObject() && container.Type() == dictType {
			in.specHit(op)
			return nil, in.storeSubscrDict(f)
		}
	case bytecode.CONTAINS_OP_DICT, bytecode.CONTAINS_OP_SET:
		if container := f.top(); container.IsObject() {
			t := container.Type()
			if op == bytecode.CONTAINS_OP_DICT && t == dictType {
				in.specHit(op)
				return nil, in.containsDict(f, oparg, false)
			}
			if op == bytecode.CONTAINS_OP_SET && (t == setType || t == frozensetType) {
				in.specHit(op)
				return nil, in.execContainsOp(f, oparg)
			}
		}
	case bytecode.UNPACK_SEQUENCE_TWO_TUPLE, bytecode.UNPACK_SEQUENCE_TUPLE, bytecode.UNPACK_SEQUENCE_LIST:
		v := f.top()
		var items []Value
		if v.IsObject() {
			switch t := v.Type(); {
			case t == tupleType && op != bytecode.UNPACK_SEQUENCE_LIST:
				items = asObject[Tuple](v).items
			case t == listType && op == bytecode.UNPACK_SEQUENCE_LIST:
				items = asObject[List](v).items
			}
		}
		if items != nil && len(items) == oparg {
			in.specHit(op)
			f.sp--
			f.slots[f.sp] = Value{}
			for i := len(items) - 1; i >= 0; i-- {
				incRef(items[i])
				f.slots[f.sp] = items[i]
				f.sp++
			}
			in.decRef(v)
			return nil, nil
		}
	case bytecode.CALL_PY_EXACT_ARGS, bytecode.CALL_BOUND_METHOD_EXACT_ARGS, bytecode.CALL_PY_WITH_DEFAULTS:
		if in.breaker.Load() == 0 && f.kwnames == nil {
			if callee, ok, err := in.callExact(f, op, oparg); ok {
				in.specHit(op)
				return callee, err
			}
		}
		in.specMiss(ac, pc)
		return in.callGeneric(f, oparg)
	case bytecode.CALL_NO_KW_GEN_SEND:
		// Also in the fast loop (eval_fast.go); gen_inline.go.
		if gf, err := in.callGenSendAt(f, pc, f.sp); gf != nil || err != nil {
			in.specHit(op)
			return gf, err
		}
		f.pc = pc + 1 // a miss leaves f at the instruction
		in.specMiss(ac, pc)
		return in.callGeneric(f, oparg)
	case bytecode.CALL_ALLOC_AND_ENTER_INIT:
		if in.breaker.Load() == 0 && f.kwnames == nil {
			if callee, ok, err := in.callAllocInit(f, c, oparg); ok {
				in.specHit(op)
				return callee, err
			}
		}
		in.specMiss(ac, pc)
		return in.callGeneric(f, oparg)
	case bytecode.CALL_NO_KW_LEN, bytecode.CALL_NO_KW_BUILTIN_FAST, bytecode.CALL_NO_KW_METHOD_DESCRIPTOR_FAST, bytecode.CALL_NO_KW_TYPE_1,
		bytecode.CALL_BUILTIN_CLASS, bytecode.CALL_NO_KW_BOUND_NATIVE, bytecode.CALL_NO_KW_LIST_APPEND:
		if in.breaker.Load() == 0 && f.kwnames == nil {
			if ok, err := in.callBuiltinCachedGuarded(f, op, &c[0], oparg); ok {
				in.specHit(op)
				return nil, err
			}
		}
		in.specMiss(ac, pc)
		return in.callGeneric(f, oparg)
	default:
		return nil, in.raise(notImplementedErrorType, "the %s instruction is not implemented yet", op)
	}
miss:
	in.specMiss(ac, pc)
	switch op.Base() {
	case bytecode.BINARY_OP:
		return nil, in.execBinaryOp(f, oparg)
	case bytecode.COMPARE_OP:
		return nil, in.execCompareOp(f, oparg)
	case bytecode.FOR_ITER:
		return nil, in.execForIter(f, instr, pc)
	case bytecode.BINARY_SUBSCR:
		return nil, in.execBinarySubscr(f)
	case bytecode.STORE_SUBSCR:
		return nil, in.execStoreSubscr(f)
	case bytecode.CONTAINS_OP:
		return nil, in.execContainsOp(f, oparg)
	case bytecode.UNPACK_SEQUENCE:
		return nil, in.execUnpackSequence(f, oparg)
	}
	return nil, in.raise(systemErrorType, "no generic form for %s", op)
}

// binarySubscrDict is BINARY_SUBSCR_DICT once its guard (an exact dict)
// passed. A plain key found (dictFindEntry) takes the container's slot
// and the two are released in place, without the pops and push and
// decRef's calls (half of a d[k]'s instructions went there).
//
//go:noinline
func (in *Interp) binarySubscrDict(f *frame) error {
	sp := f.sp
	s := f.slots[sp-2 : sp : sp]
	container, key := s[0], s[1]
	d := asObject[Dict](container)
	ix, _, plain := dictFindEntry(d, key, noHash)
	if !plain || ix < 0 {
		return in.binarySubscrDictSlow(f)
	}
	v := d.entries[ix].value
	incRef(v)
	s[0], s[1] = v, Value{}
	f.sp = sp - 1
	// A dealloc may run code that uses the stack: v is already on it.
	if alloc.DecRef((*alloc.Header)(container.p)) {
		in.dealloc(container)
	}
	if alloc.DecRef((*alloc.Header)(key.p)) {
		in.dealloc(key)
	}
	return nil
}

// binarySubscrDictSlow is binarySubscrDict for a key that is absent or
// whose hash or comparison may run code.
func (in *Interp) binarySubscrDictSlow(f *frame) error {
	container, key := f.slots[f.sp-2], f.slots[f.sp-1]
	v, ok, err := in.DictGet(asObject[Dict](container), key)
	if err == nil && !ok {
		err = in.keyError(key) // an exact dict has no __missing__
	}
	if err == nil {
		incRef(v)
	}
	f.sp -= 2
	f.slots[f.sp], f.slots[f.sp+1] = Value{}, Value{}
	if err == nil {
		f.push(v)
	}
	in.decRef(container)
	in.decRef(key)
	return err
}

// storeSubscrDict is STORE_SUBSCR_DICT once its guard (an exact dict)
// passed: container[key] = v, straight to DictSet, without SetItem's
// dispatch through the type's slot. The three are released as
// execStoreSubscr releases them.
func (in *Interp) storeSubscrDict(f *frame) error {
	sp := f.sp
	s := f.slots[sp-3 : sp : sp]
	v, container, key := s[0], s[1], s[2]
	s[0], s[1], s[2] = Value{}, Value{}, Value{}
	f.sp = sp - 3
	err := in.DictSet(asObject[Dict](container), key, v)
	if alloc.DecRef((*alloc.Header)(container.p)) {
		in.dealloc(container)
	}
	if alloc.DecRef((*alloc.Header)(key.p)) {
		in.dealloc(key)
	}
	if alloc.DecRef((*alloc.Header)(v.p)) {
		in.dealloc(v)
	}
	return err
}

// containsDict is CONTAINS_OP_DICT once its guard (an exact dict)
// passed, with f.pc past the instruction. The fast loop's (jump) may take
// the jump after it at once (pushOrJump); runFrom's pushes the bool.
// Not inlined: with the profile, the inliner put it in runFastIn, where
// oparg, live across its calls, brought back a spill at the loop head.
//
//go:noinline
func (in *Interp) containsDict(f *frame, oparg int, jump bool) error {
	container, key := f.slots[f.sp-1], f.slots[f.sp-2]
	d := asObject[Dict](container)
	// DictGet written out (it does not inline): a plain key's search is
	// the one call.
	ix, _, plain := dictFindEntry(d, key, noHash)
	ok := ix >= 0
	var err error
	if !plain {
		_, ok, err = in.dictGetSlow(d, key)
	}
	f.sp -= 2
	f.slots[f.sp], f.slots[f.sp+1] = Value{}, Value{}
	if err == nil && !jump {
		f.push(Bool(ok != (oparg == 1)))
	}
	in.decRef(container)
	in.decRef(key)
	if err == nil && jump {
		pushOrJump(f, ok != (oparg == 1))
	}
	return err
}

// seqIterNext is FOR_ITER_LIST and FOR_ITER_TUPLE's step: the next item
// of s, an iterator over a list (or a tuple), borrowed, or false when s
// is exhausted.
func seqIterNext(s *seqIterator, list bool) (Value, bool) {
	var items []Value
	if !s.seq.IsNil() {
		if list {
			items = asObject[List](s.seq).items
		} else {
			items = asObject[Tuple](s.seq).items
		}
	}
	if s.index >= len(items) {
		return Value{}, false
	}
	v := items[s.index]
	s.index++
	return v, true
}

// compareFloatBit is compareBit for floats: 1 when they are unordered
// (a NaN), which no comparison's mask has but !=.
func compareFloatBit(x, y float64) int {
	switch {
	case x < y:
		return 2
	case x > y:
		return 4
	case x == y:
		return 8
	}
	return 1
}

// compareBit is COMPARE_OP's mask bit for the order of x and y (see
// bytecode.CompareOparg): 2 less, 4 greater, 8 equal.
func compareBit(x, y int64) int {
	switch {
	case x < y:
		return 2
	case x > y:
		return 4
	}
	return 8
}

// loadGlobalCached is LOAD_GLOBAL_MODULE and LOAD_GLOBAL_BUILTIN's guard
// and load: a borrowed value.
func (in *Interp) loadGlobalCached(f *frame, op bytecode.Op, c []cacheEntry) (Value, bool) {
	k := c[1].n
	g := f.globals
	if uint32(k) != g.keysVersion {
		return Value{}, false
	}
	d := g
	if op == bytecode.LOAD_GLOBAL_BUILTIN {
		d = in.builtins
		if uint32(c[2].n) != d.keysVersion {
			return Value{}, false
		}
	}
	in.specHit(op)
	return d.entries[k>>32].value, true
}

// loadAttrCached is the specialized LOAD_ATTR forms' guards and loads;
// false leaves the stack as it was.
func (in *Interp) loadAttrCached(f *frame, op bytecode.Op, c []cacheEntry, oparg int) bool {
	owner := f.top()
	if !owner.IsObject() {
		return false
	}
	var v Value
	switch op {
	case bytecode.LOAD_ATTR_WITH_HINT:
		t := owner.Type()
		if t.dictOffset == 0 {
			return false
		}
		d := instanceDictOf(owner)
		if d == nil {
			return false
		}
		name := f.code.names[oparg>>1]
		found, typeW := false, 0
		for w := 1; w < len(c) && c[w].n != 0; w += 2 {
			if uint32(c[w].n) == t.Version {
				typeW = w
				if ix := c[w].n >> 32; ix < uint64(len(d.entries)) && d.entries[ix].key.p == name.p {
					v, found = d.entries[ix].value, true
					if d.shape != nil {
						// The name is where the way says in a dict of
						// another shape: the way takes it, so that
						// instances that settled on it pass the
						// loop's shape guard.
						c[w].p = unsafe.Pointer(d.shape)
					}
					break
				}
			}
		}
		if !found && typeW != 0 {
			// The type is right but the dict's layout differs: probe it
			// (the type's version proves no data descriptor comes first).
			if ix := in.dictIndex(d, name); ix >= 0 {
				v, found = d.entries[ix].value, true
				if d.shape != nil {
					c[typeW].p, c[typeW].n = unsafe.Pointer(d.shape), uint64(t.Version)|uint64(ix)<<32
				}
			}
		}
		if !found {
			return false
		}
	case bytecode.LOAD_ATTR_SLOT:
		t := owner.Type()
		w := 1
		for w < len(c) && uint32(c[w].n) != t.Version {
			w += 2
		}
		if w >= len(c) || t.Version == 0 {
			return false
		}
		slots := asObject[Instance](owner).slots
		if ix := c[w].n >> 32; ix < uint64(len(slots)) {
			v = slots[ix]
		}
		if v.IsNil() {
			return false // unset: the generic form raises AttributeError
		}
	case bytecode.LOAD_ATTR_MODULE:
		if owner.Type() != moduleType {
			return false
		}
		d := asObject[Dict](asObject[Module](owner).dict)
		if uint32(c[1].n) != d.keysVersion {
			return false
		}
		v = d.entries[c[1].n>>32].value
	case bytecode.LOAD_ATTR_CLASS:
		if owner.Type() != typeType || (*Type)(owner.p).Version != uint32(c[1].n) {
			return false
		}
		v = c[2].value()
	default: // the method forms
		t := owner.Type()
		w := 1
		for w < len(c) && uint32(c[w].n) != t.Version {
			w += 2
		}
		if w >= len(c) || t.Version == 0 {
			return false
		}
		if op == bytecode.LOAD_ATTR_METHOD_WITH_VALUES {
			// The cached shape proves the name absent from the instance
			// dict; another dict is probed, and its shape, when it has one,
			// replaces the cached one (instances settle on one shape
			// once __init__ is done).
			if d := instanceDictOf(owner); d != nil && d.used > 0 && (d.shape == nil || d.shape != (*shape)(c[w].p)) {
				if in.dictIndex(d, f.code.names[oparg>>1]) >= 0 {
					return false
				}
				if d.shape != nil {
					c[w].p = unsafe.Pointer(d.shape)
				}
			}
		}
		in.specHit(op)
		meth := c[w+1].value()
		incRef(meth)
		f.slots[f.sp-1] = meth
		f.push(owner) // the stack keeps owner's reference
		return true
	}
	in.specHit(op)
	incRef(v)
	if oparg&1 != 0 {
		f.slots[f.sp-1] = Value{}
		f.push(v)
	} else {
		f.slots[f.sp-1] = v
	}
	in.decRef(owner)
	return true
}

// storeAttrCached is STORE_ATTR_WITH_HINT (the value replaces the one
// at the cached index of the instance dict) and STORE_ATTR_SLOT.
func (in *Interp) storeAttrCached(f *frame, op bytecode.Op, c []cacheEntry, name Value) (ok bool, err error) {
	owner := f.top()
	if !owner.IsObject() {
		return false, nil
	}
	t := owner.Type()
	if op == bytecode.STORE_ATTR_SLOT {
		w := 1
		for w < len(c) && uint32(c[w].n) != t.Version {
			w++
		}
		if w >= len(c) || t.Version == 0 {
			return false, nil
		}
		slots := asObject[Instance](owner).slots
		ix := c[w].n >> 32
		if ix >= uint64(len(slots)) {
			return false, nil
		}
		in.specHit(op)
		old := slots[ix]
		slots[ix] = f.slots[f.sp-2] // the slot takes the stack's reference
		f.slots[f.sp-1], f.slots[f.sp-2] = Value{}, Value{}
		f.sp -= 2
		in.xdecRef(old) // as CPython: the old value first, then the owner
		in.decRef(owner)
		return true, nil
	}
	if t.dictOffset == 0 {
		return false, nil
	}
	typeOK := false
	for w := 1; w < len(c) && c[w].n != 0 && !typeOK; w++ {
		typeOK = uint32(c[w].n) == t.Version
	}
	if !typeOK {
		return false, nil
	}
	ds := instanceDict(owner)
	var d *Dict
	if !ds.IsNil() {
		d = asObject[Dict](*ds)
	}
	ix := uint64(newAttrHint)
	if d != nil {
		for w := 1; w < len(c) && c[w].n != 0; w++ {
			if i := c[w].n >> 32; uint32(c[w].n) == t.Version && i < uint64(len(d.entries)) && d.entries[i].key.p == name.p {
				ix = i
				if d.shape != nil {
					// As loadAttrCached's: the way takes the shape
					// for the loop's guard.
					c[w].p = unsafe.Pointer(d.shape)
				}
				break
			}
		}
	}
	in.specHit(bytecode.STORE_ATTR_WITH_HINT)
	if ix == newAttrHint {
		// The type is right but the attribute is new or elsewhere in the
		// dict: store it there without the generic MRO walk (the type's
		// version proves no data descriptor intercepts it). A shaped dict
		// whose shape already leads on by this name does not have it
		// (shapes.go): append without a probe.
		var err error
		if d == nil {
			var nd Value
			if nd, err = in.newInstanceDict(t); err == nil {
				*ds = nd
				d = asObject[Dict](nd)
			}
		}
		v := f.slots[f.sp-2]
		moved := false // the dict took the stack's reference to v
		if err == nil {
			if next := d.shapeChild(name); next != nil {
				err = in.dictAppendShaped(d, next, name, v)
				moved = err == nil
			} else {
				err = in.DictSet(d, name, v)
			}
		}
		if err == nil {
			cacheNewAttrShape(c, t.Version, d, name)
		}
		f.slots[f.sp-1], f.slots[f.sp-2] = Value{}, Value{}
		f.sp -= 2
		in.decRef(owner)
		if !moved {
			in.decRef(v)
		}
		return true, err
	}
	old := d.entries[ix].value
	d.entries[ix].value = f.slots[f.sp-2] // the dict takes the stack's reference
	d.Version++
	f.slots[f.sp-1], f.slots[f.sp-2] = Value{}, Value{}
	f.sp -= 2
	in.decRef(old) // as CPython: the old value first, then the owner
	in.decRef(owner)
	return true, nil
}

// cacheNewAttrShape points the way of STORE_ATTR_WITH_HINT's cache c
// for a type of the given version at the shape d took by storing the
// new attribute name: that shape proves name at its last index, and
// its parent that name is absent (the fast loop's append,
// storeNewAttrAt). Nothing changes when the store left d unshaped.
func cacheNewAttrShape(c []cacheEntry, version uint32, d *Dict, name Value) {
	s := d.shape
	if s == nil || s.parent == nil || s.name != asObject[Str](name).s {
		return
	}
	for w := 1; w < len(c) && c[w].n != 0; w++ {
		if uint32(c[w].n) == version {
			c[w].p, c[w].n = unsafe.Pointer(s), uint64(version)|uint64(s.n-1)<<32
			return
		}
	}
}

// callGeneric is CALL's generic form.
func (in *Interp) callGeneric(f *frame, oparg int) (*frame, error) {
	if in.breaker.Load() != 0 {
		if err := in.handleBreaker(); err != nil {
			return nil, err
		}
	}
	in.frame = f
	return in.call(f, oparg)
}

// callExact is CALL_PY_EXACT_ARGS, CALL_PY_WITH_DEFAULTS (fewer
// positional arguments than parameters, the function's defaults fill the
// rest; read at each call, so assigning __defaults__ needs no guard) and
// CALL_BOUND_METHOD_EXACT_ARGS: the callee's frame takes the arguments'
// references straight from the stack. ok is false when a guard fails (nothing changed).
//
// Every call of Python code from specialized code comes through here, so
// it is written for the machine code: p-only tests (every Value's p
// points at a header whose type a load finds, so a nil test and a type
// compare say "a function"), the sizes from the Code rather than its
// template, and the slots reached through slotAt, with no bounds checks
// (as slices, with their checks and write-barrier paths, they cost ~50
// instructions a call more).
//
//go:noinline
func (in *Interp) callExact(f *frame, op bytecode.Op, oparg int) (callee *frame, ok bool, err error) {
	if op == bytecode.CALL_PY_WITH_DEFAULTS {
		if callee := in.callPyDefaults(f, oparg); callee != nil {
			return callee, true, nil
		}
	}
	// The call's slots are read through slotAt, as callPy's: base is at
	// least nlocal and sp at most len(slots); the callee's argCount
	// slots (the bound self, the arguments, the defaults) are within
	// its locals.
	slots := f.slots
	sp := f.sp
	base := sp - oparg - 2
	// fnv is the function; first, the slot of the first argument to
	// move. A method load's function and a plain call's move their
	// stack reference into the callee's fn (no count changes); a bound
	// method's parts are counted and the method itself released.
	var fnv, bm Value
	first := base + 2
	if op == bytecode.CALL_BOUND_METHOD_EXACT_ARGS {
		m := *slotAt(slots, base+1)
		if slotAt(slots, base).p != nil || m.p == nil || m.Type() != boundMethodType {
			return nil, false, nil
		}
		fnv, bm = asObject[BoundMethod](m).fn, m
	} else if fnv = *slotAt(slots, base); fnv.p != nil { // a method load: (function, self, args...)
		first = base + 1
	} else {
		fnv = *slotAt(slots, base+1)
	}
	if fnv.p == nil || fnv.Type() != functionType {
		return nil, false, nil
	}
	fn := asObject[Function](fnv)
	c := fn.code
	nargs := sp - first
	n := nargs
	if bm.p != nil {
		n++
	}
	var defaults []Value // the trailing defaults the call leaves to fill
	if argc := int(c.argCount); !c.exactArgs || argc != n {
		if op != bytecode.CALL_PY_WITH_DEFAULTS || !c.exactArgs || n > argc || fn.defaults.IsNil() {
			return nil, false, nil
		}
		d := asObject[Tuple](fn.defaults).items
		if argc-n > len(d) {
			return nil, false, nil
		}
		defaults = d[len(d)-(argc-n):]
	}
	if in.depth >= in.recursionLimit {
		return nil, true, in.raise(recursionErrorType, "maximum recursion depth exceeded")
	}
	in.depth++
	in.frame = f
	// newFrame, inline: as a call, it cost
	// the spills and reloads of every value live across it, ~25
	// instructions a call.
	var ac *adaptiveCode
	if i := int(c.index); i < len(in.spec.codes) {
		ac = in.spec.codes[i]
	}
	if ac == nil {
		ac = in.newAdaptive(c)
	}
	cs, ok := in.frameSlots.TryPush(int(c.frameSize))
	if !ok {
		cs = in.frameSlots.Push(int(c.frameSize)) // a new chunk
	}
	// initFrame's stores and fn's, under one write-barrier check.
	callee = in.frames.Get()
	callee.code, callee.tmpl, callee.ac, callee.globals = c, c.tmpl, ac, asObject[Dict](fn.globals)
	callee.slots, callee.fn = cs, fnv
	callee.nlocal, callee.sp = int(c.nlocal), int(c.nlocal)
	dst := 0
	if bm.p != nil {
		self := asObject[BoundMethod](bm).self
		incRef(fnv)
		incRef(self)
		*slotAt(cs, 0) = self
		dst = 1
	}
	for j := 0; j < nargs; j++ {
		a := slotAt(slots, first+j)
		*slotAt(cs, dst+j) = *a
		*a = Value{}
	}
	dst += nargs
	for j, d := range defaults {
		incRef(d)
		*slotAt(cs, dst+j) = d
	}
	if fn.closure.p != nil {
		in.copyCells(callee, fn)
	}
	// What is left below the arguments: the callable and the NULL (moved
	// or empty), or the bound method.
	*slotAt(slots, base), *slotAt(slots, base+1) = Value{}, Value{}
	f.sp = base
	if bm.p != nil && alloc.DecRef((*alloc.Header)(bm.p)) {
		in.dealloc(bm) // a bound method's dealloc runs no Python code
	}
	// A function's first instruction is RESUME 0, whose one effect is
	// to look at the eval breaker, and every caller looked at it just
	// before this call: unless it was set since, the callee starts past
	// it, which saves a dispatch of the loop (~15 instructions a call).
	if ac.instrs[0] == bytecode.Instr(bytecode.RESUME) && in.breaker.Load() == 0 {
		callee.pc = 1
	}
	return callee, true, nil
}

// callPy is the fast loop's CALL_PY_EXACT_ARGS, the form most calls of
// Python code take, for f with its pc past the call and its sp at the
// call's top and the eval breaker clear (the caller looked): it pushes
// and returns the callee's frame, linked to f and made the running one,
// with f's sp below the call. It returns nil,
// having changed nothing, when a guard fails or the call needs anything
// callExact does that this path does not (the code's first run in this
// interpreter, a new arena chunk or frame record, the recursion limit's
// error): the caller then goes on to callExact.
//
// It is callExact cut to that one case, with as few values live at once
// as it can: callExact's rare calls (newAdaptive, a new chunk, a new
// record) and its registers' worth of locals made the compiler spill a
// dozen of them on its common path.
//
//go:noinline
func (in *Interp) callPy(f *frame, oparg int) *frame {
	// The call's slots are read through slotAt: base is at least nlocal
	// and sp at most len(slots), as for every instruction of the fast
	// loop (see instrAt), and the n arguments fit in the callee's locals
	// (argCount <= nlocal).
	base := f.sp - oparg - 2
	// A method load's (function, self, args...) or a plain call's (NULL,
	// function, args...): the function's stack reference moves into the
	// callee's fn, its slot is the one left to clear.
	fi, n := base, oparg+1
	if slotAt(f.slots, base).p == nil {
		fi, n = base+1, oparg
	}
	fnv := *slotAt(f.slots, fi)
	if fnv.p == nil || fnv.Type() != functionType {
		return nil
	}
	fn := asObject[Function](fnv)
	c := fn.code
	if !c.exactArgs || int(c.argCount) != n {
		return nil
	}
	// An unsigned compare: the index load below then needs no bounds
	// check of its own (a compare and a branch).
	i := uint(c.index)
	if i >= uint(len(in.spec.codes)) || in.depth >= in.recursionLimit {
		return nil
	}
	ac := in.spec.codes[i]
	if ac == nil || len(in.frames.free) == 0 {
		return nil
	}
	cs, ok := in.frameSlots.TryPush(int(c.frameSize))
	if !ok {
		if !alloc.Debug {
			return nil
		}
		// rcdebug builds' TryPush always fails, for Push to keep its
		// checks: this path must run there too.
		cs = in.frameSlots.Push(int(c.frameSize))
	}
	// The arguments first: the fewer values live at once, the fewer the
	// compiler keeps on the stack.
	slots := f.slots
	if n == 1 {
		// The most common count, unrolled: the stores then share one
		// write-barrier check.
		a := slotAt(slots, fi+1)
		*slotAt(cs, 0) = *a
		*a, *slotAt(slots, fi) = Value{}, Value{}
	} else {
		for j := 0; j < n; j++ {
			a := slotAt(slots, fi+1+j)
			*slotAt(cs, j) = *a
			*a = Value{}
		}
		*slotAt(slots, fi) = Value{}
	}
	f.sp = base
	callee := in.frames.pop() // not empty: see above
	in.depth++
	// The record's fields as initFrame and callExact set them, under one
	// write-barrier check.
	callee.code, callee.tmpl, callee.ac, callee.globals = c, c.tmpl, ac, asObject[Dict](fn.globals)
	callee.slots, callee.fn, callee.back = cs, valueOf(fn), f
	callee.nlocal, callee.sp = int(c.nlocal), int(c.nlocal)
	// RESUME 0, skipped as callExact does; the loop's case looked at
	// the eval breaker just now.
	if instrAt(ac.instrs, 0) == bytecode.Instr(bytecode.RESUME) { // code is never empty
		callee.pc = 1
	}
	in.frame = callee
	if fn.closure.p != nil {
		in.copyCells(callee, fn)
	}
	return callee
}

// callPyDefaults is callPy for CALL_PY_WITH_DEFAULTS, which callExact
// tries first, with callPy's contract: the callee's frame, linked to f
// and running, or nil with nothing changed for callExact to take the
// call. Its defaults cost ~25 instructions a call more in callExact's
// own path, whose locals the compiler spills. (As a branch of callPy it
// made callPy's own path ~25 dearer; called from the fast loop's case,
// that loop's code grew and deltablue's count went up 0.4%.)
//
//go:noinline
func (in *Interp) callPyDefaults(f *frame, oparg int) *frame {
	base := f.sp - oparg - 2
	fi, n := base, oparg+1
	if slotAt(f.slots, base).p == nil {
		fi, n = base+1, oparg
	}
	fnv := *slotAt(f.slots, fi)
	if fnv.p == nil || fnv.Type() != functionType {
		return nil
	}
	fn := asObject[Function](fnv)
	c := fn.code
	if !c.exactArgs || int(c.argCount) != n && !defaultsCover(fn, n) {
		return nil
	}
	i := uint(c.index) // unsigned: see callPy
	if i >= uint(len(in.spec.codes)) || in.depth >= in.recursionLimit {
		return nil
	}
	ac := in.spec.codes[i]
	if ac == nil || len(in.frames.free) == 0 {
		return nil
	}
	cs, ok := in.frameSlots.TryPush(int(c.frameSize))
	if !ok {
		if !alloc.Debug {
			return nil
		}
		cs = in.frameSlots.Push(int(c.frameSize)) // see callPy
	}
	// The function's stack reference moves into the callee's fn.
	slots := f.slots
	for j := 0; j < n; j++ {
		a := slotAt(slots, fi+1+j)
		*slotAt(cs, j) = *a
		*a = Value{}
	}
	*slotAt(slots, fi) = Value{}
	if int(c.argCount) != n {
		fillDefaults(cs, fn, n)
	}
	f.sp = base
	callee := in.frames.pop() // not empty: see above
	in.depth++
	callee.code, callee.tmpl, callee.ac, callee.globals = c, c.tmpl, ac, asObject[Dict](fn.globals)
	callee.slots, callee.fn, callee.back = cs, valueOf(fn), f
	callee.nlocal, callee.sp = int(c.nlocal), int(c.nlocal)
	if instrAt(ac.instrs, 0) == bytecode.Instr(bytecode.RESUME) {
		callee.pc = 1 // see callPy
	}
	in.frame = callee
	if fn.closure.p != nil {
		in.copyCells(callee, fn)
	}
	return callee
}

// defaultsCover says whether fn's defaults fill the parameters a call
// with n positional arguments leaves unset.
func defaultsCover(fn *Function, n int) bool {
	argc := int(fn.code.argCount)
	return n < argc && fn.defaults.p != nil && argc-n <= len(asObject[Tuple](fn.defaults).items)
}

// fillDefaults puts new references to fn's trailing defaults in the
// parameters past the n arguments of a call, in cs, its new frame's
// slots; defaultsCover said they cover them.
func fillDefaults(cs []Value, fn *Function, n int) {
	d := asObject[Tuple](fn.defaults).items
	d = d[len(d)-(int(fn.code.argCount)-n):]
	for j, v := range d {
		incRef(v)
		*slotAt(cs, n+j) = v
	}
}

// copyCells puts the cells of fn's closure in the last slots of the
// locals of callee, fn's new frame, as COPY_FREE_VARS would.
func (in *Interp) copyCells(callee *frame, fn *Function) {
	cells := asObject[Tuple](fn.closure).items
	dst := callee.slots[int(fn.code.nlocal)-len(cells):]
	dst = dst[:len(cells)]
	for j, cell := range cells {
		incRef(cell)
		dst[j] = cell
	}
}

// moveArgs moves the references of args into dst, leaving args empty.
// One loop, not copy and clear: for the few arguments of a call, the
// runtime's typed copy and clear (write-barrier bulk paths) cost more
// than the moves.
func moveArgs(dst, args []Value) {
	dst = dst[:len(args)]
	for j, a := range args {
		dst[j] = a
		args[j] = Value{}
	}
}

// callSlots returns a call's slots on f's stack (the callable, its self
// or NULL, the oparg arguments) without a slice expression's bounds
// checks and arithmetic (~20 instructions a call): the stack holds them,
// its base at least nlocal and sp at most len(slots). rcdebug builds
// check the bounds. The slice is made from its header, as alloc's
// TryPush makes its own: unsafe.Slice's checks of the length (negative,
// overflowing) cost ~10 instructions and a spill a call.
func callSlots(f *frame, oparg int) []Value {
	n := oparg + 2
	if alloc.Debug {
		return f.slots[f.sp-n : f.sp : f.sp]
	}
	h := valueSliceHeader{unsafe.Pointer(slotAt(f.slots, f.sp-n)), n, n}
	return *(*[]Value)(unsafe.Pointer(&h))
}

// valueSliceHeader is the layout of a []Value, for callSlots.
type valueSliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// callBuiltinCached is the CALL forms that run a builtin directly. Each
// is a small function of its own: as cases of one function, the same
// steps cost ~120 more instructions a call (spilled registers), which
// is most of a list.append's cost. c is the instruction's first cache
// entry (adaptiveCode.cacheAt), not a slice: no bounds checks to make
// or pass.
//
//go:noinline
func (in *Interp) callBuiltinCached(f *frame, op bytecode.Op, c *cacheEntry, oparg int) (bool, error) {
	switch op {
	case bytecode.CALL_NO_KW_LIST_APPEND:
		return in.callListAppend(f, oparg)
	case bytecode.CALL_NO_KW_LEN:
		return in.callLenCached(f, c, oparg)
	case bytecode.CALL_NO_KW_BUILTIN_FAST:
		return in.callBuiltinFast(f, c, oparg)
	case bytecode.CALL_NO_KW_METHOD_DESCRIPTOR_FAST:
		return in.callMethodDescrFast(f, c, oparg)
	case bytecode.CALL_BUILTIN_CLASS:
		return in.callBuiltinClass(f, c, oparg)
	case bytecode.CALL_NO_KW_TYPE_1:
		return in.callType1(f, oparg)
	case bytecode.CALL_NO_KW_BOUND_NATIVE:
		return in.callBoundNative(f, oparg)
	}
	return false, nil
}

// callBuiltinCachedGuarded is callBuiltinCached for runFrom, which has
// no runFast around it to recover a builtin's Go panic (the forms call
// their builtins without callGo): the panic is raised as SystemError
// with the call still on f's stack, for the exception path to release.
func (in *Interp) callBuiltinCachedGuarded(f *frame, op bytecode.Op, c *cacheEntry, oparg int) (ok bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			ok, err = true, in.goPanic(p)
		}
	}()
	return in.callBuiltinCached(f, op, c, oparg)
}

// endNativeCall ends a call run on f's stack: the call's slots s (the
// top of the stack: the callable, its NULL or self, the arguments) are
// released and r, unless err, pushed in their place. s[:from] (from is
// 1 or 2) hold no reference (a NULL, or an immortal callable the
// caller's guard checked): they are only cleared.
//
// r goes to s[0], the slot the result takes, before the arguments are
// released, and the release loop makes no call (an argument whose
// count reaches zero, rare since the callee only borrowed it, goes to
// releaseFrom): with r and err dead, the loop keeps its values in
// registers. A dealloc there may run Python code; r is then already
// the stack's, like any pushed value.
func (in *Interp) endNativeCall(f *frame, s []Value, from int, r Value, err error) (bool, error) {
	if err != nil {
		return in.endNativeCallErr(f, s, err)
	}
	_ = s[1] // a call has its callable and its NULL or self
	s[0] = r
	if from > 1 {
		s[1] = Value{}
	}
	// An unsigned index below len(s) needs no bounds check, and no
	// slice of s is made (its arithmetic was ~13 instructions a call).
	for i := uint(from); i < uint(len(s)); i++ {
		v := s[i]
		s[i] = Value{}
		if v.p != nil && alloc.DecRef((*alloc.Header)(v.p)) {
			in.releaseFrom(v, s[i+1:])
			break
		}
	}
	f.sp -= len(s) - 1
	return true, nil
}

// releaseFrom frees dead, a value whose last reference was just
// dropped, then releases the values of rest in order, as a pop of each
// would.
func (in *Interp) releaseFrom(dead Value, rest []Value) {
	in.dealloc(dead)
	for i := range rest {
		v := rest[i]
		rest[i] = Value{}
		if v.p != nil && alloc.DecRef((*alloc.Header)(v.p)) {
			in.dealloc(v)
		}
	}
}

// endNativeCallErr is endNativeCall for a call that raised err: all of
// s is released (the slots that hold no reference are empty or
// immortal) and nothing pushed.
func (in *Interp) endNativeCallErr(f *frame, s []Value, err error) (bool, error) {
	for i := range s {
		v := s[i]
		s[i] = Value{}
		if v.p != nil && alloc.DecRef((*alloc.Header)(v.p)) {
			in.dealloc(v)
		}
	}
	f.sp -= len(s)
	return true, err
}

// callLenCached is CALL_NO_KW_LEN: len(x), the builtin's identity in c.
func (in *Interp) callLenCached(f *frame, c *cacheEntry, oparg int) (bool, error) {
	s := callSlots(f, oparg)
	if s[0].p != nil || s[1].p != c.at(1).p || len(s) != 3 {
		return false, nil
	}
	in.frame = f
	var r Value
	n, err := in.Len(s[2])
	if err != nil {
		return in.endNativeCallErr(f, s, err)
	}
	r = Int(int64(n))
	in.endNativeCall1(f, (*[3]Value)(s), r)
	return true, nil
}

// callListAppend is CALL_NO_KW_LIST_APPEND: list.append(x) on an exact
// list, whose result a POP_TOP drops. As CPython's form, it moves x's
// reference from the stack into the list (no count taken and dropped),
// pushes nothing and skips the POP_TOP (the specializer saw it next).
// On a MemoryError the call is released as any failed call.
func (in *Interp) callListAppend(f *frame, oparg int) (bool, error) {
	s := callSlots(f, oparg)
	if len(s) != 3 || s[0].p != listAppendMethod.p || s[1].Type() != listType {
		return false, nil
	}
	self := s[1]
	l := asObject[List](self)
	n := len(l.items)
	if n == cap(l.items) {
		in.frame = f
		if err := in.listReserve(l, 1); err != nil {
			return in.endNativeCallErr(f, s, err)
		}
	}
	l.items = l.items[:n+1]
	l.items[n] = s[2]
	s[0], s[1], s[2] = Value{}, Value{}, Value{}
	f.sp -= 3
	f.pc++
	// The list may die here ([].append(x)): its dealloc then frees x too.
	if alloc.DecRef((*alloc.Header)(self.p)) {
		in.frame = f
		in.dealloc(self)
	}
	return true, nil
}

// callBuiltinFast is CALL_NO_KW_BUILTIN_FAST: an immortal builtin
// function, its identity in c.
func (in *Interp) callBuiltinFast(f *frame, c *cacheEntry, oparg int) (bool, error) {
	s := callSlots(f, oparg)
	if s[0].p != nil || s[1].p != c.at(1).p {
		return false, nil
	}
	in.frame = f
	r, err := asObject[Builtin](s[1]).fn(in, s[2:], nil)
	if err != nil || len(s) != 3 {
		if err == nil && len(s) == 4 {
			in.endNativeCall4(f, (*[4]Value)(s), r, 2)
			return true, nil
		}
		return in.endNativeCall(f, s, 2, r, err)
	}
	in.endNativeCall1(f, (*[3]Value)(s), r)
	return true, nil
}

// endNativeCall4 is endNativeCall for a call of four slots that raised
// nothing: two arguments from 2 (isinstance(x, cls), getattr(x, name)),
// or self and two arguments from 1 (memo.get(k, nil)). Written out
// without the loop, its releases cost half of endNativeCall's. The
// slots are cleared and the result pushed first; the releases follow
// in endNativeCall's order.
func (in *Interp) endNativeCall4(f *frame, s *[4]Value, r Value, from int) {
	self, a, b := s[1], s[2], s[3]
	s[0], s[1], s[2], s[3] = r, Value{}, Value{}, Value{}
	f.sp -= 3
	if from == 1 && alloc.DecRef((*alloc.Header)(self.p)) {
		in.dealloc(self)
	}
	if alloc.DecRef((*alloc.Header)(a.p)) {
		in.dealloc(a)
	}
	if alloc.DecRef((*alloc.Header)(b.p)) {
		in.dealloc(b)
	}
}

// endNativeCall1 is endNativeCall for a call of one argument, from 2,
// that raised nothing: the argument is released here (see
// callMethodDescrFast): a call of its own, cheaper than endNativeCall's loop.
func (in *Interp) endNativeCall1(f *frame, s *[3]Value, r Value) {
	arg := s[2]
	s[0], s[1], s[2] = r, Value{}, Value{}
	f.sp -= 2
	if alloc.DecRef((*alloc.Header)(arg.p)) {
		in.dealloc(arg)
	}
}

// endNativeCallSelfArg is endNativeCall for a call, from 1, of self
// and one argument that raised nothing: both are released here, self
// first, as endNativeCall's loop would.
func (in *Interp) endNativeCallSelfArg(f *frame, s *[3]Value, r Value) {
	self, arg := s[1], s[2]
	s[0], s[1], s[2] = r, Value{}, Value{}
	f.sp -= 2
	if alloc.DecRef((*alloc.Header)(self.p)) {
		in.dealloc(self)
	}
	if alloc.DecRef((*alloc.Header)(arg.p)) {
		in.dealloc(arg)
	}
}

// callMethodDescrFast is CALL_NO_KW_METHOD_DESCRIPTOR_FAST: an immortal
// method descriptor (its identity in c) with self of a type whose
// version is c's.
func (in *Interp) callMethodDescrFast(f *frame, c *cacheEntry, oparg int) (bool, error) {
	s := callSlots(f, oparg)
	if s[0].p != c.at(1).p || s[1].IsNil() || s[1].Type().Version != uint32(c.at(1).n) {
		return false, nil
	}
	in.frame = f
	r, err := asObject[MethodDescr](s[0]).fn(in, s[1:], nil)
	if err != nil || len(s) > 3 {
		if err == nil && len(s) == 4 {
			in.endNativeCall4(f, (*[4]Value)(s), r, 1)
			return true, nil
		}
		return in.endNativeCall(f, s, 1, r, err)
	}
	// self and its one argument or none, released here: endNativeCall's
	// call and loop cost more than the two releases (list.pop(),
	// set.add(x), dict.get(k)...).
	if len(s) == 3 {
		in.endNativeCallSelfArg(f, (*[3]Value)(s), r)
		return true, nil
	}
	self := s[1]
	s[0], s[1] = r, Value{}
	f.sp--
	if alloc.DecRef((*alloc.Header)(self.p)) {
		in.dealloc(self)
	}
	return true, nil
}

// callBuiltinClass is CALL_BUILTIN_CLASS: int(x), float(x),
// tuple(it)...: the type's own constructor, without the generic call's
// dispatch. Built-in types are immortal and never change, so identity
// is the whole guard.
func (in *Interp) callBuiltinClass(f *frame, c *cacheEntry, oparg int) (bool, error) {
	s := callSlots(f, oparg)
	if s[0].p != nil || s[1].p != c.at(1).p {
		return false, nil
	}
	in.frame = f
	t := (*Type)(s[1].p)
	if r, ok := builtinClass1(t, s[2:]); ok {
		incRef(r)
		in.endNativeCall1(f, (*[3]Value)(s), r)
		return true, nil
	}
	r, err := t.construct(in, t, s[2:], nil)
	return in.endNativeCall(f, s, 2, r, err)
}

// callType1 is CALL_NO_KW_TYPE_1: type(x).
func (in *Interp) callType1(f *frame, oparg int) (bool, error) {
	s := callSlots(f, oparg)
	if s[0].p != nil || !s[1].Is(valueOf(typeType)) || len(s) != 3 {
		return false, nil
	}
	r := valueOf(s[2].Type())
	incRef(r)
	in.endNativeCall1(f, (*[3]Value)(s), r)
	return true, nil
}

// callBoundNative is CALL_NO_KW_BOUND_NATIVE: a bound built-in method
// or a bound method of another non-Python callable.
//
//go:noinline
func (in *Interp) callBoundNative(f *frame, oparg int) (bool, error) {
	s := callSlots(f, oparg)
	bound := s[1]
	if s[0].p != nil {
		return false, nil
	}
	if len(s) == 3 && bound.Type() == builtinFunctionType {
		if b := asObject[Builtin](bound); unsafe.Pointer(b.method) == listAppendMethod.p && b.self.Type() == listType {
			return in.callBoundAppend(f, (*[3]Value)(s), b)
		}
	}
	if !boundNativeCallable(bound) {
		return false, nil
	}
	// The bound object moves to the NULL's slot, where it keeps its
	// function alive through the call and is released with the
	// arguments; its self takes the callable's slot, in front of the
	// arguments.
	in.frame = f
	s[0] = bound
	var r Value
	var err error
	if bound.Type() == boundMethodType {
		m := asObject[BoundMethod](bound)
		incRef(m.self)
		s[1] = m.self
		r, err = m.fn.Type().call(in, m.fn, s[1:], nil)
	} else {
		b := asObject[Builtin](bound)
		incRef(b.self)
		s[1] = b.self
		r, err = b.method.fn(in, s[1:], nil)
	}
	// The bound object leaves its slot and is released last, after self
	// and the arguments, as CPython releases the callable after its
	// arguments.
	s[0] = Value{}
	if err != nil || len(s) != 3 {
		ok, err := in.endNativeCall(f, s, 1, r, err)
		in.decRef(bound)
		return ok, err
	}
	// One argument (deepcopy's append(y)): released here, in
	// endNativeCall's order (see callMethodDescrFast).
	in.endNativeCallSelfArg(f, (*[3]Value)(s), r)
	in.decRef(bound)
	return true, nil
}

// callBoundAppend is callBoundNative for a bound list.append of an
// exact list (copy's append = y.append; append(x)): as
// CALL_NO_KW_LIST_APPEND, x's reference moves from the stack into the
// list, without the method's call and argument checks; None is pushed
// for the POP_TOP that follows. The bound method is released last, as
// callBoundNative releases it; the list may die with it, and x then too.
func (in *Interp) callBoundAppend(f *frame, s *[3]Value, b *Builtin) (bool, error) {
	l := asObject[List](b.self)
	n := len(l.items)
	if n == cap(l.items) {
		in.frame = f
		if err := in.listReserve(l, 1); err != nil {
			return in.endNativeCallErr(f, s[:], err)
		}
	}
	bound := s[1]
	l.items = l.items[:n+1]
	l.items[n] = s[2]
	s[0], s[1], s[2] = None, Value{}, Value{}
	f.sp -= 2
	if alloc.DecRef((*alloc.Header)(bound.p)) {
		in.frame = f
		in.dealloc(bound)
	}
	return true, nil
}

// boundNativeCallable reports whether v is a callable that
// CALL_NO_KW_BOUND_NATIVE runs: a bound method whose function is not a
// Python function but has a call slot (a Go function as a method), or a
// built-in method bound to a self its descriptor accepts (m.__get__(obj)
// binds any object; the descriptor's own call raises the TypeError).
func boundNativeCallable(v Value) bool {
	switch v.Type() {
	case boundMethodType:
		t := asObject[BoundMethod](v).fn.Type()
		return t != functionType && t.call != nil
	case builtinFunctionType:
		b := asObject[Builtin](v)
		md := b.method
		if md == nil || md.static {
			return false
		}
		st := b.self.Type()
		return st == md.owner || st.IsSubtype(md.owner)
	}
	return false
}

// builtinClass1 is the conversions of CALL_BUILTIN_CLASS that need no
// constructor: int() of an unboxed int or of a float within int64 (Go's
// conversion truncates toward zero, as int() does), float() of a float
// or an unboxed int (Go's conversion rounds half to even, as CPython's
// does), str() of a str. r is borrowed; ok false leaves the call to the
// type's constructor (NaN, infinities and big floats raise or make big
// ints there).
func builtinClass1(t *Type, args []Value) (r Value, ok bool) {
	if len(args) != 1 {
		return Value{}, false
	}
	a := args[0]
	switch t {
	case intType:
		if a.p == intTag {
			return a, true
		}
		if x := math.Float64frombits(a.n); a.p == floatTag && x > -0x1p63 && x < 0x1p63 {
			return Int(int64(x)), true
		}
	case floatType:
		if a.p == floatTag {
			return a, true
		}
		if a.p == intTag {
			return Float(float64(int64(a.n))), true
		}
	case strType:
		if a.IsObject() && a.Type() == strType {
			return a, true
		}
	}
	return Value{}, false
}

// callAllocInit is CALL_ALLOC_AND_ENTER_INIT: make the instance as
// object.__new__ does and push __init__'s frame, which hands the instance
// to this frame when it returns (frame.initSelf). ok is false when a
// guard fails (nothing changed).
//
//go:noinline
func (in *Interp) callAllocInit(f *frame, c []cacheEntry, oparg int) (callee *frame, ok bool, err error) {
	// The call's slots are read through slotAt, as callPy's: base is at
	// least nlocal and sp at most len(slots).
	slots := f.slots
	base := f.sp - oparg - 2
	e := &c[1]
	cls := *slotAt(slots, base+1)
	if slotAt(slots, base).p != nil || cls.p == nil || cls.Type() != typeType || (*Type)(cls.p).Version != uint32(e.n) {
		return nil, false, nil
	}
	t := (*Type)(cls.p)
	in.frame = f
	// No arguments for object.__new__: they only make it check that
	// the class overrides __init__ and not __new__, which the class's
	// version proves (allocInitTarget), as it proves the count of
	// __slots__ values cached with it.
	obj, err := in.newPlainInstance(t, int(e.n>>32))
	if err != nil {
		return nil, true, err
	}
	if err := in.enterFrame(); err != nil {
		in.decRef(obj)
		return nil, true, err
	}
	// The class's version proves its __init__ is still the function
	// cached with it, which takes self and the oparg arguments
	// (allocInitTarget): they fit in its frame's locals.
	fn := (*Function)(e.p)
	// newFrame, inline as in callExact, with the record's other fields
	// under the same write-barrier check: ~25 instructions a call less.
	code := fn.code
	var ac *adaptiveCode
	if i := uint(code.index); i < uint(len(in.spec.codes)) {
		ac = in.spec.codes[i]
	}
	if ac == nil {
		ac = in.newAdaptive(code)
	}
	cs, ok := in.frameSlots.TryPush(int(code.frameSize))
	if !ok {
		cs = in.frameSlots.Push(int(code.frameSize)) // a new chunk
	}
	incRef(valueOf(fn))
	callee = in.frames.Get()
	callee.code, callee.tmpl, callee.ac, callee.globals = code, code.tmpl, ac, asObject[Dict](fn.globals)
	callee.slots, callee.fn, callee.initSelf = cs, valueOf(fn), obj
	callee.nlocal, callee.sp = int(code.nlocal), int(code.nlocal)
	if c := fn.code; !c.exactArgs || int(c.argCount) != oparg+1 {
		// Defaults, *args, **kwargs or keyword-only parameters: the
		// binding (and its TypeError) of a call of __init__, which
		// takes its own references.
		args := slots[base+2 : base+2+oparg]
		if err := in.bindInto(callee, fn, obj, args, nil); err != nil {
			in.releaseFrame(callee) // and obj, held as initSelf
			return nil, true, err
		}
		for j := range args {
			v := args[j]
			args[j] = Value{}
			in.decRef(v)
		}
	} else {
		incRef(obj)
		*slotAt(cs, 0) = obj
		for j := 0; j < oparg; j++ {
			a := slotAt(slots, base+2+j)
			*slotAt(cs, 1+j) = *a
			*a = Value{}
		}
	}
	if fn.closure.p != nil {
		in.copyCells(callee, fn)
	}
	*slotAt(slots, base+1) = Value{}
	f.sp = base
	if alloc.DecRef((*alloc.Header)(cls.p)) { // decRef, inline
		in.dealloc(cls)
	}
	// RESUME 0, skipped as callExact does.
	if callee.ac.instrs[0] == bytecode.Instr(bytecode.RESUME) && in.breaker.Load() == 0 {
		callee.pc = 1
	}
	return callee, true, nil
}
