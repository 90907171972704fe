class Table:
    rows = 3
    cols = 2
    grid = [[r * 10 + c for c in range(2)] for r in range(3)]
    def cells(self):
        return [(r, c) for r in range(self.rows) for c in range(self.cols)]
print(Table.grid)
print(Table().cells())
print([i for i in range(3)], 'i' in dir())
