package cycles_test

import (
	"testing"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/cycles"
)

// TestHeld checks that, while a collection frees a garbage cycle, each
// object's dealloc sees the cycle's objects not yet released as Held,
// and that no object is Held outside a collection or once freed.
func TestHeld(t *testing.T) {
	w := newWorld(t, cycles.Options{})
	w.c.SetEnabled(false)
	objs := w.cycle("a", "b", "c")
	keep := w.obj("kept")
	w.root(&keep.Header)
	w.decref(&keep.Header)
	seen := map[string][]bool{}
	for _, o := range objs {
		o.onFree = func(w *world, o *obj) {
			var held []bool
			for _, p := range objs {
				held = append(held, p != o && p.frees == 0 && cycles.Held(&p.Header))
			}
			seen[o.name] = held
		}
	}
	for _, o := range objs {
		if cycles.Held(&o.Header) {
			t.Fatalf("%s held before the collection", o.name)
		}
	}
	if r := w.c.Collect(2); r.Collected != 3 {
		t.Fatalf("collected %d, want 3", r.Collected)
	}
	if len(seen) != 3 {
		t.Fatalf("%d deallocs seen, want 3", len(seen))
	}
	// The first freed sees both others held; the last sees none.
	counts := map[int]int{}
	for _, held := range seen {
		n := 0
		for _, h := range held {
			if h {
				n++
			}
		}
		counts[n]++
	}
	if counts[2] != 1 || counts[0] != 1 {
		t.Errorf("held others per dealloc %v, want one dealloc seeing 2 and one seeing 0", counts)
	}
	if cycles.Held(&keep.Header) {
		t.Error("a live rooted object is held")
	}
	var l struct {
		alloc.Header
	}
	if cycles.Held(&l.Header) {
		t.Error("a non-container is held")
	}
	w.unroot(&keep.Header)
	w.finish()
}
