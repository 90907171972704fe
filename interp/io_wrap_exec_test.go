package interp

import (
	"errors"
	"strings"
	"testing"
)

// Programs that build the _io classes from Python over other file
// objects: TextIOWrapper and the Buffered types over BytesIO and over
// classes of the program, BytesIO.getbuffer, bytes-like arguments, and
// classes derived from the file types, compared with CPython 3.12.
var ioWrapPrograms = map[string]string{
	"bad arguments and misbehaving streams": `import _io as io
class X(io.RawIOBase):
    def readable(self): return True
    def writable(self): return True
    def readinto(self, b): return "x"
    def write(self, b): return 2**80
class Re(io.RawIOBase):
    def readable(self): return True
    def writable(self): return True
    def readinto(self, b):
        try: print("inner", self.owner.read(1))
        except Exception as e: print("inner", type(e).__name__)
        b[:1] = b"z"; return 1
    def write(self, b):
        try: self.owner.write(b"again"); self.owner.flush()
        except Exception as e: print("inner", type(e).__name__)
        return len(b)
tests = [
 lambda: io.BufferedReader(X()).read(1),
 lambda: io.BufferedWriter(X()).write(b"abc") and io.BufferedWriter(X(), 2).write(b"abcdef"),
 lambda: io.TextIOWrapper(object()),
 lambda: io.BufferedReader(io.BytesIO(b"ab")).read(2**40),
 lambda: io.BufferedReader(io.BytesIO(b"ab"), 2**70),
 lambda: io.BytesIO(b"ab").read(2**70),
 lambda: io.TextIOWrapper(io.BytesIO(b"ab")).read(2**70),
 lambda: io.TextIOWrapper(io.BytesIO(b"ab")).seek(-1),
 lambda: io.TextIOWrapper(io.BytesIO(b"ab")).seek(0, 5),
 lambda: io.TextIOWrapper(io.BytesIO(b"ab")).seek(1, 1),
 lambda: io.TextIOWrapper(io.BytesIO(b"ab")).seek("x"),
 lambda: io.TextIOWrapper(io.BytesIO(b"ab")).write(b"x"),
 lambda: io.TextIOWrapper(io.BytesIO(b"ab")).read("x"),
 lambda: io.BufferedReader(io.BytesIO(b"ab")).read(-2),
 lambda: io.BufferedReader(io.BytesIO(b"ab")).seek(0, 3),
 lambda: io.BufferedReader(io.BytesIO(b"ab")).readinto(b"xx"),
 lambda: io.BufferedWriter(io.BytesIO()).write("s"),
 lambda: io.BufferedReader(io.BytesIO(b"ab")).truncate(),
 lambda: io.BufferedRWPair(io.BytesIO(), io.BytesIO(), 0),
 lambda: io.BufferedRWPair(io.BytesIO()),
 lambda: io.BytesIO().getbuffer()[0],
]
for t in tests:
    try: print(t())
    except Exception as e: print(type(e).__name__, e)
r = Re(); br = io.BufferedReader(r, 4); r.owner = br
try: print(br.read(2))
except Exception as e: print(type(e).__name__, e)
w = Re(); bw = io.BufferedWriter(w, 4); w.owner = bw
try: print(bw.write(b"abcdefgh"), bw.flush())
except Exception as e: print(type(e).__name__, e)
b = io.BufferedReader(io.BytesIO(b"first")); b.__init__(io.BytesIO(b"second")); print(b.read())
t = io.TextIOWrapper(io.BytesIO(b"first")); t.__init__(io.BytesIO(b"second"), encoding="ascii"); print(t.read(), t.encoding)
s = io.StringIO("a"); s.__init__("b"); print(s.read())
`,
	"cycles through instance dicts": `import _io as io
b = io.BytesIO(); b.me = b
t = io.TextIOWrapper(io.BytesIO()); t.x = t
r = io.BufferedReader(io.BytesIO(b"x")); r.raw.back = r
class S(io.StringIO): pass
s = S(); s.s = s
class R(io.RawIOBase):
    def readable(self): return True
    def readinto(self, b): return 0
raw = R(); raw.reader = io.BufferedReader(raw)
print(raw.reader.read(), type(raw.reader).__name__)
`,
	"text over BytesIO": `import _io as io
t = io.TextIOWrapper(io.BytesIO(b'a\nb'), encoding='utf-8')
print(t.readlines(), t.encoding, t.errors, t.line_buffering, t.write_through, t.newlines, t.closed)
t = io.TextIOWrapper(io.BytesIO("h\u00e9llo\r\nw\u00f6rld\rlast\n".encode()), encoding="utf-8")
print(repr(t.readline()), t.tell(), repr(t.read(3)), t.tell(), repr(t.readline()))
print(t.seek(0), repr(t.read()), t.newlines, t.tell(), repr(t.read()))
print(t.seek(3), repr(t.readline()))
for l in t: print(repr(l))
try: t.tell()
except OSError as e: print("OSError", e)
t.seek(0); print(list(t))
t = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\n"), newline="")
print(t.readlines(), t.newlines)
for nl in ["\n", "\r", "\r\n"]:
    t = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\nd"), newline=nl, encoding="ascii")
    print(repr(nl), t.readlines(), t.newlines)
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding="latin-1", newline="\r\n")
print(t.write("x\ny\u00e9"), t.tell(), b.getvalue())
t.flush(); print(b.getvalue(), t.tell(), t.seek(0), repr(t.read()))
t.write("Z"); t.flush(); print(b.getvalue())
print(t.seek(0, 2), t.write("end"), t.truncate(2)); t.flush(); print(b.getvalue())
t.close(); print(t.closed, b.closed)
b = io.BytesIO(); t = io.TextIOWrapper(b, encoding="utf-8-sig"); t.write("x"); t.flush(); print(b.getvalue())
t = io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbfabc"), encoding="utf-8-sig"); print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(b"\xff\xfeabc"), encoding="ascii", errors="replace"); print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(b"\xffabc"), encoding="utf-8", errors="surrogateescape"); print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(b"\xffabc"), encoding="utf-8")
try: t.read()
except UnicodeDecodeError as e: print(e)
print(repr(io.TextIOWrapper(io.BytesIO(), encoding="locale")), repr(io.TextIOWrapper(io.BytesIO())))
b = io.BytesIO(); t = io.TextIOWrapper(b, line_buffering=True); t.write("a"); print(b.getvalue()); t.write("b\nc"); print(b.getvalue())
b = io.BytesIO(); t = io.TextIOWrapper(b, write_through=True); t.write("a"); print(b.getvalue())
b = io.BytesIO(); t = io.TextIOWrapper(b); t.write("a"); print(b.getvalue()); t.reconfigure(line_buffering=True); print(b.getvalue(), t.line_buffering)
t.write("\u00e9\n"); print(b.getvalue()); t.reconfigure(encoding="latin-1"); t.write("\u00e9\n"); print(b.getvalue(), t.encoding, t.errors)
t.reconfigure(errors="replace"); t.write("\u20ac"); t.flush(); print(b.getvalue(), t.errors)
t.reconfigure(newline="\r\n"); t.write("q\n"); t.flush(); print(b.getvalue())
try: t.reconfigure(encoding=3)
except TypeError as e: print(e)
try: t.reconfigure(1)
except TypeError as e: print(e)
t = io.TextIOWrapper(io.BytesIO(b"abc\ndef"))
t.read(1)
try: t.reconfigure(encoding="latin-1")
except io.UnsupportedOperation as e: print(e)
t.reconfigure(line_buffering=True); print(t.line_buffering)
t.seek(0); t.reconfigure(encoding="latin-1"); print(t.encoding, repr(t.read()))
b = io.BytesIO(b"data"); t = io.TextIOWrapper(b); print(t.detach() is b, b.closed, b.read())
t = io.TextIOWrapper(io.BytesIO(b"x" * 20000 + b"\ny")); print(len(t.readline()), repr(t.read()))
t = io.TextIOWrapper(io.BytesIO("\u20ac".encode() * 5000)); t._CHUNK_SIZE = 7; print(t._CHUNK_SIZE, len(t.read(4999)), t.tell(), len(t.read()))
try: t._CHUNK_SIZE = 0
except ValueError as e: print(e)
t = io.TextIOWrapper(io.BytesIO(b"abc")); t.mode = "r"; print(repr(t).split(" at ")[0], t.mode)
`,
	"text over a Python buffer": `import _io as io
class B(io.BufferedIOBase):
    def __init__(self, data=b"", chunk=4):
        self.data = bytearray(data); self.pos = 0; self.chunk = chunk
    def readable(self): print("readable"); return True
    def writable(self): print("writable"); return True
    def seekable(self): print("seekable"); return True
    def read1(self, n=-1):
        if n < 0: n = len(self.data)
        n = min(n, self.chunk)
        r = bytes(self.data[self.pos:self.pos+n]); self.pos += len(r)
        print("read1", n, r); return r
    def read(self, n=-1):
        if n is None or n < 0: n = len(self.data)
        r = bytes(self.data[self.pos:self.pos+n]); self.pos += len(r)
        print("read", n, r); return r
    def write(self, b):
        print("write", type(b).__name__, bytes(b))
        self.data[self.pos:self.pos+len(b)] = b; self.pos += len(b); return len(b)
    def seek(self, off, wh=0):
        print("seek", off, wh)
        self.pos = [0, self.pos, len(self.data)][wh] + off; return self.pos
    def tell(self): print("tell"); return self.pos
    def flush(self): print("flush"); super().flush()
    def close(self): print("close"); super().close()
    def truncate(self, n=None): print("truncate", n); return 0
print("--init")
t = io.TextIOWrapper(B("h\u00e9llo\nworld\nagain\n".encode()), encoding="utf-8")
print("--readline")
print(repr(t.readline()))
print("--tell")
print(t.tell())
print("--read")
print(repr(t.read(3)))
print("--seek")
print(t.seek(0))
print("--read all")
print(repr(t.read()))
print("--write")
print(t.write("X\nY"))
print("--flush")
t.flush()
print("--truncate")
print(t.truncate())
print("--seek end")
print(t.seek(0, 2))
print("--close")
t.close()
print(t.closed)
try: t.read()
except ValueError as e: print(e)
print("--lb")
t = io.TextIOWrapper(B(), encoding="ascii", line_buffering=True)
t.write("ab"); t.write("c\nd")
print("--wt")
t2 = io.TextIOWrapper(B(), encoding="ascii", write_through=True)
t2.write("ab"); t2.write("c\nd")
print("--detach")
b = t2.detach(); print(type(b).__name__); b.close()
print("--noread1")
class NR(io.RawIOBase):
    def __init__(self): self.d = b"one\ntwo\n"
    def readable(self): return True
    def read(self, n=-1):
        print("NR.read", n); r, self.d = self.d, b""; return r
t = io.TextIOWrapper(NR(), encoding="ascii"); print(t.readlines())
class Bad(io.RawIOBase):
    def readable(self): return True
    def read(self, n=-1): return "str"
try: io.TextIOWrapper(Bad()).read(1)
except TypeError as e: print(e)
try: io.TextIOWrapper(Bad()).read()
except TypeError as e: print(e)
print(io.TextIOWrapper(io.BufferedReader(io.BytesIO(b"x\ny"))).readlines())
t = io.TextIOWrapper(io.BufferedRandom(io.BytesIO(b"abc\ndef\n")), encoding="ascii")
print(repr(t.readline()), t.tell(), t.write("XY"), t.seek(0), repr(t.read()))
print(t.buffer.raw.getvalue() if False else "")
`,
	"buffered over Python raw streams": `import _io as io
class R(io.RawIOBase):
    def __init__(self, data=b"", chunk=5):
        self.data = bytearray(data); self.pos = 0; self.chunk = chunk
    def readable(self): print("readable"); return True
    def writable(self): print("writable"); return True
    def seekable(self): print("seekable"); return True
    def readinto(self, b):
        n = min(len(b), len(self.data) - self.pos, self.chunk)
        print("readinto", type(b).__name__, len(b), n)
        b[:n] = self.data[self.pos:self.pos+n]; self.pos += n; return n
    def write(self, b):
        print("write", type(b).__name__, bytes(b), b.readonly)
        self.data[self.pos:self.pos+len(b)] = b; self.pos += len(b); return len(b)
    def seek(self, off, wh=0):
        print("seek", off, wh)
        self.pos = [0, self.pos, len(self.data)][wh] + off; return self.pos
    def tell(self): print("tell"); return self.pos
    def flush(self): print("flush"); super().flush()
    def close(self): print("close"); super().close()
    def truncate(self, n=None): print("truncate", n); del self.data[n:]; return n
print("--reader")
r = io.BufferedReader(R(b"hello world, this is data"), buffer_size=8)
print(r.read(3)); print(r.peek(2)); print(r.read1(4)); print(r.tell()); print(r.seek(2)); print(r.read(2)); print(r.seek(1, 1)); print(r.read(1))
print(r.seek(20)); print(r.read())
print(r.closed, r.readable(), r.seekable(), r.writable())
r.close(); print(r.closed)
try: r.read()
except ValueError as e: print(e)
print("--reader big")
r = io.BufferedReader(R(b"0123456789" * 5, chunk=100), buffer_size=8)
print(r.read(20)); print(r.read(3)); print(r.read1()); print(r.read1(100)); ba = bytearray(12); print(r.readinto(ba), ba); print(r.readinto1(ba), ba)
mv = memoryview(bytearray(3)); print(r.readinto(mv), mv.tobytes())
print(r.readline(), r.read())
print("--writer")
w = io.BufferedWriter(R(), buffer_size=8)
print(w.write(b"abc")); print(w.write(b"defghijkl")); print(w.tell()); w.flush(); print(w.write(memoryview(b"zz")[1:])); print(w.seek(0)); print(w.truncate(3))
print(w.raw.data, w.writable(), w.readable())
try: w.read()
except io.UnsupportedOperation as e: print("unsupported", e)
w.write(b"q"); print("--close"); w.close(); print(w.raw.data)
try: w.write(b"x")
except ValueError as e: print(e)
print("--bytesio raw")
r = io.BufferedReader(io.BytesIO(b"line1\nline2\nline3"))
print(r.peek(1)[:3], r.readline(), list(r), r.read(), r.tell(), r.seek(0), r.read(5), r.raw.tell())
w = io.BufferedWriter(io.BytesIO())
w.write(b"abc"); print(w.raw.getvalue()); w.flush(); print(w.raw.getvalue(), w.tell())
b = io.BytesIO(b"0123456789"); x = io.BufferedRandom(b, 4)
print(x.read(2), x.write(b"AB"), x.read(2), x.seek(0), x.read(), x.tell()); x.flush(); print(b.getvalue())
print(x.seek(-3, 2), x.read(), x.seek(1), x.peek()[:2], x.truncate(), b.getvalue())
p = io.BufferedRWPair(io.BytesIO(b"in"), io.BytesIO())
print(p.read(), p.write(b"out"), p.readable(), p.writable(), p.closed, p.peek(), p.read1(), p.isatty()); p.flush(); p.close(); print(p.closed)
r = io.BufferedReader(io.BytesIO(b"x")); raw = r.detach(); print(raw.read(), r.raw, repr(r))
for f in [lambda: r.read(), lambda: r.closed, lambda: r.name, lambda: r.tell()]:
    try: print(f())
    except ValueError as e: print(e)
class Short(io.RawIOBase):
    def readable(self): return True
    def readinto(self, b): return len(b) + 1
try: io.BufferedReader(Short()).read(2)
except OSError as e: print(e)
class NegTell(io.RawIOBase):
    def readable(self): return True
    def seekable(self): return True
    def tell(self): return -3
try: io.BufferedReader(NegTell()).tell()
except OSError as e: print(e)
print(io.BufferedReader(io.BytesIO(b"abc"), 1).read(), io.BufferedReader(io.BytesIO(b"abc"), 2).read(5))
`,
	"BytesIO.getbuffer and bytes-like arguments": `import _io as io
b = io.BytesIO(b"abc"); m = b.getbuffer(); print(type(m.obj).__name__, m.readonly, m.format, len(m), bytes(m), m.nbytes)
for f in [lambda: b.write(b"x"), lambda: b.truncate(1), lambda: b.close(), lambda: b.writelines([b"x"]), lambda: b.seek(1), lambda: b.read(), lambda: b.getvalue(), lambda: b.readinto(bytearray(1))]:
  try: print(f())
  except BufferError as e: print(type(e).__name__, e)
m[0] = 65; print(b.getvalue())
m2 = m[1:]; m.release()
try: b.write(b"Q")
except BufferError as e: print(e)
del m2; b.seek(0); b.write(b"Q"); print(b.getvalue())
with b.getbuffer() as v: print(v.tobytes(), v.tolist())
b.close()
try: b.getbuffer()
except ValueError as e: print(e)
b = io.BytesIO(b"xyz"); m = b.getbuffer(); del b; print(bytes(m), m.obj is not None)
w = io.BytesIO(); w.write(m); w.write(memoryview(b"0123")[::2].tobytes()); w.write(bytearray(b"!")); print(w.getvalue())
try: w.write(memoryview(b"0123")[::2])
except BufferError as e: print(e)
try: w.write("s")
except TypeError as e: print(e)
v = memoryview(b"ab"); v.release()
try: w.write(v)
except ValueError as e: print(e)
b = io.BytesIO(b"hello"); ba = bytearray(3); mv = memoryview(ba); print(b.readinto(mv), ba, b.readinto(memoryview(bytearray(10))[2:4]))
try: b.readinto(memoryview(b"ro"))
except TypeError as e: print(e)
print(io.BytesIO(b"a\nb\nc\n").readlines(2), io.BytesIO(b"a\nb\nc\n").readlines(3))
b = io.BytesIO(b"0123"); m = b.getbuffer(); b2 = io.BytesIO(); b2.write(m[1:3]); print(b2.getvalue()); m.release(); b.close()
`,
	"subclasses": `import _io as io
class S(io.StringIO):
    def __init__(self, *a, **k):
        super().__init__(*a, **k); self.writes = 0
    def write(self, s):
        self.writes += 1; return super().write(s.upper())
    def getvalue(self):
        r = io.StringIO.getvalue(self)
        return r + "!"
s = S("init\n"); print(repr(s.read()), s.write("abc"), s.getvalue(), s.writes, s.__dict__)
s.writelines(["x", "y"]); print(s.getvalue(), s.writes)
print(S.__mro__, isinstance(s, io.StringIO), type(s).__name__)
s.seek(0); print(list(s), s.readlines())
class L(io.StringIO):
    def readline(self, n=-1):
        r = super().readline(n); return r.strip() + "|\n" if r else r
l = L("a\nb\n"); print(list(l)); l.seek(0); print(l.readlines())
with L("q") as l2: print(l2.read())
print(l2.closed)
class Slots(io.StringIO):
    __slots__ = ("x",)
s = Slots(); s.x = 5; print(s.x, hasattr(s, "__dict__"))
class B(io.BytesIO):
    def read(self, n=-1):
        return super().read(n).upper()
b = B(b"abc"); b.extra = 1; print(b.read(), b.extra, b.getvalue(), vars(b))
print(io.BufferedReader(B(b"xyz")).read())
class T(io.TextIOWrapper):
    def write(self, s):
        return super().write("[" + s + "]")
bio = io.BytesIO(); t = T(bio, encoding="ascii"); t.write("a"); print(t, type(t).__name__); t.flush(); print(bio.getvalue())
t.writelines(["1", "2"]); t.flush(); print(bio.getvalue())
print(t.encoding, t.buffer is bio)
class T2(io.TextIOWrapper):
    def readline(self, n=-1):
        return super().readline(n).upper()
print(list(T2(io.BytesIO(b"a\nb"))), T2(io.BytesIO(b"a\nb")).readlines())
class BR(io.BufferedReader):
    def read(self, n=-1):
        return b"<" + super().read(n) + b">"
br = BR(io.BytesIO(b"data"), 2); print(br.read(2), br.read(), repr(br).split(" ")[0])
class BW(io.BufferedWriter):
    pass
bb = io.BytesIO(); bw = BW(bb); bw.write(b"zz"); bw.flush(); print(bb.getvalue(), bw.x if hasattr(bw, "x") else "nox")
`,
}

// ioWrapFilePrograms use files in {DIR} (see checkFileProgram).
var ioWrapFilePrograms = map[string]string{
	"FileIO, its subclasses and layers over files": `import _io as io
class F(io.FileIO):
    def write(self, b):
        print("F.write", bytes(b)); return super().write(b)
p = "{DIR}/f.bin"
f = F(p, "w"); print(repr(f), f.mode, f.write(b"hello"), f.name == p); f.close(); print(repr(f))
f = io.FileIO(p); print(f.read(), f.mode, f.closefd, f.readable(), f.writable()); f.close()
with io.FileIO(p, "rb") as f: print(f.read(2), f.readinto(bytearray(2)))
with io.FileIO(p, "a+") as f: print(f.write(memoryview(b"!!")), f.tell(), f.seek(0), f.read())
for args in [(p, "rt"), (p, "rw"), (p, "r", False), (1.5,), (p, 3), (-1,), (None,)]:
    try: io.FileIO(*args)
    except Exception as e: print(type(e).__name__, e)
w = F(p, "wb"); bwr = io.BufferedWriter(w); bwr.write(b"via buffer"); bwr.flush(); bwr.close(); print(open(p, "rb").read())
f = open(p, "rb"); f.foo = 1; print(f.foo, f.__dict__); f.close()
f = open(p, "r"); print(f.mode, repr(f)); f.mode = "zz"; print(f.mode); f.close()
f = open(p, "w+b"); t = io.TextIOWrapper(f, encoding="ascii", newline="\r\n"); t.write("one\ntwo\n"); t.seek(0)
print(repr(t.readline()), t.tell(), repr(t.read()), t.name == p, t.buffer is f, t.fileno() == f.fileno(), t.seekable())
t.seek(0); t.write("ONE"); print(t.tell()); t.close(); print(f.closed, open(p, "rb").read())
r = io.BufferedReader(io.FileIO(p), 4); print(r.read(3), r.peek()[:2], r.seek(1), r.read(2), r.tell(), r.seek(-2, 2), r.read()); r.close()
x = io.BufferedRandom(io.FileIO(p, "r+"), 4); print(x.read(2), x.write(b"ab"), x.tell(), x.seek(0), x.read()); x.close()
print(open(p, "rb").read())
`,
	"sys.stdout replaced": `import sys, _io as io
old = sys.stdout
sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="replace")
print("hello", "w\u00f6rld")
print("more", end="!", flush=True)
sys.stdout.flush()
data = sys.stdout.buffer.getvalue()
sys.stdout = old
print(data)
sys.stdout = io.StringIO()
print("into a StringIO")
s = sys.stdout.getvalue()
sys.stdout = old
print(repr(s))
`,
}

func TestIOWrapPrograms(t *testing.T) {
	for name, src := range ioWrapPrograms {
		t.Run(name, func(t *testing.T) { checkIOProgram(t, src) })
	}
	for name, src := range ioWrapFilePrograms {
		t.Run(name, func(t *testing.T) { checkIOProgram(t, src) })
	}
}

// ioClassNames are the accounting classes of the _io objects, which a
// program must not leave alive once it is done.
var ioClassNames = map[string]bool{
	"FileIO": true, "BufferedReader": true, "BufferedWriter": true, "BufferedRandom": true,
	"BufferedRWPair": true, "TextIOWrapper": true, "BytesIO": true, "StringIO": true,
	"_BytesIOBuffer": true, "memoryview": true,
}

// checkIOProgram is checkFileProgram with a check that no file object
// outlives the program, even one that defines classes (which the
// general leak check skips): the program's globals are cleared, then
// the cycle finder runs.
func checkIOProgram(t *testing.T, src string) {
	t.Helper()
	dirA, dirB := t.TempDir(), t.TempDir()
	want, wantExc := cpythonFileResult(t, strings.ReplaceAll(src, "{DIR}", dirA), "")
	want = strings.ReplaceAll(want, dirA, "{DIR}")
	wantExc = strings.ReplaceAll(wantExc, dirA, "{DIR}")

	var stdout strings.Builder
	in := New(Options{Stdout: &stdout})
	base := in.Heap().Baseline()
	gv, err := in.NewDict()
	if err != nil {
		t.Fatal(err)
	}
	name, _ := in.NewStr("__main__")
	in.DictSet(asObject[Dict](gv), internName("__name__"), name)
	in.decRef(name)
	err = in.ExecModule(compileForTest(t, strings.ReplaceAll(src, "{DIR}", dirB)), asObject[Dict](gv))
	got := strings.ReplaceAll(stdout.String(), dirB, "{DIR}")
	gotExc := ""
	if err != nil {
		var e *Exception
		if !errors.As(err, &e) {
			t.Fatalf("a non-Python error: %v", err)
		}
		gotExc = strings.ReplaceAll(in.exceptionLine(e), dirB, "{DIR}")
		in.decRef(valueOf(e))
	}
	if got != want {
		t.Errorf("stdout:\n%s\nCPython 3.12:\n%s", got, want)
	}
	if gotExc != wantExc {
		t.Errorf("uncaught exception:\n%s\nCPython 3.12:\n%s", gotExc, wantExc)
	}
	d := asObject[Dict](gv)
	for _, e := range d.entries {
		if !e.key.IsNil() && e.key.GoString() != "__name__" {
			if _, err := in.DictDelete(d, e.key); err != nil {
				t.Fatal(err)
			}
		}
	}
	in.decRef(gv)
	in.CollectCycles()
	for _, l := range in.Heap().LeaksSince(base) {
		if ioClassNames[l.Name] {
			t.Errorf("file objects left after the program: %v", l)
		}
	}
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
}
