class A:
    def who(self):
        return ['A']
    @classmethod
    def make(cls):
        return 'A.make for ' + cls.__name__
class B(A):
    def who(self):
        return ['B'] + super().who()
    @classmethod
    def make(cls):
        return 'B:' + super().make()
class C(A):
    def who(self):
        return ['C'] + super(C, self).who()
class D(B, C):
    def who(self):
        return ['D'] + super().who()
print(D().who(), D.make())
print(super(B, D()).who())
print(super(D, D).make())
s = super(B, D())
print(type(s).__name__)
class E(D):
    def __init__(self):
        super().__init__()
        self.ok = True
    def __repr__(self):
        return 'E<' + super().__repr__()[:9] + '>'
print(E().ok, repr(E()))
def outside(self):
    return super().who()
try:
    outside(D())
except RuntimeError as e:
    print(e)
