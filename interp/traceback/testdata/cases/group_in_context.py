try:
    raise ExceptionGroup("first", [ValueError(1), ExceptionGroup("sub", [TypeError(2)])])
except ExceptionGroup:
    raise RuntimeError("after the group")
