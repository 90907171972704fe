try:
    int("x")
except ValueError as e:
    raise
