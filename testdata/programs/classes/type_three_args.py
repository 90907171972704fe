def hello(self):
    return 'hi from ' + type(self).__name__
Dyn = type('Dyn', (object,), {'greet': hello, 'value': 42})
d = Dyn()
print(d.greet(), d.value, Dyn.__name__, Dyn.__bases__)
Sub = type('Sub', (Dyn,), {})
print(Sub().greet(), issubclass(Sub, Dyn), type(Sub).__name__, type(type))
print(type(3), type('x'), type(None), type(len), type([].append).__name__)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns['tag'] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, type(Tagged).__name__, isinstance(Tagged, type))
try:
    type('x', 1, {})
except TypeError as e:
    print(e)
