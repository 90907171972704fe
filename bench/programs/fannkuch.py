"""Fannkuch-redux: permutation generation and prefix reversal on small int lists (list slicing and indexing)."""

N = 9
REPEAT = 2


def fannkuch(n):
    # Walks all permutations of range(n) in the rotation order of the
    # Benchmarks Game definition; returns (checksum, maximum flips).
    perm = list(range(n))
    count = [0] * n
    checksum = 0
    max_flips = 0
    index = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        if perm[0] != 0:
            p = perm[:]
            flips = 0
            k = p[0]
            while k:
                p[: k + 1] = p[k::-1]
                flips += 1
                k = p[0]
            if flips > max_flips:
                max_flips = flips
            if index % 2 == 0:
                checksum += flips
            else:
                checksum -= flips
        while True:
            if r == n:
                return checksum, max_flips
            perm.insert(r, perm.pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        index += 1


def main():
    for _ in range(REPEAT):
        checksum, flips = fannkuch(N)
    print(checksum)
    print("Pfannkuchen(%d) = %d" % (N, flips))


main()
