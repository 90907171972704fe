lst = []
cur = lst
for _ in range(100000):
    new = []
    cur.append(new)
    cur = new
try:
    print(lst)
except RecursionError as e:
    print('RecursionError:', e)
try:
    repr(lst)
except RecursionError as e:
    print('repr:', e)
d = {}
cur = d
for _ in range(100000):
    cur['k'] = {}
    cur = cur['k']
try:
    str(d)
except RecursionError as e:
    print('dict:', e)
t = ()
for _ in range(100000):
    t = (t,)
try:
    repr(t)
except RecursionError as e:
    print('tuple:', e)
try:
    lst == lst
except RecursionError as e:
    print('compare:', e)
print('survived')
