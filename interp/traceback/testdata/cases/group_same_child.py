e = ValueError("shared")
try:
    raise e
except ValueError:
    pass
try:
    raise KeyError("ctx")
except KeyError as k:
    e.__context__ = k
raise ExceptionGroup("twice", [e, e, ExceptionGroup("again", [e])])
