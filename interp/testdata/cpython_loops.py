# The loops of BenchmarkEvalLoop (interp/exec_bench_test.go), timed in
# CPython for docs/performance.md:
#     PYENV_VERSION=system python3 interp/testdata/cpython_loops.py
import time
def bench(name, src, n=1000000):
    code = compile(src % n, name, "exec")
    best = 1e9
    for _ in range(3):
        t = time.perf_counter(); exec(code, {}); best = min(best, time.perf_counter() - t)
    print(f"{name} {best / n * 1e9:.1f} ns/iter")
bench("range", "for i in range(%d):\n    pass\n")
bench("int_arith", "x = 0\nfor i in range(%d):\n    x = (x + i * 3) %% 1000003\n")
bench("float_mul", "x = 1.0\nfor i in range(%d):\n    x = x * 1.0000001 + 0.5\n")
bench("py_call", "def f(a, b):\n    return a\nfor i in range(%d):\n    f(i, 2)\n")
bench("while_loop", "i = 0\nwhile i < %d:\n    i += 1\n")
bench("attr_load", "class C:\n    def __init__(self):\n        self.x = 1\no = C()\nfor i in range(%d):\n    o.x\n")
bench("method_call", "class C:\n    def m(self, a):\n        return a\no = C()\nfor i in range(%d):\n    o.m(i)\n")
bench("kw_call", "def f(a, b=1, *, c=2):\n    return a\nfor i in range(%d):\n    f(i, c=3)\n")
