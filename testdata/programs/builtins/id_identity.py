a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c)
x = None
print(id(x) == id(None), id(True) == id(1 == 1))
class O:
    pass
o1, o2 = O(), O()
print(id(o1) != id(o2), type(id(o1)).__name__, id(o1) == id(o1))
e1, e2 = (), ()
print(e1 is e2, id(len) == id(len))
