# Which built-in objects hash: identity for those that do not compare by value (files, coroutines, iterators), none for mutable containers.
import types, collections, itertools, functools, operator, io, weakref, array, re, decimal, fractions, datetime, contextvars, struct
class C: pass
objs = {
 "mappingproxy": types.MappingProxyType({}), "SimpleNamespace": types.SimpleNamespace(), "deque": collections.deque(),
 "defaultdict": collections.defaultdict(), "count": itertools.count(),
 "partial": functools.partial(int), "itemgetter": operator.itemgetter(1), "weakref": weakref.ref(C),
 "array": array.array("b"), "pattern": re.compile("a"), "match": re.match("a", "a"), "range": range(3),
 "memoryview": memoryview(b"x"), "frozenset": frozenset(), "property": property(), "zip": zip(), "map": map(int, []),
 "enumerate": enumerate([]), "reversed": reversed([]), "dict_values": {}.values(), "super": super(C, C()),
 "code": (lambda: 0).__code__, "frame": __import__("sys")._getframe(), "GenericAlias": list[int], "UnionType": int | str,
 "ContextVar": contextvars.ContextVar("x"), "Context": contextvars.copy_context(), "Struct": struct.Struct("b"),
 "lru": functools.lru_cache(lambda: 0), "cell": (lambda: C).__closure__, "complex": 1j, "bytes": b"",
 "date": datetime.date(2000,1,1), "timedelta": datetime.timedelta(1), "Fraction": fractions.Fraction(1,2),
 "staticmethod": staticmethod(len), "classmethod": classmethod(len), "NotImplemented": NotImplemented,
 "Ellipsis": ...,  "type": int, "method": C.__init__, "methodwrapper": C().__str__, "builtin_method": [].append,
}
for k, v in objs.items():
    try:
        hash(v); r = "hashable"
    except TypeError as e:
        r = str(e)
    print(k, r)
