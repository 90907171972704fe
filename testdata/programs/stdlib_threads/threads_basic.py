# Thread basics: start/join, targets with args and kwargs, subclasses
# overriding run, names, is_alive, join with a timeout, identity.
import threading

results = []
results_lock = threading.Lock()


def work(n, scale=1):
    with results_lock:
        results.append(n * scale)


threads = [threading.Thread(target=work, args=(i,), kwargs={"scale": 10}) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print([t.is_alive() for t in threads])
print([t.name for t in threads][:3])


class Summer(threading.Thread):
    def __init__(self, numbers):
        super().__init__(name="summer")
        self.numbers = numbers
        self.total = None

    def run(self):
        self.total = sum(self.numbers)


s = Summer(range(1001))
print(s.name, s.is_alive(), s.ident is None)
s.start()
s.join()
print(s.total, s.is_alive(), s.ident is not None, s.native_id is not None)

# join with a timeout returns while the thread still runs
gate = threading.Event()
waiter = threading.Thread(target=gate.wait, name="waiter")
waiter.start()
waiter.join(timeout=0.05)
print("alive after timed join:", waiter.is_alive())
gate.set()
waiter.join()
print("alive after set:", waiter.is_alive())

# identity from inside the thread
seen = {}


def who():
    me = threading.current_thread()
    seen["name"] = me.name
    seen["is_main"] = me is threading.main_thread()
    seen["ident_matches"] = me.ident == threading.get_ident()
    seen["in_enumerate"] = me in threading.enumerate()
    seen["count"] = threading.active_count()


t = threading.Thread(target=who, name="who-thread")
t.start()
t.join()
print(sorted(seen.items()))
print(threading.current_thread() is threading.main_thread(), threading.main_thread().name)
print(threading.active_count(), [x.name for x in threading.enumerate()])

# errors
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=print).join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)

# a thread returning a value through a closure and default names
out = []
t = threading.Thread(target=lambda: out.append(threading.current_thread().name.split(" ")[1]))
t.start()
t.join()
print(out)
