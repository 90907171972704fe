import codecs
samples = [b'', b'abc', b'\\', b'a\\', b'\\\\', b'\\n\\t\\r\\a\\b\\f\\v\\\'\\"\\\\', b'\\x41\\x4', b'\\x', b'\\xg1', b'\\u20ac', b'\\u20a', b'\\u20', b'\\u', b'\\u20aX',
  b'\\U0001f600', b'\\U0001f60', b'\\U00110000', b'\\U0011000', b'\\Ufffffffff', b'\\101\\7\\77\\777\\400\\8\\9', b'\\N{LATIN SMALL LETTER A}', b'\\N{latin small letter a}',
  b'\\N{EURO SIGN}x', b'\\N{NOPE}', b'\\N{}', b'\\N', b'\\Nx', b'\\N{', b'\\N{EURO', b'\\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}', b'\\N{HANGUL SYLLABLE GA}',
  b'\\N{CJK UNIFIED IDEOGRAPH-4E00}', b'\\N{BYTE ORDER MARK}', b'\\N{LINE FEED}', b'\\q\\d', b'\xe9\xff\\\xe9', b'\\\n', b'a\\u12\\x1\\Q', b'\\z']
handlers = ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape']
def show(f, *a):
    try: return repr(f(*a))
    except Exception as e: return '%s: %s %s' % (type(e).__name__, e, (getattr(e, 'start', None), getattr(e, 'end', None)))
import warnings
warnings.simplefilter('ignore')
for s in samples:
    for h in handlers:
        for final in (True, False):
            print(s, h, final, show(codecs.unicode_escape_decode, s, h, final), show(codecs.raw_unicode_escape_decode, s, h, final))
    # incremental, byte by byte
    for name in ['unicode_escape', 'raw_unicode_escape']:
        d = codecs.getincrementaldecoder(name)('backslashreplace')
        out = []
        for i in range(len(s)):
            out.append(show(d.decode, s[i:i+1]))
        out.append(show(d.decode, b'', True))
        print(name, s, out)
    print(show(s.decode, 'unicode_escape'), show(s.decode, 'raw_unicode_escape'), show(codecs.decode, s, 'unicode-escape', 'replace'))
for t in ['a\x00\x7f\x80\xff\u0100\uffff\U00010000\U0010ffff\\\'"\t\n\r', '\ud800']:
    print(show(t.encode, 'unicode_escape'), show(t.encode, 'raw_unicode_escape'), show(codecs.unicode_escape_encode, t), show(codecs.raw_unicode_escape_encode, t, 'strict'))
    e = codecs.getincrementalencoder('unicode_escape')(); print(show(e.encode, t))
def h(e):
    print('handler', type(e).__name__, e.start, e.end, e.reason)
    return ('<%d>' % e.start, e.end + 1)
codecs.register_error('mine', h)
print(show(codecs.unicode_escape_decode, b'a\\x1zz\\u12', 'mine'))
print(show(codecs.raw_unicode_escape_decode, b'a\\u1zz\\U12', 'mine'))
print(show(codecs.unicode_escape_decode, b'\\x', 'nosuch'))
print(show(str, b'\\u12', 'unicode_escape'), show(str, b'\\u12', 'raw-unicode-escape', 'replace'))
try: b'\\u12'.decode('unicode_escape')
except UnicodeDecodeError as e: print(e.__notes__)
import io
r = codecs.getreader('unicode_escape')(io.BytesIO(b'a\\u20ac\\nb\n\\x41'))
print(show(r.read))
print(show(codecs.unicode_escape_decode, 'abc\\u20ac'), show(codecs.unicode_escape_decode, memoryview(b'\\x41')))
