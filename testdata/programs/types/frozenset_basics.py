f = frozenset([3, 1, 2, 1])
print(f, len(f), 2 in f, frozenset(), repr(frozenset({5})))
print(f | {9}, type(f | {9}).__name__, type({9} | f).__name__, f & {1, 2}, f - {1})
d = {f: 'frozen key'}
print(d[frozenset([1, 2, 3])], f == {1, 2, 3}, hash(frozenset()) == hash(frozenset([])))
try:
    f.add(4)
except AttributeError as e:
    print(e)
s = {frozenset({1}), frozenset({1}), frozenset({2})}
print(len(s))
print(sorted(frozenset('hello')), frozenset(range(5)).issuperset({1, 2}))
