# Blocking gets and puts: a thread running another interpreter wakes a
# waiting get; a full queue makes put wait for room; timeouts raise
# QueueEmpty and QueueFull.
try:
    from concurrent import interpreters
except ImportError:
    from test.support import interpreters
import threading

IMPORT_QUEUES = """
try:
    from concurrent.interpreters import _queues
except ImportError:
    from test.support.interpreters import queues
"""

q = interpreters.create_queue()
try:
    q.get(timeout=0.1)
except interpreters.QueueEmpty as exc:
    print("get timed out:", exc, flush=True)

full = interpreters.create_queue(1)
full.put("only")
try:
    full.put("more", timeout=0.1)
except interpreters.QueueFull as exc:
    print("put timed out:", exc, flush=True)
print("still:", full.get(), flush=True)

sub = interpreters.create()
sub.exec(IMPORT_QUEUES)
sub.prepare_main(q=q, full=full)
t = threading.Thread(target=sub.exec, args=("""
import time
time.sleep(0.05)
for i in range(5):
    full.put(i)      # waits for the main interpreter to take each one
q.put('producer done')
""",))
t.start()
got = [full.get() for _ in range(5)]
print("got in order:", got, flush=True)
print("then:", q.get(), flush=True)
t.join()

# Several threads of the main interpreter wait on one queue at once.
results = interpreters.create_queue()
def consumer():
    results.put(q.get() * 10)
threads = [threading.Thread(target=consumer) for _ in range(4)]
for th in threads:
    th.start()
sub.exec("for i in range(1, 5): q.put(i)")
for th in threads:
    th.join()
print("consumers got:", sorted(results.get() for _ in range(4)), flush=True)
sub.close()
