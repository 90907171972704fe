print('%s and %r' % ('str', 'repr'))
print('%d %i %5d|%-5d|%05d %+d' % (42, -7, 3, 3, 3, 3))
print('%x %X %o %#x %#o %e %E %g %G' % (255, 255, 8, 255, 8, 12345.678, 0.00012, 0.00001234, 1e20))
print('%.2f %10.3f|%-10.1f|%f %.0f %.0f' % (3.14159, 2.5, 2.5, 1 / 3, 0.5, 1.5))
print('%c%c %%' % (72, 'i'))
print('%(name)s is %(age)d' % {'name': 'Ann', 'age': 30})
print('%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159))
print('%s' % [1, 2], '%s' % (1,), '%s %s' % ('a', (1, 2)), '%a' % 'é')
for bad in [('%d', 'x'), ('%s %s', ('a',)), ('%s', ('a', 'b')), ('%z', 1), ('%(k)s', 5)]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print(b'%s-%d' % (b'x', 5), '%d' % 3.9, '%s' % None, '%.3s' % 'abcdef', '%5s|%-5s|' % ('ab', 'cd'))
