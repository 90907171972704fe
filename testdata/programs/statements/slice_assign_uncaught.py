grid = [0] * 10
grid[::3] = [1, 1, 1, 1]
print(grid)
grid[1::3] = [2, 2]
