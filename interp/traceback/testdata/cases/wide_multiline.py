def f(*a):
    raise KeyError(a)


f("値",  
  2)
