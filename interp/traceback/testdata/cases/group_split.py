def fail():
    raise ExceptionGroup("all", [ValueError(1), TypeError(2), ExceptionGroup("nested", [ValueError(3), KeyError(4)])])


try:
    try:
        fail()
    except ExceptionGroup as eg:
        eg.add_note("split me")
        match, rest = eg.split(ValueError)
        raise rest
except ExceptionGroup as r:
    raise match from r
