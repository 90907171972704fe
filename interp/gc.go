package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/cycles"
)

// The interpreter's side of the cycle finder (package cycles): which
// objects are containers and what they refer to (each container type's
// traverse slot), how they let go of their references (clear), and
// finalizers (__del__). Collections run only at safe points: the eval
// breaker asks for them (see handleBreaker), as CPython 3.12 does, so Go
// code never sees objects disappear under it.

// gcOps adapts an interpreter to cycles.Ops.
type gcOps struct{ in *Interp }

func (o gcOps) Traverse(h *alloc.Header, visit func(*alloc.Header)) {
	v := objectValue(h)
	t := v.Type()
	// Exact tuples and lists, most of what a collection examines, are
	// walked here, without the two indirect calls per item of the
	// traverse slot and its adapter. Their items that are not containers
	// are skipped: visit ignores them (unboxed values' headers are
	// immortal non-containers).
	switch t {
	case tupleType:
		visitContainers(asObject[Tuple](v).items, visit)
		return
	case listType:
		visitContainers(asObject[List](v).items, visit)
		return
	}
	if t.Flags&TypeHeapType != 0 {
		visit(&t.Header) // instances own a reference to their class
		if sameTraverse(t.traverse, objectType.traverse) {
			// A plain class's instance (the slot is object's, inherited):
			// its dict (or a private dict's values) and __slots__ values,
			// as objectType.traverse.
			o := asObject[Instance](v)
			if h := o.dict.Header(); h != nil {
				if h.Flags()&alloc.FlagContainer != 0 {
					visit(h)
				} else if d := privateDict(o.dict); d != nil {
					visitPrivateValues(d, visit)
				}
			}
			visitContainers(o.slots, visit)
			return
		}
	}
	if tr := t.traverse; tr != nil {
		// A closure over visit would be a Go allocation per object
		// traversed (it escapes into the traverse slot); the
		// interpreter's one adapter reads visit from gcVisit instead.
		// The previous visit is restored for a traverse run from inside
		// a visit.
		in := o.in
		if in.gcVisitValue == nil {
			in.gcVisitValue = func(x Value) {
				if h := x.Header(); h != nil && h.Flags()&alloc.FlagContainer != 0 {
					in.gcVisit(h)
				}
			}
		}
		prev := in.gcVisit
		in.gcVisit = visit
		tr(v, in.gcVisitValue)
		in.gcVisit = prev
	}
}

// sameTraverse reports whether two traverse slots hold the same
// function value: a class inherits its base's slot by copying it, so a
// copy of objectType's is the same func value (Go has no == on funcs,
// but a func value is a pointer to its closure).
func sameTraverse(a, b func(Value, func(Value))) bool {
	return *(*unsafe.Pointer)(unsafe.Pointer(&a)) == *(*unsafe.Pointer)(unsafe.Pointer(&b))
}

// visitContainers calls visit for each item of items that is a
// container.
func visitContainers(items []Value, visit func(*alloc.Header)) {
	for _, x := range items {
		if h := x.Header(); h != nil && h.Flags()&alloc.FlagContainer != 0 {
			visit(h)
		}
	}
}

func (o gcOps) HasFinalizer(h *alloc.Header) bool {
	v := objectValue(h)
	switch t := v.Type(); {
	case isGenLike(t):
		g := asObject[Generator](v)
		return g.frame != nil && g.started
	case t.Flags&TypeHeapType != 0:
		del, _ := o.in.lookupString(t, "__del__")
		return !del.IsNil()
	}
	return false
}

func (o gcOps) Finalize(h *alloc.Header) {
	v := objectValue(h)
	if isGenLike(v.Type()) {
		if err := o.in.genClose(asObject[Generator](v)); err != nil {
			o.in.unraisable(err, v)
		}
		return
	}
	o.in.callDel(v)
}

func (o gcOps) Clear(h *alloc.Header) {
	v := objectValue(h)
	if c := v.Type().clear; c != nil {
		c(o.in, v)
	}
}

func (o gcOps) DecRef(h *alloc.Header) { o.in.decRef(objectValue(h)) }

// CanUntrack makes gcOps a cycles.Untracker: an exact tuple whose items
// are all atomic (unboxed values, objects that are not containers, or
// tuples already untracked) can never be part of a cycle, since a tuple
// never changes. CPython untracks such tuples when a collection finds
// them reachable (untrack_tuples, _PyTuple_MaybeUntrack); the collector
// then never examines them again: a long-lived tree of tuples costs
// nothing to later collections. Any other container, even an untracked
// one, may gain references later, so a tuple holding one stays tracked;
// so does a tuple with an empty slot (one still being filled).
func (o gcOps) CanUntrack(h *alloc.Header) bool {
	if (*Type)(h.Type) != tupleType {
		return false
	}
	for _, x := range (*Tuple)(unsafe.Pointer(h)).items {
		if x.p == nil {
			return false
		}
		if !x.IsObject() {
			continue
		}
		xh := x.Header()
		if xh.Flags()&(alloc.FlagContainer|flagDictPrivate) == 0 {
			continue // a private dict may yet become a container
		}
		if (*Type)(xh.Type) != tupleType || o.in.gc.Tracked(xh) {
			return false
		}
	}
	return true
}

// newCollector makes the interpreter's cycle finder.
func (in *Interp) newCollector() *cycles.Collector {
	return cycles.New(gcOps{in}, cycles.Options{Schedule: func() { in.breaker.Or(breakGC) }, Observe: in.gcObserve})
}

// Bits of the eval breaker.
const (
	breakSignal   int32 = 1 << iota // a signal is pending (see Signal)
	breakGC                         // a collection is due
	breakDrop                       // another thread waits for the GIL
	breakSlot                       // the scheduler wants the run slot back
	breakAsyncExc                   // a thread has an exception to raise
	breakTick                       // a deterministic scheduler counts every check
)

// callDel runs an instance's __del__, reporting what it raises as
// CPython does ("Exception ignored in: ...").
func (in *Interp) callDel(v Value) {
	del, err := in.lookupString(v.Type(), "__del__")
	if err != nil || del.IsNil() {
		return
	}
	v.Header().SetFlags(alloc.FlagFinalized)
	r, err := in.callAttrWithSelf(del, v, nil, nil)
	if err != nil {
		in.unraisable(err, del)
		return
	}
	in.decRef(r)
}

// CollectCycles runs a full collection and reports how many objects it
// freed (gc.collect()).
func (in *Interp) CollectCycles() int {
	if in.gc == nil {
		return 0
	}
	r := in.gc.Collect(cycles.NumGenerations - 1)
	return r.Collected + r.Uncollectable
}
