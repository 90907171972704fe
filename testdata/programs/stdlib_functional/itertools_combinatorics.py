import itertools as it

print(list(it.product("ab", repeat=2)))
print(list(it.product([1, 2], "xy", [True])))
print(list(it.permutations("abc", 2)))
print(len(list(it.permutations(range(5)))))
print(list(it.combinations("abcd", 3)))
print(list(it.combinations_with_replacement("abc", 2)))
print(list(it.combinations(range(3), 5)), list(it.permutations([], 0)))
coins = [1, 5, 10, 25]
ways = [c for n in range(1, 5) for c in it.combinations_with_replacement(coins, n) if sum(c) == 30]
print(ways)
words = ["tea", "eat", "ate", "tan"]
print(sorted({"".join(p) for p in it.permutations("tea")} & set(words)))
grid = list(it.product(range(3), range(3)))
print([(r, c) for r, c in grid if r != c and (r + c) % 2 == 0])
print(list(it.starmap(pow, it.product([2, 3], [0, 1, 2]))))
try:
    it.permutations("ab", -1)
except ValueError as e:
    print("ValueError:", e)
