package interp

import (
	"math"
	"math/bits"
	"strings"

	"github.com/parallel-py/parallel/interp/bytecode"
)

// execPlain runs the plain instructions: ones without an adaptive
// counter or a guard that never push or pop a frame (LOAD_NAME,
// STORE_NAME, STORE_GLOBAL, BUILD_TUPLE, BUILD_LIST, BUILD_SET,
// LIST_APPEND, SET_ADD, GET_ITER, STORE_DEREF, BUILD_SLICE, BINARY_SLICE,
// STORE_SLICE, FORMAT_VALUE, BUILD_STRING, MAKE_FUNCTION, MAKE_CELL,
// LIST_EXTEND, CALL_INTRINSIC_1).
// Both loops run them here, so the fast loop runs them exactly as runFrom
// does; before, each sent the fast loop back to runFrom and cost a
// return, runFrom's dispatch and a new run of the fast loop on top of
// its own work (hexiom, nqueens and pystone ran 1 to 4 million of them
// apiece), and module-level loops, made of LOAD_NAME and STORE_NAME,
// bounced at every name. f.pc is past the instruction; an error is
// raised at it.
func (in *Interp) execPlain(f *frame, op bytecode.Op, oparg int) (err error) {
	switch op {
	case bytecode.LOAD_NAME:
		var v Value
		if v, err = in.loadName(f, f.code.names[oparg], true); err == nil {
			f.push(v)
		}

	case bytecode.STORE_NAME:
		v := f.pop()
		if ns := valueOf(f.names); ns.Type() != dictType {
			// A class namespace from __prepare__ (enum's _EnumDict)
			// sees every store through its own __setitem__.
			err = in.SetItem(ns, f.code.names[oparg], v)
		} else {
			err = in.DictSet(f.names, f.code.names[oparg], v)
		}
		in.decRef(v)

	case bytecode.STORE_GLOBAL:
		v := f.pop()
		err = in.DictSet(f.globals, f.code.names[oparg], v)
		in.decRef(v)

	case bytecode.BUILD_TUPLE, bytecode.BUILD_LIST:
		// The new object takes over the stack's references.
		items := f.slots[f.sp-oparg : f.sp]
		var r Value
		if op == bytecode.BUILD_TUPLE {
			r, err = in.tupleTakeItems(items)
		} else {
			r, err = in.listTakeItems(items)
		}
		if err != nil {
			in.replaceTop(f, oparg, r, err)
			break
		}
		f.sp -= oparg
		f.push(r)

	case bytecode.LIST_APPEND:
		v := f.pop()
		err = in.Append(asObject[List](f.slots[f.sp-oparg]), v)
		in.decRef(v)

	case bytecode.GET_ITER:
		v := f.pop()
		var it Value
		it, err = in.getIter(v)
		in.decRef(v)
		if err == nil {
			f.push(it)
		}

	case bytecode.SET_ADD:
		v := f.pop()
		err = in.setAddItem(f.slots[f.sp-oparg], v)
		in.decRef(v)

	case bytecode.LOAD_DEREF:
		var v Value
		if v, err = in.loadDeref(f, oparg); err == nil {
			f.push(v)
		}

	case bytecode.STORE_DEREF:
		c := asObject[Cell](f.slots[oparg])
		old := c.v
		c.v = f.pop()
		in.xdecRef(old)

	case bytecode.MAKE_FUNCTION:
		// Here for the fast loop: json's encoder makes its closures at
		// every dumps, and each sent the loop back to runFrom.
		var r Value
		if r, err = in.makeFunction(f, oparg); err == nil {
			f.push(r)
		}

	case bytecode.MAKE_CELL:
		var c Value
		if c, err = in.newCell(f.slots[oparg]); err == nil {
			f.slots[oparg] = c
		}

	case bytecode.BUILD_SLICE:
		var done bool
		if done, err = in.sliceSubscrFused(f, oparg); done {
			break
		}
		var step Value = None
		if oparg == 3 {
			step = f.pop()
		}
		stop := f.pop()
		start := f.pop()
		var r Value
		r, err = in.newSlice(start, stop, step)
		in.decRef(start)
		in.decRef(stop)
		in.decRef(step)
		if err == nil {
			f.push(r)
		}

	case bytecode.BINARY_SLICE:
		stop := f.pop()
		start := f.pop()
		container := f.pop()
		var r Value
		var ok bool
		r, ok, err = in.listSliceFast(container, start, stop)
		if !ok {
			var s Value
			if s, err = in.newSlice(start, stop, None); err == nil {
				r, err = in.GetItem(container, s)
				in.decRef(s)
			}
		}
		in.decRef(start)
		in.decRef(stop)
		in.decRef(container)
		if err == nil {
			f.push(r)
		}

	case bytecode.STORE_SLICE:
		stop := f.pop()
		start := f.pop()
		container := f.pop()
		v := f.pop()
		var ok bool
		if ok, err = in.listStoreSliceFast(v, container, start, stop); !ok {
			var s Value
			if s, err = in.newSlice(start, stop, None); err == nil {
				err = in.SetItem(container, s, v)
				in.decRef(s)
			}
		}
		in.decRef(start)
		in.decRef(stop)
		in.decRef(container)
		in.decRef(v)

	case bytecode.FORMAT_VALUE:
		var spec Value
		if oparg&4 != 0 {
			spec = f.pop()
		}
		v := f.pop()
		var r Value
		r, err = in.formatValue(v, oparg&3, spec)
		in.decRef(v)
		in.xdecRef(spec)
		if err == nil {
			f.push(r)
		}

	case bytecode.BUILD_STRING:
		var r Value
		r, err = in.buildString(f.slots[f.sp-oparg : f.sp])
		in.replaceTop(f, oparg, r, err)

	case bytecode.LIST_EXTEND:
		// With CALL_INTRINSIC_1 it builds the tuple of f(a, *args):
		// CALL_FUNCTION_EX runs in the fast loop, so these do too.
		src := f.pop()
		if oparg == 1 && in.listExtendToTuple(f, src) {
			in.decRef(src)
			break
		}
		err = in.listExtendUnpack(asObject[List](f.slots[f.sp-oparg]), src)
		in.decRef(src)

	case bytecode.CALL_INTRINSIC_1:
		v := f.pop()
		var r Value
		r, err = in.intrinsic1(f, oparg, v)
		in.decRef(v)
		if err == nil {
			f.push(r)
		}

	case bytecode.BUILD_SET:
		items := f.slots[f.sp-oparg : f.sp]
		var r Value
		r, err = in.buildSet(items)
		in.replaceTop(f, oparg, r, err)

	default:
		return in.raise(systemErrorType, "execPlain: %s is not a plain instruction", op)
	}
	return err
}

// listExtendToTuple runs LIST_EXTEND 1 and the CALL_INTRINSIC_1
// LIST_TO_TUPLE after it as one, for a list or tuple src: the compiler's
// tuple of f(a, *args) or (a, *b). When only the stack holds the list
// (BUILD_LIST's), a tuple of its items (their references moved) and
// src's replaces it and f.pc steps over the intrinsic; the list was
// grown by a Go allocation and copied again to a tuple. It reports false
// when it did nothing.
func (in *Interp) listExtendToTuple(f *frame, src Value) bool {
	lv := f.slots[f.sp-1]
	next := f.ac.instrs[f.pc]
	if next.Op() != bytecode.CALL_INTRINSIC_1 || bytecode.Intrinsic1(next.Oparg()) != bytecode.INTRINSIC_LIST_TO_TUPLE ||
		lv.Type() != listType || lv.Header().Refs() != 1 {
		return false
	}
	items, ok := seqItems(src)
	if !ok {
		return false
	}
	l := asObject[List](lv)
	k := len(l.items)
	r := emptyTuple
	if n := k + len(items); n > 0 {
		t, err := in.newTupleSized(n)
		if err != nil {
			if e, ok := err.(*Exception); ok {
				in.decRef(valueOf(e))
			}
			return false // the two instructions raise it again
		}
		moveArgs(t.items, l.items)
		l.items = l.items[:0]
		copyRefs(t.items[k:], items)
		r = valueOf(t)
	}
	f.slots[f.sp-1] = r
	in.decRef(lv)
	f.pc++
	return true
}

// compareStrOp is COMPARE_OP_STR's result for the strs a and b under the
// mask oparg. It takes oparg as an argument so that the fast loop keeps
// nothing of its own live across strings.Compare: a value the loop's
// head defines and a case keeps across a call is spilled at the head,
// on every instruction.
func compareStrOp(a, b Value, oparg int) bool {
	bit := 8 // equal: the same object, or the same text
	if a.p != b.p {
		bit = compareBit(int64(strings.Compare(a.GoString(), b.GoString())), 0)
	}
	return oparg&bit != 0
}

// mulInt64 is smallIntOp's OpMul, small enough to inline, so that the
// fast loop's BINARY_OP_MULTIPLY_INT makes no call (see compareStrOp).
func mulInt64(x, y int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(absInt64(x)), uint64(absInt64(y)))
	if hi != 0 || lo > math.MaxInt64 || x == math.MinInt64 || y == math.MinInt64 {
		return 0, false
	}
	if (x < 0) != (y < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

// pushOrJump ends a fast-loop test instruction whose result is t, with
// f.pc past it: when the instruction there is POP_JUMP_IF_FALSE or
// _TRUE, the jump is taken or not at once, as its case would (its
// history recorded), and the bool never reaches the stack; else t is
// pushed. It saves the jump's dispatch and the bool's push and pop.
func pushOrJump(f *frame, t bool) {
	ac := f.ac
	if pc := f.pc; pc < len(ac.instrs) {
		if j := ac.instrs[pc]; j.Op() == bytecode.POP_JUMP_IF_FALSE || j.Op() == bytecode.POP_JUMP_IF_TRUE {
			t = t == (j.Op() == bytecode.POP_JUMP_IF_TRUE)
			recordBranch(ac, pc, t)
			pc++
			if t {
				pc += j.Oparg()
			}
			f.pc = pc
			return
		}
	}
	*slotAt(f.slots, f.sp) = Bool(t)
	f.sp++
}
