import sys
sys.stdout.write('out 1\n')
sys.stderr.write('err 1\n')
print('out 2')
print('err 2', file=sys.stderr)
n = sys.stderr.write('err 3\n')
print('wrote', n)
sys.stdout.flush()
print(sys.stdout.writable(), sys.stdin.readable(), sys.stderr is not sys.stdout)
print(type(sys.stdout).__name__, sys.stdout.encoding, sys.stdout.name, sys.stderr.name, sys.stdin.name)
saved = sys.stdout
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
cap = Capture()
sys.stdout = cap
print('captured', 1, 2)
print('more')
sys.stdout = saved
print(cap.parts)
print(sys.__stdout__ is saved)
