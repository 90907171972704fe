package cycles_test

import (
	"runtime"
	"sync"
	"testing"
	"weak"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/cycles"
)

// makeImmortal turns o into an immortal object taken out of the counts,
// as the interpreter does for shared constants.
func (w *world) makeImmortal(o *obj) {
	alloc.MakeImmortal(&o.Header)
	w.a.Free(&o.Header, objSize)
	o.immortal = true
}

// chain makes n objects where each new one refers to the one made before
// (backward) or each old one to the one made after (!backward), naming
// the first and last made, and returns them holding one reference each.
func (w *world) chain(n int, backward bool) []*obj {
	objs := make([]*obj, n)
	for i := range objs {
		name := ""
		switch i {
		case 0:
			name = "first"
		case n - 1:
			name = "last"
		}
		objs[i] = w.obj(name)
		if i > 0 {
			if backward {
				w.link(objs[i], &objs[i-1].Header)
			} else {
				w.link(objs[i-1], &objs[i].Header)
			}
		}
	}
	return objs
}

func (w *world) releaseAll(objs []*obj) {
	for _, o := range objs {
		w.decref(&o.Header)
	}
}

type scenario struct {
	name      string
	build     func(w *world)
	young     bool // collect generation 0, not 2 (the scenarios build in generation 0)
	collected int
	dead      []string // objects that must be freed by the collection
	alive     []string // objects that must survive it, untouched unless in cleared
	cleared   []string // survivors that were cleared
	after     func(t *testing.T, w *world)
}

func (tt scenario) run(t *testing.T) {
	w := newWorld(t, cycles.Options{})
	w.c.SetEnabled(false)
	tt.build(w)
	w.check()
	gen := 2
	if tt.young {
		gen = 0
	}
	r := w.c.Collect(gen)
	w.check()
	if r.Collected != tt.collected || r.Uncollectable != 0 || r.Generation != gen {
		t.Errorf("result %+v, want %d collected in generation %d", r, tt.collected, gen)
	}
	for _, n := range tt.dead {
		if !w.freed(n) {
			t.Errorf("%s not freed", n)
		}
	}
	for _, n := range tt.alive {
		if w.freed(n) {
			t.Errorf("%s freed", n)
			continue
		}
		o := w.byName[n]
		if !w.c.Tracked(&o.Header) && !o.immortal && !o.untracked {
			t.Errorf("%s survived untracked", n)
		}
		if o.clears != 0 && !contains(tt.cleared, n) {
			t.Errorf("survivor %s was cleared", n)
		}
	}
	if tt.after != nil {
		tt.after(t, w)
		w.check()
	}
	w.finish()
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

func TestCollect(t *testing.T) {
	tests := []scenario{
		{
			name:      "self reference",
			build:     func(w *world) { w.cycle("a") },
			collected: 1, dead: []string{"a"},
		},
		{
			name:      "two-cycle",
			build:     func(w *world) { w.cycle("a", "b") },
			collected: 2, dead: []string{"a", "b"},
		},
		{
			name: "ring holding leaves",
			build: func(w *world) {
				objs := w.cycle("a", "b", "c", "d", "e")
				w.give(objs[0], &w.leaf().Header)
				w.give(objs[3], &w.leaf().Header)
			},
			collected: 5, dead: []string{"a", "b", "c", "d", "e"},
			after: func(t *testing.T, w *world) {
				for _, l := range w.leaves {
					if l.frees != 1 {
						t.Errorf("leaf freed %d times", l.frees)
					}
				}
			},
		},
		{
			name: "cycle reachable from a root survives",
			build: func(w *world) {
				objs := w.cycle("a", "b")
				w.root(&objs[1].Header)
			},
			alive: []string{"a", "b"},
		},
		{
			name: "cycle reachable through an untracked container survives",
			build: func(w *world) {
				u := w.untrackedObj("u")
				w.root(&u.Header)
				objs := w.cycle("a", "b")
				w.link(u, &objs[1].Header)
				w.decref(&u.Header)
			},
			alive: []string{"a", "b", "u"},
		},
		{
			name: "cycles reached from a reachable cycle survive",
			build: func(w *world) {
				x := w.obj("x")
				w.root(&x.Header)
				ab := w.cycle("a", "b")
				de := w.cycle("d", "e")
				w.link(ab[1], &de[0].Header)
				w.link(x, &ab[0].Header)
				w.decref(&x.Header)
			},
			alive: []string{"x", "a", "b", "d", "e"},
		},
		{
			name: "garbage holding a live object",
			build: func(w *world) {
				c := w.obj("c")
				w.root(&c.Header)
				objs := w.cycle("a", "b")
				w.give(objs[0], &c.Header)
			},
			collected: 2, dead: []string{"a", "b"}, alive: []string{"c"},
			after: func(t *testing.T, w *world) {
				if n := w.byName["c"].Refs(); n != 1 {
					t.Errorf("c has %d references, want 1 (the root)", n)
				}
			},
		},
		{
			name: "two garbage cycles, one holding the other",
			build: func(w *world) {
				ab := w.cycle("a", "b")
				cd := w.cycle("c", "d")
				w.link(ab[0], &cd[1].Header)
			},
			collected: 4, dead: []string{"a", "b", "c", "d"},
		},
		{
			name: "garbage holding an immortal container",
			build: func(w *world) {
				im := w.untrackedObj("im")
				w.makeImmortal(im)
				objs := w.cycle("a", "b")
				w.link(objs[0], &im.Header)
			},
			collected: 2, dead: []string{"a", "b"}, alive: []string{"im"},
		},
		{
			name: "an immortal object found in a generation is untracked",
			build: func(w *world) {
				im := w.obj("im")
				w.makeImmortal(im)
				w.cycle("a", "b")
			},
			collected: 2, dead: []string{"a", "b"}, alive: []string{"im"},
			after: func(t *testing.T, w *world) {
				if w.c.Tracked(&w.byName["im"].Header) {
					t.Error("immortal object still tracked")
				}
			},
		},
		{
			name: "a member whose Clear drops nothing, as a tuple",
			build: func(w *world) {
				objs := w.cycle("tuple", "list")
				objs[0].noClear = true
			},
			collected: 2, dead: []string{"tuple", "list"},
		},
		{
			name: "a cycle nobody can clear stays alive and tracked",
			build: func(w *world) {
				for _, o := range w.cycle("a", "b") {
					o.noClear = true
				}
			},
			collected: 2, alive: []string{"a", "b"}, cleared: []string{"a", "b"},
			after: func(t *testing.T, w *world) {
				if n := w.c.Len(2); n != 2 {
					t.Errorf("generation 2 holds %d objects, want the 2 kept", n)
				}
				w.byName["a"].noClear = false
				if r := w.c.Collect(2); r.Collected != 2 || !w.freed("a") || !w.freed("b") {
					t.Errorf("second collection: %+v", r)
				}
			},
		},
		{
			name: "collection inside a dealloc, before it untracks",
			build: func(w *world) {
				ab := w.cycle("a", "b")
				z := w.obj("z")
				w.link(z, &ab[0].Header)
				z.late = true
				z.onFree = func(w *world, o *obj) {
					// z is tracked with a count of 0: it must count as
					// reachable, and keep what it holds alive.
					if r := w.c.Collect(2); r.Collected != 0 {
						w.t.Errorf("collection in z's dealloc: %+v", r)
					}
				}
				w.decref(&z.Header)
			},
			collected: 2, dead: []string{"a", "b", "z"},
		},
		{
			name: "long ring",
			build: func(w *world) {
				objs := w.chain(10000, false)
				w.link(objs[len(objs)-1], &objs[0].Header)
				w.releaseAll(objs)
			},
			collected: 10000, dead: []string{"first", "last"},
		},
		{
			name: "long chain rooted at its newest object",
			build: func(w *world) {
				objs := w.chain(10000, true)
				w.link(objs[0], &objs[len(objs)-1].Header)
				w.root(&objs[len(objs)-1].Header)
				w.releaseAll(objs)
			},
			alive: []string{"first", "last"},
			after: func(t *testing.T, w *world) {
				if n := w.c.Len(1); n != 10000 {
					t.Errorf("%d survivors in generation 1, want 10000", n)
				}
			},
			young: true,
		},
		{
			name: "long chain rooted at its oldest object",
			build: func(w *world) {
				objs := w.chain(10000, false)
				w.root(&objs[0].Header)
				w.releaseAll(objs)
			},
			alive: []string{"first", "last"},
		},
		{
			name: "garbage ring hanging from a long live chain",
			build: func(w *world) {
				objs := w.chain(5000, true)
				w.root(&objs[len(objs)-1].Header)
				ring := w.cycle("a", "b", "c")
				w.link(objs[0], &ring[0].Header)
				w.releaseAll(objs)
				w.cycle("x", "y")
			},
			collected: 2, alive: []string{"first", "last", "a", "b", "c"}, dead: []string{"x", "y"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

func TestFinalizers(t *testing.T) {
	delNothing := func(*world, *obj) {}
	tests := []scenario{
		{
			name: "finalizer runs once",
			build: func(w *world) {
				objs := w.cycle("a", "b")
				objs[0].del = delNothing
			},
			collected: 2, dead: []string{"a", "b"},
			after: func(t *testing.T, w *world) {
				if n := w.byName["a"].delRuns; n != 1 {
					t.Errorf("a's finalizer ran %d times", n)
				}
			},
		},
		{
			name: "every member has a finalizer",
			build: func(w *world) {
				for _, o := range w.cycle("a", "b", "c") {
					o.del = delNothing
				}
			},
			collected: 3, dead: []string{"a", "b", "c"},
			after: func(t *testing.T, w *world) {
				for _, n := range []string{"a", "b", "c"} {
					if r := w.byName[n].delRuns; r != 1 {
						t.Errorf("%s's finalizer ran %d times", n, r)
					}
				}
			},
		},
		{
			name: "resurrection keeps the object and what it reaches",
			build: func(w *world) {
				objs := w.cycle("a", "b", "c")
				objs[0].del = func(w *world, o *obj) { w.root(&o.Header) }
				d := w.obj("d")
				w.give(objs[2], &d.Header)
			},
			alive: []string{"a", "b", "c", "d"},
			after: func(t *testing.T, w *world) {
				a := w.byName["a"]
				if !a.Has(alloc.FlagFinalized) || w.byName["b"].Has(alloc.FlagFinalized) {
					t.Errorf("finalized flags: a %v b %v", a.Has(alloc.FlagFinalized), w.byName["b"].Has(alloc.FlagFinalized))
				}
				for _, n := range []string{"a", "b", "c", "d"} {
					if o := w.byName[n]; len(o.refs) == 0 && n != "d" {
						t.Errorf("%s lost its references", n)
					}
				}
				if a.Refs() != 2 { // the root and c
					t.Errorf("a has %d references, want 2", a.Refs())
				}
				w.unroot(&a.Header)
				if r := w.c.Collect(2); r.Collected != 4 {
					t.Errorf("second collection: %+v", r)
				}
				if a.delRuns != 1 {
					t.Errorf("a's finalizer ran %d times", a.delRuns)
				}
			},
		},
		{
			name: "resurrecting part of the garbage",
			build: func(w *world) {
				ab := w.cycle("a", "b")
				cd := w.cycle("c", "d")
				w.link(ab[1], &cd[0].Header)
				cd[0].del = func(w *world, o *obj) { w.root(o.refs[0]) } // roots d
			},
			collected: 2, dead: []string{"a", "b"}, alive: []string{"c", "d"},
		},
		{
			name: "finalizer stores garbage in a new object",
			build: func(w *world) {
				objs := w.cycle("a", "b")
				objs[0].del = func(w *world, o *obj) {
					h := w.obj("holder")
					w.link(h, o.refs[0]) // b, which reaches a
					w.root(&h.Header)
					w.decref(&h.Header)
				}
			},
			alive: []string{"a", "b", "holder"},
		},
		{
			name: "finalizer breaks the cycle",
			build: func(w *world) {
				objs := w.cycle("a", "b")
				objs[0].del = func(w *world, o *obj) {
					refs := o.refs
					o.refs = nil
					for _, r := range refs {
						w.decref(r)
					}
				}
			},
			collected: 2, dead: []string{"a", "b"},
		},
		{
			name: "finalizer makes a new cycle, left for the next collection",
			build: func(w *world) {
				objs := w.cycle("a", "b")
				objs[1].del = func(w *world, o *obj) { w.cycle("new1", "new2") }
			},
			collected: 2, dead: []string{"a", "b"}, alive: []string{"new1", "new2"},
			after: func(t *testing.T, w *world) {
				if n := w.c.Len(0); n != 2 {
					t.Errorf("generation 0 holds %d, want the 2 new objects", n)
				}
				if r := w.c.Collect(0); r.Collected != 2 {
					t.Errorf("next collection: %+v", r)
				}
			},
		},
		{
			name: "finalizer calls Collect",
			build: func(w *world) {
				objs := w.cycle("a", "b")
				objs[0].del = func(w *world, o *obj) {
					if !w.c.Collecting() {
						w.t.Error("Collecting false in a finalizer")
					}
					if r := w.c.Collect(2); r != (cycles.Result{}) {
						w.t.Errorf("nested Collect did %+v", r)
					}
				}
			},
			collected: 2, dead: []string{"a", "b"},
		},
		{
			// b leaves the collector's lists while it holds b; what b
			// reaches then counts as referenced from outside.
			name: "finalizer untracks another garbage object",
			build: func(w *world) {
				a := w.obj("a")
				w.link(a, &a.Header)
				b := w.obj("b")
				w.give(a, &b.Header)
				w.give(b, &w.obj("c").Header)
				a.del = func(w *world, o *obj) { w.c.Untrack(&b.Header) }
				w.decref(&a.Header)
			},
			collected: 1, dead: []string{"a", "b", "c"},
		},
		{
			name: "finalizer frees a live object being examined",
			build: func(w *world) {
				y := w.obj("y")
				w.root(&y.Header)
				w.decref(&y.Header)
				objs := w.cycle("a", "b")
				objs[0].del = func(w *world, o *obj) { w.unroot(&y.Header) }
			},
			collected: 2, dead: []string{"a", "b", "y"},
		},
		{
			name: "finalizer frees a live object of an older generation",
			build: func(w *world) {
				y := w.obj("y")
				w.root(&y.Header)
				w.decref(&y.Header)
				w.c.Collect(0)
				w.c.Collect(1) // y is in generation 2 now
				objs := w.cycle("a", "b")
				objs[0].del = func(w *world, o *obj) { w.unroot(&y.Header) }
			},
			young: true, collected: 2, dead: []string{"a", "b", "y"},
		},
		{
			name: "dealloc run by Clear resurrects a cleared object",
			build: func(w *world) {
				objs := w.cycle("a", "b")
				u := w.untrackedObj("u")
				b := objs[1]
				u.onFree = func(w *world, _ *obj) { w.root(&b.Header) }
				w.give(objs[0], &u.Header)
			},
			collected: 2, dead: []string{"a", "u"}, alive: []string{"b"}, cleared: []string{"b"},
			after: func(t *testing.T, w *world) {
				b := w.byName["b"]
				if b.Refs() != 1 || len(b.refs) != 0 {
					t.Errorf("b: count %d, %d references held", b.Refs(), len(b.refs))
				}
			},
		},
		{
			name: "finalizer allocating past the threshold starts no collection",
			build: func(w *world) {
				w.c.SetEnabled(true)
				w.c.SetThresholds([3]int{1, 1, 1})
				w.c.SetEnabled(false)
				objs := w.cycle("a", "b")
				objs[0].del = func(w *world, o *obj) {
					w.c.SetEnabled(true)
					for range 5 {
						w.cycle("")
					}
				}
			},
			collected: 2, dead: []string{"a", "b"},
			after: func(t *testing.T, w *world) {
				s := w.c.Stats()
				if s[0].Collections+s[1].Collections+s[2].Collections != 1 {
					t.Errorf("stats %+v: nested collections", s)
				}
				w.c.SetEnabled(false)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

func TestGenerations(t *testing.T) {
	w := newWorld(t, cycles.Options{})
	w.c.SetEnabled(false)
	lens := func(want [3]int) {
		t.Helper()
		got := [3]int{w.c.Len(0), w.c.Len(1), w.c.Len(2)}
		if got != want {
			t.Errorf("generation sizes %v, want %v", got, want)
		}
	}
	a := w.obj("a")
	lens([3]int{1, 0, 0})
	w.c.Collect(0)
	lens([3]int{0, 1, 0})
	w.c.Collect(1)
	lens([3]int{0, 0, 1})

	// A young object and an old one in a cycle: only a full collection
	// sees the whole cycle.
	b := w.obj("b")
	w.link(a, &b.Header)
	w.give(b, &a.Header)
	w.decref(&b.Header)
	lens([3]int{1, 0, 1})
	for gen, want := range [][3]int{{0, 1, 1}, {0, 0, 2}} {
		if r := w.c.Collect(gen); r.Collected != 0 {
			t.Fatalf("Collect(%d) collected %d of a cycle across generations", gen, r.Collected)
		}
		lens(want)
	}
	if r := w.c.Collect(2); r.Collected != 2 || !w.freed("a") || !w.freed("b") {
		t.Fatalf("full collection: %+v", r)
	}
	lens([3]int{0, 0, 0})

	// Collecting generation 1 takes generation 0 too.
	cd := w.cycle("c", "d")
	w.root(&cd[0].Header)
	w.c.Collect(0)
	w.unroot(&cd[0].Header)
	w.cycle("e")
	if r := w.c.Collect(1); r.Collected != 3 || r.Examined != 3 {
		t.Errorf("Collect(1): %+v", r)
	}
	if c := w.c.Counts(); c != [3]int{0, 0, 1} {
		t.Errorf("counts %v", c)
	}
	s := w.c.Stats()
	if s[0].Collections != 3 || s[1].Collections != 3 || s[2].Collections != 1 ||
		s[1].Collected != 3 || s[2].Collected != 2 {
		t.Errorf("stats %+v", s)
	}
	for i, g := range s {
		if g.Collections > 0 && (g.LastPause <= 0 || g.MaxPause < g.LastPause || g.TotalPause < g.MaxPause) {
			t.Errorf("generation %d pauses %+v", i, g)
		}
	}
	w.finish()
}

func TestThresholds(t *testing.T) {
	w := newWorld(t, cycles.Options{Thresholds: [3]int{5, 2, 1}})
	if th := w.c.Thresholds(); th != [3]int{5, 2, 1} {
		t.Fatalf("thresholds %v", th)
	}
	collections := func() [3]int {
		s := w.c.Stats()
		return [3]int{s[0].Collections, s[1].Collections, s[2].Collections}
	}
	keep := func(n int) {
		for range n {
			o := w.obj("")
			w.root(&o.Header)
			w.decref(&o.Header)
		}
	}
	steps := []struct {
		allocs      int
		collections [3]int
		counts      [3]int
	}{
		{5, [3]int{0, 0, 0}, [3]int{5, 0, 0}},
		{1, [3]int{1, 0, 0}, [3]int{0, 1, 0}}, // the 6th allocation passes 5
		{5, [3]int{1, 0, 0}, [3]int{5, 1, 0}},
		{1, [3]int{2, 0, 0}, [3]int{0, 2, 0}},
		{6, [3]int{3, 0, 0}, [3]int{0, 3, 0}},
		{6, [3]int{3, 1, 0}, [3]int{0, 0, 1}}, // generation 1's count passed 2
		{18, [3]int{6, 1, 0}, [3]int{0, 3, 1}},
		{6, [3]int{6, 2, 0}, [3]int{0, 0, 2}},
		{6, [3]int{6, 2, 1}, [3]int{0, 0, 0}}, // generation 2's count passed 1
	}
	for i, st := range steps {
		keep(st.allocs)
		if got := collections(); got != st.collections {
			t.Fatalf("step %d: collections %v, want %v", i, got, st.collections)
		}
		if got := w.c.Counts(); got != st.counts {
			t.Fatalf("step %d: counts %v, want %v", i, got, st.counts)
		}
	}

	// Deallocations count back.
	objs := make([]*obj, 3)
	for i := range objs {
		objs[i] = w.obj("")
	}
	w.releaseAll(objs)
	if c := w.c.Counts(); c[0] != 0 {
		t.Errorf("count %d after 3 allocations and 3 deallocations", c[0])
	}

	// Disabled, or with a threshold of 0, nothing is automatic.
	before := collections()
	w.c.SetEnabled(false)
	keep(20)
	w.c.SetEnabled(true)
	w.c.SetThresholds([3]int{0, 2, 1})
	keep(20)
	if got := collections(); got != before || w.c.Counts()[0] != 40 {
		t.Errorf("collections %v -> %v, counts %v", before, got, w.c.Counts())
	}
	w.c.SetThresholds([3]int{5, 2, 1})
	keep(1)
	if got := collections(); got == before {
		t.Error("no collection after enabling")
	}
	w.finish()
}

// Garbage made in a loop is collected by automatic collections alone.
func TestAutomatic(t *testing.T) {
	w := newWorld(t, cycles.Options{})
	w.byName = nil
	for range 50000 {
		w.cycle("", "")
	}
	s := w.a.Stats()
	if s.Live > 2*(700+1) {
		t.Errorf("%d objects live after automatic collections", s.Live)
	}
	st := w.c.Stats()
	if st[0].Collections < 100 || st[1].Collections < 10 {
		t.Errorf("stats %+v", st)
	}
	w.finish()
}

// CPython's long_lived_pending rule: generation 2 waits until the objects
// promoted into it since its last collection reach a quarter of those
// that survived it.
func TestLongLived(t *testing.T) {
	w := newWorld(t, cycles.Options{Thresholds: [3]int{1, 1, 1}})
	w.byName = nil
	w.c.SetEnabled(false)
	for range 1000 {
		o := w.obj("")
		w.root(&o.Header)
		w.decref(&o.Header)
	}
	w.c.Collect(2)
	w.c.SetEnabled(true)
	for range 200 {
		w.cycle("", "") // garbage: nothing reaches generation 2
	}
	if n := w.c.Stats()[2].Collections; n != 1 {
		t.Errorf("%d collections of generation 2, want only the explicit one", n)
	}
	for range 600 { // survivors, promoted
		o := w.obj("")
		w.root(&o.Header)
		w.decref(&o.Header)
	}
	if n := w.c.Stats()[2].Collections; n < 2 {
		t.Errorf("generation 2 never collected automatically (%d)", n)
	}
	w.finish()
}

func TestSchedule(t *testing.T) {
	var w *world
	scheduled := 0
	w = newWorld(t, cycles.Options{Thresholds: [3]int{3, 10, 10}, Schedule: func() { scheduled++ }})
	w.cycle("a", "b")
	w.cycle("c", "d") // the 4th allocation passes the threshold
	if scheduled != 1 || w.c.Stats()[0].Collections != 0 {
		t.Fatalf("scheduled %d times, %d collections", scheduled, w.c.Stats()[0].Collections)
	}
	w.cycle("e")
	if scheduled != 1 {
		t.Fatalf("scheduled %d times before collecting", scheduled)
	}
	if r := w.c.CollectDue(); r.Collected != 5 || r.Generation != 0 {
		t.Fatalf("CollectDue: %+v", r)
	}
	if r := w.c.CollectDue(); r != (cycles.Result{}) {
		t.Fatalf("CollectDue with nothing due: %+v", r)
	}
	w.cycle("f", "g", "h", "i")
	if scheduled != 2 {
		t.Fatalf("scheduled %d times", scheduled)
	}
	w.finish()
}

func TestPanics(t *testing.T) {
	for _, where := range []string{"traverse", "finalize"} {
		t.Run(where, func(t *testing.T) {
			w := newWorld(t, cycles.Options{})
			w.c.SetEnabled(false)
			objs := w.cycle("a", "b", "c")
			objs[1].panicIn = where
			objs[1].del = func(*world, *obj) {}
			live := w.obj("live")
			w.root(&live.Header)
			w.decref(&live.Header)
			w.panics = true
			func() {
				defer func() {
					if r := recover(); r == nil {
						t.Fatal("no panic")
					}
				}()
				w.c.Collect(2)
			}()
			w.panics = false
			if w.c.Collecting() {
				t.Fatal("still collecting after a panic")
			}
			w.check()
			if r := w.c.Collect(2); r.Collected != 3 {
				t.Errorf("after the panic: %+v", r)
			}
			if n := objs[1].delRuns; n > 1 {
				t.Errorf("finalizer ran %d times", n)
			}
			w.finish()
		})
	}
}

func TestTrackUntrack(t *testing.T) {
	w := newWorld(t, cycles.Options{})
	w.c.SetEnabled(false)
	o := w.obj("o")
	if !w.c.Tracked(&o.Header) {
		t.Fatal("not tracked after Track")
	}
	w.c.Track(&o.Header) // again: nothing
	if n := w.c.Len(0); n != 1 {
		t.Fatalf("generation 0 holds %d after tracking twice", n)
	}
	w.c.Untrack(&o.Header)
	w.c.Untrack(&o.Header) // again: nothing
	if w.c.Tracked(&o.Header) || o.GCNext != nil || o.GCPrev != nil || w.c.Len(0) != 0 {
		t.Fatal("still linked after Untrack")
	}
	w.c.Track(&o.Header)
	if objs := w.c.Objects(-1); len(objs) != 1 || objs[0] != &o.Header {
		t.Fatalf("Objects: %v", objs)
	}
	if objs := w.c.Objects(1); len(objs) != 0 {
		t.Fatalf("Objects(1): %v", objs)
	}

	l := w.leaf()
	if w.c.Tracked(&l.Header) {
		t.Error("a leaf is tracked")
	}
	w.c.Untrack(&l.Header) // not a container: nothing
	func() {
		defer func() {
			if recover() == nil {
				t.Error("Track of a non-container did not panic")
			}
		}()
		w.c.Track(&l.Header)
	}()
	func() {
		defer func() {
			if recover() == nil {
				t.Error("Collect(3) did not panic")
			}
		}()
		w.c.Collect(3)
	}()
	w.decref(&l.Header)
	w.decref(&o.Header)
	w.finish()
}

func TestFreeze(t *testing.T) {
	w := newWorld(t, cycles.Options{})
	w.c.SetEnabled(false)
	w.cycle("a", "b")
	w.c.Freeze()
	if n := w.c.FreezeCount(); n != 2 {
		t.Fatalf("FreezeCount %d", n)
	}
	if r := w.c.Collect(2); r.Collected != 0 || r.Examined != 0 {
		t.Fatalf("collected frozen objects: %+v", r)
	}
	if !w.c.Tracked(&w.byName["a"].Header) {
		t.Fatal("frozen object not tracked")
	}
	w.c.Unfreeze()
	if w.c.FreezeCount() != 0 || w.c.Len(2) != 2 {
		t.Fatalf("after Unfreeze: frozen %d, generation 2 %d", w.c.FreezeCount(), w.c.Len(2))
	}
	if r := w.c.Collect(2); r.Collected != 2 {
		t.Fatalf("after Unfreeze: %+v", r)
	}
	w.finish()
}

// After a collection Go's collector can reclaim every freed object: the
// cycle finder keeps no pointer to them.
func TestNoPointersToFreed(t *testing.T) {
	w := newWorld(t, cycles.Options{})
	w.byName = nil
	w.c.SetEnabled(false)
	keep := w.obj("")
	w.root(&keep.Header)
	w.decref(&keep.Header)
	ptrs := func() []weak.Pointer[obj] {
		var ps []weak.Pointer[obj]
		for range 1000 {
			for _, o := range w.cycle("", "", "") {
				ps = append(ps, weak.Make(o))
			}
		}
		return ps
	}()
	w.c.Collect(2)
	runtime.GC()
	runtime.GC()
	alive := 0
	for _, p := range ptrs {
		if p.Value() != nil {
			alive++
		}
	}
	if alive != 0 {
		t.Errorf("%d of %d freed objects still reachable from Go", alive, len(ptrs))
	}
	if w.c.Len(2) != 1 {
		t.Errorf("generation 2 holds %d, want the kept object", w.c.Len(2))
	}
	w.finish()
}

// Two interpreters collect at the same time without sharing anything
// (run with -race).
func TestTwoInterpreters(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Go(func() {
			w := newWorld(t, cycles.Options{Thresholds: [3]int{50, 5, 5}})
			w.byName = nil
			for j := range 2000 {
				objs := w.cycle("", "", "")
				if j%10 == 0 {
					w.root(&objs[0].Header)
				}
				if j%100 == 0 {
					w.c.Collect(j % 3)
				}
			}
			if err := w.c.Validate(); err != nil {
				t.Errorf("interpreter %d: %v", i, err)
			}
			w.finish()
		})
	}
	wg.Wait()
}
