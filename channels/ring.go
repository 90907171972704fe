package channels

import "sync/atomic"

// entry is an item in a queue or channel, with what the UNBOUND rules
// need: the interpreter that put it and what to do when that interpreter
// is destroyed.
type entry struct {
	item    Item
	owner   int64
	op      UnboundOp
	unbound bool // the owner was destroyed: op says what a get does
	// sender, for a channel, waits until this entry is received (a
	// blocking send), or is nil.
	sender *Waiter
}

// forget drops what a taken slot points at, so that the ring keeps
// nothing alive. A slot that points at nothing (a small int, a float,
// None) is left as it is: writing it would pull the cache line back from
// the putter, which writes the next items beside it: between two
// interpreters, skipping it took a small int's trip from ~145 to ~132 ns
// (BenchmarkInterpQueueSmallInt).
func (e *entry) forget() {
	if e.item.p != nil || e.sender != nil {
		*e = entry{}
	}
}

// cacheLine is the padding that keeps what one side of a queue writes
// off the cache lines the other side reads.
const cacheLine = 64

// ring is a FIFO of entries in a circular buffer that grows by doubling
// and shrinks when mostly empty, so a burst does not pin its memory.
//
// head and tail count the entries ever taken and ever added, so the
// buffer index is the count masked by the buffer's (power-of-two) size.
// They are atomics on cache lines of their own because a Queue lets one
// putter add at the tail while one getter takes at the head, each under
// its own lock (tryPush, tryPop); every other method needs the ring to
// itself.
type ring struct {
	buf  []entry // its length is 0 or a power of two
	_    [cacheLine - 24]byte
	head atomic.Int64
	_    [cacheLine - 8]byte
	tail atomic.Int64
	_    [cacheLine - 8]byte
}

const (
	minRing    = 16
	shrinkRing = 4096
)

// len is the number of entries. Reading head before tail keeps it from
// going negative while a getter and a putter run.
func (r *ring) len() int {
	h := r.head.Load()
	return int(r.tail.Load() - h)
}

func (r *ring) slot(i int64) *entry { return &r.buf[i&int64(len(r.buf)-1)] }

func (r *ring) push(e entry) {
	t := r.tail.Load()
	if int(t-r.head.Load()) == len(r.buf) {
		r.resize(max(minRing, 2*len(r.buf)))
	}
	*r.slot(t) = e
	r.tail.Store(t + 1)
}

func (r *ring) pop() entry {
	h := r.head.Load()
	s := r.slot(h)
	e := *s
	s.forget()
	r.head.Store(h + 1)
	if r.shouldShrink(int(r.tail.Load() - h - 1)) {
		r.resize(len(r.buf) / 2)
	}
	return e
}

// shouldShrink reports whether a buffer holding n entries is big and
// mostly empty, with enough hysteresis that a queue hovering around one
// size never resizes back and forth.
func (r *ring) shouldShrink(n int) bool { return len(r.buf) >= shrinkRing && n < len(r.buf)/8 }

// tryPush adds e at the tail if the ring has room for it below limit
// entries without growing, for a putter that holds only the tail side.
// headSeen is the putter's last reading of head, refreshed only when the
// ring looks full, so that a putter does not pull the getter's cache
// line on every item.
func (r *ring) tryPush(e entry, limit int, headSeen *int64) bool {
	t := r.tail.Load()
	limit = min(limit, len(r.buf))
	if int(t-*headSeen) >= limit {
		*headSeen = r.head.Load()
		if int(t-*headSeen) >= limit {
			return false
		}
	}
	*r.slot(t) = e
	r.tail.Store(t + 1) // publishes the slot to the getter
	return true
}

// tryPop takes the front entry if there is one and taking it would not
// make the buffer shrink, for a getter that holds only the head side.
// tailSeen is the getter's last reading of tail, as headSeen is for
// tryPush.
func (r *ring) tryPop(tailSeen *int64) (entry, bool) {
	h := r.head.Load()
	if h >= *tailSeen || r.shouldShrink(int(*tailSeen-h-1)) {
		*tailSeen = r.tail.Load()
		if h >= *tailSeen || r.shouldShrink(int(*tailSeen-h-1)) {
			return entry{}, false
		}
	}
	s := r.slot(h)
	e := *s
	s.forget()
	r.head.Store(h + 1) // hands the slot back to the putter
	return e, true
}

// at returns a pointer to entry i (0 is the front).
func (r *ring) at(i int) *entry { return r.slot(r.head.Load() + int64(i)) }

func (r *ring) resize(size int) {
	buf := make([]entry, size)
	h, n := r.head.Load(), r.len()
	for i := range n {
		buf[(h+int64(i))&int64(size-1)] = *r.slot(h + int64(i))
	}
	r.buf = buf
}

// removeIf drops the entries drop accepts, keeping the others in order,
// and returns the dropped ones.
func (r *ring) removeIf(drop func(*entry) bool) []entry {
	var dropped []entry
	kept, n := 0, r.len()
	for i := range n {
		e := *r.at(i)
		if drop(&e) {
			dropped = append(dropped, e)
			continue
		}
		*r.at(kept) = e
		kept++
	}
	for i := kept; i < n; i++ {
		*r.at(i) = entry{}
	}
	r.tail.Store(r.head.Load() + int64(kept))
	return dropped
}

// unbind applies the UNBOUND rules to the entries interpreter id put,
// when it is destroyed: UnboundRemove entries are removed (and
// returned), the others keep their place as markers and their items are
// returned as dropped.
func (r *ring) unbind(id int64) (removed []entry, dropped []Item) {
	removed = r.removeIf(func(e *entry) bool {
		if e.owner != id || e.unbound {
			return false
		}
		if e.op == UnboundRemove {
			return true
		}
		dropped = append(dropped, e.item)
		e.item, e.unbound = Item{}, true
		return false
	})
	return removed, dropped
}

// clear empties the ring and returns what it held.
func (r *ring) clear() []entry {
	return r.removeIf(func(*entry) bool { return true })
}
