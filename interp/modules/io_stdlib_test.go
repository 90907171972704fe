package modules_test

import (
	"testing"

	"github.com/parallel-py/parallel/interp/stdlib"
)

// The _io classes built from Python, through the standard library
// modules that build them: tokenize and linecache (TextIOWrapper over an
// open binary file), inspect, gzip (BufferedReader and BufferedWriter
// over Python raw streams, TextIOWrapper over a GzipFile), zipfile,
// pathlib (writes of a memoryview), shutil, hashlib.file_digest and
// pickle (BytesIO.getbuffer), doctest (a StringIO subclass); and text
// files with the codecs of the codec registry (utf-16, cp1252 ...).
var ioStdlibPrograms = map[string]string{
	"text files with the registry's codecs": `import io, codecs
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding="utf-16")
t.write("h\u00e9\n"); t.write("x"); t.flush(); print(b.getvalue(), t.tell())
t.seek(0); print(repr(t.read()), t.tell())
t.seek(0); print(repr(t.readline()))
try: print(t.tell())
except NotImplementedError as e: print("NotImplementedError")
t.seek(0, 2); t.write("Z"); t.flush(); print(b.getvalue())
pos = t.tell(); print(pos)
t.seek(0); t.read(); t.seek(pos); print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO("\u20acabc\r\ndef".encode("cp1252")), encoding="cp1252")
print(t.readlines(), t.encoding)
b = io.BytesIO(); t = io.TextIOWrapper(b, encoding="cp1252", errors="replace"); t.write("\u20ac\u0100"); t.flush(); print(b.getvalue())
t = io.TextIOWrapper(io.BytesIO(b"a\xffb"), encoding="ascii", errors="mine" if False else "strict")
def h(e): return ("<%d>" % e.start, e.end)
codecs.register_error("io-mine", h)
t = io.TextIOWrapper(io.BytesIO(b"a\xffb"), encoding="ascii", errors="io-mine"); print(repr(t.read()))
b = io.BytesIO(b"prefix"); b.seek(6); t = io.TextIOWrapper(b, encoding="utf-16"); t.write("x"); t.flush(); print(b.getvalue())
b = io.BytesIO(); t = io.TextIOWrapper(b, encoding="ascii"); t.write("a"); t.reconfigure(encoding="utf-16"); t.write("b"); t.flush(); print(b.getvalue())
for enc in ["hex", "rot13", "nope"]:
    try: io.TextIOWrapper(io.BytesIO(), encoding=enc)
    except LookupError as e: print(e)
b = io.BytesIO(); t = io.TextIOWrapper(b, encoding="utf-32-le"); t.write("ab"); t.flush(); print(b.getvalue(), t.tell()); t.seek(0); print(t.read(1), t.read())
import os, tempfile
d = tempfile.mkdtemp(); p = os.path.join(d, "u16")
with open(p, "w", encoding="utf-16") as f: f.write("one\ntwo\n")
with open(p, "a", encoding="utf-16") as f: f.write("three\n")
with open(p, encoding="utf-16") as f: print(f.readlines())
with open(p, "rb") as f: print(f.read())
os.remove(p); os.rmdir(d)
data = "\u00e9t\u00e9\nline two\r\nthree\n".encode("utf-16")
t = io.TextIOWrapper(io.BytesIO(data), encoding="utf-16")
t._CHUNK_SIZE = 5
cookies = []
while True:
    c = t.tell()
    ch = t.read(1)
    if not ch: break
    cookies.append((c, ch))
print(cookies)
for c, ch in cookies[::3]:
    t.seek(c); print(repr(t.read(2)), end=" ")
print()
t.seek(0); print(repr(t.readline()), t.tell(), repr(t.readline()), t.tell())
t = io.TextIOWrapper(io.BytesIO("abc\u20acdef".encode("cp1252")), encoding="cp1252")
print(t.read(4), t.tell(), t.read(), t.tell())
`,
	"tokenize, linecache, inspect": `import os, sys, tempfile, tokenize, linecache, inspect
d = tempfile.mkdtemp()
p = os.path.join(d, "iomod.py")
with open(p, "w", encoding="latin-1") as f:
    f.write("# -*- coding: latin-1 -*-\ndef f():\n    return '\xe9'\n")
with tokenize.open(p) as t:
    print(t.encoding, t.mode, repr(t.readline()), t.name == p, t.line_buffering, repr(t.read()))
print(repr(linecache.getline(p, 3)), len(linecache.getlines(p)))
sys.path.insert(0, d)
import iomod
print(inspect.getsource(iomod.f), iomod.f())
with open(p, "rb") as b:
    print(tokenize.detect_encoding(b.readline))
for tok in list(tokenize.tokenize(open(p, "rb").readline))[:3]:
    print(tok.type, repr(tok.string))
os.remove(p)
`,
	"gzip": `import gzip, io, os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, "x.gz")
with gzip.open(p, "wt", encoding="utf-8") as f:
    print(f.write("h\xe9llo\nworld\n"), type(f).__name__)
with gzip.open(p, "rt", encoding="utf-8") as f:
    print(f.readlines())
with gzip.open(p, "rb") as f:
    print(f.read(3), f.peek(1)[:1], f.readline(), f.read())
bio = io.BytesIO()
with gzip.GzipFile(fileobj=bio, mode="wb", mtime=0) as g:
    g.write(b"data" * 100)
    g.write(memoryview(b"tail"))
print(len(gzip.decompress(bio.getvalue())))
with gzip.GzipFile(fileobj=io.BytesIO(bio.getvalue())) as g:
    print(g.read(8), g.seek(396), g.read())
print(gzip.decompress(gzip.compress(b"abc", mtime=0)))
os.remove(p)
`,
	"zipfile, pathlib, shutil": `import io, os, tempfile, zipfile, pathlib, shutil
d = tempfile.mkdtemp()
zp = os.path.join(d, "z.zip")
with zipfile.ZipFile(zp, "w") as z:
    z.writestr("a.txt", "alpha\nbeta\n")
    with z.open("b.bin", "w") as w:
        w.write(b"written")
with zipfile.ZipFile(zp) as z:
    print(z.namelist(), z.read("a.txt"), z.read("b.bin"))
    with z.open("a.txt") as zf:
        print(io.TextIOWrapper(zf, encoding="utf-8").readlines())
zb = io.BytesIO()
with zipfile.ZipFile(zb, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("x", b"y" * 1000)
with zipfile.ZipFile(io.BytesIO(zb.getvalue())) as z:
    print(z.infolist()[0].file_size, len(z.read("x")), z.testzip())
pp = pathlib.Path(d) / "w.bin"
print(pp.write_bytes(b"bytes!"), pp.read_bytes(), pp.write_text("t\xe9xt"), pp.read_text())
print(pp.write_bytes(bytearray(b"ba")), pp.read_bytes())
shutil.copyfile(pp, pathlib.Path(d) / "copy.bin")
print((pathlib.Path(d) / "copy.bin").read_bytes())
with open(os.path.join(d, "c2"), "wb") as out:
    shutil.copyfileobj(io.BytesIO(b"stream"), out)
print(open(os.path.join(d, "c2"), "rb").read())
shutil.rmtree(d)
`,
	"getbuffer users, doctest": `import io, hashlib, pickle, doctest, array
print(hashlib.file_digest(io.BytesIO(b"x"), "sha256").hexdigest())
print(hashlib.file_digest(io.BufferedReader(io.BytesIO(b"x" * 300000)), "md5").hexdigest())
print(pickle.loads(pickle.dumps(list(range(5)) * 3, protocol=4)), len(pickle.dumps("x" * 70000, protocol=5)))
b = io.BytesIO()
pickle.dump({"k": [1, 2.5, "s"]}, b)
b.seek(0)
print(pickle.load(b))
a = array.array("i", [1, 2])
print(io.BytesIO().write(a), io.BytesIO(a).read())
tgt = array.array("b", [0, 0, 0])
print(io.BytesIO(b"xyz").readinto(tgt), tgt)
s = doctest._SpoofOut()
s.write("out")
print(repr(s.getvalue()), isinstance(s, io.StringIO))
s.truncate(0)
print(repr(s.getvalue()))
`,
}

func TestIOStdlib(t *testing.T) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	for name, src := range ioStdlibPrograms {
		t.Run(name, func(t *testing.T) {
			want, wantExc := cpython(t, src)
			got, gotExc := runWithStdlib(t, lib.Dir, src)
			if got != want || gotExc != wantExc {
				t.Errorf("got:\n%s%s\nCPython 3.12:\n%s%s", got, gotExc, want, wantExc)
			}
		})
	}
}
