import sys
path = sys.argv[1] + '/notes.txt'
with open(path, 'w') as f:
    n = f.write('line one\nline two\n')
    f.write('third\n')
    print(n, f.closed, f.mode, f.name == path)
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(f.readline(), end='')
    print(f.readlines())
with open(path, 'a') as f:
    print('appended', 42, file=f)
with open(path, 'r') as f:
    for i, line in enumerate(f):
        print(i, line.rstrip('\n'))
with open(path, encoding='utf-8') as f:
    print(f.read(4), f.read(4), repr(f.read(0)))
with open(path, 'w') as f:
    f.writelines(['a\n', 'b\n', 'é\n'])
with open(path) as f:
    print(f.read().splitlines())
try:
    with open(path) as f:
        f.write('x')
except Exception as e:
    print(type(e).__name__, e)
f = open(path, 'w')
f.close()
try:
    f.write('closed')
except ValueError as e:
    print(e)
with open(path) as f:
    print(repr(f.read()))
