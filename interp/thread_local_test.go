package interp

import "testing"

// _thread._local against CPython: each thread's own dict, classes with
// __init__, __slots__ and properties, the dicts' end with their thread
// or their local, cycles through them. A helper runs a function in a
// new thread and waits for it (the tests run without threading).
const localRun = `import _thread, gc, _weakref
def sleep(t):
    s = _thread.allocate_lock()
    s.acquire()
    s.acquire(True, t)
def run(f, *a):
    done = _thread.allocate_lock()
    done.acquire()
    def w():
        try:
            f(*a)
        finally:
            done.release()
    _thread.start_new_thread(w, ())
    done.acquire()
    while _thread._count():  # until the thread has ended
        sleep(0.001)
L = _thread._local
class Obj:
    pass
`

var threadLocalPrograms = map[string]string{
	"type and errors": `import _thread
L = _thread._local
print(L, L.__name__, L.__qualname__, L.__module__, repr(L())[:22])
for args, kw in [((1,), {}), ((), {"a": 1})]:
    try:
        L(*args, **kw)
    except TypeError as e:
        print(e)
l = L()
for f in [lambda: l.x, lambda: delattr(l, "x"), lambda: setattr(l, "__dict__", {}),
          lambda: delattr(l, "__dict__"), lambda: setattr(l, 1, 2), lambda: getattr(l, 1),
          lambda: l.__getattribute__(1), lambda: l.__setattr__(1, 3)]:
    try:
        f()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
l.x = 1
print(l.__dict__, l.x, hasattr(l, "y"), getattr(l, "y", 5))
class N(L):
    pass
try:
    N(1)
except TypeError as e:
    print(e)
n = N()
try:
    n.q
except AttributeError as e:
    print(e)
try:
    n.__dict__ = {}
except AttributeError as e:
    print(e)
class R(L):
    def __init__(self):
        return 5
try:
    R()
except TypeError as e:
    print(e)
`,
	"each thread its own dict": localRun + `l = L()
l.x = 1
def f():
    print("thread sees x:", hasattr(l, "x"))
    l.x = 2
    l.y = 3
    del l.y
    l.__dict__["z"] = 4
    print(l.__dict__)
run(f)
print(l.__dict__)
`,
	"subclass init per thread": localRun + `main = _thread.get_ident()
class K(L):
    count = 0
    def __init__(self, a, b=0):
        K.count += 1
        print("init", a, b, _thread.get_ident() == main)
        self.a = a + b
    @property
    def p(self):
        return self.a * 10
    def m(self):
        return self.a + 100
k = K(1, b=2)
print(k.a, k.p, k.m())
def f():
    print(k.a, k.p, k.m(), k.__dict__)
    k.a = 50
    print(k.p)
    try:
        k.p = 1
    except AttributeError as e:
        print(e)
run(f)
print(k.a, K.count)
class Bad(L):
    n = 0
    def __init__(self):
        Bad.n += 1
        if Bad.n == 2:
            raise ValueError("boom")
        self.v = Bad.n
b = Bad()
def g():
    try:
        b.v
    except ValueError as e:
        print("first use:", e)
    print("retried:", b.v)
run(g)
print(b.v)
`,
	"slots shared by threads": localRun + `class S(L):
    __slots__ = ("s",)
print(sorted(S.__dict__))
s = S()
s.s = 1
s.other = 2
def f():
    print(s.s, hasattr(s, "other"), s.__dict__)
    s.s = 11
    del s.s
    print(hasattr(s, "s"))
    s.s = 12
run(f)
print(s.s, s.__dict__)
class D(L):
    __slots__ = ("__dict__",)
d = D()
d.a = 1
print(d.__dict__)
`,
	"dicts freed with their thread": localRun + `l = L()
wl = []
def f():
    o = Obj()
    wl.append(_weakref.ref(o))
    l.o = o
for i in range(5):
    run(f)
print([w() is None for w in wl])
o = Obj()
w = _weakref.ref(o)
l2 = L()
l2.o = o
def g():
    l2.o = Obj()
run(g)
del o
print(w() is None)
del l2
print(w() is None)
`,
	"cycles collected": localRun + `class X:
    pass
class LS(L):
    pass
class LSl(L):
    __slots__ = ("s",)
class LI(L):
    def __init__(self, x):
        self.x = x
for cls in L, LS:
    x = X()
    x.local = cls()
    x.local.x = x
    wr = _weakref.ref(x)
    del x
    gc.collect()
    print(cls.__name__, wr() is None)
x = X()
x.local = LSl()
x.local.s = x
wr = _weakref.ref(x)
del x
gc.collect()
print(wr() is None)
x = X()
x.local = LI(x)
wr = _weakref.ref(x)
def f():
    x.local.x
run(f, )
del x, f
gc.collect()
print(wr() is None)
def g():
    cycle = [LS()]
    cycle.append(cycle)
    cycle[0].foo = "bar"
    del cycle
    gc.collect()
run(g)
locals_ = [LS() for i in range(10)]
print(all(not hasattr(x, "foo") for x in locals_))
`,
	"weakref and identity": localRun + `l = L()
r = _weakref.ref(l)
print(r() is l, hash(l) == hash(l), l == l, l != L())
del l
print(r())
`,
}

func TestThreadLocal(t *testing.T) { checkPrograms(t, threadLocalPrograms) }

// Locks as threading relies on them: release unlocks at once even with
// waiters (Thread._stop asserts it after a join), waiters that time out
// pass their turn on, locks take weak references, and interrupt_main in
// the main thread raises inside the caller's try block.
const lockSleep = `import _thread
def sleep(t):
    s = _thread.allocate_lock()
    s.acquire()
    s.acquire(True, t)
`

var threadLockPrograms = map[string]string{
	"release unlocks with waiters": lockSleep + `l = _thread.allocate_lock()
l.acquire()
out = []
left = [2]
done = _thread.allocate_lock()
done.acquire()
def waiter(i):
    l.acquire()
    out.append(i)
    l.release()
    out.append(l.locked())
    left[0] -= 1
    if left[0] == 0:
        done.release()
_thread.start_new_thread(waiter, (1,))
_thread.start_new_thread(waiter, (2,))
sleep(0.05)
l.release()
print(l.locked())
done.acquire()
print(sorted(out, key=str), l.locked())
`,
	"timed-out waiter leaves the queue": lockSleep + `l = _thread.allocate_lock()
l.acquire()
res = []
done = _thread.allocate_lock()
done.acquire()
def quick():
    res.append(("quick", l.acquire(True, 0.03)))
def slow():
    res.append(("slow", l.acquire(True, 5)))
    l.release()
    done.release()
_thread.start_new_thread(quick, ())
sleep(0.01)
_thread.start_new_thread(slow, ())
sleep(0.1)
l.release()
done.acquire()
print(res, l.locked(), l.acquire(False))
`,
	"rlock waiters": lockSleep + `r = _thread.RLock()
r.acquire()
r.acquire()
got = []
done = _thread.allocate_lock()
done.acquire()
def f():
    with r:
        got.append(r._recursion_count())
    done.release()
_thread.start_new_thread(f, ())
sleep(0.02)
r.release()
print(got)
r.release()
done.acquire()
print(got, r._is_owned())
`,
	"lock weakrefs": `import _thread, _weakref
l = _thread.allocate_lock()
r = _weakref.ref(l)
print(r() is l, _weakref.ref(_thread.RLock()) is not None)
del l
print(r())
`,
	"interrupt_main in the main thread": `import _thread
class I(int):
    pass
try:
    _thread.interrupt_main()
    print("not raised")
except KeyboardInterrupt:
    print("caught")
try:
    _thread.interrupt_main(I(2))
except KeyboardInterrupt:
    print("caught again")
for bad in [-1, 1000]:
    try:
        _thread.interrupt_main(bad)
    except ValueError as e:
        print(e)
`,
}

func TestThreadLocks(t *testing.T) { checkPrograms(t, threadLockPrograms) }
