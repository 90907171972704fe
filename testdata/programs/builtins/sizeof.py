# sys.getsizeof, __sizeof__, __basicsize__ and __itemsize__ report CPython
# 3.12's layout (64-bit) filled with each object's contents.
import sys


class Plain:
    pass


class Slotted:
    __slots__ = ("a", "b")


class MoreSlots(Slotted):
    __slots__ = ("c",)


class SlotsWithDict:
    __slots__ = ("a", "__dict__")


class SlotsWithWeakref:
    __slots__ = ("a", "__weakref__")


class NoSlots:
    __slots__ = ()


class MyList(list):
    pass


class MyTuple(tuple):
    pass


class MyInt(int):
    pass


class MyError(Exception):
    pass


class MyOSError(OSError):
    pass


class MyDict(dict):
    pass


class MyStr(str):
    pass


class MyBytes(bytes):
    pass


for cls in [Plain, Slotted, MoreSlots, SlotsWithDict, SlotsWithWeakref, NoSlots, MyList, MyTuple, MyInt,
            MyError, MyOSError, MyDict, MyStr, MyBytes]:
    obj = cls()
    print(cls.__name__, cls.__basicsize__, cls.__itemsize__, sys.getsizeof(obj), obj.__sizeof__())

for t in [object, type(None), bool, int, float, complex, str, bytes, bytearray, tuple, list, dict, set,
          frozenset, range, slice, type, BaseException, ValueError, OSError, StopIteration, SyntaxError,
          ImportError, AttributeError, UnicodeDecodeError, KeyError]:
    print(t.__name__, t.__basicsize__, t.__itemsize__, bool(t.__flags__ & (1 << 14)))

values = [
    None, True, 0, 1, 2**30, 2**100, -5, 1.5, 1j, "", "a", "abc", "a" * 100, "\u65e5\u672c", "\U0001f600",
    b"", b"abc", bytearray(), bytearray(b"abc"), (), (1, 2), (1, 2, 3), [], [None] * 8, [None] * 16, {}, {1: 2},
    {"a": 1}, {1: 1, "a": 2}, {i: i for i in range(10)}, {str(i): i for i in range(10)}, {i: i for i in range(100)},
    set(), frozenset(), set(range(10)), frozenset(range(100)), range(10), slice(1, 2), object(),
    MyTuple((1, 2, 3)), MyBytes(b"ab"), MyInt(5), MyInt(2**70), MyStr("abc"), MyError("x"),
]
for v in values:
    print(type(v).__name__, sys.getsizeof(v))

# Classes: a heap type, with the shared keys of its instances' dicts when
# it gives them one; built-in types are static.
print(sys.getsizeof(Plain), sys.getsizeof(Slotted), sys.getsizeof(MyError), sys.getsizeof(int), type.__sizeof__(int))


# getsizeof's default answers for objects whose __sizeof__ is missing or
# raises TypeError.
class BadSize:
    def __sizeof__(self):
        return "big"


class NegativeSize:
    def __sizeof__(self):
        return -1


print(sys.getsizeof(BadSize(), "default"))
try:
    sys.getsizeof(BadSize())
except TypeError as e:
    print("TypeError", e)
try:
    sys.getsizeof(NegativeSize())
except ValueError as e:
    print("ValueError", e)
try:
    type.__sizeof__(Plain, 1)
except TypeError as e:
    print("TypeError", e)
try:
    object().__sizeof__(1)
except TypeError as e:
    print("TypeError", e)


# The managed dict (16) and weakref (8) flags behind the pre-header: a
# subclass of a variable-size type gets no weak references.
for cls in [Plain, Slotted, SlotsWithDict, SlotsWithWeakref, NoSlots, MyList, MyTuple, MyInt, MyError, MyDict, MyStr,
            MyBytes, int, list, object, type, Exception]:
    print(cls.__name__, cls.__flags__ & 0x18)
