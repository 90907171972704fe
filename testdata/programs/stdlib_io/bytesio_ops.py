import io
import struct

b = io.BytesIO(b"\x00\x01\x02header")
print(b.read(3), b.read(), b.tell(), b.getbuffer().nbytes)
b.seek(-6, io.SEEK_END)
print(b.read(3), b.seek(0, io.SEEK_CUR))
b.write(b"XYZ!!")
print(b.getvalue())
out = io.BytesIO()
for i in range(3):
    out.write(struct.pack("<Hd", i, i / 4))
print(out.tell(), out.getvalue()[:10].hex())
out.seek(0)
while chunk := out.read(10):
    print(struct.unpack("<Hd", chunk))
view = out.getbuffer()
view[0] = 0xFF
print(out.getvalue()[:2])
try:
    out.write(b"more")
except BufferError as e:
    print("BufferError:", e)
del view
out.write(b"ok")
print(len(out.getvalue()))
r = io.BytesIO(b"one\ntwo\nthree")
print(r.readline(), r.readlines(), r.readline())
r.seek(0)
ba = bytearray(5)
print(r.readinto(ba), ba, r.read1(2), hasattr(r, "peek"))
print(io.BytesIO(b"abc").read(-1), io.BytesIO().read(), io.BytesIO(b"x").isatty())
try:
    io.BytesIO("text")
except TypeError as e:
    print("TypeError:", e)
