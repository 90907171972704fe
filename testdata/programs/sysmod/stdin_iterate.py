import sys
total = 0
for n, line in enumerate(sys.stdin, 1):
    line = line.strip()
    if not line:
        continue
    total += int(line)
    print(f'{n}: {line}')
print('total', total)
