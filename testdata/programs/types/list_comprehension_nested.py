matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(3) if i != 1])
print([[row[i] for row in matrix] for i in range(3)])
print([x * y for x in range(1, 4) for y in range(x)])
print({(x, y) for x in range(3) for y in range(3) if x + y == 2} == {(0, 2), (1, 1), (2, 0)})
print({k: [v for v in range(k)] for k in range(4)})
flat = [n for row in matrix for n in row]
print(flat, sum(flat), [n for n in flat if n % 2 if n > 3])
