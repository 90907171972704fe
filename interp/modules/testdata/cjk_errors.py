import codecs, random, io
CODECS = ['shift_jis', 'cp932', 'euc_jp', 'gb2312', 'gbk', 'gb18030', 'hz', 'big5', 'cp950', 'euc_kr', 'cp949',
          'iso2022_jp', 'iso2022_jp_1', 'iso2022_jp_2', 'iso2022_jp_ext', 'iso2022_kr', 'johab', 'big5hkscs']
def show(f, *a):
    try: return repr(f(*a))
    except Exception as e: return '%s: %s %s' % (type(e).__name__, e, (getattr(e, 'start', None), getattr(e, 'end', None)))
calls = []
def mine(e):
    calls.append((type(e).__name__, e.start, e.end, e.reason, e.encoding))
    if isinstance(e, UnicodeEncodeError): return ('[%d]' % e.start, e.end)
    return ('<%d>' % e.start, e.start + 1)
codecs.register_error('mine', mine)
codecs.register_error('bytes', lambda e: (b'\xff\x80', e.end))
codecs.register_error('back', lambda e: ('?', -1))
codecs.register_error('far', lambda e: ('?', 10**6))
codecs.register_error('bad', lambda e: 1)
codecs.register_error('unenc', lambda e: ('\u0100', e.end))
rnd = random.Random(5)
texts = ['abc', '日本語', 'a\u1234b\u20acc\U0001f600d\ud800e', '中文한국어ｱ¥‾~{}', '\x80\xa5\u203e\uff3c\uff5e\u2016\u2212', '']
for c in CODECS:
    # sample repertoire
    rep = [ch for ch in map(chr, list(range(0x20, 0x7f)) + list(range(0xa0, 0x2000, 7)) + list(range(0x3000, 0x3100)) + list(range(0x4e00, 0x9fa0, 37)) + list(range(0xac00, 0xd7a0, 91)) + list(range(0xff00, 0xffef)))
           if ch.encode(c, 'ignore')]
    for t in texts:
        for h in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'mine', 'bytes', 'back', 'far', 'bad', 'unenc', 'nosuch']:
            if h == 'back' and not t[-1:].isascii(): continue
            calls.clear()
            print(c, repr(t), h, show(t.encode, c, h), calls)
    bad = [b'\x80', b'\xff', b'a\x81', b'\x81\x39', b'\x81\x30\x81', b'\x81\x30\x81\x30', b'\x8f\xa2', b'\x8e', b'\xa4\xd4\xa4', b'\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xd4', b'\xfe\xfe\xfe',
           b'~', b'~{', b'~{\x21', b'~{\x21\x21~}', b'~x', b'~}', b'\x1b', b'\x1b(', b'\x1b(B', b'\x1b$B', b'\x1b$Bx', b'\x1b$B!!', b'\x1b$(D', b'\x1b$)C\x0e!!\x0f', b'\x1b(J\\~', b'\x1b(I12', b'\x1b.A\x1bNa', b'\x1b.F\x1bNa\x1bN\x7f', b'\x1bx', b'\x1b$A!!', b'\x1b$(C!!', b'\x1b&@\x1b$B!!', b'\x1b&@\x1b$Bx', b'\x1b(Z', b'\x1b$)Z', b'\x1b(A',
           b'\x0e\x0f', b'\x1b$)C\x0e\n!!', bytes(range(0x20, 0x30)), b'\x1b' + b'$' * 20]
    for b in bad:
        for h in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape', 'mine', 'far', 'bad', 'nosuch', 'xmlcharrefreplace']:
            calls.clear()
            print(c, b, h, show(b.decode, c, h), calls)
        for final in (False, True):
            d = codecs.getincrementaldecoder(c)('replace')
            print(c, b, 'inc', [show(d.decode, b[i:i+1]) for i in range(len(b))], show(d.decode, b'', final), show(d.getstate))
    for i in range(30):
        s = ''.join(rnd.choice(rep) for _ in range(rnd.randrange(0, 12)))
        enc = s.encode(c)
        e = codecs.getincrementalencoder(c)()
        parts = [show(e.encode, ch) for ch in s] + [show(e.encode, '', True)]
        d = codecs.getincrementaldecoder(c)()
        dparts = [show(d.decode, enc[j:j+1]) for j in range(len(enc))] + [show(d.decode, b'', True)]
        print(c, repr(s), enc, enc.decode(c) == s, parts, dparts, show(e.getstate), show(d.getstate))
        soup = bytes(rnd.choice([0x1b, 0x0e, 0x0f, 0x0a, 0x24, 0x28, 0x29, 0x2e, 0x4e, 0x42, 0x41, 0x43, 0x44, 0x4a, 0x49, 0x40, 0x26, 0x21, 0x7e, 0x7b, 0x7d, 0x30, 0x5c, 0x80, 0xa4, 0xd4, 0xa1, 0xb0, 0x8f, 0x8e, 0x81]) for _ in range(rnd.randrange(0, 16)))
        print(c, soup, show(soup.decode, c, 'backslashreplace'), show(soup.decode, c, 'replace'))
    e = codecs.getincrementalencoder(c)('mine')
    print(c, show(e.encode, 'a\u0100日'), e.errors, show(setattr, e, 'errors', 1), show(setattr, e, 'errors', 'ignore'), show(e.encode, '\u0100x', True), e.errors)
    st = e.getstate(); e.setstate(st); print(c, st, show(e.setstate, -1), show(e.setstate, 2**200), show(e.reset))
    d = codecs.getincrementaldecoder(c)()
    st0 = d.getstate()[1]  # other states crash CPython's ISO-2022 decoders
    print(c, show(d.setstate, (b'abc', st0)), show(d.decode, b''), show(d.setstate, (b'x' * 9, st0)), show(d.setstate, 1), show(d.setstate, ('x', 1)), show(d.reset), show(d.getstate))
    wide = [ch for ch in rep if ord(ch) > 0x3000]
    r = codecs.getreader(c)(io.BytesIO((wide[3] + '1\n' + 'x' * 5 + '\n' + wide[-2]).encode(c)))
    print(c, show(r.readline), show(r.read, 2), show(r.readlines), show(r.read))
    bio = io.BytesIO(); w = codecs.getwriter(c)(bio)
    w.write(wide[5]); w.writelines(['a', wide[7]]); w.reset(); print(c, bio.getvalue(), w.errors)
cd = codecs.lookup('shift_jis')
print(show(cd.encode, 1), show(cd.decode, 'x'), show(cd.encode, 'x', 1), show(lambda: cd.decode(b'x', errors=None)))
import _codecs_jp, _multibytecodec
print(show(_codecs_jp.getcodec, 'gbk'), show(_codecs_jp.getcodec, 1), type(_codecs_jp.getcodec('cp932')).__name__)
print(show(_multibytecodec.MultibyteIncrementalEncoder), show(_multibytecodec.__create_codec, 1))
class E(_multibytecodec.MultibyteIncrementalEncoder): codec = 3
print(show(E))
print(show(codecs.getincrementalencoder('gbk'), 1), show(lambda: codecs.getincrementalencoder('gbk')(errors='x').errors), show(lambda: codecs.getincrementaldecoder('gbk')(None)))
