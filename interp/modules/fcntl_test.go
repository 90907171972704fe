//go:build linux

package modules_test

import "testing"

// Tests of the fcntl module against CPython 3.12: the calls on pipes
// and a file in the temporary directory D, and their bad arguments.

// fcntlTry prints what a call returns or raises, without the
// descriptor (numbers differ between interpreters).
const fcntlTry = `import fcntl, os, array
def t(f, *a, **k):
    try: print(f.__name__, repr(f(*a, **k))[:60])
    except Exception as e: print(f.__name__, type(e).__name__, e)
`

var fcntlPrograms = map[string]posixProgram{
	"constants": {nil, `import fcntl
print(sorted(n for n in dir(fcntl) if not n.startswith('__')))
print({n: getattr(fcntl, n) for n in dir(fcntl) if n.isupper()})
print(fcntl.__doc__)
print(fcntl.fcntl, fcntl.ioctl.__name__, fcntl.__name__)
`},
	"fcntl": {nil, fcntlTry + `r, w = os.pipe()
t(fcntl.fcntl, r, fcntl.F_GETFL); t(fcntl.fcntl, r, fcntl.F_GETFD); t(fcntl.fcntl, r, fcntl.F_SETFL, os.O_NONBLOCK); t(fcntl.fcntl, r, fcntl.F_GETFL)
print(os.get_blocking(r), fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK)
t(fcntl.fcntl, r, fcntl.F_SETFD, 0); print(os.get_inheritable(r))
t(fcntl.fcntl, r, fcntl.F_SETFD, fcntl.FD_CLOEXEC); print(os.get_inheritable(r), fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
t(fcntl.fcntl, r, 1, "abc"); t(fcntl.fcntl, r, 1, b"abc"); t(fcntl.fcntl, r, 1, 2**40); t(fcntl.fcntl, r, 1, -2**40)
t(fcntl.fcntl, r, 1, 2**31); t(fcntl.fcntl, r, 1, 2**32 - 1); t(fcntl.fcntl, r, fcntl.F_GETFL, 2**70); t(fcntl.fcntl, r, fcntl.F_GETFL, -2**70)
d = fcntl.fcntl(r, fcntl.F_DUPFD, 100); print(d >= 100, os.get_inheritable(d)); os.close(d)
d = fcntl.fcntl(r, fcntl.F_DUPFD_CLOEXEC, 100); print(d >= 100, os.get_inheritable(d)); os.close(d)
print(fcntl.fcntl(w, fcntl.F_GETPIPE_SZ), fcntl.fcntl(w, fcntl.F_SETPIPE_SZ, 8192), fcntl.fcntl(w, fcntl.F_GETPIPE_SZ))
with open(os.path.join(D, 'f'), 'w') as f:
    print(fcntl.fcntl(f, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY, fcntl.fcntl(True, fcntl.F_GETFD) in (0, 1))
class I:
    def __index__(self): return 3
class F:
    def fileno(self): return "x"
class G:
    def fileno(self): return -3
for a in [(-1, 1), (999, 1), ("x", 1), (1.5, 1), (I(), 1), (F(), 1), (G(), 1), (2**40, 1), (-2**40, 1), (r, "x"), (r, 2**40), (r, -2**40), (r, 9999),
          (r, 1, b"a" * 1025), (r, 1, 1.5), (r, 1, bytearray(b"xy")), (r, 1, None), (r, 1, []), (r, fcntl.F_GETFL, memoryview(b"ab")),
          (r, fcntl.F_GETFL, array.array("b", [1])), (r, fcntl.F_GETFL, "\\udc80"), (r,), (r, 1, 2, 3)]:
    t(fcntl.fcntl, *a)
t(fcntl.fcntl, fd=r, cmd=1)
`},
	"ioctl": {nil, fcntlTry + `r, w = os.pipe()
FIONREAD = 0x541B
t(fcntl.ioctl, r, FIONREAD, b"\\0" * 4); t(fcntl.ioctl, r, FIONREAD)
os.write(w, b"hello")
a = array.array("i", [0]); t(fcntl.ioctl, r, FIONREAD, a); print(a)
b = bytearray(4); t(fcntl.ioctl, r, FIONREAD, b, False); print(b)
t(fcntl.ioctl, r, FIONREAD, b, True); print(b)
b = bytearray(4); t(fcntl.ioctl, r, FIONREAD, b, []); print(b)
m = memoryview(bytearray(4)); t(fcntl.ioctl, r, FIONREAD, m); print(m.tobytes())
big = bytearray(2000); t(fcntl.ioctl, r, FIONREAD, big); print(big[:5], len(big))
t(fcntl.ioctl, r, FIONREAD, memoryview(b"abcd")); t(fcntl.ioctl, r, FIONREAD, "abcd")
t(fcntl.ioctl, r, FIONREAD, array.array("b", [0] * 4), False); t(fcntl.ioctl, r, FIONREAD, b"1234", 5)
for a in [(r, FIONREAD, b"", True), (r, FIONREAD, 0, True), (r, 2**33), (r, -1), (r, 2**32 - 1), (r, 2**70), (r, -2**70), (r, "x"),
          (r, FIONREAD, b"x" * 2000), (r, FIONREAD, bytearray(2000), False), (r, 1, 2**40), (r, 1, 1.5), (r, 1, None), (r, 1, -2**40),
          (r,), (r, 1, 2, 3, 4), (-1, 1)]:
    t(fcntl.ioctl, *a)
t(fcntl.ioctl, fd=r, request=1)
`},
	"locks": {nil, fcntlTry + `r, w = os.pipe()
t(fcntl.flock, r, fcntl.LOCK_EX); t(fcntl.flock, r, fcntl.LOCK_UN); t(fcntl.flock, 999, 1)
f = open(os.path.join(D, 'lock'), 'w')
t(fcntl.flock, f, fcntl.LOCK_EX | fcntl.LOCK_NB); t(fcntl.flock, f, fcntl.LOCK_UN)
g = open(os.path.join(D, 'lock'), 'w')
fcntl.flock(f, fcntl.LOCK_EX); t(fcntl.flock, g, fcntl.LOCK_EX | fcntl.LOCK_NB); fcntl.flock(f, fcntl.LOCK_UN); t(fcntl.flock, g, fcntl.LOCK_SH)
g.close()
t(fcntl.lockf, f, fcntl.LOCK_EX); t(fcntl.lockf, f, fcntl.LOCK_UN); t(fcntl.lockf, f, fcntl.LOCK_EX | fcntl.LOCK_NB, 10, 5, 0)
t(fcntl.lockf, f, fcntl.LOCK_UN, 10, 5, os.SEEK_SET); t(fcntl.lockf, f, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 0, 0)
for a in [(f, fcntl.LOCK_SH | fcntl.LOCK_NB, 10, 0, 0), (f, 99), (f, fcntl.LOCK_EX, "x"), (f, fcntl.LOCK_EX, 0, 0, 5), (r, fcntl.LOCK_EX),
          (f, 0), (f, fcntl.LOCK_NB), (f, fcntl.LOCK_EX, 2**70), (f, fcntl.LOCK_EX, 1.5), (f, fcntl.LOCK_EX, 0, 2**70), (f, fcntl.LOCK_EX, 0, 0, 2**40),
          (f, fcntl.LOCK_EX | fcntl.LOCK_SH), (f, fcntl.LOCK_EX, -5), (f, 2**40), (), (f,)]:
    t(fcntl.lockf, *a)
for a in [(f,), (f, 1, 2), (f, "x"), (f, 99)]:
    t(fcntl.flock, *a)
t(fcntl.lockf, f, fcntl.LOCK_UN, len=1); t(fcntl.flock, fd=1, operation=2)
f.close()
`},
}

// TestFcntl runs the fcntl programs here and in CPython.
func TestFcntl(t *testing.T) { checkPosixPrograms(t, fcntlPrograms, "") }
