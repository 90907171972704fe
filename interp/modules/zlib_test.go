package modules_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// zlib against CPython 3.12. Compressed bytes differ from CPython's
// (compress/flate is not zlib's deflate), so the programs decompress
// streams CPython made (embedded below), check round trips through our
// compressor, and a separate test hands our streams to CPython to read.

// zlibStreams are streams CPython 3.12 made of DATA: zlib, raw and gzip
// containers, every block type, small windows, flush points, a gzip
// header with every optional field, and preset dictionaries.
const zlibStreams = `DATA = b'hello world, hello zlib! hello world, hello zlib! hello world, hello zlib! hello world, hello zlib! hello world, hello zlib! hello world, hello zlib! hello world, hello zlib! hello world, hello zlib! \x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !"#$%&\'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc'
STREAMS = {
    'z6': (b'x\x9c\xcbH\xcd\xc9\xc9W(\xcf/\xcaI\xd1Q\xc8\x00s\xaar2\x93\x14\xa1\xec!#\xc1\xc0\xc8\xc4\xcc\xc2\xca\xc6\xce\xc1\xc9\xc5\xcd\xc3\xcb\xc7/ ($,"*&.!)%-#+\'\xaf\xa0\xa8\xa4\xac\xa2\xaa\xa6\x9e\x98\x94L6\x02\x00\xfe\xaa\x60u', 15),
    'raw9': (b'\xcbH\xcd\xc9\xc9W(\xcf/\xcaI\xd1Q\xc8\x00s\xaar2\x93\x14\xa1\xec!#\xc1\xc0\xc8\xc4\xcc\xc2\xca\xc6\xce\xc1\xc9\xc5\xcd\xc3\xcb\xc7/ ($,"*&.!)%-#+\'\xaf\xa0\xa8\xa4\xac\xa2\xaa\xa6\x9e\x98\x94L6\x02\x00', -15),
    'gz1': (b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x04\x03\xcbH\xcd\xc9\xc9W(\xcf/\xcaI\xd1Q\xc8\x00s\xaar2\x93\x14\xa1\xec!#\xc1\xc0\xc8\xc4\xcc\xc2\xca\xc6\xce\xc1\xc9\xc5\xcd\xc3\xcb\xc7/ ($,"*&.!)%-#+\'\xaf\xa0\xa8\xa4\xac\xa2\xaa\xa6\x9e\x98\x94L6\x02\x00Y\xces\xcc,\x01\x00\x00', 31),
    'stored': (b'x\x01\x01,\x01\xd3\xfehello world, hello zlib! hello world, hello zlib! hello world, hello zlib! hello world, hello zlib! hello world, hello zlib! hello world, hello zlib! hello world, hello zlib! hello world, hello zlib! \x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !"#$%&\'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc\xfe\xaa\x60u', 15),
    'z9bits': (b'\x18\x95\xcbH\xcd\xc9\xc9W(\xcf/\xcaI\xd1Q\xc8\x00s\xaar2\x93\x14\xa1\xec!#\xc1\xc0\xc8\xc4\xcc\xc2\xca\xc6\xce\xc1\xc9\xc5\xcd\xc3\xcb\xc7/ ($,"*&.!)%-#+\'\xaf\xa0\xa8\xa4\xac\xa2\xaa\xa6\x9e\x98\x94L6\x02\x00\xfe\xaa\x60u', 9),
    'huff': (b'\x05\xc1G\x8a\x040\x0c\x04\xc0\xcd9\xe7<\xed\x8d\x17\x7fJ\x92\x0524\x08|1\xf8\xf5[\x15N&f\x0e\xb6\x8ap2\xb1\xd8\xb5 \x9cL\xcc\x1cl\x15\xe1db\xb1kA8\x99\x989\xd8*\xc2\xc9\xc4b\xd7\x82p21s\xb0U\x84\x93\x89\xc5\xae\x05\xe1db\xe6\x60\xab\x08\'\x13\x8b]\x0b\xc2\xc9\xc4\xcc\xc1V\x11N&\x16\xbb\x16\x84\x93\x89\x99\x83\xad"\x9cL,v-\x08\'\x133\x07[E8\x99X\xecZ\xb0\xb5\xbd\xb3\xbb\xb7\x7fpxt|rzv~qyu}s{w\xff\xf0\xf8\xf4\xfc\xf2\xfa\xf6\xfe\xb1A\xf9\xfc\xfa\xfe\xf9\xfd\x135Q\x135Q\x135Q\x135Q\x135Q\x135Q\x135Q\x135Q\x135Q\x135Q\xfb\x07', -15),
    'flushes': (b"x\x01\xcaH\xcd\xc9\xc9W(\xcf/\xcaI\xd1Q\xc8\x00s\xaar2\x93\x14\xa1l\xaaH\x00\x00\x00\x00\xff\xff\xa2\x87\x04\x03#\x133\x0b+\x1b;\x07'\x177\x0f/\x1f\xbf\x80\xa0\x90\xb0\x88\xa8\x98\xb8\x84\xa4\x94\xb4\x8c\xac\x9c\xbc\x82\xa2\x92\xb2\x8a\xaa\x9azbR2\xd9\x08\x00\x00\x00\xff\xff\xcb\xcd/J\x05\x00\x84\xe6b(", 15),
    'gzhdr': (b'\x1f\x8b\x08\x1e\x00\x00\x00\x00\x00\x03\x03\x00extname.txt\x00comment\x00=\xb9\xcbK\xccMMQ\xc8M\xcdMJ-\x02\x00\xac\xb7;C\x0c\x00\x00\x00', 31),
}
ZDICT = b'x\xbbx\xe0\x08\xcf\xcb\x18&\x12\x0c\x8cL\xcc,\xacl\xec\x1c\x9c\\\xdc<\xbc|\xfc\x02\x82B\xc2"\xa2b\xe2\x12\x92R\xd22\xb2r\xf2\n\x8aJ\xca*\xaaj\xea\x89I\xc9d#\x00\xfe\xaa\x60u'
ZDICT_RAW = b'\xcb\x18&\x12\x0c\x8cL\xcc,\xacl\xec\x1c\x9c\\\xdc<\xbc|\xfc\x02\x82B\xc2"\xa2b\xe2\x12\x92R\xd22\xb2r\xf2\n\x8aJ\xca*\xaaj\xea\x89I\xc9d#\x00'
HELLO50 = b'x\x9c\xcbH\xcd\xc9\xc9W(\xcf/\xcaIQ\xc8\x18e\x8f\xb2\xa9\xc4\x06\x00\x86I\xe09'
ABC = b"x\x9cKLJ\x06\x00\x02M\x01'"
ABC100 = b'x\x9cKLJN\x1cE\xc4!\x00\x88Mr\xd9'
`

var zlibPrograms = map[string]string{
	"functions": zlibStreams + `import zlib
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for name, (s, wb) in STREAMS.items():
    out = zlib.decompress(s, wb)
    print(name, len(s), out == DATA or out, zlib.decompress(s, wb, 1) == out)
    if wb > 0:
        t(lambda: zlib.decompress(s, wb + 32) == out)
        t(lambda: zlib.decompress(s, 0 if wb < 16 else 16) == out)
    for other in (-15, 15, 31, 47, 8, 0, 16, 32, -8):
        t(lambda: zlib.decompress(s, other) == out)
c = HELLO50
t(lambda: zlib.decompress(c))
t(lambda: zlib.decompress(c[:-1]))
t(lambda: zlib.decompress(c[:-5]))
t(lambda: zlib.decompress(c+b"xyz"))
t(lambda: zlib.decompress(b"xyz"))
t(lambda: zlib.decompress(b"\x78\x9c\xff\xff"))
t(lambda: zlib.decompress(b"\x77\x9c"))
t(lambda: zlib.decompress(b"\x88\x9c"))
for wb in (-15, 9, 8, 7, 0, 16, 31, 47, 48, -7, -16, 2**31-1, -2**31):
    t(lambda: zlib.decompress(c, wb))
t(lambda: zlib.decompress(c, 2**31))
t(lambda: zlib.decompress(c, bufsize=-1))
t(lambda: zlib.decompress(c, bufsize=0))
t(lambda: zlib.decompress(c, bufsize=2**63))
t(lambda: zlib.decompress(b""))
t(lambda: zlib.decompress(c[:-4]+b"\0\0\0\0"))
g = STREAMS["gz1"][0]
t(lambda: zlib.decompress(g[:-1]+b"x", 31))
t(lambda: zlib.decompress(g[:-5]+b"x"+g[-4:], 31))
t(lambda: zlib.decompress(g+g, 31) == DATA)
t(lambda: zlib.decompress(b"\x1f\x8b\x07"+g[3:], 31))
t(lambda: zlib.decompress(b"\x1f\x8b\x08\xe0"+g[4:], 31))
h = STREAMS["gzhdr"][0]
t(lambda: zlib.decompress(h, 31))
t(lambda: zlib.decompress(h[:30] + bytes([h[30] ^ 1]) + h[31:], 31))
t(lambda: zlib.decompress(b"\x00\x00", -15))
t(lambda: zlib.decompress(b"\x07\x00", -15))
t(lambda: zlib.decompress(b"\x01\x05\x00\x00\x00", -15))
t(lambda: zlib.decompress(b"\x01\x05\x00\xfa\xff", -15))
t(lambda: zlib.decompress(b"\x01\x05\x00\xfa\xffhello", -15))
t(lambda: zlib.decompress(b"\x01\x05\x00\xfa\xffhelloextra", -15))
t(lambda: zlib.decompress(b"\x00\x05\x00\xfa\xffhello", -15))
t(lambda: zlib.decompress(bytearray(ABC)))
t(lambda: zlib.decompress(memoryview(ABC)))
t(lambda: zlib.decompress("abc"))
t(lambda: zlib.decompress(ZDICT))
t(lambda: zlib.crc32(b"abc"))
t(lambda: zlib.crc32(b"abc", -1))
t(lambda: zlib.crc32(b"abc", 2**70 + 5))
t(lambda: zlib.crc32(memoryview(b"abc"), True))
t(lambda: zlib.adler32(b"abc"))
t(lambda: zlib.adler32(b""))
t(lambda: zlib.adler32(b"abc", 2**33+5))
t(lambda: zlib.adler32(b"x"*100000, 12345))
t(lambda: zlib.adler32(bytes(range(256))*50, 0xffffffff))
t(lambda: zlib.adler32("abc"))
t(lambda: zlib.crc32(b"a", 1.5))
t(lambda: zlib.error.__mro__)
t(lambda: zlib.error.__module__)
t(lambda: zlib.crc32())
t(lambda: zlib.crc32(b"", 1, 2))
t(lambda: zlib.adler32(b"", value=2))
t(lambda: zlib.compress(b"", 1, 15, 3))
t(lambda: zlib.compress(b"hello", 10))
t(lambda: zlib.compress(b"hello", -2))
t(lambda: zlib.compress(b"hello", wbits=16))
t(lambda: zlib.compress(b"hello", wbits=-8))
t(lambda: zlib.compress(b"hello", wbits=0))
t(lambda: zlib.compress(b"hello", wbits=40))
t(lambda: zlib.compress("hello"))
t(lambda: zlib.compress(data=b"x"))
t(lambda: zlib.compress(b"x", level=2**40))
t(lambda: zlib.compress(b"x", level=1.5))
t(lambda: zlib.compress(b"hello", wbits=31)[:10])
t(lambda: zlib.compress(b"hello", 1, 31)[:10])
t(lambda: zlib.compress(b"hello", 9, 31)[:10])
t(lambda: zlib.compress(b"hello", 9)[:2])
t(lambda: zlib.compress(b"hello", 1)[:2])
t(lambda: zlib.compress(b"hello", 3)[:2])
t(lambda: zlib.compress(b"hello", 0)[:2])
t(lambda: zlib.compress(b"hello")[-4:])
t(lambda: zlib.decompress())
t(lambda: zlib.decompress(b"", 1, 2, 3))
print(sorted(x for x in dir(zlib) if not x.startswith("__")))
print(zlib.ZLIB_VERSION, zlib.ZLIB_RUNTIME_VERSION, zlib.__version__, zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_BUF_SIZE, zlib.DEF_MEM_LEVEL)
print([getattr(zlib, n) for n in sorted(dir(zlib)) if n.startswith("Z_")])
print(zlib.__doc__)
`,
	"objects": zlibStreams + `import zlib
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
c = HELLO50
d = zlib.decompressobj()
t(lambda: d.decompress(c, 10))
t(lambda: (len(d.unconsumed_tail), d.unused_data, d.eof))
t(lambda: len(d.decompress(d.unconsumed_tail, 100)))
t(lambda: (len(d.unconsumed_tail), d.unused_data, d.eof))
t(lambda: len(d.decompress(d.unconsumed_tail)))
t(lambda: (len(d.unconsumed_tail), d.unused_data, d.eof))
t(lambda: d.decompress(b"abc"))
t(lambda: (len(d.unconsumed_tail), d.unused_data, d.eof))
t(lambda: d.decompress(b"def"))
t(lambda: (len(d.unconsumed_tail), d.unused_data, d.eof))
t(lambda: d.flush())
t(lambda: d.decompress(b"x"))
t(lambda: d.copy())
t(lambda: d.__copy__())
t(lambda: d.flush())
t(lambda: d.decompress(b"", -1))
t(lambda: zlib.decompressobj().decompress(b"", -1))
t(lambda: zlib.decompressobj().flush(0))
t(lambda: zlib.decompressobj().flush(-1))
t(lambda: zlib.decompressobj(7))
t(lambda: zlib.decompressobj(wbits=48))
t(lambda: zlib.decompressobj(zdict="abc"))
t(lambda: zlib.decompressobj(zdict=1))
t(lambda: type(zlib.decompressobj(zdict=b"abc", wbits=-15)))
t(lambda: type(zlib.decompressobj()).__name__)
t(lambda: type(zlib.decompressobj()).__module__)
t(lambda: type(zlib.decompressobj())())
t(lambda: type(zlib.compressobj())())
for kw in [dict(method=7), dict(memLevel=10), dict(memLevel=0), dict(strategy=5), dict(strategy=-1), dict(level=11), dict(level=-2), dict(wbits=7), dict(wbits=-8), dict(wbits=32), dict(wbits=24), dict(zdict="abc")]:
    print(kw, end=" "); t(lambda: zlib.compressobj(**kw))
t(lambda: zlib.compressobj(1,2,3,4,5,6,7))
t(lambda: type(zlib.compressobj(1,8,15,8,0,b"abc")))
t(lambda: type(zlib.compressobj(9, zlib.DEFLATED, 31, 9, zlib.Z_RLE)))
co = zlib.compressobj(zdict=b"")
t(lambda: zlib.decompress(co.compress(b"abc") + co.flush()))
co = zlib.compressobj(zdict=b"abcdef" * 10000)
t(lambda: zlib.decompressobj(zdict=b"abcdef" * 10000).decompress(co.compress(b"abcdef" * 3) + co.flush()))
co = zlib.compressobj()
t(lambda: co.compress(b"abc"))
t(lambda: co.flush(zlib.Z_NO_FLUSH))
t(lambda: co.flush(zlib.Z_SYNC_FLUSH))
t(lambda: type(co.flush()))
t(lambda: co.flush())
t(lambda: co.compress(b"x"))
t(lambda: co.copy())
t(lambda: co.__deepcopy__({}))
t(lambda: co.compress("x"))
t(lambda: zlib.compressobj().flush(zlib.Z_SYNC_FLUSH))
t(lambda: zlib.compressobj().flush(99))
t(lambda: zlib.compressobj().flush(-1))
t(lambda: zlib.compressobj().flush(2**40))
t(lambda: zlib.compressobj().compress())
t(lambda: zlib.compressobj().compress(b"", b""))
t(lambda: zlib.compressobj().compress(data=b""))
t(lambda: zlib.compressobj().flush(1, 2))
t(lambda: zlib.compressobj().flush(mode=2))
t(lambda: zlib.compressobj().copy(1))
t(lambda: zlib.compressobj().__deepcopy__())
t(lambda: zlib.decompress(ZDICT))
t(lambda: zlib.decompressobj().decompress(ZDICT))
t(lambda: zlib.decompressobj(zdict=b"hello world, hello zlib? ").decompress(ZDICT))
t(lambda: zlib.decompressobj(zdict=b"hello world, hello zlib! ").decompress(ZDICT) == DATA)
t(lambda: zlib.decompressobj(zdict=bytearray(b"hello world, hello zlib! ")).decompress(ZDICT) == DATA)
t(lambda: zlib.decompressobj(-15, zdict=b"hello world, hello zlib! ").decompress(ZDICT_RAW) == DATA)
t(lambda: zlib.decompressobj(-15).decompress(ZDICT_RAW))
d = zlib.decompressobj(zdict=b"hello world, hello zlib! ")
t(lambda: d.decompress(ZDICT[:3]))
t(lambda: d.decompress(ZDICT[3:20], 5))
t(lambda: d.unconsumed_tail)
e = d.copy()
t(lambda: len(d.decompress(d.unconsumed_tail + ZDICT[20:])))
t(lambda: len(e.decompress(e.unconsumed_tail + ZDICT[20:] + b"++")))
t(lambda: (d.eof, e.eof, d.unused_data, e.unused_data))
d = zlib.decompressobj()
t(lambda: d.decompress(b"x\x9c\xff\xff"))
t(lambda: d.decompress(b"x\x9c"))
t(lambda: d.flush())
t(lambda: d.eof)
d = zlib.decompressobj()
t(lambda: d.decompress(ABC[:-3]))
t(lambda: d.flush())
t(lambda: d.eof)
t(lambda: d.decompress(b"abc"))
t(lambda: type(d.copy()))
d = zlib.decompressobj(wbits=-15)
t(lambda: d.decompress(b""))
t(lambda: d.flush())
t(lambda: zlib.decompressobj().decompress("abc"))
t(lambda: zlib.decompressobj().decompress(b"abc", max_length=2**70))
t(lambda: zlib.decompressobj().decompress(data=b"abc"))
t(lambda: zlib.decompressobj().flush(length=2**70))
t(lambda: zlib.decompressobj().decompress())
t(lambda: zlib.decompressobj().decompress(b"", 1, 2))
t(lambda: zlib.decompressobj().decompress(b"", max_length=1.5))
t(lambda: zlib.decompressobj().flush(1, 2))
t(lambda: zlib.decompressobj(1,2,3))
t(lambda: zlib.decompressobj(foo=1))
t(lambda: zlib.decompressobj().eof.__class__)
t(lambda: zlib.decompressobj().unused_data.__class__)
d = zlib.decompressobj()
t(lambda: setattr(d, "eof", 1))
t(lambda: setattr(d, "unused_data", 1))
t(lambda: setattr(d, "unconsumed_tail", 1))
# Chunked decompression with every output limit: the same data each time.
for name, (s, wb) in STREAMS.items():
    for step in (1, 3, 50):
        for limit in (0, 1, 7, 1000):
            d = zlib.decompressobj(wb)
            out = b""
            for i in range(0, len(s), step):
                out += d.decompress(s[i:i+step], limit)
                while d.unconsumed_tail and not d.eof:
                    out += d.decompress(d.unconsumed_tail, limit)
            out += d.flush()
            assert out == zlib.decompress(s, wb), (name, step, limit)
            assert d.eof and d.unused_data == b"" and d.unconsumed_tail == b"", (name, step, limit)
    d = zlib.decompressobj(wb)
    half = d.decompress(s[:len(s)//2])
    e = d.copy()
    print(name, len(half + d.decompress(s[len(s)//2:] + b"!!")), len(half + e.decompress(s[len(s)//2:])), d.unused_data, e.unused_data)
`,
	"decompressor": zlibStreams + `import zlib
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
D = zlib._ZlibDecompressor
t(lambda: type(D(wbits=-15)))
t(lambda: D(7))
t(lambda: D(1, 2, 3))
t(lambda: D(foo=1))
zd = D()
c = ABC100
t(lambda: zd.needs_input)
t(lambda: zd.decompress(c[:5], 3))
t(lambda: (zd.needs_input, zd.eof, zd.unused_data))
t(lambda: zd.decompress(c[5:]+b"zz", 3))
t(lambda: (zd.needs_input, zd.eof, zd.unused_data))
t(lambda: len(zd.decompress(b"yy")))
t(lambda: (zd.needs_input, zd.eof, zd.unused_data))
t(lambda: zd.decompress(b"ww"))
t(lambda: (zd.needs_input, zd.eof, zd.unused_data))
zd = D()
t(lambda: zd.decompress(b"x\x9c\xff"))
t(lambda: zd.decompress(b""))
t(lambda: D().decompress(c, max_length=0))
zd = D()
t(lambda: (zd.decompress(c, 0), zd.needs_input))
t(lambda: (len(zd.decompress(b"", 10)), zd.needs_input))
t(lambda: (len(zd.decompress(b"")), zd.needs_input, zd.eof))
t(lambda: len(D().decompress(data=c)))
t(lambda: D().decompress())
t(lambda: D().decompress(b"", 1, 2))
t(lambda: D().decompress("abc"))
t(lambda: D(zdict=b"hello world, hello zlib! ").decompress(ZDICT) == DATA)
t(lambda: D().decompress(ZDICT))
t(lambda: D(-15, b"hello world, hello zlib! ").decompress(ZDICT_RAW) == DATA)
t(lambda: setattr(D(), "eof", True))
t(lambda: setattr(D(), "needs_input", True))
for name, (s, wb) in STREAMS.items():
    for step in (1, 5, 64):
        for limit in (-1, 1, 9, 100):
            zd = D(wb)
            out = b""
            pos = 0
            while not zd.eof:
                if zd.needs_input:
                    chunk = s[pos:pos+step] + (b"tail" if pos + step >= len(s) else b"")
                    pos += step
                    if not chunk:
                        break
                else:
                    chunk = b""
                out += zd.decompress(chunk, limit)
            assert out == zlib.decompress(s, wb), (name, step, limit)
            assert zd.unused_data == b"tail", (name, step, limit, zd.unused_data)
    print(name, "ok")
`,
	"buffers": `import zlib, binascii, _blake2, _md5
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
co = zlib.compressobj()
co.compress(b"x" * (1 << 20)); co.compress(b"y")
co.flush(zlib.Z_FULL_FLUSH)
t(lambda: type(co.copy()))
class S(str): pass
B = bytes
t(lambda: binascii.unhexlify(S("abcd")))
t(lambda: binascii.hexlify(B(b"ab"), S(":")))
t(lambda: binascii.hexlify(B(b"ab"), B(b":")))
t(lambda: binascii.hexlify(b"ab", bytearray(b":")))
t(lambda: binascii.a2b_base64(S("YWJj")))
t(lambda: _md5.md5(B(b"ab")).hexdigest())
t(lambda: _blake2.blake2b(B(b"ab"), key=bytearray(b"k"), salt=memoryview(b"s")).hexdigest())
m = memoryview(b"abcdef")[::2]
t(lambda: binascii.hexlify(m))
t(lambda: zlib.crc32(m))
d = zlib.decompressobj()
t(lambda: d.decompress(bytearray(zlib.compress(b"hello")), 2))
t(lambda: d.unconsumed_tail.__class__)
t(lambda: zlib.decompress(zlib.compress(b"a" * 10**6)).count(b"a"))
import _sha2
t(lambda: _sha2.sha256(m))
t(lambda: _sha2.sha256().update(m))
t(lambda: binascii.a2b_base64(m))
t(lambda: type(zlib.decompressobj(zdict=m)))
t(lambda: zlib.compressobj(zdict=m))
t(lambda: zlib.decompress(memoryview(b"xx")[::-1]))
`,
	"corrupt": zlibStreams + `import zlib
res = []
for name, (s, wb) in STREAMS.items():
    for i in range(len(s)):
        for mask in (1, 0x10, 0x80, 0xff):
            bad = bytearray(s); bad[i] ^= mask
            try:
                out = zlib.decompress(bytes(bad), wb)
                r = "ok %d %d" % (len(out), zlib.crc32(out))
            except zlib.error as e:
                r = str(e)
            res.append(r)
            if i % 3:
                continue
            d = zlib.decompressobj(wb)
            try:
                out = b""
                for k in range(0, len(bad), 7):
                    out += d.decompress(bytes(bad[k:k+7]), 5)
                    while d.unconsumed_tail and not d.eof:
                        out += d.decompress(d.unconsumed_tail, 5)
                out += d.flush()
                r = "ok %d %d %s %r" % (len(out), zlib.crc32(out), d.eof, d.unused_data)
            except zlib.error as e:
                r = str(e)
            res.append(r)
    for cut in range(len(s)):
        try:
            zlib.decompress(s[:cut], wb); res.append("ok")
        except zlib.error as e:
            res.append(str(e))
counts = {}
for r in res:
    if not r.startswith("ok"):
        counts[r] = counts.get(r, 0) + 1
for k, v in sorted(counts.items()):
    print(v, k)
print(len(res), zlib.crc32("\n".join(res).encode()))
`,
}

// zlibStdlibData are a gzip member and a zip archive CPython made.
const zlibStdlibData = `GZ_CPYTHON = b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x0b\xc9HU(,\xcdL\xceVH*\xca/\xcfSH\xcb\xafP\xc8*\xcd-(V\xc8/K-R(\x01J\xe7$VU*\xa4\xe4\xa7\xeb)\x84\x8c*\x1eU<\xaaxT\xf1\xa8\xe2Q\xc5\xa3\x8a\x07\xa3b\x00\xca\xf2\xc6%\xd0\x07\x00\x00'
ZIP_CPYTHON = b'PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00!P6\xb6"<D\x00\x00\x00\xb8\x0b\x00\x00\x05\x00\x00\x00x.txt\xed\xcaG\x01\x800\x10EA+_\x01jb\x80\x92\xd0\xd9\x10\x08M=\xb8\xe0\xf2\xce3\xae\xf3Zs_\x8f\xaa\x92\x9d\x8b\x82]\x1a\xf2\x1c7\xd9\xe1\x93\xf6\x8f\xa7\xf2\xb9\xd5X[\xc8\x91\xc9d2\x99L&\x93\xc9\xe4?\xf2\x0bPK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00!P\xdf<\xfa+\x07\x00\x00\x00\x1e\x00\x00\x00\x05\x00\x00\x00y.txt+\xcf\xa8,\xc7\x8d\x00PK\x01\x02\x14\x03\x14\x00\x00\x00\x08\x00\x00\x00!P6\xb6"<D\x00\x00\x00\xb8\x0b\x00\x00\x05\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x01\x00\x00\x00\x00x.txtPK\x01\x02\x14\x03\x14\x00\x00\x00\x08\x00\x00\x00!P\xdf<\xfa+\x07\x00\x00\x00\x1e\x00\x00\x00\x05\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x01g\x00\x00\x00y.txtPK\x05\x06\x00\x00\x00\x00\x02\x00\x02\x00f\x00\x00\x00\x91\x00\x00\x00\x00\x00'
`

var zlibStdlibPrograms = map[string]string{
	"gzip": zlibStdlibData + `import gzip, io, zlib
data = b"The quick brown fox jumps over the lazy dog. " * 300 + bytes(range(256))
g = gzip.compress(data)
print(gzip.decompress(g) == data, g[:4], g[8:10])
print(gzip.decompress(gzip.compress(data, 1, mtime=0))[-10:], gzip.compress(b"", 9, mtime=0)[:10])
print(gzip.decompress(gzip.compress(b"a") + gzip.compress(b"bc") + gzip.compress(b"")))
print(gzip.decompress(GZ_CPYTHON) == data[:2000], gzip.decompress(GZ_CPYTHON + GZ_CPYTHON) == data[:2000] * 2)
for bad in (GZ_CPYTHON[:-1], GZ_CPYTHON[:-9], GZ_CPYTHON[:5]):
    try:
        gzip.decompress(bad)
    except EOFError as e:
        print("EOFError:", e)
try:
    gzip.decompress(GZ_CPYTHON[:-8] + b"\0\0\0\0" + GZ_CPYTHON[-4:])
except gzip.BadGzipFile as e:
    print("BadGzipFile:", e)
try:
    gzip.decompress(b"\x1f\x8c" + GZ_CPYTHON[2:])
except gzip.BadGzipFile as e:
    print("BadGzipFile:", e)
for blob in (g, gzip.compress(data, 1) + gzip.compress(b"tail", 9), GZ_CPYTHON):
    for size in (1, 333, 100000):
        r = gzip._GzipReader(io.BytesIO(blob))
        chunks = []
        while True:
            c = r.read(size)
            if not c:
                break
            chunks.append(c)
        print(size, len(b"".join(chunks)), b"".join(chunks)[-8:], len(chunks) if size > 1 else "-")
`,
	"gzipfile": zlibStdlibData + `import gzip, io
data = b"The quick brown fox jumps over the lazy dog. " * 300 + bytes(range(256))
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
    f.write(data[:1000])
    f.flush()
    f.write(data[1000:])
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.read(10), len(f.read()))
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(len(f.readline()), f.seek(5000), f.read(20))
with gzip.GzipFile(fileobj=io.BytesIO(GZ_CPYTHON)) as f:
    print(f.read() == data[:2000])
`,
	"zipfile": zlibStdlibData + `import zipfile, io
data = b"The quick brown fox jumps over the lazy dog. " * 300 + bytes(range(256))
zb = io.BytesIO()
with zipfile.ZipFile(zb, "w", compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr("a.txt", data)
    z.writestr("b.bin", b"\x00" * 5000, compresslevel=9)
    z.writestr("c.txt", b"stored", compress_type=zipfile.ZIP_STORED)
zb.seek(0)
with zipfile.ZipFile(zb) as z:
    print(z.namelist(), [i.CRC for i in z.infolist()])
    print(z.read("a.txt") == data, len(z.read("b.bin")), z.read("c.txt"), z.testzip())
    with z.open("a.txt") as f:
        print(f.read(5), len(f.read(100)), len(f.read()))
with zipfile.ZipFile(io.BytesIO(ZIP_CPYTHON)) as z:
    print(z.namelist(), z.read("x.txt") == data[:3000], z.read("y.txt"))
`,
}

// zlibStdlibNeeds are what the gzipfile and zipfile programs need of
// the rest of the interpreter (io.BufferedReader and BufferedWriter,
// threading).
var zlibStdlibNeeds = map[string]string{
	"gzipfile": "import gzip, io\ngzip.GzipFile(fileobj=io.BytesIO(), mode='wb').close()\n",
	"zipfile":  "import zipfile\n",
}

func TestZlib(t *testing.T) {
	checkModulePrograms(t, zlibPrograms)
	checkBinStdlibPrograms(t, zlibStdlibPrograms, zlibStdlibNeeds)
	t.Run("cpython-reads-ours", func(t *testing.T) {
		out, exc := runProgram(t, zlibProducer)
		if exc != "" {
			t.Fatalf("the producer failed: %s", exc)
		}
		path := filepath.Join(t.TempDir(), "streams.txt")
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		got, gotExc := cpython(t, "PATH = "+strconv.Quote(path)+zlibVerifier)
		if gotExc != "" || !strings.HasSuffix(got, " 0 bad\n") {
			t.Errorf("CPython reading our streams:\n%s%s", got, gotExc)
		}
	})
}

// zlibProducer compresses pseudo-random data with every level,
// container, strategy and flush mode (copying compressors on the way),
// checks that it reads the streams back, and prints them.
const zlibProducer = `import zlib
seed = 7
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed % n
words = [b"alpha ", b"beta ", b"gamma\n", b"\x00\x01\x02", b"zlib"]
def sample(n):
    out = bytearray()
    while len(out) < n:
        if rnd(4) == 0:
            out.append(rnd(256))
        else:
            out += words[rnd(len(words))]
    return bytes(out[:n])
cases = []
for level in range(-1, 10):
    for wbits in (15, -15, 31):
        data = sample(rnd(5000))
        s = zlib.compress(data, level, wbits)
        assert zlib.decompress(s, wbits) == data
        cases.append((wbits, b"", s, data))
for strategy in range(5):
    for wbits in (15, -15, 31):
        zdict = sample(100) if wbits != 31 and rnd(2) else b""
        co = zlib.compressobj(rnd(10), zlib.DEFLATED, wbits, 1 + rnd(9), strategy, *([zdict] if zdict else []))
        data = sample(30000 + rnd(30000))
        s = b""
        pos = 0
        while pos < len(data):
            n = rnd(8000)
            s += co.compress(data[pos:pos+n])
            pos += n
            if rnd(3) == 0:
                s += co.flush([zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK, zlib.Z_NO_FLUSH][rnd(5)])
            if rnd(5) == 0:
                co = co.copy()
        s += co.flush()
        d = zlib.decompressobj(wbits, *([zdict] if zdict else []))
        assert d.decompress(s) == data and d.eof and not d.unused_data
        cases.append((wbits, zdict, s, data))
for wbits, zdict, s, data in cases:
    print(wbits, zdict.hex() or "-", s.hex(), data.hex())
`

// zlibVerifier decompresses the producer's lines in CPython.
const zlibVerifier = `
import zlib
bad = n = 0
for line in open(PATH):
    w, zd, s, data = line.split()
    w, s, data = int(w), bytes.fromhex(s), bytes.fromhex(data)
    zd = b"" if zd == "-" else bytes.fromhex(zd)
    d = zlib.decompressobj(w, zd) if zd else zlib.decompressobj(w)
    n += 1
    if d.decompress(s) != data or not d.eof or d.unused_data:
        bad += 1
        print("bad:", w, len(s))
print(n, "streams", bad, "bad")
`
