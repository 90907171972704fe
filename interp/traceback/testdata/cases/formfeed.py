def f():
    return None.attr


f()
