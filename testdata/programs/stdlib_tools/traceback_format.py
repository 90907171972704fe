import sys
import traceback


def level3(x):
    return 10 / x


def level2(x):
    return level3(x - 1)


def level1(x):
    return level2(x)


try:
    level1(1)
except ZeroDivisionError:
    text = traceback.format_exc()
    print(text)
    etype, value, tb = sys.exc_info()
    frames = traceback.extract_tb(tb)
    for fs in frames:
        print(fs.name, fs.lineno, fs.line)
    print(traceback.format_exception_only(etype, value))
    print(len(traceback.format_tb(tb)), traceback.format_tb(tb, limit=1)[0].strip().splitlines()[1])
    traceback.print_exc(limit=2, file=sys.stdout)
try:
    try:
        {}["key"]
    except KeyError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    te = traceback.TracebackException.from_exception(e)
    print("".join(te.format()))
    print(te.exc_type.__name__, str(te), te.__cause__.exc_type.__name__)
    print("".join(traceback.format_exception(e, chain=False)))
e = RuntimeError("with note")
e.add_note("extra context")
print(traceback.format_exception_only(e))


def show_stack():
    return [f"{f.name}:{f.lineno}" for f in traceback.extract_stack()]


def outer():
    return show_stack()


print(outer())
print(traceback.format_list(traceback.extract_stack()[-1:]))
