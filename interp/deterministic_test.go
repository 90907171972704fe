package interp

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// detRun runs src in a new interpreter under the deterministic
// scheduler with seed, and returns its output and trace hash.
func detRun(t *testing.T, src string, seed uint64) (string, uint64) {
	t.Helper()
	var stdout strings.Builder
	in := New(Options{Stdout: &stdout, Deterministic: &Deterministic{Seed: seed}})
	gv, _ := in.NewDict()
	err := in.ExecModule(compileForTest(t, src), asObject[Dict](gv))
	in.decRef(gv)
	if err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	in.Close()
	tr, ok := in.ScheduleTrace()
	if !ok || tr.Events == 0 || tr.Outside != 0 {
		t.Fatalf("trace %+v, ok %v", tr, ok)
	}
	return stdout.String(), tr.Hash
}

// racyCounter is two threads doing read-modify-write on a shared
// counter with a call in between, where a switch can come.
const racyCounter = `import _thread, sys
sys.setswitchinterval(%s)
counter = [0]
done = [_thread.allocate_lock(), _thread.allocate_lock()]
def nothing():
    pass
def work(k):
    for _ in range(200):
        v = counter[0]
        nothing()
        counter[0] = v + 1
    done[k].release()
for k in range(2):
    done[k].acquire()
    _thread.start_new_thread(work, (k,))
for k in range(2):
    done[k].acquire()
print(counter[0])
`

// TestDeterministicReplay: the same seed gives the same interleaving
// (the same lost updates, the same trace hash) every time; other seeds
// give other interleavings.
func TestDeterministicReplay(t *testing.T) {
	src := fmt.Sprintf(racyCounter, "1e-6")
	hashes := map[uint64]string{}
	for seed := uint64(1); seed <= 4; seed++ {
		out, h := detRun(t, src, seed)
		for range 2 {
			out2, h2 := detRun(t, src, seed)
			if out2 != out || h2 != h {
				t.Fatalf("seed %d: replay gave %q %x, first run %q %x", seed, out2, h2, out, h)
			}
		}
		hashes[h] = out
	}
	t.Logf("outputs by trace hash: %v", hashes)
	if len(hashes) < 2 {
		t.Errorf("four seeds gave %d trace hashes", len(hashes))
	}
	lost := false
	for _, out := range hashes {
		lost = lost || out != "400\n"
	}
	if !lost {
		t.Errorf("no seed lost an update with a 1µs switch interval: %v", hashes)
	}
}

// TestDeterministicLongQuantum: with the default switch interval the
// threads run their loops whole, as CPython's would, and nothing is
// lost.
func TestDeterministicLongQuantum(t *testing.T) {
	out, _ := detRun(t, fmt.Sprintf(racyCounter, "0.005"), 7)
	if out != "400\n" {
		t.Errorf("got %q", out)
	}
}

// TestDeterministicVirtualTime: a long timeout nobody ends passes on
// the virtual clock at once, and timeouts end in deadline order.
func TestDeterministicVirtualTime(t *testing.T) {
	src := `import _thread
order = []
done = _thread.allocate_lock()
done.acquire()
left = [3]
def waiter(n):
    l = _thread.allocate_lock()
    l.acquire()
    l.acquire(True, n)
    order.append(n)
    left[0] -= 1
    if left[0] == 0:
        done.release()
for n in (300, 100, 200):
    _thread.start_new_thread(waiter, (n,))
print(done.acquire(True, 3600), order)
`
	start := time.Now()
	out, _ := detRun(t, src, 3)
	if out != "True [100, 200, 300]\n" {
		t.Errorf("got %q", out)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("600 virtual seconds took %v of real time", d)
	}
}

// TestDeterministicCloseStopsThreads: Close ends spinning and waiting
// threads under the deterministic scheduler too, leaving no goroutine.
func TestDeterministicCloseStopsThreads(t *testing.T) {
	before := runtime.NumGoroutine()
	if out, _ := detRun(t, daemonThreadsProgram, 5); out != "6\n" {
		t.Errorf("stdout %q", out)
	}
	checkGoroutinesBack(t, before)
}
