package channels

import (
	"context"
	"fmt"
	"sync"
)

// ChannelOptions configure a new Channel.
type ChannelOptions struct {
	// Unbound is the op for items whose send did not name one
	// (default UnboundReplace).
	Unbound UnboundOp
}

// chanState is a channel's life: open, closing (sends are refused and
// receives drain what is left, then it is closed), closed.
type chanState uint8

const (
	chanOpen chanState = iota
	chanClosing
	chanClosed
)

// endState is an interpreter's use of one end of a channel.
type endState uint8

const (
	endUnused endState = iota
	endOpen
	endReleased
)

type endPair struct{ send, recv endState }

// A Channel carries items from its send end to its receive end with PEP
// 554's semantics (as CPython 3.12's _xxinterpchannels and 3.13's
// _interpchannels implement it): Send waits until the item is received,
// SendNowait does not; receives wait for an item. Each interpreter that
// uses an end is associated with it until it releases it; using an end
// released here fails with ErrReleased, and once no interpreter has an
// end open the channel closes. Close closes it for everyone. The
// methods are on its ends, SendEnd and RecvEnd, which say on whose
// behalf they act. Its methods are safe for concurrent use.
type Channel struct {
	id  int64
	reg *Registry // nil for a channel made by NewChannel
	op  UnboundOp

	mu        sync.Mutex
	state     chanState
	items     ring
	receivers waitList[recvReg]
	ends      map[int64]*endPair
	nsend     int // ends open, over all interpreters
	nrecv     int

	waiters sync.Pool
}

// NewChannel makes a channel that belongs to no Registry (its ID is 0).
func NewChannel(opts ChannelOptions) (*Channel, error) { return newChannel(nil, 0, opts) }

func newChannel(reg *Registry, id int64, opts ChannelOptions) (*Channel, error) {
	op, err := defaultOp(opts.Unbound, "channel")
	if err != nil {
		return nil, err
	}
	return &Channel{id: id, reg: reg, op: op, ends: map[int64]*endPair{}}, nil
}

// ID is the channel's ID in its Registry.
func (ch *Channel) ID() int64 { return ch.id }

// UnboundOp is the channel's default unbound op.
func (ch *Channel) UnboundOp() UnboundOp { return ch.op }

// Len is the number of items sent and not yet received.
func (ch *Channel) Len() int {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	return ch.items.len()
}

// Closed reports whether the channel is closed.
func (ch *Channel) Closed() bool {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	return ch.state == chanClosed
}

// Closing reports whether the send end is closed while items are left
// to receive.
func (ch *Channel) Closing() bool {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	return ch.state == chanClosing
}

// SendEnd is the channel's sending end as interpreter owner (GoOwner
// for Go code) uses it.
func (ch *Channel) SendEnd(owner int64) SendEnd { return SendEnd{ch, owner} }

// RecvEnd is the channel's receiving end as interpreter owner uses it.
func (ch *Channel) RecvEnd(owner int64) RecvEnd { return RecvEnd{ch, owner} }

// Close closes the channel for every interpreter: at once if it is
// empty or force is set (dropping its items; waiting sends fail with
// ErrClosed), and otherwise it fails with ErrNotEmpty. Closing a closed
// channel fails with ErrClosed.
func (ch *Channel) Close(force bool) error { return ch.close(false, false, force) }

func (ch *Channel) errf(err error) error { return idError("channel", ch.id, err) }

// end returns owner's ends, made on first use.
func (ch *Channel) end(owner int64) *endPair {
	e := ch.ends[owner]
	if e == nil {
		e = &endPair{}
		ch.ends[owner] = e
	}
	return e
}

// useLocked checks that owner may use an end (send or receive) and
// associates it.
func (ch *Channel) useLocked(owner int64, send bool) error {
	if ch.state == chanClosed || (send && ch.state == chanClosing) {
		return ch.errf(ErrClosed)
	}
	e := ch.end(owner)
	st, n := &e.recv, &ch.nrecv
	if send {
		st, n = &e.send, &ch.nsend
	}
	switch *st {
	case endReleased:
		return ch.errf(ErrReleased)
	case endUnused:
		*st = endOpen
		*n++
	}
	return nil
}

// SendOptions qualify one send.
type SendOptions struct {
	// Unbound is the item's op (UnboundDefault: the channel's).
	Unbound UnboundOp
}

// startSend sends x: handed to a waiting receiver (received), queued, or
// queued with a Waiter that completes when it is received (wait).
func (ch *Channel) startSend(owner int64, x Item, o SendOptions, wait bool) (w *Waiter, received bool, err error) {
	if x.kind == KindUnbound {
		return nil, false, fmt.Errorf("channels: send: the UNBOUND marker cannot be sent: %w", ErrBadOption)
	}
	if !o.Unbound.valid(true) {
		return nil, false, fmt.Errorf("channels: send: unbound op %d: %w", o.Unbound, ErrBadOption)
	}
	op := o.Unbound
	if op == UnboundDefault {
		op = ch.op
	}
	handles := x.hasHandles()
	if handles {
		if err := ch.reg.retainItem(x); err != nil {
			return nil, false, err
		}
	}
	ch.mu.Lock()
	if err := ch.useLocked(owner, true); err != nil {
		ch.mu.Unlock()
		if handles {
			ch.reg.ReleaseItem(x)
		}
		return nil, false, err
	}
	for ch.receivers.len() > 0 {
		r := ch.receivers.pop()
		if r.w.claim() {
			ch.mu.Unlock()
			r.w.finish(x, nil, r.idx)
			return nil, true, nil
		}
	}
	e := entry{item: x, owner: owner, op: op}
	if wait {
		w = newWaiter(&ch.waiters)
		w.ch = ch
		e.sender = w
	}
	ch.items.push(e)
	ch.mu.Unlock()
	return w, false, nil
}

// withdrawSend takes a waiting send's item back out, unless a receiver
// took it (or a close dropped it) first.
func (ch *Channel) withdrawSend(w *Waiter) bool {
	ch.mu.Lock()
	if !w.state.CompareAndSwap(waitPending, waitCancelled) {
		ch.mu.Unlock()
		return false
	}
	removed := ch.items.removeIf(func(e *entry) bool { return e.sender == w })
	ch.mu.Unlock()
	ch.reg.releaseEntries(removed)
	return true
}

// takeLocked receives the front item; ok is false when there is none and
// the channel is open.
func (ch *Channel) takeLocked() (x Item, ok bool, err error) {
	if ch.items.len() == 0 {
		return Item{}, false, nil
	}
	e := ch.items.pop()
	if e.sender != nil && e.sender.claim() {
		e.sender.finish(Item{}, nil, 0)
	}
	if ch.state == chanClosing && ch.items.len() == 0 {
		ch.closeLocked() // drained: nothing to drop
	}
	x, err = e.outcome()
	return x, true, err
}

// startRecv receives the front item, or registers a Waiter for the next.
func (ch *Channel) startRecv(owner int64, wait bool) (Item, *Waiter, error) {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	if err := ch.useLocked(owner, false); err != nil {
		return Item{}, nil, err
	}
	if x, ok, err := ch.takeLocked(); ok {
		return x, nil, err
	}
	if !wait {
		return Item{}, nil, ErrEmpty
	}
	w := newWaiter(&ch.waiters)
	w.single(ch) // only unregisterRecv is used: no owner needed
	ch.receivers.push(recvReg{w, 0})
	return Item{}, w, nil
}

// closeLocked closes the channel: its items are dropped (returned, for
// their handles to be released), and every waiting send and receive
// fails with ErrClosed.
func (ch *Channel) closeLocked() []entry {
	ch.state = chanClosed
	dropped := ch.items.clear()
	for _, e := range dropped {
		if e.sender != nil && e.sender.claim() {
			e.sender.finish(Item{}, ch.errf(ErrClosed), 0)
		}
	}
	for _, r := range ch.receivers.drain() {
		if r.w.claim() {
			r.w.finish(Item{}, ch.errf(ErrClosed), r.idx)
		}
	}
	return dropped
}

// close is CPython's channel_close(cid, send=, recv=, force=): an empty
// channel, or any with force, closes at once; otherwise closing just the
// send end lets the receivers drain it first, and closing the receive
// end (or the whole channel) fails with ErrNotEmpty.
func (ch *Channel) close(send, recv, force bool) error {
	ch.mu.Lock()
	var dropped []entry
	switch {
	case ch.state == chanClosed:
		ch.mu.Unlock()
		return ch.errf(ErrClosed)
	case ch.items.len() == 0 || force:
		dropped = ch.closeLocked()
	case recv || !send:
		ch.mu.Unlock()
		return ch.errf(ErrNotEmpty)
	default:
		ch.state = chanClosing
	}
	ch.mu.Unlock()
	ch.reg.releaseEntries(dropped)
	return nil
}

// release marks owner's ends released; once no interpreter has an end
// open, the channel closes (dropping what it holds, as CPython does).
func (ch *Channel) release(owner int64, send, recv bool) error {
	ch.mu.Lock()
	if ch.state == chanClosed {
		ch.mu.Unlock()
		return ch.errf(ErrClosed)
	}
	e := ch.end(owner)
	if send {
		if e.send == endOpen {
			ch.nsend--
		}
		e.send = endReleased
	}
	if recv {
		if e.recv == endOpen {
			ch.nrecv--
		}
		e.recv = endReleased
	}
	var dropped []entry
	if ch.nsend == 0 && ch.nrecv == 0 {
		dropped = ch.closeLocked()
	}
	ch.mu.Unlock()
	ch.reg.releaseEntries(dropped)
	return nil
}

// ReleaseInterpreter is called when interpreter id is destroyed: the
// items it sent follow their UNBOUND rules, and the ends it used are
// released (which closes the channel when it was the last user).
func (ch *Channel) ReleaseInterpreter(id int64) {
	ch.mu.Lock()
	removed, dropped := ch.items.unbind(id)
	for _, e := range removed {
		if e.sender != nil && e.sender.claim() {
			e.sender.finish(Item{}, ch.errf(ErrClosed), 0)
		}
	}
	_, used := ch.ends[id]
	ch.mu.Unlock()
	ch.reg.releaseItems(dropped)
	ch.reg.releaseEntries(removed)
	if used {
		_ = ch.release(id, true, true) // a closed channel has nothing to release
	}
}

// free closes the channel when the last reference to it goes.
func (ch *Channel) free() {
	ch.mu.Lock()
	var dropped []entry
	if ch.state != chanClosed {
		dropped = ch.closeLocked()
	}
	ch.mu.Unlock()
	ch.reg.releaseEntries(dropped)
}

// A *Channel is a Source too: Select receives from it as Go code
// (GoOwner) does.
var _ Source = (*Channel)(nil)

func (ch *Channel) registerRecv(w *Waiter, idx int) { ch.registerRecvAs(w, idx, GoOwner) }

func (ch *Channel) registerRecvAs(w *Waiter, idx int, owner int64) {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	err := ch.useLocked(owner, false)
	if err == nil && ch.items.len() == 0 {
		ch.receivers.push(recvReg{w, idx})
		return
	}
	if !w.claim() {
		return
	}
	var x Item
	if err == nil {
		x, _, err = ch.takeLocked()
	}
	w.finish(x, err, idx)
}

func (ch *Channel) unregisterRecv(w *Waiter) {
	ch.mu.Lock()
	ch.receivers.remove(func(r recvReg) bool { return r.w == w })
	ch.mu.Unlock()
}

// A SendEnd is a channel's sending end used on behalf of one
// interpreter (or Go).
type SendEnd struct {
	ch    *Channel
	owner int64
}

// Channel is the end's channel.
func (s SendEnd) Channel() *Channel { return s.ch }

// Handle names the end in an item.
func (s SendEnd) Handle() Handle { return Handle{Kind: HandleSend, ID: s.ch.id} }

// Send sends x and waits until it is received, until ctx is done (then
// the item is taken back: no receiver gets it).
func (s SendEnd) Send(ctx context.Context, x Item) error {
	return s.SendWith(ctx, x, SendOptions{})
}

// SendWith is Send with options.
func (s SendEnd) SendWith(ctx context.Context, x Item, o SendOptions) error {
	w, _, err := s.ch.startSend(s.owner, x, o, true)
	if w == nil || err != nil {
		return err
	}
	_, err = w.Wait(ctx)
	w.Release()
	return err
}

// SendNowait sends x without waiting for it to be received; it reports
// whether a waiting receiver took it at once.
func (s SendEnd) SendNowait(x Item, o SendOptions) (received bool, err error) {
	_, received, err = s.ch.startSend(s.owner, x, o, false)
	return received, err
}

// StartSend sends x and returns a Waiter that completes when it is
// received, or nil if a waiting receiver took it at once.
func (s SendEnd) StartSend(x Item, o SendOptions) (*Waiter, error) {
	w, _, err := s.ch.startSend(s.owner, x, o, true)
	return w, err
}

// Release releases this end for its interpreter: using it there fails
// with ErrReleased from now on.
func (s SendEnd) Release() error { return s.ch.release(s.owner, true, false) }

// Close closes the send end for everyone: an empty channel (or any, with
// force) closes at once; otherwise receivers drain what is left, then it
// closes.
func (s SendEnd) Close(force bool) error { return s.ch.close(true, false, force) }

// A RecvEnd is a channel's receiving end used on behalf of one
// interpreter (or Go). It is a Source for Select.
type RecvEnd struct {
	ch    *Channel
	owner int64
}

// Channel is the end's channel.
func (r RecvEnd) Channel() *Channel { return r.ch }

// Handle names the end in an item.
func (r RecvEnd) Handle() Handle { return Handle{Kind: HandleRecv, ID: r.ch.id} }

// Recv receives the next item, waiting for one until ctx is done. An
// item whose interpreter was destroyed comes back as the UNBOUND marker
// or ErrInterpreterDestroyed, as for Queue.Get; handles in it bring
// references to drop with Registry.ReleaseItem.
func (r RecvEnd) Recv(ctx context.Context) (Item, error) {
	x, w, err := r.ch.startRecv(r.owner, true)
	if w == nil {
		return x, err
	}
	x, err = w.Wait(ctx)
	w.Release()
	return x, err
}

// RecvNowait receives the next item, or fails with ErrEmpty.
func (r RecvEnd) RecvNowait() (Item, error) {
	x, _, err := r.ch.startRecv(r.owner, false)
	return x, err
}

// StartRecv receives the next item if there is one (with a nil Waiter),
// and otherwise returns a Waiter that completes with the next item sent.
func (r RecvEnd) StartRecv() (Item, *Waiter, error) { return r.ch.startRecv(r.owner, true) }

// Release releases this end for its interpreter.
func (r RecvEnd) Release() error { return r.ch.release(r.owner, false, true) }

// Close closes the channel for everyone if it is empty (or force is set,
// dropping its items), and fails with ErrNotEmpty otherwise.
func (r RecvEnd) Close(force bool) error { return r.ch.close(false, true, force) }

func (r RecvEnd) registerRecv(w *Waiter, idx int) { r.ch.registerRecvAs(w, idx, r.owner) }
func (r RecvEnd) unregisterRecv(w *Waiter)        { r.ch.unregisterRecv(w) }
