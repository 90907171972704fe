a = [0, 1, 2, 3, 4, 5, 6]
del a[0]
del a[1:3]
del a[::2]
print(a)
d = {'x': 1, 'y': 2, 'z': 3}
del d['y']
print(d)
x = 1
del x
try:
    x
except NameError as e:
    print(e)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, 'attr'))
p, q = 1, 2
del p, q
print('p' in dir(), 'q' in dir())
try:
    del d['nope']
except KeyError as e:
    print('KeyError', e)
try:
    del a[10]
except IndexError as e:
    print(e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print(e)
lst = [[1, 2], [3, 4]]
del lst[1][0], lst[0]
print(lst)
