package runtime

import (
	"time"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/traceback"
)

// Stacks returns every thread's Python stack in the interpreter, read
// while the interpreter runs or waits (for a watchdog's report of a
// stuck program). ok is false when its GIL could not be had within
// timeout: a thread holds it without reaching a switch point.
func (it *Interpreter) Stacks(timeout time.Duration) (stacks string, ok bool) {
	in := it.liveInterp()
	if in == nil {
		return "", false
	}
	ok = in.Inspect(timeout, func() {
		stacks = in.ThreadStacks(traceback.DiskSource)
	})
	return stacks, ok
}

// ForceSwitch asks the thread running Python in the interpreter to give
// up its GIL and run slot at its next switch point, as a waiter that has
// waited a switch interval would: stress tests inject it to shake out
// interleavings. Any goroutine may call it; it does nothing to an idle
// interpreter beyond one extra check.
func (it *Interpreter) ForceSwitch() {
	if in := it.liveInterp(); in != nil {
		in.RequestDrop()
	}
}

// ScheduleTrace returns the deterministic scheduler's trace (see
// InterpreterOptions.Deterministic), also after Close; ok is false for an
// interpreter without one. It is meaningful once the interpreter is idle
// or closed.
func (it *Interpreter) ScheduleTrace() (trace interp.ScheduleTrace, ok bool) {
	it.mu.Lock()
	defer it.mu.Unlock()
	if it.in == nil {
		return it.trace, it.traceOK
	}
	return it.in.ScheduleTrace()
}

// liveInterp returns the interpreter's interp.Interp, or nil once it is
// closed (or closing).
func (it *Interpreter) liveInterp() *interp.Interp {
	it.mu.Lock()
	defer it.mu.Unlock()
	if it.closed {
		return nil
	}
	return it.in
}
