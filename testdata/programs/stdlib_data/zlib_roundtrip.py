import zlib

text = ("The rain in Spain stays mainly in the plain. " * 40).encode()
for level in [0, 1, 6, 9]:
    c = zlib.compress(text, level)
    print(level, zlib.decompress(c) == text, len(c) < len(text) or level == 0)
print(zlib.crc32(text), zlib.adler32(text), zlib.crc32(b""), zlib.adler32(b""))
print(zlib.crc32(b"b", zlib.crc32(b"a")) == zlib.crc32(b"ab"))
co = zlib.compressobj(6, zlib.DEFLATED, -15)
raw = co.compress(text[:500]) + co.compress(text[500:]) + co.flush()
do = zlib.decompressobj(-15)
out = b""
for i in range(0, len(raw), 7):
    out += do.decompress(raw[i:i + 7])
out += do.flush()
print(out == text, do.eof, do.unused_data, do.unconsumed_tail)
gz = zlib.compressobj(wbits=31)
gzdata = gz.compress(b"gzip me") + gz.flush()
print(gzdata[:2].hex(), zlib.decompress(gzdata, 47))
d2 = zlib.decompressobj()
part = d2.decompress(zlib.compress(b"abcdef") + b"EXTRA", 3)
print(part, d2.unconsumed_tail != b"" or d2.eof, d2.decompress(d2.unconsumed_tail), d2.unused_data)
try:
    zlib.decompress(b"not compressed")
except zlib.error as e:
    print("zlib.error:", e)
try:
    zlib.decompress(zlib.compress(b"hello")[:-3])
except zlib.error as e:
    print("zlib.error:", e)
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION)
