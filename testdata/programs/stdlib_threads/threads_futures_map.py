# concurrent.futures.ThreadPoolExecutor: map (ordered), submit and
# result, as_completed, wait, the context manager, initializer.
import concurrent.futures as cf
import threading


def square(x):
    return x * x


with cf.ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(20))))
    print(list(ex.map(pow, [2, 3, 4], [5, 6, 7])))
    print(list(ex.map(square, range(10), chunksize=3)))
    futs = [ex.submit(square, i) for i in range(10)]
    print([f.result() for f in futs])
    done = sorted(f.result() for f in cf.as_completed(futs))
    print(done)
    d, nd = cf.wait(futs)
    print(len(d), len(nd), all(f.done() for f in futs))

# as_completed yields futures as they finish: release them in reverse
gates = [threading.Event() for _ in range(4)]


def gated(i):
    gates[i].wait(30)
    return i


with cf.ThreadPoolExecutor(max_workers=4) as ex:
    futs = [ex.submit(gated, i) for i in range(4)]
    order = []
    gates[3].set()
    for f in cf.as_completed(futs):
        order.append(f.result())
        nxt = 3 - len(order)
        if nxt >= 0:
            gates[nxt].set()
    print("completion order:", order)

# wait(FIRST_COMPLETED) with one future finished and one blocked
gate = threading.Event()
with cf.ThreadPoolExecutor(max_workers=2) as ex:
    slow = ex.submit(gate.wait, 30)
    fast = ex.submit(square, 7)
    d, nd = cf.wait([slow, fast], return_when=cf.FIRST_COMPLETED)
    print(fast in d, slow in nd, fast.result())
    d, nd = cf.wait([slow], timeout=0.01)
    print("timed out:", len(d), len(nd))
    gate.set()
    print(slow.result(timeout=30))

# initializer runs once per worker thread
inits = []
lock = threading.Lock()


def init(tag):
    with lock:
        inits.append(tag)


with cf.ThreadPoolExecutor(max_workers=2, initializer=init, initargs=("ready",), thread_name_prefix="pool") as ex:
    names = set(ex.map(lambda _: threading.current_thread().name.split("_")[0], range(20)))
print(sorted(set(inits)), len(inits) <= 2, names)

# a future's callbacks run when it completes (or at once if done)
f = cf.Future()
log = []
f.add_done_callback(lambda fut: log.append(("cb1", fut.result())))
print(f.done(), f.running(), f.set_running_or_notify_cancel(), f.running())
f.set_result(5)
f.add_done_callback(lambda fut: log.append(("cb2", fut.result())))
print(log, f.done())

# many small tasks from several submitting threads
with cf.ThreadPoolExecutor(max_workers=3) as ex:
    out = []
    olock = threading.Lock()

    def submitter(k):
        fs = [ex.submit(square, k * 100 + i) for i in range(25)]
        with olock:
            out.extend(f.result() for f in fs)

    ts = [threading.Thread(target=submitter, args=(k,)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
print(len(out), sum(out))
