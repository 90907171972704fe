package runtime

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// TestThreadsUnderCancellation runs interpreters whose threads share
// locks and queues, cancelled at assorted moments, on fewer slots than
// interpreters: every call ends, with success or the context's error.
func TestThreadsUnderCancellation(t *testing.T) {
	rt := newRuntime(t, Options{Slots: 2, SwitchInterval: time.Millisecond})
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			it, err := rt.NewInterpreter(InterpreterOptions{})
			if err != nil {
				t.Error(err)
				return
			}
			for round := 0; round < 5; round++ {
				ctx, cancel := context.WithTimeout(context.Background(), time.Duration(5+(i*7+round*3)%40)*time.Millisecond)
				err := it.Exec(ctx, `
import threading, time, queue
q = queue.Queue()
lock = threading.Lock()
total = 0
def worker(n):
    global total
    for k in range(2000):
        with lock:
            total += 1
        if k % 500 == 0:
            time.sleep(0.001)
    q.put(n)
ts = [threading.Thread(target=worker, args=(j,), daemon=(j % 2 == 0)) for j in range(3)]
for th in ts: th.start()
for th in ts: th.join()
res = sorted(q.get() for _ in range(3))
`)
				cancel()
				// An interrupt may land anywhere, even where threading's
				// own code does not expect one (as Ctrl-C in CPython),
				// so any exception may come back: but with the cause.
				if err != nil && !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("interpreter %d, round %d: %v", i, round, err)
				}
			}
			if err := it.Close(); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

// TestCloseStopsDaemonThreads closes interpreters whose daemon threads
// spin, sleep and wait on a lock: Close stops them all (TestMain's
// goleak check sees no goroutine left).
func TestCloseStopsDaemonThreads(t *testing.T) {
	rt := newRuntime(t, Options{Slots: 2, SwitchInterval: time.Millisecond})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			it, err := rt.NewInterpreter(InterpreterOptions{})
			if err != nil {
				t.Error(err)
				return
			}
			if err := it.Exec(context.Background(), `
import threading, time
def spin():
    while True: pass
def sleeper():
    while True: time.sleep(0.01)
lk = threading.Lock(); lk.acquire()
for f in (spin, sleeper, lk.acquire):
    threading.Thread(target=f, daemon=True).start()
`); err != nil {
				t.Error(err)
			}
			if err := it.Close(); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

// A thread blocked reading a pipe lets the interpreter's other threads
// run: the main thread computes and then writes what the reader waits
// for (holding the GIL through the read deadlocked).
func TestBlockingFileReadReleasesGIL(t *testing.T) {
	got := runPython(t, `
import os, threading, time
r, w = os.pipe()
rf = os.fdopen(r, 'rb', buffering=0)
got = []
t = threading.Thread(target=lambda: got.append(rf.read(5)))
t.start()
time.sleep(0.02)
n = sum(range(1000))
os.write(w, b"hello")
t.join()
rf.close()
os.close(w)
print(got, n)
`)
	if got != "[b'hello'] 499500\n" {
		t.Fatalf("got %q", got)
	}
}

// sys._current_frames() maps each thread to its innermost frame; the
// expected output is CPython 3.12's for the same program.
func TestCurrentFrames(t *testing.T) {
	got := runPython(t, `
import sys, threading, time, traceback
lock = threading.Lock()
lock.acquire()
started = threading.Event()
def worker():
    started.set()
    with lock:
        pass
t = threading.Thread(target=worker)
t.start()
started.wait()
time.sleep(0.05)
frames = sys._current_frames()
print(len(frames), sorted(frames) == sorted([threading.main_thread().ident, t.ident]))
print(frames[threading.get_ident()].f_code.co_name)
print(frames[t.ident].f_code.co_name, frames[t.ident].f_lineno)
print([fs.name for fs in traceback.extract_stack(frames[t.ident])][-2:])
lock.release()
t.join()
print(len(sys._current_frames()))
`)
	if want := "2 True\n<module>\nworker 8\n['run', 'worker']\n1\n"; got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
}
