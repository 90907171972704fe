with (a as):
    pass
