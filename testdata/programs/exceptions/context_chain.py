def level3():
    raise KeyError('deep')
def level2():
    try:
        level3()
    except KeyError:
        raise ValueError('middle')
def level1():
    try:
        level2()
    except ValueError as e:
        raise RuntimeError('top') from e
try:
    level1()
except RuntimeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__cause__ or cur.__context__
    print(' <- '.join(chain))
try:
    raise IndexError('a')
except IndexError:
    try:
        raise KeyError('b')
    except KeyError as inner:
        print(repr(inner.__context__))
