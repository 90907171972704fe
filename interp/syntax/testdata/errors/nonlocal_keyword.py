def f():
    nonlocal None
