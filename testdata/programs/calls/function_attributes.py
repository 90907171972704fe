def func(a, b: int = 2, *, c: str = 'x') -> list:
    """Docstring here."""
    return [a, b, c]
print(func.__name__, func.__qualname__, func.__doc__, func.__module__)
print(func.__annotations__)
print(func.__defaults__, func.__kwdefaults__)
func.custom = 'attr'
print(func.custom, sorted(func.__dict__))
class K:
    def method(self):
        def inner():
            pass
        return inner
print(K.method.__qualname__, K().method().__qualname__)
print((lambda: 0).__qualname__, callable(func), callable(3))
bm = K().method
print(type(bm).__name__, bm.__func__ is K.method, bm.__name__)
