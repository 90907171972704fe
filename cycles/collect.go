package cycles

import (
	"time"

	"github.com/parallel-py/parallel/alloc"
)

// collect collects generation and the younger ones; no collection may be
// running.
func (c *Collector) collect(generation int) Result {
	start := time.Now()
	c.collecting = true
	defer c.finish()
	c.releaseOrphans() // left by a collection that panicked
	if c.observe != nil {
		c.observe(false, Result{Generation: generation})
	}

	// Counts, as CPython updates them before it starts.
	if generation+1 < NumGenerations {
		c.counts[generation+1]++
	}
	for i := 0; i <= generation; i++ {
		c.counts[i] = 0
	}

	older := &c.gens[min(generation+1, NumGenerations-1)]
	for i := generation; i >= 0; i-- {
		c.work.splice(&c.gens[i])
	}

	r := Result{Generation: generation}
	r.Examined = c.updateRefs(&c.work)
	c.subtractRefs(&c.work)
	unreachable := c.moveUnreachable(&c.work, &c.unreach)
	survivors := r.Examined - unreachable
	if c.untrack != nil {
		survivors -= c.untrackAtomic(&c.work)
	}
	older.splice(&c.work)
	switch generation {
	case NumGenerations - 2:
		c.longLivedPending += survivors
	case NumGenerations - 1:
		c.longLivedPending = 0
		c.longLivedTotal = survivors // generation 2 holds nothing else now
	}

	if unreachable > 0 {
		r.Collected = c.deleteGarbage(older)
	}
	c.releaseOrphans()

	r.Pause = time.Since(start)
	s := &c.stats[generation]
	s.Collections++
	s.Collected += r.Collected
	s.Uncollectable += r.Uncollectable
	s.LastPause = r.Pause
	s.MaxPause = max(s.MaxPause, r.Pause)
	s.TotalPause += r.Pause
	if c.observe != nil {
		c.observe(true, r)
	}
	return r
}

// untrackAtomic untracks the objects of l (the reachable ones, after
// moveUnreachable) that the Untracker says cannot be part of a cycle, in
// list order, so that a tuple made after the tuples it holds is untracked
// in the same pass as they are. It returns how many it untracked. The
// generation counts are left alone, as CPython's untrack_tuples leaves
// them.
func (c *Collector) untrackAtomic(l *list) int {
	n := 0
	for h := l.first(); h != l.end(); {
		lk := alloc.Link(h)
		next := lk.GCNext
		if c.untrack.CanUntrack(h) {
			unlink(h)
			lk.GCNext, lk.GCPrev = nil, nil
			lk.GCBits = 0
			n++
		}
		h = next
	}
	return n
}

// updateRefs starts the examination of l: each object's GCRefs becomes its
// reference count and it is marked as part of the set. Immortal objects
// are dropped from the list. It returns the number of objects left.
func (c *Collector) updateRefs(l *list) int {
	n := 0
	for h := l.first(); h != l.end(); {
		lk := alloc.Link(h)
		next := lk.GCNext
		if h.Flags()&alloc.FlagImmortal != 0 {
			unlink(h)
			lk.GCNext, lk.GCPrev = nil, nil
			lk.GCBits = 0
			h = next
			continue
		}
		refs := h.Refs()
		if refs <= 0 {
			refs = pinned
		}
		lk.GCRefs = refs
		lk.GCBits = bitCollecting
		n++
		h = next
	}
	return n
}

// subtractRefs subtracts from GCRefs the references that objects of l
// hold to each other, leaving the references from outside.
func (c *Collector) subtractRefs(l *list) {
	for h := l.first(); h != l.end(); h = alloc.Link(h).GCNext {
		c.ops.Traverse(h, c.visitDecref)
	}
}

// decref is subtractRefs's visitor.
func (c *Collector) decref(r *alloc.Header) {
	if r == nil {
		return
	}
	f := r.Flags()
	if alloc.Debug && f&alloc.FlagFreed != 0 {
		panic("cycles: Traverse visited a freed object")
	}
	if f&alloc.FlagContainer == 0 {
		return
	}
	if lk := alloc.Link(r); lk.GCBits&bitCollecting != 0 {
		lk.GCRefs--
	}
}

// moveUnreachable splits the set in l after subtractRefs: it leaves in l
// the objects with references from outside and everything they reach, and
// moves the rest to unreach, marked bitUnreachable. It returns the number
// of objects moved.
//
// It walks l once. An object with GCRefs > 0 is reachable: it loses
// bitCollecting and is traversed; what it reaches either lies ahead in l
// (its GCRefs is raised to 1 so it is treated as reachable when the walk
// gets there) or was already moved to unreach, and is moved back to l's
// end, where the walk will find it. An object with GCRefs == 0 when the
// walk gets to it is moved to unreach for now.
func (c *Collector) moveUnreachable(l, unreach *list) int {
	c.scan = l
	c.nUnr = 0
	for h := l.first(); h != l.end(); {
		lk := alloc.Link(h)
		if lk.GCRefs > 0 {
			lk.GCBits &^= bitCollecting
			c.ops.Traverse(h, c.visitReachable)
			h = lk.GCNext
			continue
		}
		next := lk.GCNext
		unreach.move(h)
		lk.GCBits |= bitUnreachable
		c.nUnr++
		h = next
	}
	c.scan = nil
	return c.nUnr
}

// reachable is moveUnreachable's visitor: r is reached from a reachable
// object.
func (c *Collector) reachable(r *alloc.Header) {
	if r == nil || r.Flags()&alloc.FlagContainer == 0 {
		return
	}
	lk := alloc.Link(r)
	switch {
	case lk.GCBits&bitCollecting == 0:
		// outside the set, or already scanned
	case lk.GCBits&bitUnreachable != 0:
		c.scan.move(r)
		lk.GCBits &^= bitUnreachable
		lk.GCRefs = 1
		c.nUnr--
	case lk.GCRefs <= 0:
		lk.GCRefs = 1
	}
}

// deleteGarbage frees the objects in c.unreach, moving what survives to
// older, and returns the number of objects cleared.
func (c *Collector) deleteGarbage(older *list) int {
	// Hold every garbage object, so that nothing below frees one before
	// its turn comes.
	for h := c.unreach.first(); h != c.unreach.end(); h = alloc.Link(h).GCNext {
		alloc.IncRef(h)
		alloc.Link(h).GCBits |= bitHeld
	}

	if c.finalize() {
		c.handleResurrected(older)
	}

	// Clear everything first: while the collector holds them no garbage
	// object is freed, so every Clear sees whole objects.
	n := 0
	for !c.unreach.empty() {
		h := c.unreach.first()
		c.pending.move(h)
		n++
		c.ops.Clear(h)
	}
	// Then let go. Each object moves to the older generation first: if
	// DecRef frees it, its dealloc untracks it from there; if something
	// still holds it, it stays tracked and alive. Objects Untracked
	// meanwhile (orphans) left c.pending on their own.
	for !c.pending.empty() {
		h := c.pending.first()
		older.move(h)
		alloc.Link(h).GCBits = 0
		c.ops.DecRef(h) // h may be freed: not touched again
	}
	return n
}

// finalize runs the finalizers of the objects in c.unreach that have one
// that has not run, and reports whether it ran any. Objects are moved to
// c.pending one at a time, so that whatever the finalizers do to the list
// the walk goes on.
func (c *Collector) finalize() bool {
	ran := false
	for !c.unreach.empty() {
		h := c.unreach.first()
		c.pending.move(h)
		if h.Flags()&alloc.FlagFinalized == 0 && c.ops.HasFinalizer(h) {
			h.SetFlags(alloc.FlagFinalized)
			c.ops.Finalize(h)
			ran = true
		}
	}
	c.unreach.splice(&c.pending)
	return ran
}

// handleResurrected computes reachability again among the objects in
// c.unreach after finalizers ran: those that something outside now
// refers to, and all they reach, are moved to older and released; the
// rest stays in c.unreach.
func (c *Collector) handleResurrected(older *list) {
	for h := c.unreach.first(); h != c.unreach.end(); h = alloc.Link(h).GCNext {
		lk := alloc.Link(h)
		lk.GCRefs = h.Refs() - 1 // not counting the collector's reference
		lk.GCBits = bitHeld | bitCollecting
	}
	c.subtractRefs(&c.unreach)
	c.moveUnreachable(&c.unreach, &c.final)
	for !c.unreach.empty() {
		h := c.unreach.first()
		older.move(h)
		alloc.Link(h).GCBits = 0
		c.ops.DecRef(h)
	}
	c.unreach.splice(&c.final)
}

// releaseOrphans drops the references the collector holds to objects that
// left its lists.
func (c *Collector) releaseOrphans() {
	for len(c.orphans) > 0 {
		i := len(c.orphans) - 1
		h := c.orphans[i]
		c.orphans[i] = nil
		c.orphans = c.orphans[:i]
		c.ops.DecRef(h)
	}
	if cap(c.orphans) > 64 {
		c.orphans = nil
	}
}

// finish ends a collection. After a normal one the working lists are
// already empty; after a panic in an Ops method it puts back every object
// they hold in the oldest generation, without marks, and keeps the
// references the collector held for the next collection to release.
func (c *Collector) finish() {
	oldest := &c.gens[NumGenerations-1]
	for _, l := range []*list{&c.work, &c.unreach, &c.final, &c.pending} {
		for !l.empty() {
			h := l.first()
			lk := alloc.Link(h)
			if lk.GCBits&bitHeld != 0 {
				c.orphans = append(c.orphans, h)
			}
			lk.GCBits = 0
			oldest.move(h)
		}
	}
	c.scan = nil
	c.collecting = false
}
