class Outer:
    class InnerError(Exception):
        pass


class Remote(Exception):
    pass


Remote.__module__ = "pkg.remote"


try:
    raise Outer.InnerError("nested class")
except Exception:
    raise Remote("from another module")
