# A pipeline of interpreters, each in its own thread: numbers go through
# a squaring stage and a summing stage; None marks the end.
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

numbers = interpreters.create_queue(4)
squares = interpreters.create_queue(4)
totals = interpreters.create_queue()

square = interpreters.create()
square.exec(IMPORT_QUEUES)
square.prepare_main(inq=numbers, outq=squares)
add = interpreters.create()
add.exec(IMPORT_QUEUES)
add.prepare_main(inq=squares, outq=totals)

threads = [
    threading.Thread(target=square.exec, args=("""
while (n := inq.get()) is not None:
    outq.put(n * n)
outq.put(None)
""",)),
    threading.Thread(target=add.exec, args=("""
total = count = 0
while (n := inq.get()) is not None:
    total += n
    count += 1
outq.put((count, total))
""",)),
]
for t in threads:
    t.start()
for n in range(1, 201):
    numbers.put(n)
numbers.put(None)
count, total = totals.get()
for t in threads:
    t.join()
print("count:", count, flush=True)
print("sum of squares:", total, total == sum(n * n for n in range(1, 201)), flush=True)
print("queues empty:", numbers.empty(), squares.empty(), totals.empty(), flush=True)
square.close()
add.close()
