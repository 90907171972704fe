# Semaphore and BoundedSemaphore: limit concurrency, timed and
# non-blocking acquires, over-release.
import threading

sem = threading.Semaphore(3)
active = 0
peak = 0
state = threading.Lock()
hold = threading.Event()
entered = threading.Semaphore(0)


def limited(i, log):
    global active, peak
    with sem:
        with state:
            active += 1
            peak = max(peak, active)
        entered.release()
        hold.wait()
        with state:
            active -= 1
            log.append(i)


log = []
ts = [threading.Thread(target=limited, args=(i, log)) for i in range(10)]
for t in ts:
    t.start()
for _ in range(3):
    entered.acquire()
# three are inside and hold the semaphore; a fourth cannot get in
print("acquire while full:", sem.acquire(timeout=0.02))
with state:
    print("active", active)
hold.set()
for t in ts:
    t.join()
print("peak", peak, "done", sorted(log))

s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release(2)
print(s.acquire(False), s.acquire(False), s.acquire(False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    s.release(0)
except ValueError as e:
    print("ValueError:", e)

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)

# a semaphore used as a signal between threads
sig = threading.Semaphore(0)
got = []


def wait_for_signals(n):
    for _ in range(n):
        sig.acquire()
        got.append(len(got))


t = threading.Thread(target=wait_for_signals, args=(5,))
t.start()
for _ in range(5):
    sig.release()
t.join()
print(got)
