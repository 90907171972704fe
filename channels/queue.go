package channels

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
)

// UnboundOp says what happens to an item in a queue or channel when the
// interpreter that put it is destroyed (PEP 734's unbounditems). The
// numbers are CPython's.
type UnboundOp uint8

// The unbound ops.
const (
	// UnboundDefault, in PutOptions and SendOptions, means the
	// queue's or channel's own op.
	UnboundDefault UnboundOp = 0
	// UnboundRemove drops the item (Python's UNBOUND_REMOVE).
	UnboundRemove UnboundOp = 1
	// UnboundError makes the get that reaches the item fail with
	// ErrInterpreterDestroyed (UNBOUND_ERROR).
	UnboundError UnboundOp = 2
	// UnboundReplace puts the UNBOUND marker in its place (UNBOUND,
	// the default).
	UnboundReplace UnboundOp = 3
)

// valid reports whether op is one of the ops (def allows
// UnboundDefault).
func (op UnboundOp) valid(def bool) bool {
	return op <= UnboundReplace && (def || op != UnboundDefault)
}

// defaultOp resolves a new queue's or channel's default op (what says
// which, for the error): UnboundDefault means UnboundReplace.
func defaultOp(op UnboundOp, what string) (UnboundOp, error) {
	if op == UnboundDefault {
		op = UnboundReplace
	}
	if !op.valid(false) {
		return 0, fmt.Errorf("channels: new %s: unbound op %d: %w", what, op, ErrBadOption)
	}
	return op, nil
}

// GoOwner is the interpreter ID that items put by Go code carry: no
// interpreter has it, so ReleaseInterpreter never touches them.
const GoOwner int64 = -1

// QueueOptions configure a new Queue.
type QueueOptions struct {
	// MaxSize bounds how many items the queue holds; 0 or less means
	// no bound.
	MaxSize int
	// Unbound is the op for items whose put did not name one (default
	// UnboundReplace).
	Unbound UnboundOp
}

// PutOptions qualify one put.
type PutOptions struct {
	// Owner is the ID of the interpreter that puts the item (GoOwner
	// for Go code): when it is destroyed, Unbound applies.
	Owner int64
	// Unbound is the item's op (UnboundDefault: the queue's).
	Unbound UnboundOp
}

// A Queue is a FIFO of items with PEP 734's semantics: an optional
// maxsize (a put waits for room), gets that wait for an item, and the
// UNBOUND rules for the items of destroyed interpreters. Waiting puts
// and gets are served in arrival order, each handed its room or item
// directly. Close makes puts fail and lets gets drain what is left. Its
// methods are safe for concurrent use.
//
// The queue has two locks, one for each end, so that a putter and a
// getter moving items through a queue that is neither empty nor full do
// not wait for each other: a put that needs nothing but room takes only
// tailMu (ring.tryPush), a get that finds an item and no waiting put
// takes only headMu (ring.tryPop). Everything else (waits, hand-overs,
// growing the buffer, Close, the UNBOUND rules) takes both, headMu
// first. With one lock, the two sides of a small-int stream between two
// interpreters spent a fifth of their time spinning on it.
type Queue struct {
	id      int64
	reg     *Registry // nil for a queue made by NewQueue
	maxsize int
	op      UnboundOp
	// freed is set once the registry let the queue go: lookups cached
	// outside the registry see it without taking a lock.
	freed atomic.Bool

	_ [cacheLine]byte
	// The get side. tailSeen is a getter's last reading of the ring's
	// tail (see ring.tryPop).
	headMu   sync.Mutex
	tailSeen int64
	_        [cacheLine - 16]byte
	// The put side; headSeen is tailSeen's counterpart.
	tailMu   sync.Mutex
	headSeen int64
	_        [cacheLine - 16]byte

	// Written with both locks held, so either lock lets a method read
	// them.
	items   ring
	getters waitList[recvReg]
	putters waitList[*Waiter] // each with its entry in pend
	closed  bool

	waiters sync.Pool
}

// lock takes both of the queue's locks, in their order.
func (q *Queue) lock() {
	q.headMu.Lock()
	q.tailMu.Lock()
}

// unlock lets go of both locks. What they guarded may have moved the
// ring's head and tail in ways the one-side paths' cached readings do
// not foresee (a get under both locks moves the head past tailSeen; the
// UNBOUND rules move the tail back), so the readings are refreshed.
func (q *Queue) unlock() {
	q.tailSeen, q.headSeen = q.items.tail.Load(), q.items.head.Load()
	q.tailMu.Unlock()
	q.headMu.Unlock()
}

// NewQueue makes a queue that belongs to no Registry (its ID is 0), for
// Go programs that only connect goroutines. A queue that interpreters
// use comes from Registry.NewQueue.
func NewQueue(opts QueueOptions) (*Queue, error) { return newQueue(nil, 0, opts) }

func newQueue(reg *Registry, id int64, opts QueueOptions) (*Queue, error) {
	op, err := defaultOp(opts.Unbound, "queue")
	if err != nil {
		return nil, err
	}
	return &Queue{id: id, reg: reg, maxsize: max(opts.MaxSize, 0), op: op}, nil
}

// ID is the queue's ID in its Registry.
func (q *Queue) ID() int64 { return q.id }

// MaxSize is the queue's bound (0: none).
func (q *Queue) MaxSize() int { return q.maxsize }

// UnboundOp is the queue's default unbound op.
func (q *Queue) UnboundOp() UnboundOp { return q.op }

// Handle names the queue in an item.
func (q *Queue) Handle() Handle { return Handle{Kind: HandleQueue, ID: q.id} }

// Len is the number of items in the queue (UNBOUND markers count).
func (q *Queue) Len() int { return q.items.len() }

// Empty reports whether the queue holds no item.
func (q *Queue) Empty() bool { return q.Len() == 0 }

// Full reports whether a put would have to wait.
func (q *Queue) Full() bool { return q.fullLocked() }

func (q *Queue) fullLocked() bool { return q.maxsize > 0 && q.items.len() >= q.maxsize }

// Closed reports whether Close was called.
func (q *Queue) Closed() bool {
	q.tailMu.Lock()
	defer q.tailMu.Unlock()
	return q.closed
}

func (q *Queue) errClosed() error { return idError("queue", q.id, ErrClosed) }

// Put adds x, waiting for room while the queue is full, until ctx is
// done. The item counts as Go's (GoOwner).
func (q *Queue) Put(ctx context.Context, x Item) error {
	return q.PutWith(ctx, x, PutOptions{Owner: GoOwner})
}

// PutWith is Put on behalf of an interpreter.
func (q *Queue) PutWith(ctx context.Context, x Item, o PutOptions) error {
	w, err := q.StartPut(x, o)
	if w == nil || err != nil {
		return err
	}
	_, err = w.Wait(ctx)
	w.Release()
	return err
}

// PutNowait adds x if there is room now, and fails with ErrFull
// otherwise.
func (q *Queue) PutNowait(x Item) error { return q.TryPut(x, PutOptions{Owner: GoOwner}) }

// TryPut is PutNowait on behalf of an interpreter.
func (q *Queue) TryPut(x Item, o PutOptions) error {
	_, err := q.put(x, o, false)
	return err
}

// StartPut adds x if there is room now (it returns a nil Waiter), and
// otherwise returns a Waiter that completes when the item goes in.
func (q *Queue) StartPut(x Item, o PutOptions) (*Waiter, error) { return q.put(x, o, true) }

func (q *Queue) put(x Item, o PutOptions, block bool) (*Waiter, error) {
	if x.kind == KindUnbound {
		return nil, fmt.Errorf("channels: put: the UNBOUND marker cannot be put: %w", ErrBadOption)
	}
	if !o.Unbound.valid(true) {
		return nil, fmt.Errorf("channels: put: unbound op %d: %w", o.Unbound, ErrBadOption)
	}
	op := o.Unbound
	if op == UnboundDefault {
		op = q.op
	}
	// The handles in the item keep what they name alive while it is
	// in the queue; taken before the lock (see Registry).
	handles := x.hasHandles()
	if handles {
		if err := q.reg.retainItem(x); err != nil {
			return nil, err
		}
	}
	e := entry{item: x, owner: o.Owner, op: op}
	q.tailMu.Lock()
	if !q.closed && q.getters.len() == 0 && q.putters.len() == 0 {
		limit := len(q.items.buf)
		if q.maxsize > 0 {
			limit = q.maxsize
		}
		if q.items.tryPush(e, limit, &q.headSeen) {
			q.tailMu.Unlock()
			return nil, nil
		}
	}
	q.tailMu.Unlock()
	q.lock()
	if q.closed {
		q.unlock()
		if handles {
			q.reg.ReleaseItem(x)
		}
		return nil, q.errClosed()
	}
	// Gets wait only while the queue is empty: hand the item over.
	for q.getters.len() > 0 {
		r := q.getters.pop()
		if r.w.claim() {
			q.unlock()
			r.w.finish(x, nil, r.idx)
			return nil, nil
		}
	}
	if !q.fullLocked() {
		q.items.push(e)
		q.unlock()
		return nil, nil
	}
	if !block {
		q.unlock()
		if handles {
			q.reg.ReleaseItem(x)
		}
		return nil, ErrFull
	}
	w := newWaiter(&q.waiters)
	w.q, w.pend = q, e
	q.putters.push(w)
	q.unlock()
	return w, nil
}

// withdrawPut drops a cancelled put: its item is the canceller's to
// release, whoever popped the waiter meanwhile.
func (q *Queue) withdrawPut(w *Waiter) {
	q.lock()
	q.putters.remove(func(p *Waiter) bool { return p == w })
	q.unlock()
	q.reg.ReleaseItem(w.pend.item)
	w.pend = entry{}
}

// admitLocked moves waiting puts into the room there is.
func (q *Queue) admitLocked() {
	for q.putters.len() > 0 && !q.fullLocked() {
		w := q.putters.pop()
		if !w.claim() {
			continue // cancelled: withdrawPut releases its item
		}
		q.items.push(w.pend)
		w.pend = entry{}
		w.finish(Item{}, nil, 0)
	}
}

// Get takes the next item, waiting for one until ctx is done. An item
// whose interpreter was destroyed comes back as the UNBOUND marker
// (UnboundReplace) or as ErrInterpreterDestroyed (UnboundError). Once
// the queue is closed and empty, Get fails with ErrClosed. An item with
// handles brings the references that kept their objects alive; drop
// them with Registry.ReleaseItem when done.
func (q *Queue) Get(ctx context.Context) (Item, error) {
	x, w, err := q.StartGet()
	if w == nil {
		return x, err
	}
	x, err = w.Wait(ctx)
	w.Release()
	return x, err
}

// GetNowait takes the next item if there is one, and fails with
// ErrEmpty otherwise.
func (q *Queue) GetNowait() (Item, error) {
	x, ok, err := q.tryGet()
	if !ok {
		q.lock()
		x, ok, err = q.takeLocked()
		q.unlock()
	}
	if !ok {
		return Item{}, ErrEmpty
	}
	return x, err
}

// StartGet takes the next item if there is one (it returns a nil
// Waiter), and otherwise returns a Waiter that completes with the next
// item put.
func (q *Queue) StartGet() (Item, *Waiter, error) {
	if x, ok, err := q.tryGet(); ok {
		return x, nil, err
	}
	return q.startGetLocked()
}

// startGetLocked is StartGet past the one-side path, apart so that the
// path every get takes keeps a small frame.
func (q *Queue) startGetLocked() (Item, *Waiter, error) {
	q.lock()
	if x, ok, err := q.takeLocked(); ok {
		q.unlock()
		return x, nil, err
	}
	w := newWaiter(&q.waiters)
	w.single(q)
	q.getters.push(recvReg{w, 0})
	q.unlock()
	return Item{}, w, nil
}

// tryGet takes the front item holding only the get side's lock, when
// there is one and no put waits for the room it frees.
func (q *Queue) tryGet() (x Item, ok bool, err error) {
	q.headMu.Lock()
	if q.putters.len() > 0 {
		q.headMu.Unlock()
		return Item{}, false, nil
	}
	e, ok := q.items.tryPop(&q.tailSeen)
	q.headMu.Unlock()
	if !ok {
		return Item{}, false, nil
	}
	x, err = e.outcome()
	return x, true, err
}

// takeLocked takes the front item; ok is false when there is none and
// the queue is open.
func (q *Queue) takeLocked() (x Item, ok bool, err error) {
	if q.items.len() == 0 {
		if q.closed {
			return Item{}, true, q.errClosed()
		}
		return Item{}, false, nil
	}
	e := q.items.pop()
	q.admitLocked()
	x, err = e.outcome()
	return x, true, err
}

// outcome is what a get of e returns.
func (e *entry) outcome() (Item, error) {
	if !e.unbound {
		return e.item, nil
	}
	if e.op == UnboundError {
		return Item{}, ErrInterpreterDestroyed
	}
	return unboundItem, nil
}

func (q *Queue) registerRecv(w *Waiter, idx int) {
	q.lock()
	defer q.unlock()
	if q.items.len() == 0 && !q.closed {
		q.getters.push(recvReg{w, idx})
		return
	}
	if !w.claim() {
		return // completed by another source meanwhile
	}
	x, _, err := q.takeLocked()
	w.finish(x, err, idx)
}

func (q *Queue) unregisterRecv(w *Waiter) {
	q.lock()
	q.getters.remove(func(r recvReg) bool { return r.w == w })
	q.unlock()
}

// Close makes later puts fail with ErrClosed, as well as the puts that
// wait for room; gets take what is left, then fail with ErrClosed.
// Closing a closed queue does nothing.
func (q *Queue) Close() {
	q.lock()
	if q.closed {
		q.unlock()
		return
	}
	q.closed = true
	getters := q.getters.drain()
	putters := q.putters.drain()
	var dropped []Item
	for _, w := range putters {
		if w.claim() {
			dropped = append(dropped, w.pend.item)
			w.pend = entry{}
			w.finish(Item{}, q.errClosed(), 0)
		}
	}
	for _, r := range getters {
		if r.w.claim() {
			r.w.finish(Item{}, q.errClosed(), r.idx)
		}
	}
	q.unlock()
	q.reg.releaseItems(dropped)
}

// free closes the queue and drops its items, when the last reference
// to it goes.
func (q *Queue) free() {
	q.freed.Store(true)
	q.Close()
	q.lock()
	dropped := q.items.clear()
	q.unlock()
	q.reg.releaseEntries(dropped)
}

// Freed reports whether the registry has let the queue go (its last
// reference was released): a lookup cached outside the registry must
// then ask the registry again.
func (q *Queue) Freed() bool { return q.freed.Load() }

// ReleaseInterpreter applies the UNBOUND rules to the items that
// interpreter id put: UnboundRemove drops them, UnboundError and
// UnboundReplace leave a marker in their place. It is called when the
// interpreter is destroyed.
func (q *Queue) ReleaseInterpreter(id int64) {
	q.lock()
	removed, dropped := q.items.unbind(id)
	if len(removed) > 0 {
		q.admitLocked()
	}
	q.unlock()
	q.reg.releaseItems(dropped)
	q.reg.releaseEntries(removed)
}
