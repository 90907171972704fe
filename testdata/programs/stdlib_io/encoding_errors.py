text = "Grüße, 東京 ☕"
for enc in ["utf-8", "utf-16", "utf-32-be", "latin-1", "ascii", "cp437", "shift_jis"]:
    for errors in ["strict", "replace", "ignore", "xmlcharrefreplace", "backslashreplace"]:
        try:
            data = text.encode(enc, errors)
            print(f"{enc:9} {errors:17} {len(data):3} {data[:14]!r}")
        except UnicodeEncodeError as e:
            print(f"{enc:9} {errors:17} UnicodeEncodeError at {e.start}-{e.end}: {e.reason}")
            break
raw = "café".encode("utf-8") + b"\xff\xfe" + "!".encode()
for errors in ["replace", "ignore", "backslashreplace", "surrogateescape"]:
    print(errors, repr(raw.decode("utf-8", errors)))
try:
    raw.decode("utf-8")
except UnicodeDecodeError as e:
    print(e)
    print(e.encoding, e.start, e.end, e.reason, e.object[e.start:e.end])
print("ǅ".encode("utf-8"), b"\xc3\xa9".decode("latin-1"), "é".encode("utf-8").decode("cp1252"))
import codecs
print(codecs.encode("hello", "rot13"), codecs.decode(b"68656c6c6f", "hex"), codecs.lookup("UTF8").name)
print(codecs.BOM_UTF8, "x".encode("utf-8-sig"), b"\xef\xbb\xbfx".decode("utf-8-sig"))
print("abc".encode("idna"), "bücher.example".encode("idna"), "x y".encode("unicode_escape"), b"\\u00e9".decode("unicode_escape"))
