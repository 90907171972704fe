# sys.unraisablehook: a program's hook gets UnraisableHookArgs; a failing hook and the default one write to sys.stderr.
import sys, io, gc, atexit
print(sys.unraisablehook is sys.__unraisablehook__, type(sys.__unraisablehook__).__name__)
seen = []
def hook(a):
    seen.append((type(a).__name__, a.exc_type.__name__, str(a.exc_value), a.exc_traceback is not None, a.err_msg, getattr(a.object, "__qualname__", a.object)))
sys.unraisablehook = hook
class L:
    def __del__(self):
        raise RuntimeError("del failed")
l = L(); del l
print(seen)
def bad_hook(a):
    raise ValueError("hook broke")
sys.unraisablehook = bad_hook
err = io.StringIO()
sys.stderr = err
l = L(); del l
sys.stderr = sys.__stderr__
print(err.getvalue().splitlines()[0].split(" at ")[0], err.getvalue().splitlines()[-1])
sys.unraisablehook = sys.__unraisablehook__
err = io.StringIO()
sys.stderr = err
l = L(); del l
sys.stderr = sys.__stderr__
lines = err.getvalue().splitlines()
print(lines[0].split(" at ")[0], lines[1], lines[-1])
try:
    sys.__unraisablehook__(1)
except TypeError as e:
    print(e)
