# Lock and RLock: mutual exclusion under contention, non-blocking and
# timed acquires, reentrancy, errors.
import sys
import threading

sys.setswitchinterval(1e-5)  # switch often, to shake out races

counter = 0
lock = threading.Lock()


def bump(n):
    global counter
    for _ in range(n):
        with lock:
            v = counter
            counter = v + 1


threads = [threading.Thread(target=bump, args=(2000,)) for _ in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)

l = threading.Lock()
print(l.acquire(), l.locked(), l.acquire(False), l.acquire(timeout=0.01), l.acquire(blocking=False))
l.release()
print(l.locked())
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    l.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    l.acquire(timeout=-2)
except ValueError as e:
    print("ValueError:", e)

# a lock released by another thread than the one that took it
l.acquire()
done = []


def releaser():
    done.append("releasing")
    l.release()


t = threading.Thread(target=releaser)
t.start()
print("reacquired", l.acquire(timeout=10))
t.join()
l.release()
print(done)

# RLock: reentrant for its owner, exclusive for the others
r = threading.RLock()
with r:
    with r:
        print("nested ok", r._is_owned())
print("owned after", r._is_owned())
r.acquire()
got = []
t = threading.Thread(target=lambda: got.append(r.acquire(timeout=0.02)))
t.start()
t.join()
print("other thread got it:", got)
r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)


def other_release():
    try:
        r.release()
    except RuntimeError as e:
        got.append(str(e))


r.acquire()
t = threading.Thread(target=other_release)
t.start()
t.join()
r.release()
print(got)

# many threads hand an RLock around
order = []
rl = threading.RLock()


def nested(i):
    with rl:
        with rl:
            order.append(i)


ts = [threading.Thread(target=nested, args=(i,)) for i in range(10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(order))
