//go:build linux

package modules_test

import "testing"

// The _socket module against CPython 3.12: connections over loopback
// and socket pairs, addresses, resolution of numeric and /etc/hosts
// names, conversions, timeouts and bad input. The programs print
// nothing that varies between runs (descriptors, ephemeral ports).

func TestSocketModule(t *testing.T) {
	runStdlibPrograms(t, map[string]string{
		"tcp_echo": `
import socket, select
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, port > 0, srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
cli = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
cli.setblocking(False)
print(cli.connect_ex(("127.0.0.1", port)) in (0, 115))
r, w, x = select.select([srv], [], [], 5)
print(r == [srv], w, x)
conn, addr = srv.accept()
print(type(conn).__name__, addr[0], addr[1] == cli.getsockname()[1], conn.getpeername() == cli.getsockname())
print(conn.family, conn.type, conn.proto, conn.gettimeout(), conn.getblocking())
cli.setblocking(True)
cli.sendall(b"hello world" * 1000)
got = b""
while len(got) < 11000:
    got += conn.recv(4096)
print(len(got), got[:11])
conn.sendall(b"back")
buf = bytearray(10)
n = cli.recv_into(buf)
print(n, bytes(buf[:n]))
print(cli.send(b"abc"), conn.recv(1, socket.MSG_PEEK), conn.recv(10))
conn.shutdown(socket.SHUT_WR)
print(cli.recv(10))
with conn, cli, srv:
    pass
print(conn.fileno(), cli._closed, srv.fileno())
`,
		"socketpair_unix": `
import socket
a, b = socket.socketpair()
print(a.family, a.type, a.proto, b.family)
print(a.getsockname(), b.getpeername())
a.sendall(b"ping")
print(b.recv(100))
print(a.sendmsg([b"x", b"yz"]))
data, anc, flags, addr = b.recvmsg(10)
print(data, anc, flags, addr)
print(b.recvmsg_into([bytearray(2)]) if False else "skip")
d = a.dup()
print(d.family, d.fileno() != a.fileno())
d.close(); a.close()
print(b.recv(10))
b.close()
a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
a.send(b"one"); a.send(b"two")
print(b.recvfrom(10), b.recv(1))
a.close(); b.close()
print(repr(a)[:22])
`,
		"sendmsg_fds": `
import socket, os, array
a, b = socket.socketpair()
r, w = os.pipe()
print(socket.send_fds(a, [b"fds"], [r, w]))
msg, fds, flags, addr = socket.recv_fds(b, 10, 4)
print(msg, len(fds), flags, addr)
os.write(fds[1], b"via passed fd")
print(os.read(r, 100))
for fd in fds + [r, w]:
    os.close(fd)
a.sendmsg([b"abc"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [0]))])
data, anc, flags, addr = b.recvmsg(10, socket.CMSG_SPACE(4))
print(data, [(l, t, len(d)) for l, t, d in anc], flags, addr)
os.close(int.from_bytes(anc[0][2], "little"))
buf1, buf2 = bytearray(2), bytearray(5)
a.send(b"hello")
print(b.recvmsg_into([buf1, buf2]), buf1, buf2)
a.close(); b.close()
`,
		"makefile": `
import socket
srv = socket.create_server(("127.0.0.1", 0))
c = socket.create_connection(srv.getsockname(), timeout=5)
conn, _ = srv.accept()
f = conn.makefile("rwb")
c.sendall(b"line one\nline two\n")
print(f.readline(), f.readline())
f.write(b"reply\n"); f.flush()
print(c.makefile("r").readline())
f.close(); conn.close(); c.close(); srv.close()
x = socket.socket(); x.bind(("127.0.0.1", 0)); port = x.getsockname()[1]; x.close()
y = socket.socket()
print(y.connect_ex(("127.0.0.1", port)))
try:
    y.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e)
y.close()
z = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(z.gettimeout(), z.type)
z.close()
`,
		"unix_abstract": `
import socket, os
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
name = b"\x00parallel-test-%d" % os.getpid()
s.bind(name)
print(s.getsockname() == name)
s.listen(1)
c = socket.socket(socket.AF_UNIX)
c.connect(name)
conn, addr = s.accept()
print(addr)
c.sendall(b"abc"); print(conn.recv(3))
for x in (c, conn, s): x.close()
`,
		"udp": `
import socket
a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b.bind(("127.0.0.1", 0))
print(b.sendto(b"datagram", a.getsockname()))
data, addr = a.recvfrom(100)
print(data, addr == b.getsockname())
b.sendto(b"second", 0, a.getsockname())
buf = bytearray(20)
n, addr = a.recvfrom_into(buf, 3)
print(n, buf[:6], addr == b.getsockname())
a.close(); b.close()
`,
		"ipv6": `
import socket
s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
s.bind(("::1", 0))
h, p, f, sc = s.getsockname()
print(h, p > 0, f, sc)
s.close()
`,
		"getaddrinfo": `
import socket
print(socket.getaddrinfo("127.0.0.1", 80))
print(socket.getaddrinfo("localhost", 0, type=socket.SOCK_STREAM))
print(socket.getaddrinfo("::1", "80", socket.AF_INET6, socket.SOCK_DGRAM))
print(socket.getaddrinfo(None, 80, socket.AF_INET, flags=socket.AI_PASSIVE))
print(socket.getaddrinfo(None, 80))
print(socket.getaddrinfo("127.0.0.1", None, proto=socket.IPPROTO_UDP))
print(socket.getaddrinfo("127.0.0.1", "http"))
print(socket.getaddrinfo("127.0.0.1", "domain"))
print(socket.getaddrinfo("127.1", 70000, type=socket.SOCK_STREAM))
print(socket.getaddrinfo("127.0.0.1", 1, flags=socket.AI_CANONNAME, type=socket.SOCK_STREAM))
print(socket.getaddrinfo("127.0.0.1", 1, socket.AF_INET6, 1, flags=socket.AI_V4MAPPED))
print(socket.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_RAW, proto=6))
for args in [("127.0.0.1", 80, socket.AF_INET6), ("::1", 80, socket.AF_INET), ("", 80),
             ("localhost", 80, 0, 0, 0, socket.AI_NUMERICHOST), ("127.0.0.1", "http", 0, socket.SOCK_DGRAM),
             ("127.0.0.1", "nosuchservice"), ("127.0.0.1", 80, socket.AF_UNIX), ("127.0.0.1", -1),
             ("127.0.0.1", 80, 0, socket.SOCK_STREAM, 17), ("127.0.0.1", "http", 0, 0, 0, socket.AI_NUMERICSERV),
             (None, None), ("127.0.0.1", 80, 0, 0, 0, 0xffff)]:
    try:
        socket.getaddrinfo(*args)
    except socket.gaierror as e:
        print(args, e.errno, e)
for bad in [(1, 80), ("127.0.0.1", 1.5)]:
    try:
        socket.getaddrinfo(*bad)
    except Exception as e:
        print(type(e).__name__, e)
print(socket.gaierror.__module__, socket.gaierror.__mro__[1], socket.herror.__name__)
`,
		"names": `
import socket
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"), socket.gethostbyname(""))
print(socket.gethostbyname_ex("localhost"))
print(socket.gethostbyaddr("127.0.0.1"))
print(socket.getnameinfo(("127.0.0.1", 80), 0))
print(socket.getnameinfo(("127.0.0.1", 53), socket.NI_NUMERICHOST | socket.NI_DGRAM))
print(socket.getnameinfo(("::1", 443, 0, 0), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.getservbyname("http"), socket.getservbyname("domain", "udp"), socket.getservbyport(22))
print(socket.getprotobyname("tcp"), socket.getprotobyname("udp"))
print(socket.if_nametoindex("lo"), socket.if_indextoname(1), (1, "lo") in socket.if_nameindex())
print(isinstance(socket.gethostname(), str))
print(socket.getaddrinfo("fe80::1%lo", 80, type=1), socket.getaddrinfo("fe80::1%1", 80, type=1))
for sa in [("fe80::1", 80, 0, 1), ("fe80::1%lo", 80, 0, 0), ("ff02::1", 80, 0, 1), ("2001:db8::1", 80, 0, 1), ("fe80::1", 80, 0, 99)]:
    print(socket.getnameinfo(sa, socket.NI_NUMERICHOST))
print(socket.getnameinfo(("127.0.0.1", 9999), socket.NI_NAMEREQD))
for f, a in [(socket.gethostbyname, ("::1",)), (socket.getservbyname, ("nosuch",)),
             (socket.getservbyport, (70000,)), (socket.getprotobyname, ("nosuch",)),
             (socket.getnameinfo, ("x", 0)), (socket.getnameinfo, (("127.0.0.1",), 0)),
             (socket.getnameinfo, (("127.0.0.1", 80, 0), 0)), (socket.if_nametoindex, ("nosuch0",)),
             (socket.if_indextoname, (-1,)), (socket.gethostbyname, (1,))]:
    try:
        print(f(*a))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)
`,
		"conversions": `
import socket
for s in ["1.2.3.4", "127.1", "0x7f.1", "1.2.3.4 junk", "4294967295", "1.16777215", "010.1.1.1"]:
    print(s, socket.inet_aton(s))
for s in ["1.2.3", "1.2.3.256", "", "08.1.1.1", "1..2", "1.2.3.4."]:
    try:
        socket.inet_aton(s)
    except OSError as e:
        print(repr(s), e)
print(socket.inet_ntoa(b"\x7f\x00\x00\x01"))
for a in ["::", "::1", "1::", "2001:db8::1", "::ffff:1.2.3.4", "::1.2.3.4", "fe80::1:2:3:4",
          "1:2:3:4:5:6:7:8", "1:0:0:2:0:0:0:3", "0:0:1::", "ABCD::EF"]:
    p = socket.inet_pton(socket.AF_INET6, a)
    print(a, p.hex(), socket.inet_ntop(socket.AF_INET6, p))
for b in [bytes(14) + b"\x00\x02", bytes(10) + b"\xff\xfe\x01\x02\x03\x04", b"\x00\x01" * 8,
          b"\x00\x00\x00\x01" * 4, bytes(4) + b"\x00\x01" + bytes(10)]:
    print(socket.inet_ntop(socket.AF_INET6, b))
print(socket.inet_pton(socket.AF_INET, "10.0.0.1"), socket.inet_ntop(socket.AF_INET, b"\n\x00\x00\x01"))
for f, a in [(socket.inet_pton, (socket.AF_INET6, "1::2::3")), (socket.inet_pton, (socket.AF_INET6, "fe80::1%lo")),
             (socket.inet_pton, (socket.AF_INET, "01.2.3.4")), (socket.inet_pton, (3, "x")),
             (socket.inet_pton, (socket.AF_INET6, "1:2:3:4:5:6:7:8:9")), (socket.inet_pton, (socket.AF_INET6, ":1::")),
             (socket.inet_ntop, (socket.AF_INET, b"abc")), (socket.inet_ntop, (3, b"abcd")),
             (socket.inet_ntoa, (b"abc",)), (socket.inet_aton, (1,))]:
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
print(socket.htons(1), socket.ntohs(258), socket.htonl(1), socket.ntohl(0x01020304))
for f, a in [(socket.htons, -1), (socket.htons, 70000), (socket.htonl, -1), (socket.htonl, 1 << 32),
             (socket.htonl, "x"), (socket.htons, 1.0)]:
    try:
        f(a)
    except Exception as e:
        print(type(e).__name__, e)
print(socket.CMSG_LEN(4), socket.CMSG_SPACE(4), socket.CMSG_SPACE(0))
`,
		"timeouts": `
import socket
print(socket.getdefaulttimeout())
a, b = socket.socketpair()
a.settimeout(0.05)
print(a.gettimeout(), a.timeout, a.getblocking())
try:
    a.recv(10)
except TimeoutError as e:
    print(type(e).__name__, e, socket.timeout is TimeoutError)
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)
a.settimeout(None)
print(a.gettimeout(), a.getblocking())
socket.setdefaulttimeout(2.5)
c = socket.socket()
print(c.gettimeout(), socket.getdefaulttimeout())
socket.setdefaulttimeout(None)
c.close()
d = socket.socket(fileno=b.dup())
try:
    d.recv(1, socket.MSG_DONTWAIT)
except BlockingIOError as e:
    print("MSG_DONTWAIT", e.errno)
d.setblocking(False)
e2 = socket.socket(fileno=d.detach())
print(e2.gettimeout())
try:
    e2.recv(1)
except BlockingIOError as e:
    print("adopted non-blocking", e.errno)
e2.close()
for v in [-1, "x", float("nan")]:
    try:
        a.settimeout(v)
    except Exception as e:
        print(type(e).__name__, e)
a.close(); b.close()
`,
		"bad_input": `
import socket, _socket
s = socket.socket()
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e, getattr(e, "errno", None))
t(lambda: s.connect("x"))
t(lambda: s.connect(("x",)))
t(lambda: s.connect(("127.0.0.1", 1, 2)))
t(lambda: s.connect((1, 1)))
t(lambda: s.connect(("127.0.0.1", "x")))
t(lambda: s.connect(("127.0.0.1", 70000)))
t(lambda: s.bind(["127.0.0.1", 0]))
t(lambda: s.bind(("256.1.1.1", 0)))
s6 = socket.socket(socket.AF_INET6)
t(lambda: s6.bind(("::1",)))
t(lambda: s6.bind(("::1", 0, -1)))
t(lambda: s6.bind("x"))
s6.close()
u = socket.socket(socket.AF_UNIX)
t(lambda: u.bind(1))
t(lambda: u.bind("x" * 200))
t(lambda: u.connect("/nonexistent/x"))
u.close()
t(lambda: socket.socket(12345))
t(lambda: _socket.socket(fileno=-5))
t(lambda: socket.socket().recv(-1))
t(lambda: s.getpeername())
t(lambda: s.recv())
t(lambda: s.recv(1, 2, 3))
t(lambda: s.send("str"))
t(lambda: s.sendto(b"x"))
t(lambda: s.bind())
t(lambda: s.listen(1, 2))
t(lambda: s.recv_into(b"x"))
t(lambda: s.recv_into(bytearray(1), 5))
t(lambda: s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 2000))
t(lambda: s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))
t(lambda: s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 4))
t(lambda: s.sendmsg([1]))
t(lambda: s.sendmsg([b"x"], [(1, 2)]))
t(lambda: s.recvmsg(-1))
s.close()
t(lambda: s.recv(1))
t(lambda: s.fileno())
t(lambda: s.getsockname())
t(lambda: s.close())
print(repr(s))
x = _socket.socket()
print(repr(x) == "<socket object, fd=%d, family=2, type=1, proto=0>" % x.fileno())
fd = x.detach()
print(x.fileno(), repr(socket.socket(fileno=fd))[:40] != "")
_socket.close(fd)
t(lambda: _socket.close(-1))
t(lambda: _socket.dup(-1))
t(lambda: _socket.socket(1, 2, 3, 4, 5))
t(lambda: _socket.getdefaulttimeout(1))
`,
		"module_attrs": `
import _socket, socket
names = sorted(n for n in dir(_socket) if n.isupper() and n not in ("CAPI",))
print(len(names), names[:5], names[-3:])
print([getattr(_socket, n) for n in names if not callable(getattr(_socket, n))][:40])
print(_socket.SocketType is _socket.socket, _socket.error is OSError, _socket.has_ipv6)
print(socket.AF_INET, socket.SOCK_STREAM, socket.SOMAXCONN, socket.MSG_PEEK)
class S(_socket.socket):
    pass
s = S()
print(type(s).__name__, s.family)
s.close()
print(_socket.socket.__module__, _socket.socket.__name__)
for attr in ("family", "timeout"):
    try:
        setattr(s, attr, 3)
    except AttributeError as e:
        print(e)
`,
	})
}
