"""isinstance through objects whose type answers __class__ itself: weak proxies forward it to their referent; modules, classes, bound methods, super objects and generic aliases answer their own."""
import weakref, sys, types
class C:
    def m(self): pass
class D(C): pass
c = D()
p = weakref.proxy(c)
print(isinstance(p, C), isinstance(p, D), isinstance(p, int), isinstance(p, weakref.ProxyType))
print(isinstance(p, (int, C)), issubclass(type(p), C))
print(isinstance(sys, types.ModuleType), isinstance(sys, C), isinstance(C, type), isinstance(C, C))
print(isinstance(c.m, types.MethodType), isinstance(c.m, C), isinstance(super(D, c), C), isinstance(super(D, c), super))
print(isinstance(list[int], type), isinstance(list[int], types.GenericAlias), isinstance(int | str, types.UnionType))
class F:
    def __call__(self): pass
f = F()
q = weakref.proxy(f)
print(isinstance(q, F), isinstance(q, weakref.CallableProxyType), callable(q))
