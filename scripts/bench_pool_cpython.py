"""Tiny-task throughput of CPython's process pools, beside pool.Call.

The task is pool/bench_test.go's BenchmarkPoolCallTiny task,
tiny(x) = x + 1, one task per call, through 2 worker processes:

  multiprocessing.Pool(2)          apply_async per task, then wait for all
  multiprocessing.Pool(2)          map(tiny, inputs, chunksize=1)
  ProcessPoolExecutor(2)           submit per task, then wait for all
  ProcessPoolExecutor(2)           map(tiny, inputs) (chunksize 1)

and, for reference, map with a large chunksize (tasks batched into one
message each, which pool.Map does not do).

Run it with Debian's CPython, as docs/performance.md does:

    PYENV_VERSION=system python3 scripts/bench_pool_cpython.py [N]

Each figure is the best of 3 runs of N tasks (default 20000), in
tasks per second, after a warm-up that starts the workers.
"""

import concurrent.futures
import multiprocessing
import sys
import time


def tiny(x):
    return x + 1


def best_of(runs, f, n):
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        f(n)
        best = min(best, time.perf_counter() - t0)
    return n / best


def check(results, n):
    if len(results) != n or results[-1] != n:
        raise SystemExit(f"wrong results: {len(results)} items, last {results[-1:]}")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    print(f"# {sys.implementation.name} {sys.version.split()[0]}, {n} tasks, best of 3")
    with multiprocessing.Pool(2) as pool:
        pool.map(tiny, range(100), chunksize=1)  # warm up: workers started

        def apply_async(n):
            futures = [pool.apply_async(tiny, (i,)) for i in range(n)]
            check([f.get() for f in futures], n)

        def mp_map(n):
            check(pool.map(tiny, range(n), chunksize=1), n)

        def mp_map_batched(n):
            check(pool.map(tiny, range(n), chunksize=max(1, n // 8)), n)

        print(f"multiprocessing.Pool(2).apply_async    {best_of(3, apply_async, n):12,.0f} tasks/s")
        print(f"multiprocessing.Pool(2).map chunk=1    {best_of(3, mp_map, n):12,.0f} tasks/s")
        print(f"multiprocessing.Pool(2).map chunk=n/8  {best_of(3, mp_map_batched, n):12,.0f} tasks/s")

    with concurrent.futures.ProcessPoolExecutor(2) as ex:
        list(ex.map(tiny, range(100)))  # warm up

        def submit(n):
            futures = [ex.submit(tiny, i) for i in range(n)]
            check([f.result() for f in futures], n)

        def pe_map(n):
            check(list(ex.map(tiny, range(n))), n)

        print(f"ProcessPoolExecutor(2).submit          {best_of(3, submit, n):12,.0f} tasks/s")
        print(f"ProcessPoolExecutor(2).map             {best_of(3, pe_map, n):12,.0f} tasks/s")


if __name__ == "__main__":
    main()
