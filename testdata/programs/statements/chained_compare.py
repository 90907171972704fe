def v(x):
    print('eval', x)
    return x
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 < 2 > 1 == 1 != 2 <= 2 >= 1)
print(1 in [1, 2] in [[1, 2]], 'a' not in 'bcd' != None)
x = 5
print(0 <= x < 10, 0 <= x < 3, x == 5 == 5.0, x is not None)
a = b = [1]
print(a is b is not None, [] == [] is not [])
