# What inspect and pydoc read from built-ins: slot wrapper docs and text
# signatures, built-in functions' signatures, descriptors' names.
import inspect
import math
import operator
import types


class C:
    __slots__ = ("a",)


d = type.__dict__["__dict__"]
print(d.__name__, d.__qualname__, d.__objclass__, d.__doc__)
m = C.__dict__["a"]
print(m.__name__, m.__qualname__, m.__objclass__, m.__doc__)
print(object.__init__.__text_signature__, object.__init__.__doc__)
print(int.__add__.__text_signature__, int.__add__.__doc__, [].__len__.__doc__)
print(iter([]).__next__.__doc__, object().__init__.__text_signature__)
print(inspect.signature(object.__init__), inspect.signature(object().__init__), inspect.signature(int.__add__))
print(inspect.signature(types.CodeType.__init__), inspect.signature(len), inspect.signature(divmod))
print(inspect.signature(math.sqrt), inspect.signature(operator.add), inspect.signature(__import__))
print(inspect.signature(sorted), inspect.signature(print))
