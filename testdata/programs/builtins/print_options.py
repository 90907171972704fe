import sys
print('a', 'b', 'c')
print('a', 'b', sep='')
print('a', 'b', sep=', ', end='!\n')
print(1, 2, 3, sep='\n')
print('no newline', end='')
print(' -- continued')
print()
print('to stderr', file=sys.stderr)
print('flushed', flush=True)
print(*range(5), sep=' < ')
print('x', end=None)
print('y', sep=None)
print(None, True, 1.0, [1], (2,), {3: 4}, sep='|')
try:
    print('x', sep=5)
except TypeError as e:
    print(e)
try:
    print('x', end=[])
except TypeError as e:
    print(e)
sys.stdout.write('written directly\n')
print(sys.stdout.write('abc'), file=sys.stderr)
print()
