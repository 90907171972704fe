package cycles_test

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/cycles"
)

// untrackWorld is a world whose Ops is also a cycles.Untracker: an obj
// named "t..." holding only leaves and untracked objs may be untracked,
// as the interpreter does for tuples of atomic values.
type untrackWorld struct {
	*world
	asked int
}

func (u *untrackWorld) CanUntrack(h *alloc.Header) bool {
	u.asked++
	o := asObj(h)
	if !strings.HasPrefix(o.name, "t") {
		return false
	}
	for _, r := range o.refs {
		if r.Flags()&alloc.FlagContainer != 0 && u.c.Tracked(r) {
			return false
		}
	}
	return true
}

func newUntrackWorld(t *testing.T) *untrackWorld {
	w := newWorld(t, cycles.Options{})
	u := &untrackWorld{world: w}
	w.c = cycles.New(u, cycles.Options{})
	w.c.SetEnabled(false)
	return u
}

func TestUntracker(t *testing.T) {
	u := newUntrackWorld(t)
	w := u.world
	t1 := w.obj("t1")
	w.give(t1, &w.leaf().Header)
	t2 := w.obj("t2")
	w.give(t2, &t1.Header)
	x := w.obj("x")
	t3 := w.obj("t3")
	w.give(t3, &t2.Header)
	w.link(t3, &x.Header)
	w.root(&t3.Header)
	w.decref(&t3.Header)
	w.root(&x.Header)
	w.decref(&x.Header)
	// A garbage cycle of "t" objects is unreachable: freed, never asked.
	ta, tb := w.obj("ta"), w.obj("tb")
	w.link(ta, &tb.Header)
	w.give(tb, &ta.Header)
	w.decref(&tb.Header)

	r := w.c.Collect(0)
	if r.Collected != 2 || !w.freed("ta") || !w.freed("tb") {
		t.Fatalf("collected %d, ta freed %v, tb freed %v", r.Collected, w.freed("ta"), w.freed("tb"))
	}
	if u.asked != 4 {
		t.Errorf("CanUntrack asked about %d objects, want the 4 reachable ones", u.asked)
	}
	// t1 is untracked. t2 is not yet: like t1 it was reachable only from
	// inside the set, so the walk moved it after t3 and x, and it came
	// before t1 in the pass (as in CPython, whose move_unreachable
	// reorders the same way); the next collection takes it.
	for _, tc := range []struct {
		o    *obj
		want bool
	}{{t1, false}, {t2, true}, {t3, true}, {x, true}} {
		if got := w.c.Tracked(&tc.o.Header); got != tc.want {
			t.Errorf("%s tracked %v, want %v", tc.o.name, got, tc.want)
		}
	}
	w.c.Collect(1)
	if w.c.Tracked(&t2.Header) || !w.c.Tracked(&t3.Header) {
		t.Errorf("after a second collection: t2 tracked %v, t3 tracked %v", w.c.Tracked(&t2.Header), w.c.Tracked(&t3.Header))
	}
	if n := w.c.Len(2); n != 2 {
		t.Errorf("generation 2 holds %d objects, want 2 (t3, x)", n)
	}
	w.check()

	// The dealloc of an untracked container counts against generation
	// 0, as a tracked one's does.
	for _, name := range []string{"n1", "n2", "n3"} {
		n := w.obj(name)
		w.root(&n.Header)
		w.decref(&n.Header)
	}
	if c := w.c.Counts()[0]; c != 3 {
		t.Fatalf("count 0 = %d, want 3", c)
	}
	w.unroot(&t3.Header) // frees t3, tracked, then t2 and t1, untracked
	if !w.freed("t1") || !w.freed("t2") || !w.freed("t3") {
		t.Fatal("the tuples were not freed")
	}
	if c := w.c.Counts()[0]; c != 0 {
		t.Errorf("count 0 = %d after three deallocs, want 0", c)
	}
	w.finish()
}

// TestUncounted checks the free-list pair: TrackUncounted tracks without
// counting an allocation and UntrackUncounted untracks without counting
// a deallocation, while Track after Allocated and Untrack count both.
func TestUncounted(t *testing.T) {
	w := newWorld(t, cycles.Options{})
	w.c.SetEnabled(false)
	o := &obj{name: "reused"}
	if err := w.a.Account(&o.Header, w.objCls, objSize); err != nil {
		t.Fatal(err)
	}
	o.Type = unsafe.Pointer(objKind)
	before := w.c.Counts()[0]
	w.c.TrackUncounted(&o.Header)
	if !w.c.Tracked(&o.Header) || o.Flags()&alloc.FlagContainer == 0 {
		t.Fatal("TrackUncounted: not tracked as a container")
	}
	if got := w.c.Counts()[0]; got != before {
		t.Errorf("TrackUncounted changed the count: %d -> %d", before, got)
	}
	p := w.obj("counted") // counts one
	w.c.UntrackUncounted(&o.Header)
	if w.c.Tracked(&o.Header) || o.GCNext != nil || o.GCPrev != nil {
		t.Fatal("UntrackUncounted: still linked")
	}
	if got := w.c.Counts()[0]; got != before+1 {
		t.Errorf("count %d after UntrackUncounted, want %d", got, before+1)
	}
	w.c.UntrackUncounted(&o.Header) // again: nothing
	if got := w.c.Counts()[0]; got != before+1 {
		t.Errorf("count %d after a second UntrackUncounted, want %d", got, before+1)
	}
	w.c.TrackUncounted(&o.Header)
	w.decref(&o.Header) // freed through Untrack: counts a deallocation
	if got := w.c.Counts()[0]; got != before {
		t.Errorf("count %d after a counted deallocation, want %d", got, before)
	}
	w.decref(&p.Header)
	w.finish()
}
