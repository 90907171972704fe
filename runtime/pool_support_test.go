package runtime

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/parallel-py/parallel/channels"
)

func TestInterrupt(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	if it.Interrupt("idle") {
		t.Error("Interrupt of an idle interpreter reported a running call")
	}
	it.ClearInterrupt() // nothing pending: no effect
	// The code tells the test through a queue that it is inside the try:
	// an interrupt that lands before the try (at the code's first
	// instruction, as on a slow race-detector run) rightly skips the
	// finally block, so the test must not send it that early.
	entered, err := rt.Channels().NewQueue(channels.GoOwner, channels.QueueOptions{MaxSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Channels().Release(entered.Handle(), channels.GoOwner)
	mustExec(t, it, "def spin(entered):\n    global stopped\n    try:\n        entered.put(1)\n        while True: pass\n    finally:\n        stopped = True\n")
	done := make(chan error)
	go func() {
		_, err := it.Call(context.Background(), "spin", entered.Handle())
		done <- err
	}()
	if _, err := entered.Get(context.Background()); err != nil {
		t.Fatal(err)
	}
	for !it.Interrupt("stop now") {
		time.Sleep(time.Millisecond)
	}
	err = <-done
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
