package interp

import "testing"

// Programs about bytes and bytearray, compared with CPython 3.12.
var bytesPrograms = map[string]string{
	"repr": `print(b'', b'abc', b"it's", b'say "hi"', b'both \' and "', b'\t\n\r\\\x00\x7f\x80\xff')
print(repr(b'\x1f '), bytearray(b"it's"), bytearray(), bytearray(b'\xfe\n'))
print(str(b'x'), str(bytearray(b'y')), [b'a', bytearray(b'b')], (b'',))
`,
	"constructors": `print(bytes(), bytes(3), bytes([65, 66, 67]), bytes((0, 255)), bytes(range(5)), bytes(b'xy'), bytes(bytearray(b'z')))
print(bytes('abc', 'ascii'), bytes('é€', 'utf-8'), bytes('é', 'latin-1'), bytes('a', encoding='UTF8'), bytes(source=[1]))
print(bytearray(), bytearray(2), bytearray([1, 2]), bytearray(b'q'), bytearray('hé', 'utf-8'), bytearray(bytearray(b'r')))
print(bytes(True), bytes(False), bytearray(True), bytes(x for x in [104, 105]), bytearray(x for x in range(3)))
print(bytes.fromhex('ab cd'), bytes.fromhex('  0102  ff'), bytearray.fromhex('0a0B'), bytes.fromhex(''), b'x'.fromhex('41'))
print(bytes.maketrans(b'ab', b'cd')[97:101], len(bytearray.maketrans(b'', b'')))
`,
	"hash_eq": `print(b'abc' == b'abc', b'abc' != b'abd', b'a' < b'b', b'ab' < b'abc', b'b' > b'abc', b'' <= b'', b'z' >= b'a')
print(b'abc' == bytearray(b'abc'), bytearray(b'abc') == b'abc', bytearray(b'a') < b'b', b'a' < bytearray(b'b'))
print(b'a' == 'a', bytearray(b'a') == 'a', b'1' == 1, b'a' != 'a')
d = {b'k': 1, 'k': 2}
print(d[b'k'], d['k'], len({b'x', b'x', b'y'}), b'k' in d, len({b'': 0, '': 1}))
`,
	"ops": `b = b'hello'
print(b + b' world', b + bytearray(b'!'), bytearray(b'x') + b'y', b * 2, 3 * b'ab', b * 0, b * -1, bytearray(b'ab') * 2)
print(len(b), b[0], b[-1], b[1:3], b[::-1], b[::2], b[10:], b[-100:2], bytearray(b'xyz')[1], bytearray(b'xyz')[1:])
print(104 in b, b'ell' in b, b'' in b, bytearray(b'l') in b, 0 in b, b'z' in bytearray(b'xyz'), 120 in bytearray(b'x'))
print([c for c in b], [c for c in bytearray(b'\x00\xff')], bool(b''), bool(b'\x00'), bool(bytearray()))
x = b'a'
x += b'b'
x *= 2
print(x)
`,
	"repeat_sizes": `for seq in (b'', b'\x00', b'ab', b'xyz', bytearray(b'\x01\x02\x03\x04\x05')):
    for n in (0, 1, 2, 3, 7, 64, 0xff00, 100001):
        r = seq * n
        print(type(r).__name__, len(r), r[:9], r[-7:], r.count(seq) if seq else 0, r == type(seq)(bytes(seq) * n))
ba = bytearray(b'ab')
ba *= 1000
print(len(ba), ba[-3:], ba.count(b'ab'))
`,
	"search": `b = b'hello world, hello'
print(b.find(b'o'), b.find(b'o', 5), b.find(b'o', 5, 7), b.find(111), b.find(b'zz'), b.find(b''), b.find(b'', 100), b.find(b'h', -5))
print(b.rfind(b'o'), b.rfind(b'l', 0, 5), b.rfind(b''), b.index(b'w'), b.rindex(b'hello'), b.count(b'l'), b.count(b''), b.count(108, 5))
print(b.count(b'', 2, 5), b.count(b'', 30), b.find(b'o', None, None), b.find(b'o', -100, 100), b.count(b'll', 2**100))
print(b.startswith(b'hell'), b.startswith((b'x', b'he')), b.startswith(b'world', 6), b.startswith(b'', 18), b.startswith(b'', 19))
print(b.endswith(b'hello'), b.endswith((b'x',)), b.endswith(b'world', 0, 11), b.endswith(b'', 5, 4), b.endswith(bytearray(b'lo')))
print(b'abc'.startswith(b'', 5), b'abc'.startswith(b'', 3), b'abc'.endswith(b'', 4), b'abc'.endswith(b'c', -1, 10))
ba = bytearray(b'banana')
print(ba.find(b'an'), ba.rfind(b'an'), ba.count(b'a'), ba.index(110), ba.startswith(b'ban'), ba.endswith(bytearray(b'na')))
`,
	"split_join": `print(b'a b  c\t\nd '.split(), b'  a b '.split(None, 1), b'a,b,,c'.split(b','), b'a,b,,c'.split(b',', 2), b''.split(), b''.split(b','))
print(b'a b  c '.rsplit(), b'  a b c'.rsplit(None, 1), b'a,b,,c'.rsplit(b',', 1), b'abcabc'.rsplit(b'bc'), b'x'.split(maxsplit=0), b' x '.split(maxsplit=0))
print(b'ab\ncd\r\nef\rgh'.splitlines(), b'ab\ncd\r\n'.splitlines(True), b''.splitlines(), b'\n'.splitlines(keepends=True))
print(b','.join([b'a', bytearray(b'b'), b'c']), b''.join([]), bytearray(b'-').join([b'x', b'y']), b'.'.join(x for x in [b'1']))
print(bytearray(b'a b').split(), bytearray(b'a,b').partition(b','), b'a,b,c'.partition(b','), b'abc'.partition(b'x'))
print(b'a,b,c'.rpartition(b','), b'abc'.rpartition(b'x'), b'aXbXc'.split(b'X', -1), b'aaa'.split(b'aa'))
`,
	"strip_replace": `print(b'  hi  '.strip(), b'  hi  '.lstrip(), b'  hi  '.rstrip(), b'xxhixx'.strip(b'x'), b'\t\n\x0b\x0chi\r'.strip(), b'abc'.strip(b''))
print(b'aaa'.replace(b'a', b'b'), b'aaa'.replace(b'a', b'b', 2), b'abc'.replace(b'', b'-'), b'abc'.replace(b'', b'-', 2), b'abc'.replace(b'x', b'y'))
print(b'abab'.replace(b'ab', b''), b''.replace(b'', b'x'), bytearray(b'aa').replace(b'a', b'bb'), b'abc'.replace(b'b', b'B', 0), b'abc'.replace(b'b', b'B', -5))
print(b'prefix-x'.removeprefix(b'prefix-'), b'x'.removeprefix(b'y'), b'x.txt'.removesuffix(b'.txt'), bytearray(b'ab').removesuffix(b'b'), b'a'.removeprefix(b''))
`,
	"case": `b = b'hello World 123 aBc'
print(b.upper(), b.lower(), b.swapcase(), b.capitalize(), b.title(), b"they're bill's".title(), b'\xe9a'.upper())
print(bytearray(b'Ab').upper(), bytearray(b'aB').swapcase(), b''.capitalize(), b'1a'.capitalize(), b'ABC'.capitalize())
for t in [b'', b'abc', b'ABC', b'aBc', b'123', b'a1', b' \t', b'Hello World', b'Hello world', b'A', b'a', b'1', b'\x80', b'a b', b'HELLO 1']:
    print(t, t.isalnum(), t.isalpha(), t.isdigit(), t.isspace(), t.islower(), t.isupper(), t.istitle(), t.isascii())
`,
	"pad": `b = b'abc'
print(b.center(9), b.center(8, b'*'), b.center(2), b.ljust(6, b'-'), b.rjust(6), b.rjust(6, bytearray(b'0')), b.ljust(-1))
print(b'ab'.center(5), b'ab'.center(6), b'abc'.center(6), b'abc'.center(5, b'.'), bytearray(b'x').center(4))
print(b'42'.zfill(5), b'-42'.zfill(5), b'+4'.zfill(4), b''.zfill(3), b'abc'.zfill(2), bytearray(b'-').zfill(3), b'-'.zfill(1))
print(b'a\tb\tc'.expandtabs(), b'a\tbc\td'.expandtabs(4), b'ab\n\tc\r\td'.expandtabs(2), b'\t'.expandtabs(0), b'x\ty'.expandtabs(tabsize=3), b'a\tb'.expandtabs(-1))
`,
	"hex": `b = b'\x00\x0f\xf0\xab\xcd\xef'
print(b.hex(), b.hex(':'), b.hex(b'-', 2), b.hex(' ', -4), b.hex(':', 4), b.hex('_', 6), b.hex('_', -6), b.hex(':', 0), b''.hex(':'))
print(bytearray(b'\x01\x02\x03').hex('.'), b'abc'.hex(sep='|', bytes_per_sep=1), b'abcdefg'.hex('-', 3), b'abcdefg'.hex('-', -3))
print(bytes.fromhex(b.hex()) == b, bytes.fromhex('AbCd ef'))
`,
	"translate": `t = bytes.maketrans(b'abc', b'xyz')
print(b'aabbcc'.translate(t), b'abcdef'.translate(t, b'de'), b'abcdef'.translate(None, b'ace'), bytearray(b'cab').translate(t))
print(b'hello'.translate(None), b'hello'.translate(None, delete=b'l'), bytearray.maketrans(b'x', b'y')[120])
`,
	"decode": `print(b'abc'.decode(), b'\xc3\xa9'.decode('utf-8'), b'\xe9'.decode('latin-1'), b'abc'.decode('ascii'), bytearray(b'\xe2\x82\xac').decode())
print(b'\xff\xfeabc\xe2\x82'.decode('utf-8', 'replace'), b'\xff\xfeabc\xe2\x82'.decode('utf-8', 'ignore'), b'\xff\xfeabc\xe2\x82'.decode('utf-8', 'backslashreplace'))
print(repr(b'\xffab\x80'.decode('utf-8', 'surrogateescape')), b'\xff\xfeabc'.decode('ascii', 'replace'), b'\xff'.decode(errors='ignore'), b'a'.decode('utf-8', 'bogus'))
print(b'\xed\xa0\x80'.decode('utf-8', 'surrogatepass') == '\ud800', b'\xf0\x9f\x98\x80'.decode(), b'\xf4\x8f\xbf\xbf'.decode() == '\U0010ffff', b'\xc2\x80'.decode() == '\x80')
print(b'abc'.decode('UTF-8'), b'abc'.decode('utf_8'), b'abc'.decode('U8'), b'\xe9'.decode('L1'), b'\xe9'.decode('iso-8859-1'), b'x'.decode('us-ascii'), b'x'.decode(' Latin 1 '))
s = b'\xffab\x80'.decode('utf-8', 'surrogateescape')
print(bytes(s, 'utf-8', 'surrogateescape'), bytes(s, 'ascii', 'surrogateescape'), bytes('a\ud800b', 'utf-8', 'surrogatepass'))
print(bytes('aéé', 'ascii', 'replace'), bytes('aéé\U0001f600', 'ascii', 'xmlcharrefreplace'), bytes('aéé\U0001f600\u1234', 'latin-1', 'backslashreplace'), bytes('aé', 'ascii', 'ignore'))
print(bytes('\ud800x\udfff', 'utf-8', 'replace'), bytes('\ud800', 'utf-8', 'backslashreplace'), bytes('\ud800', 'utf-8', 'namereplace'), bytes('a\U0001f600', 'UTF8'))
`,
	"percent": `print(b'%%' % (), b'%s %s' % (b'a', bytearray(b'b')), b'' % [1], b'%c%c' % (65, b'B'), b'%r %a' % ('é', b'x'), b'%(a)s' % {b'a': b'x'})
print(b'%5.2s|%-5s|%5s' % (b'abc', b'x', b'y'), b'%05d|%+d|% d|%-5d|%#x|%#o|%X|%.3d|%e|%.2f|%g|%5.1f' % (42, 3, 4, 5, 255, 8, 255, 7, 1.5, 2.345, 1e20, 3.14159))
print(b'%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159), b'%ld %hd %Ld' % (1, 2, 3), b'%i %u' % (True, 2**70), b'%s' % b'x' * 2, bytearray(b'%s-%d') % (b'a', 1))
print(b'%10c|%-3c|' % (65, 66), b'%.0s|%.1r' % (b'abc', 'xyz'), b'%5r' % 1, b'%(x)s %(x)s' % {b'x': b'1'}, b'%(x)d' % {b'x': 1, b'y': 2}, b'%a' % 'é\U0001f600')
print(b'%0*d' % (5, -3), b'%-05d|' % 3, b'%#5x|%#-8o|%#X' % (255, 8, 10), b'%d' % 2**100, b'%s' % (b'a',), b'%05s|%05c|%05r' % (b'a', 65, 1), b'%.0c|' % 65)
print(b'%f %F %G %E' % (1e400, 1e400 - 1e400, 1e-10, 12345.678), b'%#.0f|%#g|%+.3e' % (1.0, 2.0, -1234.5), b'%c' % True, b'%d' % True, b'%i' % 3.99, b'%x' % True)
print(b'%()s' % {b'': b'e'}, b'%((a))s' % {b'(a)': b'n'}, b'%s%s' % (b'a', b'b'), b'%s' % bytearray(b'ab'), b'x' % (), b'x' % {}, b'%*s' % (-5, b'a'), b'%.*s' % (-1, b'abc'), b'%-+ #0d' % 5, b'%+s' % b'a')
`,
	"bytearray_mutation": `ba = bytearray(b'hello')
ba[0] = 72
ba[-1] = 79
print(ba)
ba[1:3] = b'EL'
print(ba)
ba[1:1] = b'___'
print(ba)
ba[5:2] = b'!'
print(ba)
del ba[0]
print(ba)
del ba[1:4]
print(ba)
ba[::2] = b'xyz'[:len(ba[::2])]
print(ba)
ba.append(33)
ba.extend(b'ab')
ba.extend([1, 2])
ba.extend(bytearray(b'Z'))
ba.extend(range(3))
ba.insert(0, 65)
ba.insert(-1, 66)
ba.insert(100, 67)
ba.insert(-100, 68)
print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(33)
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
ba.clear()
print(ba, c, len(c))
c += b'++'
c += bytearray(b'--')
c *= 2
print(c)
d = bytearray(b'0123456789')
del d[::3]
print(d)
d[::-2] = b'abcd'[:len(d[::-2])]
print(d)
d[::2] = b''
print(d)
d[:] = [1, 2, 3]
print(d)
d[1:2] = bytearray(b'xyz')
print(d)
d[:] = d
print(d)
d[2:4] = d
print(d)
del d[-1]
d[0:len(d)] = b''
print(d, len(d))
e = bytearray(b'abc')
e *= 0
print(e)
e = bytearray(b'abc')
for c in e:
    if len(e) < 6:
        e.append(c)
print(e)
`,
}

// Error cases for bytes and bytearray.
var bytesErrorPrograms = map[string]string{
	"constructor_errors": `for f in [lambda: bytes(1, 2, 3, 4), lambda: bytes(x=1), lambda: bytes('a'), lambda: bytes('a', 'bogus'),
          lambda: bytes(1, 'utf-8'), lambda: bytes(1, errors='strict'), lambda: bytes('a', errors='strict'),
          lambda: bytes(encoding='utf-8'), lambda: bytes(errors='utf-8'), lambda: bytes(-1), lambda: bytes(2**100),
          lambda: bytes(1.5), lambda: bytes([1, 'a']), lambda: bytes([1, 256]), lambda: bytes([1, -1]),
          lambda: bytes([1, 2**100]), lambda: bytes([1, 1.0]), lambda: bytes(None), lambda: bytearray(1, 2, 3, 4),
          lambda: bytearray('a'), lambda: bytearray(1.5), lambda: bytearray([1, 256]), lambda: bytearray([1, 'a']),
          lambda: bytearray(-1), lambda: bytearray(2**100), lambda: bytearray(encoding='x'), lambda: bytearray(1, 'x'),
          lambda: bytearray(1, errors='x'), lambda: bytearray(x=1), lambda: bytearray(None), lambda: bytes('a', 1),
          lambda: bytes.fromhex('abc'), lambda: bytes.fromhex('zz'), lambda: bytes.fromhex(' a b'), lambda: bytes.fromhex(1),
          lambda: bytes.fromhex('aé'), lambda: bytes.fromhex('a\x0b\x0cb'), lambda: bytes.fromhex('\x1cab'),
          lambda: bytearray.fromhex(), lambda: bytes.maketrans(b'a', b'bc'), lambda: bytes.maketrans(b'a'),
          lambda: bytes.maketrans('a', 'b'), lambda: bytes.maketrans(frm=b'', to=b'')]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
`,
	"method_errors": `b = b'hello world'
ba = bytearray(b'hello')
for f in [lambda: b.find('a'), lambda: b.find(1.0), lambda: b.find(300), lambda: b.find(-1), lambda: b.find(),
          lambda: b.find(b'o', 'a'), lambda: b.find(x=1), lambda: b.count(b'l', 1, 2, 3), lambda: b.index(b'z'),
          lambda: b.rindex(b'z'), lambda: b.split('x'), lambda: b.split(b''), lambda: b.split(maxsplit='a'),
          lambda: b.split(b'o', 1, 2), lambda: b.join(['a']), lambda: b.join([b'a', 1]), lambda: b.join(1),
          lambda: b.startswith('a'), lambda: b.startswith(('a',)), lambda: b.startswith(), lambda: b.endswith(1),
          lambda: b.replace('a', 'b'), lambda: b.replace(b'a'), lambda: b.replace(b'l', b'L', 'x'), lambda: b.strip('a'),
          lambda: b.strip(1), lambda: b.center(5, 'x'), lambda: b.center(5, b'xx'), lambda: b.center('a'),
          lambda: b.center(), lambda: b.zfill('a'), lambda: b.partition('a'), lambda: b.partition(b''),
          lambda: b.rpartition(b''), lambda: b.expandtabs('a'), lambda: b.hex(1), lambda: b.hex(''), lambda: b.hex('ab'),
          lambda: b.hex('é'), lambda: b.hex(':', 'a'), lambda: b.upper(1), lambda: b.removeprefix('a'),
          lambda: b.count(b'l', x=1), lambda: b.ljust(2**100), lambda: b.isalpha(1), lambda: b.replace(b'a', b'b', count=1),
          lambda: b.center(5, fillchar=b'x'), lambda: b.lstrip(bytes=b'x'), lambda: b.join(iterable_of_bytes=[]),
          lambda: b.zfill(width=3), lambda: ba.find(b'l', x=1), lambda: ba.isalpha(1), lambda: b.hex(None),
          lambda: b.hex(bytearray(b':')), lambda: b.hex([1]), lambda: b.hex(sep=':', bytes_per_sep=2.0),
          lambda: b.hex(b'-', 2**100), lambda: b.translate(table=None), lambda: b.translate(b'x'), lambda: b.translate(1),
          lambda: b.translate(None, 1), lambda: b.split(None, 2**100), lambda: b.expandtabs(2**40), lambda: b.decode(1),
          lambda: b.decode('utf-8', 1), lambda: b.decode('utf-8', 'strict', 3), lambda: b.decode(x=3), lambda: b.decode('bogus'),
          lambda: b.splitlines(1, 2), lambda: b.count(), lambda: b.rfind(b'x', 1, 2, 3)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
`,
	"op_errors": `b = b'hello world'
n62 = 2**62
for f in [lambda: b[1.5], lambda: b[100], lambda: b['a'], lambda: b + 'a', lambda: b + 1, lambda: 1 + b,
          lambda: b * 'a', lambda: b * 1.5, lambda: 1.5 * b, lambda: b * b, lambda: 'a' in b, lambda: 300 in b,
          lambda: 1.5 in b, lambda: b < 'a', lambda: bytearray(b'a') + 'a', lambda: b'ab' * n62, lambda: b'ab' * 2**100,
          lambda: b[2**100], lambda: b[-20], lambda: bytearray(b'a')[-2], lambda: bytearray(b'a')[2**100],
          lambda: bytearray(b'a') * n62, lambda: bytearray(b'a') * 2**100, lambda: hash(bytearray()), lambda: b < bytearray(b'a') < 1,
          lambda: -1 in b, lambda: b.__len__(1), lambda: b.__getitem__(), lambda: bytearray(b'a').__setitem__(0)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
`,
	"bytearray_errors": `ba = bytearray(b'hello')
for f in [lambda: ba.extend(1), lambda: ba.extend([1, 'a']), lambda: ba.extend([1, 256]), lambda: ba.append(),
          lambda: ba.append(256), lambda: ba.append('a'), lambda: ba.insert(1), lambda: ba.insert('a', 1),
          lambda: bytearray().pop(), lambda: ba.pop(100), lambda: ba.pop('a'), lambda: ba.remove(300), lambda: ba.remove(120),
          lambda: ba.remove(b'a'), lambda: ba.__setitem__(100, 1), lambda: ba.__setitem__(0, 256),
          lambda: ba.__setitem__(slice(0, 2), 5), lambda: ba.__setitem__(slice(0, 2), 'ab'), lambda: ba.__setitem__(slice(0, 2), [300]),
          lambda: ba.__setitem__(slice(0, 4, 2), b'abc'), lambda: ba.__setitem__('a', 1), lambda: ba.__delitem__(100),
          lambda: ba.__setitem__(slice(0, 2), 1.5), lambda: ba.__setitem__(slice(0, 2), None), lambda: ba.copy(1),
          lambda: ba.insert(0, item=3), lambda: ba.pop(index=0), lambda: ba.clear(1), lambda: ba.reverse(1), lambda: ba]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
x = bytearray(b'ab')
try:
    x += 'a'
except TypeError as e:
    print(e)
try:
    x *= 'a'
except TypeError as e:
    print(e)
try:
    x += [1]
except TypeError as e:
    print(e)
print(x)
`,
	"decode_errors": `for f in [lambda: b'\xff'.decode(), lambda: b'a\xe2\x28\xa1'.decode(), lambda: b'\xe2\x82\x28'.decode(),
          lambda: b'\xe2\x82'.decode(), lambda: b'\xed\xa0\x80'.decode(), lambda: b'\xf0\x90\x80'.decode(),
          lambda: b'\xf0\x80'.decode(), lambda: b'\xf0'.decode(), lambda: b'\xff'.decode('ascii'),
          lambda: b'a\xff\xfe'.decode('ascii'), lambda: b'\xff'.decode('utf-8', 'bogus'), lambda: b'\xff'.decode('utf-8', 'xmlcharrefreplace'),
          lambda: b'\xe0\x80'.decode(), lambda: b'\xe0\xa0'.decode(), lambda: b'\xf4\x90\x80\x80'.decode(), lambda: b'\xf5'.decode(),
          lambda: b'\xc0\x80'.decode(), lambda: b'\xc2'.decode(), lambda: b'\xf0\x9f\x98'.decode(), lambda: b'\xf0\x9f\x98x'.decode(),
          lambda: b'ab\x80cd'.decode('utf-8', 'surrogatepass'), lambda: bytes('é\udc80', 'utf-8'), lambda: bytes('aéé', 'ascii'),
          lambda: bytes('aé\u1234', 'latin-1'), lambda: bytes('a\U0001f600', 'latin-1'), lambda: bytes('aéé\udcff', 'ascii', 'surrogateescape'),
          lambda: bytes('aé', 'ascii', 'bogus'), lambda: bytes('\ud800\udfff', 'utf-8'), lambda: bytes('x\ud800', 'ascii', 'surrogatepass'),
          lambda: b'x'.decode('hex'), lambda: b'x'.decode('nope'), lambda: bytes('x', 'rot13x')]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
`,
	"percent_errors": `for f in [lambda: b'%5%' % (), lambda: b'%s' % 'a', lambda: b'%s' % [1], lambda: b'' % 1, lambda: b'%x' % 1.5,
          lambda: b'%f' % 'a', lambda: b'%c' % 256, lambda: b'%c' % b'ab', lambda: b'%c' % 'a', lambda: b'%(a)s' % {'a': b'x'},
          lambda: b'%(a)s' % (1,), lambda: b'%(a' % {b'a': 1}, lambda: b'%' % (), lambda: b'%y' % 1, lambda: b'%*d' % ('a', 1),
          lambda: b'%d %d' % (1,), lambda: b'%d' % (1, 2), lambda: b'%c' % -1, lambda: b'%s %(x)s' % {b'x': b'1'},
          lambda: b'%(x)s %s' % {b'x': b'1'}, lambda: b'%.99999999999d' % 1, lambda: b'%s' % ((b'a',),), lambda: b'%5%|' % (1,),
          lambda: b'%d' % '1', lambda: b'%o' % [], lambda: b'%e' % [], lambda: b'%f' % 2**2000, lambda: b'%d' % 1e400,
          lambda: b'%d' % (1e400 - 1e400), lambda: b'%s' % True, lambda: b'%(x)s' % [1], lambda: b'a%' % (), lambda: b'%5' % (),
          lambda: b'%s' % (), lambda: b'%s%s' % b'ab', lambda: b'%d' % (b'1',), lambda: b'%s' % 1, lambda: b'x' % b'',
          lambda: b'%*s' % (2**100, b'a'), lambda: b'%.*s' % (2**100, b'a'), lambda: b'%.*s' % (2**31, b'a'), lambda: b'%*s' % (1.5, b'a'),
          lambda: 1 % b'a', lambda: b'%\xff' % 1, lambda: b'%\x01' % 1, lambda: b'%\x7f' % 1]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
`,
	"uncaught_decode": `b'\x80abc'.decode()
`,
	"uncaught_index": `print(b'abc'[3])
`,
	"uncaught_concat": `print(b'abc' + 'def')
`,
}

func TestBytesPrograms(t *testing.T) { checkPrograms(t, bytesPrograms) }

func TestBytesErrorPrograms(t *testing.T) { checkPrograms(t, bytesErrorPrograms) }

// TestBytesErrorsNoLeaks runs the error cases without lambdas, so that
// the reference counts are checked for leaks too.
func TestBytesErrorsNoLeaks(t *testing.T) {
	programs := map[string]string{}
	for name, setup := range map[string]string{
		"constructor_errors": "",
		"method_errors":      "b = b'hello world'\nba = bytearray(b'hello')\n",
		"op_errors":          "b = b'hello world'\nn62 = 2**62\n",
		"bytearray_errors":   "ba = bytearray(b'hello')\n",
		"decode_errors":      "",
		"percent_errors":     "",
	} {
		programs[name] = tryEach(setup, lambdaBodies(bytesErrorPrograms[name])...)
	}
	checkPrograms(t, programs)
}
