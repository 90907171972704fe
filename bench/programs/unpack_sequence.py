"""Sequence unpacking: tuple and list unpacking in tight loops, swaps, starred targets and nested patterns."""

LOOPS = 900000


def tuples(n):
    t = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    total = 0
    for _ in range(n):
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        total += a + j
    return total


def lists(n):
    seq = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    total = 0
    for _ in range(n):
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        total += b + i
    return total


def swaps(n):
    x, y, z = 1, 2, 3
    for _ in range(n):
        x, y = y, x
        y, z = z, y
        x, y, z = z, x, y
        x, y = y, x
    return x * 100 + y * 10 + z


def starred(n):
    data = list(range(12))
    total = 0
    for k in range(n):
        first, *middle, last = data
        head, second, *rest = data
        *init, tail = data
        total += first + last + len(middle) + second + len(rest) + tail + len(init)
    return total


def nested(n):
    pairs = [((i, i + 1), [i * 2, (i * 3, i * 4)]) for i in range(16)]
    total = 0
    for _ in range(n // 16):
        for (a, b), [c, (d, e)] in pairs:
            total += a + b + c + d + e
    return total


def returns(n):
    def divmod_pair(x):
        return x // 7, x % 7

    total = 0
    for i in range(n):
        q, r = divmod_pair(i)
        total += q - r
    return total


def main():
    print("tuples:", tuples(LOOPS))
    print("lists:", lists(LOOPS))
    print("swaps:", swaps(LOOPS))
    print("starred:", starred(LOOPS))
    print("nested:", nested(LOOPS))
    print("returns:", returns(LOOPS))


main()
