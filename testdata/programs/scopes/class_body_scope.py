x = 'global'
class A:
    x = 'class'
    y = x
    def meth(self):
        return x
    z = [x for _ in range(1)]
print(A.y, A().meth(), A.z)
def f():
    x = 'local'
    class B:
        print(x)
        x = 'B.x'
        print(x)
    return B
print(f().x)
def g():
    v = 'enclosing'
    class C:
        w = v
        def m(self):
            return v
    return C
C = g()
print(C.w, C().m())
class D:
    a = 1
    b = a + 1
    del a
print(hasattr(D, 'a'), D.b)
