"""Which objects take weak references: as CPython 3.12, by type."""
import weakref


class C:
    def method(self):
        return 1


class P(property):
    pass


def gen():
    yield 1


c = C()
r = weakref.ref(c)
samples = [
    ('instance', c), ('ref', r), ('proxy', weakref.proxy(c)),
    ('property', property()), ('property subclass', P()),
    ('set', set()), ('frozenset', frozenset()), ('function', gen),
    ('generator', gen()), ('bound method', c.method), ('class', C),
    ('module', weakref), ('code', gen.__code__), ('builtin', len),
    ('int', 5), ('str', 'x'), ('tuple', ()), ('list', []), ('dict', {}),
    ('None', None), ('object', object()),
]
for name, obj in samples:
    try:
        w = weakref.ref(obj)
        print(name, 'ok', w() is obj)
    except TypeError as e:
        print(name, 'TypeError:', e)

wm = weakref.WeakMethod(c.method)
print('WeakMethod of WeakMethod', weakref.ref(wm)() is wm)
print('ref subclass slots', type(wm).__slots__)
