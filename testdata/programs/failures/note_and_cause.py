def step(n):
    try:
        return 10 // n
    except ZeroDivisionError as e:
        err = RuntimeError(f'step {n} failed')
        err.add_note('hint: n must be non-zero')
        raise err from e
step(0)
