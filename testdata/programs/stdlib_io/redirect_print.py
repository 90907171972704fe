import contextlib
import io
import sys

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured", 1, 2, sep="-")
    sys.stdout.write("direct\n")
print("after:", repr(buf.getvalue()))
err = io.StringIO()
with contextlib.redirect_stderr(err):
    print("to err", file=sys.stderr)
print("err was:", repr(err.getvalue()))
print("visible on stderr", file=sys.stderr)
print("a", "b", sep="", end="|\n")
print(*range(5), sep=", ")
print("no newline", end="")
print()
print("flushed", flush=True)
sys.stderr.write("raw stderr\n")
sys.stdout.write("raw stdout\n")
print(sys.stdout.encoding, sys.stderr.errors, sys.stdout.isatty(), sys.stdin.isatty())
sys.stdout.writelines(["x\n", "y\n"])
out = sys.stdout
sys.stdout = io.StringIO()
print("hidden")
hidden = sys.stdout.getvalue()
sys.stdout = out
print("restored", repr(hidden))
print(sys.__stdout__ is out)
sys.stdout.flush()
n = sys.stdout.buffer.write(b"bytes\n")
sys.stdout.buffer.flush()
print(n)
