package pool

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// ErrClosed is returned (wrapped) by Call, Submit, Map and Group.Go once
// Close or Shutdown has begun, and by tasks still queued when Shutdown's
// context ends.
var ErrClosed = errors.New("pool: closed")

// ErrQueueFull is returned by Call and Submit when the queue holds
// Config.QueueSize tasks and Config.FailFast is set.
var ErrQueueFull = errors.New("pool: queue full")

// ErrNoWorkers is returned (wrapped, with the last restart error) when
// every worker has died and none could be restarted.
var ErrNoWorkers = errors.New("pool: no live workers")

// WorkerError reports that a task's worker broke: its interpreter was
// closed under it, the task raised SystemExit, or Go code panicked while
// running it. The worker has been replaced by a fresh interpreter (its
// setup code run again); the task itself did not finish.
type WorkerError struct {
	// Worker is the worker's slot number, 0 to Workers-1.
	Worker int
	// Func is the task's function name.
	Func string
	// Reason says what happened, in a few words.
	Reason string
	// Err is the underlying error (a *runtime.ExitError, a wrapped
	// runtime.ErrClosed, a panic's value), if any.
	Err error
}

// Error names the worker, the task and what happened to it.
func (e *WorkerError) Error() string {
	s := fmt.Sprintf("pool: worker %d died running %s: %s", e.Worker, e.Func, e.Reason)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s + " (the worker has been replaced)"
}

// Unwrap returns Err.
func (e *WorkerError) Unwrap() error { return e.Err }

// TimeoutError reports a task stopped because it ran longer than
// Config.TaskTimeout. Err is what the interpreter returned: a
// *runtime.PythonError (KeyboardInterrupt, with the traceback of where
// the task was) whose Cause is context.DeadlineExceeded.
type TimeoutError struct {
	// Func is the task's function name.
	Func string
	// Timeout is Config.TaskTimeout.
	Timeout time.Duration
	// Err is the interpreter's error.
	Err error
}

// Error names the task and the limit.
func (e *TimeoutError) Error() string {
	return fmt.Sprintf("pool: task %s timed out after %s: %v", e.Func, e.Timeout, e.Err)
}

// Unwrap returns Err, so errors.Is(err, context.DeadlineExceeded) holds.
func (e *TimeoutError) Unwrap() error { return e.Err }

// checkName reports a function name Call could never find: each dotted
// part must be a Python identifier. The pool checks before queueing,
// so a typo costs no worker time.
func checkName(fn string) error {
	if fn == "" {
		return errors.New("pool: empty function name")
	}
	for part := range strings.SplitSeq(fn, ".") {
		if !isIdentifier(part) {
			return fmt.Errorf("pool: bad function name %q: %q is not a Python identifier", fn, part)
		}
	}
	return nil
}

// isIdentifier approximates str.isidentifier: a letter or underscore,
// then letters, digits and underscores.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_', unicode.IsLetter(r):
		case i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Pc, r)):
		default:
			return false
		}
	}
	return true
}
