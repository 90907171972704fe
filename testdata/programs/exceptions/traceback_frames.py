# tb_frame is the frame itself: after the frame returned it still shows
# its locals and its caller, and module code's locals are its globals.
import io
import sys
import traceback


def inner(x):
    y = [x, "kept"]
    return 1 / x


def outer():
    z = "outer local"
    try:
        inner(0)
    except ZeroDivisionError as e:
        return e


err = outer()
tb = err.__traceback__
print(tb.tb_frame.f_code.co_name, sorted(tb.tb_frame.f_locals))
inner_frame = tb.tb_next.tb_frame
print(inner_frame.f_code.co_name, inner_frame.f_locals)
print(inner_frame.f_back is tb.tb_frame)
print(tb.tb_frame.f_back.f_code.co_name)

# Code run by exec: its frame's locals are the namespace it ran in.
ns = {}
try:
    exec(compile("missing_name\n", "<snippet>", "single"), ns)
except NameError as e:
    last = e.__traceback__
    while last.tb_next:
        last = last.tb_next
    print(sorted(last.tb_frame.f_locals), last.tb_frame.f_locals is ns)
    print(traceback.format_exception_only(e)[-1], end="")

# sys.displayhook writes to whatever sys.stdout is, and keeps its value
# alive across the switch back.
buf = io.StringIO()
saved = sys.stdout
for source in ["6 * 7\n", "[n for n in range(3)]\n", "None\n"]:
    sys.stdout = buf
    exec(compile(source, "<single>", "single"), {})
    sys.stdout = saved
print(repr(buf.getvalue()))
print(__debug__, "__debug__" in vars(__builtins__) if isinstance(__builtins__, dict) else hasattr(__builtins__, "__debug__"))
