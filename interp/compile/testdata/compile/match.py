# Match statements, compiled by TestMatchInstructions and compared
# instruction by instruction (opcode, oparg, jump target, line) with
# CPython 3.12. Each top-level function is one case.


def value(x):
    match x:
        case 1:
            return "one"
        case -2:
            return "minus two"
        case 1.5 | 2j | -1-2j:
            return "num"
        case "s" "t":
            return "st"
        case b"b":
            return "b"


def singleton(x):
    match x:
        case None:
            return 0
        case True:
            return 1
        case False:
            return 2


def attr_value(x):
    import enum
    match x:
        case enum.Enum.x:
            pass
        case enum.a.b.c:
            pass


def capture(x):
    match x:
        case y:
            return y


def wildcard_only(x):
    match x:
        case _:
            return 1


def default(x):
    match x:
        case 1:
            return 1
        case _:
            return 2


def default_guard(x):
    match x:
        case 1:
            return 1
        case _ if x > 3:
            return 2
    return 3


def guards(x):
    match x:
        case a if a > 1:
            return a
        case [a, b] if a and b or not a:
            return b
        case {"k": v} if v:
            return v
        case _:
            return None


def as_patterns(x):
    match x:
        case (1 | 2) as y:
            return y
        case [1 as a, (2 as b) as c]:
            return a, b, c
        case int() as i:
            return i


def sequences(x):
    match x:
        case []:
            return 0
        case [_]:
            return 1
        case [_, _, *_]:
            return 2
        case (a, b):
            return a + b
        case [a, *rest]:
            return rest
        case [*rest, a]:
            return rest
        case [a, *_, b]:
            return a, b
        case [*_, a, _]:
            return a
        case [a, *_]:
            return a
        case [[a, b], [c, *d]]:
            return a, b, c, d
        case [*_]:
            return -1


def star_middle(x):
    match x:
        case [a, b, *c, d, e]:
            return a, b, c, d, e
        case [_, *_, _, a]:
            return a


def mappings(x):
    match x:
        case {}:
            return 0
        case {"a": 1}:
            return 1
        case {"a": a, "b": b}:
            return a, b
        case {1: a, **rest}:
            return rest
        case {**rest}:
            return rest
        case {"x": {"y": [p, q]}, None: z}:
            return p, q, z
        case {-1: a, 2+3j: b, True: c}:
            return a, b, c


def mapping_attr_keys(x, m):
    match x:
        case {m.a: 1, m.b.c: y, "z": z, **kw}:
            return y, z, kw


def classes(x):
    match x:
        case int():
            return 0
        case int(y):
            return y
        case str(s) | bytes(s):
            return s
        case C(a, b, c=d, e=_):
            return a, b, d
        case C(_, _, _):
            return 1
        case C(x=C(y=[1, z])):
            return z
        case m.D(q=1):
            return 2
        case C(a=1, b=2, c=3):
            return 3


def ors(x):
    match x:
        case 1 | 2 | 3:
            return 0
        case [a, b] | [b, a]:
            return a, b
        case (a, b, c) | {"a": a, "b": b, "c": c} | C(a, b, c):
            return a, b, c
        case [a, (1 | 2)] | [(3 | 4), a]:
            return a
        case ([a, b] | [b, a, _]) as c:
            return a, b, c
        case [p, ([q] | (q,))]:
            return p, q


def or_reorder(x):
    match x:
        case [a, b, c] | [c, b, a] | [b, c, a] | [c, a, b]:
            return a, b, c
        case (d, [a, b, c] | [c, b, a]):
            return a, b, c, d


def nested_deep(x):
    match x:
        case [1, [2, [3, *r], {"k": [4, v]}], C(p=[q, *_])] if q:
            return r, v, q
        case {"a": [x1, {"b": C(x2, y=x3)}], **others}:
            return x1, x2, x3, others


def in_loop(xs):
    out = []
    for x in xs:
        match x:
            case 0:
                continue
            case 1:
                break
            case [y, *_]:
                out.append(y)
            case _:
                out.append(None)
    return out


def in_try(x):
    try:
        match x:
            case [a]:
                return a
    except TypeError:
        return None
    finally:
        pass


def closure(x):
    match x:
        case [a, b]:
            def g():
                return a + b
            return g


def global_names(x):
    global G
    match x:
        case [G, *H]:
            return H


def subject_expr(x, y):
    match x, y:
        case (1, 2):
            return 1
        case (a, b):
            return a
    match -x:
        case 1:
            pass
    match [x, *y]:
        case [*z]:
            return z


def many_captures(x):
    match x:
        case [a, b, c, d, e, f, g]:
            return a
        case {"a": a, "b": b, "c": c, "d": d} | [a, b, c, d]:
            return b
        case C(a, b, c, d=d) | C(d, c, b, a):
            return c


def empty_bodies(x):
    match x:
        case 1:
            pass
        case 2:
            pass
    match x:
        case _:
            pass


def match_soft_keyword(match, case):
    match match:
        case case:
            return match


class InClass:
    match 1:
        case x:
            pass
    match [1, 2]:
        case [a, *b]:
            pass


def __mangle(x):
    class K:
        def m(self, __y):
            match __y:
                case [__z, *__w]:
                    return __z
                case {"k": __v}:
                    return __v
    return K
