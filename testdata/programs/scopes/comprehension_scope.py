x = 'outer'
lst = [x for x in range(3)]
print(lst, x)
print({x: x * 2 for x in range(3)}, x)
print(sorted({x % 2 for x in range(5)}), x)
g = (x for x in 'ab')
print(list(g), x)
def f():
    y = 10
    return [y + i for i in range(3)]
print(f())
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    n = 7
    try:
        bad = [n for _ in range(2)]
    except NameError as e:
        err = str(e)
print(C.doubled, C.err)
print([[i * j for j in range(3)] for i in range(3)])
print([(i, j) for i in range(3) if i for j in range(i)])
