import hashlib
import hmac

data = b"The quick brown fox jumps over the lazy dog"
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "blake2b", "blake2s"]:
    h = hashlib.new(name, data)
    print(f"{name:8} {h.digest_size:3} {h.block_size:4} {h.hexdigest()}")
h = hashlib.sha256()
h.update(b"The quick brown fox ")
c = h.copy()
h.update(b"jumps over the lazy dog")
print(h.hexdigest() == hashlib.sha256(data).hexdigest(), h.name)
c.update(b"!")
print(c.hexdigest())
print(hashlib.md5(b"").hexdigest(), hashlib.sha1().digest()[:4])
print(hashlib.blake2b(b"x", digest_size=16, key=b"k", person=b"me").hexdigest())
print(hashlib.shake_128(data).hexdigest(10), hashlib.shake_256(b"").hexdigest(8))
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
mac = hmac.new(b"secret", b"message", hashlib.sha256)
print(mac.hexdigest(), mac.name, mac.digest_size)
print(hmac.compare_digest(mac.digest(), hmac.digest(b"secret", b"message", "sha256")))
print("sha256" in hashlib.algorithms_guaranteed, sorted(hashlib.algorithms_guaranteed)[:3])
try:
    hashlib.new("nope")
except ValueError as e:
    print("ValueError:", e)
try:
    hashlib.sha256("text")
except TypeError as e:
    print("TypeError:", e)
print(hashlib.file_digest(__import__("io").BytesIO(data), "md5").hexdigest())
