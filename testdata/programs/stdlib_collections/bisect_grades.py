import bisect


def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60]])
a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 10))
print(bisect.bisect_left(a, 4, 4), bisect.bisect_right(a, 4, 0, 3))
bisect.insort(a, 5)
bisect.insort_left(a, 4)
bisect.insort_right(a, 0)
print(a)
records = [("apple", 3), ("fig", 7), ("kiwi", 12)]
keys = [r[1] for r in records]
i = bisect.bisect_left(records, 7, key=lambda r: r[1])
print(i, records[i])
bisect.insort(records, ("date", 9), key=lambda r: r[1])
print(records)


def index_of(seq, x):
    i = bisect.bisect_left(seq, x)
    if i != len(seq) and seq[i] == x:
        return i
    raise ValueError(f"{x!r} not in sequence")


print(index_of(a, 7))
words = sorted(["pear", "apple", "fig", "banana"])
print(words, bisect.bisect(words, "cherry"))
try:
    bisect.bisect([1, 2], 1, lo=-1)
except ValueError as e:
    print("ValueError:", e)
index_of(a, 3)
