package modules_test

import (
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/parallel-py/parallel/interp/syntax"
)

// The _codecs and _locale modules, through CPython's own codecs,
// encodings, locale, gettext and argparse.
func TestCodecsLocale(t *testing.T) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	for name, src := range codecsPrograms {
		t.Run(name, func(t *testing.T) {
			want, wantExc := cpython(t, src)
			got, gotExc := runWithStdlib(t, lib.Dir, src)
			if got != want || gotExc != wantExc {
				t.Errorf("got:\n%s%s\nCPython 3.12:\n%s%s", got, gotExc, want, wantExc)
			}
		})
	}
}

// runWithStdlib runs src here with the standard library on sys.path.
func runWithStdlib(t *testing.T, lib, src string) (stdout, exc string) {
	t.Helper()
	mod, err := syntax.Parse("<test>", []byte(src), syntax.ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	code, err := compile.Compile(mod, "<test>", syntax.ModeExec, compile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	in := interp.New(interp.Options{Stdout: &out, Path: []string{"", lib}})
	if err := in.RunMain(code); err != nil {
		var b strings.Builder
		if perr := in.PrintException(&b, err, nil); perr != nil {
			t.Fatalf("a non-Python error: %v", err)
		}
		lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
		exc = lines[len(lines)-1]
	}
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
	return out.String(), exc
}

var codecsPrograms = map[string]string{
	"codecs": `import codecs, locale, gettext, argparse, encodings
print("é€".encode("cp1252"), b"\x80\xe9".decode("cp1252"), "x\u20ac".encode("utf-32-be"), b'\xff\xfe\x00\x00a\x00\x00\x00'.decode("utf-32"))
try: "\u0100".encode("cp1252")
except UnicodeEncodeError as e: print(e, e.__notes__)
try: b"\x81".decode("cp1252")
except UnicodeDecodeError as e: print(e, e.start, e.end)
print("\u0100x".encode("cp1252", "replace"), "\u0100x".encode("cp1252", "xmlcharrefreplace"), b"\x81a".decode("cp1252", "replace"), b"\x81a".decode("cp1252", "surrogateescape"))
def h(e):
    print("handler", type(e).__name__, e.start, e.end)
    return ("<%d>" % e.start, e.end)
codecs.register_error("mine", h)
print("a\u0100b".encode("latin-1", "mine"), b"a\xffb".decode("ascii", "mine"), "a\u0100b".encode("utf-16-le", "mine"))
print(codecs.lookup_error("mine") is h, codecs.lookup("latin_1").name, codecs.lookup("UTF-16").name)
print(codecs.encode("abc", "rot13"))
try: "x".encode("hex")
except LookupError as e: print(e)
try: codecs.lookup("nope")
except LookupError as e: print(e)
enc = codecs.getincrementalencoder("utf-16")()
print(enc.encode("a"), enc.encode("b"), enc.encode("", True))
dec = codecs.getincrementaldecoder("utf-8")()
print(repr(dec.decode(b"\xc3")), repr(dec.decode(b"\xa9", True)))
dec = codecs.getincrementaldecoder("utf-16")()
print(repr(dec.decode(b"\xff")), repr(dec.decode(b"\xfea")), repr(dec.decode(b"\x00", True)))
print(codecs.utf_16_be_decode(b"\xd8\x3d\xde\x00"), codecs.escape_decode(b"a\\tb"))
for err in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape"]:
    f = codecs.lookup_error(err)
    try: print(err, f(UnicodeEncodeError("ascii", "a\udcffb", 1, 2, "r")))
    except Exception as e: print(err, type(e).__name__, e)
    try: print(err, f(UnicodeDecodeError("ascii", b"a\xffb", 1, 2, "r")))
    except Exception as e: print(err, type(e).__name__, e)
`,
	"locale": `import locale, gettext
print(locale.setlocale(locale.LC_ALL), locale.getlocale(), locale.localeconv()["decimal_point"], locale.strcoll("a", "b"), locale.getencoding())
print(locale.format_string("%d", 1234567, grouping=True), locale.str(1.5), locale.atof("1.5"), locale.normalize("en_us"))
try: locale.setlocale(locale.LC_ALL, "de_DE")
except locale.Error as e: print("Error", e)
print(locale.setlocale(locale.LC_NUMERIC, "C"), locale.setlocale(locale.LC_ALL, "C"), locale.setlocale(locale.LC_ALL))
print(gettext.gettext("hello"), gettext.ngettext("a", "b", 2), gettext.dgettext("x", "y"))
`,
	"argparse": `import argparse, sys
sys.stderr = sys.stdout
p = argparse.ArgumentParser(prog="x", description="d")
p.add_argument("--v", action="store_true", help="verbose")
p.add_argument("n", type=int, nargs="+")
print(p.parse_args(["1", "2", "--v"]))
print(p.format_help())
try: p.parse_args(["z"])
except SystemExit as e: print("exit", e.code)
`,
	"_codecs": `import codecs, _codecs
seen=[]
def s(n): seen.append(n); return None
codecs.register(s)
for n in [" -Foo  Bar-.x- ", "UTF-8", "a b"]:
    try: codecs.lookup(n)
    except LookupError as e: print(e)
print(seen)
try: codecs.encode("é", "ascii")
except Exception as e: print(type(e), e, e.__notes__ if hasattr(e,'__notes__') else None)
try: codecs.encode("é", "cp1252x")
except Exception as e: print(type(e), e)
print(_codecs.utf_8_decode(b'ab\xc3', 'strict', False), _codecs.utf_8_decode(b'ab\xc3'))
print(_codecs.utf_16_ex_decode(b'\xff\xfea\x00b'), _codecs.utf_16_decode(b'\xff\xfea\x00b'))
print(_codecs.charmap_build("abc"), _codecs.escape_decode(b'\\x41\\n'), _codecs.escape_encode(b'\n\x00a'))
print(_codecs.unicode_escape_decode(b'\\u00e9x'))
print(_codecs.readbuffer_encode("é"), _codecs.latin_1_encode("é"), _codecs.utf_32_encode("a"))
import _locale; print(dir(_locale)); print(_locale.localeconv()); print(_locale.setlocale(_locale.LC_ALL))
try: _locale.setlocale(_locale.LC_ALL, "fr_FR")
except Exception as e: print(type(e), e)
print(_codecs.lookup_error("strict"), _codecs.charmap_encode("ab", "strict", {97: 1, 98: b'x'}))
print(_codecs.charmap_decode(b'\x00\x01', 'strict', "xy"), _codecs.charmap_decode(b'\x00\x01', 'strict', {0:'q',1:66}))
`,
	"edges": `import _codecs as c
def t(f,*a):
    try: print(f.__name__, a, f(*a))
    except Exception as e: print(f.__name__, a, type(e).__name__, e, getattr(e,'start',None), getattr(e,'end',None))
t(c.utf_16_ex_decode, b'a\x00b')
t(c.utf_16_ex_decode, b'a\x00b', 'strict', 0, True)
t(c.utf_16_ex_decode, b'\xfe\xff\x00a', 'strict', 0, True)
t(c.utf_16_ex_decode, b'\xfe', 'strict', 0, False)
t(c.utf_16_decode, b'\x00\xdc', 'strict', True)
t(c.utf_16_decode, b'\x00\xd8a\x00', 'strict', True)
t(c.utf_16_decode, b'\x00\xd8', 'strict', True)
t(c.utf_16_decode, b'\x00\xd8', 'strict', False)
t(c.utf_16_decode, b'\x00\xd8', 'replace', True)
t(c.utf_16_le_encode, '\ud800x')
t(c.utf_16_encode, '\ud800x', 'surrogatepass')
t(c.utf_16_encode, 'x', 'strict', 1)
t(c.utf_32_decode, b'\x00\x00\x11\x00', 'strict', True)
t(c.utf_32_decode, b'\x00\xd8\x00\x00', 'strict', True)
t(c.utf_32_decode, b'\x00\xd8\x00', 'strict', True)
t(c.utf_32_ex_decode, b'\x00\x00\xfe\xff\x00\x00\x00a', 'strict', 0, True)
t(c.utf_8_decode, b'\xff', 'strict', True)
t(c.utf_8_encode, '\udcff', 'surrogateescape')
t(c.charmap_encode, 'a\u1234b', 'strict', {97: 300})
t(c.charmap_encode, 'a\u1234b', 'strict', {97: 3})
t(c.charmap_encode, 'a\u1234b', 'replace', {97: 3, 63: 5})
t(c.charmap_encode, 'ab', 'strict', None)
t(c.charmap_decode, b'\x00\x05', 'strict', "ab")
t(c.charmap_decode, b'\x00\x05', 'strict', None)
t(c.charmap_decode, b'\x00\x01', 'strict', "a\ufffe")
t(c.escape_decode, b'\\x4')
t(c.escape_decode, b'ab\\')
t(c.unicode_escape_decode, b'\\x4', 'strict', True)
t(c.unicode_escape_decode, b'a\\x4', 'strict', False)
t(c.unicode_escape_decode, b'\\U00110000')
t(c.unicode_escape_decode, b'\\u12')
t(c.unicode_escape_encode, "a'\\\t\x7f\xe9\u1234\U00012345")
t(c.raw_unicode_escape_encode, "a'\\\t\x7f\xe9\u1234\U00012345")
t(c.raw_unicode_escape_decode, b'\\u00e9\\x\\\\u1234')
t(c.ascii_decode, b'a\x80b', 'replace')
t(c.latin_1_encode, 'a\u1234\u1235b', 'xmlcharrefreplace')
t(c.ascii_encode, 'a\u1234\u1235b', 'backslashreplace')
t(c.utf_8_decode, b'a\x80b', 'backslashreplace')
t(c.encode, 1, 'rot13')
t(c.lookup, 1)
t(c.encode, 'x', 'utf-8', 'bogus')
t(c.ascii_encode, 'x\xe9', 'bogus')
t(c.lookup_error, 'bogus')
t(c.register_error, 'x', 1)
t(c.register, 1)
t(c.readbuffer_encode, b'ab')
t(c.utf_8_decode, 'ab')
t(c.utf_8_encode, b'ab')
`,
}
