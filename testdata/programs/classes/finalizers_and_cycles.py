class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('deleting', self.name)
a = Noisy('a')
a = None
print('after a')
b = Noisy('b')
c = b
del b
print('b still alive via c')
del c
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
x, y = Node('x'), Node('y')
x.other, y.other = y, x
del x, y
print('cycle dropped')
def f():
    local = Noisy('local')
    return 1
print(f())
