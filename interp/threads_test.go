package interp

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Threads of one interpreter: _thread's locks and threads against
// CPython, then what CPython cannot check for us: fairness of the GIL,
// asynchronous exceptions and the end of daemon threads at Close. The
// programs use _thread alone: package interp's tests run without the
// standard library.
var threadPrograms = map[string]string{
	"lock handoff": `import _thread
done = _thread.allocate_lock()
done.acquire()
out = []
def worker(n, lock):
    for i in range(n):
        with lock:
            out.append(i)
    done.release()
lock = _thread.allocate_lock()
_thread.start_new_thread(worker, (100, lock))
done.acquire()
print(len(out), sum(out), lock.locked())
`,
	"many threads share a counter": `import _thread
counter = [0]
lock = _thread.allocate_lock()
finished = _thread.allocate_lock()
left = [8]
finished.acquire()
def work():
    for _ in range(500):
        with lock:
            counter[0] += 1
    with lock:
        left[0] -= 1
        if left[0] == 0:
            finished.release()
for _ in range(8):
    _thread.start_new_thread(work, ())
finished.acquire()
print(counter[0])
`,
	"idents differ": `import _thread
main = _thread.get_ident()
seen = []
done = _thread.allocate_lock()
done.acquire()
def f():
    seen.append(_thread.get_ident())
    done.release()
_thread.start_new_thread(f, ())
done.acquire()
print(seen[0] != main, type(seen[0]).__name__)
`,
	"acquire timeouts": `import _thread
l = _thread.allocate_lock()
print(l.acquire(), l.acquire(False), l.acquire(timeout=0.01), l.acquire(True, 0))
l.release()
print(l.locked())
for bad in [dict(blocking=False, timeout=1), dict(timeout=-2)]:
    try:
        l.acquire(**bad)
    except ValueError as e:
        print(e)
try:
    l.release()
except RuntimeError as e:
    print(e)
`,
	"rlock owner": `import _thread
r = _thread.RLock()
r.acquire(); r.acquire()
print(r._is_owned(), r._recursion_count())
state = r._release_save()
print(state[0], r._is_owned())
r._acquire_restore(state)
print(r._recursion_count())
res = []
done = _thread.allocate_lock()
done.acquire()
def other():
    try:
        r.release()
    except RuntimeError as e:
        res.append(str(e))
    res.append(r.acquire(False))
    done.release()
_thread.start_new_thread(other, ())
done.acquire()
print(res)
r.release(); r.release()
print(r._is_owned())
`,
	"bad start_new_thread": `import _thread
for args in [(1, ()), (print, [1]), (print, (), [])]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print(e)
`,
	"thread sees exceptions of its own": `import _thread, sys
done = _thread.allocate_lock()
done.acquire()
out = []
def f():
    out.append(sys.exception())
    try:
        raise KeyError(1)
    except KeyError:
        out.append(type(sys.exception()).__name__)
    done.release()
try:
    raise ValueError(2)
except ValueError:
    _thread.start_new_thread(f, ())
    done.acquire()
    out.append(type(sys.exception()).__name__)
print(out)
`,
}

func TestThreadPrograms(t *testing.T) { checkPrograms(t, threadPrograms) }

// TestGILFairness: two threads spinning in pure bytecode both run while
// the main thread waits ten switch intervals.
func TestGILFairness(t *testing.T) {
	src := `import _thread, sys
sys.setswitchinterval(0.001)
counts = [0, 0]
started = [False, False]
stop = [False]
def spin(i):
    started[i] = True
    while not stop[0]:
        counts[i] += 1
_thread.start_new_thread(spin, (0,))
_thread.start_new_thread(spin, (1,))
l = _thread.allocate_lock()
l.acquire()
while not (started[0] and started[1]):
    l.acquire(True, 0.001)
counts[0] = counts[1] = 0
l.acquire(True, 0.010)  # ten switch intervals
snapshot = counts[:]
stop[0] = True
print(snapshot)
`
	out, err, in, _ := runForTest(t, src)
	if err != nil {
		t.Fatal(err)
	}
	in.Close()
	var a, b int
	if _, err := fmt.Sscanf(out, "[%d, %d]", &a, &b); err != nil {
		t.Fatalf("output %q: %v", out, err)
	}
	if a == 0 || b == 0 {
		t.Errorf("a thread made no progress in ten switch intervals: %v", out)
	}
}

// TestAsyncExc: another goroutine stops a busy loop; its finally runs.
func TestAsyncExc(t *testing.T) {
	var stdout strings.Builder
	in := New(Options{Stdout: &stdout})
	main := in.MainThread()
	main.Release()
	errc := make(chan error, 1)
	go func() {
		main.Acquire()
		gv, _ := in.NewDict()
		err := in.ExecModule(compileForTest(t, "try:\n    while True: pass\nfinally:\n    print('finally ran')\n"), asObject[Dict](gv))
		in.decRef(gv)
		main.Release()
		errc <- err
	}()
	time.Sleep(10 * time.Millisecond)
	main.SetAsyncExc(exceptionTypes["KeyboardInterrupt"], "stop now")
	select {
	case err := <-errc:
		main.Acquire()
		defer in.Close()
		if !ErrorIs(err, exceptionTypes["KeyboardInterrupt"]) {
			t.Fatalf("got %v, want KeyboardInterrupt", err)
		}
		if msg := in.exceptionLine(err.(*Exception)); msg != "KeyboardInterrupt: stop now" {
			t.Errorf("exception line %q", msg)
		}
		in.decRef(valueOf(err.(*Exception)))
		if got := stdout.String(); got != "finally ran\n" {
			t.Errorf("stdout %q", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the loop was not interrupted")
	}
}

// TestCloseStopsDaemonThreads: threads still running at Close, spinning
// or waiting, end with it; no goroutine is left behind.
func TestCloseStopsDaemonThreads(t *testing.T) {
	before := runtime.NumGoroutine()
	out, err, in, _ := runForTest(t, daemonThreadsProgram)
	if err != nil {
		t.Fatal(err)
	}
	if out != "6\n" {
		t.Errorf("stdout %q", out)
	}
	in.Close()
	checkGoroutinesBack(t, before)
}

// daemonThreadsProgram leaves three threads spinning and three waiting
// for a lock nobody releases, and prints how many there are (6).
const daemonThreadsProgram = `import _thread
def spin():
    while True:
        pass
def wait():
    l = _thread.allocate_lock()
    l.acquire()
    l.acquire()
for _ in range(3):
    _thread.start_new_thread(spin, ())
    _thread.start_new_thread(wait, ())
_thread.allocate_lock().acquire(True, 0.01)
print(_thread._count())
`

// checkGoroutinesBack fails t unless the goroutine count comes back to
// before within 5 seconds (goroutines that end do so asynchronously).
func checkGoroutinesBack(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines before, %d after Close", before, n)
	}
}
