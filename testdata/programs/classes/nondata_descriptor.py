class Lazy:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
    def __get__(self, obj, cls):
        if obj is None:
            return self
        print('computing', self.name)
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value
class Data:
    @Lazy
    def expensive(self):
        return sum(range(100))
d = Data()
print(d.expensive)
print(d.expensive)
class Always:
    def __get__(self, obj, cls):
        return 'descriptor'
    def __set__(self, obj, v):
        raise AttributeError('read-only')
class H:
    attr = Always()
h = H()
h.__dict__['attr'] = 'instance dict'
print(h.attr)
class N:
    def __get__(self, obj, cls):
        return 'non-data'
class H2:
    attr = N()
h2 = H2()
h2.__dict__['attr'] = 'instance dict'
print(h2.attr, H2.attr)
