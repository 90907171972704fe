def rec(n):
    if n == 0:
        return 1 + "x"
    return rec(n - 1)


try:
    rec(10)
except TypeError as e:
    raise ExceptionGroup("deep", [e, ValueError("v")])
