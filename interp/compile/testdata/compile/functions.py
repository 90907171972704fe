# Small functions whose opcode sequences TestOpnames compares with CPython
# 3.12's (see compiler_test.go). One feature or two per function.

def f01_arith(a, b):
    return a * b + a // b - a % b ** 2


def f02_consts():
    return -1, 2 ** 10, "a" + "b", (1, 2, (3, 4)), None


def f03_if(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
    else:
        return 0


def f04_while(n):
    i = 0
    while i < n:
        i += 1
    else:
        i = -i
    return i


def f05_for_break(xs):
    for x in xs:
        if x:
            break
        continue
    else:
        return None
    return x


def f06_boolops(a, b, c):
    return a and b or c


def f07_chain(a, b, c):
    return a < b < c


def f08_jump_chain(a, b, c):
    if a < b < c:
        return 1
    return 2


def f09_not(a, b):
    if not a and not (b in a):
        return a is not None
    return a is None


def f10_ifexp(a):
    return a if a else not a


def f11_call_kw(f, a):
    return f(a, b=1, c=2)


def f12_call_star(f, a, k):
    return f(*a, **k), f(1, *a), f(x=1, **k)


def f13_method(o):
    return o.m(1, 2).n(k=3)


def f14_fstring(x, w):
    return f"{x!r:>{w}} and {x}!"


def f15_slices(x):
    x[1:2] = x[::2]
    del x[0]
    return x[1:], x[:-1]


def f16_unpack(t):
    a, *b, c = t
    (d, e), f = t
    return a, b, c, d, e, f


def f17_swap(a, b):
    a, b = b, a
    return a


def f18_augassign(o, k):
    o.x += 1
    o[k] -= 2
    o[1:2] *= 3
    k |= 4
    return k


def f19_listcomp(xs):
    return [x * 2 for x in xs if x]


def f20_dictsetcomp(xs):
    return {x: y for x, y in xs}, {x for x in xs}


def f21_genexpr(xs):
    return sum(x for x in xs)


def f22_nested_comp(m):
    return [y for row in m for y in row if y > 0]


def f23_closure(a):
    def inner(b):
        return a + b
    return inner


def f24_nonlocal():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc


def f25_lambda(xs):
    return sorted(xs, key=lambda x, k=2: -x * k)


def f26_defaults(a, b=1, *args, c, d=2, **kw):
    return a, b, args, c, d, kw


def f27_try_except(f):
    try:
        f()
    except ValueError as e:
        return e
    except (TypeError, KeyError):
        return 2
    except:
        raise
    else:
        return 3


def f28_try_finally(f, g):
    try:
        return f()
    finally:
        g()


def f29_with(m, f):
    with m as x, open(f) as y:
        return x.read() + y.read()


def f30_generator(n):
    for i in range(n):
        x = yield i
        if x:
            yield from x


def f31_raise(e):
    if e:
        raise ValueError("bad") from e
    raise


def f32_assert(x):
    assert x, "no x"
    assert isinstance(x, int)


def f33_import():
    import os.path
    import a.b.c as d
    from .m import n as o, p
    return os, d, o, p


def f34_globals():
    global G
    G = 1
    del G


def f35_walrus(xs):
    if (n := len(xs)) > 3:
        return n
    return [y for x in xs if (y := x)]


def f36_dict_display(a, b):
    return {"a": a, "b": b}, {a: 1, **b}, {}


def f37_list_display(a):
    return [1, 2, 3], [a, *a], {1, 2, 3}, (a, *a)


def f38_class_in_func(base):
    class C(base, metaclass=type):
        x = 1

        def m(self):
            return super().m() + __class__.x
    return C


def f39_loop_try(xs):
    total = 0
    for x in xs:
        try:
            total += x
        except TypeError:
            continue
        finally:
            total += 1
    return total


def f40_while_true(q):
    while True:
        item = q.get()
        if item is None:
            break
        q.put(item)


def f41_decorated(d):
    @d
    @d(1)
    def g():
        "doc"
        return 1
    return g


def f42_unbound(c):
    if c:
        v = 1
    return v


def f43_try_star(f):
    try:
        f()
    except* ValueError as eg:
        print(eg)
    except* TypeError:
        pass


def f44_del_local(a):
    del a
    b = 1
    del b
