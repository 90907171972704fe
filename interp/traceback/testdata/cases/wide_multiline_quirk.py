def f(*a):
    raise KeyError(a)


x = f("値",  
      2)
