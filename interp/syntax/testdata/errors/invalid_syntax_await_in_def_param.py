def f(await x):
    pass
