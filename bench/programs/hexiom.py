"""Hexiom-like puzzle search: backtracking with constraint checks over a hexagonal grid of numbered tiles."""

import random

RADIUS = 2
PUZZLES = 4
FILL = 0.7

DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))
UNSET = -1


def hex_cells(radius):
    # Axial coordinates (q, r) of every cell within radius of the centre.
    cells = []
    for q in range(-radius, radius + 1):
        for r in range(-radius, radius + 1):
            if abs(q + r) <= radius:
                cells.append((q, r))
    return cells


class Grid:
    def __init__(self, radius):
        self.cells = hex_cells(radius)
        index = {c: i for i, c in enumerate(self.cells)}
        self.neighbors = []
        for q, r in self.cells:
            self.neighbors.append([index[(q + dq, r + dr)] for dq, dr in DIRECTIONS if (q + dq, r + dr) in index])


def make_puzzle(grid, rng):
    # Picks which cells hold tiles; each tile's number is its count of
    # occupied neighbours. The solver only gets the multiset of numbers.
    n = len(grid.cells)
    occupied = [rng.random() < FILL for _ in range(n)]
    tiles = {}
    for i in range(n):
        if occupied[i]:
            v = sum(1 for j in grid.neighbors[i] if occupied[j])
            tiles[v] = tiles.get(v, 0) + 1
    return tiles, n - sum(occupied)


class Solver:
    def __init__(self, grid, tiles, empties):
        self.grid = grid
        self.remaining = dict(tiles)
        self.empties = empties
        self.values = [UNSET] * len(grid.cells)
        self.solutions = 0
        self.nodes = 0
        self.first = None

    def consistent(self, i):
        # Cell i and each of its neighbours must still be able to reach its
        # number: occupied neighbours <= value <= occupied + undecided.
        values = self.values
        for cell in [i] + self.grid.neighbors[i]:
            v = values[cell]
            if v <= 0:
                continue
            full = open_ = 0
            for j in self.grid.neighbors[cell]:
                w = values[j]
                if w == UNSET:
                    open_ += 1
                elif w >= 0:
                    full += 1
            if full > v or full + open_ < v:
                return False
            if v == 0 and full:
                return False
        v = values[i]
        if v == 0:
            for j in self.grid.neighbors[i]:
                if values[j] >= 0:
                    return False
        for j in self.grid.neighbors[i]:
            if values[j] == 0 and v >= 0:
                return False
        return True

    def search(self, k):
        self.nodes += 1
        if k == len(self.values):
            self.solutions += 1
            if self.first is None:
                self.first = list(self.values)
            return
        values = self.values
        if self.empties:
            self.empties -= 1
            values[k] = -2
            if self.consistent(k):
                self.search(k + 1)
            self.empties += 1
        for v in sorted(self.remaining):
            if self.remaining[v] == 0:
                continue
            self.remaining[v] -= 1
            values[k] = v
            if self.consistent(k):
                self.search(k + 1)
            self.remaining[v] += 1
        values[k] = UNSET


def main():
    rng = random.Random(2023)
    grid = Grid(RADIUS)
    for n in range(PUZZLES):
        tiles, empties = make_puzzle(grid, rng)
        solver = Solver(grid, tiles, empties)
        solver.search(0)
        layout = "".join("." if v < 0 else str(v) for v in solver.first)
        print("puzzle %d: tiles %s, %d solutions, %d nodes, first %s" % (
            n, sorted(tiles.items()), solver.solutions, solver.nodes, layout))


main()
