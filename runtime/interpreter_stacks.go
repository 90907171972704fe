package runtime

import (
	"time"

	"github.com/parallel-py/parallel/interp/traceback"
)

// Stacks returns every thread's Python stack in the interpreter, read
// while the interpreter runs or waits (for a watchdog's report of a
// stuck program). ok is false when its GIL could not be had within
// timeout: a thread holds it without reaching a switch point.
func (it *Interpreter) Stacks(timeout time.Duration) (stacks string, ok bool) {
	it.mu.Lock()
	closed := it.closed
	it.mu.Unlock()
	if closed {
		return "", false
	}
	ok = it.in.Inspect(timeout, func() {
		stacks = it.in.ThreadStacks(traceback.DiskSource)
	})
	return stacks, ok
}
