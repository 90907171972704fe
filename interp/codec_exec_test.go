package interp

import "testing"

// Programs about the codec layer (codec.go), compared with CPython 3.12:
// every consumer (str.encode, str(), bytes.decode, bytes(), bytearray(),
// files, int() and float() of bytes-like objects) through the same
// lookup, handlers and errors.
var codecPrograms = map[string]string{
	"lookup": `for name in ['utf-8', ' UTF 8 ', 'u8', 'cp65001', 'iso8859.1', 'iso.8859.1', 'ansi_x3.4-1968', 'L1', 'us-ascii', 'utf-8-sig', 'utf.8', 'latin.1', '', 'bogus', 'hex', 'rot13', 'base.64']:
    for f in (lambda: 'a\xe9'.encode(name), lambda: b'a'.decode(name), lambda: str(b'a', name), lambda: bytes('a', name), lambda: bytearray('a', name)):
        try:
            print(repr(f()))
        except (LookupError, UnicodeError) as e:
            print(type(e).__name__, e, getattr(e, '__notes__', None))
`,
	"notes": `for f in (lambda: '\u20ac'.encode('ascii'), lambda: '\u20ac'.encode('646'), lambda: '\u20ac'.encode('646', 'bogus'), lambda: '\ud800'.encode('utf-8-sig'),
          lambda: bytes('\ud800', 'u8'), lambda: b'\xff'.decode('u8'), lambda: str(memoryview(b'\xff'), "L1'", 'x'), lambda: str(b'\xff', 'u8', 'xmlcharrefreplace'),
          lambda: '\u20ac'.encode('ISO-8859-1'), lambda: '\u20ac'.encode('latin'), lambda: b'\xff'.decode(' UTF 8 ')):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e, getattr(e, '__notes__', None))
'\u20ac'.encode('l1')
`,
	"arguments": `for f in (lambda: bytes(5, 'utf\x008'), lambda: bytearray(errors='\ud800'), lambda: str(errors='\x00'), lambda: str(b'', errors='\ud800'),
          lambda: ''.encode('a\x00', '\ud800'), lambda: b''.decode('\ud800'), lambda: 'x'.encode(5), lambda: b'x'.decode('utf-8', 5),
          lambda: bytes('x', 'utf-8', 5), lambda: str('x', 'utf-8'), lambda: str(5, 'utf-8'), lambda: 'a'.encode('utf-8', 'bogus'),
          lambda: b'\xff'.decode('utf-8', 'bogus'), lambda: b'\xff'.decode('utf-8', 'xmlcharrefreplace'), lambda: b'\xff'.decode('utf-8', 'Strict')):
    try:
        print(repr(f()))
    except (TypeError, ValueError, LookupError) as e:
        print(type(e).__name__, ascii(str(e)))
`,
	"errors": `for f in (lambda: b'a\xffb'.decode(), lambda: bytearray(b'\xe2\x82').decode(), lambda: str(memoryview(b'\xed\xa0'), 'utf-8', 'surrogatepass'),
          lambda: bytes('ab\xe9\u20ac', 'latin-1'), lambda: bytearray('\ud800\udfff', 'utf-8'), lambda: 'x\udc80\u20ac\udc81'.encode('ascii', 'surrogateescape'),
          lambda: 'a\xe9'.encode('ascii', 'surrogatepass'), lambda: b'\xef\xbb\xbfa\xff'.decode('utf-8-sig')):
    try:
        f()
    except UnicodeError as e:
        print(type(e).__name__, e, e.encoding, e.object, e.start, e.end, e.reason, e.args == (e.encoding, e.object, e.start, e.end, e.reason))
`,
	"handlers": `s = 'a\xe9\u20ac\ud800\udc80\U0001f600'
for enc in ['utf-8', 'ascii', 'latin-1', 'utf-8-sig']:
    for h in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogatepass']:
        try:
            print(enc, h, s.encode(enc, h), bytes(s, enc, h) == bytearray(s, enc, h))
        except UnicodeEncodeError as e:
            print(enc, h, e)
b = b'a\xc3\xa9\xed\xa0\x80\xff\xf0\x9f\x98'
for enc in ['utf-8', 'ascii', 'latin-1', 'utf-8-sig']:
    for h in ['ignore', 'replace', 'backslashreplace', 'surrogateescape', 'surrogatepass']:
        try:
            r = b.decode(enc, h)
            print(enc, h, ascii(r), r == str(bytearray(b), enc, h) == str(memoryview(b), enc, h))
        except UnicodeDecodeError as e:
            print(enc, h, e)
print('\udc80\udcff'.encode('utf-8', 'surrogateescape'), '\ud800'.encode('utf-8', 'namereplace'), bytes('a\udc80', 'latin-1', 'namereplace'))
print('a\xe9\n\\'.encode('unicode_escape'), bytes('a\xe9\u20ac', 'raw-unicode-escape'), b'\xef\xbb\xbf\xc3\xa9'.decode('utf-8-sig'), 'x'.encode('utf_8_sig'))
`,
	"numbers": `print(int(memoryview(b'12')), float(memoryview(b'1.5')), str(memoryview(b'ab'), 'ascii'), int.from_bytes(memoryview(b'\x01\x02'), 'big'))
print(int(memoryview(b' 42 ')[1:3]), float(memoryview(b'xx2.5')[2:]), int.from_bytes(memoryview(b'\x01\x02\x03')[::2], 'little'), int(memoryview(bytearray(b'7'))))
m = memoryview(b'12')
m.release()
for f in (lambda: int(memoryview(b'123')[::2]), lambda: float(memoryview(b'123')[::2]), lambda: str(memoryview(b'123')[::2], 'ascii'),
          lambda: int(m), lambda: float(m), lambda: str(m, 'ascii'), lambda: int.from_bytes(m, 'big'), lambda: int(memoryview(b'ff'), 16),
          lambda: int(memoryview(b'1x')), lambda: int(memoryview(b''))):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
`,
}

func TestCodecPrograms(t *testing.T) { checkPrograms(t, codecPrograms) }

// codecFileProgram reads and writes text files through the same codecs:
// whole, and a character at a time, so that sequences split across
// reads decode incrementally.
const codecFileProgram = `p = '{DIR}/c.txt'
data = b'a\xc3\xa9\xe2\x82\xac\xed\xa0\x80\xf0\x9f\x98\x80\xff\xed\xa0'
for enc in ['utf-8', 'UTF8', 'utf-8-sig', 'iso8859.1', 'ascii']:
    for h in ['strict', 'replace', 'surrogateescape', 'surrogatepass', 'backslashreplace', 'xmlcharrefreplace', 'bogus']:
        for n in [-1, 1]:
            with open(p, 'wb') as f:
                f.write(data)
            try:
                with open(p, encoding=enc, errors=h) as f:
                    r = f.read() if n < 0 else ''.join(iter(lambda: f.read(n), ''))
                print(enc, h, n, ascii(r))
            except (UnicodeError, TypeError, LookupError) as e:
                print(enc, h, n, type(e).__name__, e)
    for h in ['strict', 'replace', 'surrogateescape', 'surrogatepass', 'backslashreplace']:
        try:
            with open(p, 'w', encoding=enc, errors=h) as f:
                f.write('a\xe9\udc80\udcff\ud800')
            print(enc, h, open(p, 'rb').read())
        except UnicodeError as e:
            print(enc, h, e, e.args)
for enc, h in [('hex', None), ('utf8-sig', None), ('utf-8', '\x00'), ('\ud800', None)]:
    try:
        open(p, encoding=enc, errors=h)
    except (LookupError, ValueError, UnicodeError) as e:
        print(type(e).__name__, ascii(str(e)))
`

func TestCodecFiles(t *testing.T) { checkFileProgram(t, codecFileProgram, "") }
