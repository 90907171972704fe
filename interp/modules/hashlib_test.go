package modules_test

import "testing"

// _hashlib against CPython 3.12 over OpenSSL 3.0: every digest it lists
// over inputs around the block sizes, the names OpenSSL resolves, HMAC,
// PBKDF2 and scrypt with their checks and messages; then hashlib and
// hmac from CPython's library taking their _hashlib paths.

var hashlibPrograms = map[string]string{
	"digests": `import _hashlib as H
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
names = sorted(H.openssl_md_meth_names)
print(names, type(H.openssl_md_meth_names).__name__)
m = bytes(range(256)) * 5
sizes = [0, 1, 3, 55, 56, 63, 64, 65, 71, 72, 103, 104, 111, 112, 119, 120, 127, 128, 129, 135, 136, 143, 144, 167, 168, 169, 1000, 1280]
for name in names + ["null", "keccak-kmac-128", "keccak-kmac-256"]:
    h = H.new(name)
    xof = type(h).__name__ == "HASHXOF"
    d = (lambda x: x.hexdigest(40)) if xof else (lambda x: x.hexdigest())
    print(name, h.name, h.digest_size, h.block_size, type(h).__name__, repr(h).split(" @ ")[0])
    for n in sizes:
        h = H.new(name, m[:n])
        inc = H.new(name)
        for i in range(0, n, 7):
            inc.update(m[i:i+7])
        c = inc.copy()
        c.update(b"tail")
        print(n, d(h), d(inc) == d(h), d(c) == d(H.new(name, m[:n] + b"tail")), d(c) != d(h))
    print((h.digest(40) if xof else h.digest()).hex() == d(h))
for name, c in sorted(H._constructors.items(), key=lambda kv: kv[1]):
    h = c(b"abc")
    print(c.__name__, name, h.name, h.hexdigest(16) if "shake" in name else h.hexdigest())
    print(c(string=b"abc").digest() == h.digest(), c(usedforsecurity=False).name)
print(type(H._constructors).__name__, len(H._constructors))
h = H.openssl_shake_128(b"x")
for n in [0, 1, 167, 168, 169, 1000]:
    print(n, h.digest(n).hex()[-16:], h.hexdigest(length=n)[-16:])
t(lambda: len(H.openssl_shake_256().digest(2**20)))
`,
	"names": `import _hashlib as H
names = """md5 MD5 Md5 ssl3-md5 SSL3-MD5 1.2.840.113549.2.5 md5_sha1 md5-sha1 MD5-SHA1 md5sha1
sha1 SHA1 sha-1 SHA-1 ssl3-sha1 sha_1 1.3.14.3.2.26 sha224 SHA224 sha-224 sha2-224 SHA2-224 2.16.840.1.101.3.4.2.4
sha256 SHA256 Sha256 sha-256 sha2-256 sha_256 sha2_256 2.16.840.1.101.3.4.2.1 sha384 sha-384 sha2-384 sha512 sha-512 sha2-512 SHA512
sha512_224 SHA512_224 Sha512_224 sha512-224 sha512/224 sha2-512/224 sha-512/224 SHA-512/224 sha512_256 SHA512_256 sha512-256 sha-512/256 SHA2-512/256 2.16.840.1.101.3.4.2.6
sha3_224 SHA3_224 sha3-224 sha3_256 SHA3_256 sha3-256 SHA3-256 sha3_384 sha3-384 sha3_512 sha3-512 2.16.840.1.101.3.4.2.10
shake_128 SHAKE_128 shake128 SHAKE128 shake-128 shake_256 shake256 SHAKE-256 2.16.840.1.101.3.4.2.11 2.16.840.1.101.3.4.2.12
blake2b BLAKE2B blake2b512 BLAKE2B512 blake2b-512 BLAKE2B-512 blake2b_512 1.3.6.1.4.1.1722.12.2.1.16
blake2s BLAKE2S blake2s256 BLAKE2s256 blake2s-256 1.3.6.1.4.1.1722.12.2.2.8
ripemd160 RIPEMD160 ripemd-160 RIPEMD-160 ripemd rmd160 ripemd_160 1.3.36.3.2.1 sm3 SM3 1.2.156.10197.1.401
keccak-kmac-128 KECCAK-KMAC128 keccak-kmac-256 keccak_kmac_128 null NULL
md4 MD4 mdc2 whirlpool md2 sha0 sha RSA-SHA256 sha256WithRSAEncryption ssl2-md5 DSA-SHA1 foo""".split()
for n in names + ["", " sha256", "sha256 ", "\u017fha256", "sha256\\0", "\\udcff"]:
    try:
        h = H.new(n)
        print(repr(n), h.name, type(h).__name__, h.digest_size, h.block_size)
    except Exception as e:
        print(repr(n), type(e).__name__, e)
    try:
        print(H.hmac_new(b"k", b"m", digestmod=n).name)
    except Exception as e:
        print(type(e).__name__, e)
`,
	"hash-errors": `import _hashlib as H
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
class I:
    def __index__(self): return 3
class B:
    def __bool__(self): raise ZeroDivisionError("bool")
t(lambda: H.new())
t(lambda: H.new(1))
t(lambda: H.new(b"sha256"))
t(lambda: H.new("sha256", "x"))
t(lambda: H.new("sha256", 1))
t(lambda: H.new("sha256", None))
t(lambda: H.new("sha256", b"a", string=b"b"))
t(lambda: H.new("sha256", string=b"b").hexdigest())
t(lambda: H.new("sha256", b"a", b"b"))
t(lambda: H.new("sha256", data=b"b"))
t(lambda: H.new(name="sha256").name)
t(lambda: H.new("sha256", usedforsecurity=0).name)
t(lambda: H.new("sha256", usedforsecurity=B()))
t(lambda: H.new(1, usedforsecurity=B()))
t(lambda: H.new(1, "x"))
t(lambda: H.new("foo", "x"))
t(lambda: H.new("foo", 1))
t(lambda: H.new("sha256", memoryview(b"abcd")[::2]))
t(lambda: H.new("sha256", bytearray(b"ab")).hexdigest())
t(lambda: H.new("sha256", memoryview(b"ab")).hexdigest())
t(lambda: H.openssl_sha256("x"))
t(lambda: H.openssl_sha256(b"a", b"b"))
t(lambda: H.openssl_sha256(data=b"a"))
t(lambda: H.openssl_sha256(string=b"a").hexdigest())
t(lambda: H.openssl_sha256(b"a", string=b"a"))
t(lambda: H.openssl_sha256(None))
t(lambda: H.openssl_sha256(x=1))
t(lambda: H.openssl_md5(usedforsecurity=B()))
x = H.openssl_shake_128(b"x")
for f in [lambda: x.hexdigest(5), lambda: x.hexdigest(), lambda: x.digest(-1), lambda: x.hexdigest(-1), lambda: x.digest(0),
          lambda: x.hexdigest(0), lambda: x.digest(2**64), lambda: x.digest(2**63), lambda: x.digest(2**62), lambda: x.hexdigest(2**62),
          lambda: x.digest(1.0), lambda: x.digest(True), lambda: x.digest(I()), lambda: x.digest(length=3), lambda: x.digest(2, 3),
          lambda: x.digest(foo=3), lambda: x.digest(1, length=3), lambda: x.digest_size, lambda: x.copy().name, lambda: x.update(b"y")]:
    t(f)
h = H.new("md5")
for f in [lambda: H.HASH(), lambda: H.HASHXOF(), lambda: H.HMAC(), lambda: type(h)(), lambda: h.digest(1), lambda: h.hexdigest(1),
          lambda: h.copy(1), lambda: h.update(), lambda: h.update(b"a", b"b"), lambda: h.update("a"), lambda: h.update(data=b""),
          lambda: h.update(memoryview(b"abc")[::2]), lambda: h.update(None), lambda: setattr(h, "name", "x"), lambda: setattr(h, "foo", 1),
          lambda: h.__dict__, lambda: (H.HASH.__name__, H.HASH.__qualname__, H.HASH.__module__, H.HASHXOF.__module__, H.HMAC.__module__),
          lambda: H.HASHXOF.__mro__, lambda: H.HASH.__doc__ == H.new.__doc__, lambda: H.HASHXOF.__doc__.splitlines()[4],
          lambda: h == H.new("md5"), lambda: h == h, lambda: hash(h) == hash(h), lambda: isinstance(x, H.HASH)]:
    t(f)
class X(H.HASH): pass
t(lambda: X())
try:
    class Z(H.HMAC): pass
except TypeError as e:
    print(e)
t(lambda: H.get_fips_mode())
t(lambda: H.get_fips_mode(1))
t(lambda: H.get_fips_mode(x=1))
for a, b in [(b"a", b"a"), ("a", "a"), ("a", "b"), ("a", "ab"), ("a", b"a"), (b"a", "a"), ("\xe9", "\xe9"), (1, 1), (1, b"a"), (b"a", 1), ("a", 1),
             (bytearray(b"a"), memoryview(b"a")), (b"", b""), (b"abc", b"abd"), (b"ab", b"abc")]:
    t(lambda: H.compare_digest(a, b))
t(lambda: H.compare_digest(b"a"))
t(lambda: H.compare_digest())
t(lambda: H.compare_digest(a=b"a", b=b"a"))
t(lambda: H.UnsupportedDigestmodError("x"))
t(lambda: (H.UnsupportedDigestmodError.__mro__, H.UnsupportedDigestmodError.__module__, H.UnsupportedDigestmodError.__qualname__))
`,
	"hmac": `import _hashlib as H
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
names = sorted(H.openssl_md_meth_names) + ["null", "keccak-kmac-128"]
msg = bytes(range(256)) * 3
for name in names:
    for klen in [0, 1, 20, 63, 64, 65, 71, 72, 73, 127, 128, 129, 144, 145, 300]:
        key = bytes((i * 7 + klen) % 256 for i in range(klen))
        try:
            d = H.hmac_digest(key, msg[:klen * 2], name)
        except Exception as e:
            print(name, klen, type(e).__name__, e)
            continue
        h = H.hmac_new(key, digestmod=name)
        h.update(msg[:klen])
        c = h.copy()
        h.update(msg[klen:klen * 2])
        if name != "null":
            print(name, klen, d.hex(), h.digest() == d, h.hexdigest() == d.hex(), c.digest() != d or klen == 0)
        else:
            print(name, klen, d.hex())
            t(lambda: h.digest())
            t(lambda: h.digest_size)
    print(h.name, h.block_size, repr(h).split(" @ ")[0])
for c in H._constructors:
    print(H.hmac_new(b"k", b"m", digestmod=c).name, H.hmac_digest(b"k", b"m", c).hex()[:16])
h = H.hmac_new(b"key", b"msg", digestmod="sha256")
for f in [lambda: h.update(b"x"), lambda: h.update(msg=b"x"), lambda: h.update(), lambda: h.update("x"), lambda: h.update(1),
          lambda: h.update(b"a", b"b"), lambda: h.digest(1), lambda: h.hexdigest(1), lambda: h.copy(1), lambda: h.hexdigest(),
          lambda: setattr(h, "name", 1), lambda: setattr(h, "x", 1), lambda: type(h).__name__, lambda: H.HMAC.__doc__.splitlines()[0]]:
    t(f)
for f in [lambda: H.hmac_digest(b"k", b"m", digest="sha256").hex(), lambda: H.hmac_digest(key=b"k", msg=b"m", digest="sha256").hex(),
          lambda: H.hmac_digest(b"k", b"m", "shake_128"), lambda: H.hmac_digest(b"k", b"m", "foo"), lambda: H.hmac_digest(b"k", b"m", "SHA256").hex(),
          lambda: H.hmac_digest(b"k", b"m", "sha256\\0").hex(), lambda: H.hmac_digest(b"k", b"m", "\\udcff"),
          lambda: H.hmac_digest(b"k", b"m", 1), lambda: H.hmac_digest(b"k", b"m", len), lambda: H.hmac_digest(b"k", b"m", None),
          lambda: H.hmac_digest(b"k", b"m", b"sha256"), lambda: H.hmac_digest("k", b"m", "sha256"), lambda: H.hmac_digest(b"k", "m", "sha256"),
          lambda: H.hmac_digest(b"k", None, "sha256"), lambda: H.hmac_digest(b"k", b"m"), lambda: H.hmac_digest(b"k", b"m", "sha256", 1),
          lambda: H.hmac_digest(b"k", "x", "foo"), lambda: H.hmac_digest("k", b"x", "foo"), lambda: H.hmac_digest(bytearray(b"k"), memoryview(b"m"), "md5").hex(),
          lambda: H.hmac_new(b"k"), lambda: H.hmac_new(b"k", b"m"), lambda: H.hmac_new(b"k", None, "md5").name,
          lambda: H.hmac_new(b"k", digestmod=None), lambda: H.hmac_new(b"k", digestmod=""), lambda: H.hmac_new(b"k", digestmod="foo"),
          lambda: H.hmac_new(b"k", digestmod=1), lambda: H.hmac_new(b"k", digestmod=H.new), lambda: H.hmac_new("k", digestmod="md5"),
          lambda: H.hmac_new(b"k", "m", digestmod="md5"), lambda: H.hmac_new(b"k", 1, digestmod="md5"), lambda: H.hmac_new(b"k", 1, digestmod="foo"),
          lambda: H.hmac_new(b"k", "x", digestmod="shake_128"), lambda: H.hmac_new(b"k", digestmod="shake_256"),
          lambda: H.hmac_new(b"k", digestmod="\\udcff"), lambda: H.hmac_new(key=b"k", msg=b"m", digestmod="md5").hexdigest(),
          lambda: H.hmac_new(b"k", b"m", "md5", 1)]:
    t(f)
`,
	"kdf": `import _hashlib as H
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
class I:
    def __index__(self): return 3
P = H.pbkdf2_hmac
for name in sorted(H.openssl_md_meth_names) + ["null", "keccak-kmac-128"]:
    for pw, salt, it, dk in [(b"password", b"salt", 1, None), (b"password", b"salt", 2, 20), (b"p" * 200, b"s" * 100, 3, 150), (b"", b"", 1, 1)]:
        t(lambda: P(name, pw, salt, it, dk).hex())
t(lambda: P("sha256", b"password", b"salt", 4096, 32).hex())
t(lambda: P("sha1", b"passwordPASSWORDpassword", b"saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 25).hex())
t(lambda: P("sha512", b"pass\0word", b"sa\0lt", 4096, 64).hex())
for f in [lambda: P("sha256", b"p", b"s", 0), lambda: P("sha256", b"p", b"s", -1), lambda: P("sha256", b"p", b"s", 1, 0),
          lambda: P("sha256", b"p", b"s", 1, -1), lambda: P("sha256", b"p", b"s", 2**31), lambda: P("sha256", b"p", b"s", 2**32),
          lambda: P("sha256", b"p", b"s", 2**64), lambda: P("sha256", b"p", b"s", 1, 2**31), lambda: P("sha256", b"p", b"s", 1, 2**64),
          lambda: P("sha256", b"p", b"s", 1.0), lambda: P("sha256", b"p", b"s", 1, 1.0), lambda: P("sha256", "p", b"s", 1),
          lambda: P("sha256", b"p", "s", 1), lambda: P("sha256", 1, b"s", 1), lambda: P(b"sha256", b"p", b"s", 1), lambda: P(1, b"p", b"s", 1),
          lambda: P("foo", b"p", b"s", 1), lambda: P("foo", b"p", b"s", 0), lambda: P("shake_128", b"p", b"s", 1), lambda: P("shake_128", b"p", b"s", 0),
          lambda: P("shake_128", b"p", b"s", 1, 0), lambda: P("sha256", b"p", b"s", 2**31, 0), lambda: P("sha256", b"p", b"s", 0, 2**31),
          lambda: P("sha256", b"p", b"s", 1, "x"), lambda: P("sha256\\0", b"p", b"s", 1), lambda: P("\\udcff", b"p", b"s", 1),
          lambda: P("null", b"p", b"s", 1), lambda: P("null", b"p", b"s", 1, 5), lambda: P("sha256", b"p", b"s"),
          lambda: P(hash_name="sha256", password=b"p", salt=b"s", iterations=1, dklen=3).hex(), lambda: P("sha256", b"p", b"s", 1, 3, 4),
          lambda: P("sha256", b"p", b"s", True).hex(), lambda: P("sha256", bytearray(b"p"), memoryview(b"s"), 1).hex(),
          lambda: P("sha256", b"p", b"s", I()).hex(), lambda: P("sha256", b"p", b"s", 1, I()).hex(), lambda: P("sha256", b"p", b"s", 1, True).hex(),
          lambda: P("SHA-256", b"p", b"s", 1).hex(), lambda: len(P("md5", b"p", b"s", 1, 100000))]:
    t(f)
S = H.scrypt
for pw, salt, n, r, p, dk in [(b"", b"", 16, 1, 1, 64), (b"password", b"NaCl", 1024, 8, 16, 64), (b"p", b"s", 2, 1, 1, 10),
                              (b"p", b"s", 4, 3, 5, 33), (b"pw" * 100, b"salt" * 50, 256, 2, 2, 200)]:
    t(lambda: S(pw, salt=salt, n=n, r=r, p=p, dklen=dk).hex())
for f in [lambda: S(b"p", salt=b"s", n=2, r=1, p=1, dklen=0), lambda: S(b"p", salt=b"s", n=2, r=1, p=1, dklen=-1),
          lambda: S(b"p", salt=b"s", n=2, r=1, p=1, dklen=2**31), lambda: S(b"p", salt=b"s", n=2, r=1, p=1, dklen=2**64),
          lambda: S(b"p", salt=b"s", n=3, r=1, p=1), lambda: S(b"p", salt=b"s", n=1, r=1, p=1), lambda: S(b"p", salt=b"s", n=0, r=1, p=1),
          lambda: S(b"p", salt=b"s", n=-2, r=1, p=1), lambda: S(b"p", salt=b"s", n=2**64, r=1, p=1), lambda: S(b"p", salt=b"s", n=2, r=0, p=1),
          lambda: S(b"p", salt=b"s", n=2, r=-1, p=1), lambda: S(b"p", salt=b"s", n=2, r=1, p=0), lambda: S(b"p", salt=b"s", n=2, r=2**32, p=1),
          lambda: S(b"p", salt=b"s", n=2, r=2**64, p=1), lambda: S(b"p", salt=b"s", n=2, r=1, p=2**32), lambda: S(b"p", salt=b"s", n=2**20, r=8, p=1),
          lambda: S(b"p", salt=b"s", n=2**14, r=8, p=1, maxmem=1), lambda: S(b"p", salt=b"s", n=2**14, r=8, p=1, maxmem=-1),
          lambda: S(b"p", salt=b"s", n=2**14, r=8, p=1, maxmem=2**31), lambda: S(b"p", salt=b"s", n=2**12, r=8, p=1, maxmem=2**22).hex(),
          lambda: S(b"p", salt=b"s", n=2**12, r=8, p=1, maxmem=2**22 + 2**11).hex()[:8], lambda: S(b"p", salt=b"s", n=2**12, r=8, p=1, maxmem=2**22 + 2**10),
          lambda: S(b"p", salt=b"s", n=2, r=1, p=2**30 - 1), lambda: S(b"p", salt=b"s", n=2, r=1), lambda: S(b"p", n=2, r=1, p=1),
          lambda: S(b"p", salt=b"s", r=1, p=1), lambda: S(b"p", salt=b"s", n=2, p=1), lambda: S(b"p", b"s", n=2, r=1, p=1),
          lambda: S(password=b"p", salt=b"s", n=2, r=1, p=1).hex()[:8], lambda: S("p", salt=b"s", n=2, r=1, p=1), lambda: S(b"p", salt="s", n=2, r=1, p=1),
          lambda: S(b"p", salt=None, n=2, r=1, p=1), lambda: S(b"p", salt=b"s", n=None, r=1, p=1), lambda: S(b"p", salt=b"s", n=2.0, r=1, p=1),
          lambda: S(b"p", n=2.0), lambda: S(b"p", salt=b"s", n=2, r=1.0, p=1), lambda: S(b"p", salt=b"s", n=2, r=1, p=1, maxmem=1.0),
          lambda: S(b"p", salt=b"s", n=2, r=1, p=1, dklen=1.0), lambda: S(b"p", salt=b"s", n=I(), r=1, p=1), lambda: S(b"p", salt=b"s", n=True, r=1, p=1),
          lambda: S(), lambda: S(b"p", salt=b"s", n=2**63, r=1, p=1), lambda: S(b"p", salt=b"s", n=2**40, r=1, p=1), lambda: S(b"p", salt=b"s", n=2, r=1, p=1, foo=1),
          lambda: S(b"p", salt=bytearray(b"s"), n=2, r=1, p=1, dklen=True).hex(), lambda: S(b"p", salt=b"s", n=2**16, r=1, p=1)]:
    t(f)
# OpenSSL's checks of the parameters, over a grid of the cheap cases.
import itertools
for n, r, p in itertools.product([2, 4, 2**16, 2**24, 2**32, 2**63], [1, 2, 8, 2**20, 2**30 - 1, 2**30, 2**32 - 1, 2**32, 2**40],
                                 [1, 2**20, 2**30 - 1, 2**30, 2**32 - 1, 2**32]):
    for mm in (0, 2**31 - 1):
        if 128 * r * (n + 2) + 128 * r * p <= 2**20 or r * p >= 2**30 - 1 or 128 * r * p > 2**31 - 1 or r > 2**32 - 1 or p > 2**32 - 1 \
                or 128 * r * (n + 2) + 128 * r * p > (mm or 2**25) or (16 * r <= 63 and n >= 2 ** (16 * r)):
            try:
                print(n, r, p, mm, S(b"p", salt=b"s", n=n, r=r, p=p, maxmem=mm, dklen=4).hex())
            except ValueError as e:
                print(n, r, p, mm, e)
`,
}

var hashlibStdlibPrograms = map[string]string{
	"hashlib": `import sys, hashlib, hmac, io, os
print("logging" in sys.modules, hashlib.new.__name__, hashlib.sha256.__name__, hashlib.blake2b.__name__, hashlib.pbkdf2_hmac.__name__)
print(sorted(hashlib.algorithms_available))
print(sorted(hashlib.algorithms_guaranteed))
print(sorted(n for n in hashlib.__all__))
data = b"The quick brown fox jumps over the lazy dog. " * 50 + bytes(range(256))
for name in sorted(hashlib.algorithms_available):
    for chunk in [b"", b"abc", data]:
        h = hashlib.new(name, chunk)
        xof = name.startswith("shake")
        d = (lambda x: x.hexdigest(32)) if xof else (lambda x: x.hexdigest())
        c = h.copy()
        c.update(b"more")
        print(name, h.name, h.digest_size, h.block_size, type(h).__name__, d(h), d(c) == d(hashlib.new(name, chunk + b"more")))
    if hasattr(hashlib, name):
        print(d(getattr(hashlib, name)(data)) == d(hashlib.new(name, data)))
    print(hmac.new(b"key", data, name).hexdigest() if not xof else None, hmac.new(b"key", data, name).name if not xof else None)
    if not xof:
        print(hmac.digest(b"k" * 200, data, name).hex(), hmac.new(b"k" * 200, data, name).digest() == hmac.digest(b"k" * 200, data, name))
        print(hashlib.pbkdf2_hmac(name, b"password", b"salt", 10).hex())
print(hashlib.md5(b"a").hexdigest(), hashlib.sha256(usedforsecurity=False).hexdigest())
print(hashlib.new("md5", b"x", usedforsecurity=False).hexdigest(), hashlib.new("SHA256", b"x").hexdigest(), hashlib.new("sha-512", b"x").name)
print(hashlib.new("blake2b", b"x", digest_size=8).hexdigest(), hashlib.new("blake2s", key=b"k").hexdigest(), type(hashlib.new("blake2b")).__name__)
for bad in ("foo", "md4", "nope", "whirlpool"):
    try:
        hashlib.new(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for f in [lambda: hashlib.new("sha256", b"x", foo=1), lambda: hashlib.new("foo", b"x", foo=1), lambda: hashlib.sha256("text"),
          lambda: hashlib.pbkdf2_hmac("sha256", b"p", b"s", 0), lambda: hashlib.scrypt(b"p", salt=b"s", n=3, r=1, p=1),
          lambda: hashlib.new("keccak-kmac-128", b"abc").hexdigest(8)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
print(hashlib.scrypt(b"pleaseletmein", salt=b"SodiumChloride", n=2**12, r=8, p=1).hex())
path = "/tmp/hashlibtest_%d.bin" % os.getpid()
with open(path, "wb") as f:
    f.write(data * 500)
for digest in ["sha256", hashlib.sha1, lambda: hashlib.blake2s(digest_size=10), "sm3", "ripemd160", "md5-sha1"]:
    with open(path, "rb") as f:
        print(hashlib.file_digest(f, digest).hexdigest())
print(hashlib.file_digest(io.BytesIO(data), "sha3_256").hexdigest())
os.remove(path)
try:
    hashlib.file_digest(io.StringIO("x"), "md5")
except ValueError as e:
    print("ValueError:", str(e).split("'")[0])
print(hmac.new(b"key", b"msg", "sha256").hexdigest(), hmac.new(b"key", b"msg", hashlib.md5).hexdigest())
print(hmac.digest(b"key", b"msg", "sha512").hex(), hmac.digest(b"key", b"msg", hashlib.sha3_384).hex())
print(hmac.digest(b"key", b"msg", hashlib.blake2b).hex(), hmac.digest(b"key", b"msg", lambda d=b"": hashlib.sha256(d)).hex())
print(hmac.compare_digest(b"a", b"a"), hmac.compare_digest("a", "b"), hmac.compare_digest is hashlib.__dict__.get("compare_digest", hmac.compare_digest))
h = hmac.new(b"k" * 200, digestmod="sha3_256")
h.update(b"x")
h2 = h.copy()
h2.update(b"y")
print(h.hexdigest(), h2.hexdigest(), h.name, h.digest_size, h.block_size, type(h._hmac).__name__)
h = hmac.new(b"key", digestmod=lambda d=b"": hashlib.blake2b(d, digest_size=20))
h.update(b"payload")
print(h.hexdigest(), h.name, h._hmac)
h = hmac.new(b"key", b"m", hashlib.blake2s)
print(h.hexdigest(), h.name, h._hmac)
for args in [(b"key", b"msg"), (b"key", b"msg", "foo"), (b"key", b"msg", "shake_128"), (b"key", b"msg", hashlib.shake_256), ("key", b"msg", "md5"),
             (b"key", "msg", "md5")]:
    try:
        print(hmac.new(*args).hexdigest())
    except Exception as e:
        print(type(e).__name__, e)
for args in [(b"key", b"msg", "foo"), (b"key", b"msg", "shake_128")]:
    try:
        print(hmac.digest(*args).hex())
    except Exception as e:
        print(type(e).__name__, e)
print("logging" in sys.modules)
`,
}

func TestHashlib(t *testing.T) {
	checkModulePrograms(t, hashlibPrograms)
	checkBinStdlibPrograms(t, hashlibStdlibPrograms, nil)
}
