class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def multiply(self, other):
        assert len(self.rows[0]) == len(other.rows), f'shape mismatch: {len(self.rows[0])} vs {len(other.rows)}'
        return 'ok'
a = Matrix([[1, 2]])
b = Matrix([[1], [2]])
print(a.multiply(b))
print(a.multiply(a))
