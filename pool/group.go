package pool

import (
	"context"
	"sync"
)

// A Group is a set of tasks that succeed or fail together, like
// golang.org/x/sync/errgroup: the first task to fail cancels the
// group's context, which interrupts the others (queued or running), and
// Wait returns that first error. Make one with Pool.NewGroup.
type Group struct {
	p      *Pool
	ctx    context.Context
	cancel context.CancelCauseFunc

	wg   sync.WaitGroup
	once sync.Once
	err  error
}

// NewGroup returns an empty group whose tasks run under a context
// derived from ctx.
func (p *Pool) NewGroup(ctx context.Context) *Group {
	gctx, cancel := context.WithCancelCause(ctx)
	return &Group{p: p, ctx: gctx, cancel: cancel}
}

// Context returns the group's context, cancelled by its first failure
// or when Wait returns: Go code working beside the group's tasks can
// watch it.
func (g *Group) Context() context.Context { return g.ctx }

// Go starts fn(args...) as Pool.Submit does, in the group.
func (g *Group) Go(fn string, args ...any) *Future {
	g.wg.Add(1)
	return g.p.submit(g.ctx, fn, args, g)
}

// taskDone records a task's end: the first error cancels the rest.
func (g *Group) taskDone(err error) {
	if err != nil {
		g.once.Do(func() {
			g.err = err
			g.cancel(err)
		})
	}
	g.wg.Done()
}

// Wait waits for every task started with Go, then returns the first
// error among them (nil if all succeeded) and cancels the group's
// context.
func (g *Group) Wait() error {
	g.wg.Wait()
	g.cancel(nil)
	return g.err
}
