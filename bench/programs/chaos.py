"""Chaos game: iterated function systems driven by a seeded random.Random, float maths and grid bucketing."""

import math
import random

POINTS = 600000
GRID = 128


class Affine:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f
        self.weight = weight

    def apply(self, x, y):
        return self.a * x + self.b * y + self.e, self.c * x + self.d * y + self.f


class Swirl:
    # A non-linear variation: rotates points by an angle growing with radius.
    def __init__(self, strength, weight):
        self.strength = strength
        self.weight = weight

    def apply(self, x, y):
        r2 = x * x + y * y
        s = math.sin(r2 * self.strength)
        c = math.cos(r2 * self.strength)
        return 0.5 * (x * c - y * s), 0.5 * (x * s + y * c)


def fern():
    return [
        Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
        Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
        Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
        Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07),
    ]


def gasket():
    return [
        Affine(0.5, 0.0, 0.0, 0.5, 0.0, 0.0, 0.3),
        Affine(0.5, 0.0, 0.0, 0.5, 0.5, 0.0, 0.3),
        Affine(0.5, 0.0, 0.0, 0.5, 0.25, 0.5, 0.3),
        Swirl(0.7, 0.1),
    ]


def play(maps, rng, points):
    total = sum(m.weight for m in maps)
    cumulative = []
    acc = 0.0
    for m in maps:
        acc += m.weight / total
        cumulative.append((acc, m))
    x, y = 0.0, 0.0
    xs = []
    ys = []
    for i in range(points):
        r = rng.random()
        for bound, m in cumulative:
            if r <= bound:
                break
        x, y = m.apply(x, y)
        if i >= 20:
            xs.append(x)
            ys.append(y)
    return xs, ys


def bucket(xs, ys, size):
    # Scales the point cloud onto a size x size grid and counts hits per cell.
    lo_x, hi_x = min(xs), max(xs)
    lo_y, hi_y = min(ys), max(ys)
    sx = (size - 1) / (hi_x - lo_x)
    sy = (size - 1) / (hi_y - lo_y)
    grid = [[0] * size for _ in range(size)]
    for x, y in zip(xs, ys):
        grid[int((y - lo_y) * sy)][int((x - lo_x) * sx)] += 1
    return grid


def summarize(name, grid):
    filled = 0
    checksum = 0
    for row_index, row in enumerate(grid):
        for col_index, n in enumerate(row):
            if n:
                filled += 1
                checksum = (checksum + n * (row_index * 131 + col_index + 1)) % 1000000007
    print("%s: filled %d cells, checksum %d" % (name, filled, checksum))


def main():
    rng = random.Random(1234)
    for name, maps in (("fern", fern()), ("gasket", gasket())):
        xs, ys = play(maps, rng, POINTS)
        summarize(name, bucket(xs, ys, GRID))


main()
