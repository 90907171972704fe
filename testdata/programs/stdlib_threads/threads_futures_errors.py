# concurrent.futures: exceptions in futures, cancel, shutdown with
# cancel_futures, submit after shutdown, timeouts, broken callbacks.
import concurrent.futures as cf
import threading


def boom(x):
    if x % 3 == 0:
        raise ValueError(f"bad {x}")
    return x


with cf.ThreadPoolExecutor(max_workers=3) as ex:
    futs = [ex.submit(boom, i) for i in range(7)]
    for i, f in enumerate(futs):
        exc = f.exception()
        print(i, type(exc).__name__ if exc else None, exc if exc else f.result())
    try:
        futs[0].result()
    except ValueError as e:
        print("result raised:", e)
    try:
        list(ex.map(boom, [1, 2, 3, 4]))
    except ValueError as e:
        print("map raised:", e)
    d, nd = cf.wait(futs, return_when=cf.FIRST_EXCEPTION)
    print("first exception:", len(nd) == 0 or any(f.exception() for f in d))

# cancel: with the only worker blocked, queued futures can be cancelled
gate = threading.Event()
started = threading.Event()


def blocker():
    started.set()
    gate.wait(30)
    return "unblocked"


ex = cf.ThreadPoolExecutor(max_workers=1)
running = ex.submit(blocker)
started.wait(30)
queued = [ex.submit(boom, i) for i in (1, 2, 4)]
print("cancel running:", running.cancel(), running.running())
print("cancel queued:", queued[0].cancel(), queued[0].cancelled(), queued[0].done())
try:
    queued[0].result()
except cf.CancelledError as e:
    print("CancelledError", repr(e))
try:
    running.result(timeout=0.01)
except TimeoutError:
    print("TimeoutError from result")
try:
    running.exception(timeout=0.01)
except cf.TimeoutError:
    print("TimeoutError from exception")
gate.set()
print(running.result(), [f.result() for f in queued[1:]])
ex.shutdown(wait=True)
try:
    ex.submit(boom, 1)
except RuntimeError as e:
    print("RuntimeError:", e)

# shutdown(cancel_futures=True) cancels what has not started
gate2 = threading.Event()
started2 = threading.Event()
ex = cf.ThreadPoolExecutor(max_workers=1)
first = ex.submit(lambda: (started2.set(), gate2.wait(30))[1])
started2.wait(30)
rest = [ex.submit(boom, i) for i in range(5)]
threading.Timer(0.02, gate2.set).start()
ex.shutdown(wait=True, cancel_futures=True)
print(first.result(), [f.cancelled() for f in rest])

# a callback that raises is logged, not propagated
import logging


class Show(logging.Handler):
    def emit(self, record):
        print("logged:", record.levelname, record.name, record.msg.split(" for ")[0], record.exc_info[0].__name__)


logging.getLogger("concurrent.futures").addHandler(Show())
f = cf.Future()
f.add_done_callback(lambda fut: 1 / 0)
f.set_result(1)
print("after failing callback", f.result())

# as_completed with a timeout
g3 = threading.Event()
with cf.ThreadPoolExecutor(max_workers=1) as ex:
    hung = ex.submit(g3.wait, 30)
    try:
        for _ in cf.as_completed([hung], timeout=0.02):
            pass
    except TimeoutError as e:
        print("as_completed:", e)
    g3.set()

# set_exception / InvalidStateError on a bare future
f = cf.Future()
f.set_exception(KeyError("k"))
print(repr(f.exception()))
try:
    f.set_result(1)
except cf.InvalidStateError as e:
    print("InvalidStateError:", str(e).split(":")[0])
