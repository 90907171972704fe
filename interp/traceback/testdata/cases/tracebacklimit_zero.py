import sys
sys.tracebacklimit = 0
try:
    1 / 0
except ZeroDivisionError:
    raise KeyError("no tracebacks")
