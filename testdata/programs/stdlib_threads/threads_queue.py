# queue: Queue with task_done/join, a bounded queue blocking producers,
# Full and Empty with timeouts, LifoQueue, PriorityQueue, SimpleQueue.
import queue
import threading

q = queue.Queue()
results = []
results_lock = threading.Lock()


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with results_lock:
            results.append(item * 2)
        q.task_done()


workers = [threading.Thread(target=worker) for _ in range(4)]
for w in workers:
    w.start()
for i in range(100):
    q.put(i)
q.join()
print("joined", len(results), sum(results))
for _ in workers:
    q.put(None)
for w in workers:
    w.join()
print(q.empty(), q.qsize(), q.unfinished_tasks)
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)

# a bounded queue: producers block until the consumer makes room
bq = queue.Queue(maxsize=2)
produced = []


def producer(base):
    for i in range(10):
        bq.put(base + i)
    produced.append(base)


ps = [threading.Thread(target=producer, args=(k * 100,)) for k in range(3)]
for p in ps:
    p.start()
got = [bq.get(timeout=30) for _ in range(30)]
for p in ps:
    p.join()
print(sorted(got) == sorted(k * 100 + i for k in range(3) for i in range(10)), sorted(produced))
for k in range(3):
    mine = [x for x in got if x // 100 == k]
    print(mine == sorted(mine), end=" ")
print()

bq.put(1)
bq.put(2)
print(bq.full(), bq.qsize())
for f in (lambda: bq.put(3, timeout=0.01), lambda: bq.put_nowait(3), lambda: bq.put(3, block=False)):
    try:
        f()
    except queue.Full:
        print("Full")
print(bq.get(), bq.get_nowait())
for f in (lambda: bq.get(timeout=0.01), bq.get_nowait, lambda: bq.get(False)):
    try:
        f()
    except queue.Empty:
        print("Empty")
try:
    bq.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)

lq = queue.LifoQueue()
for i in range(5):
    lq.put(i)
print([lq.get() for _ in range(5)])

pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (4, "d"), (1, "A"), (2, "b")]:
    pq.put(item)
print([pq.get() for _ in range(5)])

# a priority queue fed by threads, drained in priority order
pq2 = queue.PriorityQueue()
ts = [threading.Thread(target=lambda k=k: [pq2.put((k * 7 + i) % 23) for i in range(10)]) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
drained = [pq2.get() for _ in range(pq2.qsize())]
print(drained == sorted(drained), len(drained))

sq = queue.SimpleQueue()
print(type(sq).__module__, type(sq).__name__)
ts = [threading.Thread(target=lambda k=k: [sq.put(k * 10 + i) for i in range(10)]) for k in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(sq.get() for _ in range(50)), sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")

# shutdown-free handoff: get() blocks until another thread puts
hand = queue.Queue()
echo = queue.Queue()


def echoer():
    while (x := hand.get()) is not None:
        echo.put(x + 1)


t = threading.Thread(target=echoer)
t.start()
vals = []
for i in range(20):
    hand.put(i)
    vals.append(echo.get())
hand.put(None)
t.join()
print(vals)
