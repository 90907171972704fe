# Interpreters and threads: call_in_thread, threads inside an interpreter,
# several interpreters busy at once.
import threading
try:
    from concurrent import interpreters
except ImportError:
    from test.support import interpreters


def report():
    import sys
    print("in", sys.modules["__main__"].__name__, flush=True)


a = interpreters.create()
t = a.call_in_thread(report)
t.join()
a.call(report)

a.exec("""
import threading
total = 0
lock = threading.Lock()
def work(n):
    global total
    for _ in range(n):
        with lock:
            total += 1
threads = [threading.Thread(target=work, args=(1000,)) for _ in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print('threads inside:', total, flush=True)
""")

# Busy interpreters on several threads at once.
interps = [interpreters.create() for _ in range(4)]
for i, it in enumerate(interps):
    it.prepare_main(i=i)
errors = []


def run(it):
    try:
        it.exec("s = 0\nfor k in range(20000):\n    s += k * i\nresult = s")
    except Exception as e:
        errors.append(e)


threads = [threading.Thread(target=run, args=(it,)) for it in interps]
for th in threads:
    th.start()
for th in threads:
    th.join()
print("errors:", errors, flush=True)
for it in interps:
    it.exec("print('result', i, result, flush=True)")

# An interpreter runs one exec at a time.
b = interpreters.create()
b.exec("import threading\nstarted = threading.Event()")
ready = threading.Event()
done = threading.Event()


def slow():
    ready.set()
    b.exec("import time\nfor _ in range(200):\n    time.sleep(0.005)")
    done.set()


th = threading.Thread(target=slow)
th.start()
ready.wait()
import time
while not b.is_running() and not done.is_set():
    time.sleep(0.001)
try:
    b.close()
except interpreters.InterpreterError as e:
    print("close while running:", type(e).__name__, flush=True)
else:
    print("closed while running?", flush=True)
th.join()
print("running after:", b.is_running(), flush=True)
b.close()
for it in interps + [a]:
    it.close()
print("left:", len(interpreters.list_all()), flush=True)
