package modules_test

import "testing"

// The hash modules (_md5, _sha1, _sha2, _sha3, _blake2) against CPython
// 3.12: digests, the BLAKE2 parameters, copies, messages; then hashlib
// (which must import without logging a missing constructor) and hmac
// from CPython's library over them.

var hashPrograms = map[string]string{
	"modules": `import _md5,_sha1,_sha2,_sha3,_blake2
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(_md5.md5, _md5.MD5Type, _sha2.sha256, _sha2.SHA256Type, _sha3.sha3_256, _blake2.blake2b)
o=_md5.md5(b"abc"); print(o.name, o.digest_size, o.block_size, o.hexdigest())
t(lambda: _md5.md5("abc"))
t(lambda: _md5.md5(1))
t(lambda: _md5.md5(string=b"a").hexdigest())
t(lambda: _md5.md5(b"a", string=b"a").hexdigest())
t(lambda: _md5.md5(b"a", usedforsecurity=False).hexdigest())
t(lambda: _md5.md5(b"a", b"b"))
t(lambda: _md5.md5(data=b"a"))
t(lambda: _md5.md5().update("x"))
t(lambda: _md5.md5().update())
t(lambda: _md5.md5().update(memoryview(b"abc")))
t(lambda: _md5.md5().update(bytearray(b"abc")))
t(lambda: _md5.MD5Type())
t(lambda: type(_md5.md5())())
t(lambda: _sha3.sha3_256(b"x").hexdigest())
t(lambda: _sha3.sha3_256("x"))
t(lambda: _sha3.sha3_256(data=b"x"))
t(lambda: _sha3.sha3_256(string=b"x").hexdigest())
t(lambda: _sha3.shake_128(b"x").hexdigest(10))
t(lambda: _sha3.shake_128(b"x").hexdigest())
t(lambda: _sha3.shake_128(b"x").digest(-1))
t(lambda: _sha3.shake_128(b"x").digest(length=3))
t(lambda: (_sha3.shake_128().digest_size, _sha3.shake_128().block_size, _sha3.shake_128().name))
t(lambda: (_sha3.sha3_224()._capacity_bits, _sha3.sha3_224()._rate_bits, _sha3.sha3_224()._suffix, _sha3.shake_256()._suffix))
t(lambda: _sha3.implementation)
t(lambda: [(c().name, c().block_size, c().digest_size) for c in (_sha2.sha224,_sha2.sha256,_sha2.sha384,_sha2.sha512,_sha1.sha1,_blake2.blake2b,_blake2.blake2s, _sha3.sha3_224, _sha3.sha3_384,_sha3.sha3_512)])
t(lambda: _md5.md5(None))
t(lambda: _md5.md5(string=None))
t(lambda: _sha2.sha256().update())
t(lambda: _sha2.sha512().digest(1))
t(lambda: _sha2.sha224(b"", b""))
t(lambda: _sha2.sha384(usedforsecurity=0).hexdigest())
t(lambda: _sha1.sha1().update())
t(lambda: _sha3.sha3_512(b"", b""))
t(lambda: _sha3.sha3_512(foo=1))
t(lambda: _sha3.shake_256(b"", b""))
t(lambda: _sha3.shake_256(data=1))
t(lambda: _sha3.sha3_512().update())
t(lambda: _sha3.sha3_512().digest(1))
t(lambda: _sha3.sha3_512().copy(1))
t(lambda: _sha3.shake_256().digest())
t(lambda: _sha3.shake_256().digest(2**29))
t(lambda: _sha3.shake_256().digest(2**20).__len__())
t(lambda: _sha3.shake_256().digest(0))
t(lambda: _sha3.shake_256().digest(2**63))
t(lambda: _sha3.shake_256().digest(2**64))
t(lambda: _sha3.shake_256().digest(1.0))
t(lambda: _sha3.shake_256().digest(True))
t(lambda: _sha3.shake_256().digest_size)
t(lambda: _blake2.blake2b().update())
t(lambda: _blake2.blake2s().digest(1))
t(lambda: _blake2.blake2s().copy(1))
t(lambda: _md5.md5().copy(1))
t(lambda: _blake2.blake2s(None))
t(lambda: _blake2.blake2s(b"", usedforsecurity=False).hexdigest())
t(lambda: _md5.md5().update(b"a", b"b"))
t(lambda: _sha2.sha256().name)
t(lambda: setattr(_sha2.sha256(), "name", "x"))
t(lambda: _sha2.SHA224Type.__name__)
t(lambda: type(_sha2.sha384()).__qualname__)
t(lambda: _sha3.sha3_224(None))
b=_blake2.blake2b
t(lambda: b(b"abc").hexdigest())
t(lambda: b(b"abc", digest_size=20, key=b"k", salt=b"s", person=b"p").hexdigest())
for kw in [dict(digest_size=0), dict(digest_size=65), dict(key=b"x"*65), dict(salt=b"x"*17), dict(person=b"x"*17), dict(fanout=-1), dict(fanout=256), dict(depth=0), dict(depth=256), dict(leaf_size=-1), dict(leaf_size=2**32), dict(node_offset=-1), dict(node_offset=2**64), dict(node_depth=256), dict(inner_size=65), dict(inner_size=-1), dict(leaf_size=2**64), dict(leaf_size=1.5), dict(node_offset=1.5), dict(digest_size=2**40), dict(digest_size=0, salt=b"x"*20), dict(key="x"), dict(digest_size=1.5), dict(digest_size="a"), dict(digest_size=None), dict(key=None)]:
    print(kw, end=" "); t(lambda: b(**kw))
    print(kw, end=" "); t(lambda: _blake2.blake2s(**kw))
t(lambda: _blake2.blake2s(node_offset=2**48))
t(lambda: _blake2.blake2s(node_offset=2**48-1).hexdigest())
t(lambda: b(b"x", fanout=2, depth=3, leaf_size=100, node_offset=5, node_depth=1, inner_size=32, last_node=True).hexdigest())
t(lambda: _blake2.blake2s(b"x", fanout=2, depth=3, leaf_size=100, node_offset=5, node_depth=1, inner_size=16, last_node=True).hexdigest())
t(lambda: _blake2.blake2s(b"x", fanout=0, depth=255, leaf_size=2**32-1, node_offset=2**48-1, node_depth=255, inner_size=32).hexdigest())
t(lambda: b(b"x", fanout=0, depth=255, leaf_size=2**32-1, node_offset=2**64-1, node_depth=255, inner_size=64).hexdigest())
t(lambda: b(b"x", b"y"))
t(lambda: b(data=b"x"))
t(lambda: b(string=b"x"))
t(lambda: b("x"))
t(lambda: b(last_node=3).hexdigest())
t(lambda: (b.SALT_SIZE, b.PERSON_SIZE, b.MAX_KEY_SIZE, b.MAX_DIGEST_SIZE, _blake2.blake2s.SALT_SIZE))
t(lambda: (_blake2.BLAKE2B_SALT_SIZE, _blake2.BLAKE2S_MAX_DIGEST_SIZE, _blake2.BLAKE2S_PERSON_SIZE, _blake2.BLAKE2B_MAX_KEY_SIZE))
t(lambda: b(digest_size=10).name)
t(lambda: b(key=b"").hexdigest())
t(lambda: b(key=b"k").hexdigest())
t(lambda: _blake2.blake2s(key=b"k"*32).hexdigest())
t(lambda: b(b"x"*1000, key=b"k"*64, digest_size=33).hexdigest())
t(lambda: _blake2.blake2s(b"x"*1000, key=b"k"*32, digest_size=17, salt=b"12345678", person=b"abcdefgh").hexdigest())
for n in [0, 1, 63, 64, 65, 127, 128, 129, 255, 256, 257, 1000]:
    m = bytes(range(256)) * 4
    print(n, b(m[:n]).hexdigest()[:16], _blake2.blake2s(m[:n]).hexdigest()[:16], b(m[:n], key=b"key").hexdigest()[:16], _blake2.blake2s(m[:n], key=b"key").hexdigest()[:16])
    h = b(); h2 = _blake2.blake2s()
    for i in range(n): h.update(m[i:i+1]); h2.update(m[i:i+1])
    print(h.hexdigest()[:16], h2.hexdigest()[:16])
h = _sha2.sha256(b"abc"); c = h.copy(); c.update(b"d"); print(h.hexdigest(), c.hexdigest())
h = _sha3.shake_128(b"abc"); c = h.copy(); c.update(b"d"); print(h.hexdigest(8), c.hexdigest(8), h.hexdigest(20))
h = b(b"abc", key=b"k", digest_size=10); c = h.copy(); c.update(b"d"); print(h.hexdigest(), c.hexdigest(), c.digest_size)
`,
}

var hashStdlibPrograms = map[string]string{
	"hashlib": `import sys, hashlib, hmac, io, os
print("logging" in sys.modules)
data = b"The quick brown fox jumps over the lazy dog. " * 100 + bytes(range(256))
for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, b"abc")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest(16) if name.startswith("shake") else h.hexdigest())
    c = getattr(hashlib, name)()
    for i in range(0, len(data), 97):
        c.update(data[i:i+97])
    c2 = c.copy()
    c2.update(b"more")
    d = (lambda x: x.hexdigest(20)) if name.startswith("shake") else (lambda x: x.hexdigest())
    print(d(c) == d(getattr(hashlib, name)(data)), d(c2) == d(hashlib.new(name, data + b"more")), d(c) != d(c2))
print(hashlib.md5(b"a").hexdigest(), hashlib.sha256(usedforsecurity=False).hexdigest())
print(hashlib.new("md5", b"x", usedforsecurity=False).hexdigest(), hashlib.new("SHA256", b"x").hexdigest())
print(hashlib.new("blake2b", b"x", digest_size=8).hexdigest(), hashlib.new("blake2s", key=b"k").hexdigest())
for bad in ("foo", "md4x"):
    try:
        hashlib.new(bad)
    except ValueError as e:
        print("ValueError:", e)
path = "/tmp/hashtest_%d.bin" % os.getpid()
with open(path, "wb") as f:
    f.write(data * 20)
with open(path, "rb") as f:
    print(hashlib.file_digest(f, "sha256").hexdigest())
with open(path, "rb") as f:
    print(hashlib.file_digest(f, hashlib.sha1).hexdigest())
with open(path, "rb") as f:
    print(hashlib.file_digest(f, lambda: hashlib.blake2s(digest_size=10)).hexdigest())
os.remove(path)
print(hmac.new(b"key", b"msg", "sha256").hexdigest())
print(hmac.new(b"key", b"msg", hashlib.md5).hexdigest())
print(hmac.digest(b"key", b"msg", "sha512").hex(), hmac.digest(b"key", b"msg", hashlib.sha3_384).hex())
print(hmac.compare_digest(b"a", b"a"), hmac.compare_digest("a", "b"))
h = hmac.new(b"k" * 200, digestmod="sha3_256")
h.update(b"x")
h2 = h.copy()
h2.update(b"y")
print(h.hexdigest(), h2.hexdigest(), h.name, h.digest_size, h.block_size)
h = hmac.new(b"key", digestmod=lambda d=b"": hashlib.blake2b(d, digest_size=20))
h.update(b"payload")
print(h.hexdigest(), h.name)
try:
    hmac.new(b"key", b"msg")
except TypeError as e:
    print("TypeError:", e)
def pbkdf2(name, password, salt, rounds, dklen):
    # RFC 8018's PBKDF2 over hmac, as hashlib's old pure fallback did.
    out = b""
    block = 1
    while len(out) < dklen:
        u = hmac.digest(password, salt + block.to_bytes(4, "big"), name)
        acc = int.from_bytes(u, "big")
        for _ in range(rounds - 1):
            u = hmac.digest(password, u, name)
            acc ^= int.from_bytes(u, "big")
        out += acc.to_bytes(len(u), "big")
        block += 1
    return out[:dklen]
print(pbkdf2("sha256", b"password", b"salt", 1000, 32).hex() == "632c2812e46d4604102ba7618e9d6d7d2f8128f6266b4a03264d2a0460b7dcb3")
print(pbkdf2("sha1", b"pw", b"NaCl" * 4, 50, 50).hex() == "92445dd7abb56f1ca1f1dd11ab33c6c7eafc4146cbc3aa62a422327c6e6d654923e4e9749d76696932bc9370d5327d7ea0b9")
print("logging" in sys.modules)
`,
}

func TestHashes(t *testing.T) {
	checkModulePrograms(t, hashPrograms)
	checkBinStdlibPrograms(t, hashStdlibPrograms, nil)
}
