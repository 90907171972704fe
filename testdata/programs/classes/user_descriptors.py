class Typed:
    def __set_name__(self, owner, name):
        print(f'__set_name__({owner.__name__}, {name!r})')
        self.name = '_' + name
    def __init__(self, typ):
        self.typ = typ
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 'unset')
    def __set__(self, obj, value):
        if not isinstance(value, self.typ):
            raise TypeError(f'{self.name[1:]} must be {self.typ.__name__}')
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print('delete', self.name)
        delattr(obj, self.name)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person('Ann', 30)
print(p.name, p.age, type(Person.name).__name__)
try:
    p.age = 'old'
except TypeError as e:
    print(e)
del p.age
print(p.age, sorted(vars(p)))
