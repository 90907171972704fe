class C(metaclass=M, *bases, **kw, x):
    pass
