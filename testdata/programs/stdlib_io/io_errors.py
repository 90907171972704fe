import io
import os
import tempfile

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "f.txt")
    with open(path, "w") as f:
        f.write("data")
        try:
            f.read()
        except io.UnsupportedOperation as e:
            print("UnsupportedOperation:", e)
    print(f.closed)
    try:
        f.write("x")
    except ValueError as e:
        print("ValueError:", e)
    with open(path, "rb") as f:
        try:
            f.write(b"x")
        except io.UnsupportedOperation as e:
            print("UnsupportedOperation:", e)
    for mode in ["rw", "rt+b", "z", "wa"]:
        try:
            open(path, mode)
        except ValueError as e:
            print(repr(mode), "ValueError:", e)
    try:
        open(path, "rb", encoding="utf-8")
    except ValueError as e:
        print("ValueError:", e)
    try:
        open(path, encoding="no-such-codec")
    except LookupError as e:
        print("LookupError:", e)
    try:
        open(d)
    except IsADirectoryError as e:
        print("IsADirectoryError:", e.strerror, e.errno)
    try:
        open(os.path.join(d, "missing", "x.txt"))
    except FileNotFoundError as e:
        print("FileNotFoundError:", e.strerror, e.errno, os.path.relpath(e.filename, d))
    print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
    s = io.StringIO()
    try:
        s.fileno()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation:", e)
    with open(path, "r") as f:
        try:
            print(f.seek(0, 1))
            f.seek(2, 1)
        except io.UnsupportedOperation as e:
            print("UnsupportedOperation:", e)
