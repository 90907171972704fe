e = LookupError("odd notes")
e.__notes__ = ["a\rb\x0bc", 42, "z"]
try:
    raise e
except LookupError:
    f = KeyError("k")
    f.__notes__ = "not a list"
    raise f
