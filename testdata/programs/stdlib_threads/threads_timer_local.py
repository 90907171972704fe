# threading.Timer (fires, cancelled) and threading.local (per-thread
# attributes, a subclass with __init__, values dropped with the thread).
import threading

fired = []
t = threading.Timer(0.01, fired.append, args=("fired",))
t.start()
t.join()
print(fired, t.finished.is_set())

t = threading.Timer(30, fired.append, args=("never",))
t.start()
t.cancel()
t.join()
print(fired, t.finished.is_set())

# a timer waiting on an event set by the main thread
go = threading.Event()
seen = []
t = threading.Timer(0, lambda: seen.append(go.wait(30)))
t.start()
go.set()
t.join()
print(seen)

data = threading.local()
data.x = "main"
out = []
lock = threading.Lock()


def worker(i):
    print_has = hasattr(data, "x")
    data.x = i
    data.y = [i] * i
    with lock:
        out.append((i, print_has, data.x, len(data.y)))


ts = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
for th in ts:
    th.start()
for th in ts:
    th.join()
print(sorted(out))
print(data.x, hasattr(data, "y"))


class Counter(threading.local):
    def __init__(self, start):
        self.value = start

    def bump(self):
        self.value += 1
        return self.value


c = Counter(10)
c.bump()
res = []


def use_counter():
    res.append((c.value, c.bump(), c.bump()))


th = threading.Thread(target=use_counter)
th.start()
th.join()
print(res, c.value)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
print(sorted(k for k in data.__dict__))
