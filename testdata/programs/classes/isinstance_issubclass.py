class A: pass
class B(A): pass
class C: pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(B(), (C, A)), isinstance(1, (str, (list, int))))
print(issubclass(B, A), issubclass(A, A), issubclass(B, (C,)), issubclass(bool, (str, int)))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    issubclass(B(), A)
except TypeError as e:
    print(e)
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 'magic'
class Anything(metaclass=Meta):
    pass
print(isinstance('magic', Anything), isinstance('other', Anything))
print(isinstance(True, int), isinstance(None, object), isinstance(int, type), isinstance(type, object))
