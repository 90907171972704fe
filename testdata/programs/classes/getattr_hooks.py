class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        print('__getattr__', name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.append(0)
print(p._target, p.count(1))
try:
    p.nothing
except AttributeError as e:
    print(e)
class Logged:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if not name.startswith('__'):
            print('get', name)
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return 'default-' + name
l = Logged()
print(l.x, l.y)
class Dyn:
    def __setattr__(self, name, value):
        print('set', name, value)
        super().__setattr__(name, value * 2)
    def __delattr__(self, name):
        print('del', name)
        super().__delattr__(name)
d = Dyn()
d.v = 5
print(d.v)
del d.v
print(hasattr(d, 'v'))
