package modules_test

import (
	"testing"

	"github.com/parallel-py/parallel/interp/stdlib"
)

// checkQueuePrograms compares each program's results with CPython's,
// with the standard library on the path (threading, queue, weakref).
func checkQueuePrograms(t *testing.T, programs map[string]string) {
	t.Helper()
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	for name, src := range programs {
		t.Run(name, func(t *testing.T) {
			want, wantExc := cpython(t, src)
			got, gotExc := runWithStdlib(t, lib.Dir, src)
			if got != want || gotExc != wantExc {
				t.Errorf("got:\n%s%s\nCPython 3.12:\n%s%s", got, gotExc, want, wantExc)
			}
		})
	}
}

// Tests of the _queue module: SimpleQueue's single-thread semantics and
// messages, and producers and consumers on several threads.

func TestQueueSimple(t *testing.T) {
	checkQueuePrograms(t, map[string]string{
		"module": `
import _queue, queue
print(sorted(k for k in _queue.__dict__ if not k.startswith('__')))
print(_queue.__doc__)
print(_queue.Empty, _queue.Empty.__mro__, _queue.Empty.__module__, _queue.Empty.__doc__)
print(_queue.SimpleQueue.__module__, _queue.SimpleQueue.__qualname__, _queue.SimpleQueue.__doc__)
print(queue.SimpleQueue is _queue.SimpleQueue, queue.Empty is _queue.Empty)
print(_queue.SimpleQueue[int], _queue.SimpleQueue.__class_getitem__(str))
print(issubclass(_queue.Empty, Exception), repr(_queue.Empty()), str(_queue.Empty('x')))
`,
		"fifo": `
import _queue
q = _queue.SimpleQueue()
print(q.empty(), q.qsize())
for i in range(100):
    q.put(i)
q.put_nowait('x')
q.put(item='y')
q.put('z', False, -5)
q.put('w', block=True, timeout='anything')
print(q.empty(), q.qsize())
out = []
while not q.empty():
    out.append(q.get())
print(out)
# interleaved puts and gets wrap the ring buffer around
for i in range(1000):
    q.put(i)
    q.put(-i)
    q.get()
print(q.qsize(), q.get(), q.get_nowait(), q.get(False), q.get(True, 0), q.get(timeout=1.5))
while q.qsize() > 3:
    q.get()
print([q.get() for _ in range(3)], q.empty())
`,
		"empty": `
import _queue
q = _queue.SimpleQueue()
for f in [q.get_nowait, lambda: q.get(False), lambda: q.get(True, 0), lambda: q.get(timeout=0.01),
          lambda: q.get(block=0, timeout=-1), lambda: q.get(timeout=-1e-10), lambda: q.get_nowait(x=1)]:
    try:
        f()
    except _queue.Empty as e:
        print('Empty', repr(e), e.args)
`,
		"timeouts": `
import _queue
q = _queue.SimpleQueue()
for i in range(30):
    q.put(i)
class I:
    def __index__(self): return 2
    def __repr__(self): return 'I()'
class F(float): pass
for t in [1e300, 1e10, 9.3e9, 9.2e9, 2**63, 2**63-1, 10**20, -10**20, 9223372036, 9223372037, -9223372037,
          -0.0, True, 1.5, -1e-12, -1e-9, -1e-10, -1, float('inf'), float('-inf'), float('nan'),
          'a', None, 3+0j, [1], I(), F(2.5), F(-1)]:
    try:
        print(repr(t), q.get(True, t))
    except Exception as e:
        print(repr(t), type(e).__name__, e)
class B:
    def __bool__(self): raise RuntimeError('boo')
for b in [[], 0, '', None, 1.5]:
    print(repr(b), q.get(b))
for f in [lambda: q.get(B(), -1), lambda: q.put(1, B(), 'a')]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(q.get(False, 'a'), q.get(block=False, timeout=-3))
`,
		"args": `
import _queue
q = _queue.SimpleQueue()
for f in [lambda: q.get_nowait(1, 2), lambda: q.qsize(x=1), lambda: q.empty(x=1), lambda: q.empty(1),
          lambda: q.qsize(1), lambda: _queue.SimpleQueue.get_nowait(1),
          lambda: _queue.SimpleQueue.qsize(1), lambda: _queue.SimpleQueue.put(1, 2),
          lambda: q.put(1, block=1, item=2), lambda: q.put(block=1), lambda: q.put(),
          lambda: q.put(1, 2, 3, 4), lambda: q.put(1, bad=1), lambda: q.get(bad=1), lambda: q.get(1, 2, 3),
          lambda: _queue.SimpleQueue.__class_getitem__(), lambda: _queue.SimpleQueue(1),
          lambda: _queue.SimpleQueue(x=2), lambda: _queue.SimpleQueue(1, x=2), lambda: q.put_nowait(1, 2),
          lambda: q.put_nowait(1, block=2), lambda: q.put_nowait(), lambda: q.get(1, 2, x=3)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(q.qsize())
`,
		"subclass": `
import _queue, weakref, pickle, gc
class S(_queue.SimpleQueue):
    def __init__(self, x):
        self.x = x
s = S(5)
s.put(s)
print(s.x, s.qsize(), s.get() is s, type(s).__name__)
class T(_queue.SimpleQueue):
    pass
try:
    T(1)
except TypeError as e:
    print(e)
t = T()
t.y = 2
print(t.y, isinstance(t, _queue.SimpleQueue))
q = _queue.SimpleQueue()
try:
    q.x = 1
except AttributeError as e:
    print(e)
r = weakref.ref(q)
print(r() is q)
hash(q)
try:
    pickle.dumps(q)
except TypeError as e:
    print(e)
# a queue holding itself is garbage once unreachable
q.put(q)
q.put([q, s])
del q
gc.collect()
print(r())
s.put(s)
del s
gc.collect()
print('done')
`,
	})
}

func TestQueueThreads(t *testing.T) {
	checkQueuePrograms(t, map[string]string{
		"producers_consumers": `
import _queue, threading
q = _queue.SimpleQueue()
results = _queue.SimpleQueue()
STOP = object()
def producer(base):
    for i in range(200):
        q.put(base + i)
def consumer():
    got = []
    while True:
        item = q.get()
        if item is STOP:
            break
        got.append(item)
    results.put(got)
producers = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(4)]
consumers = [threading.Thread(target=consumer) for _ in range(3)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(STOP)
for t in consumers:
    t.join()
all_items = []
while not results.empty():
    got = results.get()
    # each consumer sees each producer's items in the order they were put
    for k in range(4):
        mine = [x for x in got if x // 1000 == k]
        assert mine == sorted(mine)
    all_items.extend(got)
print(len(all_items), sorted(all_items) == sorted(k * 1000 + i for k in range(4) for i in range(200)))
print(q.empty(), q.qsize())
`,
		"blocking_get": `
import _queue, threading
q = _queue.SimpleQueue()
back = _queue.SimpleQueue()
def worker():
    while True:
        x = q.get()
        if x is None:
            return
        back.put(x * x)
ts = [threading.Thread(target=worker) for _ in range(4)]
for t in ts:
    t.start()
for i in range(50):
    q.put(i)
    back.get()  # a round trip through a waiting thread
for i in range(50):
    q.put(i)
print(sorted(back.get(timeout=10) for _ in range(50)))
for t in ts:
    q.put(None)
for t in ts:
    t.join()
print(q.qsize(), back.qsize())
`,
		"timeout_in_thread": `
import _queue, threading
q = _queue.SimpleQueue()
out = []
def waiter():
    try:
        q.get(timeout=0.02)
    except _queue.Empty:
        out.append('empty')
    out.append(q.get(timeout=30))
t = threading.Thread(target=waiter)
t.start()
while not out:
    threading.Event().wait(0.001)
q.put('late')
t.join()
print(out)
`,
	})
}

// TestQueueHandOffOrder checks that put hands each item to the
// longest-waiting getter. CPython does not promise this order, so the
// expected output is ours alone. A long switch interval keeps each
// getter running until it parks in get, so they queue up in order.
func TestQueueHandOffOrder(t *testing.T) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	const src = `
import _queue, sys, threading
sys.setswitchinterval(10)
q = _queue.SimpleQueue()
got = []
def getter(i):
    ready.set()
    got.append((i, q.get()))
threads = []
for i in range(5):
    ready = threading.Event()
    t = threading.Thread(target=getter, args=(i,))
    t.start()
    ready.wait()
    threads.append(t)
for x in 'abcde':
    q.put(x)
for t in threads:
    t.join()
print(sorted(got))
`
	got, exc := runWithStdlib(t, lib.Dir, src)
	if want := "[(0, 'a'), (1, 'b'), (2, 'c'), (3, 'd'), (4, 'e')]\n"; got != want || exc != "" {
		t.Errorf("got %q %s, want %q", got, exc, want)
	}
}
