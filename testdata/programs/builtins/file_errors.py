import sys
base = sys.argv[1]
try:
    open(base + '/does-not-exist.txt')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == base + '/does-not-exist.txt')
    print(str(e).replace(base, '<tmp>'))
try:
    open(base)
except IsADirectoryError as e:
    print(type(e).__name__, e.errno)
try:
    open(base + '/x', 'q')
except ValueError as e:
    print(e)
try:
    open(base + '/x', 'rw')
except ValueError as e:
    print(e)
p = base + '/lines.txt'
with open(p, 'w') as f:
    f.write('1\n2\n3\n')
total = 0
with open(p) as f:
    for line in f:
        total += int(line)
print(total)
open(base + '/missing/deeper.txt')
