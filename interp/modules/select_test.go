//go:build linux

package modules_test

import "testing"

// The select module against CPython 3.12: select() over pipes, poll and
// epoll objects, selectors.DefaultSelector over a socket pair, and bad
// input.

func TestSelectModule(t *testing.T) {
	runStdlibPrograms(t, map[string]string{
		"select_pipe": `
import os, select
r, w = os.pipe()
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"x")
class F:
    def __init__(self, fd): self.fd = fd
    def fileno(self): return self.fd
f = F(r)
rl, wl, xl = select.select([f, r], iter([w]), (), 1.5)
print(rl[0] is f, rl[1] == r, wl == [w], xl)
print(os.read(r, 1))
print(select.select([r], [], [], 0.01))
os.close(w)
print(select.select([r], [], [], None)[0] == [r], os.read(r, 1))
os.close(r)
print(select.error is OSError, select.PIPE_BUF)
`,
		"poll": `
import os, select
r, w = os.pipe()
def n(l):
    return sorted(({r: "r", w: "w"}.get(fd, fd), ev) for fd, ev in l)
p = select.poll()
p.register(r, select.POLLIN)
p.register(w)
print(n(p.poll(0)))
os.write(w, b"abc")
print(n(p.poll(100)))
p.modify(w, select.POLLIN)
print(n(p.poll(0.5)))
p.unregister(w)
print(n(p.poll(None)))
os.close(w)
print(p.poll() == [(r, select.POLLIN | select.POLLHUP)] or p.poll())
os.read(r, 3)
print(n(p.poll(-1)))
os.close(r)
print(p.poll(0) == [(r, select.POLLNVAL)])
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: p.register(-1))
t(lambda: p.register("x"))
t(lambda: p.register(0, -1))
t(lambda: p.register(0, 1 << 16))
t(lambda: p.modify(55, 1))
t(lambda: p.unregister(55))
t(lambda: p.poll("x"))
t(lambda: p.register())
t(lambda: p.poll(1, 2))
`,
		"epoll": `
import os, select
r, w = os.pipe()
def n(l):
    return sorted(({r: "r", w: "w"}.get(fd, fd), ev) for fd, ev in l)
with select.epoll() as ep:
    print(ep.closed, ep.fileno() >= 0)
    ep.register(r, select.EPOLLIN)
    ep.register(w, select.EPOLLOUT)
    print(n(ep.poll(0)))
    os.write(w, b"z")
    print(n(ep.poll(1)))
    ep.modify(w, 0)
    print(n(ep.poll(0.01, 1)))
    ep.unregister(w)
    e2 = select.epoll.fromfd(os.dup(ep.fileno()))
    print(type(e2).__name__, n(e2.poll(timeout=0)))
    e2.close()
    def t(f):
        try:
            print(repr(f()))
        except Exception as e:
            print(type(e).__name__, e)
    t(lambda: ep.register(r))
    t(lambda: ep.unregister(w))
    t(lambda: ep.modify(w, 1))
    t(lambda: ep.register(-1))
    t(lambda: ep.poll("x"))
    t(lambda: ep.poll(0, 0))
    t(lambda: ep.modify(r))
    t(lambda: select.epoll(-5))
    t(lambda: select.epoll(5, 3))
print(ep.closed)
t(lambda: ep.fileno())
t(lambda: ep.poll())
t(lambda: ep.__enter__())
t(lambda: ep.close())
os.close(r); os.close(w)
print(select.EPOLLIN, select.EPOLLET, select.EPOLLEXCLUSIVE, select.POLLRDHUP)
`,
		"selectors": `
import selectors, socket
sel = selectors.DefaultSelector()
print(type(sel).__name__)
a, b = socket.socketpair()
a.setblocking(False); b.setblocking(False)
sel.register(a, selectors.EVENT_READ, "a")
sel.register(b, selectors.EVENT_READ | selectors.EVENT_WRITE, "b")
print(sorted((k.data, ev) for k, ev in sel.select(0)))
b.send(b"hi")
print(sorted((k.data, ev) for k, ev in sel.select(1)))
print(a.recv(10))
sel.unregister(b)
print(sel.select(0.01))
print(sorted(k.data for k in sel.get_map().values()))
sel.close(); a.close(); b.close()
with selectors.PollSelector() as ps, selectors.SelectSelector() as ss:
    x, y = socket.socketpair()
    for s in (ps, ss):
        s.register(x, selectors.EVENT_WRITE, 1)
        print(type(s).__name__, [(k.data, ev) for k, ev in s.select(0)])
    x.close(); y.close()
`,
		"select_bad": `
import select
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: select.select())
t(lambda: select.select([], [], [], -1))
t(lambda: select.select([], [], [], "x"))
t(lambda: select.select(1, [], []))
t(lambda: select.select([-1], [], [], 0))
t(lambda: select.select(["x"], [], [], 0))
t(lambda: select.select([99999], [], [], 0))
t(lambda: select.select([1 << 40], [], [], 0))
t(lambda: select.select([], [], [], float("nan")))
t(lambda: select.select([], [], [], 0))
class F:
    def fileno(self): return "x"
t(lambda: select.select([F()], [], [], 0))
`,
	})
}
