package runtime

import (
	"errors"
	"fmt"
)

// ErrRunning is returned (wrapped) by Exec, ExecFile, Call and Close when
// the interpreter is already running code for another goroutine: an
// interpreter runs one call at a time.
var ErrRunning = errors.New("interpreter is running")

// ErrClosed is returned (wrapped) by the methods of an Interpreter or a
// Runtime that has been closed.
var ErrClosed = errors.New("closed")

// PythonError is an exception that escaped the Python code an
// Interpreter ran, or the SyntaxError compiling it raised. Use errors.As
// to get at it.
type PythonError struct {
	// Type is the exception's class as the last line of a traceback
	// names it: "ValueError" for built-in and __main__ classes,
	// "module.Name" for others.
	Type string
	// Message is str() of the exception.
	Message string
	// Traceback is the whole text CPython prints for the uncaught
	// exception, its chain included: "Traceback (most recent call
	// last):\n ...", ending with "Type: Message\n".
	Traceback string
	// Cause is why the interpreter raised the exception when the reason
	// lies outside Python: the context error (context.Canceled or
	// context.DeadlineExceeded) when the call's context was done.
	// Unwrap returns it, so errors.Is(err, context.Canceled) holds for
	// a cancelled call.
	Cause error
}

// Error returns the traceback's last line, "Type: Message", followed by
// the cause in parentheses unless the message already says it (as the
// KeyboardInterrupt of a cancelled call does).
func (e *PythonError) Error() string {
	s := e.Type
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.Cause != nil && e.Message != e.Cause.Error() {
		s += " (" + e.Cause.Error() + ")"
	}
	return s
}

// Unwrap returns Cause.
func (e *PythonError) Unwrap() error { return e.Cause }

// ExitError reports that code called sys.exit (raised SystemExit) with
// a non-zero status.
type ExitError struct {
	// Code is the exit status CPython's process would end with: the
	// int given to sys.exit (modulo 256), or 1 for a non-int argument,
	// whose str() has been written to the interpreter's stderr.
	Code int
}

// Error names the exit status.
func (e *ExitError) Error() string { return fmt.Sprintf("exit status %d", e.Code) }

// ConversionError reports a value that has no counterpart on the other
// side of the Go/Python boundary.
type ConversionError struct {
	// GoType is the Go type that cannot go to Python ("chan int"), or
	// "" when a Python value cannot come back.
	GoType string
	// PyType is the Python type that cannot come back to Go ("set"),
	// or "" when a Go value cannot go to Python.
	PyType string
	// Reason says why, when the type alone does not (a dict key that
	// is not a str, a structure that nests too deeply).
	Reason string
}

// Error describes the value.
func (e *ConversionError) Error() string {
	var s string
	if e.GoType != "" {
		s = "cannot convert Go value of type " + e.GoType + " to Python"
	} else {
		s = "cannot convert Python " + e.PyType + " object to Go"
	}
	if e.Reason != "" {
		s += ": " + e.Reason
	}
	return s
}
