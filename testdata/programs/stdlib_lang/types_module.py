import types

ns = types.SimpleNamespace(a=1, b="two")
ns.c = [3]
print(ns, ns.a, vars(ns), ns == types.SimpleNamespace(a=1, b="two", c=[3]))
del ns.b
print(ns, hasattr(ns, "b"))
mp = types.MappingProxyType({"x": 1})
print(mp["x"], list(mp.items()), type(mp).__name__, "x" in mp)
try:
    mp["y"] = 2
except TypeError as e:
    print("TypeError:", e)


def func():
    pass


async def coro():
    pass


def gen():
    yield


print(isinstance(func, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(gen(), types.GeneratorType))
c = coro()
print(isinstance(c, types.CoroutineType), type(None) is types.NoneType, types.EllipsisType, types.NotImplementedType)
c.close()
print(isinstance(types, types.ModuleType), type(func.__code__) is types.CodeType, isinstance([].append, types.BuiltinMethodType))


class K:
    def m(self):
        return self


k = K()
print(isinstance(k.m, types.MethodType), types.MethodType(lambda self: f"bound to {type(self).__name__}", k)())
mod = types.ModuleType("dynamic", "A dynamic module")
mod.value = 42
exec("def get():\n    return value * 2", mod.__dict__)
print(mod, mod.__doc__, mod.get())
Dyn = types.new_class("Dyn", (K,), {}, lambda ns: ns.update(greet=lambda self: "hi"))
print(Dyn.__name__, Dyn().greet(), Dyn.__mro__[1].__name__)
print(types.resolve_bases((K, int)), types.GenericAlias(list, (int,)), list[int] == types.GenericAlias(list, (int,)))
print(type(int | str) is types.UnionType, types.get_original_bases(Dyn))
f2 = types.FunctionType(func.__code__, {"x": 1}, "renamed")
print(f2.__name__, f2())
print(types.SimpleNamespace(**{"z": 0}), repr(types.SimpleNamespace()))
