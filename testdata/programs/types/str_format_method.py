print('{} {} {}'.format(1, 'two', 3.0))
print('{0} {1} {0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2), '{0[1]} {1[k]}'.format([5, 6], {'k': 'v'}))
class P:
    x = 10
print('{0.x} {p.x}'.format(P, p=P()), '{!r} {!s} {!a}'.format('q', 'q', 'é'))
print('{{literal}} {}'.format('x'), '{:>{w}}|'.format('r', w=4))
for bad in ['{} {}', '{0} {}', '{z}', '{0.nope}', '{', '}']:
    try:
        print(bad.format(1))
    except (IndexError, KeyError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)
print('{:,}'.format(1234567), '{:_}'.format(1234567), '{:,.2f}'.format(1234567.891))
print(format(255, 'x'), format(255, '#X'), format(5, '08b'), format(8, 'o'), format(65, 'c'), format(1e-3, 'e'))
print('{:%}'.format(0.256), '{:.1%}'.format(0.25), '{:g}'.format(1e-5), '{:g}'.format(123456789.0), '{:n}'.format(12))
