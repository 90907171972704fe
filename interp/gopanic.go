package interp

import (
	"fmt"
	"runtime/debug"
)

// A Go panic inside the interpreter (a bug in a builtin, a broken
// invariant) must not take the process down: it becomes SystemError in
// the Python program, with the Go stack in its message when the
// interpreter runs in debug mode (Options.Debug).

// callGo calls a Go implementation of a builtin, turning a panic into
// SystemError.
func (in *Interp) callGo(fn func(in *Interp, args []Value, kwnames []Value) (Value, error), args []Value, kwnames []Value) (r Value, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = Value{}, in.goPanic(p)
		}
	}()
	return fn(in, args, kwnames)
}

// goPanic makes the SystemError for a recovered panic.
func (in *Interp) goPanic(p any) error {
	msg := fmt.Sprintf("Go panic in the interpreter: %v", p)
	if in.debug {
		msg += "\n" + string(debug.Stack())
	}
	return in.raise(systemErrorType, "%s", msg)
}
