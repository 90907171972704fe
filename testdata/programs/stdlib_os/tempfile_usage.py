import os
import tempfile

with tempfile.NamedTemporaryFile("w+", suffix=".txt", prefix="corpus_", delete=True) as f:
    base = os.path.basename(f.name)
    print(base.startswith("corpus_"), base.endswith(".txt"), os.path.dirname(f.name) == tempfile.gettempdir())
    f.write("hello temp\n")
    f.flush()
    f.seek(0)
    print(f.read(), end="")
    name = f.name
print(os.path.exists(name))
with tempfile.TemporaryFile() as tf:
    tf.write(b"anonymous")
    tf.seek(0)
    print(tf.read(), "b" in tf.mode)
with tempfile.SpooledTemporaryFile(max_size=10, mode="w+") as sp:
    sp.write("short")
    print(sp._rolled)
    sp.write(" and now longer than ten")
    print(sp._rolled)
    sp.seek(0)
    print(sp.read())
fd, path = tempfile.mkstemp(suffix=".bin", text=False)
os.write(fd, b"12345")
os.close(fd)
print(os.path.getsize(path), os.path.basename(path).endswith(".bin"))
os.unlink(path)
d = tempfile.mkdtemp(prefix="dir_")
print(os.path.isdir(d), os.path.basename(d).startswith("dir_"), os.listdir(d))
os.rmdir(d)
with tempfile.TemporaryDirectory(suffix="_x") as td:
    print(os.path.basename(td).endswith("_x"), os.path.isdir(td))
    open(os.path.join(td, "inner"), "w").close()
print(os.path.exists(td))
t = tempfile.TemporaryDirectory()
p = t.name
t.cleanup()
print(os.path.exists(p), isinstance(tempfile.gettempprefix(), str), tempfile.template)
