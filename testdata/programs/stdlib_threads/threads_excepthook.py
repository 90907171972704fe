# An exception escaping a thread: the default threading.excepthook
# prints it to stderr; a custom hook receives its arguments; SystemExit
# ends a thread quietly; a hook that fails is reported too. Tracebacks
# through threading.py are captured and their stdlib paths trimmed.
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
    text = re.sub(r'File "[^"]*/(threading|threads_excepthook)\.py"', r'File "\1.py"', buf.getvalue())
    text = re.sub(r", line \d+, in (_bootstrap_inner|run|invoke_excepthook)", r", line N, in \1", text)
    sys.stderr.write(text)
    return t


t = run_captured(fail, "boom", name="failing")
print("joined failing thread, alive:", t.is_alive())

seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                 args.exc_traceback is not None))


threading.excepthook = hook
t = threading.Thread(target=fail, args=("hooked",), name="hooked-thread")
t.start()
t.join()
t = threading.Thread(target=sys.exit, args=(3,), name="exiting")
t.start()
t.join()
print(seen)

threading.excepthook = threading.__excepthook__
run_captured(lambda: 1 / 0, name="zero")
run_captured(sys.exit, 0, name="quiet-exit")

print("main continues", threading.excepthook is threading.__excepthook__)
