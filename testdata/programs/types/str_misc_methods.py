print('a-b-c'.split('-', maxsplit=1), 'A,B'.lower().split(','), 'x'.join('abc'), ' '.join(map(str, [1, 2])))
print('hello'.translate(str.maketrans('el', 'ip')), 'hello'.translate({ord('h'): None}), str.maketrans({'a': 'b'}))
print('%s' % 'x'.ljust(3, '-'), 'abc'.endswith(''), 'abc'.find(''), 'abc'.rfind(''), 'aaa'.count('aa'))
print('Hello World Foo'.istitle(), 'hello  world'.title(), "they're".title(), '12abc'.title())
print('\t x \n'.strip(' '), repr('\t x \n'.strip()), 'a b'.split(' '), '  a  b  '.split(' '))
print('CamelCaseString'.swapcase(), 'ÉCOLE'.lower(), 'straße'.casefold(), 'İ'.lower().encode())
print('abc'.index('c', 1), 'abcabc'.rindex('b'), 'x'.center(4), 'x'.center(4, '*'), 'xy'.center(5, '*'))
try:
    'abc'.center(5, '**')
except TypeError as e:
    print(e)
try:
    ','.join([1, 2])
except TypeError as e:
    print(e)
try:
    'abc'.split('')
except ValueError as e:
    print(e)
print('abc'.encode('ascii'), 'é'.encode('latin-1'), 'é'.encode('ascii', 'replace'), 'é'.encode('ascii', 'ignore'))
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print(e)
