errs = [ValueError(), ValueError('m'), ValueError('a', 'b'), KeyError('k'), KeyError(), OSError(),
        OSError('just msg'), OSError(2, 'ENOENT'), OSError(2, 'ENOENT', 'f.txt'), FileNotFoundError(2, 'nf', 'x'),
        StopIteration(), StopIteration(1, 2), SystemExit(), SystemExit('bye'), SyntaxError('bad'),
        AttributeError('attr'), NameError('nm'), ImportError('imp'), UnicodeError('u'), BaseException(None),
        ZeroDivisionError('division by zero'), RecursionError('deep'), Warning('w'), ExceptionGroup('g', [ValueError()])]
for e in errs:
    print(type(e).__name__, '|', str(e), '|', repr(e), '|', e.args)
e = OSError(2, 'ENOENT', 'f.txt')
print(e.errno, e.strerror, e.filename, type(e).__name__)
print(repr(SyntaxError('msg', ('f.py', 1, 2, 'x = ', 1, 3))))
