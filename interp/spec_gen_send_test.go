package interp

import (
	"testing"

	"github.com/parallel-py/parallel/interp/bytecode"
)

// genSendPrograms exercise CALL_NO_KW_GEN_SEND: gen.send(v) at a warm
// site (a hit: the generator's frame runs in the caller's loop), and the
// same site meeting what its guard refuses (a miss: another object's
// send, a coroutine, a running, finished or just-started generator),
// with what a send can end in (a yield, a return and its StopIteration,
// an exception and its traceback, yield from, throw and close between
// sends, the generator dropped while it runs), against CPython 3.12.
var genSendPrograms = map[string]string{
	"gen_send": `def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            return ('done', total)
        total += v
def send(g, v):
    return g.send(v)
class Duck:
    def send(self, v): return ('duck', v)
out = []
for k in range(4):
    g = acc()
    send(g, None)
    for i in range(5):
        out.append(send(g, i))
    try:
        send(g, None)
    except StopIteration as e:
        out.append(('stop', e.value, e.args))
    try:
        send(g, 1)                      # finished: a miss
    except StopIteration as e:
        out.append(('stop again', e.value, e.args))
    out.append(send(Duck(), k))         # not a generator: a miss
    try:
        send(acc(), 1)                  # just started: a miss
    except TypeError as e:
        out.append(str(e))
async def co():
    return 5
c = co()
try:
    send(c, None)                       # a coroutine: a miss
except StopIteration as e:
    out.append(('coroutine', e.value))
print(out)
`,
	"gen_send_errors": `import sys
def boom():
    v = yield 1
    raise ValueError(v)
def names(tb):
    r = []
    while tb is not None:
        r.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return r
def send(g, v):
    return g.send(v)
for k in range(3):
    g = boom()
    send(g, None)
    try:
        send(g, k)
    except ValueError as e:
        print('ValueError', e, names(e.__traceback__), g.gi_frame)
def selfish():
    yield 0
    while True:
        try:
            send(me, 1)                 # running: a miss, ValueError
        except ValueError as e:
            yield str(e)
me = selfish()
send(me, None)
print([send(me, None) for _ in range(3)])
def stops():
    yield 1
    raise StopIteration(7)
for k in range(3):
    s = stops()
    send(s, None)
    try:
        send(s, None)
    except RuntimeError as e:
        print('RuntimeError', e, repr(e.__cause__))
def looks():
    while True:
        yield (it.gi_running, sys._getframe().f_back.f_code.co_name)
it = looks()
print([send(it, None) for _ in range(3)], it.gi_running)
def deep(n):
    g = (lambda: (yield n))()
    if n > 150:
        return send(g, None)
    return deep(n + 1)
sys.setrecursionlimit(120)
for _ in range(2):
    try:
        deep(0)
    except RecursionError:
        print('RecursionError')
sys.setrecursionlimit(1000)
`,
	"gen_send_lifetimes": `class D:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
def holds(n):
    d = D(n)
    try:
        while True:
            yield n
    finally:
        print('finally', n)
def send(g, v):
    return g.send(v)
for k in range(3):
    g = holds(k)
    send(g, None)
    print(send(g, None))
    del g                               # closed at the release
    print('after', k)
def dropper():
    global holder
    while True:
        holder = None                   # the caller's stack keeps it alive
        yield 'dropped'
for k in range(3):
    holder = dropper()
    print(send(holder, None), holder)
def inner():
    while True:
        v = yield
        print('inner', v)
def outer(t):
    while True:
        v = yield
        send(t, v * 2)                  # a send from a generator's frame
i = inner(); send(i, None)
o = outer(i); send(o, None)
for k in range(3):
    send(o, k)
def sub():
    v = yield 'sub'
    while v:
        v = yield v * 10
    return 'sub done'
def deleg():
    r = yield from sub()
    yield r
for k in range(2):
    d = deleg()
    print(send(d, None), send(d, 1), send(d, 2), send(d, 0))
def counter():
    n = 0
    while True:
        try:
            n += yield n
        except KeyError:
            n = -100
c = counter(); send(c, None)
for k in range(6):
    print(send(c, k) if k != 3 else c.throw(KeyError))
c.close()
try:
    send(c, 1)
except StopIteration as e:
    print('closed', e.args)
`,
}

func TestGenSendForm(t *testing.T) { checkProgramsAtThresholds(t, genSendPrograms) }

// TestGenSendSpecialize checks with the stats that the programs above
// run CALL_NO_KW_GEN_SEND and miss it.
func TestGenSendSpecialize(t *testing.T) {
	t.Setenv("PARALLEL_SPECIALIZE_THRESHOLD", "1")
	t.Setenv("PARALLEL_STATS", "1")
	var hit, miss uint64
	for name, src := range genSendPrograms {
		_, _, in, _ := runForTest(t, src)
		s := in.spec.stats
		if s == nil {
			t.Fatalf("%s: no stats", name)
		}
		hit += s.hit[bytecode.CALL_NO_KW_GEN_SEND]
		miss += s.miss[bytecode.CALL_NO_KW_GEN_SEND]
		in.Close()
	}
	if hit == 0 || miss == 0 {
		t.Errorf("CALL_NO_KW_GEN_SEND: %d hits, %d misses: want both", hit, miss)
	}
}

// genConsumePrograms exercise genNext and genResumeFast, a generator
// resumed by Go code (sum, list, tuple, set, min, max, any, all,
// sorted, str.join, next, send): items the fast loop yields, and runs that leave it (a callee that
// stops it, an exception in the generator or in what it calls, a
// return, StopIteration inside, a generator consuming itself, the
// recursion limit), against CPython 3.12.
var genConsumePrograms = map[string]string{
	// next(), __next__ and send() called as methods (genSend), of a
	// generator and of a coroutine.
	"gen_next_send": `def ret(n):
    for i in range(n):
        x = yield i
        if x is not None:
            print('got', x)
    return 'ret %d' % n
def drop(d):
    return d.get(1)          # a callee that leaves the fast loop
def mixed():
    while True:
        x = yield
        yield drop({1: x})
class Sleeper:
    def __await__(self):
        v = yield 'suspend'
        return v
async def task(n):
    t = 0
    for i in range(n):
        t += await Sleeper()
    return t
for k in range(3):
    g = ret(3)
    print(next(g), g.__next__(), g.send('s'))
    try:
        next(g)
    except StopIteration as e:
        print('StopIteration', e.value)
    try:
        g.send(None)
    except StopIteration as e:
        print('again', e.args)
    m = mixed()
    next(m)
    print(m.send('a'), next(m), m.send('b'))
    c = task(3)
    print(c.send(None), c.send(1), c.send(2))
    try:
        c.send(3)
    except StopIteration as e:
        print('done', e.value)
    try:
        c.send(None)
    except RuntimeError as e:
        print(e)
`,
	"gen_consume": `import sys
class P:
    def __init__(self, w): self.w = w
    @property
    def weight(self): return self.w
def helper(x):
    d = {}
    d[x] = x                       # builds a dict: stops the fast loop in a callee
    return list(d)[0] * 2
def names(tb):
    r = []
    while tb is not None:
        r.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return r
def bad(x):
    if x == 3:
        raise KeyError(x)
    return x
def gen_bad(n):
    for i in range(n):
        yield bad(i)
def gen_raise(n):
    for i in range(n):
        if i == 2:
            raise ValueError('in gen')
        yield i
def ret():
    yield 1
    yield 2
    return 'value'
def stops():
    yield 1
    raise StopIteration
def fback():
    yield sys._getframe().f_back.f_code.co_name
    yield sys._getframe().f_back.f_code.co_name
def caller_of_sum():
    return list(fback())
def nested(n):
    for i in range(n):
        yield sum(j for j in range(i))
def me():
    yield 1
    yield list(it)
def fin(log):
    try:
        for i in range(10):
            yield i
    finally:
        log.append('finally')
for k in range(3):
    ps = [P(i) for i in range(5)]
    print(sum(p.weight for p in ps), sum(helper(i) for i in range(5)))
    print(tuple(x * 2 for x in range(4)), set(x % 3 for x in range(9)), max(x for x in [3, 1, 4]), min(x for x in 'hello'))
    print(any(x > 3 for x in range(10)), all(x < 3 for x in range(10)), sorted(x for x in [3, 1, 2]), '-'.join(str(x) for x in range(4)))
    try:
        sum(gen_bad(5))
    except KeyError as e:
        print('KeyError', e, names(e.__traceback__))
    try:
        list(gen_raise(5))
    except ValueError as e:
        print('ValueError', e, names(e.__traceback__))
    print(list(ret()), list(stops()) if False else None)
    try:
        list(stops())
    except RuntimeError as e:
        print('RuntimeError', e)
    print(caller_of_sum())
    print(list(nested(5)))
    it = me()
    try:
        list(it)
    except ValueError as e:
        print('ValueError', e)
    log = []
    g = fin(log)
    print(any(x == 2 for x in g), log)
    del g
    print(log)
    g = iter(ret())
    print(next(g), list(g), list(g))
def deep(n):
    return sum(deep(n - 1) for _ in range(1)) if n else 0
try:
    deep(10000)
except RecursionError:
    print('RecursionError')
print(deep(50))
`,
}

func TestGenConsume(t *testing.T) { checkProgramsAtThresholds(t, genConsumePrograms) }
