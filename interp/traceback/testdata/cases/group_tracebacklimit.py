import sys
sys.tracebacklimit = 1


def inner():
    raise ValueError("inner")


def outer():
    inner()


try:
    outer()
except ValueError as e:
    v = e


def raiser():
    raise ExceptionGroup("limited", [v])


raiser()
