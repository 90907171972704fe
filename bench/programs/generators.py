"""Generator pipelines: chained generators, generator expressions and yield from over integer streams."""

LENGTH = 360000
ROUNDS = 8


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def scaled(source, k):
    for x in source:
        yield x * k


def only(source, predicate):
    for x in source:
        if predicate(x):
            yield x


def windows(source, size):
    # Sliding windows as tuples, kept in a small list buffer.
    buf = []
    for x in source:
        buf.append(x)
        if len(buf) > size:
            del buf[0]
        if len(buf) == size:
            yield tuple(buf)


def chunks(source, size):
    chunk = []
    for x in source:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def tree(depth, start):
    if depth == 0:
        return start
    return [tree(depth - 1, start * 2), tree(depth - 1, start * 2 + 1)]


def pipeline(n):
    evens = only(scaled(numbers(n), 3), lambda x: x % 2 == 0)
    sums = (a + b + c for a, b, c in windows(evens, 3))
    total = 0
    for chunk in chunks(sums, 7):
        total = (total + sum(chunk) * len(chunk)) % 1000000007
    return total


def main():
    result = 0
    for r in range(ROUNDS):
        result ^= pipeline(LENGTH + r)
    flat = 0
    for r in range(ROUNDS):
        flat += sum(flatten(tree(12, r)))
    squares = sum(x * x for x in range(LENGTH) if x % 3)
    print("pipeline:", result)
    print("flatten:", flat)
    print("squares:", squares)


main()
