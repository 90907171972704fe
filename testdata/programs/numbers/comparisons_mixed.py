print(1 < 2.5, 2 == 2.0, 10 ** 20 == 1e20, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > 2.0 ** 53)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0 == True)
print(max(1, 2.0), min(3, 2.5), max(True, 1), max(1, True))
try:
    1 < 'a'
except TypeError as e:
    print(e)
try:
    None > None
except TypeError as e:
    print(e)
try:
    [1] < (1,)
except TypeError as e:
    print(e)
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), 'abc' < 'abd', 'B' < 'a', [] < [0])
