# io.IncrementalNewlineDecoder: held-back "\r", translation, state, and bad input.
import io, codecs
D = io.IncrementalNewlineDecoder
d = D(None, translate=True)
print(repr(d.decode("a\r")), d.getstate(), d.newlines)
print(repr(d.decode("\nb\rc\r\n")), d.newlines)
print(repr(d.decode("", final=True)), d.getstate())
d = D(codecs.getincrementaldecoder("utf-8")(), False)
print(repr(d.decode(b"x\xc3")), d.getstate())
print(repr(d.decode(b"\xa9\r")), d.getstate(), d.newlines)
d.setstate((b"", 1)); print(repr(d.decode(b"z", True)))
d.reset(); print(d.newlines, d.getstate())
for bad in [lambda: D(None, True).decode(b"x"), lambda: D(), lambda: D(None, True).setstate(5), lambda: D(None, True).setstate((b"",)), lambda: D(None, True).setstate(("a", "b"))]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
d = D.__new__(D)
try: d.decode("x")
except Exception as e: print(type(e).__name__, e)
try: print(d.newlines)
except Exception as e: print(type(e).__name__, e)
class S(D):
    pass
s = S(None, 1); s.x = 1; print(s.decode("a\r\n", final=True), s.x, s.newlines)
print(D(None, True, errors="x").decode("q"))
print(D(None, 0).decode("\r\n\r"), D.__module__)
