def f(a, /, *, ): pass
