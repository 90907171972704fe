s = 'python'
print(s[0], s[-1], s[2:4], s[::-1], s[-3:], len(s), 'y' in s, 'th' in s, '' in s)
try:
    s[10]
except IndexError as e:
    print(e)
try:
    s[0] = 'P'
except TypeError as e:
    print(e)
try:
    s['a']
except TypeError as e:
    print(e)
print([c for c in 'héllo'], len('héllo'), len('日本語'), '日本語'[1], 'a' * 3, 3 * 'ab', 'x' * 0, 'x' * -2)
print('abc' < 'abd', 'Z' < 'a', 'é' > 'z', ord('é'), chr(233), '\u00e9' == 'é', '\N{GREEK SMALL LETTER ALPHA}')
print(str(123), str(1.5), str([1, 'a']), str(None), str(b'x'), str(), repr('it\'s'), repr("q\"d"), repr('both\'"'))
print(repr('tab\tnl\nbs\\ bell\x07 nul\x00 \x7f é \u200b \U0001F600'))
print('abc'.__len__(), 'a' + 'b', 'abc'[1:2] * 2)
try:
    'a' + 1
except TypeError as e:
    print(e)
try:
    'a' * 'b'
except TypeError as e:
    print(e)
