print(sorted([3, 1, 2]), sorted('hello'), sorted((3, 1), reverse=True), sorted([-3, 2, -1], key=abs))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(4))), list(reversed((1, 2))))
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
print(min(3, 1, 2), max([4, 9, 2]), min('abc'), max('hello', 'world'), min([], default='empty'), max([1, 2], key=lambda x: -x))
print(min([(2, 'b'), (1, 'z'), (1, 'a')]), max({'a': 3, 'b': 1}), max({'a': 3, 'b': 1}.items(), key=lambda kv: kv[1]))
print(max(1, 1.0), max(1.0, 1), min([0, False]), max([3, 3.0, 3]))
for bad in [lambda: min(), lambda: max([]), lambda: min(1), lambda: max(1, 2, key=None, default=0)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
