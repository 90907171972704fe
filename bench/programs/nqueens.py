"""N-queens: counts all solutions with a generator-based permutation search over sets and tuples."""

N = 9
REPEAT = 20


def placements(n):
    # Yields each column assignment (one queen per row) with no two queens on
    # a shared column or diagonal, built row by row from partial solutions.
    def extend(cols, used, diag1, diag2):
        row = len(cols)
        if row == n:
            yield tuple(cols)
            return
        for c in range(n):
            if c in used or (row + c) in diag1 or (row - c) in diag2:
                continue
            cols.append(c)
            used.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            yield from extend(cols, used, diag1, diag2)
            cols.pop()
            used.discard(c)
            diag1.discard(row + c)
            diag2.discard(row - c)

    return extend([], set(), set(), set())


def brute_force(n):
    # The pyperformance-style formulation: filter every permutation by the
    # size of the diagonal sets; small n only.
    count = 0
    for perm in permutations(list(range(n))):
        if n == len({perm[i] + i for i in range(n)}) == len({perm[i] - i for i in range(n)}):
            count += 1
    return count


def permutations(items):
    if len(items) <= 1:
        yield tuple(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for tail in permutations(rest):
            yield (items[i],) + tail


def main():
    total = 0
    checksum = 0
    for _ in range(REPEAT):
        for sol in placements(N):
            total += 1
            checksum = (checksum * 31 + sum(i * c for i, c in enumerate(sol))) % 1000003
    print("solutions:", total // REPEAT, "checksum:", checksum)
    print("brute force:", brute_force(N))


main()
