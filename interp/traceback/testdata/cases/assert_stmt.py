def check(x):
    assert x > 1, f"x too small: {x}"


check(0)
