class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
def names(cls):
    return [c.__name__ for c in cls.__mro__]
print(names(Z))
print(names(K1), names(K3))
class X: pass
class Y(X): pass
print([c.__name__ for c in Y.mro()], Y.__bases__, Y.__base__.__name__, object.__bases__)
print(type.mro(Z) == list(Z.__mro__))
