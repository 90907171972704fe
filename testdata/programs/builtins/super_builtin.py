class A:
    def go(self, n):
        return f'A{n}'
class B(A):
    def go(self, n):
        return 'B' + super().go(n + 1)
class C(B):
    def go(self, n):
        return 'C' + super(C, self).go(n + 1)
print(C().go(0), super(C, C()).go(10), super(B, C()).go(20))
print(type(super(A, A())).__name__)
try:
    super(B, A()).go(0)
except TypeError as e:
    print(e)
try:
    super(1, 2)
except TypeError as e:
    print(e)
