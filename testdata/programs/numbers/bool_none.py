print(True + True, True * 10, False - 1, True / 2, True // 1, -True)
print(True == 1, False == 0, isinstance(True, int), type(True + 0).__name__)
print(True & False, True | False, True ^ True, type(True & False).__name__, type(True & 1).__name__)
print(bool(0), bool(0.0), bool(''), bool([]), bool(None), bool(-1), bool('0'), bool([0]))
print(None is None, None == None, None == 0, repr(None), str(None))
print(sum([True, True, False, True]), max(False, True), sorted([True, False, 0, 1]))
try:
    None + 1
except TypeError as e:
    print(e)
try:
    t = True
    t()
except TypeError as e:
    print(e)
print({True: 'a', 1: 'b', 1.0: 'c'})
