package runtime

import "github.com/parallel-py/parallel/interp"

// Support for package pool, whose Shutdown must stop running tasks
// without arming a context per call (context.AfterFunc costs a call
// four allocations).

// Interrupt raises KeyboardInterrupt with message msg in the Exec,
// ExecFile or Call the interpreter is running, at its next eval-breaker
// check, as a cancelled context does, and reports whether one was
// running. The exception that escapes is a *PythonError with no Cause.
// If the code ends before the exception is raised, it stays pending
// and the next code run gets it: call ClearInterrupt once the
// interpreter is idle if it is to run more code.
func (it *Interpreter) Interrupt(msg string) bool {
	it.mu.Lock()
	defer it.mu.Unlock()
	if !it.running || it.closed {
		return false
	}
	// While running is set Close cannot run, so main stays put.
	it.main.SetAsyncExc(interp.ExcType("KeyboardInterrupt"), msg)
	return true
}

// ClearInterrupt drops an interrupt that Interrupt requested and the
// code did not raise before it ended. It does nothing while code runs
// (the interrupt is that code's) or once the interpreter is closed.
func (it *Interpreter) ClearInterrupt() {
	it.mu.Lock()
	defer it.mu.Unlock()
	if it.running || it.closed {
		return
	}
	it.main.ClearAsyncExc()
}
