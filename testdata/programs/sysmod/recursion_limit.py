import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(150)
print(sys.getrecursionlimit())
depth = 0
def dive():
    global depth
    depth += 1
    dive()
try:
    dive()
except RecursionError as e:
    print(type(e).__name__, e)
    print(100 < depth <= 150)
sys.setrecursionlimit(1000)
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print(ok(500))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
try:
    sys.setrecursionlimit('x')
except TypeError as e:
    print(e)
