# A threading.excepthook that itself raises: threading reports the
# hook's exception through sys.excepthook, which writes to sys.stderr.
# Tracebacks through threading.py are captured and their paths trimmed.
import contextlib
import io
import re
import sys
import threading


def fail(msg):
    raise ValueError(msg)


def run_captured(target, *args, name=None):
    buf = io.StringIO()
    with contextlib.redirect_stderr(buf):
        t = threading.Thread(target=target, args=args, name=name)
        t.start()
        t.join()
    text = re.sub(r'File "[^"]*/(threading|threads_excepthook_hookfail)\.py"', r'File "\1.py"', buf.getvalue())
    text = re.sub(r", line \d+, in (_bootstrap_inner|run|invoke_excepthook)", r", line N, in \1", text)
    sys.stderr.write(text)
    return t


def bad_hook(args):
    print("hook called for", args.thread.name, args.exc_type.__name__)
    raise RuntimeError("hook failed")


threading.excepthook = bad_hook
run_captured(fail, "inner", name="bad-hook")
threading.excepthook = threading.__excepthook__
print("main continues")
