import os
import tempfile

with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "notes.txt")
    with open(p, "w", encoding="utf-8") as f:
        print("first line", file=f)
        f.write("second línea\n")
        f.writelines(["third\n", "fourth"])
    print(os.path.getsize(p))
    with open(p, encoding="utf-8") as f:
        print(f.readline().rstrip(), f.tell())
        print(f.readlines())
    with open(p, "a", encoding="utf-8") as f:
        f.write("\nappended")
    with open(p, "rb") as f:
        data = f.read()
        print(len(data), data[-8:], f.seek(6), f.read(4), f.seek(-3, 2), f.read())
    with open(p, "r+b") as f:
        f.seek(0)
        f.write(b"FIRST")
        f.seek(0)
        print(f.read(10))
        f.truncate(11)
    with open(p, "rb") as f:
        print(f.read())
    with open(os.path.join(d, "new.bin"), "xb") as f:
        f.write(bytes(range(10)))
    try:
        open(os.path.join(d, "new.bin"), "x")
    except FileExistsError as e:
        print("FileExistsError", e.errno, os.path.basename(e.filename))
    with open(os.path.join(d, "new.bin"), "rb", buffering=0) as f:
        print(type(f).__name__, f.read(3), f.readall())
    with open(os.path.join(d, "new.bin"), "rb") as f:
        print(type(f).__name__, f.peek(2)[:2], f.read1(4), f.raw.name == f.name)
    with open(p, "w", newline="\r\n") as f:
        f.write("a\nb\n")
    with open(p, "rb") as f:
        print(f.read())
    with open(p, newline="") as f:
        print(repr(f.read()))
    print(sorted(os.listdir(d)))
print(os.path.exists(d))
