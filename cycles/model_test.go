package cycles_test

import (
	"fmt"
	"slices"
	"testing"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/cycles"
)

// The fake object model: containers (obj) holding counted references in a
// slice, and leaves (plain objects without a GCLink), accounted by an
// alloc.Allocator, as the interpreter will declare its objects.

// kind is what a Header's Type points to.
type kind struct{ name string }

var (
	objKind  = &kind{"obj"}
	leafKind = &kind{"leaf"}
)

// obj is a container.
type obj struct {
	alloc.Header
	alloc.GCLink
	name string
	refs []*alloc.Header // counted references

	del       func(w *world, o *obj) // the finalizer (__del__), if any
	onFree    func(w *world, o *obj) // code run by dealloc (CPython runs __del__ there)
	noClear   bool                   // Clear drops nothing, as tuple's
	panicIn   string                 // "traverse" or "finalize": that Ops method panics
	delRuns   int
	clears    int
	frees     int
	immortal  bool // made immortal: never freed
	untracked bool // made by untrackedObj
	late      bool // dealloc runs onFree before Untrack, at count 0
}

// leaf is a non-container object.
type leaf struct {
	alloc.Header
	frees int
}

const (
	objSize  = unsafe.Sizeof(obj{})
	leafSize = unsafe.Sizeof(leaf{})
)

// world is one interpreter: an allocator, a collector, and global roots.
// It implements cycles.Ops.
type world struct {
	t       testing.TB
	a       *alloc.Allocator
	c       *cycles.Collector
	objCls  alloc.Class
	leafCls alloc.Class
	base    alloc.Baseline

	roots  []*alloc.Header // owned references, like module globals
	byName map[string]*obj // every named obj made (nil: remember none)
	leaves []*leaf

	panics bool // the Ops panics asked for by panicIn are armed
	made   int  // objs made by obj
}

func newWorld(t testing.TB, opts cycles.Options) *world {
	w := &world{t: t, a: alloc.New(alloc.Options{}), byName: make(map[string]*obj)}
	w.objCls = w.a.RegisterClass("obj")
	w.leafCls = w.a.RegisterClass("leaf")
	w.base = w.a.Baseline()
	w.c = cycles.New(w, opts)
	return w
}

func asObj(h *alloc.Header) *obj {
	if h.Type != unsafe.Pointer(objKind) {
		panic(fmt.Sprintf("not an obj: %p", h))
	}
	return (*obj)(unsafe.Pointer(h))
}

// obj returns a new reference to a new tracked container.
func (w *world) obj(name string) *obj {
	o := &obj{name: name}
	if err := w.a.Account(&o.Header, w.objCls, objSize); err != nil {
		w.t.Fatal(err)
	}
	o.Type = unsafe.Pointer(objKind)
	// Every other object is tracked the interpreter's way (TrackNew, its
	// inlined common case and its fallback), so that every test checks
	// both ways agree.
	w.made++
	if w.made%2 == 0 {
		if !w.c.TryTrackNew(&o.Header) {
			w.c.TrackNew(&o.Header)
		}
	} else {
		o.SetFlags(alloc.FlagContainer)
		w.c.Allocated()
		w.c.Track(&o.Header)
	}
	if w.byName != nil && name != "" {
		w.byName[name] = o
	}
	return o
}

// untrackedObj returns a new reference to a container never tracked.
func (w *world) untrackedObj(name string) *obj {
	o := &obj{name: name, untracked: true}
	if err := w.a.Account(&o.Header, w.objCls, objSize); err != nil {
		w.t.Fatal(err)
	}
	o.Type = unsafe.Pointer(objKind)
	o.SetFlags(alloc.FlagContainer)
	if w.byName != nil && name != "" {
		w.byName[name] = o
	}
	return o
}

// leaf returns a new reference to a new non-container.
func (w *world) leaf() *leaf {
	l := &leaf{}
	if err := w.a.Account(&l.Header, w.leafCls, leafSize); err != nil {
		w.t.Fatal(err)
	}
	l.Type = unsafe.Pointer(leafKind)
	w.leaves = append(w.leaves, l)
	return l
}

// link makes from hold a new reference to to.
func (w *world) link(from *obj, to *alloc.Header) {
	alloc.IncRef(to)
	from.refs = append(from.refs, to)
}

// give moves the caller's reference to to into from.
func (w *world) give(from *obj, to *alloc.Header) {
	from.refs = append(from.refs, to)
}

// root stores a new reference to h in the globals.
func (w *world) root(h *alloc.Header) {
	alloc.IncRef(h)
	w.roots = append(w.roots, h)
}

// unroot removes one global reference to h.
func (w *world) unroot(h *alloc.Header) {
	i := slices.Index(w.roots, h)
	if i < 0 {
		w.t.Fatalf("%p is not a root", h)
	}
	w.roots = slices.Delete(w.roots, i, i+1)
	w.decref(h)
}

// decref releases a reference, deallocating the object if it was the last.
func (w *world) decref(h *alloc.Header) {
	if alloc.DecRef(h) {
		w.dealloc(h)
	}
}

func (w *world) dealloc(h *alloc.Header) {
	switch h.Type {
	case unsafe.Pointer(objKind):
		o := asObj(h)
		if o.late {
			o.onFree(w, o)
		}
		// As in the interpreter: Untrack's inlined common case, then
		// Untrack when it declines (which every object made by
		// untrackedObj exercises, and each object freed during a
		// collection).
		if !w.c.TryUntrack(h) {
			w.c.Untrack(h)
		}
		if fn := o.onFree; fn != nil && !o.late {
			alloc.IncRef(h) // keep it alive while Python code runs
			fn(w, o)
			if !alloc.DecRef(h) {
				return // resurrected by onFree
			}
		}
		refs := o.refs
		o.refs = nil
		o.frees++
		w.a.Free(h, objSize)
		for _, r := range refs {
			w.decref(r)
		}
	case unsafe.Pointer(leafKind):
		l := (*leaf)(unsafe.Pointer(h))
		l.frees++
		w.a.Free(h, leafSize)
	default:
		w.t.Errorf("dealloc of %p with type %p", h, h.Type)
	}
}

// Ops.

func (w *world) Traverse(h *alloc.Header, visit func(*alloc.Header)) {
	o := asObj(h)
	if w.panics && o.panicIn == "traverse" {
		panic("traverse " + o.name)
	}
	for _, r := range o.refs {
		visit(r)
	}
}

func (w *world) HasFinalizer(h *alloc.Header) bool { return asObj(h).del != nil }

func (w *world) Finalize(h *alloc.Header) {
	o := asObj(h)
	if !h.Has(alloc.FlagFinalized) {
		w.t.Errorf("%s finalized without FlagFinalized", o.name)
	}
	o.delRuns++
	if w.panics && o.panicIn == "finalize" {
		panic("finalize " + o.name)
	}
	o.del(w, o)
}

func (w *world) Clear(h *alloc.Header) {
	o := asObj(h)
	o.clears++
	if o.noClear {
		return
	}
	refs := o.refs
	o.refs = nil
	for _, r := range refs {
		w.decref(r)
	}
}

func (w *world) DecRef(h *alloc.Header) { w.decref(h) }

// freed reports whether the named object was freed, failing the test if
// it was freed more than once or is unknown.
func (w *world) freed(name string) bool {
	w.t.Helper()
	o, ok := w.byName[name]
	if !ok {
		w.t.Fatalf("no object %q", name)
	}
	if o.frees > 1 {
		w.t.Errorf("%s freed %d times", name, o.frees)
	}
	return o.frees == 1
}

// check validates the collector and the allocator's reports.
func (w *world) check() {
	w.t.Helper()
	if err := w.c.Validate(); err != nil {
		w.t.Fatal(err)
	}
	if r := w.a.Reports(); len(r) != 0 {
		w.t.Fatalf("misuse reported: %v", r)
	}
	for name, o := range w.byName {
		if o.frees > 1 {
			w.t.Errorf("%s freed %d times", name, o.frees)
		}
		if o.frees == 1 && w.c.Tracked(&o.Header) {
			w.t.Errorf("%s freed but still tracked", name)
		}
		if o.frees == 1 && (o.GCNext != nil || o.GCPrev != nil) {
			w.t.Errorf("%s freed but its links are not cleared", name)
		}
	}
	for _, h := range w.c.Objects(-1) {
		if asObj(h).frees != 0 {
			w.t.Errorf("freed object %s still in a generation", asObj(h).name)
		}
	}
}

// finish drops every root, collects everything, and checks that every
// object was freed exactly once and the allocator is back to its
// baseline.
func (w *world) finish() {
	w.t.Helper()
	w.panics = false
	for len(w.roots) > 0 {
		w.unroot(w.roots[len(w.roots)-1])
	}
	w.c.Collect(2)
	w.c.Collect(2) // objects kept by a Clear that dropped nothing, resurrected in Clear, ...
	w.check()
	if leaks := w.a.LeaksSince(w.base); len(leaks) != 0 {
		w.t.Errorf("leaks: %v", leaks)
	}
	for name, o := range w.byName {
		if o.frees != 1 && !o.immortal {
			w.t.Errorf("%s freed %d times, want once", name, o.frees)
		}
	}
	for i, l := range w.leaves {
		if l.frees != 1 {
			w.t.Errorf("leaf %d freed %d times, want once", i, l.frees)
		}
	}
	if n := w.c.Orphans(); n != 0 {
		w.t.Errorf("%d orphans left", n)
	}
}

// cycle makes a ring of the named objects (each refers to the next, the
// last to the first) and returns them, holding no reference.
func (w *world) cycle(names ...string) []*obj {
	objs := make([]*obj, len(names))
	for i, n := range names {
		objs[i] = w.obj(n)
	}
	for i, o := range objs {
		w.link(o, &objs[(i+1)%len(objs)].Header)
	}
	for _, o := range objs {
		w.decref(&o.Header)
	}
	return objs
}
