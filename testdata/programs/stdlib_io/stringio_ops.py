import io

buf = io.StringIO()
print(buf.write("hello\n"), buf.write("world\n"), buf.tell())
print(buf.getvalue(), end="")
buf.seek(0)
print(repr(buf.readline()), repr(buf.read(3)), repr(buf.read()), repr(buf.read()))
buf.seek(6)
buf.write("WORLD")
print(repr(buf.getvalue()))
buf.truncate(8)
print(repr(buf.getvalue()), buf.tell())
buf.seek(0, io.SEEK_END)
buf.write("!")
print(repr(buf.getvalue()))
s = io.StringIO("line1\nline2\r\nline3")
print(s.readlines())
s = io.StringIO("a\nb\nc\n")
print([line.rstrip() for line in s], s.closed, s.readable(), s.writable(), s.seekable())
s = io.StringIO("x\r\ny", newline=None)
print(repr(s.read()))
s = io.StringIO(newline="\r\n")
s.write("a\nb\n")
print(repr(s.getvalue()))
with io.StringIO("ctx") as c:
    print(c.read())
print(c.closed)
try:
    c.read()
except ValueError as e:
    print("ValueError:", e)
try:
    io.StringIO().write(b"bytes")
except TypeError as e:
    print("TypeError:", e)
s = io.StringIO("abc")
s.seek(10)
s.write("Z")
print(repr(s.getvalue()))
