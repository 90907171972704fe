print(all([]), any([]), all([1, 'a']), all([1, 0]), any([0, '', None]), any([0, 2]))
def noisy(vals):
    for v in vals:
        print('check', v)
        yield v
print(all(noisy([1, 0, 1])))
print(any(noisy([0, 3, 0])))
print(all(x > 0 for x in range(1, 5)), any(c.isdigit() for c in 'ab1'))
try:
    all(5)
except TypeError as e:
    print(e)
