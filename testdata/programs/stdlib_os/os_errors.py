import errno
import os
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    open("file.txt", "w").close()
    os.mkdir("dir")
    cases = [
        ("stat missing", lambda: os.stat("missing")),
        ("mkdir existing", lambda: os.mkdir("dir")),
        ("rmdir file", lambda: os.rmdir("file.txt")),
        ("remove dir", lambda: os.remove("dir")),
        ("listdir file", lambda: os.listdir("file.txt")),
        ("rename missing", lambda: os.rename("nope", "other")),
        ("open dir for write", lambda: open("dir", "w")),
        ("chdir file", lambda: os.chdir("file.txt")),
    ]
    for label, fn in cases:
        try:
            fn()
        except OSError as e:
            print(f"{label:20} {type(e).__name__:20} {errno.errorcode[e.errno]:8} {e.strerror} | {e.filename!r} {e.filename2!r}")
    e = FileNotFoundError(errno.ENOENT, "No such file or directory", "x.cfg")
    print(e, e.args, isinstance(e, OSError), OSError(errno.EEXIST, "exists").__class__.__name__)
    print(OSError(errno.EACCES, "denied").__class__.__name__, OSError("plain").errno, IOError is OSError, EnvironmentError is OSError)
    os.chdir("/")
open("definitely_missing_file.txt")
