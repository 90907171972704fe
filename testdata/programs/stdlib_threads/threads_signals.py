# Signals reach the main thread while it waits: SIGINT (sent by another
# thread) interrupts lock, Condition, Event, queue, sleep and join waits
# with KeyboardInterrupt; a handler runs during a timed wait; a handler
# that raises ends the wait with its exception. Also _thread basics.
import _thread
import os
import queue
import signal
import threading
import time


def later(f, delay=0.05):
    threading.Timer(delay, f).start()


def locked():
    l = threading.Lock()
    l.acquire()
    return l


def rlock_held_elsewhere():
    r = threading.RLock()
    ev = threading.Event()
    threading.Thread(target=lambda: (r.acquire(), ev.set(), threading.Event().wait()), daemon=True).start()
    ev.wait()
    return r


def join_blocked():
    t = threading.Thread(target=threading.Event().wait, daemon=True)
    t.start()
    t.join()


def cond_wait():
    c = threading.Condition()
    with c:
        c.wait()


waits = [
    ("lock", lambda: locked().acquire()),
    ("lock with timeout", lambda: locked().acquire(timeout=30)),
    ("rlock", lambda: rlock_held_elsewhere().acquire()),
    ("event", lambda: threading.Event().wait()),
    ("condition", cond_wait),
    ("queue", lambda: queue.Queue().get()),
    ("simplequeue", lambda: queue.SimpleQueue().get()),
    ("sleep", lambda: time.sleep(30)),
    ("join", join_blocked),
]
for name, block in waits:
    later(lambda: os.kill(os.getpid(), signal.SIGINT))
    try:
        block()
        print(name, "returned")
    except KeyboardInterrupt:
        print(name, "KeyboardInterrupt")

got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(signal.Signals(s).name))
later(lambda: os.kill(os.getpid(), signal.SIGUSR1))
print("timed acquire:", locked().acquire(timeout=0.3), got)


def raising(s, f):
    raise RuntimeError("from handler")


signal.signal(signal.SIGUSR1, raising)
later(lambda: os.kill(os.getpid(), signal.SIGUSR1))
try:
    queue.SimpleQueue().get(timeout=30)
except RuntimeError as e:
    print("handler raised:", e)

# interrupt_main from a thread while the main thread runs Python code
later(_thread.interrupt_main)
try:
    while True:
        pass
except KeyboardInterrupt:
    print("interrupt_main: KeyboardInterrupt")
signal.signal(signal.SIGINT, lambda s, f: got.append("custom SIGINT"))
t = threading.Thread(target=_thread.interrupt_main)
t.start()
t.join()
for _ in range(1000):
    pass
print(got)
signal.signal(signal.SIGINT, signal.default_int_handler)

# _thread directly
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
box = []


def low(a, b=0):
    with lock:
        box.append((a + b, _thread.get_ident() != main_ident))
    done.release()


main_ident = _thread.get_ident()
_thread.start_new_thread(low, (1,), {"b": 2})
done.acquire()
print(box, type(lock).__name__)
done.release()
for bad in [lambda: _thread.start_new_thread(1, ()), lambda: _thread.start_new_thread(low, [1]),
            lambda: _thread.start_new_thread(low, (1,), 5)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
