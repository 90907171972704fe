# logging from several threads: thread names in records, a
# QueueHandler/QueueListener pair, handler locks under contention.
import io
import logging
import logging.handlers
import queue
import threading

stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("%(threadName)s %(levelname)s %(message)s"))
log = logging.getLogger("threads")
log.setLevel(logging.INFO)
log.addHandler(handler)
log.propagate = False


def work(i):
    for j in range(3):
        log.info("item %d.%d", i, j)


ts = [threading.Thread(target=work, args=(i,), name=f"worker-{i}") for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
lines = stream.getvalue().splitlines()
print(len(lines))
for line in sorted(lines):
    print(line)
# each thread's own lines keep their order
for i in range(4):
    mine = [l for l in lines if l.startswith(f"worker-{i} ")]
    assert mine == sorted(mine), mine

# QueueHandler in the workers, QueueListener draining in its own thread
q = queue.Queue()
collected = []


class Collect(logging.Handler):
    def emit(self, record):
        collected.append((record.threadName, record.getMessage()))


listener = logging.handlers.QueueListener(q, Collect())
qlog = logging.getLogger("queued")
qlog.setLevel(logging.DEBUG)
qlog.addHandler(logging.handlers.QueueHandler(q))
qlog.propagate = False
listener.start()
ts = [threading.Thread(target=lambda i=i: [qlog.warning("w%d-%d", i, k) for k in range(5)], name=f"q-{i}")
      for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
listener.stop()
print(len(collected))
print(sorted(collected))
print(threading.current_thread().name, threading.active_count())
