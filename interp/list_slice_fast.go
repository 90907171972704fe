package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/interp/bytecode"
)

// BINARY_SLICE on an exact list or tuple and STORE_SLICE on an exact
// list whose bounds are unboxed ints or None: x[a:b] and x[a:b] = y
// without a slice object. Such bounds run no __index__, so unpacking
// them cannot fail or change the list; anything else (a subclass, which
// may override __getitem__, a bool, a big int, an object with
// __index__) takes the generic path through a slice object.

// plainSliceBounds unpacks a:b when each bound is an unboxed int or None.
func plainSliceBounds(start, stop Value) (u unpackedSlice, ok bool) {
	u.step = 1
	switch {
	case start.IsNone():
		u.noStart = true
	case start.IsSmallInt():
		u.start = start.SmallInt()
	default:
		return u, false
	}
	switch {
	case stop.IsNone():
		u.noStop = true
	case stop.IsSmallInt():
		u.stop = stop.SmallInt()
	default:
		return u, false
	}
	return u, true
}

// listSliceFast is container[start:stop] for BINARY_SLICE when container
// is an exact list or tuple and the bounds are plain; ok is false
// otherwise, and the caller takes the generic path. References are
// borrowed.
func (in *Interp) listSliceFast(container, start, stop Value) (r Value, ok bool, err error) {
	t := container.Type()
	if t != listType && t != tupleType {
		return Value{}, false, nil
	}
	u, ok := plainSliceBounds(start, stop)
	if !ok {
		return Value{}, false, nil
	}
	if t == tupleType {
		r, err = in.tupleSliceUnpacked(asObject[Tuple](container), u)
	} else {
		r, err = in.listSliceUnpacked(asObject[List](container), u)
	}
	return r, true, err
}

// listStoreSliceFast is container[start:stop] = v for STORE_SLICE when
// container is an exact list and the bounds are plain; ok is false
// otherwise. References are borrowed.
func (in *Interp) listStoreSliceFast(v, container, start, stop Value) (ok bool, err error) {
	if container.Type() != listType {
		return false, nil
	}
	u, ok := plainSliceBounds(start, stop)
	if !ok {
		return false, nil
	}
	l := asObject[List](container)
	if items, ok := seqItems(v); ok && v.p != container.p {
		return true, in.listAssignItems(l, u, items) // listAssignUnpacked's first case
	}
	return true, in.listAssignUnpacked(l, u, v)
}

// sliceSubscrFused runs BUILD_SLICE (oparg parts) and the BINARY_SUBSCR
// right after it as one instruction, x[a:b:c] without a slice object,
// when x is an exact list or tuple and the parts are unboxed ints or
// None with a step other than 0: such parts run no __index__, and
// indexing those types runs no code, so nothing can tell the slice was
// never made. f.pc is past the BUILD_SLICE; done is false when the pair
// does not qualify, with f untouched, and BUILD_SLICE runs as usual.
// On success f is past the BINARY_SUBSCR with the result pushed, as if
// both had run. In fannkuch's p[k::-1] the slice object, the generic
// BINARY_SUBSCR and GetItem's dispatch were most of the work.
func (in *Interp) sliceSubscrFused(f *frame, oparg int) (done bool, err error) {
	pc, sp := f.pc, f.sp
	if instrs := f.ac.instrs; pc >= len(instrs) || instrs[pc].Op() != bytecode.BINARY_SUBSCR {
		return false, nil
	}
	base := sp - oparg - 1
	parts := f.slots[base:sp]
	u, ok := plainSliceBounds(parts[1], parts[2])
	if !ok {
		return false, nil
	}
	if oparg == 3 {
		switch step := parts[3]; {
		case step.IsNone():
		case step.IsSmallInt() && step.SmallInt() != 0:
			u.step = step.SmallInt()
		default:
			return false, nil
		}
	}
	container := parts[0]
	var r Value
	switch container.Type() {
	case listType:
		r, err = in.listSliceUnpacked(asObject[List](container), u)
	case tupleType:
		r, err = in.tupleSliceUnpacked(asObject[Tuple](container), u)
	default:
		return false, nil
	}
	// The parts are unboxed or None: only the container holds a
	// reference to release. An error (a MemoryError) is raised at the
	// BINARY_SUBSCR, which would have raised it.
	clear(parts)
	f.pc, f.sp = pc+1, base
	if err == nil {
		f.push(r)
	}
	in.decRef(container)
	return true, err
}

// tupleSliceUnpacked is t[a:b:c] for a slice already unpacked. As
// CPython's tuple subscript, a slice that selects the whole of an exact
// tuple in order gives the tuple itself, and an empty one the empty
// tuple.
func (in *Interp) tupleSliceUnpacked(t *Tuple, u unpackedSlice) (Value, error) {
	start, stop, step := u.adjust(len(t.items))
	n := sliceLen(start, stop, step)
	switch {
	case n == 0:
		return emptyTuple, nil
	case step == 1 && n == len(t.items) && t.Header.Type == unsafe.Pointer(tupleType):
		incRef(valueOf(t))
		return valueOf(t), nil
	}
	o, err := in.newTupleSized(n)
	if err != nil {
		return Value{}, err
	}
	copySliceRefs(o.items[:n], t.items, start, step)
	return valueOf(o), nil
}

// copySliceRefs fills dst with the len(dst) items of src from start on by
// step, taking a reference to each. One pass that copies and takes the
// references: slices are mostly short, where copy's call and bulk write
// barrier cost more.
func copySliceRefs(dst, src []Value, start, step int) {
	switch step {
	case 1:
		copyRefs(dst, src[start:start+len(dst)])
	case -1:
		// src[start-len(dst)+1 : start+1] read from its end: one bounds
		// check for the lot.
		src = src[start+1-len(dst) : start+1]
		for i := range dst {
			v := src[len(src)-1-i]
			incRef(v)
			dst[i] = v
		}
	default:
		for i, j := 0, start; i < len(dst); i, j = i+1, j+step {
			v := src[j]
			incRef(v)
			dst[i] = v
		}
	}
}
