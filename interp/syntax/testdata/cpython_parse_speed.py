"""Measure CPython's ast.parse speed on the stdlib, for comparison with
BenchmarkParseStdlib (bench_test.go), which runs this script itself in its
"cpython" sub-benchmark so that both numbers come from one run:

    go test ./interp/syntax -run '^$' -bench BenchmarkParseStdlib -benchtime 5x

Standalone:

    PYENV_VERSION=3.12.1 python3 testdata/cpython_parse_speed.py [LISTFILE]

LISTFILE names the files, one per line; without it, every .py file under
sysconfig.get_path("stdlib"), site-packages included, as in the Go tests. The
files are read into memory first; then the whole set is parsed with
ast.parse(bytes) three times and the median pass reported. Files that
CPython rejects count too (their parse ends in SyntaxError). The last line
is machine-readable:

    result files=N lines=L bytes=B seconds=S lines_per_sec=X
"""

import ast
import os
import statistics
import sys
import sysconfig
import time
import warnings


def stdlib_files():
    root = sysconfig.get_path("stdlib")
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(dirs)
        out.extend(os.path.join(d, f) for f in files if f.endswith(".py"))
    return sorted(out)


def main():
    warnings.simplefilter("ignore")
    if len(sys.argv) > 1:
        with open(sys.argv[1], encoding="utf-8") as f:
            paths = [line.rstrip("\n") for line in f if line.strip()]
    else:
        paths = stdlib_files()
    sources = []
    for p in paths:
        with open(p, "rb") as f:
            sources.append(f.read())
    lines = sum(s.count(b"\n") for s in sources)
    nbytes = sum(len(s) for s in sources)
    times = []
    for rep in range(3):
        errors = 0
        start = time.perf_counter()
        for s in sources:
            try:
                ast.parse(s)
            except (SyntaxError, ValueError, MemoryError, RecursionError):
                errors += 1
        elapsed = time.perf_counter() - start
        times.append(elapsed)
        print("pass %d: %.3fs, %d errors" % (rep + 1, elapsed, errors), file=sys.stderr)
    med = statistics.median(times)
    print("result files=%d lines=%d bytes=%d seconds=%.4f lines_per_sec=%.0f"
          % (len(sources), lines, nbytes, med, lines / med))


if __name__ == "__main__":
    main()
