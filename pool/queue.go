package pool

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// The queue: tasks wait for a worker in a FIFO list under p.mu. A
// worker that finishes a task takes the next one itself (handOff): a
// synchronous caller is woken with the worker lent to it, and a
// submitted task runs on the worker's own goroutine (loop), which goes
// on to the next queued task while there is one. So no goroutine sits
// between the queue and the workers, and Call needs no goroutine at
// all.

// task is one function call waiting for, or running on, a worker.
type task struct {
	ctx  context.Context
	fn   string
	args []any
	enq  time.Duration // when it was submitted, or untimed (see counters.submit)

	// Queue links and state, guarded by p.mu.
	prev, next *task
	queued     bool

	// For a synchronous call: ready receives once w (the worker lent)
	// or failErr has been set, under p.mu. Buffered, so the sender
	// never waits.
	ready   chan struct{}
	w       *worker
	failErr error

	// For a submitted task: its future, and the stop function of the
	// context hook that takes it out of the queue when ctx ends.
	fut       *Future
	stopAfter func() bool
}

// syncTasks recycles the tasks of synchronous calls, with their
// channels, so that a call allocates nothing of the pool's.
var syncTasks = sync.Pool{New: func() any { return &task{ready: make(chan struct{}, 1)} }}

// acquire finds t a worker: an idle one at once (returned), or a place
// in the queue (queued is true; the worker comes later through
// handOff). A full bounded queue makes it wait for room, or fail with
// ErrQueueFull under FailFast.
func (p *Pool) acquire(t *task) (w *worker, queued bool, err error) {
	p.mu.Lock()
	if w, err = p.takeIdle(); w != nil || err != nil {
		p.mu.Unlock()
		return w, false, err
	}
	if p.space != nil {
		select {
		case p.space <- struct{}{}:
		default:
			p.mu.Unlock()
			if p.cfg.FailFast {
				return nil, false, ErrQueueFull
			}
			if err := p.waitForRoom(t.ctx); err != nil {
				return nil, false, err
			}
			p.mu.Lock()
			// Things changed while it waited: a worker may be idle now.
			if w, err = p.takeIdle(); w != nil || err != nil {
				<-p.space
				p.mu.Unlock()
				return w, false, err
			}
		}
	}
	p.enqueue(t)
	p.mu.Unlock()
	return nil, true, nil
}

// takeIdle pops an idle worker (nil if there is none), or says why the
// pool takes no task. Called with p.mu held.
func (p *Pool) takeIdle() (*worker, error) {
	switch {
	case p.closed:
		return nil, ErrClosed
	case p.dead == len(p.workers):
		return nil, fmt.Errorf("%w: %w", ErrNoWorkers, p.lastDeath)
	}
	n := len(p.idle)
	if n == 0 {
		return nil, nil
	}
	w := p.idle[n-1]
	p.idle[n-1] = nil
	p.idle = p.idle[:n-1]
	p.busy++
	return w, nil
}

// waitForRoom takes a queue token, waiting for one.
func (p *Pool) waitForRoom(ctx context.Context) error {
	select {
	case p.space <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-p.closing:
		return ErrClosed
	}
}

// enqueue appends t to the queue; a submitted task whose context can
// end gets a hook that takes it out again. Called with p.mu held.
func (p *Pool) enqueue(t *task) {
	t.queued = true
	t.prev, t.next = p.tail, nil
	if p.tail == nil {
		p.head = t
	} else {
		p.tail.next = t
	}
	p.tail = t
	p.qlen++
	if t.fut != nil && t.ctx.Done() != nil {
		f := t.fut
		t.stopAfter = context.AfterFunc(t.ctx, func() { p.cancelQueued(f) })
	}
}

// unqueue takes t out of the queue and gives back its token. Called
// with p.mu held, t queued.
func (p *Pool) unqueue(t *task) {
	if t.prev == nil {
		p.head = t.next
	} else {
		t.prev.next = t.next
	}
	if t.next == nil {
		p.tail = t.prev
	} else {
		t.next.prev = t.prev
	}
	t.prev, t.next, t.queued = nil, nil, false
	p.qlen--
	if p.space != nil {
		<-p.space
	}
}

// cancelQueued fails a submitted task whose context ended while it
// waited in the queue.
func (p *Pool) cancelQueued(f *Future) {
	p.mu.Lock()
	if !f.t.queued {
		p.mu.Unlock()
		return // it has started, and its call sees the context itself
	}
	p.unqueue(&f.t)
	p.checkDrained()
	p.mu.Unlock()
	err := f.t.ctx.Err()
	p.stats.end(f.t.enq, err)
	p.complete(f, nil, err)
}

// handOff gives w to the next queued task. A synchronous caller is
// woken with it; a submitted task is returned, for the caller to run
// on w; with nothing queued w goes idle.
func (p *Pool) handOff(w *worker) *Future {
	p.mu.Lock()
	t := p.head
	if t == nil {
		p.idle = append(p.idle, w)
		p.busy--
		p.checkDrained()
		p.mu.Unlock()
		return nil
	}
	p.unqueue(t)
	if t.fut != nil {
		p.mu.Unlock()
		if t.stopAfter != nil {
			t.stopAfter()
		}
		return t.fut
	}
	t.w = w
	t.ready <- struct{}{}
	p.mu.Unlock()
	return nil
}

// failQueued fails every queued task with err.
func (p *Pool) failQueued(err error) {
	p.mu.Lock()
	var futs []*Future
	for p.head != nil {
		t := p.head
		p.unqueue(t)
		if t.fut != nil {
			futs = append(futs, t.fut)
			continue
		}
		t.failErr = err
		t.ready <- struct{}{}
	}
	p.checkDrained()
	p.mu.Unlock()
	for _, f := range futs {
		if f.t.stopAfter != nil {
			f.t.stopAfter()
		}
		p.stats.end(f.t.enq, err)
		p.complete(f, nil, err)
	}
}

// bury records that w could not be restarted. When it was the last
// live worker, the queued tasks fail: nothing would ever run them.
func (p *Pool) bury(w *worker, err error) {
	w.isDead.Store(true)
	if p.kill.Err() == nil {
		p.report("", fmt.Errorf("pool: worker %d could not be restarted: %w", w.id, err))
	}
	p.mu.Lock()
	p.dead++
	p.busy--
	p.lastDeath = err
	all := p.dead == len(p.workers)
	p.checkDrained()
	p.mu.Unlock()
	if all {
		p.failQueued(fmt.Errorf("%w: %w", ErrNoWorkers, err))
	}
}
