"""Subclasses of variable-size built-ins (int, tuple, bytes, type): no
__slots__ members and no weak references, unlike str or float."""
import weakref


def attempt(base, slots):
    ns = {} if slots is None else {'__slots__': slots}
    try:
        cls = type('C', (base,), ns)
    except TypeError as e:
        return 'class: %s' % e
    obj = cls() if base is not type else cls('X', (), {})
    try:
        weakref.ref(obj)
        weak = 'weak'
    except TypeError as e:
        weak = str(e)
    return '%s, __dict__ %s, __weakref__ attribute %s' % (
        weak, hasattr(obj, '__dict__'), '__weakref__' in dir(cls))


for base in (int, tuple, bytes, str, float, frozenset, type):
    for slots in (None, (), ('__weakref__',), ('__dict__',), ('x',), 'x'):
        print(base.__name__, slots, '->', attempt(base, slots))


class D(int):
    pass


for slots in (('a',), ()):
    try:
        class E(D):
            __slots__ = slots
        print('E', slots, 'ok', E(4) + 1)
    except TypeError as e:
        print('E', slots, e)

try:
    class Bad(tuple):
        __slots__ = (1,)
except TypeError as e:
    print('Bad', e)

d = D(7)
d.note = 'kept'
print(d, d.note, d.__dict__)
for base, slots in ((object, ('__weakref__','__weakref__')), (object, ('__dict__','__dict__')), (frozenset, ('__weakref__',)), (type('A',(),{}), ('__dict__',)), (type('A',(),{}), ('__weakref__',)), (type('A',(),{'__slots__':('__weakref__',)}), ('__weakref__',)), (object, ('a','a'))):
    try:
        type('C', (base,), {'__slots__': slots}); print('ok')
    except TypeError as e: print(e)
