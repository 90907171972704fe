package interp

// frameRecords is an interpreter's free list of frame records: the
// frames of calls are taken from it and given back when they return.
//
// alloc.Pool zeroes an object when it is put back, which is right for
// objects whose every field the next user may leave unset. A frame record
// is different: newFrame sets its code, template, adaptive code, globals,
// slots, nlocal and sp on every call, so zeroing them on return is wasted
// work (for a record of 27 words, a call of the runtime's memclrHasPointers
// and its write-barrier check: ~50 instructions a call, measured with
// cachegrind). A record in the list is therefore zero in every field but
// those seven (see resetFrame), which may still point at the code and
// slots of its last call: memory the interpreter keeps alive anyway (code
// objects, the frame arena) or, for globals, a dict Go's collector reclaims
// once the record is reused or the list discarded.
//
// Like the allocator's pools it belongs to one interpreter and is used
// only by the thread holding its GIL.
type frameRecords struct {
	free []*frame
	max  int
}

// Init makes r an empty list that keeps at most max records.
func (r *frameRecords) Init(max int) { *r = frameRecords{max: max} }

// Get returns a record whose fields are zero except, perhaps, the seven
// that newFrame sets (see frameRecords).
func (r *frameRecords) Get() *frame {
	n := len(r.free) - 1
	if n < 0 {
		return new(frame)
	}
	f := r.free[n]
	r.free = r.free[:n]
	return f
}

// pop is Get for a caller that has seen the list non-empty: with no
// allocation on its path, nothing the caller keeps in registers needs a
// place on the stack for the runtime's call (callPy's values were
// spilled at every call for it).
func (r *frameRecords) pop() *frame {
	n := len(r.free) - 1
	f := r.free[n]
	r.free = r.free[:n]
	return f
}

// Put keeps f, which resetFrame has cleared, for a later Get, unless the
// list is full. f must not be used again.
func (r *frameRecords) Put(f *frame) {
	// Within the capacity the list has grown to, a store and the
	// length: no test of max, no append's growth check (returnAt's
	// inlined copy of this runs at every return).
	if n := len(r.free); n < cap(r.free) {
		free := r.free[:n+1]
		free[n] = f
		r.free = free
		return
	}
	r.grow(f)
}

// grow is Put when the list is at its capacity: unless it holds max
// records, it moves to a larger array, of at most max (Put's fast path
// trusts the capacity), and keeps f.
func (r *frameRecords) grow(f *frame) {
	n := len(r.free)
	if n >= r.max {
		return
	}
	free := make([]*frame, n+1, min(r.max, max(2*n, 8)))
	copy(free, r.free)
	free[n] = f
	r.free = free
}

// Discard empties the list and makes it keep nothing more (Close).
func (r *frameRecords) Discard() { *r = frameRecords{} }

// resetFrame zeroes the fields of f that a frame's life may have set and
// that newFrame does not set again: the state a Get must hand out. Field
// by field, so that the compiler emits plain stores under one
// write-barrier check rather than a bulk clear of the whole record.
func resetFrame(f *frame) {
	f.fn = Value{}
	f.names = nil
	f.pc = 0
	f.back = nil
	f.entry = false
	f.special = false
	f.outer = nil
	f.obj = nil
	f.kwnames = nil
	f.initSelf = Value{}
	f.binop = 0
	f.gen = nil
	f.owned = false
	f.yielded = false
}
