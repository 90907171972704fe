import os
import struct
import tempfile

RECORD = struct.Struct("<I16sdB")
people = [(1, "Ada", 36.5, 1), (2, "Grace", 85.25, 0), (3, "Linus", 54.0, 1), (4, "Ünïcode", 0.5, 0)]
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "people.dat")
    with open(path, "wb") as f:
        f.write(b"PPL1")
        f.write(struct.pack("<H", len(people)))
        for pid, name, score, active in people:
            f.write(RECORD.pack(pid, name.encode("utf-8"), score, active))
    print("file size", os.path.getsize(path), "record size", RECORD.size)
    with open(path, "rb") as f:
        magic = f.read(4)
        (n,) = struct.unpack("<H", f.read(2))
        print(magic, n)
        f.seek(6 + 2 * RECORD.size)
        pid, name, score, active = RECORD.unpack(f.read(RECORD.size))
        print(pid, name.rstrip(b"\0").decode(), score, bool(active))
        f.seek(6)
        for rec in iter(lambda: f.read(RECORD.size), b""):
            pid, name, score, active = RECORD.unpack(rec)
            print(f"{pid:3} {name.rstrip(bytes(1)).decode():10} {score:7.2f} {'*' if active else ''}")
    with open(path, "r+b") as f:
        f.seek(6 + RECORD.size + 20)
        f.write(struct.pack("<d", 99.0))
    with open(path, "rb") as f:
        f.seek(6 + RECORD.size)
        print(RECORD.unpack(f.read(RECORD.size))[2])
