package interp

import "testing"

// Programs using the _io module (what io.py re-exports): StringIO,
// BytesIO, the base classes and the file types' place under them,
// compared with CPython 3.12.
var ioPrograms = map[string]string{
	"stringio": `import _io as io
s = io.StringIO(); print(s.write("a\nb"), s.seek(0), s.readlines())
s = io.StringIO("x\ny\r\nz")
for l in s: print(repr(l))
print(s.tell(), s.seek(1), repr(s.read()), repr(s.getvalue()), s.read(), s.readline())
s.seek(10); s.write("q"); print(repr(s.getvalue()), s.truncate(3), repr(s.getvalue()), s.tell())
s.seek(0); print(repr(s.read(2)), repr(s.readline(1)), s.seek(0, 2), s.readable(), s.writable(), s.seekable())
with io.StringIO("a\r\nb\rc\n", newline=None) as t: print(repr(t.read()), t.newlines)
print(t.closed)
t = io.StringIO("a\r\nb\rc\n", newline=""); print(t.readlines(), t.newlines)
t = io.StringIO("a\nb\n", newline="\r\n"); print(repr(t.getvalue()), t.readlines())
t = io.StringIO("a\r\nb\rc\n", newline="\r"); print(t.readlines(), t.line_buffering, t.newlines)
t = io.StringIO("\u00e9\U0001f600x"); print(t.read(1), t.tell(), t.read(1), t.tell(), t.read())
t.writelines(["1", "2"]); print(repr(t.getvalue()), t.write("abc"))
`,
	"stringio errors": `import _io as io
s = io.StringIO("abc")
for f in [lambda: s.seek(1, 1), lambda: s.seek(1, 2), lambda: s.seek(-1), lambda: s.seek(0, 5),
          lambda: io.StringIO(newline=3), lambda: io.StringIO(3), lambda: io.StringIO(newline="x"),
          lambda: s.write(b"x"), lambda: s.truncate(-1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
s.close()
for m in ["read", "readline", "getvalue", "tell", "readable", "flush", "isatty", "__iter__", "__next__",
          "__enter__", "readlines", "line_buffering", "newlines"]:
    try:
        a = getattr(s, m)
        if callable(a): a()
        print(m, "ok")
    except ValueError as e: print(m, e)
`,
	"bytesio": `import _io as io
b = io.BytesIO(b"hello\nworld\n")
print(b.readline(), b.tell(), b.read1(3), list(b), b.seek(-3, 2), b.read(), b.seek(-10, 1))
ba = bytearray(4); print(b.readinto(ba), ba)
b.seek(20); print(b.write(b"!"), b.getvalue(), b.truncate(2), b.getvalue(), b.tell())
b.writelines([b"a", bytearray(b"b")]); print(b.getvalue(), b.write(bytearray(b"xy")))
b.seek(0); print(b.readlines(), b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush())
with b: pass
print(b.closed)
for f in [lambda: b.read(), lambda: b.getvalue(), lambda: b.write(b"x"), lambda: b.seek(0), lambda: next(b),
          lambda: io.BytesIO().seek(-1), lambda: io.BytesIO().seek(0, 3), lambda: io.BytesIO().truncate(-1),
          lambda: io.BytesIO().write("s"), lambda: io.BytesIO("s"), lambda: io.BytesIO().readinto(b"x")]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
`,
	"base classes": `import _io as io
print(io.StringIO.__mro__, io.BytesIO.__mro__, io.FileIO.__mro__)
print(io.BufferedReader.__mro__, io.TextIOWrapper.__mro__)
f = open(__file__ if "__file__" in dir() else "/dev/null")
print(isinstance(f, io.TextIOWrapper), isinstance(f, io._TextIOBase), isinstance(f, io._IOBase))
f.close()
print(io.DEFAULT_BUFFER_SIZE, io.text_encoding(None), io.text_encoding("x"), io.open is open)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
class R(io._RawIOBase):
    def __init__(self): self.data = b"abc\ndef\nghi"
    def readinto(self, buf):
        n = min(len(buf), len(self.data)); buf[:n] = self.data[:n]; self.data = self.data[n:]; return n
    def readable(self): return True
r = R()
print(r.readline(), r.read(2), r.readlines(), r.read(), r.closed, r.readable(), r.writable())
with r: pass
print(r.closed)
try: iter(r)
except ValueError as e: print(e)
class B(io._BufferedIOBase):
    def read(self, n=-1): return b"xyz"[:n]
b = B(); ba = bytearray(2); print(b.readinto(ba), ba)
for f in [b.read1, b.detach, lambda: b.write(b""), b.fileno, b.tell, lambda: b.seek(0), b.truncate]:
    try: f()
    except io.UnsupportedOperation as e: print("unsupported", e)
class T(io._TextIOBase):
    pass
t = T(); print(t.encoding, t.errors, t.newlines, t.readable(), t.isatty())
for f in [t.read, lambda: t.write("x"), t.detach]:
    try: f()
    except io.UnsupportedOperation as e: print("unsupported", e)
`,
}

func TestIOModule(t *testing.T) {
	checkPrograms(t, ioPrograms)
}
