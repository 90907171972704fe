def f() -> int = 1:
    pass
