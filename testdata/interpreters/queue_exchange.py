# Two interpreters and the main one pass items through queues given to
# them with prepare_main: requests go in one queue, replies come back in
# another, and a queue can travel through a queue.
try:
    from concurrent import interpreters
except ImportError:
    from test.support import interpreters

# CPython 3.13 can bind a queue in an interpreter only once it has
# imported the queues module itself.
IMPORT_QUEUES = """
try:
    from concurrent.interpreters import _queues
except ImportError:
    from test.support.interpreters import queues
"""

requests = interpreters.create_queue()
replies = interpreters.create_queue()
workers = [interpreters.create(), interpreters.create()]
for n, worker in enumerate(workers):
    worker.exec(IMPORT_QUEUES)
    worker.prepare_main(requests=requests, replies=replies, name=f"worker{n}")
    worker.exec("print(name, 'has', requests, replies, flush=True)")

for i in range(6):
    requests.put((i, "x" * i))
workers[0].exec("""
for _ in range(3):
    i, s = requests.get()
    replies.put((i, len(s), name))
""")
workers[1].exec("""
while not requests.empty():
    i, s = requests.get()
    replies.put((i, s.upper(), name))
""")
results = sorted(replies.get() for _ in range(6))
for r in results:
    print("reply:", r, flush=True)
print("left:", requests.qsize(), replies.qsize(), flush=True)

# A queue sent through a queue is the same queue on the other side.
private = interpreters.create_queue()
requests.put(private)
workers[0].exec("""
box = requests.get()
box.put(("in the private queue", box.id))
""")
print("private:", private.get(), private.id, flush=True)

requests.put(requests)
print("queue through itself:", requests.get() is requests, flush=True)
for worker in workers:
    worker.close()
print("closed", flush=True)
