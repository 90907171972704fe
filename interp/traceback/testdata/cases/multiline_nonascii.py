def f(*a):
    raise KeyError(a)


é = f("ü",
      2)
