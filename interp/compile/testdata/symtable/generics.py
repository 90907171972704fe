# PEP 695 scopes (the compiler rejects them for now; the tables must hold).
type Alias = list[int]
type Pair[T] = tuple[T, T]


def first[T: (int, str), *Ts, **P](x: T, *rest: *Ts) -> T:
    return x


class Box[T](list[T]):
    type Inner = T

    def get[U](self, default: U = None) -> T | U:
        return self[0] if self else default


class Plain:
    type Member = Plain

    def meth[V](self, v: V) -> V:
        return v
