import collections
import itertools as it
import operator


def take(n, iterable):
    return list(it.islice(iterable, n))


def sliding_window(iterable, n):
    iterator = iter(iterable)
    window = collections.deque(it.islice(iterator, n - 1), maxlen=n)
    for x in iterator:
        window.append(x)
        yield tuple(window)


def roundrobin(*iterables):
    nexts = it.cycle(iter(x).__next__ for x in iterables)
    pending = len(iterables)
    while pending:
        try:
            for nxt in nexts:
                yield nxt()
        except StopIteration:
            pending -= 1
            nexts = it.cycle(it.islice(nexts, pending))


def unique_everseen(iterable, key=None):
    seen = set()
    for element in iterable:
        k = element if key is None else key(element)
        if k not in seen:
            seen.add(k)
            yield element


def partition(pred, iterable):
    t1, t2 = it.tee(iterable)
    return list(it.filterfalse(pred, t1)), list(filter(pred, t2))


def powerset(iterable):
    s = list(iterable)
    return it.chain.from_iterable(it.combinations(s, r) for r in range(len(s) + 1))


def grouper(iterable, n, fillvalue=None):
    return it.zip_longest(*[iter(iterable)] * n, fillvalue=fillvalue)


def dotproduct(a, b):
    return sum(it.starmap(operator.mul, zip(a, b)))


print(take(3, it.count()))
print(list(sliding_window("abcde", 3)))
print(list(roundrobin("ABC", "D", "EF")))
print(list(unique_everseen("AAAABBBCCDAABBB")), list(unique_everseen("ABBcCAD", str.lower)))
print(partition(lambda x: x % 2, range(10)))
print(list(powerset([1, 2, 3])))
print(list(grouper("ABCDEFG", 3, "x")))
print(dotproduct([1, 2, 3], [4, 5, 6]))
print(sum(1 for _ in it.combinations(range(10), 4)))
