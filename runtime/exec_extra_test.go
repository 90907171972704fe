package runtime

import (
	"context"
	"errors"
	"testing"
)

// eval called from Go, with no Python frame running, says what it needs
// as CPython does instead of failing with SystemError.
func TestCallEvalWithoutFrame(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	mustExec(t, it, "x = 1")
	_, err := it.Call(context.Background(), "eval", "x")
	var pe *PythonError
	if !errors.As(err, &pe) || pe.Type != "TypeError" || pe.Message != "eval must be given globals and locals when called without a frame" {
		t.Fatalf("got %v", err)
	}
	if got, err := it.Call(context.Background(), "eval", "x + 1", map[string]any{"x": 41}); err != nil || got != int64(42) {
		t.Fatalf("eval with globals: %v, %v", got, err)
	}
}
