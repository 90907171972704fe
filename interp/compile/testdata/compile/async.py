# Async code compiled by TestAsyncDis: every instruction, oparg, jump
# target, exception-table entry and stack size is compared with CPython
# 3.12's.

async def await_simple(a):
    return await a

async def await_twice(a, b):
    x = await a
    y = await b(x)
    return x + y

async def no_await():
    pass

async def with_docstring():
    "doc"
    return 1

async def async_for(a):
    total = 0
    async for i in a:
        total += i
    return total

async def async_for_else(a):
    async for i in a:
        if i:
            break
        continue
    else:
        return 1
    return 2

async def async_for_return(a):
    async for i in a:
        return i

async def async_with(a):
    async with a as b:
        return b

async def async_with_many(a, c):
    async with a as b, c:
        pass

async def async_with_break(a, items):
    for x in items:
        async with a:
            if x:
                break
            continue

async def async_with_try(a):
    try:
        async with a as b:
            raise ValueError(b)
    except ValueError as e:
        return e
    finally:
        await a

async def async_gen(a):
    yield 1
    x = yield
    await a
    yield x

async def async_gen_for(a):
    async for i in a:
        yield i
    return

async def async_gen_with(a):
    async with a as x:
        yield x

async def list_comp(a):
    return [i async for i in a if i]

async def set_comp(a):
    return {await i for i in a}

async def dict_comp(a):
    return {x: await y for x in a async for y in x}

async def nested_comp(a):
    return [[j async for j in i] for i in a]

def async_genexp(a):
    return (x async for x in a)

async def await_genexp(a):
    return (await x for x in a)

async def genexp_in_async(a):
    return [x for x in (y async for y in a)]

async def closure(a):
    async def inner():
        return await a
    return await inner()

async def await_in_try(a):
    try:
        return await a
    except Exception:
        return await a
    finally:
        await a

async def await_args(f, a, b):
    return await f(await a, k=await b)

async def lambda_inside(a):
    return (lambda: a)

class C:
    async def method(self):
        return await super().method()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False

    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration

async def async_for_tuple(a):
    async for x, (y, z) in a:
        pass

async def async_for_nested(a, b):
    async for x in a:
        async for y in b:
            await x
