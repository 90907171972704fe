first = KeyError("first")
try:
    raise first
except KeyError:
    try:
        raise OSError("second")
    except OSError as second:
        raise RuntimeError("third") from first
