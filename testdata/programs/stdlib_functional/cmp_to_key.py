import functools


def compare_versions(a, b):
    pa = [int(x) for x in a.split(".")]
    pb = [int(x) for x in b.split(".")]
    for x, y in zip(pa, pb):
        if x != y:
            return -1 if x < y else 1
    return (len(pa) > len(pb)) - (len(pa) < len(pb))


versions = ["1.10", "1.2", "1.2.1", "0.99", "1.2.0", "10.0", "2"]
print(sorted(versions, key=functools.cmp_to_key(compare_versions)))
print(sorted(versions, key=functools.cmp_to_key(compare_versions), reverse=True))
K = functools.cmp_to_key(compare_versions)
print(K("1.0") < K("1.0.1"), K("3") == K("3"), K("2") > K("10"))


def largest_number(nums):
    strs = sorted(map(str, nums), key=functools.cmp_to_key(lambda a, b: (b + a > a + b) - (b + a < a + b)))
    return "".join(strs).lstrip("0") or "0"


print(largest_number([3, 30, 34, 5, 9]), largest_number([0, 0]))
print(min(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda a, b: len(a) - len(b))))
try:
    hash(K("1"))
except TypeError as e:
    print("TypeError:", e)
