package pool

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parallel-py/parallel/runtime"
)

// A Pool runs Python functions for Go code on a fixed set of warm
// worker interpreters of one Runtime. Its methods are safe for
// concurrent use.
//
// Tasks are handed to idle workers in the order they arrive. A task
// called with Call runs on the caller's goroutine (the pool lends it an
// idle worker), so a synchronous call costs no goroutine switch when a
// worker is free; tasks from Submit run on the worker's own goroutine,
// which goes on to the next queued task.
type Pool struct {
	// Immutable after New.
	rt      *runtime.Runtime
	cfg     Config
	workers []*worker
	// space holds a token per queued task when the queue is bounded
	// (nil when it is not), so a full queue blocks senders.
	space chan struct{}
	// kill is cancelled (with ErrClosed) when Shutdown's context ends:
	// it interrupts running tasks and stops restarts.
	kill     context.Context
	killFn   context.CancelCauseFunc
	closing  chan struct{} // closed when Close or Shutdown begins
	drained  chan struct{} // closed once closing and nothing is left to run
	finished sync.Once     // the final teardown
	closeErr error         // what the teardown returned

	// Guarded by mu.
	mu         sync.Mutex
	idle       []*worker // a stack: the most recently used worker goes first
	head, tail *task     // the queue, in arrival order
	qlen       int
	busy       int  // workers running a task or restarting
	dead       int  // workers that could not be restarted
	closed     bool // closing has been closed
	isDrained  bool
	lastDeath  error // why the last dead worker died

	// wg counts the workers' goroutines.
	wg sync.WaitGroup

	stats counters
}

// worker is one slot of the pool: an interpreter, replaced when it
// breaks or is recycled, and its counters.
type worker struct {
	id int
	// jobs hands the worker to its goroutine (loop) with work to do.
	// One slot is enough: only the worker's holder sends, and it holds
	// the worker no more once it has sent.
	jobs chan job

	// it and fresh belong to whoever holds the worker (a task's
	// goroutine or a restart).
	it    *runtime.Interpreter
	fresh int // tasks since it was (re)started

	// cur is it, for Shutdown to interrupt from another goroutine.
	cur      atomic.Pointer[runtime.Interpreter]
	interp   atomic.Int64 // it.ID(), for Stats
	recycles atomic.Uint64
	isDead   atomic.Bool
}

// New starts a pool of cfg.Workers interpreters in rt, running the
// setup code in each (in parallel); ctx bounds only that start. A
// setup that fails (a Python exception, a missing SetupFile) fails New
// with that error, naming the worker, and no interpreter is left
// behind. The pool does not own rt: close the pool before the runtime.
func New(ctx context.Context, rt *runtime.Runtime, cfg Config) (*Pool, error) {
	if rt == nil {
		return nil, errors.New("pool: nil runtime")
	}
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	p := &Pool{
		rt:      rt,
		cfg:     cfg,
		workers: make([]*worker, cfg.Workers),
		closing: make(chan struct{}),
		drained: make(chan struct{}),
	}
	p.kill, p.killFn = context.WithCancelCause(context.Background())
	if cfg.QueueSize > 0 {
		p.space = make(chan struct{}, cfg.QueueSize)
	}
	p.stats.perWorker = make([]atomic.Uint64, cfg.Workers)
	errs := make([]error, cfg.Workers)
	var wg sync.WaitGroup
	for i := range p.workers {
		w := &worker{id: i, jobs: make(chan job, 1)}
		p.workers[i] = w
		wg.Add(1)
		go func() {
			defer wg.Done()
			it, err := p.startInterp(ctx, i)
			if err != nil {
				errs[i] = err
				return
			}
			w.setInterp(it)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			for _, w := range p.workers {
				if w.it != nil {
					w.it.Close()
				}
			}
			p.killFn(ErrClosed)
			return nil, err
		}
	}
	// The stack pops worker 0 first.
	for i := len(p.workers) - 1; i >= 0; i-- {
		p.idle = append(p.idle, p.workers[i])
	}
	for _, w := range p.workers {
		p.wg.Add(1)
		go p.loop(w)
	}
	return p, nil
}

// startInterp makes worker id's interpreter and runs the setup code in
// it.
func (p *Pool) startInterp(ctx context.Context, id int) (*runtime.Interpreter, error) {
	it, err := p.rt.NewInterpreter(runtime.InterpreterOptions{
		Name:        fmt.Sprintf("%s/worker-%d", p.cfg.Name, id),
		MemoryLimit: p.cfg.MemoryLimit,
		Stdout:      p.cfg.Stdout,
		Stderr:      p.cfg.Stderr,
		Path:        p.cfg.Path,
	})
	if err != nil {
		return nil, fmt.Errorf("pool: starting worker %d: %w", id, err)
	}
	if p.cfg.SetupFile != "" {
		err = it.ExecFile(ctx, p.cfg.SetupFile)
	}
	if err == nil && p.cfg.Setup != "" {
		err = it.Exec(ctx, p.cfg.Setup)
	}
	if err != nil {
		it.Close()
		return nil, fmt.Errorf("pool: setup of worker %d: %w", id, err)
	}
	return it, nil
}

func (w *worker) setInterp(it *runtime.Interpreter) {
	w.it, w.fresh = it, 0
	w.cur.Store(it)
	w.interp.Store(it.ID())
}

// Close stops the pool taking new tasks, waits for the queued and
// running ones to finish, and closes the workers' interpreters. It is
// Shutdown with a context that never ends.
func (p *Pool) Close() error {
	return p.Shutdown(context.Background())
}

// Shutdown stops the pool taking new tasks (they fail with ErrClosed)
// and waits for the queued and running ones to finish, then closes the
// workers' interpreters. If ctx ends first, the tasks still queued fail
// with ErrClosed, the running ones are interrupted (KeyboardInterrupt
// inside them, as for a cancelled context) and waited for, and Shutdown
// returns ctx's error. Calling it again, or after Close, waits for the
// first call's work and returns its teardown error.
func (p *Pool) Shutdown(ctx context.Context) error {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		close(p.closing)
		p.checkDrained()
	}
	p.mu.Unlock()
	var err error
	select {
	case <-p.drained:
	case <-ctx.Done():
		err = ctx.Err()
		p.killFn(ErrClosed)
		p.failQueued(fmt.Errorf("%w: the task was still queued when Shutdown's context ended", ErrClosed))
		p.interruptAll()
	}
	p.finished.Do(func() {
		// Drained: nobody holds a worker, so nobody sends on jobs.
		for _, w := range p.workers {
			close(w.jobs)
		}
		p.wg.Wait()
		p.killFn(ErrClosed)
		var errs []error
		for _, w := range p.workers {
			if w.it == nil {
				continue
			}
			w.cur.Store(nil)
			// An interrupt that came as a task was ending must not
			// hit the interpreter's finalization instead.
			w.it.ClearInterrupt()
			if cerr := w.it.Close(); cerr != nil {
				errs = append(errs, fmt.Errorf("pool: closing worker %d: %w", w.id, cerr))
			}
			w.it = nil
		}
		p.closeErr = errors.Join(errs...)
	})
	return errors.Join(err, p.closeErr)
}

// interruptAll interrupts the running tasks until none is left. It
// repeats itself because a task taken from the queue just before
// failQueued may not have started its call at the first round, and a
// task may catch KeyboardInterrupt.
func (p *Pool) interruptAll() {
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		for _, w := range p.workers {
			if it := w.cur.Load(); it != nil {
				it.Interrupt("pool shut down")
			}
		}
		select {
		case <-p.drained:
			return
		case <-tick.C:
		}
	}
}

// checkDrained closes drained once the pool is closing and no task is
// queued or running. Called with p.mu held.
func (p *Pool) checkDrained() {
	if p.closed && !p.isDrained && p.qlen == 0 && p.busy == 0 {
		p.isDrained = true
		close(p.drained)
	}
}

// report hands err to Config.OnError, if there is one, shielding the
// pool from its panics.
func (p *Pool) report(fn string, err error) {
	if p.cfg.OnError == nil {
		return
	}
	defer func() { _ = recover() }()
	p.cfg.OnError(fn, err)
}
