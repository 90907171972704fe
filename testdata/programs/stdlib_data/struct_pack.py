import struct

print(struct.calcsize("i"), struct.calcsize("<i"), struct.calcsize("@bi"), struct.calcsize("=bi"), struct.calcsize("<qhB3s?"))
data = struct.pack("<HIq", 1, 2, -3)
print(data, len(data))
print(struct.unpack("<HIq", data))
print(struct.pack(">hf d", -2, 1.5, 2.25).hex())
print(struct.unpack(">hf d", struct.pack(">hf d", -2, 1.5, 2.25)))
print(struct.pack("4s", b"ab"), struct.pack("3p", b"abcdef"), struct.pack("?x?", True, 0))
print(struct.pack("<e", 0.5).hex(), struct.unpack("<e", b"\x00\x3c"))
rec = struct.Struct("<10sHf")
print(rec.size, rec.format)
blob = rec.pack(b"widget", 7, 0.25) + rec.pack(b"gear", 3, 1.75)
for name, qty, w in rec.iter_unpack(blob):
    print(name.rstrip(b"\0").decode(), qty, w)
buf = bytearray(12)
struct.pack_into("<3I", buf, 0, 1, 256, 65536)
print(buf.hex(), struct.unpack_from("<I", buf, 4))
print(struct.pack(">Q", 2**64 - 1), struct.unpack("!i", b"\xff\xff\xff\xfe"))
print(struct.pack("<l", -1), struct.calcsize("n") == struct.calcsize("P"))
for fmt, args in [("<h", (70000,)), ("<B", (-1,)), ("<i", ("x",)), ("<2i", (1,)), ("z", (1,)), ("<?", ())]:
    try:
        struct.pack(fmt, *args)
    except struct.error as e:
        print(fmt, "struct.error:", e)
try:
    struct.unpack("<i", b"abc")
except struct.error as e:
    print("struct.error:", e)
