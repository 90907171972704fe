import sys
data = sys.stdin.read()
print(repr(data), len(data))
print(repr(sys.stdin.readline()))
try:
    input()
except EOFError as e:
    print('EOFError', repr(str(e)))
