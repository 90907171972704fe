package interp

import "testing"

// Programs exercising int(), float(), bool(), their methods, and abs,
// round, divmod and pow, compared with CPython 3.12 by checkPrograms.
// Most avoid def, class and lambda so that checkPrograms also checks
// that they leave no object behind.

var intConstructPrograms = map[string]string{
	"int_basic": `print(int(), int(5), int(-7), int(True), int(False), int(2**100), int(-2.7), int(2.7), int(-0.0))
print(int(1e20), int(-1.5e300) == -15 * 10**299 - 10**299 // 2 + int(-1.5e300) + 15 * 10**299 + 10**299 // 2)
print(int(1.5e300))
print(type(int(True)), type(int(2.0)), int(2**63), int(-2**63), int(2.0**63), int(-2.0**63))
`,
	"int_strings": `print(int('42'), int(' -12\n'), int('+7'), int('1_000_000'), int('0'), int('-0'), int('000'))
print(int('ff', 16), int('FF', 16), int('0xff', 16), int('0x_ff', 16), int('z', 36), int('Z', 36))
print(int('0b101', 0), int('0o17', 0), int('0X1F', 0), int('10', 0), int('0_0', 0), int('00', 0))
print(int('0o17', 8), int('17', 8), int('0b1_1', 2), int('11', 3), int('  1_0  ', 0))
print(int('9' * 30), int('-' + '9' * 30), int('1' * 4300) % 1000, int('f' * 5000, 16) % 1000)
print(int(b'42'), int(b' -5 '), int(bytearray(b'0x10'), 16), int(b'z', 36))
print(int('١٢٣'), int('\u2003 12 \u3000'), int('\U0001d7cf\U0001d7d0'))
print(int('12', base=10), int('777', base=8), int('0', base=0))
`,
	"int_string_errors": `for text, base in [('abc', 10), ('', 10), ('  ', 10), ('1__0', 10), ('_1', 10),
        ('1_', 10), ('- 1', 10), ('0x1f', 10), ('010', 0), ('0_7', 0), ('0x', 16), ('0x', 0),
        ('0b_', 0), ('0b__1', 0), ('2', 2), ('1\x00', 10), ('1.5', 10), ('1e5', 10),
        ('x' * 300, 10), ('1é', 10), ('\x1c1', 10), ('12', 37), ('12', 1), ('12', -1), ('12', 2**70)]:
    try:
        print(int(text, base))
    except ValueError as e:
        print('ValueError', e)
for b in [b'x' * 300, b'1 2', bytearray(b'q')]:
    try:
        print(int(b))
    except ValueError as e:
        print('ValueError', e)
`,
	"int_digit_limit": `for text in ['1' * 4300, '1' * 4301, '0' * 5000, '1_' * 3000 + '1', ' -' + '7' * 4301, '1' * 5000 + 'x']:
    try:
        print(len(str(int(text))))
    except ValueError as e:
        print('ValueError', e)
print(int('1' * 5000, 16) % 7, int('1' * 5000, 2) % 7, int('1' * 5000, 8) % 7)
try:
    print(int('1' * 5000, 0))
except ValueError as e:
    print('ValueError', e)
x = 10 ** 4299
print(len(str(x)), len(repr(-x)), len(str(x * 9)))
try:
    str(x * 10)
except ValueError as e:
    print('ValueError', e)
try:
    print(repr(-x * 10))
except ValueError as e:
    print('ValueError', e)
`,
	"int_str_limit_uncaught": `print(int('4' * 4301))
`,
	"int_repr_limit_uncaught": `print(10 ** 5000)
`,
	"int_type_errors": `for args in [([1],), (None,), ((),), (5, 16), (2.5, 10), ('5', 2.0), ('5', '2')]:
    try:
        print(int(*args))
    except TypeError as e:
        print('TypeError', e)
for x in [float('inf'), float('-inf'), float('nan')]:
    try:
        print(int(x))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    int('5', 16, 3)
except TypeError as e:
    print(e)
try:
    int(base=16)
except TypeError as e:
    print(e)
try:
    int(x='5')
except TypeError as e:
    print(e)
`,
	"int_nan_uncaught": `print(int(float('nan')))
`,
	"int_inf_uncaught": `print(int(float('-inf')))
`,
	"int_list_uncaught": `int([1, 2])
`,
}

var floatConstructPrograms = map[string]string{
	"float_basic": `print(float(), float(5), float(-7), float(True), float(2.5), float(-0.0), float(-0), float(2**100))
print(float('1.5'), float('  -1.5e-3  '), float('1e+5'), float('1E5'), float('+.5e0'), float('5.'), float('00.5'))
print(float('inf'), float('-Infinity'), float('iNfInItY'), float('NaN'), float('-nan'), float('+inf'))
print(float('1_000.5'), float('1_0e1_0'), float('1.5_5'), float('0_0'), float('-0'))
print(float('1e500'), float('-1e500'), float('1e-400'), float('-1e-400'), float('1e99999999999999999999'))
print(float(b' 1.5 '), float(bytearray(b'-2')), float('١.٢'), float('\u2003 -1.5 \u3000'))
print(float('0.1000000000000000055511151231257827021181583404541015625'), float('9007199254740993'))
print(float('2.4703282292062328e-324'), float('2.4703282292062327e-324'), float('1.7976931348623158e308'))
print(float('0.' + '0' * 400 + '1'), float('1' * 400), float('1' * 300))
`,
	"float_errors": `for text in ['abc', '', '  ', '1__0', '1_.0', '1._0', '_1', '1_', 'in_f', 'infinit', '0x10',
        '.', '1e', '+', '- inf', '1.5\x00', 'nan(1)', '1e1.5', '--1', '\x1c1', 'x' * 300]:
    try:
        print(float(text))
    except ValueError as e:
        print('ValueError', e)
for b in [b'abc', bytearray(b'x')]:
    try:
        print(float(b))
    except ValueError as e:
        print('ValueError', e)
for x in [[1], None, 1j if False else ()]:
    try:
        print(float(x))
    except TypeError as e:
        print('TypeError', e)
try:
    float(10 ** 400)
except OverflowError as e:
    print('OverflowError', e)
try:
    float('1', '2')
except TypeError as e:
    print(e)
try:
    float(x='1')
except TypeError as e:
    print(e)
`,
	"float_string_uncaught": `float('1.2.3')
`,
	"float_overflow_uncaught": `float(2 ** 1024)
`,
	"bool_construct": `print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(-0.0), bool(float('nan')), bool(2**100))
print(bool(''), bool('a'), bool([]), bool([0]), bool(()), bool(None), bool(True), bool.__new__(bool, 3))
try:
    bool(1, 2)
except TypeError as e:
    print(e)
try:
    bool(x=1)
except TypeError as e:
    print(e)
print(True & False, True | False, True ^ True, False | False, True & 3, 3 & True, True + True, -True)
print(type(True & False), type(True & 1), type(1 | False), bool.from_bytes(b'\x00\x01'), bool.from_bytes(b''))
print(repr(True), str(False), True.__repr__(), int.__repr__(True), True.__str__())
`,
}

var intMethodPrograms = map[string]string{
	"int_bits": `for x in [0, 1, -1, 5, -5, 255, 2**63 - 1, -2**63, 2**64, -2**100 - 1, True]:
    print(x.bit_length(), x.bit_count(), x.as_integer_ratio(), x.is_integer(), x.conjugate())
    print(x.real, x.imag, x.numerator, x.denominator, x.__index__(), x.__int__(), x.__float__())
    print(x.__trunc__(), x.__floor__(), x.__ceil__(), x.__round__(), x.__abs__(), x.__neg__(), x.__pos__(), x.__invert__())
    print(x.__bool__(), x.__hash__() == hash(x), x.__format__(''), x.__getnewargs__(), x.__sizeof__())
print(type(True.real), type(True.numerator), type(True.__index__()), (5).__format__('08b'), True.__format__('d'))
`,
	"int_round": `for x in [5, 15, 25, 35, -25, -35, 149, 150, 250, -150, 12345, 2**100, -2**100]:
    print(round(x), round(x, 0), round(x, 2), round(x, -1), round(x, -2), round(x, -3), round(x, -40))
print(round(5, 2**70), round(True), round(True, 1), type(round(True)), round(2**100, -20), round(-2**100, -29))
print((25).__round__(-1), (5).__round__(), round(5, None))
for nd in [None, 1.0, 'x']:
    try:
        print((5).__round__(nd))
    except TypeError as e:
        print(e)
`,
	"int_to_bytes": `print((255).to_bytes(), (1).to_bytes(2), (1).to_bytes(2, 'little'), (-1).to_bytes(signed=True))
print((1).to_bytes(length=2, byteorder='little'), (0).to_bytes(0), (2**70).to_bytes(10, 'little'))
print((-129).to_bytes(2, 'big', signed=True), (127).to_bytes(1, signed=True), (-128).to_bytes(1, signed=True))
print((1).to_bytes(2, 'big', signed=[]), (65535).to_bytes(2), (-2**63).to_bytes(8, signed=True))
for x, args, kw in [(256, (), {}), (-1, (), {}), (-129, (), {'signed': True}), (1, (-1,), {}),
        (1, (2, 'middle'), {}), (1, (2, 5), {}), (1, (2.0,), {}), (1, (2, 'big', True), {}),
        (1, (0,), {}), (128, (1,), {'signed': True}), (1, (2,), {'foo': 1})]:
    try:
        print(x.to_bytes(*args, **kw))
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
`,
	"int_from_bytes": `print(int.from_bytes(b'\x01\x00'), int.from_bytes(b'\x01\x00', 'little'), int.from_bytes(b'\xff\xff', signed=True))
print(int.from_bytes([1, 2, 3]), int.from_bytes((1, 2)), int.from_bytes(bytearray(b'\x80'), 'big', signed=True))
print(int.from_bytes(b'', 'big', signed=True), int.from_bytes(b'\x01' * 20), (5).from_bytes(b'\x07'))
print(int.from_bytes(range(3)), int.from_bytes(b'\x00\x80', byteorder='little', signed=True))
print(type(bool.from_bytes(b'\x02')), bool.from_bytes(b'\x00'))
for args, kw in [(([1, 256],), {}), (([1, -1],), {}), ((5,), {}), (('ab',), {}), ((b'\x01', 'x'), {}),
        ((), {}), ((b'', 'big', True), {}), (([1.0],), {}), ((b'',), {'byteorder': 1})]:
    try:
        print(int.from_bytes(*args, **kw))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(repr(int.from_bytes)[:40])
`,
	"int_dunders": `print(int.__add__(3, 4), int.__add__(3, 4.0), int.__radd__(3, 4), int.__rsub__(3, 4), int.__sub__(3, 4))
print(int.__mul__(3, 4), int.__floordiv__(7, 2), int.__mod__(-7, 2), int.__truediv__(1, 4), int.__lshift__(1, 70))
print(int.__pow__(2, 10), int.__pow__(2, 10, 7), int.__rpow__(2, 10), int.__rpow__(2, 10, 7), int.__pow__(2, 10.0))
print(int.__divmod__(7, 2), int.__rdivmod__(7, 2), int.__divmod__(7, 2.0), int.__and__(6, 3), int.__xor__(6, 3))
print(int.__eq__(3, 3), int.__eq__(3, 3.0), int.__lt__(3, 'a'), int.__lt__(3, 2**100), int.__ge__(True, 1))
print((3).__add__(4), (3).__mul__('ab'), (3).__rmul__('ab'), (-3).__abs__(), (5).__neg__(), (5).__invert__())
print(bool.__and__(True, False), bool.__or__(True, 2), bool.__xor__(True, True), bool.__rand__(True, False))
print(int.__and__(True, False), int.__hash__(-1), int.__hash__(2**61 - 1), int.__hash__(2**61), int.__bool__(0))
for f, args in [(int.__add__, (3,)), (int.__add__, (3, 4, 5)), (int.__pow__, (3,)), (int.__pow__, (3, 1, 2, 3)),
        (int.__truediv__, (1, 0)), (int.bit_length, (5, 1)), (int.__format__, (5,)), (int.__format__, (5, 5)),
        (int.__round__, (5, 1, 2)), (int.__neg__, (5, 1))]:
    try:
        print(f(*args))
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    (5).bit_length(x=1)
except TypeError as e:
    print(e)
try:
    (5).__round__(ndigits=1)
except TypeError as e:
    print(e)
try:
    int.__add__(3, other=4)
except TypeError as e:
    print(e)
print(int.__new__(int, '5'), int.__new__(int), float.__new__(float, '2.5'))
try:
    int.__new__(bool, 5)
except TypeError as e:
    print(e)
try:
    int.__new__(str, 5)
except TypeError as e:
    print(e)
`,
}

var floatMethodPrograms = map[string]string{
	"float_methods": `for x in [0.0, -0.0, 1.5, -2.5, 0.1, 1e300, 5e-324, 2.0, -7.0, 1e22]:
    print(x.is_integer(), x.as_integer_ratio(), x.hex(), x.conjugate(), x.real, x.imag)
    print(x.__trunc__(), x.__floor__(), x.__ceil__(), x.__int__(), x.__float__(), x.__round__(), x.__round__(1))
    print(x.__abs__(), x.__neg__(), x.__pos__(), x.__bool__(), x.__hash__() == hash(x), x.__getnewargs__())
    print(float.fromhex(x.hex()) == x, x.__format__('.3e'), x.__repr__(), x.__sizeof__())
inf, nan = float('inf'), float('nan')
print(inf.is_integer(), nan.is_integer(), inf.hex(), (-inf).hex(), nan.hex(), inf.conjugate())
for f in [float.as_integer_ratio, float.__trunc__, float.__floor__, float.__ceil__, float.__int__, float.__round__]:
    for v in [inf, -inf, nan]:
        try:
            print(f(v))
        except (OverflowError, ValueError) as e:
            print(type(e).__name__, e)
print((2.2250738585072014e-308).hex(), (1.7976931348623157e308).hex(), (-0.1).hex(), (1e-320).hex())
`,
	"float_fromhex": `for s in ['0x1.8p1', '  -0X.8P+1  ', '1', 'ff', '-infinity', 'nan', 'INF', '0x1.fffffffffffff7p1023',
        '0x1.00000000000008p0', '0x1.00000000000018p0', '0x0.0000000000001p-1022', '0x0.0000000000000fp-1022',
        '0x0.00000000000008p-1022', '0x0.00000000000008000001p-1022', '0x1p-5000', '-0x1p-5000',
        '0x0p99999999999999999999999', '0x' + '0' * 1000 + '1p0', '0x.' + '0' * 1000 + '1p4000', '0x1.p0', '0x.8',
        'zz', '0x', '0x.', '.', '0x1p', '0x1p+', '0x1_0p1', '0x1p1.5', '0x1p5000', '0x1.fffffffffffff8p1023',
        '0x1p99999999999999999999999', '1\u0661']:
    try:
        print(float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    float.fromhex(5)
except TypeError as e:
    print(e)
try:
    float.fromhex()
except TypeError as e:
    print(e)
print(repr(float.fromhex)[:40], (1.5).fromhex('0x2p0'))
`,
	"float_dunders": `print(float.__add__(3.0, 4), float.__radd__(3.0, 4), float.__add__(3.0, 'a'), float.__rtruediv__(2.0, 1))
print(float.__divmod__(7.0, 2), float.__rdivmod__(2.0, 3), float.__rpow__(2.0, 3), float.__rmod__(2.0, 3))
print(float.__pow__(2.0, 3, None), float.__floordiv__(7.5, 2), float.__eq__(1.0, 1), float.__lt__(1.0, 'a'))
print(float.__ge__(5.0, float('nan')), float.__lt__(5.0, 2**100), (2.5).__format__('.2f'), float.__hash__(-1.0))
for f, args in [(float.__pow__, (2.0, 3, 5)), (float.__mod__, (2.0, 0)), (float.__truediv__, (2.0, 0)),
        (float.__floordiv__, (2.0, 0.0)), (float.__divmod__, (2.0, 0)), (float.hex, (2.0, 1)), (float.__round__, (2.0, 1, 2))]:
    try:
        print(f(*args))
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    (2.5).__round__(ndigits=1)
except TypeError as e:
    print(e)
`,
}

var numberBuiltinPrograms = map[string]string{
	"operator_matrix": `vals = [0, 1, -1, 3, -3, 2**53 + 1, 2**63 - 1, -2**63, 2**64, -2**100, 0.0, -0.0, 0.5, -2.5, 1e308,
        float('inf'), float('-inf'), 2.0**53, 2.0**63, -2.0**63, 9007199254740993, True, False]
for a in vals:
    print(hash(a), -a, abs(a), +a, a == a)
    for b in vals:
        r = [a < b, a <= b, a == b, a != b, a > b, a >= b, a + b, a - b, a * b]
        for op in ('/', '//', '%', '**', 'divmod'):
            try:
                if op == '/': r.append(a / b)
                elif op == '//': r.append(a // b)
                elif op == '%': r.append(a % b)
                elif op == 'divmod': r.append(divmod(a, b))
                elif isinstance(b, float) and abs(b) != float('inf') and b != int(b) and float('-inf') < a < 0:
                    r.append('complex')
                else:
                    r.append(a ** b if abs(b) < 70 or isinstance(a, float) or isinstance(b, float) else 'skip')
            except (ZeroDivisionError, OverflowError) as e:
                r.append(type(e).__name__ + ': ' + str(e))
        if isinstance(a, int) and isinstance(b, int) and -200 < b < 200:
            for op in ('<<', '>>', '&', '|', '^'):
                try:
                    if op == '<<': r.append(a << b if b < 130 else 0)
                    elif op == '>>': r.append(a >> b)
                    elif op == '&': r.append(a & b)
                    elif op == '|': r.append(a | b)
                    else: r.append(a ^ b)
                except ValueError as e:
                    r.append(str(e))
        print(r)
`,
	"abs": `print(abs(-5), abs(5), abs(-2**63), abs(-2**100), abs(-0.0), abs(-1.5), abs(True), abs(False), abs(float('-inf')))
print(type(abs(True)), abs(-2**63) == 2**63)
for args in [('a',), (), (1, 2), ([],)]:
    try:
        print(abs(*args))
    except TypeError as e:
        print(e)
try:
    abs(x=1)
except TypeError as e:
    print(e)
`,
	"abs_uncaught": `abs('x')
`,
	"round_float": `print(round(1.5), round(2.5), round(-0.5), round(0.5), round(-1.5), round(1e20), round(-0.0), round(0.49999999999999994))
print(round(2.675, 2), round(1.0, 2), round(-0.4, 0), round(0.125, 2), round(0.375, 2), round(-0.001, 2))
print(round(15.0, -1), round(25.0, -1), round(-25.0, -1), round(5.0, -1), round(4.0, -1), round(-4.0, -1))
print(round(1e300, -300), round(123.456, -400), round(-123.456, -400), round(123.456, 400), round(5.5, 2**70))
print(round(5.5, -2**70), round(1.23456789e-300, 305), round(5e-324, 323), round(5e-324, 324), round(2.5e-323, 323))
print(round(float('inf'), 2), round(float('nan'), 2), round(float('-inf'), -2), round(1.5, None), round(0.1 + 0.2, 15))
print(round(1234.5678, 2), round(1234.5678, -2), round(-1234.5678, 1), round(1e15 + 0.5), round(2**53 + 1.0))
print(type(round(1.5)), type(round(1.5, 0)), type(round(2, 0)), round(number=1.5, ndigits=0))
for args in [(float('inf'),), (float('nan'),), (1.7e308, -308), (1.5, 1.0), ('a',), ([], 1), (1.5, 0, 1), ()]:
    try:
        print(round(*args))
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    round(x=1)
except TypeError as e:
    print(e)
`,
	"round_many": `total = 0
for i in range(-2000, 2000):
    x = i / 8 + 0.0625
    total += round(x) + round(x, 1) * 10 + round(x * 1000.1, -2)
    print(round(x, 2), end=' ') if i % 97 == 0 else None
print()
print(total)
for i in range(1, 60):
    print(round(2.0 ** -i, 5), round(10.0 ** i / 3, -(i // 2)), round(1 / i, i % 17), end=' ')
print()
`,
	"round_nan_uncaught": `round(float('nan'))
`,
	"divmod": `print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(0, 5), divmod(True, 2))
print(divmod(2**100, -3), divmod(-2**100, 7), divmod(2**64, 2**32), divmod(-2**63, -1), divmod(5, 2**100))
print(divmod(-7.5, 2), divmod(7, 2.5), divmod(-0.0, 1), divmod(0.0, -1), divmod(-1, float('inf')))
print(divmod(1, float('inf')), divmod(float('inf'), 1), divmod(float('nan'), 1), divmod(1e308, 1e-308))
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (2**100, 0), ('a', 1), (1, 'a'), (None, None)]:
    try:
        print(divmod(a, b))
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
for args in [(1,), (1, 2, 3)]:
    try:
        divmod(*args)
    except TypeError as e:
        print(e)
try:
    divmod(a=1, b=2)
except TypeError as e:
    print(e)
`,
	"divmod_uncaught": `divmod(10, 0)
`,
	"pow": `print(pow(2, 10), pow(2, -1), pow(2, 0.5), pow(2.0, 3), pow(-2, 3), pow(2, 100), pow(True, 2), pow(0, 0))
print(pow(2, 10, 7), pow(3, -1, 7), pow(2, 3, -5), pow(-2, 3, 5), pow(2, 3, 1), pow(2, 3, -1), pow(0, -1, 1))
print(pow(2**100, -1, 2**61 - 1), pow(True, 2, 3), pow(2, 10**6, 10**9 + 7), pow(-3, -3, 11), pow(5, 0, 1))
print(pow(7, -2, -10), pow(10**30, 10**30, 10**20 + 39), pow(base=2, exp=3, mod=5), pow(2, exp=3), pow(2, 3, None))
for args in [(2, -1, 4), (0, -1, 5), (2, 3, 0), (2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0), ('a', 3, 5), (2, 3, 'a'),
        (2, 'a'), (0, -1), (0.0, -1), (2,), (2, 3, 4, 5), (2**100, -1, 2**100)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
`,
	"float_pow": `print([10.0 ** i for i in range(-30, 23)])
print([10.0 ** i for i in range(24, 60)])
print([2.0 ** i for i in range(-1080, -1000, 7)], 2.0 ** 1023, 0.5 ** 1074, 0.5 ** 1075, 2 ** -1075, 2 ** -1074)
print([1.1 ** i for i in range(-40, 40, 3)], [x ** 0.5 for x in (2.0, 3.0, 1e-300)], 1.0000001 ** 1e7, (1 + 2**-52) ** 2**52)
print(2.0 ** 0.5, 8 ** (1/3), 1.5 ** 2.5, (-2.0) ** 3, (-2.0) ** -3, (-0.5) ** 101, (-8.0) ** 2.0, 0.0 ** 0, (-0.0) ** 3, (-0.0) ** 0.5)
print(float('inf') ** -1, float('-inf') ** 3, float('-inf') ** 2, (-1.0) ** float('inf'), float('nan') ** 0, 1.0 ** float('nan'), (-0.0) ** -0.0)
print([3.7 ** (i / 7) for i in range(-30, 30)], [0.99 ** i for i in (1e3, 1e4, 1e5, 7e4)], 1e-5 ** 0.1, 7 ** -0.5)
print((-3.0) ** 1e20, (-3.0) ** -1e20, (-1.0) ** 1e300, 1.5 ** -1e300, 123.0 ** -3, 0.1 ** 3, 0.2 ** 2)
for b, e in [(10.0, 400), (2.0, 1024), (-10.0, 309), (1.0000001, 1e12)]:
    try:
        print(b ** e)
    except OverflowError as err:
        print('OverflowError', err)
`,
	"float_pow_overflow_uncaught": `print(10.0 ** 400)
`,
	"pow_uncaught": `pow(4, -1, 8)
`,
	"number_classes": `class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
class N:
    def __int__(self): return 42
class F:
    def __float__(self): return 2.5
class FB:
    def __float__(self): return 2
class IB:
    def __int__(self): return '3'
class T:
    def __trunc__(self): return 7
class TI:
    def __trunc__(self): return I(9)
class TB:
    def __trunc__(self): return 1.5
class R:
    def __round__(self, n=None): return ('round', n)
class A:
    def __abs__(self): return 'abs!'
class D:
    def __divmod__(self, o): return ('divmod', type(o).__name__)
    def __rdivmod__(self, o): return ('rdivmod', type(o).__name__)
class DN:
    def __divmod__(self, o): return NotImplemented
class P:
    def __pow__(self, e, m=None): return ('pow', e, m)
    def __rpow__(self, b): return ('rpow', b)
class B:
    def __bytes__(self): return b'\x01\x02'
class IT:
    def __iter__(self): return iter([3, 4])
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: int(I(5)))
t(lambda: int(I(True)))
t(lambda: type(int(I(True))))
t(lambda: int(I('x')))
t(lambda: int(N()))
t(lambda: int(IB()))
t(lambda: int(T()))
t(lambda: int(TI()))
t(lambda: int(TB()))
t(lambda: int(F()))
t(lambda: float(F()))
t(lambda: float(FB()))
t(lambda: float(I(5)))
t(lambda: float(I(2**2000)))
t(lambda: float(N()))
t(lambda: int('10', I(16)))
t(lambda: int('10', I(1)))
t(lambda: round(R()))
t(lambda: round(R(), 3))
t(lambda: round(R(), None))
t(lambda: round(N()))
t(lambda: abs(A()))
t(lambda: abs(N()))
t(lambda: divmod(D(), 3))
t(lambda: divmod(3, D()))
t(lambda: divmod(D(), D()))
t(lambda: divmod(DN(), 3))
t(lambda: divmod(3, DN()))
t(lambda: pow(P(), 2))
t(lambda: pow(P(), 2, 5))
t(lambda: pow(2, P()))
t(lambda: pow(2, P(), 5))
t(lambda: pow(2, 3, P()))
t(lambda: int.from_bytes(B()))
t(lambda: int.from_bytes(IT()))
t(lambda: int.from_bytes([I(1), I(2)]))
t(lambda: (5).to_bytes(I(2)))
t(lambda: round(2.5, I(0)))
t(lambda: round(25, I(-1)))
t(lambda: pow(I(2), 3))
t(lambda: bool(A()))
`,
	"number_class_uncaught": `class F:
    def __float__(self):
        return 'x'
float(F())
`,
}

func TestIntConstruct(t *testing.T)       { checkPrograms(t, intConstructPrograms) }
func TestFloatConstruct(t *testing.T)     { checkPrograms(t, floatConstructPrograms) }
func TestIntMethods(t *testing.T)         { checkPrograms(t, intMethodPrograms) }
func TestFloatMethods(t *testing.T)       { checkPrograms(t, floatMethodPrograms) }
func TestNumberBuiltinsExec(t *testing.T) { checkPrograms(t, numberBuiltinPrograms) }
