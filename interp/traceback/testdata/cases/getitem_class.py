class Grid:
    def __getitem__(self, key):
        raise LookupError(f"no cell {key!r}")


g = Grid()
print(g[1, 2], g[3:4])
