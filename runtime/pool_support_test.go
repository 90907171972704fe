package runtime

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestInterrupt(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	if it.Interrupt("idle") {
		t.Error("Interrupt of an idle interpreter reported a running call")
	}
	it.ClearInterrupt() // nothing pending: no effect
	done := make(chan error)
	go func() {
		done <- it.Exec(context.Background(), "try:\n    while True: pass\nfinally:\n    stopped = True\n")
	}()
	for !it.Interrupt("stop now") {
		time.Sleep(time.Millisecond)
	}
	err := <-done
	var pe *PythonError
	if !errors.As(err, &pe) || pe.Type != "KeyboardInterrupt" || pe.Message != "stop now" || pe.Cause != nil {
		t.Fatalf("interrupted Exec: %#v", err)
	}
	// The finally block ran, and the interpreter runs on.
	if err := it.Exec(context.Background(), "assert stopped"); err != nil {
		t.Errorf("after the interrupt: %v", err)
	}
	it.Close()
	if it.Interrupt("closed") {
		t.Error("Interrupt of a closed interpreter reported a running call")
	}
	it.ClearInterrupt()
}
