# except* (PEP 654): splitting, re-raising parts, new exceptions, nesting, bare exceptions, bad types.
import sys

def show(label, f):
    try:
        f()
        print(label, "no exception")
    except BaseException as e:
        print(label, type(e).__name__, repr(e))
        if isinstance(e, BaseExceptionGroup):
            for sub in e.exceptions:
                print("   ", repr(sub), repr(sub.__context__))

def reraise_part():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise
    except* TypeError as e:
        print("in handler:", repr(sys.exception()), sys.exception() is e)

def raise_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise KeyError("new") from None
    except* TypeError:
        raise

def nested():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        print("nested match:", repr(e))
        raise

def naked_reraise():
    try:
        raise ValueError("v")
    except* ValueError:
        raise

def naked_other():
    try:
        raise ValueError("v")
    except* ValueError:
        raise TypeError("t")

def naked_nomatch():
    try:
        raise ValueError("v")
    except* TypeError:
        print("not here")

def bad_type():
    try:
        raise ValueError("v")
    except* ExceptionGroup:
        pass

def bad_type2():
    try:
        raise ValueError("v")
    except* (ValueError, int):
        pass

def tuple_types():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* (ValueError, TypeError) as e:
        print("tuple match:", repr(e))

def with_else_finally():
    try:
        pass
    except* ValueError:
        print("no")
    else:
        print("else ran")
    finally:
        print("finally ran")

def notes():
    try:
        eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        eg.add_note("a note")
        raise eg
    except* ValueError:
        raise

for name in ["reraise_part", "raise_new", "nested", "naked_reraise", "naked_other", "naked_nomatch", "bad_type", "bad_type2", "tuple_types", "with_else_finally", "notes"]:
    show(name, globals()[name])

for src in ["try:\n  pass\nexcept* ValueError:\n  break\n", "def f():\n  try:\n    pass\n  except* ValueError:\n    return 1\n", "try:\n  pass\nexcept*:\n  pass\n"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)

raise ExceptionGroup("final", [ValueError(1), TypeError(2)])
