def f(*a):
    raise KeyError(a)


結果 = f("値",
       2)
