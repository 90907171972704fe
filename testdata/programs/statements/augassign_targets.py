d = {'a': [1]}
d['a'] += [2]
d.setdefault('b', 0)
d['b'] += 5
print(d)
class O:
    v = 1
o = O()
o.v += 1
print(o.v, O.v)
lst = [1, 2, 3]
i = 0
def idx():
    global i
    i += 1
    print('idx called')
    return 0
lst[idx()] += 10
print(lst, i)
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print(e)
print(t)
s = 'x'
s += 'y' * 3
print(s)
