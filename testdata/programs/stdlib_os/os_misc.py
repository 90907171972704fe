import os
import sys

os.environ["CORPUS_DEMO"] = "value one"
print(os.environ["CORPUS_DEMO"], os.getenv("CORPUS_DEMO"), os.getenv("CORPUS_MISSING", "default"))
print("CORPUS_DEMO" in os.environ, os.environ.get("CORPUS_MISSING"))
del os.environ["CORPUS_DEMO"]
print(os.getenv("CORPUS_DEMO"))
print(os.sep, os.altsep, os.pathsep, repr(os.linesep), os.curdir, os.pardir, os.extsep, os.devnull, os.name)
print(type(os.getpid()).__name__, os.getpid() > 0, type(os.cpu_count()).__name__, len(os.urandom(16)))
print(os.fspath("str/path"), os.fspath(b"bytes"), os.fsencode("é"), os.fsdecode(b"\xc3\xa9"))


class P:
    def __fspath__(self):
        return "custom/path"


print(os.fspath(P()), os.path.join(P(), "x"))
print(os.path.basename(os.getcwd()), os.getcwd() == os.path.abspath("."))
print(os.strerror(2), os.strerror(13))
print(os.get_terminal_size.__name__, sorted(k for k in ("O_RDONLY", "O_CREAT", "SEEK_SET") if hasattr(os, k)))
r, w = os.pipe()
os.write(w, b"through the pipe")
os.close(w)
print(os.read(r, 100))
os.close(r)
print(os.path.supports_unicode_filenames, os.supports_follow_symlinks.__class__.__name__)
try:
    os.fspath(42)
except TypeError as e:
    print("TypeError:", e)
try:
    os.environ["X"] = 1
except TypeError as e:
    print("TypeError:", e)
sys.exit(os.EX_USAGE)
