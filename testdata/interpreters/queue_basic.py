# Queues within one interpreter: FIFO order, the shareable kinds, sizes,
# non-blocking calls and their exceptions, one object per queue ID.
try:
    from concurrent import interpreters
except ImportError:
    from test.support import interpreters
import queue

q = interpreters.create_queue()
print("queue:", q, q.id, q.maxsize, flush=True)
print("empty:", q.empty(), q.qsize(), flush=True)

items = [None, True, False, 0, -7, 2**64 + 1, 1.5, float("inf"), "",
         "héllo", b"", b"\x00\xff", (), (1, ("nested", b"x"), None)]
for item in items:
    q.put(item)
print("qsize:", q.qsize(), q.empty(), flush=True)
got = [q.get() for _ in items]
print("same items:", got == items, flush=True)
print("types kept:", [type(x).__name__ for x in got] == [type(x).__name__ for x in items], flush=True)
print("got:", got, flush=True)

try:
    q.get_nowait()
except interpreters.QueueEmpty as exc:
    print("QueueEmpty:", exc, flush=True)
print("is queue.Empty:", issubclass(interpreters.QueueEmpty, queue.Empty), flush=True)
print("is queue.Full:", issubclass(interpreters.QueueFull, queue.Full), flush=True)

small = interpreters.create_queue(2)
small.put_nowait("a")
small.put_nowait("b")
print("small:", small, small.maxsize, small.qsize(), small.full(), flush=True)
try:
    small.put_nowait("c")
except interpreters.QueueFull as exc:
    print("QueueFull:", exc, flush=True)
print("get:", small.get_nowait(), flush=True)
print("full after get:", small.full(), flush=True)
small.put_nowait("c")
print("rest:", small.get(), small.get(), flush=True)

print("same object:", interpreters.Queue(q.id) is q, flush=True)
print("hash is id:", hash(q) == hash(q.id), flush=True)
print("shareable:", interpreters.is_shareable(q), flush=True)
