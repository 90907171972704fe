# Exceptions in another interpreter come back as ExecutionFailed.
try:
    from concurrent import interpreters
except ImportError:
    from test.support import interpreters

a = interpreters.create()
cases = [
    "1/0",
    "raise ValueError('boom')",
    "raise KeyError('k')",
    "import json\njson.loads('{')",
    "class Custom(Exception):\n    pass\nraise Custom('mine')",
    "def f(:",
    "raise SystemExit(3)",
    "raise ValueError",
    "undefined_name",
]
for src in cases:
    try:
        a.exec(src)
    except interpreters.ExecutionFailed as e:
        info = e.excinfo
        print(info.type.__name__, info.type.__module__, repr(info.msg), flush=True)
        print("  formatted:", info.formatted, flush=True)
        print("  is InterpreterError:", isinstance(e, interpreters.InterpreterError), flush=True)
    else:
        print("no error for", repr(src), flush=True)

try:
    a.exec("def g():\n    raise RuntimeError('deep')\ndef h():\n    g()\nh()")
except interpreters.ExecutionFailed as e:
    print(str(e), flush=True)

# The interpreter is still fine afterwards.
a.exec("print('still alive', flush=True)")

for bad in ([1], {"a": 1}, {1, 2}, object()):
    print(type(bad).__name__, interpreters.is_shareable(bad), flush=True)
try:
    a.prepare_main(x=[1, 2])
except interpreters.NotShareableError as e:
    print("NotShareableError is ValueError:", isinstance(e, ValueError), flush=True)
for good in (None, True, 1, 2**62, 1.5, "s", b"b", (), (1, ("x", None))):
    print(repr(good), interpreters.is_shareable(good), flush=True)
try:
    a.exec(42)
except TypeError:
    print("exec(42): TypeError", flush=True)
try:
    interpreters.Interpreter(10**6)
except interpreters.InterpreterNotFoundError:
    print("unknown id: InterpreterNotFoundError", flush=True)
a.close()
