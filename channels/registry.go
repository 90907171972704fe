package channels

import (
	"fmt"
	"sort"
	"sync"
)

// A Registry holds the queues and channels of one runtime by ID, and
// counts the references to each: the handles interpreters hold (counted
// per interpreter, so that destroying one drops what it held), the
// handles inside items on their way through a queue or channel, and
// Go's own. The last reference to go frees the object: it is closed, its
// items are dropped, and its ID names nothing any more. Queue IDs count
// from 1 and channel IDs from 0, as in CPython. Its methods are safe for
// concurrent use.
//
// Locking: the registry's lock is never held while taking a queue's or
// channel's, and freeing (which takes an object's lock) happens with no
// lock held; an object takes the registry's lock only to add references
// (which never frees).
type Registry struct {
	mu        sync.Mutex
	closed    bool
	nextQueue int64
	nextChan  int64
	queues    map[int64]*queueRef
	chans     map[int64]*chanRef
}

// refs counts the references to one object, by holder.
type refs struct {
	total int
	by    map[int64]int
}

type queueRef struct {
	q *Queue
	refs
}

type chanRef struct {
	ch *Channel
	refs
}

// transitOwner holds the references of the handles inside items that sit
// in a queue or channel.
const transitOwner int64 = -2

// NewRegistry makes an empty registry.
func NewRegistry() *Registry {
	return &Registry{nextQueue: 1, queues: map[int64]*queueRef{}, chans: map[int64]*chanRef{}}
}

func (r *refs) add(owner int64) {
	if r.by == nil {
		r.by = map[int64]int{}
	}
	r.by[owner]++
	r.total++
}

// drop removes one of owner's references (all of them if all is set)
// and reports whether none is left; false also when owner held none.
func (r *refs) drop(owner int64, all bool) (dropped, last bool) {
	n := r.by[owner]
	if n == 0 {
		return false, false
	}
	if all {
		r.total -= n
		delete(r.by, owner)
	} else if r.total--; n == 1 {
		delete(r.by, owner)
	} else {
		r.by[owner] = n - 1
	}
	return true, r.total == 0
}

// errRegistryClosed is the error of making objects in a closed registry.
var errRegistryClosed = fmt.Errorf("channels: registry %w", ErrClosed)

// NewQueue makes a queue with one reference, owner's (an interpreter ID,
// or GoOwner): drop it with Release when done.
func (r *Registry) NewQueue(owner int64, opts QueueOptions) (*Queue, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, errRegistryClosed
	}
	q, err := newQueue(r, r.nextQueue, opts)
	if err != nil {
		return nil, err
	}
	r.nextQueue++
	ref := &queueRef{q: q}
	ref.add(owner)
	r.queues[q.id] = ref
	return q, nil
}

// NewChannel makes a channel with one reference, owner's: drop it with
// Release (of either end's handle) when done.
func (r *Registry) NewChannel(owner int64, opts ChannelOptions) (*Channel, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, errRegistryClosed
	}
	ch, err := newChannel(r, r.nextChan, opts)
	if err != nil {
		return nil, err
	}
	r.nextChan++
	ref := &chanRef{ch: ch}
	ref.add(owner)
	r.chans[ch.id] = ref
	return ch, nil
}

// Queue returns the live queue with that ID, or ErrNotFound.
func (r *Registry) Queue(id int64) (*Queue, error) {
	r.mu.Lock()
	ref := r.queues[id]
	r.mu.Unlock()
	if ref == nil {
		return nil, idError("queue", id, ErrNotFound)
	}
	return ref.q, nil
}

// Channel returns the live channel with that ID, or ErrNotFound.
func (r *Registry) Channel(id int64) (*Channel, error) {
	r.mu.Lock()
	ref := r.chans[id]
	r.mu.Unlock()
	if ref == nil {
		return nil, idError("channel", id, ErrNotFound)
	}
	return ref.ch, nil
}

// Queues returns the live queues, by ID.
func (r *Registry) Queues() []*Queue {
	r.mu.Lock()
	qs := make([]*Queue, 0, len(r.queues))
	for _, ref := range r.queues {
		qs = append(qs, ref.q)
	}
	r.mu.Unlock()
	sort.Slice(qs, func(i, j int) bool { return qs[i].id < qs[j].id })
	return qs
}

// Channels returns the live channels that are not closed, by ID.
func (r *Registry) Channels() []*Channel {
	r.mu.Lock()
	cs := make([]*Channel, 0, len(r.chans))
	for _, ref := range r.chans {
		cs = append(cs, ref.ch)
	}
	r.mu.Unlock()
	sort.Slice(cs, func(i, j int) bool { return cs[i].id < cs[j].id })
	open := cs[:0]
	for _, ch := range cs {
		if !ch.Closed() {
			open = append(open, ch)
		}
	}
	return open
}

// refsOf finds the counts of the object h names; r.mu is held.
func (r *Registry) refsOf(h Handle) (*refs, error) {
	switch h.Kind {
	case HandleQueue:
		if ref := r.queues[h.ID]; ref != nil {
			return &ref.refs, nil
		}
		return nil, idError("queue", h.ID, ErrNotFound)
	case HandleRecv, HandleSend:
		if ref := r.chans[h.ID]; ref != nil {
			return &ref.refs, nil
		}
		return nil, idError("channel", h.ID, ErrNotFound)
	}
	return nil, fmt.Errorf("channels: handle kind %d is not counted: %w", h.Kind, ErrBadOption)
}

// Retain adds a reference of owner's to the object h names.
func (r *Registry) Retain(h Handle, owner int64) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	rs, err := r.refsOf(h)
	if err != nil {
		return err
	}
	rs.add(owner)
	return nil
}

// Release drops one of owner's references to the object h names; the
// last reference frees it. Releasing a reference owner does not hold
// does nothing.
func (r *Registry) Release(h Handle, owner int64) error {
	r.mu.Lock()
	rs, err := r.refsOf(h)
	if err != nil {
		r.mu.Unlock()
		return err
	}
	_, last := rs.drop(owner, false)
	var f freer
	if last {
		f = r.unlistLocked(h)
	}
	r.mu.Unlock()
	if f != nil {
		f.free()
	}
	return nil
}

// freer is an object to free once no lock is held.
type freer interface{ free() }

// unlistLocked takes the object h names out of the registry.
func (r *Registry) unlistLocked(h Handle) freer {
	if h.Kind == HandleQueue {
		ref := r.queues[h.ID]
		delete(r.queues, h.ID)
		return ref.q
	}
	ref := r.chans[h.ID]
	delete(r.chans, h.ID)
	return ref.ch
}

// retainItem adds the references of the handles in x for its stay in a
// queue or channel. A registry-less queue counts nothing.
func (r *Registry) retainItem(x Item) error {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	var err error
	var done []*refs
	x.handles(func(h Handle) {
		if err != nil {
			return
		}
		var rs *refs
		if rs, err = r.refsOf(h); err == nil {
			rs.add(transitOwner)
			done = append(done, rs)
		}
	})
	if err != nil {
		// Nothing was freed (the counts only went up): undo them.
		for _, rs := range done {
			rs.drop(transitOwner, false)
		}
	}
	return err
}

// ReleaseItem drops the references the handles in x brought out of a
// queue or channel (Queue.Get, RecvEnd.Recv): call it once the handles
// are bound elsewhere, or not wanted.
func (r *Registry) ReleaseItem(x Item) {
	if r == nil || !x.hasHandles() {
		return
	}
	var frees []freer
	r.mu.Lock()
	x.handles(func(h Handle) {
		if rs, err := r.refsOf(h); err == nil {
			if _, last := rs.drop(transitOwner, false); last {
				frees = append(frees, r.unlistLocked(h))
			}
		}
	})
	r.mu.Unlock()
	for _, f := range frees {
		f.free()
	}
}

func (r *Registry) releaseItems(xs []Item) {
	for _, x := range xs {
		r.ReleaseItem(x)
	}
}

// releaseEntries drops the items of entries taken out of a queue or
// channel.
func (r *Registry) releaseEntries(es []entry) {
	for _, e := range es {
		r.ReleaseItem(e.item)
	}
}

// ReleaseInterpreter is called when interpreter id is destroyed: every
// reference it held is dropped (freeing what only it held), the items it
// put follow their UNBOUND rules, and the channel ends it used are
// released.
func (r *Registry) ReleaseInterpreter(id int64) {
	r.mu.Lock()
	var frees []freer
	qs := make([]*Queue, 0, len(r.queues))
	for qid, ref := range r.queues {
		if _, last := ref.drop(id, true); last {
			frees = append(frees, r.unlistLocked(Handle{HandleQueue, qid}))
			continue
		}
		qs = append(qs, ref.q)
	}
	cs := make([]*Channel, 0, len(r.chans))
	for cid, ref := range r.chans {
		if _, last := ref.drop(id, true); last {
			frees = append(frees, r.unlistLocked(Handle{HandleRecv, cid}))
			continue
		}
		cs = append(cs, ref.ch)
	}
	r.mu.Unlock()
	for _, f := range frees {
		f.free()
	}
	for _, q := range qs {
		q.ReleaseInterpreter(id)
	}
	for _, ch := range cs {
		ch.ReleaseInterpreter(id)
	}
}

// Len is the number of live queues and channels (for leak checks).
func (r *Registry) Len() (queues, channels int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.queues), len(r.chans)
}

// Close frees every queue and channel (their waiters fail with
// ErrClosed) and makes no more.
func (r *Registry) Close() {
	r.mu.Lock()
	r.closed = true
	var frees []freer
	for id := range r.queues {
		frees = append(frees, r.unlistLocked(Handle{HandleQueue, id}))
	}
	for id := range r.chans {
		frees = append(frees, r.unlistLocked(Handle{HandleRecv, id}))
	}
	r.mu.Unlock()
	for _, f := range frees {
		f.free()
	}
}
