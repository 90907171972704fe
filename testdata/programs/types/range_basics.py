r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], 11 in r, 12 in r, r.index(8), r.count(5))
print(range(5), range(0, 5), range(5) == range(0, 5), range(0) == range(2, 2), list(range(5, 0, -2)))
print(range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20), range(-5), list(range(-5)), bool(range(0)))
try:
    range(1, 5, 0)
except ValueError as e:
    print(e)
try:
    range(3)[5]
except IndexError as e:
    print(e)
try:
    range(3).index(7)
except ValueError as e:
    print(e)
try:
    len(range(10 ** 20))
except OverflowError as e:
    print(e)
print(reversed(range(3)).__class__.__name__, list(reversed(range(1, 10, 4))), sum(range(101)), max(range(7)))
print(range(3).start, range(1, 9, 2).stop, range(1, 9, 2).step, hash(range(3)) == hash(range(0, 3)))
