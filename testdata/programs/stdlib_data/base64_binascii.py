import base64
import binascii

msg = "Hello, wörld! ~~~???".encode()
for name in ["b64encode", "urlsafe_b64encode", "b32encode", "b32hexencode", "b16encode", "a85encode", "b85encode"]:
    enc = getattr(base64, name)(msg)
    dec = getattr(base64, name.replace("encode", "decode"))(enc)
    print(f"{name:18} {enc!r} {dec == msg}")
print(base64.standard_b64encode(b"\xfb\xff"), base64.urlsafe_b64encode(b"\xfb\xff"))
print(base64.b64decode("aGk=\n"), base64.b64decode(b"aGk"+b"=", validate=True))
print(base64.b64encode(b"xyz", altchars=b"-_"), base64.encodebytes(b"a" * 60))
print(base64.a85encode(b"\0\0\0\0 text", foldspaces=True, adobe=True))
try:
    base64.b64decode("a")
except binascii.Error as e:
    print("binascii.Error:", e)
try:
    base64.b64decode("ab$=", validate=True)
except binascii.Error as e:
    print("binascii.Error:", e)
print(binascii.hexlify(b"\x00\xffab"), binascii.hexlify(b"\x01\x02\x03", "-"), binascii.unhexlify("cafe"))
print(binascii.b2a_base64(b"pad"), binascii.a2b_base64(b"cGFk\n"))
print(binascii.crc32(b"hello"), binascii.crc32(b" world", binascii.crc32(b"hello")), binascii.crc_hqx(b"abc", 0))
print(binascii.b2a_hex(b"xy", b":", 1), bytes.fromhex("de ad be ef").hex(":", 2))
print(binascii.b2a_qp(b"caf\xc3\xa9 = ok\n"), binascii.a2b_qp(b"a=3Db"))
try:
    binascii.unhexlify("abc")
except binascii.Error as e:
    print("binascii.Error:", e)
