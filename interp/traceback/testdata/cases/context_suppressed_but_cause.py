try:
    raise OSError("ctx")
except OSError:
    e = RuntimeError("main")
    e.__cause__ = None
    e.__suppress_context__ = False
    raise e
