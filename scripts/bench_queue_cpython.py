"""Items per second through a cross-interpreter queue in CPython 3.13.

The counterpart of runtime's BenchmarkInterpQueue* (small ints, 1 KiB
strs, a list of 100 ints, a dict record): one subinterpreter puts N items
while the main interpreter gets them. Run with
    PYENV_VERSION=3.13.0 python3 scripts/bench_queue_cpython.py
CPython 3.13's queue pickles what is not shareable (lists, dicts) and
polls every 10 ms when it must wait, so the queue is left unbounded and
the consumer starts once the producer is under way.
"""
import threading
import time

from test.support import interpreters
from test.support.interpreters import queues  # noqa: F401 (binds queues in subinterpreters)

PAYLOADS = {
    "small int": ("i", 200_000),
    "1 KiB str": ("s", 200_000),
    "list of 100 ints": ("l", 50_000),
    "record dict": ("rec", 50_000),
}

SETUP = """
from test.support.interpreters import queues
s = 'x' * 1024
l = list(range(100))
rec = {'k%d' % i: [i, i + 1] for i in range(10)}
rec['t'] = ('a', 1.5)
"""


def run(expr, n):
    q = interpreters.create_queue()
    sub = interpreters.create()
    sub.exec(SETUP)
    sub.prepare_main(q=q, n=n)
    start = time.perf_counter()
    t = threading.Thread(target=sub.exec, args=(f"for i in range(n):\n    q.put({expr})\n",))
    t.start()
    get = q.get
    for _ in range(n):
        get()
    elapsed = time.perf_counter() - start
    t.join()
    sub.close()
    return n / elapsed


for name, (expr, n) in PAYLOADS.items():
    rates = sorted(run(expr, n) for _ in range(3))
    print(f"{name:18s} {rates[1]:12,.0f} items/s (median of 3)")
