class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.options = kw
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return {'created_by': mcls.__name__}
class Base(metaclass=Registry):
    pass
class Child(Base, flavour='mint'):
    def hello(self):
        return __class__.__name__
print(Registry.classes, Child.options, Child.created_by, type(Child).__name__)
print(isinstance(Child, Registry), issubclass(Registry, type), Child().hello())
class Singleton(type):
    _instances = {}
    def __call__(cls, *args):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, value):
        self.value = value
a, b = Config(1), Config(2)
print(a is b, b.value)
Dynamic = type('Dynamic', (Base,), {'x': 42, 'double': lambda self: self.x * 2})
print(Dynamic().double(), Dynamic.__module__, Registry.classes[-1], type(Dynamic).__name__)
class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(e)
def make(name, bases, ns):
    return ns['value']
class NotAClass(metaclass=make):
    value = 'made by a function'
print(NotAClass)
