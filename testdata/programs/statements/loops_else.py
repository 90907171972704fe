def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            print('found at', i)
            break
    else:
        print('not found')
find([1, 2, 3], 2)
find([1, 2, 3], 7)
n = 0
while n < 3:
    n += 1
else:
    print('while else', n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print('never')
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        print(i, j)
for x in []:
    pass
else:
    print('empty for else')
