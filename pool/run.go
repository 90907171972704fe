package pool

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parallel-py/parallel/runtime"
)

// testHookBeforeCall, when set by a test, runs just before each task's
// call, on the goroutine that runs it: a panic there stands for a bug
// in Go code while a worker is lent out.
var testHookBeforeCall func(fn string)

// Call runs fn(args...) on a worker and returns its result, with
// arguments and result converted as runtime.Interpreter.Call converts
// them. fn is a function the setup code defined, a built-in, or a
// dotted path ("json.dumps", "obj.method"). Call waits for an idle
// worker in the queue; ctx cancels the wait, or the call itself with
// KeyboardInterrupt inside the interpreter. A Python exception is a
// *runtime.PythonError with its traceback; see WorkerError and
// TimeoutError for the pool's own failures.
func (p *Pool) Call(ctx context.Context, fn string, args ...any) (any, error) {
	start := p.stats.submit()
	if err := ctx.Err(); err != nil {
		p.stats.end(start, err)
		return nil, err
	}
	if err := checkName(fn); err != nil {
		p.stats.end(start, err)
		return nil, err
	}
	t := syncTasks.Get().(*task)
	t.ctx, t.fn, t.enq = ctx, fn, start
	w, queued, err := p.acquire(t)
	if queued {
		w, err = p.awaitWorker(t)
	}
	// t is needed no longer: recycle it, clearing what it refers to.
	*t = task{ready: t.ready}
	syncTasks.Put(t)
	if err != nil {
		if queued {
			p.stats.end(start, err)
		} else {
			p.stats.refuse(start, err)
		}
		return nil, err
	}
	v, err, why := p.runTask(w, ctx, fn, args, start)
	if why != "" {
		w.jobs <- job{why: why}
	} else if f := p.handOff(w); f != nil {
		w.jobs <- job{f: f}
	}
	return v, err
}

// awaitWorker waits for the worker handOff lends to a queued
// synchronous task, or for its context to end.
func (p *Pool) awaitWorker(t *task) (*worker, error) {
	if t.ctx.Done() == nil {
		// A plain receive is cheaper than a select.
		<-t.ready
		return t.w, t.failErr
	}
	select {
	case <-t.ready:
	case <-t.ctx.Done():
		p.mu.Lock()
		if t.queued {
			p.unqueue(t)
			p.checkDrained()
			p.mu.Unlock()
			return nil, t.ctx.Err()
		}
		p.mu.Unlock()
		// It was handed a worker, or failed, as the context ended: the
		// signal is in the channel already.
		<-t.ready
		if t.w != nil {
			// Its call returns the context's error at once, and the
			// worker goes on to the next task.
			return t.w, nil
		}
	}
	return t.w, t.failErr
}

// job is what a worker's holder passes to the worker's goroutine along
// with the worker: a submitted task to run, or a restart to do (why).
type job struct {
	f   *Future
	why string
}

// loop is worker w's goroutine, for the work that must not hold up a
// caller: submitted tasks, and restarts. It lives as long as the pool,
// so its stack, grown once to the interpreter's depth, is not grown
// again for every task (a goroutine per task spent a third of its time
// in runtime.newstack). It waits while w is idle or lent to a caller.
func (p *Pool) loop(w *worker) {
	defer p.wg.Done()
	for j := range w.jobs {
		p.serve(w, j.f, j.why)
	}
}

// serve restarts w first if why says so (f is then nil), then runs f
// and the submitted tasks that come next in the queue, until the queue
// has none for it.
func (p *Pool) serve(w *worker, f *Future, why string) {
	for {
		if why != "" {
			if !p.restart(w, why) {
				return
			}
			why = ""
		}
		if f == nil {
			if f = p.handOff(w); f == nil {
				return
			}
		}
		var v any
		var err error
		v, err, why = p.runTask(w, f.t.ctx, f.t.fn, f.t.args, f.t.enq)
		p.complete(f, v, err)
		f = nil
	}
}

// runTask runs one task on w, which the caller holds, and classifies
// the outcome: why is non-empty when w must be restarted before it
// runs anything else.
func (p *Pool) runTask(w *worker, ctx context.Context, fn string, args []any, start time.Duration) (v any, err error, why string) {
	// The call's context is the caller's, with the pool's task timeout.
	// A Shutdown out of time interrupts the call directly (see
	// interruptAll), which costs nothing per call.
	callCtx := ctx
	if p.cfg.TaskTimeout > 0 {
		var cancel context.CancelFunc
		callCtx, cancel = context.WithTimeout(ctx, p.cfg.TaskTimeout)
		defer cancel()
	}
	p.stats.running.Add(1)
	v, err, panicked := call(w.it, callCtx, fn, args)
	p.stats.running.Add(-1)
	p.stats.perWorker[w.id].Add(1)
	w.fresh++
	if err != nil {
		err, why = p.classify(w, ctx, fn, err, panicked)
	}
	if why == "" && p.cfg.RecycleAfter > 0 && w.fresh >= p.cfg.RecycleAfter {
		why = fmt.Sprintf("recycled after %d tasks", w.fresh)
	}
	p.stats.end(start, err)
	if err != nil && !isCancel(err) {
		p.report(fn, err)
	}
	return v, err, why
}

// call is it.Call with a Go panic (in the pool's code or a test's hook)
// caught.
func call(it *runtime.Interpreter, ctx context.Context, fn string, args []any) (v any, err error, panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			v, err, panicked = nil, fmt.Errorf("Go panic: %v", r), true
		}
	}()
	if testHookBeforeCall != nil {
		testHookBeforeCall(fn)
	}
	v, err = it.Call(ctx, fn, args...)
	return v, err, false
}

// classify turns the error of a task's call into the one its caller
// gets, and says whether (and why) the worker must be replaced.
func (p *Pool) classify(w *worker, ctx context.Context, fn string, err error, panicked bool) (error, string) {
	var (
		pe   *runtime.PythonError
		exit *runtime.ExitError
		conv *runtime.ConversionError
	)
	switch {
	case panicked:
		return &WorkerError{Worker: w.id, Func: fn, Reason: "Go code panicked", Err: err}, "Go panic"
	case errors.As(err, &exit):
		return &WorkerError{Worker: w.id, Func: fn, Reason: "the task raised SystemExit", Err: err}, "SystemExit"
	case errors.As(err, &pe):
		if pe.Cause != nil || pe.Type == "KeyboardInterrupt" && p.kill.Err() != nil {
			return p.cancelled(ctx, fn, err), ""
		}
		if pe.Type == "MemoryError" {
			// The heap is at its limit: start afresh rather than
			// failing every task that follows.
			return err, "MemoryError"
		}
		return err, ""
	case errors.As(err, &conv):
		return err, ""
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return p.cancelled(ctx, fn, err), ""
	}
	// The interpreter was closed under the pool, or broke.
	return &WorkerError{Worker: w.id, Func: fn, Reason: "its interpreter failed", Err: err}, "interpreter failed"
}

// cancelled says who stopped a task: its caller's context (err as it
// is), the pool's TaskTimeout, or a Shutdown out of time.
func (p *Pool) cancelled(ctx context.Context, fn string, err error) error {
	switch {
	case ctx.Err() != nil:
		return err
	case p.kill.Err() != nil:
		return fmt.Errorf("%w: task %s interrupted by Shutdown: %w", ErrClosed, fn, err)
	case p.cfg.TaskTimeout > 0:
		return &TimeoutError{Func: fn, Timeout: p.cfg.TaskTimeout, Err: err}
	}
	return err
}

// restart replaces w's interpreter by a fresh one with the setup code
// run, trying a few times; false means w is dead for good.
func (p *Pool) restart(w *worker, why string) bool {
	p.stats.recycles.Add(1)
	w.recycles.Add(1)
	if old := w.it; old != nil {
		w.it = nil
		w.cur.Store(nil)
		old.ClearInterrupt() // one Shutdown sent too late for the task
		if err := old.Close(); err != nil {
			p.report("", fmt.Errorf("pool: closing worker %d (%s): %w", w.id, why, err))
		}
	}
	var err error
	for attempt := range 3 {
		if p.kill.Err() != nil {
			err = ErrClosed
			break
		}
		var it *runtime.Interpreter
		if it, err = p.startInterp(p.kill, w.id); err == nil {
			w.setInterp(it)
			return true
		}
		select {
		case <-time.After(time.Duration(attempt+1) * 10 * time.Millisecond):
		case <-p.kill.Done():
		}
	}
	p.bury(w, err)
	return false
}

// isCancel reports whether err means the task was stopped from outside
// rather than failed: those are not OnError's business.
func isCancel(err error) bool {
	var te *TimeoutError
	if errors.As(err, &te) {
		return false
	}
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrQueueFull) || errors.Is(err, ErrClosed)
}
