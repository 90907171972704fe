package modules_test

import "testing"

// unicodedata through Python, against CPython 3.12: the functions, their
// errors, the UCD object for 3.2.0, and str's predicates agreeing with
// the database. unicodedata_internal_test.go compares the tables
// themselves, code point by code point.

var unicodedataPrograms = map[string]string{
	"properties": tryAll + `import unicodedata as u
U = u.ucd_3_2_0
for ch in ['A', 'a', '1', '\u00bd', '\u0301', '\u00e9', '\u4e00', '\uac00', '\U0001F600', '\u2160', '\u0660', '\u00b2', '\u200f', '\u0e31', '\U000E0001', '\ud800', '\ue000', '\uffff', '\u0000', '\u3000', '\uff21', '\u07c0', '\u9fa6', '\U00020000', '\U0002F868']:
    for U_ in (u, U):
        print(hex(ord(ch)), U_.unidata_version, U_.name(ch, None), U_.category(ch), U_.bidirectional(ch), U_.combining(ch), U_.east_asian_width(ch), U_.mirrored(ch),
              repr(U_.decomposition(ch)), U_.decimal(ch, None), U_.digit(ch, None), U_.numeric(ch, None))
print(u.unidata_version, U.unidata_version, u.UCD, type(U).__name__, type(U).__module__, u.__doc__ == u.__doc__.strip(), u.__doc__.splitlines()[0])
print(u.numeric('\u4e07'), u.numeric('\U00012432'), u.numeric('\u5146'), u.numeric('\u2155'), u.numeric('\u0f33'), u.numeric('\U0001ed3d'), u.digit('\u2460'), u.decimal('\u0669'))
tryall('u.name("\\ud800")', 'u.name("\\x00","d")', 'u.decimal("ab")', 'u.numeric(1)', 'u.category(1)', 'u.category("ab")', 'u.category()', 'u.category("a","b")', 'u.category(chr="a")',
       'u.name()', 'u.name("a",1,2)', 'u.decimal("1","x","y")', 'u.decimal("a", default=3)', 'u.decimal("\\u2460")', 'u.digit("a")', 'u.numeric("a")', 'u.mirrored("")', 'u.mirrored(None)',
       'U.category()', 'U.category(1,2)', 'U.category(chr=1)', 'U.name()', 'U.name(chr="a")', 'u.name(chr="a")', 'U.lookup()', 'u.UCD.lookup(U)', 'u.UCD.category(U, "a")', 'u.UCD.category(1, "a")',
       'U.decimal("\\u00b2")', 'U.digit("\\u07c0")', 'U.name("\\U0001F600", 3)', 'U.name("\\u9fa6")', 'U.x', 'u.UCD()', 'U.unidata_version', 'u.decomposition("\\U0002F868")', 'U.decomposition("\\U0002F868")')
`,
	"lookup": tryAll + `import unicodedata as u
U = u.ucd_3_2_0
tryall('u.lookup(1)', 'u.lookup(bytearray(b"A"))', 'u.lookup(memoryview(b"LATIN SMALL LETTER B"))', 'u.lookup("\\ud800")', 'u.lookup("A\\x00B")', 'u.lookup()', 'u.lookup("a","b")',
       'u.lookup(name="a")', 'u.lookup("x"*256)', 'u.lookup("x"*257)', 'u.lookup("\\u00e9"*128)', 'u.lookup("\\u00e9"*129)', 'u.lookup("hangul syllable GA")', 'u.lookup("HANGUL SYLLABLE ")',
       'u.lookup("HANGUL SYLLABLE")', 'u.lookup("CJK UNIFIED IDEOGRAPH-4e00")', 'u.lookup("CJK UNIFIED IDEOGRAPH-04E00")', 'u.lookup("CJK UNIFIED IDEOGRAPH-004E00")',
       'u.lookup("Latin Small Letter A With Grave")', 'u.lookup("byte order mark")', 'u.lookup("HANGUL SYLLABLE GAG")', 'u.lookup("HANGUL SYLLABLE GGAG")', 'u.lookup("HANGUL SYLLABLE KKAKK")',
       'u.lookup("HANGUL SYLLABLE A")', 'u.lookup("HANGUL SYLLABLE YEOLB")', 'u.lookup("LATIN SMALL LETTER A\\0")', 'u.lookup("hangul jungseong o-e")', 'u.lookup("tibetan letter -a")',
       'u.lookup(b"\\xff\\xfe")', 'u.lookup(b"\\xe2\\x82")', 'u.lookup(b"\\xe2\\x82x")', 'u.lookup(b"LATIN SMALL LETTER A")', 'u.lookup("\\u00e9")', 'u.lookup("LINE FEED")', 'u.lookup("lf")',
       'u.lookup("latin capital letter a with macron and grave")', 'u.lookup("KEYCAP NUMBER SIGN")', 'u.lookup("CJK UNIFIED IDEOGRAPH-2A6E0")', 'u.lookup("CJK UNIFIED IDEOGRAPH-2A6DF")',
       'u.lookup("CJK UNIFIED IDEOGRAPH-323AF")', 'u.lookup("TANGUT IDEOGRAPH-17000")', 'u.lookup("NUSHU CHARACTER-1B170")', 'u.lookup("GRINNING FACE")', 'u.lookup("")',
       'U.lookup("GRINNING FACE")', 'U.lookup("LATIN CAPITAL LETTER A WITH MACRON AND GRAVE")', 'U.lookup("BYTE ORDER MARK")', 'U.lookup("CJK UNIFIED IDEOGRAPH-9FA6")',
       'U.lookup("HANGUL SYLLABLE GA")', 'U.lookup("latin small letter a")', 'U.lookup("ARABIC LETTER ALEF WITH WAVY HAMZA BELOW")')
for name in ['SPACE', 'EURO SIGN', 'SNOWMAN', 'LATIN SMALL LETTER SHARP S', 'HIRAGANA LETTER A', 'MUSICAL SYMBOL G CLEF']:
    c = u.lookup(name)
    print(name, hex(ord(c)), u.name(c) == name, eval("'\\N{" + name + "}'") == c)
`,
	"normalize": tryAll + `import unicodedata as u
U = u.ucd_3_2_0
samples = ['e\u0301', '\u00e9', 'A\u030a\u0327', '\u1e9b\u0323', '\ufb01', '\u2460', '\uac00\u11a8', '\u1100\u1161\u11a8', '\u0b47\u0b3e', 'a\u0328\u0301\u0328',
           '\u2126', '\u212b', '\uf951', '\U0002f868', '\u0344', '\u0f73', '\u1e0b\u0323', 'q\u0307\u0323', '\u0958', '\U0001d15e', '\u3300', '\u00c5\u0301', 'x\ud800y']
for s in samples:
    for U_ in (u, U):
        print([f'{U_.normalize(f, s)!a}' for f in ('NFC', 'NFD', 'NFKC', 'NFKD')], [U_.is_normalized(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')])
class S(str): pass
s = 'abc'
print(u.normalize('NFC', s) is s, u.normalize('NFD', s) is s, type(u.normalize('NFC', S('abc'))).__name__, type(u.normalize('NFC', S('e\u0301'))).__name__, u.normalize('NFD', '') == '', u.is_normalized('NFD', ''))
tryall('u.normalize("NFC")', 'u.normalize(1,"a")', 'u.normalize("NFC",1)', 'u.normalize(form="NFC",unistr="a")', 'u.is_normalized("NFX","a")', 'u.is_normalized("NFC",b"a")',
       'u.normalize("nfc","a")', 'u.normalize(b"NFC","a")', 'u.normalize("NFC\\x00","a")', 'U.normalize(form="NFC", unistr="")', 'U.normalize("NFK", "a")')
`,
	"str predicates": `import unicodedata as u
bad = {}
def check(name, got, want, c):
    if got != want:
        bad.setdefault(name, []).append(hex(c))
for c in list(range(0x3400)) + list(range(0x3400, 0x110000, 41)):
    ch = chr(c)
    cat = u.category(ch)
    check('isdecimal', ch.isdecimal(), u.decimal(ch, None) is not None, c)
    check('isdigit', ch.isdigit(), u.digit(ch, None) is not None, c)
    check('isnumeric', ch.isnumeric(), u.numeric(ch, None) is not None, c)
    check('isalpha', ch.isalpha(), cat in ('Lu', 'Ll', 'Lt', 'Lm', 'Lo'), c)
    check('isspace', ch.isspace(), u.bidirectional(ch) in ('WS', 'B', 'S') or cat == 'Zs', c)
    check('isprintable', ch.isprintable(), ch == ' ' or cat not in ('Cc', 'Cf', 'Cs', 'Co', 'Cn', 'Zl', 'Zp', 'Zs'), c)
for k, v in sorted(bad.items()):
    print(k, len(v), v[:5])
print('checked')
`,
}

func TestUnicodedata(t *testing.T) { checkModulePrograms(t, unicodedataPrograms) }

// The users of ucd_3_2_0 in the standard library: stringprep and the
// idna codec.
var unicodedataStdlibPrograms = map[string]string{
	"idna": `import stringprep, unicodedata
print('b\u00fccher.example'.encode('idna'), b'xn--bcher-kva.example'.decode('idna'), '\u00c9XAMPLE.com'.encode('idna'))
print(stringprep.in_table_a1('\u0221'), stringprep.in_table_b1('\u00ad'), stringprep.map_table_b2('\u00c5'), stringprep.in_table_c12('\u00a0'),
      stringprep.in_table_d1('\u05d0'), stringprep.in_table_d2('a'), stringprep.map_table_b3('\u1e9e'), stringprep.in_table_c22('\U0001d173'))
import encodings.idna as I
print(I.nameprep('Stra\u00dfe'), I.ToASCII('\u65e5\u672c\u8a9e'), I.ToUnicode(b'xn--wgv71a119e'), I.nameprep('\u2163\ufb01'))
try: 'a\u05d0b.com'.encode('idna')
except UnicodeError as e: print('UnicodeError', e)
`,
}

func TestUnicodedataStdlib(t *testing.T) { checkProgramsOnLib(t, unicodedataStdlibPrograms) }
