class Base:
    base_attr = 1
    def base_method(self):
        pass
class Thing(Base):
    cls_attr = 'c'
    def __init__(self):
        self.inst = 1
    def method(self):
        pass
t = Thing()
print([n for n in dir(t) if not n.startswith('__')])
print(sorted(n for n in vars(Thing) if not n.startswith('__')))
print(vars(t))
t.__dict__['added'] = 2
print(t.added, vars(t))
try:
    vars(1)
except TypeError as e:
    print(e)
print('__init__' in dir(Thing), '__class__' in dir(t))
