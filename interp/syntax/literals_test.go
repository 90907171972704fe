package syntax

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecodeStringToken(t *testing.T) {
	tests := []struct {
		text         string
		value        string
		isBytes, isU bool
		errMsg       string
	}{
		{`'abc'`, "abc", false, false, ""},
		{`"a\nb\tc\\d\'e\"f"`, "a\nb\tc\\d'e\"f", false, false, ""},
		{`'''a'b"c'''`, `a'b"c`, false, false, ""},
		{`""""""`, "", false, false, ""},
		{`''`, "", false, false, ""},
		{`u'x'`, "x", false, true, ""},
		{`U"x"`, "x", false, true, ""},
		{`r'\n\x'`, `\n\x`, false, false, ""},
		{`R"\\"`, `\\`, false, false, ""},
		{`b'\x41\101\n'`, "AA\n", true, false, ""},
		{`rb'\x41'`, `\x41`, true, false, ""},
		{`BR'\x41'`, `\x41`, true, false, ""},
		{`b'\777'`, "\xff", true, false, ""},
		{`b'\u1234\N{X}'`, `\u1234\N{X}`, true, false, ""},
		{`'\d\{'`, `\d\{`, false, false, ""},
		{"'a\\\nb'", "ab", false, false, ""},
		{`'\x41\u00e9\U0001F600\N{BULLET}\N{bullet}\101\0\777'`, "Aé😀••A\x00ǿ", false, false, ""},
		{`'\ud800'`, "\xed\xa0\x80", false, false, ""},
		{`'\ud83d\ude00'`, "\xed\xa0\xbd\xed\xb8\x80", false, false, ""},
		{`'\N{LATIN SMALL LETTER A}\N{LF}\N{NBSP}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GAG}'`, "a\n\u00a0\u4e00\uac01", false, false, ""},
		{`'é\xe9'`, "éé", false, false, ""},
		{`b'é'`, "", true, false, "bytes can only contain ASCII literal characters"},
		{`'\x1'`, "", false, false, `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape`},
		{`'é\x1'`, "", false, false, `(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \xXX escape`},
		{`'\é\x1'`, "", false, false, `(unicode error) 'unicodeescape' codec can't decode bytes in position 16-18: truncated \xXX escape`},
		{`'\\é\x1'`, "", false, false, `(unicode error) 'unicodeescape' codec can't decode bytes in position 12-14: truncated \xXX escape`},
		{`'\u12'`, "", false, false, `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \uXXXX escape`},
		{`'\U1234567'`, "", false, false, `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-8: truncated \UXXXXXXXX escape`},
		{`'\U00110000'`, "", false, false, `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character`},
		{`'\N{BULLET'`, "", false, false, `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-8: malformed \N character escape`},
		{`'a\N{}'`, "", false, false, `(unicode error) 'unicodeescape' codec can't decode bytes in position 1-3: malformed \N character escape`},
		{`'\Nx'`, "", false, false, `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \N character escape`},
		{`'\N{NOPE}'`, "", false, false, `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-7: unknown Unicode character name`},
		{`b'ab\x1g'`, "", true, false, `(value error) invalid \x escape at position 2`},
		{"'\xe9'", "", false, false, `(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data`},
		{"'\\n\xc3\xa9\xff'", "", false, false, `(unicode error) 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte`},
	}
	for _, tt := range tests {
		v, isBytes, isU, msg := decodeStringToken(tt.text)
		if v != tt.value || isBytes != tt.isBytes || isU != tt.isU || msg != tt.errMsg {
			t.Errorf("%s:\n got %q %v %v %q\nwant %q %v %v %q", tt.text, v, isBytes, isU, msg, tt.value, tt.isBytes, tt.isU, tt.errMsg)
		}
	}
}

func TestDecodeFStringMiddle(t *testing.T) {
	tests := []struct {
		text  string
		raw   bool
		value string
		err   string
	}{
		{"abc", false, "abc", ""},
		{"a{{", false, "a{", ""},
		{"b}}", false, "b}", ""},
		{"{{", false, "{", ""},
		{`\n{{`, false, "\n{", ""},
		{`\n{{`, true, `\n{`, ""},
		{`\{{`, false, `\{`, ""},
		{`\N{BULLET}`, false, "•", ""},
		{`\N`, true, `\N`, ""},
		{`\N{x}`, false, "", `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-4: unknown Unicode character name`},
	}
	for _, tt := range tests {
		v, err := decodeFStringMiddle(tt.text, tt.raw)
		if v != tt.value || err != tt.err {
			t.Errorf("%q raw=%v: got %q %q, want %q %q", tt.text, tt.raw, v, err, tt.value, tt.err)
		}
	}
}

// TestStringLiteralsOracle decodes string literals and compares with the
// values and errors of CPython's compile().
func TestStringLiteralsOracle(t *testing.T) {
	lits := []string{
		`'abc'`, `"\a\b\f\n\r\t\v\\\'\"\0\7\77\777\8\9"`, `'\x00\xff\xFF\u0000\uffff\U0010ffff\U00000041'`,
		`'\N{EM DASH}\N{em dash}\N{LATIN SMALL LETTER SHARP S}\N{KELVIN SIGN}'`,
		`'\N{HANGUL SYLLABLE GAGG}\N{HANGUL SYLLABLE YI}\N{HANGUL SYLLABLE SSWEOLH}'`,
		`'\N{CJK UNIFIED IDEOGRAPH-20000}\N{CJK UNIFIED IDEOGRAPH-3400}\N{CJK COMPATIBILITY IDEOGRAPH-F900}'`,
		`'\N{NULL}\N{ESCAPE}\N{BYTE ORDER MARK}\N{ZWJ}\N{VS1}\N{LATIN CAPITAL LETTER GHA}'`,
		`'\N{TANGUT IDEOGRAPH-17000}'`, `'\N{hangul syllable ga}'`, `'\N{cjk unified ideograph-4e00}'`,
		`'\N{CJK UNIFIED IDEOGRAPH-4E00 }'`, `'\N{ LATIN SMALL LETTER A}'`, `'\N{LATIN SMALL LETTER A\x41}'`,
		`'\N{é}'`, `'é\N{é}'`, `'\N{'`, `'\N'`, `'\N{}x'`, `'\uD800\udfff'`, `'\U0000d800'`, `'\U00110000'`,
		`'\x'`, `'\xg0'`, `'\x0'`, `'\u'`, `'\u123'`, `'\u123g'`, `'\U'`, `'\U0000001'`, `'\Uffffffff'`,
		`'ü\xü'`, `'\ü'`, `'\\ü\x'`, `'äöü\N{foo}'`, `'a\
b'`, `'''a
b\
c'''`, `b'\x'`, `b'\x4'`, `b'\x4g'`, `b'\u1234'`, `b'\N{X}'`, `b'a\777\400'`,
		`rb'\x'`, `r'\x'`, `r'\N{'`, `u'\N{BULLET}'`, `'\d\w\s\{\}\[\]'`, `b'\d'`,
		"'\xf0\x9f\x98'", "'\\x41\xf0\x9f\x98a'", "'\xed\xa0\x80'", "r'\xe9'", "'\xc0\x80'", "'a\xf4\x90\x80\x80'",
	}
	var srcs []string
	for _, l := range lits {
		srcs = append(srcs, l)
	}
	in, _ := json.Marshal(srcs)
	cmd := pythonCommand(t, "-c", `
import json, sys, warnings
warnings.simplefilter("ignore")
out = []
for lit in json.loads(sys.stdin.buffer.read().decode("utf-8", "surrogateescape")):
    src = lit.encode("utf-8", "surrogateescape")
    try:
        v = eval(compile(b"# coding: utf-8\n" + src, "<lit>", "eval"))
        if isinstance(v, bytes):
            out.append(["b", list(v)])
        else:
            out.append(["s", [ord(c) for c in v]])
    except SyntaxError as e:
        out.append(["e", e.msg])
json.dump(out, sys.stdout)
`)
	// Pass invalid UTF-8 through surrogateescape: JSON-encode as raw
	// bytes, which Go's encoder would otherwise replace.
	in = rawJSONStrings(srcs)
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var res [][]json.RawMessage
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	for i, lit := range lits {
		var kind string
		json.Unmarshal(res[i][0], &kind)
		v, isBytes, _, msg := decodeStringToken(lit)
		switch kind {
		case "e":
			var want string
			json.Unmarshal(res[i][1], &want)
			if msg != want {
				t.Errorf("%s: error %q, CPython %q", lit, msg, want)
			}
		case "b", "s":
			var want []int
			json.Unmarshal(res[i][1], &want)
			var got []int
			if isBytes {
				for _, c := range []byte(v) {
					got = append(got, int(c))
				}
			} else {
				got = wtf8CodePoints(v)
			}
			if msg != "" || fmt.Sprint(got) != fmt.Sprint(want) || isBytes != (kind == "b") {
				t.Errorf("%s: got %v %q, CPython %v", lit, got, msg, want)
			}
		}
	}
}

// rawJSONStrings encodes strs as a JSON array, writing their bytes
// unchanged (invalid UTF-8 included).
func rawJSONStrings(strs []string) []byte {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, s := range strs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		for j := 0; j < len(s); j++ {
			c := s[j]
			switch {
			case c == '"' || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c < 0x20:
				fmt.Fprintf(&b, "\\u%04x", c)
			default:
				b.WriteByte(c)
			}
		}
		b.WriteByte('"')
	}
	b.WriteByte(']')
	return b.Bytes()
}

// wtf8CodePoints decodes s, reading three-byte surrogate encodings as the
// surrogate code points.
func wtf8CodePoints(s string) []int {
	var cps []int
	for i := 0; i < len(s); {
		if i+2 < len(s) && s[i] == 0xED && s[i+1] >= 0xA0 && s[i+1] <= 0xBF {
			cps = append(cps, int(s[i]&0x0F)<<12|int(s[i+1]&0x3F)<<6|int(s[i+2]&0x3F))
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		cps = append(cps, int(r))
		i += size
	}
	return cps
}

// TestUnicodeNamesOracle checks that every character name, alias and
// algorithmic name CPython knows resolves to the same character.
func TestUnicodeNamesOracle(t *testing.T) {
	cmd := pythonCommand(t, "-c", `
import sys, unicodedata
out = []
for c in range(0x110000):
    n = unicodedata.name(chr(c), None)
    if n:
        out.append("%s;%X" % (n, c))
sys.stdout.write("\n".join(out))
`)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	lines := strings.Split(string(out), "\n")
	if len(lines) < 100000 {
		t.Fatalf("only %d names", len(lines))
	}
	for _, l := range append(lines, strings.Split(nameAliases, "\n")...) {
		name, hex, ok := strings.Cut(l, ";")
		if !ok {
			continue
		}
		want, _ := strconv.ParseInt(hex, 16, 32)
		if r, ok := lookupUnicodeName(name); !ok || int64(r) != want {
			t.Errorf("%s: got %X %v, want %s", name, r, ok, hex)
		}
		// Names match in any case, except the algorithmic ones.
		algorithmic := strings.HasPrefix(name, "CJK UNIFIED IDEOGRAPH-") || strings.HasPrefix(name, "HANGUL SYLLABLE ")
		r, ok := lookupUnicodeName(strings.ToLower(name))
		if algorithmic && ok {
			t.Errorf("%s in lower case resolved", name)
		} else if !algorithmic && (!ok || int64(r) != want) {
			t.Errorf("%s in lower case: got %X %v, want %s", name, r, ok, hex)
		}
	}
}

func TestParseNumber(t *testing.T) {
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	tests := []struct {
		text string
		want any
	}{
		{"0", int64(0)}, {"00", int64(0)}, {"0_0", int64(0)}, {"42", int64(42)}, {"1_000_000", int64(1000000)},
		{"0x_ff", int64(255)}, {"0XFF", int64(255)}, {"0o17", int64(15)}, {"0b1010", int64(10)},
		{"9223372036854775807", int64(math.MaxInt64)},
		{"9223372036854775808", new(big.Int).Lsh(big.NewInt(1), 63)},
		{"123456789012345678901234567890", huge},
		{"0xffffffffffffffffff", new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 72), big.NewInt(1))},
		{"1.5", 1.5}, {"1.", 1.0}, {".5", 0.5}, {"1e3", 1000.0}, {"1E-3", 0.001}, {"1_0.0_1e+0_1", 100.1},
		{"1e400", math.Inf(1)}, {"1e-400", 0.0}, {"0.1", 0.1}, {"00.5", 0.5}, {"0e0", 0.0}, {"09.5", 9.5},
		{"1j", complex(0, 1)}, {"1.5J", complex(0, 1.5)}, {"0j", complex(0, 0)}, {"1e400j", complex(0, math.Inf(1))}, {"09j", complex(0, 9)},
	}
	for _, tt := range tests {
		got, err := parseNumber(tt.text)
		if err != nil {
			t.Errorf("%s: %v", tt.text, err)
			continue
		}
		if fmt.Sprintf("%T %v", got, got) != fmt.Sprintf("%T %v", tt.want, tt.want) {
			t.Errorf("%s: got %T %v, want %T %v", tt.text, got, got, tt.want, tt.want)
		}
	}
}

// TestParseFloatOracle compares float literals, rounding included, with
// CPython.
func TestParseFloatOracle(t *testing.T) {
	lits := []string{"0.1", "1.7976931348623157e308", "1.7976931348623159e308", "2.2250738585072014e-308",
		"4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "9007199254740993.0",
		"1_2.3_4e-5_6", "123456789012345678901234567890.123456789e-10", "0.30000000000000004", "5e-324", "1e23",
		"8.41e21", "3.14159265358979323846264338327950288419716939937510"}
	cmd := pythonCommand(t, "-c", `
import sys
for l in sys.stdin.read().split():
    print(float(l.replace("_", "")).hex())
`)
	cmd.Stdin = strings.NewReader(strings.Join(lits, "\n"))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	for i, h := range strings.Fields(string(out)) {
		want, err := strconv.ParseFloat(h, 64)
		if err != nil && !strings.Contains(h, "inf") {
			t.Fatal(err)
		}
		if strings.Contains(h, "inf") {
			want = math.Inf(1)
		}
		got, err := parseNumber(lits[i])
		if err != nil || got.(float64) != want {
			t.Errorf("%s: got %v %v, want %v", lits[i], got, err, want)
		}
	}
}

func TestNormalizeIdentifier(t *testing.T) {
	tests := []struct{ in, want string }{
		{"abc", "abc"}, {"ﬁ", "fi"}, {"ℌ", "H"}, {"µ", "μ"}, {"Å", "Å"}, {"ｘ", "x"},
	}
	for _, tt := range tests {
		if got := normalizeIdentifier(tt.in); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestUTF8ErrorOracle compares utf8Error with the messages of CPython's
// UTF-8 decoder.
func TestUTF8ErrorOracle(t *testing.T) {
	cases := []string{"\xe0\x80", "\xe9", "\xe9a", "\xc3\xa9\xff", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf0\x9f\x98",
		"\xf0\x9f\x98a", "\x80", "\xc0\x80", "\xf8", "\xe0", "\xed\x80", "\xf4\x8f\xbf", "ab\xf0\x90\x80", "\xc2", "\xc2\xc2"}
	cmd := pythonCommand(t, "-c", `
import json, sys
for s in json.loads(sys.stdin.buffer.read().decode("utf-8", "surrogateescape")):
    try:
        s.encode("utf-8", "surrogateescape").decode("utf-8")
        print("")
    except UnicodeDecodeError as e:
        print(e)
`)
	cmd.Stdin = bytes.NewReader(rawJSONStrings(cases))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	for i, want := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		if got := utf8Error(cases[i], 0); got != want {
			t.Errorf("%q: got %q, CPython %q", cases[i], got, want)
		}
	}
}
