print(type(1) is int, type(True), type(1.0).__name__, type([]).__name__, type(type).__name__)
print(isinstance(1, int), isinstance(1, float), isinstance(True, (float, int)), isinstance('s', str))
print(issubclass(int, object), issubclass(type, object), issubclass(object, type), isinstance(object, type))
print(int.__mro__, bool.__mro__, type(int.__dict__).__name__)
print(type(len).__name__, type(lambda: 0).__name__, type(print).__name__, type(iter([])).__name__)
print(type(range(1)).__name__, type({}.keys()).__name__, type(zip()).__name__, type(reversed([])).__name__)
try:
    type()
except TypeError as e:
    print(e)
try:
    type(1, 2)
except TypeError as e:
    print(e)
