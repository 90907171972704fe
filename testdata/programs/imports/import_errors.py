import sys
sys.path.insert(0, __file__.rsplit('/', 1)[0] + '/lib')
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from mathx import divide
except ImportError as e:
    print(type(e).__name__, e.name)
    print(str(e).replace(__file__.rsplit('/', 1)[0], '<dir>'))
try:
    import mathx.nothing
except ModuleNotFoundError as e:
    print(e)
try:
    import _util.sub
except ModuleNotFoundError as e:
    print(e)
try:
    from . import something
except ImportError as e:
    print(e)
print(issubclass(ModuleNotFoundError, ImportError))
