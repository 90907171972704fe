matrix = [[1, 2], [3, 4]]
def cell(m, i, j):
    return m[i][j]
print(cell(matrix, 1, 1))
print(cell(matrix, 1, 5))
