package interp

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/internal/pyoracle"
)

// Programs exercising the str type, compared with CPython 3.12.
var strPrograms = map[string]string{
	"str_index_slice": `s = 'Hello, World'
u = 'héllo wörld ∑ 😀 end'
print(s[0], s[-1], s[4], s[-12], u[1], u[-1], u[14], u[-5], u[16])
print(s[1:5], s[:3], s[7:], s[-5:-1], s[::-1], s[::2], s[1::3], s[10:2:-2], s[100:], s[-100:3])
print(u[1:5], u[:3], u[12:], u[-7:-1], u[::-1], u[::2], u[1::3], u[15:2:-2], u[3:3], u[5:1])
print(s[True], s[False:True], s[:], s[::1] == s, u[::-1][::-1] == u, len(s), len(u), len(''))
print(repr(s[0:0]), repr(u[100:]), s[2:9:3], u[2:9:3], 'abc'[-1:-4:-1], 'é'[0], '😀'[0])
for i in range(-3, 3):
    print(i, 'a😀c'[i], 'abc'[i])
try:
    s[12]
except IndexError as e:
    print(e)
try:
    u[-21]
except IndexError as e:
    print(e)
try:
    s['x']
except TypeError as e:
    print(e)
try:
    s[1.5]
except TypeError as e:
    print(e)
try:
    s[2**100]
except IndexError as e:
    print(e)
try:
    s[::0]
except ValueError as e:
    print(e)
try:
    s[0] = 'x'
except TypeError as e:
    print(e)
print(s[2**100:], s[-2**100:2], s[::2**100], s[::-2**100])
`,
	"str_iteration": `s = 'abc'
u = 'aé😀'
print([c for c in s], [c for c in u], [c for c in ''], list(reversed(u)))
it = iter(s)
print(type(it).__name__, type(iter(u)).__name__, type(iter('')).__name__)
print(next(it), it.__length_hint__(), next(it), next(it), it.__length_hint__())
try:
    next(it)
except StopIteration:
    print('stop')
it = iter(u)
print(next(it), next(it), it.__length_hint__(), next(it), next(it, 'done'))
total = 0
for ch in 'hello world' * 3:
    total += ord(ch)
print(total, sorted('hello'), max('hello'), min(u), sum(1 for _ in u))
a, b, c = u
print(a, b, c, *s, sep='|')
print(dict(zip('abc', 'xyz')), set('aab') == {'a', 'b'}, tuple('xy'), 'x' in iter('xyz'))
`,
	"str_concat_repeat": `s = 'ab'
print(s + 'cd', '' + s, s + '', 'é' + 'x', s + '😀', 'x' * 3, 3 * 'xy', 'é' * 2, 'ab' * 0, 'ab' * -5, 'a' * True)
x = 'start'
for i in range(5):
    x += str(i)
print(x, len(x))
y = 'ab'
y *= 3
print(y)
try:
    'a' + 1
except TypeError as e:
    print(e)
try:
    'a' + None
except TypeError as e:
    print(e)
try:
    1 + 'a'
except TypeError as e:
    print(e)
try:
    [1] + 'a'
except TypeError as e:
    print(e)
try:
    'a' * 'b'
except TypeError as e:
    print(e)
try:
    'a' * 1.5
except TypeError as e:
    print(e)
try:
    1.5 * 'a'
except TypeError as e:
    print(e)
try:
    None * 'a'
except TypeError as e:
    print(e)
big = 2**100
try:
    'a' * big
except OverflowError as e:
    print(e)
big = 2**62
try:
    'ab' * big
except OverflowError as e:
    print(e)
big = 2**40
try:
    'ab' * big
except MemoryError as e:
    print('MemoryError', e)
try:
    x = 'a'
    x += 5
except TypeError as e:
    print(e)
print('a'.__add__('b'), 'a'.__mul__(3), 'a'.__rmul__(2), 'a'.__len__(), 'abc'.__getitem__(1), 'abc'.__contains__('bc'))
print('a'.__eq__('a'), 'a'.__eq__(1), 'a'.__lt__('b'), 'a'.__ge__('b'), 'a'.__ne__('b'), 'a'.__getnewargs__())
print('%s'.__mod__(5), 'x'.__rmod__(1), 'x'.__rmod__('%s!'))
try:
    'a'.__mul__('x')
except TypeError as e:
    print(e)
try:
    'a'.__mul__(2**100)
except OverflowError as e:
    print(e)
try:
    'a'.__getitem__()
except TypeError as e:
    print(e)
try:
    'a'.__len__(1)
except TypeError as e:
    print(e)
try:
    'a'.__add__(x=1)
except TypeError as e:
    print(e)
`,
	"str_compare_contains": `print('a' < 'b', 'abc' < 'abd', 'a' < 'ab', 'é' > 'z', '😀' > 'é', 'a' == 'a', 'a' != 'a', 'B' < 'a', '' < 'a')
print('' in 'abc', 'bc' in 'abc', 'é' in 'héllo', 'x' not in 'abc', '😀' in 'a😀b', 'ab' in 'a')
print(sorted(['b', 'é', 'a', 'Z', '😀', '']), max('abc', 'abd'), hash('abc') == hash('ab' + 'c'))
d = {'key': 1, 'ké': 2}
k = 'k' + 'ey'
print(d[k], d['k' + 'é'], 'ké' in d, {'a', 'a' + ''} == {'a'})
try:
    1 in 'abc'
except TypeError as e:
    print(e)
try:
    'a' < 1
except TypeError as e:
    print(e)
try:
    None in 'abc'
except TypeError as e:
    print(e)
`,
	"str_constructor": `print(repr(str()), str(42), str(-1.5), str(None), str(True), str([1, 'a']), str((1,)), str({'a': 1}), str('abc'), str(str))
print(str(b'abc'), str(object=7), repr(str(encoding='utf-8')), repr(str(errors='strict')))
print(str(b'h\xc3\xa9llo', 'utf-8'), str(b'h\xc3\xa9llo', encoding='utf8'), str(b'caf\xe9', 'latin-1'), str(b'caf\xe9', 'ISO-8859-1'))
print(str(bytearray(b'abc'), 'ascii'), str(b'x\xffy', 'utf-8', 'replace'), str(b'x\xffy', 'utf-8', 'ignore'), str(b'x\xffy', 'ascii', errors='backslashreplace'))
print(repr(str(b'x\xffy', 'utf-8', 'surrogateescape')), str(b'abc', 'UTF-8'), str(b'abc', 'us-ascii'), str(b'\xe9', 'L1'))
print(type(str('x')).__name__, str('x') is not None, str.__new__(str, 5), str.__new__(str, object='q'))
try:
    str(b'\xff', 'utf-8')
except UnicodeDecodeError as e:
    print(e, e.start, e.end, e.reason, e.encoding, e.object)
try:
    str(b'ab\xc3', 'utf-8')
except UnicodeDecodeError as e:
    print(e)
try:
    str(b'a\x80', 'ascii')
except UnicodeDecodeError as e:
    print(e)
try:
    str(b'a', 'bogus')
except LookupError as e:
    print(e)
try:
    str(1, 'utf-8')
except TypeError as e:
    print(e)
try:
    str('a', 'utf-8')
except TypeError as e:
    print(e)
try:
    str(b'a', 1)
except TypeError as e:
    print(e)
try:
    str(b'a', errors=1)
except TypeError as e:
    print(e)
try:
    str(1, 2, 3, 4)
except TypeError as e:
    print(e)
try:
    str(x=1)
except TypeError as e:
    print(e)
try:
    str(b'\xff', 'utf-8', 'bogus')
except LookupError as e:
    print(e)
try:
    str.__new__(int)
except TypeError as e:
    print(e)
try:
    str.__new__(1)
except TypeError as e:
    print(e)
str(b'\xe2\x82', 'utf-8')
`,
	"str_find_count": `s = 'hello world, hello'
u = 'héllo wörld, héllo ∑'
for sub in ['hello', 'o', 'l', 'xyz', '', 'hello world, hello!']:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 3), s.rfind(sub, 0, 10), s.count(sub, 2, -2), s.find(sub, -5), s.find(sub, None, None))
for sub in ['héllo', 'ö', 'l', '∑', '', 'x']:
    print(repr(sub), u.find(sub), u.rfind(sub), u.count(sub), u.find(sub, 3), u.rfind(sub, 0, 10), u.count(sub, 2, -2), u.find(sub, -5))
print('abc'.find('', 3), 'abc'.find('', 4), 'abc'.rfind('', 1), 'a'.count('', 5), 'abc'.count('', 1, 2), 'abc'.count(''), ''.count(''))
print('aaaa'.count('aa'), 'abc'.find('c', -1), 'abc'.find('a', 2**100), 'abc'.find('a', -2**100), 'abc'.index('b'), 'abcb'.rindex('b'))
print(s.startswith('hello'), s.startswith('world', 6), s.startswith('world', 6, 8), s.endswith('hello'), s.endswith('world', 0, 11), s.startswith(('x', 'he')), s.endswith(()))
print(u.startswith('hé'), u.endswith('∑'), u.startswith('ö', 7), u.endswith('héllo', 0, -2), 'a'.startswith('', 1), 'a'.startswith('', 2), ''.endswith(''))
try:
    s.index('xyz')
except ValueError as e:
    print(e)
try:
    s.rindex('hello', 1, 5)
except ValueError as e:
    print(e)
try:
    s.find(1)
except TypeError as e:
    print(e)
try:
    s.count()
except TypeError as e:
    print(e)
try:
    s.find('a', 1, 2, 3)
except TypeError as e:
    print(e)
try:
    s.find('a', 'x')
except TypeError as e:
    print(e)
try:
    s.find('a', start=1)
except TypeError as e:
    print(e)
try:
    s.startswith(1)
except TypeError as e:
    print(e)
try:
    s.endswith(('a', 1))
except TypeError as e:
    print(e)
try:
    s.startswith(['a'])
except TypeError as e:
    print(e)
print(s.startswith(('he', 1)))
`,
	"str_split_join": `print('a b  c'.split(), '  a b  c  '.split(), ''.split(), '   '.split(), 'a\tb\nc\x1cd\x85e\u3000f'.split())
print('a b  c'.split(None, 1), '  a b  c  '.split(maxsplit=1), '  a b  c  '.split(maxsplit=0), 'a b c'.split(maxsplit=-1))
print('a b  c'.rsplit(), '  a b  c  '.rsplit(None, 1), '  a b  c  '.rsplit(maxsplit=0), 'a b c'.rsplit(maxsplit=5))
print('a,b,,c'.split(','), 'a,b,,c'.split(',', 1), 'a,b,,c'.rsplit(',', 1), 'a,b,,c'.rsplit(',', 2), ','.split(','), ''.split(','))
print('aXXbXXc'.split('XX'), 'aXXXb'.split('XX'), 'aXXXb'.rsplit('XX'), 'héxxwörxx'.split('xx'), 'é∑é∑é'.split('∑', 1), 'é∑é∑é'.rsplit('∑', 1))
print('a b'.split(sep=None), 'a-b'.split(sep='-', maxsplit=0), 'a  b'.split(' '))
print('-'.join(['a', 'b', 'c']), ''.join([]), 'x'.join(['only']), ', '.join(('a', 'é')), '∑'.join('abc'), ''.join(c for c in 'xyz'), '-'.join({'k': 1}))
print('l1\nl2\r\nl3\rl4\x0bl5\x0cl6\x1cl7\x1dl8\x1el9\x85l10\u2028l11\u2029l12'.splitlines())
print('a\n\nb\n'.splitlines(), 'a\n\nb\n'.splitlines(True), 'a\r\n'.splitlines(keepends=True), ''.splitlines(), '\n'.splitlines(), 'x\r'.splitlines(1))
print('abc'.partition('b'), 'abc'.partition('x'), 'abcbd'.rpartition('b'), 'abc'.rpartition('x'), 'héé∑x'.partition('é∑'), 'a∑b∑c'.rpartition('∑'))
for bad in [lambda: 'a'.split(''), lambda: 'a'.split(1), lambda: 'a'.rsplit(sep=1), lambda: 'a'.split(maxsplit='x'),
            lambda: 'a'.split(' ', 1, 2), lambda: 'a'.split(x=1), lambda: 'a'.split(maxsplit=2**100),
            lambda: '-'.join(['a', 2]), lambda: '-'.join(1), lambda: '-'.join([b'a']), lambda: ''.join(),
            lambda: 'a'.partition(''), lambda: 'a'.partition(1), lambda: 'a'.partition(), lambda: 'a'.rpartition(sep='a'),
            lambda: 'a'.splitlines(1, 2), lambda: 'a'.splitlines(x=1)]:
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
`,
	"str_replace_strip_pad": `s = 'hello hello hello'
print(s.replace('hello', 'bye'), s.replace('hello', 'bye', 2), s.replace('l', ''), s.replace('', '-'), s.replace('', '-', 3), s.replace('x', 'y'), s.replace('l', 'L', 0), s.replace('l', 'L', -1))
print('aaa'.replace('a', 'aa'), ''.replace('', 'x'), 'abc'.replace('', ''), 'héllo'.replace('é', 'e'), 'é∑é'.replace('', '|'), 'x😀y'.replace('😀', '🙂'))
print(repr('  x  '.strip()), repr('\t\n x \x1f\x85'.strip()), repr('  x  '.lstrip()), repr('  x  '.rstrip()), 'xxhixx'.strip('x'), 'abchicba'.strip('abc'), 'héh'.strip('h'), '∑x∑'.strip('∑'), 'ab'.strip(None), 'ab'.strip(''))
print(repr('ab'.center(6)), 'ab'.center(7, '*'), 'abc'.center(6, '∑'), 'ab'.center(1), 'ab'.ljust(5, '-'), 'ab'.rjust(5, 'é'), 'ab'.ljust(-1), 'é'.center(4, '.'))
print('42'.zfill(5), '-42'.zfill(5), '+4'.zfill(4), 'abc'.zfill(2), ''.zfill(3), '-'.zfill(3), 'é'.zfill(3))
print('a\tb\tc'.expandtabs(), 'a\tb\tc'.expandtabs(4), 'ab\tc\ndef\tg'.expandtabs(3), 'x\ty'.expandtabs(0), 'x\ty'.expandtabs(-1), 'é\t∑\t'.expandtabs(tabsize=2), 'a\r\tb'.expandtabs(4))
print('prefix-body'.removeprefix('prefix-'), 'body'.removeprefix('x'), 'body.txt'.removesuffix('.txt'), 'x'.removesuffix(''), 'éa'.removeprefix('é'))
for bad in [lambda: 'a'.replace(1, 'x'), lambda: 'a'.replace('a', 1), lambda: 'a'.replace('a'), lambda: 'a'.replace('a', 'b', 'c'),
            lambda: 'a'.replace('a', 'b', count=1), lambda: 'a'.replace(1, 2, 3, 4), lambda: 'a'.strip(1), lambda: 'a'.lstrip(1, 2),
            lambda: 'a'.rstrip(chars='a'), lambda: 'a'.center(), lambda: 'a'.center(5, 'ab'), lambda: 'a'.center(5, 1), lambda: 'a'.center('x'),
            lambda: 'a'.ljust(5.0), lambda: 'a'.rjust(2**100), lambda: 'a'.center(width=3), lambda: 'a'.zfill(), lambda: 'a'.zfill('x'),
            lambda: 'a'.expandtabs('x'), lambda: 'a'.expandtabs(2**40), lambda: 'a'.expandtabs(x=1), lambda: 'a'.removeprefix(1),
            lambda: 'a'.removesuffix(), lambda: 'a'.replace('a', 'b', 2**100)]:
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
`,
	"str_case": `words = ['hello world', 'HELLO World', "they're bill's friends", 'ǆemal ǈ', 'ß straße', 'ﬁne ﬂow', 'İstanbul', 'ΣΑΣ ΟΔΟΣ', 'ᾳ ᾼ', 'ŉ', 'a1b2 c3', '', 'Σ', 'aΣ', 'aΣ.', "a'Σ'", 'ΣΣ b', 'Ὀδυσσεύς']
for w in words:
    print(w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold(), len(w.upper()), len(w.lower()))
print('ǅ'.upper(), 'ǅ'.lower(), 'ǅ'.title(), 'ǅ'.swapcase(), 'ꭰ'.casefold(), 'ſ'.casefold(), 'µ'.upper(), 'ÿ'.upper(), 'ǰ'.upper(), 'ΐ'.title())
print('Hello World'.istitle(), 'Hello world'.istitle(), 'ǅungla'.istitle(), 'A'.istitle(), 'a'.istitle(), '1A'.istitle(), ''.istitle(), "Don'T".istitle())
print('abc'.islower(), 'aBc'.islower(), 'a1'.islower(), '1'.islower(), 'ABC'.isupper(), 'AbC'.isupper(), 'ǅ'.isupper(), 'ǅ'.islower(), 'ª'.islower(), 'Ⅷ'.isupper(), ''.isupper())
print('abc'.isalpha(), 'abé'.isalpha(), 'ab1'.isalpha(), ''.isalpha(), '123'.isdecimal(), '١٢'.isdecimal(), '²'.isdecimal(), '²'.isdigit(), '½'.isdigit(), '½'.isnumeric(), '一'.isnumeric(), 'Ⅷ'.isnumeric())
print('a1'.isalnum(), 'a_'.isalnum(), '½a'.isalnum(), ' \t\n\x1c\x85\xa0\u2028'.isspace(), '\u200b'.isspace(), ''.isspace(), 'abc'.isascii(), 'é'.isascii(), ''.isascii())
print('abc'.isprintable(), 'a\n'.isprintable(), ''.isprintable(), '\xa0'.isprintable(), 'é∑'.isprintable(), '\u200b'.isprintable(), '\ud800'.isprintable())
print('abc'.isidentifier(), '_x1'.isidentifier(), '1x'.isidentifier(), 'é∑'.isidentifier(), 'éx'.isidentifier(), ''.isidentifier(), 'a-b'.isidentifier(), '℘x'.isidentifier(), 'x·'.isidentifier(), 'def'.isidentifier())
try:
    'a'.upper(1)
except TypeError as e:
    print(e)
try:
    'a'.isalpha(x=1)
except TypeError as e:
    print(e)
try:
    str.lower()
except TypeError as e:
    print(e)
try:
    str.lower(1)
except TypeError as e:
    print(e)
print(str.upper('abc'), str.title('ab cd'))
`,
	"str_translate": `t = str.maketrans('abc', 'xyz')
print(sorted(t.items()), 'aabbcc'.translate(t), str.maketrans('ab', 'cd', 'e'), 'x'.maketrans({'a': 'b', 98: None, 'é': 1}))
print('hello'.translate({ord('l'): 'L', ord('o'): None, ord('h'): 0x48}), 'héllo'.translate({0xe9: 'e'}), 'abc'.translate({}), 'abc'.translate([]), 'ab'.translate(['x', 'y', 'z']))
print('x'.translate({ord('x'): 'yz'}), 'x'.translate({ord('x'): ''}), 'é'.translate({233: '😀'}), 'abc'.translate(str.maketrans('', '', 'b')))
for bad in [lambda: str.maketrans(), lambda: str.maketrans(1), lambda: str.maketrans('ab', 'c'), lambda: str.maketrans({'ab': 1}),
            lambda: str.maketrans({1.5: 1}), lambda: str.maketrans(1, 2, 3), lambda: str.maketrans('a', 'b', 1), lambda: str.maketrans(1, 'a'),
            lambda: str.maketrans(x=1), lambda: 'a'.translate(1), lambda: 'a'.translate({97: 1.5}), lambda: 'a'.translate({97: 0x110000}),
            lambda: 'a'.translate({97: -1}), lambda: 'a'.translate(), lambda: 'a'.translate(table={})]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
`,
	"str_percent": `print('%s %r %a' % ('é', 'é', 'é'), '%d %i %u' % (1, -2, 3), '%5d|%-5d|%05d|%+d|% d' % (4, 5, 6, 7, 8))
print('%x %X %o %#x %#o %#X' % (255, 255, 8, 255, 8, 255), '%c%c' % (65, 'é'), '%%', '%.2f %e %g %G' % (3.14159, 12345.678, 0.0001, 1e20))
print('%(a)s and %(b)r' % {'a': 1, 'b': 'two'}, '%s' % [1, 2], '%s' % ((1, 2),), 'abc' % (), 'abc' % [], 'abc' % {}, '%s' % 'x')
print('%10.3s|' % 'abcdef', '%-6s|' % 'é', '%*d|%-*d' % (5, 1, 4, 2), '%.*f' % (2, 1.23456), '%s %s' % (True, None), '%d' % 3.99, '%d' % True)
print('%x' % 2**70, '%d' % -2**70, '%5.1f%%' % 99.5, '%r' % 'q\n', '%a' % '∑', '%s' % b'x')
for bad in [lambda: '%d' % 'x', lambda: '%s %s' % (1,), lambda: '%s' % (1, 2), lambda: '%(a)s' % {'b': 1}, lambda: '%(a)s' % 1,
            lambda: '%' % (), lambda: '%y' % 1, lambda: '%c' % 'ab', lambda: '%c' % -1, lambda: '%x' % 1.5, lambda: '%f' % 'x',
            lambda: 'a' % 1, lambda: '%(a' % {}, lambda: '%*d' % ('x', 1), lambda: '%d' % None, lambda: '%i' % [1]]:
    try:
        bad()
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
`,
	"str_format": `print('{} {}'.format(1, 2), '{0}{1}{0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y='é'), '{{}} {{{0}}}'.format(5))
print('{:>6}|{:<6}|{:^6}|{:*^7}|{:08.3f}|{:,}|{:x}|{!r}|{!s}|{!a}'.format('ab', 'cd', 'ef', 'é', 3.14159, 1234567, 255, 'q', 'w', '∑'))
print('{0[0]} {0[1][0]} {1[k]} {1[k2]}'.format([5, ['n']], {'k': 'v', 'k2': 2}), '{0:{1}}|'.format('x', 4), '{:{}{}}'.format('y', '>', 3))
print('{name:>{width}}'.format(name='n', width=5), 'x{}'.format(), '{!r:^9}'.format('é'), format('abc', '>5'), format('é', ''), 'ab'.__format__('<4') + '|')
print('{a} {b}'.format_map({'a': 1, 'b': 2}), '{a[0]}'.format_map({'a': 'xyz'}), '{}'.format([1, 'a']), '{0}'.format(None), '{:5}|'.format(True), '{:d}'.format(True))
for bad in [lambda: '{}'.format(), lambda: '{x}'.format(), lambda: '{0[1]}'.format([]), lambda: '{0[a]}'.format([]),
            lambda: '{!x}'.format(1), lambda: '{:d}'.format('a'), lambda: '{0}{}'.format(1, 2), lambda: '{}{0}'.format(1, 2),
            lambda: '{'.format(), lambda: '}'.format(), lambda: '{0'.format(1), lambda: '{0!r'.format(1), lambda: '{0.}'.format(1),
            lambda: '{0]'.format(1), lambda: '{x}'.format_map(1), lambda: '{0}'.format_map({}), lambda: 'a'.format_map(),
            lambda: '{:{:{}}}'.format(1, 2, 3), lambda: 'a'.__format__(1), lambda: 'a'.__format__(), lambda: '{:=}'.format('a'),
            lambda: '{x}'.format_map({}), lambda: '{0.nosuch}'.format(1)]:
    try:
        bad()
    except (TypeError, ValueError, KeyError, IndexError, AttributeError) as e:
        print(type(e).__name__, e)
`,
	"str_encode": `print('abc'.encode(), 'héllo'.encode(), 'héllo'.encode('utf-8'), 'héllo'.encode('latin-1'), 'héllo'.encode(encoding='ascii', errors='replace'))
print('h€'.encode('ascii', 'xmlcharrefreplace'), 'h€😀é'.encode('ascii', 'backslashreplace'), 'h€'.encode('latin1', 'ignore'), 'x\udcffy'.encode('ascii', 'surrogateescape'))
print('a\ud800b'.encode('utf-8', 'surrogatepass'), 'a\ud800b'.encode('utf-8', 'replace'), 'a\udcffb'.encode('utf-8', 'surrogateescape'), 'é'.encode('UTF8'), 'é'.encode(' utf 8 '), 'é'.encode('L1'))
print('abc'.encode('ascii', 'bogus'), 'a'.encode('utf_8'), 'é'.encode('iso8859-1'), '😀'.encode(), 'ab€€c'.encode('ascii', 'replace'))
for bad in [lambda: 'é'.encode('ascii'), lambda: 'abé€'.encode('ascii'), lambda: 'ab€€c'.encode('latin-1'), lambda: 'a\ud800'.encode(),
            lambda: 'a\ud800\udc00'.encode(), lambda: 'ab\udcff€c'.encode('ascii', 'surrogateescape'), lambda: 'a\ud800'.encode('ascii', 'surrogatepass'),
            lambda: 'a'.encode('bogus'), lambda: 'é'.encode('ascii', 'bad'), lambda: 'a'.encode(1), lambda: 'a'.encode(errors=1),
            lambda: 'a'.encode('utf-8', 'strict', 1), lambda: 'a'.encode(x=1), lambda: 'a'.encode('utf-8\x00')]:
    try:
        bad()
    except (UnicodeError, LookupError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    'aé€'.encode('ascii')
except UnicodeEncodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, e.args)
'x\U0001f600y'.encode('latin-1')
`,
	"str_misc_errors": `s = 'abc'
print(s.__class__.__name__, str.__name__, type(s) is str, isinstance(s, str), len(str.__doc__ or '') >= 0)
print(str.maketrans is str.maketrans, callable(s.upper))
try:
    s.nosuch
except AttributeError as e:
    print(e)
try:
    s.upper = 1
except AttributeError as e:
    print(e)
print(hash(s) == hash('abc'), 'abc' == 'ab' + 'c', 'ab' 'c')
'abc'.index('d')
`,
	"str_large": `s = 'ab' * 100000
print(len(s), s.count('ab'), s.find('ba', 1000), len(s.split('b')), len(s.replace('a', 'xyz')), len('-'.join(s)), s[12345:12350], s[::50000])
u = 'é∑😀' * 10000
print(len(u), u[29999], u[-1], u[15000:15003], u.count('∑'), len(u.encode()), len(u.upper()), u.rfind('é'), len(u.split('∑')))
parts = [str(i) for i in range(1000)]
j = ','.join(parts)
print(len(j), j[:20], j.split(',')[500], len(j.splitlines()), j.rsplit(',', 2)[1:])
`,
	"str_objects": `class P:
    def __init__(self, v):
        self.v = v
    def __str__(self):
        return 'P(%s)' % self.v
    def __repr__(self):
        return 'P<%r>' % (self.v,)
    def __format__(self, spec):
        return 'fmt[' + spec + ']'
    def __getitem__(self, k):
        return k * 2
class N:
    def __index__(self):
        return 3
class F:
    def __float__(self):
        return 2.5
class I:
    def __int__(self):
        return 7
class Table:
    def __getitem__(self, k):
        if k == ord('a'):
            return 'A'
        if k == ord('b'):
            raise KeyError(k)
        if k == ord('c'):
            raise IndexError(k)
        if k == ord('z'):
            raise ValueError('bad key')
        return None
class R:
    def __radd__(self, other):
        return 'radd:' + other
    def __rmul__(self, other):
        return 'rmul:' + other
print(str(P(1)), repr(P('x')), '%s %r %a' % (P(1), P('é'), P('é')), '{} {!r} {:>5}'.format(P(2), P(3), P(4)), f'{P(5):abc}')
print('%(x)s-%(y)s' % P(1), '{0[ab]}'.format(P(0)), 'ab' * N(), N() * 'cd', '%d %x %c' % (N(), N(), N()), '%f %.1e' % (F(), F()), '%d %i' % (I(), I()))
print('abcd'.translate(Table()), 'x' + R(), 'x' * R(), 'abcd'[N()], 'abcdef'[N():], 'x'.center(N(), '-'), 'a,b,c,d,e'.split(',', N()))
print('-'.join(str(x) for x in range(5)), ''.join(map(str, [1, 2])), str(P('z')).upper())
try:
    'z'.translate(Table())
except ValueError as e:
    print('ValueError', e)
try:
    '%d' % F()
except TypeError as e:
    print(e)
try:
    '%x' % I()
except TypeError as e:
    print(e)
try:
    '-'.join(1 / (x - 2) for x in range(5))
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    'ab' * R() * 2
except TypeError as e:
    print(e)
print('ab' * R() * 2)
'{:d}'.format(N())
`,
	"str_error_paths": `s = 'héllo wörld'
try:
    '{0} {1}'.format(s)
except IndexError as e:
    print(e)
try:
    '{0[x]}'.format({'y': 1})
except KeyError as e:
    print(repr(e))
try:
    '{a.b}'.format(a=s)
except AttributeError as e:
    print(e)
try:
    '{x}'.format_map({'y': s})
except KeyError as e:
    print(repr(e))
try:
    '%(a)s %(b)s' % {'a': s}
except KeyError as e:
    print(repr(e))
try:
    '%s %s %s' % (s, s)
except TypeError as e:
    print(e)
try:
    ', '.join([s, s, 3])
except TypeError as e:
    print(e)
try:
    s.translate({ord('é'): 1.5})
except TypeError as e:
    print(e)
try:
    s.encode('ascii')
except UnicodeEncodeError as e:
    print(e, e.start, e.end)
try:
    str(s.encode()[:2], 'utf-8')
except UnicodeDecodeError as e:
    print(e, e.object)
try:
    s.split(s[100:])
except ValueError as e:
    print(e)
try:
    s.index('xyz', 2)
except ValueError as e:
    print(e)
try:
    s[len(s)]
except IndexError as e:
    print(e)
try:
    s.zfill(2**63)
except OverflowError as e:
    print(e)
print('done', s.upper(), s.title(), s.center(15, '∑'), s.split('ö'), s.partition(' '), s.encode('utf-8', 'strict').decode())
'%(key)s' % {'other': s}
`,
	"str_uncaught_format": `print('{0}'.format('a'))
print('{name}'.format(nom='x'))
`,
	"str_uncaught_index": `s = 'abc😀'
print(s[3])
print(s[4])
`,
	"str_uncaught_concat": `x = 'total: ' + 5
`,
}

func TestStrPrograms(t *testing.T) { checkPrograms(t, strPrograms) }

// TestStrUnicodeSweep compares, code point by code point, the str
// predicates and case mappings with CPython's, as digests of 4096-code
// point blocks (the planes with assigned characters).
func TestStrUnicodeSweep(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	const script = `import hashlib
def h(s): return ' '.join('%x' % ord(x) for x in s)
out = []
for blk in list(range(0x40)) + [0xe0]:
    recs = []
    for cp in range(blk << 12, (blk + 1) << 12):
        c = chr(cp)
        f = ''.join('1' if x else '0' for x in (c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isalnum(), c.isspace(), c.islower(), c.isupper(), c.istitle(), c.isprintable(), c.isidentifier(), ('a'+c).isidentifier()))
        recs.append(f + ';' + ';'.join(h(x) for x in (c.lower(), c.upper(), c.title(), c.casefold(), c.swapcase(), c.capitalize(), ('A'+c+'\u03a3').lower(), ('A\u03a3'+c).lower())))
    out.append(hashlib.md5('\n'.join(recs).encode()).hexdigest())
print(' '.join(out))
`
	out, err := pyoracle.Command("-c", script).Output()
	if err != nil {
		t.Skipf("no CPython 3.12: %v", err)
	}
	want := strings.Fields(string(out))
	preds := map[string]func(o *Str) bool{}
	for _, p := range strPredicates {
		preds[p.name] = p.fn
	}
	mk := func(s string) *Str {
		n, ascii := codePoints(s)
		return &Str{s: s, length: n, ascii: ascii}
	}
	h := func(s string) string {
		var parts []string
		for i := 0; i < len(s); {
			r, n := decodeCP(s[i:])
			parts = append(parts, fmt.Sprintf("%x", r))
			i += n
		}
		return strings.Join(parts, " ")
	}
	caseOf := func(ascii, full func(string) string, s string) string {
		if mk(s).ascii {
			return ascii(s)
		}
		return full(s)
	}
	blocks := append(makeRange(0, 0x40), 0xe0)
	for bi, blk := range blocks {
		var recs []string
		for cp := rune(blk << 12); cp < rune((blk+1)<<12); cp++ {
			c := string(appendCP(nil, cp))
			o := mk(c)
			var f []byte
			for _, name := range []string{"isalpha", "isdecimal", "isdigit", "isnumeric", "isalnum", "isspace", "islower", "isupper", "istitle", "isprintable", "isidentifier"} {
				f = append(f, "01"[b2i(preds[name](o))])
			}
			f = append(f, "01"[b2i(strIsIdentifier("a"+c))])
			maps := []string{
				caseOf(asciiLower, fullLowerString, c), caseOf(asciiUpper, fullUpperString, c),
				caseOf(asciiTitle, fullTitleString, c), caseOf(asciiLower, caseFold, c),
				caseOf(asciiSwapCase, fullSwapCase, c), caseOf(asciiCapitalize, fullCapitalize, c),
				fullLowerString("A" + c + "\u03a3"), fullLowerString("A\u03a3" + c),
			}
			rec := string(f)
			for _, m := range maps {
				rec += ";" + h(m)
			}
			recs = append(recs, rec)
		}
		sum := md5.Sum([]byte(strings.Join(recs, "\n")))
		if bi < len(want) && hex.EncodeToString(sum[:]) != want[bi] {
			t.Errorf("code points %#x..%#x differ from CPython", blk<<12, (blk+1)<<12-1)
		}
	}
}

func makeRange(lo, hi int) []int {
	var r []int
	for i := lo; i < hi; i++ {
		r = append(r, i)
	}
	return r
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestStrMemoryLimit checks that str results too large for the memory
// limit raise MemoryError before Go allocates their text.
func TestStrMemoryLimit(t *testing.T) {
	for _, src := range []string{
		"n = 10**8\nx = 'ab' * n\n",
		"'-'.join(['ab' * 1000] * 100000)\n",
		"n = 10**9\n'x'.zfill(n)\n",
		"n = 10**9\n'x'.center(n, '∑')\n",
		"n = 10**9\n'a\\tb'.expandtabs(n)\n",
		"('a' * 1000).replace('a', 'b' * 100000)\n",
		"n = 2**40\n'ab' * n\n",
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		in := New(Options{MemoryLimit: 64 << 20})
		gv, err := in.NewDict()
		if err != nil {
			t.Fatal(err)
		}
		err = in.ExecModule(compileForTest(t, src), asObject[Dict](gv))
		runtime.ReadMemStats(&after)
		if e, ok := err.(*Exception); !ok || valueOf(e).Type() != memoryErrorType {
			t.Errorf("%q: got %v, want MemoryError", src, err)
		}
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 150<<20 {
			t.Errorf("%q: Go allocated %d MB", src, grew>>20)
		}
	}
}
