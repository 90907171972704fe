def lazy():
    import _util
    from _util import double
    return _util.CONSTANT, double(5)
print('_util' in __import__('sys').modules)
print(lazy())
print(lazy())
try:
    _util
except NameError as e:
    print(e)
m = __import__('_util')
print(m.CONSTANT, m is __import__('sys').modules['_util'])
