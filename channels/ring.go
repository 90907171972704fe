package channels

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

// ring is a FIFO of entries in a circular buffer that grows by doubling
// and shrinks when mostly empty, so a burst does not pin its memory.
type ring struct {
	buf  []entry
	head int
	n    int
}

const (
	minRing    = 16
	shrinkRing = 4096
)

func (r *ring) len() int { return r.n }

func (r *ring) push(e entry) {
	if r.n == len(r.buf) {
		r.resize(max(minRing, 2*len(r.buf)))
	}
	r.buf[(r.head+r.n)%len(r.buf)] = e
	r.n++
}

func (r *ring) pop() entry {
	e := r.buf[r.head]
	r.buf[r.head] = entry{}
	r.head = (r.head + 1) % len(r.buf)
	r.n--
	// Shrink a big, mostly empty buffer, with enough hysteresis that a
	// queue hovering around one size never resizes back and forth.
	if len(r.buf) >= shrinkRing && r.n < len(r.buf)/8 {
		r.resize(len(r.buf) / 2)
	}
	return e
}

// at returns a pointer to entry i (0 is the front).
func (r *ring) at(i int) *entry { return &r.buf[(r.head+i)%len(r.buf)] }

func (r *ring) resize(size int) {
	buf := make([]entry, size)
	for i := 0; i < r.n; i++ {
		buf[i] = *r.at(i)
	}
	r.buf, r.head = buf, 0
}

// removeIf drops the entries drop accepts, keeping the others in order,
// and returns the dropped ones.
func (r *ring) removeIf(drop func(*entry) bool) []entry {
	var dropped []entry
	kept := 0
	for i := 0; i < r.n; i++ {
		e := *r.at(i)
		if drop(&e) {
			dropped = append(dropped, e)
			continue
		}
		*r.at(kept) = e
		kept++
	}
	for i := kept; i < r.n; i++ {
		*r.at(i) = entry{}
	}
	r.n = kept
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
