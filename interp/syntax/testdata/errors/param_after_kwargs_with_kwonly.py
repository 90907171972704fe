def f(a, *, b=1, c, **k, d): pass
