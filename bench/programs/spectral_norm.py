"""Spectral norm: nested loops of float multiply-adds and small function calls (power method on an infinite matrix)."""

N = 350
ITERATIONS = 10


def a(i, j):
    # Entry (i, j) of the matrix 1 / ((i+j)(i+j+1)/2 + i + 1).
    s = i + j
    return 1.0 / ((s * (s + 1) >> 1) + i + 1)


def mul_av(v, n):
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a(i, j) * v[j]
        out.append(total)
    return out


def mul_atv(v, n):
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a(j, i) * v[j]
        out.append(total)
    return out


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def main():
    u = [1.0] * N
    v = u
    for _ in range(ITERATIONS):
        v = mul_atav(u, N)
        u = mul_atav(v, N)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    print("%.9f" % ((vbv / vv) ** 0.5))


main()
