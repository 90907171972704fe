class A:
    def __eq__(self, o):
        return True
print(A.__hash__)
try:
    hash(A())
except TypeError as e:
    print(e)
try:
    {A()}
except TypeError as e:
    print(e)
class B:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, B) and self.k == o.k
    def __hash__(self):
        return hash(self.k)
print(len({B(1), B(1), B(2)}), B(1) in {B(1): 'x'}, hash(B(5)) == hash(5))
class C(B):
    def __eq__(self, o):
        return False
try:
    hash(C(1))
except TypeError as e:
    print(e)
class D(B):
    pass
print(hash(D(3)))
class E:
    __hash__ = None
try:
    hash(E())
except TypeError as e:
    print(e)
try:
    d = {}
    d[[1]] = 2
except TypeError as e:
    print(e)
class F:
    pass
f = F()
print(hash(f) == hash(f), f == f)
