import sys
def fail():
    raise ValueError('deep')
def middle():
    fail()
try:
    middle()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines)
    t, v, tb2 = sys.exc_info()
    print(t.__name__, v is e, tb2.tb_lineno)
    e2 = RuntimeError('fresh').with_traceback(e.__traceback__)
    print(e2.__traceback__.tb_lineno)
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        return self
    def __exit__(self, typ, val, tb):
        print('exit', typ.__name__ if typ else None, tb is not None)
        return typ is KeyError
with Resource('r'):
    raise KeyError('suppressed')
with Resource('s'):
    pass
print('after')
