def f():
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("converted") from z


def g():
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("while handling")


excs = []
for fn in (f, g):
    try:
        fn()
    except Exception as e:
        excs.append(e)
try:
    raise ExceptionGroup("children with chains", excs)
except ExceptionGroup as eg:
    try:
        raise ExceptionGroup("wrapper", [TypeError("inside")]) from eg
    except ExceptionGroup as w:
        raise ExceptionGroup("final", [w, excs[0]])
