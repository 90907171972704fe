grid = [[1, 2], [3]]
print(grid[1][1] + 0)
