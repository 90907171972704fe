# Condition: a bounded buffer with wait/notify, wait_for, notify_all,
# timeouts, and Condition over an RLock held several levels deep.
import threading

buf = []
CAP = 3
cond = threading.Condition()
consumed = []


def producer(base):
    for i in range(20):
        with cond:
            cond.wait_for(lambda: len(buf) < CAP)
            buf.append(base + i)
            cond.notify_all()


def consumer(n):
    got = []
    for _ in range(n):
        with cond:
            while not buf:
                cond.wait()
            got.append(buf.pop(0))
            cond.notify_all()
    with cond:
        consumed.extend(got)


ps = [threading.Thread(target=producer, args=(k * 100,)) for k in range(3)]
cs = [threading.Thread(target=consumer, args=(15,)) for _ in range(4)]
for t in ps + cs:
    t.start()
for t in ps + cs:
    t.join()
print(len(consumed), sorted(consumed) == sorted(k * 100 + i for k in range(3) for i in range(20)), buf)

# notify(n) wakes n waiters; notify_all the rest
c = threading.Condition()
ready = threading.Semaphore(0)
woken = []


def waiter(i):
    with c:
        ready.release()  # while holding c: main's next "with c" finds us waiting
        c.wait()
        woken.append(i)


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in ws:
    t.start()
for _ in ws:
    ready.acquire()
with c:
    c.notify(2)
while True:
    with c:
        if len(woken) == 2:
            break
    threading.Event().wait(0.001)
print("after notify(2):", len(woken))
with c:
    c.notify_all()
for t in ws:
    t.join()
print("after notify_all:", sorted(woken))

# timeouts
with c:
    print("wait timed out:", c.wait(timeout=0.01))
    print("wait_for timed out:", c.wait_for(lambda: False, timeout=0.01))
    print("wait_for true at once:", c.wait_for(lambda: 42, timeout=0))
try:
    c.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    c.notify()
except RuntimeError as e:
    print("RuntimeError:", e)

# a Condition over an RLock taken twice: wait releases it fully
rc = threading.Condition(threading.RLock())
flag = []


def setter():
    with rc:
        flag.append(1)
        rc.notify()


with rc:
    with rc:
        t = threading.Thread(target=setter)
        t.start()
        print("rlock wait:", rc.wait_for(lambda: flag, timeout=10))
        print("still owned twice:", rc._is_owned())
t.join()
