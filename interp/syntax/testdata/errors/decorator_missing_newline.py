@dec def f():
    pass
