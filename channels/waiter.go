package channels

import (
	"context"
	"sync"
	"sync/atomic"
)

// The states of a Waiter. Whoever moves it out of waitPending owns the
// outcome: a completer (a put for a blocked get, a get for a blocked
// put) writes it and then signals ready; a canceller withdraws the
// operation from the queue or channel it waits on.
const (
	waitPending int32 = iota
	waitDone
	waitCancelled
)

// A Waiter is a queue or channel operation that could not complete at
// once and waits to be completed by another goroutine: a get or receive
// waiting for an item, a put waiting for room, a send waiting to be
// received. The Start* methods return one for callers that wait in their
// own way (the runtime waits with an interpreter's GIL released, so that
// a signal can interrupt it). Wait until Ready fires, then read Result;
// or give up with Cancel. A Waiter is used by one goroutine.
type Waiter struct {
	ready chan struct{} // receives one signal when the outcome is written
	state atomic.Int32

	// The outcome, written by the completer before it signals.
	item Item
	err  error
	src  int // the index of the source that completed a Select

	// What Cancel withdraws: the sources a get is registered on, the
	// queue a put waits on, or the channel a send waits on.
	srcs []Source
	q    *Queue
	ch   *Channel
	// pend is the entry of a put waiting for room.
	pend entry

	one  [1]Source // backs srcs for a single source
	home *sync.Pool
}

// newWaiter takes a Waiter from pool (each queue and channel keeps one,
// so that a wait costs no allocation once warm), or makes one.
func newWaiter(pool *sync.Pool) *Waiter {
	if pool != nil {
		if w, ok := pool.Get().(*Waiter); ok {
			return w
		}
	}
	return &Waiter{ready: make(chan struct{}, 1), home: pool}
}

// Release gives a finished Waiter back for reuse: call it, optionally,
// once Result has been read after Ready fired or Cancel returned. The
// Waiter must not be used afterwards.
func (w *Waiter) Release() {
	if w.home == nil {
		return
	}
	// Everyone else is done with w: a completer lets go of it once it
	// has signalled, and a canceller has taken it out of every list.
	ready, home := w.ready, w.home
	*w = Waiter{ready: ready, home: home}
	home.Put(w)
}

// single points w's sources at s alone.
func (w *Waiter) single(s Source) {
	w.one[0] = s
	w.srcs = w.one[:]
}

// claim moves w from pending to done for a completer; false means
// another completer or a canceller got there first.
func (w *Waiter) claim() bool { return w.state.CompareAndSwap(waitPending, waitDone) }

// finish writes the outcome of a claimed waiter and wakes its goroutine.
func (w *Waiter) finish(item Item, err error, src int) {
	w.item, w.err, w.src = item, err, src
	w.ready <- struct{}{}
}

// Ready is signalled once, when the operation has completed and Result
// holds its outcome.
func (w *Waiter) Ready() <-chan struct{} { return w.ready }

// Result is the outcome, after Ready fired (or Cancel reported false):
// the item got (for a get or receive) and the operation's error.
func (w *Waiter) Result() (Item, error) { return w.item, w.err }

// Cancel withdraws the operation if it has not completed: it reports
// true when it did (the item of a put or send is not in the queue, a get
// took nothing), and false when the operation completed meanwhile, in
// which case Result holds the outcome, which the caller must honour (an
// item got must not be dropped). Call it only while Ready has not been
// received from.
func (w *Waiter) Cancel() bool {
	if w.ch != nil {
		// A send is withdrawn together with its entry, under the
		// channel's lock, so that no receiver takes the item of a send
		// that reports it was withdrawn.
		if w.ch.withdrawSend(w) {
			return true
		}
	} else if w.state.CompareAndSwap(waitPending, waitCancelled) {
		if w.q != nil {
			w.q.withdrawPut(w)
		}
		for _, s := range w.srcs {
			s.unregisterRecv(w)
		}
		return true
	}
	<-w.ready
	return false
}

// Wait waits for the operation, until ctx is done.
func (w *Waiter) Wait(ctx context.Context) (Item, error) {
	select {
	case <-w.ready:
		w.cleanup()
		return w.item, w.err
	case <-ctx.Done():
	}
	if w.Cancel() {
		return Item{}, ctx.Err()
	}
	w.cleanup()
	return w.item, w.err
}

// cleanup withdraws a completed Select's registrations from the sources
// that did not complete it, so that they do not pile up.
func (w *Waiter) cleanup() {
	if len(w.srcs) > 1 {
		for i, s := range w.srcs {
			if i != w.src {
				s.unregisterRecv(w)
			}
		}
	}
}

// A Source is something Select can receive from: a *Queue, a RecvEnd,
// or a *Channel (received from as Go).
type Source interface {
	// registerRecv completes w at once (taking an item, or the error
	// that the source is closed) if it can, and otherwise registers
	// it to be completed by the next item. idx is w's index for this
	// source.
	registerRecv(w *Waiter, idx int)
	// unregisterRecv drops w's registration, if it is still there.
	unregisterRecv(w *Waiter)
}

// Select waits until one of srcs has an item and takes it: it returns
// the index of that source and the item, or the source's error (a
// closed queue, a closed channel) as soon as one fails. Sources are
// tried in order, so an earlier one wins when several are ready. With
// no sources it waits for ctx.
func Select(ctx context.Context, srcs ...Source) (int, Item, error) {
	if len(srcs) == 0 {
		<-ctx.Done()
		return -1, Item{}, ctx.Err()
	}
	w := newWaiter(nil)
	w.srcs = srcs
	for i, s := range srcs {
		s.registerRecv(w, i)
		if w.state.Load() != waitPending {
			break // completed: registering on the rest would only be undone
		}
	}
	it, err := w.Wait(ctx)
	if w.state.Load() == waitCancelled {
		return -1, it, err
	}
	return w.src, it, err
}

// recvReg is a get waiting on a source, with its index in a Select.
type recvReg struct {
	w   *Waiter
	idx int
}

// waitList is a FIFO of waiting operations.
type waitList[T any] struct {
	items []T
	head  int
}

func (l *waitList[T]) len() int { return len(l.items) - l.head }

func (l *waitList[T]) push(x T) {
	if l.head > 0 && l.head == len(l.items) {
		clear(l.items)
		l.items, l.head = l.items[:0], 0
	}
	l.items = append(l.items, x)
}

func (l *waitList[T]) pop() T {
	x := l.items[l.head]
	var zero T
	l.items[l.head] = zero
	l.head++
	return x
}

// remove drops the first element match accepts, if any.
func (l *waitList[T]) remove(match func(T) bool) bool {
	for i := l.head; i < len(l.items); i++ {
		if match(l.items[i]) {
			copy(l.items[i:], l.items[i+1:])
			var zero T
			l.items[len(l.items)-1] = zero
			l.items = l.items[:len(l.items)-1]
			return true
		}
	}
	return false
}

// drain returns and empties the list.
func (l *waitList[T]) drain() []T {
	xs := append([]T(nil), l.items[l.head:]...)
	clear(l.items)
	l.items, l.head = l.items[:0], 0
	return xs
}
