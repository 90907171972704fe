package pool

import (
	"context"
	"errors"
)

// A Future is the pending result of a task started with Submit or
// Group.Go.
type Future struct {
	t     task
	group *Group // the group it belongs to, if any

	done chan struct{} // closed when val and err are set
	val  any
	err  error
}

// Submit starts fn(args...) as Call does, without waiting for it: the
// task queues for a worker and the Future reports its outcome. ctx
// cancels the task, queued or running. A task the pool cannot take (the
// pool is closed, the queue is full under FailFast) gives a Future that
// has failed already; with a full queue and no FailFast, Submit waits
// for room.
func (p *Pool) Submit(ctx context.Context, fn string, args ...any) *Future {
	return p.submit(ctx, fn, args, nil)
}

func (p *Pool) submit(ctx context.Context, fn string, args []any, g *Group) *Future {
	f := &Future{group: g, done: make(chan struct{})}
	f.t = task{ctx: ctx, fn: fn, args: args, enq: p.stats.submit(), fut: f}
	if err := errors.Join(ctx.Err(), checkName(fn)); err != nil {
		p.stats.end(f.t.enq, err)
		p.complete(f, nil, err)
		return f
	}
	w, queued, err := p.acquire(&f.t)
	switch {
	case err != nil:
		p.stats.refuse(f.t.enq, err)
		p.complete(f, nil, err)
	case !queued:
		w.jobs <- job{f: f}
	}
	return f
}

// complete sets f's outcome and wakes its waiters.
func (p *Pool) complete(f *Future, v any, err error) {
	f.val, f.err = v, err
	// The task's references go, so a kept Future holds only its result.
	f.t.args, f.t.ctx, f.t.stopAfter = nil, nil, nil
	close(f.done)
	if f.group != nil {
		f.group.taskDone(err)
	}
}

// Done returns a channel closed when the task has finished.
func (f *Future) Done() <-chan struct{} { return f.done }

// Wait waits for the task to finish and returns its result and error,
// or ctx's error if ctx ends first (the task goes on: cancel the
// context given to Submit to stop it).
func (f *Future) Wait(ctx context.Context) (any, error) {
	select {
	case <-f.done:
		return f.val, f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Result waits for the task to finish and returns its result and
// error.
func (f *Future) Result() (any, error) {
	<-f.done
	return f.val, f.err
}

// Err returns the task's error once it has finished, and nil while it
// has not (as context.Context.Err does).
func (f *Future) Err() error {
	select {
	case <-f.done:
		return f.err
	default:
		return nil
	}
}
