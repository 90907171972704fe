package interp

import (
	"math"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/bytecode"
)

// The fast path of the eval loop.
//
// runFrom's switch has a case for every instruction, and many of them
// call out. Go's register allocator keeps nothing of a loop that large in
// registers across an iteration: the frame, the instruction slice and
// the error are spilled at the loop's head and reloaded in every case,
// and each push and pop goes through the frame's fields. Measured with
// cachegrind on nbody, that was about 25 machine instructions of
// overhead for each bytecode instruction before any work was done.
//
// runFast is a second loop, small and leaf-like, for the instructions
// that make up most of what hot code runs: locals and constants and their
// superinstructions, the stack shuffles, jumps, the int and float forms
// of BINARY_OP and COMPARE_OP, the specialized loads and stores, and the
// specialized calls of builtins and of Python functions, with their
// returns, and generators run inline (gen_inline.go). It keeps pc, sp and
// the slices in locals. Its contract
// with runFrom: it runs each instruction either wholly, exactly as
// runFrom's case would, or not at all, and stops before the first one it
// does not run (another opcode, a failed guard, an overflow, a pending
// eval breaker), with f.pc at it, for runFrom to run. Where an
// instruction must call out (a reference count reaching zero runs the
// type's dealloc, which may run __del__), runFast first writes pc and sp
// back to the frame, so that the callee sees a whole frame, and returns
// after the call.
//
// runFrom does not call it while specialization statistics are counted:
// it does not count, so every execution then goes through the switch.

// fastOps marks the instructions runFastIn has a case for. runFrom calls
// runFast only when the next instruction is one of them: code that runs
// a stretch of other instructions (json's, building dicts and calling
// with keywords) would otherwise pay a call that does nothing at each.
// TestFastOpsMatchTheLoop keeps it equal to the switch's cases.
var fastOps = func() (t [256]bool) {
	for _, op := range []bytecode.Op{
		bytecode.NOP, bytecode.RESUME, bytecode.LOAD_FAST, bytecode.LOAD_FAST__BINARY_SUBSCR, bytecode.LOAD_CONST,
		bytecode.LOAD_FAST__LOAD_FAST, bytecode.LOAD_FAST__LOAD_CONST, bytecode.LOAD_CONST__LOAD_FAST,
		bytecode.STORE_FAST, bytecode.STORE_FAST__LOAD_FAST, bytecode.STORE_FAST__STORE_FAST,
		bytecode.POP_TOP, bytecode.PUSH_NULL, bytecode.COPY, bytecode.SWAP,
		bytecode.BINARY_OP_ADD_INT, bytecode.BINARY_OP_SUBTRACT_INT, bytecode.BINARY_OP_MULTIPLY_INT,
		bytecode.BINARY_OP_ADD_FLOAT, bytecode.BINARY_OP_SUBTRACT_FLOAT, bytecode.BINARY_OP_MULTIPLY_FLOAT,
		bytecode.BINARY_OP_MIXED_FLOAT, bytecode.COMPARE_OP_INT, bytecode.COMPARE_OP_FLOAT, bytecode.COMPARE_OP_INT_JUMP,
		bytecode.POP_JUMP_IF_FALSE, bytecode.POP_JUMP_IF_TRUE, bytecode.POP_JUMP_IF_NONE, bytecode.POP_JUMP_IF_NOT_NONE,
		bytecode.JUMP_FORWARD, bytecode.JUMP_BACKWARD_NO_INTERRUPT, bytecode.JUMP_BACKWARD,
		bytecode.LOAD_GLOBAL_MODULE, bytecode.LOAD_GLOBAL_BUILTIN,
		bytecode.BINARY_SUBSCR_LIST_INT, bytecode.BINARY_SUBSCR_TUPLE_INT, bytecode.STORE_SUBSCR_LIST_INT,
		bytecode.FOR_ITER_RANGE, bytecode.FOR_ITER_LIST, bytecode.FOR_ITER_TUPLE,
		bytecode.UNPACK_SEQUENCE_TWO_TUPLE, bytecode.UNPACK_SEQUENCE_TUPLE, bytecode.UNPACK_SEQUENCE_LIST,
		bytecode.LOAD_ATTR_WITH_HINT, bytecode.LOAD_ATTR_METHOD_WITH_VALUES, bytecode.LOAD_ATTR_METHOD_NO_DICT,
		bytecode.LOAD_ATTR_MODULE, bytecode.LOAD_ATTR_CLASS, bytecode.LOAD_ATTR_SLOT,
		bytecode.STORE_ATTR_WITH_HINT, bytecode.STORE_ATTR_SLOT,
		bytecode.CALL_PY_EXACT_ARGS, bytecode.CALL_BOUND_METHOD_EXACT_ARGS, bytecode.CALL_PY_WITH_DEFAULTS,
		bytecode.CALL_ALLOC_AND_ENTER_INIT, bytecode.LOAD_FAST_AND_CLEAR, bytecode.BUILD_SET,
		bytecode.CALL_NO_KW_LEN, bytecode.CALL_NO_KW_BUILTIN_FAST, bytecode.CALL_NO_KW_METHOD_DESCRIPTOR_FAST,
		bytecode.CALL_NO_KW_TYPE_1, bytecode.CALL_BUILTIN_CLASS, bytecode.CALL_NO_KW_BOUND_NATIVE, bytecode.CALL, bytecode.KW_NAMES,
		bytecode.CALL_NO_KW_LIST_APPEND,
		bytecode.RETURN_VALUE, bytecode.RETURN_CONST, bytecode.IS_OP, bytecode.UNARY_NOT,
		bytecode.FOR_ITER, bytecode.SEND, bytecode.YIELD_VALUE,
		bytecode.FOR_ITER_GEN, bytecode.SEND_GEN, bytecode.RETURN_GENERATOR, bytecode.CALL_NO_KW_GEN_SEND,
		bytecode.LOAD_SUPER_ATTR_ATTR, bytecode.LOAD_SUPER_ATTR_METHOD, bytecode.BINARY_SUBSCR_GETITEM, bytecode.BINARY_OP_PY,
		bytecode.LOAD_FAST_CHECK, bytecode.BINARY_OP_INT,
		bytecode.BINARY_SUBSCR_DICT, bytecode.STORE_SUBSCR_DICT, bytecode.CONTAINS_OP_DICT,
		bytecode.CONTAINS_OP_SET, bytecode.COMPARE_OP_STR,
		bytecode.BINARY_OP, bytecode.COMPARE_OP, bytecode.BINARY_SUBSCR, bytecode.STORE_SUBSCR,
		bytecode.CONTAINS_OP,
		bytecode.STORE_GLOBAL, bytecode.LOAD_NAME, bytecode.STORE_NAME, bytecode.BUILD_TUPLE, bytecode.BUILD_LIST, bytecode.LIST_APPEND,
		bytecode.GET_ITER, bytecode.SET_ADD, bytecode.LOAD_DEREF, bytecode.STORE_DEREF,
		bytecode.BUILD_SLICE, bytecode.BINARY_SLICE, bytecode.STORE_SLICE,
		bytecode.FORMAT_VALUE, bytecode.BUILD_STRING, bytecode.LIST_EXTEND, bytecode.CALL_INTRINSIC_1,
		bytecode.MAKE_FUNCTION, bytecode.MAKE_CELL, bytecode.COPY_FREE_VARS, bytecode.LOAD_CLOSURE,
		bytecode.CALL_FUNCTION_EX,
	} {
		t[op] = true
	}
	return t
}()

// releaseAt deallocates v, whose count a fast-loop instruction took to
// zero, with f at pc and sp as runFrom would show it (its __del__ may
// look), and returns the frame's pc and sp to go on from.
func (in *Interp) releaseAt(f *frame, v Value, pc, sp int) (int, int) {
	f.pc, f.sp = pc, sp
	in.dealloc(v)
	return f.pc, f.sp
}

// The attribute cases of runFastIn check way 1 of their cache inline
// and leave all else to loadAttrWayAt, loadAttrPlainAt and storeAttrAt,
// which take pc and sp as arguments and hand back the pair to go on
// with. A case that kept pc, sp, the instruction or its oparg live
// across a call (the other ways' scan, LOAD_ATTR_SLOT's, loadAttrCached)
// had the register allocator spill that value at the loop's head, where
// its one spill slot dominates every restore: four stores at every
// instruction of every program, for the sake of the few that call out.
// The same holds for a value the allocator evicts for want of registers
// in a busy case and reloads on its exit: objdump's loads from the
// loop's spill slots find them.
//
// The functions the loop's cases call out to (these, callPy, returnAt,
// the generator steps, the generic fallbacks) are //go:noinline: with
// default.pgo, the inliner gives hot call sites a budget of 2,000 nodes
// and pulled them all into runFastIn (8,800 machine instructions, a
// 1 KB frame), which brought back the four spills at the head; nbody ran
// 1092 M instructions so against 1005 M with the directives, and the
// build without a profile is unchanged by them.

// loadAttrWayAt is the fast loop's LOAD_ATTR_WITH_HINT and method forms
// at pc with stack top sp when way 1 of cache c missed: ways 2 to 4,
// scanned here with no call, so that nothing is spilled on the way to
// a hit (polymorphic sites, richards' tasks), and loadAttrCachedAt
// behind them. It returns the pc and sp to go on with, or a pc of -1
// when runFrom's case must take the instruction (f at pc). A test keeps
// the four ways equal to the cache's size in opcodes.def (see attrWay).
//
//go:noinline
func (in *Interp) loadAttrWayAt(f *frame, op bytecode.Op, c *cacheEntry, oparg, pc, sp int) (int, int) {
	slots := f.slots
	if owner := *slotAt(slots, sp-1); owner.IsObject() {
		if t := owner.Type(); t.Version != 0 {
			// Unrolled: as a loop, its index lived on the stack.
			e := c.at(3)
			if uint32(e.n) != t.Version {
				if e = c.at(5); uint32(e.n) != t.Version {
					if e = c.at(7); uint32(e.n) != t.Version {
						return in.loadAttrCachedAt(f, op, c, oparg, pc, sp)
					}
				}
			}
			if op != bytecode.LOAD_ATTR_WITH_HINT {
				if methodWayHolds(op, owner, t, e) {
					meth := e.at(1).value()
					alloc.IncRef((*alloc.Header)(meth.p))
					*slotAt(slots, sp-1) = meth
					*slotAt(slots, sp) = owner // the stack keeps owner's reference
					return pc + 1, sp + 1
				}
			} else if t.dictOffset != 0 {
				if v, ok := hintValue(owner, t, e); ok {
					sp = pushAttr(slots, sp, oparg, v)
					if alloc.DecRef((*alloc.Header)(owner.p)) {
						return in.releaseAt(f, owner, pc+1, sp)
					}
					return pc + 1, sp
				}
			}
		}
	}
	return in.loadAttrCachedAt(f, op, c, oparg, pc, sp)
}

// loadAttrPlainAt is the fast loop's LOAD_ATTR_MODULE, _CLASS and _SLOT
// at pc with stack top sp: their guards, the load and the push, and
// loadAttrCachedAt behind them. It returns as loadAttrWayAt. A class's
// version proves the cached attribute its own; a module dict's keys
// version, the entry; a way's type version, the slot (an unset one is
// the generic form's, which raises the AttributeError). The guards are
// here rather than in a function of their own: a call before the push
// had this one spill what it keeps for after.
//
//go:noinline
func (in *Interp) loadAttrPlainAt(f *frame, op bytecode.Op, c *cacheEntry, oparg, pc, sp int) (int, int) {
	slots := f.slots
	if owner := *slotAt(slots, sp-1); owner.IsObject() {
		var v Value
		switch t := owner.Type(); op {
		case bytecode.LOAD_ATTR_CLASS:
			if t == typeType && (*Type)(owner.p).Version == uint32(c.at(1).n) {
				v = c.at(2).value()
			}
		case bytecode.LOAD_ATTR_MODULE:
			if t == moduleType {
				d, k := asObject[Dict](asObject[Module](owner).dict), c.at(1).n
				if uint32(k) == d.keysVersion {
					v = entryAt(d, k>>32).value
				}
			}
		default:
			// Way 1 is filled whenever the form is; the others are
			// attrWay's.
			e := c.at(1)
			if uint32(e.n) != t.Version && t.Version != 0 {
				e = c.attrWay(t.Version)
			}
			if e != nil && uint32(e.n) == t.Version {
				if s, ix := asObject[Instance](owner).slots, e.n>>32; ix < uint64(len(s)) {
					v = s[ix]
				}
			}
		}
		if v.p != nil {
			sp = pushAttr(slots, sp, oparg, v)
			if alloc.DecRef((*alloc.Header)(owner.p)) {
				return in.releaseAt(f, owner, pc+1, sp)
			}
			return pc + 1, sp
		}
	}
	return in.loadAttrCachedAt(f, op, c, oparg, pc, sp)
}

// loadAttrCachedAt is loadAttrCached for the fast loop at pc with stack
// top sp, for what the cache's ways do not prove. It returns as
// loadAttrWayAt.
func (in *Interp) loadAttrCachedAt(f *frame, op bytecode.Op, c *cacheEntry, oparg, pc, sp int) (int, int) {
	f.pc, f.sp = pc+1, sp
	if !in.loadAttrCached(f, op, c.entries(loadAttrCache), oparg) {
		f.pc--
		return -1, 0
	}
	return f.pc, f.sp
}

// hintValue is LOAD_ATTR_WITH_HINT's load through way e, whose version
// is t's (which proves t has a dict slot): the value at the way's index
// of owner's instance dict, borrowed, when the dict has the way's shape,
// which proves the name there.
func hintValue(owner Value, t *Type, e *cacheEntry) (Value, bool) {
	if dv := *(*Value)(unsafe.Add(owner.p, t.dictOffset)); dv.p != nil && asObject[Dict](dv).shape == (*shape)(e.p) {
		return entryAt(asObject[Dict](dv), e.n>>32).value, true
	}
	return Value{}, false
}

// methodWayHolds reports whether the method that way e of a
// LOAD_ATTR_METHOD_WITH_VALUES or _NO_DICT cache holds is owner's
// attribute, given that e's version is t's: for the first form, owner's
// instance dict must be missing or empty, or have the way's shape, which
// proves the name absent; any other dict is loadAttrCached's, which
// probes it.
func methodWayHolds(op bytecode.Op, owner Value, t *Type, e *cacheEntry) bool {
	if op == bytecode.LOAD_ATTR_METHOD_NO_DICT {
		return true
	}
	dv := *(*Value)(unsafe.Add(owner.p, t.dictOffset))
	if dv.p == nil {
		return true
	}
	d := asObject[Dict](dv)
	return d.used == 0 || d.shape != nil && d.shape == (*shape)(e.p)
}

// storeInPlace is STORE_ATTR_WITH_HINT's store of v into d, whose
// shape way c proves the name in at its index: v replaces the value
// there, which it returns. d takes the caller's reference to v; the
// old value's is the caller's to drop. A shaped dict is an instance's,
// never a copy-on-write namespace that would have to own its arrays
// first (cow.go).
func storeInPlace(d *Dict, c *cacheEntry, v Value) Value {
	e := entryAt(d, c.n>>32)
	old := e.value
	e.value = v
	d.Version++
	return old
}

// storeAttrAt is the fast loop's STORE_ATTR_WITH_HINT and
// STORE_ATTR_SLOT at pc with stack top sp past the case's inline way 1
// (see loadAttrWayAt): a store in place through another way, a new
// attribute (storeNewAttrAt), a __slots__ value whose type a way holds,
// or else storeAttrCached. It returns the pc and sp to go on with, or a
// pc of -1 when the loop must return err (nil: runFrom's case takes the
// instruction, f at pc).
//
//go:noinline
func (in *Interp) storeAttrAt(f *frame, op bytecode.Op, cs *cacheEntry, oparg, pc, sp int) (int, int, error) {
	owner := *slotAt(f.slots, sp-1)
	if op == bytecode.STORE_ATTR_WITH_HINT && owner.IsObject() {
		t := owner.Type()
		if c := cs.storeWay(t.Version); c != nil && t.Version != 0 && t.dictOffset != 0 {
			if dv := *(*Value)(unsafe.Add(owner.p, t.dictOffset)); dv.p != nil {
				d := asObject[Dict](dv)
				if d.shape == (*shape)(c.p) {
					slots := f.slots
					old := storeInPlace(d, c, *slotAt(slots, sp-2)) // the stack's reference
					*slotAt(slots, sp-1), *slotAt(slots, sp-2) = Value{}, Value{}
					sp -= 2
					if alloc.DecRef((*alloc.Header)(old.p)) {
						pc, sp = in.releasePairAt(f, old, owner, pc+1, sp)
						return pc, sp, nil
					}
					if alloc.DecRef((*alloc.Header)(owner.p)) {
						pc, sp = in.releaseAt(f, owner, pc+1, sp)
					} else {
						pc++
					}
					return pc, sp, nil
				}
				// A new attribute (a store in __init__) whose insert
				// the dict's shape tree has seen.
				if npc, nsp, done := in.storeNewAttrAt(f, d, owner, c, oparg, pc, sp); done {
					return npc, nsp, nil
				}
			}
		}
	}
	if op == bytecode.STORE_ATTR_SLOT && owner.IsObject() {
		// When a way holds the owner's type, the __slots__ value at its
		// index takes the stack's reference to the value. A way's
		// version proves t's instances are Instances with these slots
		// (pickStoreAttr); no type has version 0 cached.
		t := owner.Type()
		if e := cs.storeWay(t.Version); e != nil && t.Version != 0 {
			if s, ix := asObject[Instance](owner).slots, e.n>>32; ix < uint64(len(s)) {
				slots := f.slots
				old := s[ix]
				s[ix] = *slotAt(slots, sp-2)
				*slotAt(slots, sp-1), *slotAt(slots, sp-2) = Value{}, Value{}
				sp -= 2
				pc++
				// As CPython: the old value is released first, then
				// the owner.
				if old.p != nil && alloc.DecRef((*alloc.Header)(old.p)) {
					pc, sp = in.releasePairAt(f, old, owner, pc, sp)
					return pc, sp, nil
				}
				if alloc.DecRef((*alloc.Header)(owner.p)) {
					pc, sp = in.releaseAt(f, owner, pc, sp)
				}
				return pc, sp, nil
			}
		}
	}
	f.pc, f.sp = pc+1, sp
	ok, err := in.storeAttrCached(f, op, cs.entries(storeAttrCache), f.code.names[oparg])
	if !ok {
		f.pc--
		return -1, 0, nil
	}
	if err != nil {
		return -1, 0, err // raised at pc, as runFrom's case would
	}
	return f.pc, f.sp, nil
}

// pushAttr is the push of a LOAD_ATTR form that found v on the owner at
// the stack's top, sp-1: v, counted, takes the owner's place (above a
// NULL when oparg's low bit asks for a method-style pair). It returns
// the new sp; the stack's reference to the owner is the caller's to
// drop. Small enough for the inliner: the cases share its source, which
// then counts once against runFastIn's node budget (see storeNewAttrAt).
func pushAttr(slots []Value, sp, oparg int, v Value) int {
	alloc.IncRef((*alloc.Header)(v.p))
	if oparg&1 != 0 {
		*slotAt(slots, sp-1) = Value{}
		*slotAt(slots, sp) = v
		sp++
	} else {
		*slotAt(slots, sp-1) = v
	}
	return sp
}

// storeNewAttrAt is STORE_ATTR_WITH_HINT's store of a new attribute
// into d, owner's instance dict, from the fast loop at pc with stack
// top sp, when d's shape is not the one the way c proves the name in:
// the dict takes the stack's reference to the value, and the owner's
// is released. It returns the pc and sp to go on with, or false,
// having changed nothing, when d's shape tree has not seen this
// insert. Out of runFastIn's body for its size, as all the cold parts
// of its cases: past 5,000 nodes the inliner's budget for every callee
// there drops to 20, and Value.IsObject, mulInt64 and recordBranch stop
// inlining.
//
// The way's shape is usually the child this store leads to (pickStoreAttr
// and storeAttrCached cache it so): a dict at that child's parent lacks
// the name, and no scan of the parent's children is needed.
func (in *Interp) storeNewAttrAt(f *frame, d *Dict, owner Value, c *cacheEntry, oparg, pc, sp int) (int, int, bool) {
	slots := f.slots
	name := f.code.names[oparg]
	next := (*shape)(c.p)
	if next.parent != d.shape || next.parent == nil || !sameStr(next.name, asObject[Str](name).s) {
		if next = d.shapeChild(name); next == nil {
			return pc, sp, false
		}
	}
	if !in.appendShaped(d, next, name, *slotAt(slots, sp-2)) {
		return pc, sp, false
	}
	*slotAt(slots, sp-1), *slotAt(slots, sp-2) = Value{}, Value{}
	sp -= 2
	pc++
	if alloc.DecRef((*alloc.Header)(owner.p)) {
		pc, sp = in.releaseAt(f, owner, pc, sp)
	}
	return pc, sp, true
}

// releasePairAt deallocates a, whose count a fast-loop instruction took
// to zero, then drops b, the other reference the instruction consumed
// (b may be empty), in the order runFrom's case releases them, with f at
// pc and sp; it returns the pc and sp to go on from.
func (in *Interp) releasePairAt(f *frame, a, b Value, pc, sp int) (int, int) {
	f.pc, f.sp = pc, sp
	in.dealloc(a)
	in.xdecRef(b)
	return f.pc, f.sp
}

// The fast loop's simple cases read the instruction words, the slots and
// the constants without Go's bounds checks, through the helpers below;
// each use states the invariant that keeps its index in range. Every one
// holds for code the compiler emits and for code read back from a cache
// (compile's serialize runs bytecode.Validate on it): a pc in range steps
// to the next word only from an instruction that is not terminal, and
// the last word is terminal; jump targets are in range; a local's or a
// constant's oparg is below LocalsPlus or len(consts); and sp stays
// within the slots, LocalsPlus plus the compiler's StackSize, which
// bytecode.CheckStack proves again for a template read from the disk
// cache (a checksum there catches damage, not an edit). rcdebug
// builds (alloc.Debug) check each index as plain indexing would, so the
// tests catch a broken invariant as a panic rather than a stray write.

// instrAt returns instrs[pc].
func instrAt(instrs []bytecode.Instr, pc int) bytecode.Instr {
	if alloc.Debug {
		return instrs[pc]
	}
	return *(*bytecode.Instr)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(instrs)), uintptr(pc)*unsafe.Sizeof(bytecode.Instr(0))))
}

// constAt returns consts[i].
func constAt(consts []Value, i int) Value {
	if alloc.Debug {
		return consts[i]
	}
	return *(*Value)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(consts)), uintptr(i)*unsafe.Sizeof(Value{})))
}

// slotAt returns &slots[i].
func slotAt(slots []Value, i int) *Value {
	if alloc.Debug {
		return &slots[i]
	}
	return (*Value)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(slots)), uintptr(i)*unsafe.Sizeof(Value{})))
}

// slotPairAt returns &slots[i] as a pointer to it and the next slot:
// the cases that read or write two slots at once then address both from
// one register, where two indices took a register that the loop's pc
// or sp was in (see loadAttrWayAt).
func slotPairAt(slots []Value, i int) *[2]Value {
	if alloc.Debug {
		return (*[2]Value)(slots[i : i+2])
	}
	return (*[2]Value)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(slots)), uintptr(i)*unsafe.Sizeof(Value{})))
}

// runFast runs f from f.pc as far as it can; see above. It follows
// calls of Python functions and their returns, so the frame it stops in
// is the one it returns: the running frame, in.frame, which every switch
// of frames sets. An error is an exception the instruction before that
// frame's pc raised, for runFrom to handle as its own.
//
// The builtins the fast loop calls run without callGo's guard: a Go
// panic in one is recovered here, once per run rather than once per
// call (~60 instructions a call), and raised as SystemError in the
// frame that was running (a loop the builtin ran restored in.frame as
// the panic passed it), whose stack still holds the call.
func (in *Interp) runFast(f *frame) (cur *frame, err error) {
	defer func() {
		if p := recover(); p != nil {
			cur, err = in.frame, in.goPanic(p)
		}
	}()
	err = in.runFastIn(f)
	return in.frame, err
}

// runFastIn is runFast's loop. A call, a return, a generator's resume or
// its yield switches f to the frame to go on in and goes back to enter,
// which reloads what the loop keeps in locals: leaving for runFast and
// entering again cost ~20 instructions each way. (When the loop still
// spilled at its head this grew the loop and lost; with no value live
// across a case's call, the loop's head is the same as without it.) It
// stops in the running frame, at the instruction it left for runFrom or
// after one that raised err.
func (in *Interp) runFastIn(f *frame) (err error) {
enter:
	ac := f.ac
	// The inline caches are reached through ac where needed: each slice
	// kept in a local here costs loads and spills on entry, which a
	// short run does not earn back.
	instrs := ac.instrs
	slots, consts := f.slots, f.code.consts
	pc, sp := f.pc, f.sp
	for {
		instr := instrAt(instrs, pc) // pc is in range: see instrAt
		oparg := int(instr >> 8)
		// The switch covers every byte, 0 and 255 included, so that its
		// jump table needs no range check on op. The hot cases end in
		// their own pc++ and continue: a jump straight back to here
		// rather than to the pc++ below, which costs a second jump and a
		// move of sp into the register the shared block has it in.
		switch op := instr.Op(); op {
		case bytecode.NOP, bytecode.COPY_FREE_VARS:
			// COPY_FREE_VARS: bindArgs put the closure's cells in place.

		case bytecode.RESUME:
			if oparg < 2 && in.breaker.Load() != 0 {
				f.pc, f.sp = pc, sp
				return nil
			}

		case bytecode.LOAD_FAST__BINARY_SUBSCR:
			// list[i] with i a local: the index is neither pushed nor
			// popped and one dispatch is saved. The BINARY_SUBSCR
			// after it decides: only its list form is run here.
			if k := *slotAt(slots, oparg); k.p == intTag && instrAt(instrs, pc+1).Op() == bytecode.BINARY_SUBSCR_LIST_INT {
				if l := *slotAt(slots, sp-1); l.IsObject() && l.Type() == listType {
					if items := asObject[List](l).items; uint64(k.n) < uint64(len(items)) {
						v := items[k.n]
						alloc.IncRef((*alloc.Header)(v.p))
						*slotAt(slots, sp-1) = v
						if alloc.DecRef((*alloc.Header)(l.p)) {
							pc, sp = in.releaseAt(f, l, pc+2, sp)
							continue
						}
						pc += 2
						continue
					}
				}
			}
			fallthrough

		case bytecode.LOAD_FAST, bytecode.LOAD_CLOSURE:
			v := *slotAt(slots, oparg)
			alloc.IncRef((*alloc.Header)(v.p))
			*slotAt(slots, sp) = v
			sp++
			pc++
			continue

		case bytecode.LOAD_DEREF:
			// A closure's variable (json's encoder reads its settings and
			// builtins so): an empty cell is runFrom's error.
			v := asObject[Cell](*slotAt(slots, oparg)).v
			if v.p == nil {
				f.pc, f.sp = pc, sp
				return nil
			}
			alloc.IncRef((*alloc.Header)(v.p))
			*slotAt(slots, sp) = v
			sp++
			pc++
			continue

		case bytecode.LOAD_CONST:
			*slotAt(slots, sp) = constAt(consts, oparg) // constants are immortal
			sp++
			pc++
			continue

		case bytecode.LOAD_FAST__LOAD_FAST:
			a, b := *slotAt(slots, oparg), *slotAt(slots, instrAt(instrs, pc+1).Oparg())
			alloc.IncRef((*alloc.Header)(a.p))
			alloc.IncRef((*alloc.Header)(b.p))
			*slotPairAt(slots, sp) = [2]Value{a, b}
			sp += 2
			pc += 2
			continue

		case bytecode.LOAD_FAST__LOAD_CONST:
			a := *slotAt(slots, oparg)
			alloc.IncRef((*alloc.Header)(a.p))
			*slotPairAt(slots, sp) = [2]Value{a, constAt(consts, instrAt(instrs, pc+1).Oparg())}
			sp += 2
			pc += 2
			continue

		case bytecode.LOAD_CONST__LOAD_FAST:
			b := *slotAt(slots, instrAt(instrs, pc+1).Oparg())
			alloc.IncRef((*alloc.Header)(b.p))
			*slotPairAt(slots, sp) = [2]Value{constAt(consts, oparg), b}
			sp += 2
			pc += 2
			continue

		case bytecode.STORE_FAST:
			old := *slotAt(slots, oparg)
			sp--
			*slotAt(slots, oparg), *slotAt(slots, sp) = *slotAt(slots, sp), Value{}
			if old.p != nil && alloc.DecRef((*alloc.Header)(old.p)) {
				pc, sp = in.releaseAt(f, old, pc+1, sp)
				continue
			}
			pc++
			continue

		case bytecode.STORE_FAST__LOAD_FAST:
			old := *slotAt(slots, oparg)
			*slotAt(slots, oparg) = *slotAt(slots, sp-1)
			if old.p != nil && alloc.DecRef((*alloc.Header)(old.p)) {
				// As CPython: the release happens at the store, so the
				// load runs after it, on its own.
				sp--
				*slotAt(slots, sp) = Value{}
				pc, sp = in.releaseAt(f, old, pc+1, sp)
				continue
			}
			v := *slotAt(slots, instrAt(instrs, pc+1).Oparg())
			alloc.IncRef((*alloc.Header)(v.p))
			*slotAt(slots, sp-1) = v
			pc += 2
			continue

		case bytecode.STORE_FAST__STORE_FAST:
			// As two stores, in order: with equal locals the second
			// releases what the first stored. Releases are seen at the
			// first store, as in CPython.
			i, j := oparg, instrAt(instrs, pc+1).Oparg()
			old1 := *slotAt(slots, i)
			*slotAt(slots, i) = *slotAt(slots, sp-1)
			old2 := *slotAt(slots, j)
			*slotAt(slots, j) = *slotAt(slots, sp-2)
			*slotAt(slots, sp-1), *slotAt(slots, sp-2) = Value{}, Value{}
			sp -= 2
			if old1.p != nil && alloc.DecRef((*alloc.Header)(old1.p)) {
				pc, sp = in.releasePairAt(f, old1, old2, pc+1, sp)
				pc++
				continue
			}
			if old2.p != nil && alloc.DecRef((*alloc.Header)(old2.p)) {
				pc, sp = in.releaseAt(f, old2, pc+1, sp)
				pc++
				continue
			}
			pc += 2
			continue

		case bytecode.POP_TOP:
			sp--
			v := *slotAt(slots, sp)
			*slotAt(slots, sp) = Value{}
			if alloc.DecRef((*alloc.Header)(v.p)) {
				pc, sp = in.releaseAt(f, v, pc+1, sp)
				continue
			}
			pc++
			continue

		case bytecode.PUSH_NULL:
			*slotAt(slots, sp) = Value{}
			sp++
			pc++
			continue

		case bytecode.COPY:
			v := *slotAt(slots, sp-oparg)
			alloc.IncRef((*alloc.Header)(v.p))
			*slotAt(slots, sp) = v
			sp++
			pc++
			continue

		case bytecode.SWAP:
			i, j := sp-1, sp-oparg
			*slotAt(slots, i), *slotAt(slots, j) = *slotAt(slots, j), *slotAt(slots, i)
			pc++
			continue

		case bytecode.BINARY_OP_ADD_INT, bytecode.BINARY_OP_SUBTRACT_INT, bytecode.BINARY_OP_MULTIPLY_INT:
			a, b := *slotAt(slots, sp-2), *slotAt(slots, sp-1)
			if a.p != intTag || b.p != intTag {
				f.pc, f.sp = pc, sp
				return nil
			}
			x, y := int64(a.n), int64(b.n)
			var r int64
			var ok bool
			switch op {
			case bytecode.BINARY_OP_ADD_INT:
				r = x + y
				ok = (x >= 0) != (y >= 0) || (r >= 0) == (x >= 0)
			case bytecode.BINARY_OP_SUBTRACT_INT:
				r = x - y
				ok = (x >= 0) == (y >= 0) || (r >= 0) == (x >= 0)
			default:
				r, ok = mulInt64(x, y)
			}
			if !ok { // the result is a big int
				f.pc, f.sp = pc, sp
				return nil
			}
			sp--
			*slotAt(slots, sp) = Value{}
			*slotAt(slots, sp-1) = Int(r)
			pc++
			continue

		case bytecode.BINARY_OP_ADD_FLOAT, bytecode.BINARY_OP_SUBTRACT_FLOAT, bytecode.BINARY_OP_MULTIPLY_FLOAT:
			// The words after the tags, as POP_JUMP_IF_FALSE's.
			ab := slotPairAt(slots, sp-2)
			a, b := &ab[0], &ab[1]
			if a.p != floatTag || b.p != floatTag {
				f.pc, f.sp = pc, sp
				return nil
			}
			x, y := math.Float64frombits(a.n), math.Float64frombits(b.n)
			r := x * y
			if op == bytecode.BINARY_OP_ADD_FLOAT {
				r = x + y
			} else if op == bytecode.BINARY_OP_SUBTRACT_FLOAT {
				r = x - y
			}
			sp--
			*slotAt(slots, sp) = Value{}
			*slotAt(slots, sp-1) = Float(r)
			pc++
			continue

		case bytecode.BINARY_OP_MIXED_FLOAT:
			a, b := *slotAt(slots, sp-2), *slotAt(slots, sp-1)
			bop := BinaryOp(oparg)
			if oparg >= int(numBinaryOps) {
				bop = BinaryOp(oparg - int(numBinaryOps))
			}
			// pc and sp wait in f across the call: kept in registers,
			// they would be spilled at the loop's head (see compareStrOp).
			f.pc, f.sp = pc, sp
			r, ok := mixedFloatOp(bop, a, b)
			if !ok {
				return nil
			}
			pc, sp = f.pc, f.sp
			sp--
			*slotAt(slots, sp) = Value{}
			*slotAt(slots, sp-1) = Float(r)
			pc++
			continue

		case bytecode.COMPARE_OP_INT, bytecode.COMPARE_OP_FLOAT:
			a, b := slotAt(slots, sp-2), slotAt(slots, sp-1)
			var bit int
			if op == bytecode.COMPARE_OP_INT {
				if a.p != intTag || b.p != intTag {
					f.pc, f.sp = pc, sp
					return nil
				}
				bit = compareBit(int64(a.n), int64(b.n))
			} else {
				if !exactFloat(*a) || !exactFloat(*b) {
					f.pc, f.sp = pc, sp
					return nil
				}
				bit = compareFloatBit(asFloat(*a), asFloat(*b))
			}
			sp--
			*slotAt(slots, sp) = Value{}
			*slotAt(slots, sp-1) = Bool(oparg&bit != 0)
			pc++
			continue

		case bytecode.COMPARE_OP_INT_JUMP:
			// The jump at pc+1 (the specializer saw it there) runs here
			// too: no bool is pushed, popped and tested, and one dispatch
			// is saved. Its history is recorded as its own case would.
			ab := slotPairAt(slots, sp-2)
			if ab[0].p != intTag || ab[1].p != intTag {
				f.pc, f.sp = pc, sp
				return nil
			}
			// In this order, few values are live at once: more kept
			// the allocator spilling pc and oparg at the loop's head.
			t := oparg&compareBit(int64(ab[0].n), int64(ab[1].n)) != 0
			// One store each: a store of the pair calls wbZero while
			// the GC runs, and the call costs spills at the loop's head.
			sp -= 2
			*slotAt(slots, sp) = Value{}
			*slotAt(slots, sp+1) = Value{}
			pc++
			j := instrAt(instrs, pc)
			t = t == (j.Op() == bytecode.POP_JUMP_IF_TRUE)
			recordBranch(ac, pc, t)
			if t {
				pc += j.Oparg()
			}
			pc++
			continue

		case bytecode.POP_JUMP_IF_FALSE, bytecode.POP_JUMP_IF_TRUE:
			// The value's word is read only once its tag is known: read
			// with the tag, it took the register sp was in, and the exit
			// below reloaded sp from a stack slot the allocator then
			// spilled it to at the loop's head (see loadAttrWayAt).
			v := slotAt(slots, sp-1)
			var t bool
			switch v.p {
			case boolTag, intTag:
				t = v.n != 0
			case noneTag:
			default: // an object's truth may call __bool__
				f.pc, f.sp = pc, sp
				return nil
			}
			sp--
			*slotAt(slots, sp) = Value{}
			taken := t == (op == bytecode.POP_JUMP_IF_TRUE)
			recordBranch(ac, pc, taken)
			if taken {
				pc += 1 + oparg
				continue
			}
			pc++
			continue

		case bytecode.POP_JUMP_IF_NONE, bytecode.POP_JUMP_IF_NOT_NONE:
			sp--
			v := *slotAt(slots, sp)
			*slotAt(slots, sp) = Value{}
			taken := v.IsNone() == (op == bytecode.POP_JUMP_IF_NONE)
			recordBranch(ac, pc, taken)
			next := pc + 1
			if taken {
				next += oparg
			}
			if alloc.DecRef((*alloc.Header)(v.p)) {
				pc, sp = in.releaseAt(f, v, next, sp)
				continue
			}
			pc = next
			continue

		case bytecode.JUMP_FORWARD:
			pc += 1 + oparg
			continue

		case bytecode.JUMP_BACKWARD_NO_INTERRUPT:
			pc += 1 - oparg
			continue

		case bytecode.JUMP_BACKWARD:
			if in.breaker.Load() != 0 {
				f.pc, f.sp = pc, sp
				return nil
			}
			cacheAtPC(ac.cacheAt, pc).n++ // tier 2's hotness counter
			pc += 1 - oparg
			continue

		case bytecode.LOAD_GLOBAL_MODULE, bytecode.LOAD_GLOBAL_BUILTIN:
			c := cacheAtPC(ac.cacheAt, pc)
			k := c.at(1).n
			d := f.globals
			if uint32(k) != d.keysVersion {
				f.pc, f.sp = pc, sp
				return nil
			}
			if op == bytecode.LOAD_GLOBAL_BUILTIN {
				if d = in.builtins; uint32(c.at(2).n) != d.keysVersion {
					f.pc, f.sp = pc, sp
					return nil
				}
			}
			v := entryAt(d, k>>32).value
			alloc.IncRef((*alloc.Header)(v.p))
			if oparg&1 != 0 {
				*slotAt(slots, sp) = Value{}
				sp++
			}
			*slotAt(slots, sp) = v
			sp++

		case bytecode.BINARY_SUBSCR_LIST_INT, bytecode.BINARY_SUBSCR_TUPLE_INT:
			container, key := *slotAt(slots, sp-2), *slotAt(slots, sp-1)
			if key.p != intTag || !container.IsObject() {
				f.pc, f.sp = pc, sp
				return nil
			}
			var items []Value
			switch t := container.Type(); {
			case t == listType && op == bytecode.BINARY_SUBSCR_LIST_INT:
				items = asObject[List](container).items
			case t == tupleType && op == bytecode.BINARY_SUBSCR_TUPLE_INT:
				items = asObject[Tuple](container).items
			default:
				f.pc, f.sp = pc, sp
				return nil
			}
			i := int64(key.n)
			if i < 0 || i >= int64(len(items)) {
				f.pc, f.sp = pc, sp
				return nil
			}
			v := items[i]
			alloc.IncRef((*alloc.Header)(v.p))
			sp--
			*slotAt(slots, sp) = Value{}
			*slotAt(slots, sp-1) = v
			if alloc.DecRef((*alloc.Header)(container.p)) {
				pc, sp = in.releaseAt(f, container, pc+1, sp)
				continue
			}
			pc++
			continue

		case bytecode.STORE_SUBSCR_LIST_INT:
			container, key := *slotAt(slots, sp-2), *slotAt(slots, sp-1)
			if key.p != intTag || !container.IsObject() || container.Type() != listType {
				f.pc, f.sp = pc, sp
				return nil
			}
			items := asObject[List](container).items
			i := int64(key.n)
			if i < 0 || i >= int64(len(items)) {
				f.pc, f.sp = pc, sp
				return nil
			}
			// The stack's three slots are cleared before the list's is
			// stored, in two batches of write barriers rather than one of
			// five pointers, which took every register.
			v := *slotAt(slots, sp-3) // the list takes the stack's reference
			*slotAt(slots, sp-1), *slotAt(slots, sp-2), *slotAt(slots, sp-3) = Value{}, Value{}, Value{}
			sp -= 3
			old := items[i]
			items[i] = v
			if alloc.DecRef((*alloc.Header)(container.p)) {
				pc, sp = in.releasePairAt(f, container, old, pc+1, sp)
				continue
			}
			if alloc.DecRef((*alloc.Header)(old.p)) {
				pc, sp = in.releaseAt(f, old, pc+1, sp)
				continue
			}
			pc++
			continue

		case bytecode.FOR_ITER_RANGE:
			it := *slotAt(slots, sp-1)
			if it.Type() != rangeIteratorType {
				f.pc, f.sp = pc, sp
				return nil
			}
			r := asObject[rangeIterator](it)
			if r.left <= 0 {
				pc, sp = in.forIterEnd(f, pc, sp)
				continue
			}
			*slotAt(slots, sp) = Int(r.next)
			sp++
			r.next += r.step
			r.left--
			pc++
			continue

		case bytecode.FOR_ITER_LIST, bytecode.FOR_ITER_TUPLE:
			it := *slotAt(slots, sp-1)
			want := listIteratorType
			if op == bytecode.FOR_ITER_TUPLE {
				want = tupleIteratorType
			}
			if it.Type() != want {
				f.pc, f.sp = pc, sp
				return nil
			}
			v, ok := seqIterNext(asObject[seqIterator](it), op == bytecode.FOR_ITER_LIST)
			if !ok {
				pc, sp = in.forIterEnd(f, pc, sp)
				continue
			}
			alloc.IncRef((*alloc.Header)(v.p))
			if j := instrAt(instrs, pc+1); j.Op() == bytecode.STORE_FAST__LOAD_FAST {
				// for x in s: x = next; push local. The item goes to its
				// local without a push, a pop and a dispatch; the rest is
				// STORE_FAST__LOAD_FAST's case.
				p := slotAt(slots, j.Oparg())
				old := *p
				*p = v
				if old.p != nil && alloc.DecRef((*alloc.Header)(old.p)) {
					pc, sp = in.releaseAt(f, old, pc+2, sp)
					continue
				}
				v = *slotAt(slots, instrAt(instrs, pc+2).Oparg())
				alloc.IncRef((*alloc.Header)(v.p))
				pc += 2
			}
			*slotAt(slots, sp) = v
			sp++
			pc++
			continue

		case bytecode.UNPACK_SEQUENCE_TWO_TUPLE, bytecode.UNPACK_SEQUENCE_TUPLE, bytecode.UNPACK_SEQUENCE_LIST:
			v := *slotAt(slots, sp-1)
			items := unpackItems(v, op)
			if items == nil || len(items) != oparg {
				f.pc, f.sp = pc, sp
				return nil
			}
			sp--
			for i := len(items) - 1; i >= 0; i-- {
				alloc.IncRef((*alloc.Header)(items[i].p))
				*slotAt(slots, sp) = items[i]
				sp++
			}
			if alloc.DecRef((*alloc.Header)(v.p)) {
				pc, sp = in.releaseAt(f, v, pc+1, sp)
				continue
			}
			pc++
			continue

		case bytecode.LOAD_ATTR_WITH_HINT:
			// Way 1 of the cache, inline: a way holds a type's version,
			// the key's index in its instances' dicts and the shape of
			// those dicts, which proves the key at that index (CPython's
			// keys version guard). Most sites see one type. The other
			// ways, and a dict of another shape, are loadAttrWayAt's.
			owner := *slotAt(slots, sp-1)
			c := cacheAtPC(ac.cacheAt, pc)
			if owner.IsObject() {
				// Way 1 is filled whenever the form is, so its version
				// is never 0 and proves t has a dict slot.
				if t, e := owner.Type(), c.at(1); uint32(e.n) == t.Version {
					if v, ok := hintValue(owner, t, e); ok {
						sp = pushAttr(slots, sp, oparg, v)
						if alloc.DecRef((*alloc.Header)(owner.p)) {
							pc, sp = in.releaseAt(f, owner, pc+1, sp)
							continue
						}
						break
					}
				}
			}
			if pc, sp = in.loadAttrWayAt(f, op, c, oparg, pc, sp); pc < 0 {
				return nil
			}
			continue

		case bytecode.LOAD_ATTR_METHOD_WITH_VALUES, bytecode.LOAD_ATTR_METHOD_NO_DICT:
			// Way 1, inline, as LOAD_ATTR_WITH_HINT's: the call costs
			// more than the load. A way holds a type's version, the
			// shape of its instances' dicts that proves the name absent,
			// and the method.
			owner := *slotAt(slots, sp-1)
			c := cacheAtPC(ac.cacheAt, pc)
			if owner.IsObject() {
				// Way 1 is filled whenever the form is (pickLoadAttr), so
				// its version is never 0, the mark of an unversioned type.
				if t, e := owner.Type(), c.at(1); uint32(e.n) == t.Version && methodWayHolds(op, owner, t, e) {
					meth := e.at(1).value()
					alloc.IncRef((*alloc.Header)(meth.p))
					*slotAt(slots, sp-1) = meth
					*slotAt(slots, sp) = owner // the stack keeps owner's reference
					sp++
					break
				}
			}
			if pc, sp = in.loadAttrWayAt(f, op, c, oparg, pc, sp); pc < 0 {
				return nil
			}
			continue

		case bytecode.LOAD_ATTR_MODULE, bytecode.LOAD_ATTR_CLASS, bytecode.LOAD_ATTR_SLOT:
			// Wholly loadAttrPlainAt's: its guards inline here moved
			// the loop's register allocation, and LOAD_ATTR_WITH_HINT
			// lost more than these gained (~25 instructions a load).
			if pc, sp = in.loadAttrPlainAt(f, op, cacheAtPC(ac.cacheAt, pc), oparg, pc, sp); pc < 0 {
				return nil
			}
			continue

		case bytecode.STORE_ATTR_WITH_HINT, bytecode.STORE_ATTR_SLOT:
			cs := cacheAtPC(ac.cacheAt, pc)
			if op == bytecode.STORE_ATTR_WITH_HINT {
				// Way 1, inline, as LOAD_ATTR_WITH_HINT's: the type's
				// version, and the shape of the instance dict that proves
				// the name at the cached index; the value replaces the
				// one there, in place. The other ways, a new name, a
				// dict of another shape, are storeAttrAt's.
				owner := *slotAt(slots, sp-1)
				if owner.IsObject() {
					// Way 1 is filled whenever the form is: its version
					// proves t has a dict slot.
					if t, c := owner.Type(), cs.at(1); uint32(c.n) == t.Version {
						if dv := *(*Value)(unsafe.Add(owner.p, t.dictOffset)); dv.p != nil && asObject[Dict](dv).shape == (*shape)(c.p) {
							old := storeInPlace(asObject[Dict](dv), c, *slotAt(slots, sp-2)) // the stack's reference
							*slotAt(slots, sp-1), *slotAt(slots, sp-2) = Value{}, Value{}
							sp -= 2
							// As CPython: the old value is released
							// first, then the owner.
							if alloc.DecRef((*alloc.Header)(old.p)) {
								pc, sp = in.releasePairAt(f, old, owner, pc+1, sp)
								continue
							}
							if alloc.DecRef((*alloc.Header)(owner.p)) {
								pc, sp = in.releaseAt(f, owner, pc+1, sp)
								continue
							}
							break
						}
					}
				}
			}
			var err error
			if pc, sp, err = in.storeAttrAt(f, op, cs, oparg, pc, sp); pc < 0 {
				return err
			}
			continue

		case bytecode.CALL_PY_EXACT_ARGS, bytecode.CALL_BOUND_METHOD_EXACT_ARGS, bytecode.CALL_PY_WITH_DEFAULTS,
			bytecode.CALL_ALLOC_AND_ENTER_INIT:
			if in.breaker.Load() != 0 || f.kwnames != nil {
				f.pc, f.sp = pc, sp
				return nil
			}
			f.pc, f.sp = pc+1, sp
			var callee *frame
			var ok bool
			var err error
			switch op {
			case bytecode.CALL_PY_EXACT_ARGS:
				if callee = in.callPy(f, oparg); callee != nil {
					f = callee
					goto enter
				}
				// The oparg again, from f's pc: kept live across
				// callPy, it was spilled at the loop's head (see
				// loadAttrWayAt).
				callee, ok, err = in.callExact(f, bytecode.CALL_PY_EXACT_ARGS, instrAt(instrs, f.pc-1).Oparg())
			case bytecode.CALL_PY_WITH_DEFAULTS:
				// As above; callExact tries callPyDefaults first too,
				// but the second call cost ~15 instructions a call.
				if callee = in.callPyDefaults(f, oparg); callee != nil {
					f = callee
					goto enter
				}
				callee, ok, err = in.callExact(f, bytecode.CALL_PY_WITH_DEFAULTS, instrAt(instrs, f.pc-1).Oparg())
			case bytecode.CALL_ALLOC_AND_ENTER_INIT:
				// A class call: the instance, then its __init__'s frame,
				// whose return (returnAt) hands the instance to f.
				off := ac.offsets[pc]
				callee, ok, err = in.callAllocInit(f, ac.caches[off:off+callCache], oparg)
			default:
				callee, ok, err = in.callExact(f, op, oparg)
			}
			if !ok { // not a call these guards allow: runFrom's case
				f.pc--
				return nil
			}
			if err != nil {
				return err
			}
			callee.back = f
			in.frame = callee
			f = callee
			goto enter

		case bytecode.CALL:
			// The family head, for what no specialized form covers: a
			// bound method of a Go function (a queue's put), a callable
			// instance, keywords. Its counter counts down as in runFrom
			// (when it is out, runFrom tries to specialize); a call of
			// a Python function switches frames as the forms above do.
			if ac.due(pc) || in.breaker.Load() != 0 {
				f.pc, f.sp = pc, sp
				return nil
			}
			f.pc, f.sp = pc+1, sp
			in.frame = f
			callee, err := in.call(f, oparg)
			if err != nil {
				return err
			}
			if callee != nil {
				callee.back = f
				in.frame = callee
				f = callee
				goto enter
			}
			pc, sp = f.pc, f.sp
			continue

		case bytecode.CALL_FUNCTION_EX:
			// f(*args, **kwargs): a Python function's frame is pushed
			// here as CALL's is (copy's _reconstruct(x, memo, *rv) and
			// copyreg.__newobj__'s cls.__new__(cls, *args) ran in
			// runFrom, a return and a fresh entry of this loop each).
			if in.breaker.Load() != 0 {
				f.pc, f.sp = pc, sp
				return nil
			}
			f.pc, f.sp = pc+1, sp
			callee, err := in.callExFrame(f, oparg)
			if err != nil {
				return err
			}
			if callee != nil {
				callee.back = f
				in.frame = callee
				f = callee
				goto enter
			}
			pc, sp = f.pc, f.sp
			continue

		case bytecode.KW_NAMES:
			// The keyword names of the next CALL, which the head above
			// binds (call.go's bindKeywords); the forms stop at them.
			f.kwnames = asObject[Tuple](constAt(consts, oparg)).items

		case bytecode.CALL_NO_KW_LEN, bytecode.CALL_NO_KW_BUILTIN_FAST, bytecode.CALL_NO_KW_METHOD_DESCRIPTOR_FAST,
			bytecode.CALL_NO_KW_TYPE_1, bytecode.CALL_BUILTIN_CLASS, bytecode.CALL_NO_KW_LIST_APPEND:
			// Builtins run nested, on this frame: a call out like any.
			if in.breaker.Load() != 0 || f.kwnames != nil {
				f.pc, f.sp = pc, sp
				return nil
			}
			c := ac.cacheAt[pc]
			f.pc, f.sp = pc+1, sp
			ok, err := in.callBuiltinCached(f, op, c, oparg)
			if !ok {
				f.pc--
				return nil
			}
			if err != nil {
				return err
			}
			pc, sp = f.pc, f.sp
			continue

		case bytecode.CALL_NO_KW_BOUND_NATIVE:
			if in.breaker.Load() != 0 || f.kwnames != nil {
				f.pc, f.sp = pc, sp
				return nil
			}
			f.pc, f.sp = pc+1, sp
			ok, err := in.callBoundNative(f, oparg)
			if !ok {
				f.pc--
				return nil
			}
			if err != nil {
				return err
			}
			pc, sp = f.pc, f.sp
			continue

		case bytecode.FOR_ITER:
			// A generator's frame runs in this loop, as in runFrom (its
			// other iterators are runFrom's). The family's counter is
			// counted down as runFrom does; when it is out, runFrom tries
			// to specialize.
			if ac.due(pc) {
				f.pc, f.sp = pc, sp
				return nil
			}
			f.pc, f.sp = pc+1, sp
			g := inlineGen(*slotAt(slots, sp-1), None)
			if g == nil { // any other iterator: called out, as in runFrom
				if err := in.execForIter(f, instr, pc); err != nil {
					return err
				}
				pc, sp = f.pc, f.sp
				continue
			}
			gf, err := in.pushGen(f, g, None)
			if err != nil {
				return err
			}
			in.frame = gf
			f = gf
			goto enter

		case bytecode.FOR_ITER_GEN, bytecode.SEND_GEN:
			// A guard and a push (gen_inline.go); a miss is runFrom's.
			if f, err = in.resumeGenAt(f, op, pc, sp); f == nil {
				return err
			}
			goto enter

		case bytecode.CALL_NO_KW_GEN_SEND:
			// gen.send(v): as SEND_GEN (gen_inline.go).
			if f, err = in.callGenSendAt(f, pc, sp); f == nil {
				return err
			}
			goto enter

		case bytecode.RETURN_GENERATOR:
			// A generator function's first instruction: the call
			// returns the new generator (gen_inline.go).
			f.pc, f.sp = pc+1, sp
			caller, err := in.returnGenerator(f)
			if caller == nil {
				return err
			}
			f = caller
			goto enter

		case bytecode.LOAD_SUPER_ATTR_ATTR, bytecode.LOAD_SUPER_ATTR_METHOD:
			// Called out behind the guard (spec_super.go).
			off := ac.offsets[pc]
			f.pc, f.sp = pc+1, sp
			ok, err := in.loadSuperAttrCached(f, op, ac.caches[off:off+loadSuperAttrCache], oparg)
			if !ok {
				f.pc--
				return nil
			}
			if err != nil {
				return err
			}
			pc, sp = f.pc, f.sp
			continue

		case bytecode.BINARY_SUBSCR_GETITEM, bytecode.BINARY_OP_PY:
			// A dunder's frame, pushed as a call's (spec_super.go,
			// spec_dunder.go).
			f.pc, f.sp = pc+1, sp
			callee, ok, err := in.pushDunderAt(f, op, ac.caches[ac.offsets[pc]:])
			if !ok {
				f.pc--
				return nil
			}
			if err != nil {
				return err
			}
			callee.back = f
			in.frame = callee
			f = callee
			goto enter

		case bytecode.SEND:
			if ac.due(pc) { // runFrom tries to specialize
				f.pc, f.sp = pc, sp
				return nil
			}
			v := *slotAt(slots, sp-1)
			g := inlineGen(*slotAt(slots, sp-2), v)
			if g == nil {
				f.pc, f.sp = pc, sp
				return nil
			}
			sp--
			*slotAt(slots, sp) = Value{}
			f.pc, f.sp = pc+1, sp
			gf, err := in.pushGen(f, g, v)
			if err != nil {
				in.decRef(v)
				return err
			}
			in.frame = gf
			f = gf
			goto enter

		case bytecode.YIELD_VALUE:
			if f.gen == nil || f.entry { // a yield that leaves the loop
				f.pc, f.sp = pc, sp
				return nil
			}
			f = in.yieldAt(f, pc, sp)
			goto enter

		case bytecode.RETURN_VALUE, bytecode.RETURN_CONST:
			// returnAt: the common return in one call, the rest behind it.
			if f = in.returnAt(f, instr, pc, sp); f == nil {
				return nil
			}
			goto enter

		case bytecode.IS_OP:
			a, b := *slotAt(slots, sp-2), *slotAt(slots, sp-1)
			*slotAt(slots, sp-1) = Value{}
			*slotAt(slots, sp-2) = Bool(a.Is(b) != (oparg == 1))
			sp--
			if alloc.DecRef((*alloc.Header)(a.p)) {
				pc, sp = in.releasePairAt(f, a, b, pc+1, sp)
				continue
			}
			if alloc.DecRef((*alloc.Header)(b.p)) {
				pc, sp = in.releaseAt(f, b, pc+1, sp)
				continue
			}
			pc++
			continue

		case bytecode.UNARY_NOT:
			if v := *slotAt(slots, sp-1); v.p == boolTag {
				*slotAt(slots, sp-1) = Bool(v.n == 0)
				break
			}
			f.pc, f.sp = pc, sp
			return nil

		case bytecode.LOAD_FAST_AND_CLEAR:
			*slotAt(slots, sp) = *slotAt(slots, oparg) // may be the empty slot
			*slotAt(slots, oparg) = Value{}
			sp++
			pc++
			continue

		case bytecode.LOAD_FAST_CHECK:
			v := *slotAt(slots, oparg)
			if v.p == nil { // unbound: runFrom raises
				f.pc, f.sp = pc, sp
				return nil
			}
			alloc.IncRef((*alloc.Header)(v.p))
			*slotAt(slots, sp) = v
			sp++
			pc++
			continue

		case bytecode.BINARY_OP_INT:
			a, b := *slotAt(slots, sp-2), *slotAt(slots, sp-1)
			if a.p != intTag || b.p != intTag {
				f.pc, f.sp = pc, sp
				return nil
			}
			bop := BinaryOp(oparg)
			if oparg >= int(numBinaryOps) {
				bop = BinaryOp(oparg - int(numBinaryOps))
			}
			f.pc, f.sp = pc, sp // across the call: see BINARY_OP_MIXED_FLOAT
			r, ok := smallIntOp(bop, int64(a.n), int64(b.n))
			if !ok { // a big int or an error: runFrom's
				return nil
			}
			pc, sp = f.pc, f.sp
			sp--
			*slotAt(slots, sp) = Value{}
			*slotAt(slots, sp-1) = Int(r)
			pc++
			continue

		case bytecode.BINARY_SUBSCR_DICT, bytecode.STORE_SUBSCR_DICT, bytecode.CONTAINS_OP_DICT,
			bytecode.CONTAINS_OP_SET:
			// The guard here; the work (which may hash, compare and
			// release, so calls out) is the helper execSpecialized runs.
			var ok bool
			switch op {
			case bytecode.BINARY_SUBSCR_DICT, bytecode.STORE_SUBSCR_DICT:
				c := *slotAt(slots, sp-2)
				ok = c.IsObject() && c.Type() == dictType
			case bytecode.CONTAINS_OP_DICT:
				c := *slotAt(slots, sp-1)
				ok = c.IsObject() && c.Type() == dictType
			default:
				c := *slotAt(slots, sp-1)
				ok = c.IsObject() && (c.Type() == setType || c.Type() == frozensetType)
			}
			if !ok { // a miss: runFrom counts it
				f.pc, f.sp = pc, sp
				return nil
			}
			f.pc, f.sp = pc+1, sp
			var err error
			switch op {
			case bytecode.BINARY_SUBSCR_DICT:
				err = in.binarySubscrDict(f)
			case bytecode.STORE_SUBSCR_DICT:
				err = in.storeSubscrDict(f)
			case bytecode.CONTAINS_OP_DICT:
				err = in.containsDict(f, oparg, true)
			default:
				err = in.containsSet(f, oparg)
			}
			if err != nil {
				return err
			}
			pc, sp = f.pc, f.sp
			continue

		case bytecode.COMPARE_OP_STR:
			a, b := *slotAt(slots, sp-2), *slotAt(slots, sp-1)
			if !a.IsObject() || !b.IsObject() || a.Type() != strType || b.Type() != strType {
				f.pc, f.sp = pc, sp
				return nil
			}
			f.pc, f.sp = pc, sp // across the call: see BINARY_OP_MIXED_FLOAT
			r := compareStrOp(a, b, oparg)
			pc, sp = f.pc, f.sp
			*slotAt(slots, sp-1) = Value{}
			*slotAt(slots, sp-2) = Bool(r)
			sp--
			if alloc.DecRef((*alloc.Header)(a.p)) {
				pc, sp = in.releasePairAt(f, a, b, pc+1, sp)
				continue
			}
			if alloc.DecRef((*alloc.Header)(b.p)) {
				pc, sp = in.releaseAt(f, b, pc+1, sp)
				continue
			}

		case bytecode.BINARY_OP, bytecode.COMPARE_OP, bytecode.BINARY_SUBSCR, bytecode.STORE_SUBSCR,
			bytecode.CONTAINS_OP:
			// Family heads that stay generic (tuple and list + in
			// nqueens, slices in fannkuch). Their counter counts down as
			// in runFrom; when it is out, runFrom tries to specialize.
			if ac.due(pc) {
				f.pc, f.sp = pc, sp
				return nil
			}
			f.pc, f.sp = pc+1, sp
			var err error
			switch op {
			case bytecode.BINARY_OP:
				err = in.execBinaryOp(f, oparg)
			case bytecode.COMPARE_OP:
				err = in.execCompareOp(f, oparg)
			case bytecode.BINARY_SUBSCR:
				err = in.execBinarySubscr(f)
			case bytecode.STORE_SUBSCR:
				err = in.execStoreSubscr(f)
			default:
				err = in.execContainsOp(f, oparg)
			}
			if err != nil {
				return err
			}
			pc, sp = f.pc, f.sp
			continue

		case bytecode.STORE_GLOBAL, bytecode.LOAD_NAME, bytecode.STORE_NAME, bytecode.BUILD_TUPLE, bytecode.BUILD_LIST, bytecode.LIST_APPEND,
			bytecode.GET_ITER, bytecode.SET_ADD, bytecode.STORE_DEREF,
			bytecode.BUILD_SLICE, bytecode.BINARY_SLICE, bytecode.STORE_SLICE, bytecode.BUILD_SET,
			bytecode.FORMAT_VALUE, bytecode.BUILD_STRING, bytecode.MAKE_FUNCTION, bytecode.MAKE_CELL,
			bytecode.LIST_EXTEND, bytecode.CALL_INTRINSIC_1:
			// plainOps (eval_fast_ops.go): called out, as runFrom does.
			f.pc, f.sp = pc+1, sp
			if err := in.execPlain(f, op, oparg); err != nil {
				return err
			}
			pc, sp = f.pc, f.sp
			continue

		case 0, 255: // see the switch
			f.pc, f.sp = pc, sp
			return nil

		default:
			f.pc, f.sp = pc, sp
			return nil
		}
		pc++
	}
}

// forIterEnd ends a FOR_ITER_RANGE, _LIST or _TUPLE loop at pc whose
// iterator is exhausted, as runFrom does: it drops the iterator and
// steps over the END_FOR. It returns the pc and sp to go on from. It
// reads the instruction itself: the loop's copy, kept for it across
// seqIterNext, was spilled at the loop's head (see loadAttrWayAt).
//
//go:noinline
func (in *Interp) forIterEnd(f *frame, pc, sp int) (int, int) {
	sp--
	it := f.slots[sp]
	f.slots[sp] = Value{}
	next := f.ac.instrs[pc].Target(pc) + 1
	if alloc.DecRef((*alloc.Header)(it.p)) {
		return in.releaseAt(f, it, next, sp)
	}
	return next, sp
}
