"""Control flow: loops, exceptions, with, generators."""
import contextlib


def loops(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        while total < i:
            total += 1
            if total > 100:
                break
        else:
            total -= 1
    else:
        total *= 2
    return total


def exceptions(f):
    try:
        try:
            f()
        except (ValueError, TypeError) as e:
            raise RuntimeError("wrapped") from e
        except KeyError:
            return 1
        else:
            return 2
        finally:
            print("inner")
    except RuntimeError:
        pass
    finally:
        for i in range(2):
            try:
                continue
            finally:
                print(i)
    return 3


def groups(f):
    try:
        f()
    except* ValueError as eg:
        print(eg.exceptions)
    except* (TypeError, KeyError):
        pass
    finally:
        print("done")


def withs(path):
    with open(path) as f, contextlib.suppress(OSError):
        for line in f:
            if line:
                return line
    with contextlib.nullcontext():
        pass


def gen(n):
    received = yield
    for i in range(n):
        received = yield i, received
    r = yield from inner()
    return r


def inner():
    yield 1
    return 2


def unpack(seq):
    a, (b, *c), d = seq
    [e, f] = a, b
    *g, = c
    return a, b, c, d, e, f, g


def slices(s, i, j):
    s[i:j] = s[j:i]
    s[i:j] += s[::2]
    del s[i:j], s[i]
    return s[i:j:2], s[...]


def calls(f, *a, **k):
    f(*a, *a, x=1, **k, y=2)
    return f(**k), f(*a), f(1, 2, *a, z=3)


assert loops(5) >= 0, "loops"
print(list(gen(3)), unpack([1, [2, 3, 4], 5]))
