def fail(exc):
    raise exc


def collect(*excs):
    out = []
    for e in excs:
        try:
            fail(e)
        except BaseException as caught:
            out.append(caught)
    return out


inner = ExceptionGroup("inner", collect(KeyError("k"), ZeroDivisionError("z")))
middle = ExceptionGroup("middle", collect(inner, ValueError("v")))
last = ExceptionGroup("last", collect(ExceptionGroup("deepest", collect(OSError(2, "no file")))))
raise ExceptionGroup("outer", collect(middle, TypeError("t"), last))
