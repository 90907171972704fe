package runtime

import (
	"context"
	"strings"
	"testing"
	"time"
)

// Stacks reads where a running interpreter's threads are: here its main
// thread waits in join while a second thread waits on a lock, which is
// the shape of a deadlock a watchdog must describe.
func TestInterpreterStacks(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	mustExec(t, it, `
import threading
lock = threading.Lock()
def waiter():
    with lock:
        pass
def main_wait():
    lock.acquire()
    th = threading.Thread(target=waiter)
    th.start()
    th.join()
`)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { _, err := it.Call(ctx, "main_wait"); done <- err }()
	var stacks string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		s, ok := it.Stacks(time.Second)
		// Wait for both to settle: the main thread passes through
		// Thread.start's own wait before it reaches join.
		if ok && strings.Count(s, "in waiter") == 1 && strings.Contains(s, "in main_wait") && strings.Contains(s, "in join") {
			stacks = s
			break
		}
	}
	cancel()
	if err := <-done; err == nil {
		t.Fatal("the blocked call returned without error after its cancellation")
	}
	if stacks == "" {
		t.Fatal("Stacks never showed both threads waiting")
	}
	for _, want := range []string{"Main thread 1:", "Thread 2:", "in main_wait", "in join", "in waiter"} {
		if !strings.Contains(stacks, want) {
			t.Errorf("stacks lack %q:\n%s", want, stacks)
		}
	}
	mustExec(t, it, "lock.release()")
}
