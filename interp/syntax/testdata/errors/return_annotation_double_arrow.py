def f() -> -> int:
    pass
