package cycles

import (
	"fmt"
	"time"

	"github.com/parallel-py/parallel/alloc"
)

// NumGenerations is the number of generations: 0 (young), 1 and 2
// (oldest). Collecting generation 2 collects every tracked object.
const NumGenerations = 3

// DefaultThresholds are CPython's: generation 0 is collected after 700
// more container allocations than deallocations, generation 1 after 10
// collections of generation 0, generation 2 after 10 of generation 1.
var DefaultThresholds = [NumGenerations]int{700, 10, 10}

// Ops is what the interpreter tells the collector about its objects. The
// collector calls it only for container objects (FlagContainer set) that
// are tracked.
type Ops interface {
	// Traverse calls visit for every object h holds a counted reference
	// to. It must not change any count, allocate, track or untrack
	// anything, or run Python code. Visiting a non-container or an
	// immortal object is allowed and ignored.
	Traverse(h *alloc.Header, visit func(*alloc.Header))
	// HasFinalizer reports whether h has a finalizer (__del__). The
	// collector asks only for objects without FlagFinalized.
	HasFinalizer(h *alloc.Header) bool
	// Finalize runs h's finalizer; the collector has already set
	// FlagFinalized, so it runs at most once per object (PEP 442). It may
	// run any Python code, including code that resurrects h. The
	// collector holds a reference to h during the call.
	Finalize(h *alloc.Header)
	// Clear makes h drop the references it holds (tp_clear), breaking the
	// cycles it is in. h stays a valid object, and may drop none of its
	// references if its type cannot (as CPython's tuple): the other
	// members of its cycle must then break it. The collector holds a
	// reference to h during the call.
	Clear(h *alloc.Header)
	// DecRef releases one reference to h and, if it was the last,
	// deallocates h (whose dealloc calls Untrack) and frees it.
	DecRef(h *alloc.Header)
}

// An Untracker is an Ops that can tell a container that cannot be part of
// a cycle as long as it lives: an immutable one holding only objects that
// are not tracked, as CPython's tuples of atomic values. When the Ops
// given to New is one, each collection asks it about every object found
// reachable and untracks those (CPython's untrack_tuples), so that later
// collections do not examine them again. CanUntrack must not change any
// count, allocate, track or untrack anything, or run Python code.
type Untracker interface {
	CanUntrack(h *alloc.Header) bool
}

// Options configure a new Collector.
type Options struct {
	// Thresholds are the generations' thresholds; a zero element takes
	// the one from DefaultThresholds. Use SetThresholds to set 0
	// (which, for generation 0, turns automatic collection off).
	Thresholds [NumGenerations]int
	// Schedule, if set, makes automatic collection deferred, as CPython
	// 3.12 does: when Allocated finds a collection due it calls Schedule
	// instead of collecting (once, until CollectDue is called), and the
	// interpreter calls CollectDue at its next safe point (its eval
	// breaker). Without it, Allocated collects at once, inside whatever
	// operation allocated, so finalizers may run there.
	Schedule func()
	// Observe, if set, is called when a collection starts (done false,
	// with only Result.Generation set) and when it has finished (done
	// true, with the whole Result), while Collecting is still true: the
	// interpreter runs gc.callbacks from it.
	Observe func(done bool, r Result)
}

// Result is what one collection did.
type Result struct {
	// Generation is the generation collected; with it, every younger one.
	Generation int
	// Examined is the number of objects the collection looked at.
	Examined int
	// Collected is the number of unreachable objects found and freed
	// (or, for those something still held after Clear, at least cleared).
	// Resurrected objects are not counted.
	Collected int
	// Uncollectable is the number of unreachable objects kept alive
	// (CPython's gc.garbage). It is 0 until DEBUG_SAVEALL is supported.
	Uncollectable int
	// Pause is how long the collection took, finalizers included.
	Pause time.Duration
}

// GenerationStats are the totals of the collections of one generation.
type GenerationStats struct {
	Collections   int // collections of this generation (and the younger ones)
	Collected     int // objects collected by them
	Uncollectable int // unreachable objects they kept alive
	LastPause     time.Duration
	MaxPause      time.Duration
	TotalPause    time.Duration
}

// GCBits marks (alloc.GCLink.GCBits).
const (
	// bitCollecting marks an object of the set being examined that has
	// not yet been found reachable and scanned.
	bitCollecting uint32 = 1 << iota
	// bitUnreachable marks an object moved, perhaps only for the moment,
	// to the unreachable list.
	bitUnreachable
	// bitHeld marks a garbage object the collector holds a reference to.
	bitHeld
)

// pinned is the GCRefs of a tracked object whose count is already zero
// (one caught in the middle of its dealloc): large enough that no
// subtraction brings it to zero, so that it always counts as reachable
// and the collector never frees it a second time.
const pinned = 1 << 30

// A Collector finds and frees the garbage cycles of one interpreter. Make
// one with New. It is not safe for concurrent use: it must only be used
// while its interpreter's GIL is held.
type Collector struct {
	ops      Ops
	untrack  Untracker // ops, if it is one
	schedule func()
	observe  func(done bool, r Result)

	gens      [NumGenerations]list
	permanent list // frozen objects (gc.freeze): never collected

	// working lists of a running collection; empty between collections
	work    list // the set being examined, then what is reachable
	unreach list // the unreachable objects
	final   list // the garbage left after finalizers
	pending list // objects being finalized or cleared
	scan    *list
	nUnr    int // objects in the unreachable list being built

	// orphans are garbage objects the collector holds a reference to but
	// that left its lists (Untrack during a collection, or a panic in an
	// Ops method); the reference is released at the end of the
	// collection, or at the start of the next one after a panic.
	orphans []*alloc.Header

	counts     [NumGenerations]int
	thresholds [NumGenerations]int
	enabled    bool
	collecting bool
	scheduled  bool

	// CPython's heuristic against quadratic full collections.
	longLivedPending int // objects moved to generation 2 since the last full collection
	longLivedTotal   int // objects in generation 2 after the last full collection

	stats [NumGenerations]GenerationStats

	visitDecref    func(*alloc.Header) // c.decref, bound once
	visitReachable func(*alloc.Header) // c.reachable, bound once
}

// New returns an enabled Collector with no tracked objects.
func New(ops Ops, opts Options) *Collector {
	c := &Collector{ops: ops, schedule: opts.Schedule, observe: opts.Observe, enabled: true}
	c.untrack, _ = ops.(Untracker)
	for i := range c.gens {
		c.gens[i].init()
	}
	for _, l := range []*list{&c.permanent, &c.work, &c.unreach, &c.final, &c.pending} {
		l.init()
	}
	for i, t := range opts.Thresholds {
		if t == 0 {
			t = DefaultThresholds[i]
		}
		c.thresholds[i] = t
	}
	c.visitDecref = c.decref
	c.visitReachable = c.reachable
	return c
}

// Track links the container h into generation 0. h must have
// FlagContainer set and be fully built, since a collection may traverse it
// from now on. Tracking an immortal or an already tracked object does
// nothing.
func (c *Collector) Track(h *alloc.Header) {
	f := h.Flags()
	if f&alloc.FlagContainer == 0 {
		panic("cycles: Track of an object without FlagContainer")
	}
	if alloc.Debug && f&alloc.FlagFreed != 0 {
		panic("cycles: Track of a freed object")
	}
	if f&alloc.FlagImmortal != 0 {
		return
	}
	lk := alloc.Link(h)
	if lk.GCNext != nil {
		return
	}
	lk.GCRefs = 0
	lk.GCBits = 0
	c.gens[0].push(h)
}

// TrackNew is Allocated and then Track for a container just made: it
// sets FlagContainer, counts the allocation (scheduling or running a
// collection when one is due) and links h into generation 0. h must be
// fully built if collections are not deferred (Options.Schedule), as
// for Track, and new: neither tracked nor immortal.
func (c *Collector) TrackNew(h *alloc.Header) {
	if c.TryTrackNew(h) {
		return
	}
	if alloc.Debug && (h.Flags()&alloc.FlagImmortal != 0 || alloc.Link(h).GCNext != nil) {
		panic("cycles: TrackNew of an immortal or tracked object")
	}
	h.SetFlags(alloc.FlagContainer)
	c.Allocated()
	c.Track(h)
}

// TryTrackNew is TrackNew's common case, small enough to be inlined into
// the interpreter's allocation path: it does what TrackNew does and
// returns true, or, when generation 0 reaches its threshold or in an
// rcdebug build, does nothing and returns false, and the caller then
// calls TrackNew.
func (c *Collector) TryTrackNew(h *alloc.Header) bool {
	if c.counts[0] >= c.thresholds[0] || alloc.Debug {
		return false
	}
	c.counts[0]++
	h.SetFlags(alloc.FlagContainer)
	// GCBits is already clear: a container's memory is zeroed when it is
	// made or pooled, and whatever unlinks an object clears its bits.
	// GCRefs is scratch, written by a collection before it is read.
	c.gens[0].push(h)
	return true
}

// Untrack unlinks h from the collector, which then keeps no pointer to it.
// The interpreter calls it first thing in a container's dealloc, before
// releasing what the object holds, and before MakeImmortal. It counts a
// container deallocation against generation 0's count. Untracking an
// object that is not a container does nothing; untracking a container
// that is not tracked (one an Untracker let go of) only counts the
// deallocation, as CPython's PyObject_GC_Del does for any container.
func (c *Collector) Untrack(h *alloc.Header) { c.unlinkTracked(h, true) }

// unlinkTracked is Untrack, counting the deallocation or not.
func (c *Collector) unlinkTracked(h *alloc.Header, count bool) {
	if h.Flags()&alloc.FlagContainer == 0 {
		return
	}
	lk := alloc.Link(h)
	if lk.GCNext == nil {
		if count && c.counts[0] > 0 {
			c.counts[0]--
		}
		return
	}
	unlink(h)
	lk.GCNext, lk.GCPrev = nil, nil
	if lk.GCBits&bitHeld != 0 {
		// A garbage object leaving during a collection: the collector
		// still owes it a DecRef.
		c.orphans = append(c.orphans, h)
	}
	lk.GCBits = 0
	if count && c.counts[0] > 0 {
		c.counts[0]--
	}
}

// TrackUncounted is Track for a container the interpreter took from a
// free list: as CPython's tuples from their free list, it is not counted
// as an allocation (generation 0's count is left alone), so that a
// program whose objects die and come back from free lists does not
// trigger collections. It sets FlagContainer; h must be new, as for
// TrackNew.
func (c *Collector) TrackUncounted(h *alloc.Header) {
	h.SetFlags(alloc.FlagContainer)
	if alloc.Debug {
		c.Track(h)
		return
	}
	c.gens[0].push(h) // as TryTrackNew: GCBits is clear
}

// UntrackUncounted is Untrack for a container about to go back to a free
// list: its deallocation is not counted, the counterpart of
// TrackUncounted.
func (c *Collector) UntrackUncounted(h *alloc.Header) {
	if !c.TryUntrackUncounted(h) {
		c.unlinkTracked(h, false)
	}
}

// TryUntrackUncounted is UntrackUncounted's common case, small enough to
// be inlined, as TryUntrack is Untrack's.
func (c *Collector) TryUntrackUncounted(h *alloc.Header) bool {
	lk := alloc.Link(h)
	next, prev := lk.GCNext, lk.GCPrev
	if next == nil || lk.GCBits != 0 {
		return false
	}
	alloc.Link(prev).GCNext = next
	alloc.Link(next).GCPrev = prev
	lk.GCNext, lk.GCPrev = nil, nil
	return true
}

// TryUntrack is Untrack's common case, small enough to be inlined into
// the interpreter's dealloc: for a tracked container (h must be a
// container: FlagContainer set) outside any collection's marks, with
// generation 0's count above zero, it does what Untrack does and returns
// true; otherwise it does nothing and returns false, and the caller then
// calls Untrack.
func (c *Collector) TryUntrack(h *alloc.Header) bool {
	lk := alloc.Link(h)
	next, prev := lk.GCNext, lk.GCPrev
	if next == nil || lk.GCBits != 0 || c.counts[0] <= 0 {
		return false
	}
	alloc.Link(prev).GCNext = next
	alloc.Link(next).GCPrev = prev
	lk.GCNext, lk.GCPrev = nil, nil
	c.counts[0]--
	return true
}

// Tracked reports whether h is tracked (gc.is_tracked).
func (c *Collector) Tracked(h *alloc.Header) bool {
	return h.Flags()&alloc.FlagContainer != 0 && alloc.Link(h).GCNext != nil
}

// Allocated counts one container allocation. When generation 0's count
// passes its threshold, automatic collection is enabled and no collection
// is running, it collects the oldest generation that is due (or, with
// Options.Schedule, schedules that).
func (c *Collector) Allocated() {
	c.counts[0]++
	if c.counts[0] > c.thresholds[0] {
		c.due()
	}
}

// due handles a generation 0 count past its threshold, out of line so that
// Allocated stays small.
func (c *Collector) due() {
	if !c.enabled || c.thresholds[0] == 0 || c.collecting {
		return
	}
	if c.schedule != nil {
		if !c.scheduled {
			c.scheduled = true
			c.schedule()
		}
		return
	}
	c.collectGenerations()
}

// CollectDue runs the automatic collection that Allocated scheduled
// through Options.Schedule, if one is still due, and returns what it did.
func (c *Collector) CollectDue() Result {
	c.scheduled = false
	if !c.enabled || c.collecting {
		return Result{}
	}
	return c.collectGenerations()
}

// collectGenerations collects the oldest generation whose count is past
// its threshold, as CPython's collect_generations does.
func (c *Collector) collectGenerations() Result {
	for i := NumGenerations - 1; i >= 0; i-- {
		if c.counts[i] <= c.thresholds[i] {
			continue
		}
		if i == NumGenerations-1 && c.longLivedPending < c.longLivedTotal/4 {
			continue
		}
		return c.collect(i)
	}
	return Result{}
}

// Collect collects generation (0, 1 or 2) and every younger one, whether
// or not automatic collection is enabled, and returns what it did. While a
// collection is running (Collect called from a finalizer) it does nothing
// and returns a zero Result. It panics if generation is out of range: the
// interpreter raises ValueError before calling it.
func (c *Collector) Collect(generation int) Result {
	if generation < 0 || generation >= NumGenerations {
		panic(fmt.Sprintf("cycles: Collect(%d): no such generation", generation))
	}
	if c.collecting {
		return Result{}
	}
	return c.collect(generation)
}

// Collecting reports whether a collection is running.
func (c *Collector) Collecting() bool { return c.collecting }

// SetEnabled turns automatic collection on or off (gc.enable, gc.disable).
func (c *Collector) SetEnabled(on bool) { c.enabled = on }

// Enabled reports whether automatic collection is on (gc.isenabled).
func (c *Collector) Enabled() bool { return c.enabled }

// SetThresholds sets the generations' thresholds (gc.set_threshold).
// A generation 0 threshold of 0 turns automatic collection off.
func (c *Collector) SetThresholds(t [NumGenerations]int) { c.thresholds = t }

// Thresholds returns the generations' thresholds (gc.get_threshold).
func (c *Collector) Thresholds() [NumGenerations]int { return c.thresholds }

// Counts returns the generations' counts (gc.get_count): for generation 0,
// container allocations minus deallocations since it was last collected;
// for the others, collections of the generation below since they were.
func (c *Collector) Counts() [NumGenerations]int { return c.counts }

// Stats returns the totals of each generation's collections
// (gc.get_stats, plus pause times), indexed by generation.
func (c *Collector) Stats() []GenerationStats {
	s := make([]GenerationStats, NumGenerations)
	copy(s, c.stats[:])
	return s
}

// Objects returns the objects tracked in generation, or in every
// generation when it is -1 (gc.get_objects); frozen objects are not
// included. The slice holds borrowed pointers: the caller must take a
// reference to any object it keeps past the next Python code it runs.
func (c *Collector) Objects(generation int) []*alloc.Header {
	lo, hi := generation, generation
	if generation == -1 {
		lo, hi = 0, NumGenerations-1
	} else if generation < 0 || generation >= NumGenerations {
		panic(fmt.Sprintf("cycles: Objects(%d): no such generation", generation))
	}
	var out []*alloc.Header
	for g := lo; g <= hi; g++ {
		l := &c.gens[g]
		for h := l.GCNext; h != l.end(); h = alloc.Link(h).GCNext {
			out = append(out, h)
		}
	}
	return out
}

// Len returns the number of objects tracked in generation.
func (c *Collector) Len(generation int) int { return c.gens[generation].len() }

// Freeze moves every tracked object to the permanent generation, which is
// never collected (gc.freeze). It does nothing while a collection runs.
func (c *Collector) Freeze() {
	if c.collecting {
		return
	}
	for i := range c.gens {
		c.permanent.splice(&c.gens[i])
		c.counts[i] = 0
	}
}

// Unfreeze moves the permanent generation back into the oldest one
// (gc.unfreeze). It does nothing while a collection runs.
func (c *Collector) Unfreeze() {
	if c.collecting {
		return
	}
	c.gens[NumGenerations-1].splice(&c.permanent)
}

// FreezeCount returns the number of objects in the permanent generation
// (gc.get_freeze_count).
func (c *Collector) FreezeCount() int { return c.permanent.len() }
