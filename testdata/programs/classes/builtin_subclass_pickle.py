# Instances of classes derived from bytearray, zip, map, filter, reversed
# and types.SimpleNamespace through copy and pickle at every protocol.
import copy
import pickle
import types


class B(bytearray):
    pass


class S(bytearray):
    __slots__ = ('a',)


class G(bytearray):
    def __getstate__(self):
        return {'st': 1}


class Z(zip):
    pass


class M(map):
    pass


class F(filter):
    pass


class R(reversed):
    pass


class NS(types.SimpleNamespace):
    pass


b = B(b'abz')
b.x = [1]
for p in range(pickle.HIGHEST_PROTOCOL + 1):
    c = pickle.loads(pickle.dumps(b, p))
    print(p, repr(c), c.__dict__, type(c).__name__, b.__reduce_ex__(p))
print(copy.copy(b), copy.copy(b).__dict__, copy.deepcopy(b).__dict__, b.__reduce__())

s = S(b'z')
s.a = 3
print(s.__reduce_ex__(2), pickle.loads(pickle.dumps(s, 2)).a, copy.copy(s).a)
print(G(b'x').__reduce_ex__(2), pickle.loads(pickle.dumps(G(b'q'))))

for make in [lambda: Z('ab', 'cd', strict=True), lambda: M(ord, 'ab'),
             lambda: F(None, [0, 1, 2]), lambda: R((1, 2, 3))]:
    o = make()
    o.attr = [1]
    for p in range(pickle.HIGHEST_PROTOCOL + 1):
        c = pickle.loads(pickle.dumps(o, p))
        print(p, type(c).__name__, c.__dict__)
    print(type(o.__reduce__()[1]), o.__reduce_ex__(2)[0].__name__)
    c = copy.copy(o)
    print(type(c).__name__, c.__dict__, list(c), list(copy.deepcopy(o)), list(o))

z = Z('ab', 'c', strict=True)
try:
    list(pickle.loads(pickle.dumps(z)))
except ValueError as e:
    print(e)

n = NS(a=1, b=[2])
for p in range(pickle.HIGHEST_PROTOCOL + 1):
    c = pickle.loads(pickle.dumps(n, p))
    print(p, c, type(c).__name__)
print(copy.copy(n), copy.deepcopy(n), n.__reduce__(), n.__reduce_ex__(2))
print(pickle.loads(pickle.dumps(types.SimpleNamespace(q=1))), types.SimpleNamespace().__reduce__())
