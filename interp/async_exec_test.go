package interp

import "testing"

// asyncDriver is prepended to the programs: an event-loop-free driver
// that runs a coroutine to the end, answering each suspension with the
// value it yielded.
const asyncDriver = `
def run(coro):
    try:
        v = coro.send(None)
        while True:
            v = coro.send(v)
    except StopIteration as e:
        return e.value

class Fut:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        r = yield self.v
        return r
`

// Coroutines and async generators driven by hand, compared with CPython
// 3.12.
var asyncPrograms = map[string]string{
	"coroutine_basics": `async def f(x):
    return x + 1
async def g():
    a = await f(1)
    b = await f(a)
    return a, b
c = g()
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_await, c.cr_suspended)
print(c.cr_code.co_name, type(c.cr_frame).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
print(c.cr_frame, c.cr_suspended)
for op in (lambda: c.send(None), lambda: c.throw(ValueError), lambda: c.send(1)):
    try:
        op()
    except Exception as e:
        print(type(e).__name__, e)
print(c.close())
print(repr(g()).startswith("<coroutine object g at 0x"))
`,
	"await_future": `class Fut:
    def __init__(self, v): self.v = v
    def __await__(self):
        r = yield self.v
        return r * 2
async def h():
    x = await Fut(10)
    y = await Fut(20)
    return x + y
c = h()
print(c.send(None))
print(type(c.cr_await).__name__)
print(c.send(3))
try:
    c.send(4)
except StopIteration as e:
    print("done", e.value)
c = h()
try:
    c.send(1)
except TypeError as e:
    print(e)
`,
	"await_errors": asyncDriver + `async def aw(x):
    return await x
class NoIter:
    def __await__(self):
        return 1
class RetCoro:
    def __await__(self):
        return aw(1)
for x in (1, NoIter(), None, "s"):
    try:
        run(aw(x))
    except TypeError as e:
        print(e)
c = aw(Fut(1))
try:
    run(aw(RetCoro()))
except TypeError as e:
    print(e)
async def inner():
    await Fut(1)
i = inner()
i.send(None)
async def outer():
    await i
try:
    outer().send(None)
except RuntimeError as e:
    print(e)
i.close()
`,
	"exceptions_through_await": asyncDriver + `async def fail(n):
    await Fut(n)
    raise ValueError(n)
async def mid(n):
    try:
        return await fail(n)
    except ValueError as e:
        print("caught", e)
        raise KeyError(n) from e
async def top():
    try:
        await mid(3)
    except KeyError as e:
        print("top", repr(e), repr(e.__cause__))
        return "ok"
print(run(top()))
async def stop():
    raise StopIteration(5)
try:
    run(stop())
except RuntimeError as e:
    print(e, repr(e.__cause__))
async def finally_():
    try:
        await Fut(1)
    finally:
        print("finally")
c = finally_()
c.send(None)
c.close()
c = finally_()
c.send(None)
try:
    c.throw(ValueError("boom"))
except ValueError as e:
    print("thrown", e)
`,
	"throw_into_await_chain": `class Fut:
    def __await__(self):
        try:
            yield "suspended"
        except KeyError as e:
            print("fut got", repr(e))
            return "recovered"
async def inner():
    r = await Fut()
    print("inner got", r)
    return r + "!"
async def outer():
    r = await inner()
    return r
c = outer()
print(c.send(None))
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("result", e.value)
c = outer()
c.send(None)
try:
    c.throw(ValueError, ValueError("v"))
except ValueError as e:
    print("propagated", e)
async def ignore():
    while True:
        try:
            await Fut()
        except GeneratorExit:
            pass
c = ignore()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print(e)
`,
	"coroutine_wrapper": `async def f():
    return 42
c = f()
w = c.__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("value", e.value)
def gen():
    r = yield from f().__await__()
    print("gen got", r)
print(list(gen()))
class A:
    def __await__(self):
        return f().__await__()
async def g():
    return await A()
try:
    g().send(None)
except StopIteration as e:
    print(e.value)
`,
	"async_with": asyncDriver + `class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        print("enter", self.name)
        await Fut(0)
        return self.name
    async def __aexit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        await Fut(0)
        return self.suppress
async def w():
    async with CM("a") as a, CM("b", True) as b:
        print("body", a, b)
        raise ValueError("x")
    async with CM("c"):
        print("body2")
    for i in range(3):
        async with CM(i):
            if i == 1:
                continue
            if i == 2:
                break
    async with CM("r"):
        return "returned"
print(run(w()))
async def fail():
    async with CM("f"):
        raise KeyError("k")
try:
    run(fail())
except KeyError as e:
    print("KeyError", e)
class NoAwait:
    def __aenter__(self): return 1
    def __aexit__(self, *a): return 2
class NoExitAwait:
    async def __aenter__(self): return 1
    def __aexit__(self, *a): return 2
class Plain:
    pass
class OnlyEnter:
    async def __aenter__(self): return 1
async def use(m):
    async with m:
        pass
for m in (NoAwait(), NoExitAwait(), Plain(), OnlyEnter()):
    try:
        run(use(m))
    except TypeError as e:
        print(e)
`,
	"async_for": asyncDriver + `class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Fut(self.i)
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    out = []
    async for x in Counter(3):
        out.append(x)
    else:
        out.append("else")
    async for x in Counter(5):
        if x == 2:
            continue
        if x == 4:
            break
        out.append(x)
    else:
        out.append("no")
    async for a in Counter(2):
        async for b in Counter(2):
            out.append((a, b))
    return out
print(run(main()))
class BadAiter:
    def __aiter__(self): return 1
class BadAnext:
    def __aiter__(self): return self
    def __anext__(self): return 1
class Raises:
    def __aiter__(self): return self
    async def __anext__(self): raise ValueError("inner")
async def loop(x):
    async for i in x:
        pass
for x in (1, BadAiter(), BadAnext(), Raises()):
    try:
        run(loop(x))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e, repr(e.__cause__))
`,
	"async_generator": asyncDriver + `async def agen(n):
    try:
        for i in range(n):
            x = yield i
            if x is not None:
                print("sent", x)
            await Fut("tick")
    finally:
        print("agen finally")
g = agen(3)
print(type(g).__name__, g.__name__, g.ag_running, g.ag_await, g.ag_code.co_name)
print(repr(g).startswith("<async_generator object agen at"))
print(g.__aiter__() is g)
a = g.__anext__()
print(type(a).__name__)
try:
    a.send(None)
except StopIteration as e:
    print("first", e.value)
a = g.asend("hello")
print(a.send(None))
print(g.ag_running, type(g.ag_await).__name__)
try:
    a.send(None)
except StopIteration as e:
    print("second", e.value)
try:
    a.send(None)
except RuntimeError as e:
    print(e)
del a, g
async def collect(ag):
    return [x async for x in ag]
print(run(collect(agen(4))))
async def manual():
    ag = agen(2)
    r = [await ag.__anext__(), await anext(ag)]
    try:
        await ag.__anext__()
    except StopAsyncIteration:
        r.append("stop")
    try:
        await ag.__anext__()
    except StopAsyncIteration:
        r.append("stop again")
    return r
print(run(manual()))
`,
	"async_generator_close_throw": asyncDriver + `async def agen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("agen caught", e)
        yield "after"
    finally:
        print("cleanup")
async def main():
    g = agen()
    print(await g.__anext__())
    print(await g.athrow(ValueError("v")))
    print(await g.aclose())
    print(await g.aclose())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("closed")
    g = agen()
    print(await g.aclose())
    g = agen()
    await g.__anext__()
    try:
        await g.athrow(KeyError("k"))
    except KeyError as e:
        print("KeyError", e)
    return "done"
print(run(main()))
async def stubborn():
    try:
        yield 1
    finally:
        yield 2
async def main2():
    g = stubborn()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print(e)
run(main2())
async def raises_stop():
    yield 1
    raise StopAsyncIteration
async def main3():
    g = raises_stop()
    await g.__anext__()
    try:
        await g.__anext__()
    except RuntimeError as e:
        print(e)
run(main3())
`,
	"async_comprehensions": asyncDriver + `async def agen(n):
    for i in range(n):
        await Fut(i)
        yield i
async def double(x):
    await Fut(x)
    return 2 * x
async def main():
    a = [x async for x in agen(4) if x % 2 == 0]
    b = {x: await double(x) for x in range(3)}
    c = {await double(x) async for x in agen(3)}
    d = [[y async for y in agen(x)] for x in range(3)]
    e = [x for x in range(2)]
    g = (await double(x) for x in range(3))
    h = [v async for v in g]
    i = (x async for x in agen(3))
    j = [v async for v in i]
    return a, b, sorted(c), d, e, h, j
print(run(main()))
def sync():
    return (x async for x in agen(2))
ag = sync()
print(type(ag).__name__)
async def take():
    return [x async for x in ag]
print(run(take()))
`,
	"round_robin_loop": `class Switch:
    def __await__(self):
        yield
def switch():
    return Switch()
class Loop:
    def __init__(self):
        self.ready = []
        self.results = {}
    def spawn(self, name, coro):
        self.ready.append((name, coro))
    def run(self):
        while self.ready:
            name, coro = self.ready.pop(0)
            try:
                coro.send(None)
            except StopIteration as e:
                self.results[name] = e.value
            except Exception as e:
                self.results[name] = "error: %r" % e
            else:
                self.ready.append((name, coro))
async def worker(name, n):
    total = 0
    for i in range(n):
        print(name, i)
        total += i
        await switch()
    if n == 2:
        raise ValueError(name)
    return total
async def ticker(n):
    async def tick(i):
        await switch()
        return i * 10
    return [await tick(i) for i in range(n)]
loop = Loop()
loop.spawn("a", worker("a", 3))
loop.spawn("b", worker("b", 2))
loop.spawn("t", ticker(3))
loop.run()
print(sorted(loop.results.items()))
`,
	"async_generator_edges": asyncDriver + `async def ag():
    yield 1
g = ag()
for op in (lambda: g.asend(1).send(None), lambda: g.asend(None).send(5)):
    try:
        op()
    except (TypeError, StopIteration, RuntimeError) as e:
        print(type(e).__name__, e)
g = ag()
a1 = g.__anext__()
print(a1.__await__() is a1, iter(a1) is a1)
try:
    next(a1)
except StopIteration as e:
    print("next", e.value)
a1.close()
try:
    a1.send(None)
except RuntimeError as e:
    print(e)
t = g.athrow(ValueError)
try:
    t.send(None)
except ValueError as e:
    print("athrow raised", type(e).__name__)
try:
    t.send(None)
except RuntimeError as e:
    print(e)
print(run(g.aclose()))
try:
    g.__anext__().send(None)
except StopAsyncIteration as e:
    print("StopAsyncIteration", e.args)
async def ret():
    yield 1
    return
print([x for x in ret().__anext__().__await__()] if False else "skip")
async def main():
    r = []
    async for x in ret():
        r.append(x)
    return r
print(run(main()))
async def waiter():
    g = slow()
    first = g.__anext__()
    print(first.send(None))
    try:
        g.__anext__().send(None)
    except RuntimeError as e:
        print(e)
    try:
        g.aclose().send(None)
    except RuntimeError as e:
        print(e)
async def slow():
    await Fut("waiting")
    yield 1
run(waiter())
try:
    anext(1)
except TypeError as e:
    print(e)
try:
    aiter(1)
except TypeError as e:
    print(e)
print(aiter(ag()).__class__.__name__, type(anext(ag())).__name__)
`,
	"await_outside_chains": asyncDriver + `async def deep(n):
    if n == 0:
        return await Fut("bottom")
    return await deep(n - 1)
c = deep(50)
print(c.send(None))
print(type(c.cr_await).__name__)
try:
    c.send("sent")
except StopIteration as e:
    print(e.value)
async def raiser():
    await Fut(1)
    1 / 0
async def chain():
    await raiser()
c = chain()
c.send(None)
c.send(None)
`,
	"yield_from_throw_returns": `def sub():
    try:
        yield 1
    except KeyError:
        return "sub returned"
def outer():
    a = 5
    r = yield from sub()
    print("outer got", r, a)
    yield 2
g = outer()
print(next(g))
print(g.throw(KeyError))
`,
	"types_module_shapes": asyncDriver + `async def _c(): pass
_c = _c()
CoroutineType = type(_c)
_c.close()
async def _ag():
    yield
_ag = _ag()
AsyncGeneratorType = type(_ag)
print(CoroutineType, AsyncGeneratorType)
print(CoroutineType.__name__, AsyncGeneratorType.__name__)
print(sorted(n for n in dir(CoroutineType) if not n.startswith("__")))
print(sorted(n for n in dir(AsyncGeneratorType) if not n.startswith("__")))
print(type(_ag.__anext__()).__name__, type(_ag.aclose()).__name__)
`,
}

func TestAsyncPrograms(t *testing.T) {
	checkPrograms(t, asyncPrograms)
}
