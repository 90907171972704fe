print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 62), hash(-(2 ** 62)))
print(hash(()), hash((0,)), hash((1, 2, 3)), hash((-1, -2)), hash(((1, 2), (3,))))
print(hash(3.0) == hash(3), hash(0.0) == hash(-0.0), hash(True), hash(False))
print(hash(frozenset()) , hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
for v in [[], {}, set(), bytearray()]:
    try:
        hash(v)
    except TypeError as e:
        print(e)
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
class H:
    def __hash__(self):
        return 2 ** 100
print(hash(H()))
class Neg:
    def __hash__(self):
        return -1
print(hash(Neg()))
