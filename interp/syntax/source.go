package syntax

// Source decoding: a UTF-8 byte order mark and PEP 263 coding cookies.
//
// CPython decodes source in two ways that differ for malformed input.
// compile() of bytes, which is how imports and ast.parse read a file,
// decodes only what a cookie asks for and leaves invalid UTF-8 to the
// tokenizer and the string decoder; DecodeSource does the same. Running a
// script (python3 script.py) reads the file line by line and rejects
// invalid UTF-8 up front with different messages; DecodeScript does that.

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// DecodeSource turns raw source bytes into the UTF-8 text the tokenizer
// reads, as compile(raw, filename, "exec") does: it translates "\r\n" and
// "\r" line ends to "\n" (so token offsets index the returned text),
// strips a UTF-8 BOM and decodes the source with the codec a coding cookie
// on line 1 or 2 names (line 2 only when line 1 is blank or a comment).
//
// Without a cookie, or with a utf-8 one, the bytes are not checked:
// invalid UTF-8 is reported where CPython reports it, by the tokenizer in
// a name and by the parser in a string literal, and accepted in comments.
//
// Errors are CPython's SyntaxErrors, without a line (Line 0): "source code
// string cannot contain null bytes" (Offset 0), and with Offset -1
// "unknown encoding: NAME", "encoding problem: NAME with BOM" for a BOM
// with another cookie than utf-8, or the codec's UnicodeDecodeError text.
// Codecs outside the supported set (see lookupCodec) count as unknown.
func DecodeSource(filename string, raw []byte) ([]byte, *Error) {
	if bytes.IndexByte(raw, 0) >= 0 {
		return nil, &Error{Type: SyntaxErrorType, Msg: "source code string cannot contain null bytes", Filename: filename}
	}
	src := raw
	if bytes.IndexByte(src, '\r') >= 0 {
		src = translateNewlines(src)
	}
	fail := func(msg string) ([]byte, *Error) {
		return nil, &Error{Type: SyntaxErrorType, Msg: msg, Filename: filename, Offset: -1}
	}
	bom := bytes.HasPrefix(src, utf8BOM)
	if bom {
		src = src[len(utf8BOM):]
	}
	cookie, _ := findCookie(src)
	switch {
	case bom && cookie != "" && cookie != "utf-8":
		return fail(fmt.Sprintf("encoding problem: %s with BOM", cookie))
	case cookie == "" || cookie == "utf-8":
		return src, nil
	}
	dec := lookupCodec(cookie)
	if dec == nil {
		return fail("unknown encoding: " + cookie)
	}
	out, msg := dec(src)
	if msg != "" {
		return fail(msg)
	}
	return out, nil
}

// DecodeScript decodes a script file as CPython does when it runs one
// (python3 script.py), which differs from DecodeSource for malformed
// input: invalid UTF-8 without a cookie is "Non-UTF-8 code starting with
// '\xNN' in file F on line N, but no encoding declared; ...", an unknown
// or failing codec is "encoding problem: NAME", and a NUL byte is "source
// code cannot contain null bytes" at its line (Offset 0, Text the line up
// to the NUL). Other errors carry no line. A runner may call it before
// Parse to report these errors as CPython does; the text it returns is
// what DecodeSource returns for valid input.
func DecodeScript(filename string, raw []byte) ([]byte, *Error) {
	src := raw
	bom := bytes.HasPrefix(src, utf8BOM)
	if bom {
		src = src[len(utf8BOM):]
	}
	cookie, cookieLine := findCookie(src)
	fail := func(msg string) ([]byte, *Error) {
		return nil, &Error{Type: SyntaxErrorType, Msg: msg, Filename: filename}
	}
	var text []byte
	switch {
	case bom && cookie != "" && cookie != "utf-8":
		return fail(fmt.Sprintf("encoding problem: %s with BOM", cookie))
	case bom || cookie == "utf-8":
		text = src
	case cookie != "":
		dec := lookupCodec(cookie)
		if dec == nil {
			return fail("encoding problem: " + cookie)
		}
		// The lines before the cookie are read raw and must be UTF-8.
		if line, b, ok := firstInvalidUTF8(src, cookieLine-1); !ok {
			return fail(nonUTF8Message(b, filename, line))
		}
		out, msg := dec(src)
		if msg != "" {
			return fail("encoding problem: " + cookie)
		}
		text = out
	default:
		if line, b, ok := firstInvalidUTF8(src, -1); !ok {
			return fail(nonUTF8Message(b, filename, line))
		}
		text = src
	}
	if bytes.IndexByte(text, '\r') >= 0 {
		text = translateNewlines(text)
	}
	if i := bytes.IndexByte(text, 0); i >= 0 {
		line := 1 + bytes.Count(text[:i], []byte{'\n'})
		start := bytes.LastIndexByte(text[:i], '\n') + 1
		return nil, &Error{Type: SyntaxErrorType, Msg: "source code cannot contain null bytes", Filename: filename,
			Line: line, EndLine: line, Text: string(text[start:i])}
	}
	return text, nil
}

// declaresEncoding reports whether raw source declares its encoding, with
// a UTF-8 BOM or a coding cookie. CPython converts the byte columns of the
// errors its parser raises to characters only for such sources (and for
// str sources).
func declaresEncoding(raw []byte) bool {
	if bytes.HasPrefix(raw, utf8BOM) {
		return true
	}
	cookie, _ := findCookie(raw)
	return cookie != ""
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

func nonUTF8Message(b byte, filename string, line int) string {
	return fmt.Sprintf("Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; see https://peps.python.org/pep-0263/ for details", b, filename, line)
}

// splitLine returns the first line of src, its line end included ("\n",
// "\r\n" or "\r"), and the rest.
func splitLine(src []byte) (line, rest []byte) {
	for i, c := range src {
		if c == '\n' {
			return src[:i+1], src[i+1:]
		}
		if c == '\r' {
			if i+1 < len(src) && src[i+1] == '\n' {
				return src[:i+2], src[i+2:]
			}
			return src[:i+1], src[i+1:]
		}
	}
	return src, nil
}

// findCookie returns the normalized encoding named by a coding cookie on
// line 1 or 2 of src and the line it is on, or "" and 0. As in CPython,
// line 2 is only looked at when line 1 is blank or a comment.
func findCookie(src []byte) (string, int) {
	rest := src
	for n := 1; n <= 2 && len(rest) > 0; n++ {
		var line []byte
		line, rest = splitLine(rest)
		if name := codingSpec(line); name != "" {
			return name, n
		}
		if !blankOrComment(line) {
			break
		}
	}
	return "", 0
}

// blankOrComment reports whether line holds only whitespace and perhaps a
// comment.
func blankOrComment(line []byte) bool {
	for _, c := range line {
		switch c {
		case '#', '\n', '\r':
			return true
		case ' ', '\t', '\f':
		default:
			return false
		}
	}
	return true
}

// codingSpec extracts the encoding name from a coding cookie in line (a
// comment alone on its line containing "coding:" or "coding=" followed by
// the name), normalized as CPython's get_normal_name does.
func codingSpec(line []byte) string {
	size := len(line)
	i := 0
	for ; i < size-6; i++ {
		c := line[i]
		if c == '#' {
			break
		}
		if c != ' ' && c != '\t' && c != '\f' {
			return ""
		}
	}
	for ; i < size-6; i++ {
		if string(line[i:i+6]) != "coding" {
			continue
		}
		t := i + 6
		if t >= size || line[t] != ':' && line[t] != '=' {
			continue
		}
		t++
		for t < size && (line[t] == ' ' || line[t] == '\t') {
			t++
		}
		begin := t
		for t < size && (isAlnum(line[t]) || line[t] == '-' || line[t] == '_' || line[t] == '.') {
			t++
		}
		if begin < t {
			return normalEncodingName(string(line[begin:t]))
		}
	}
	return ""
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// normalEncodingName maps spellings of utf-8 and latin-1 to "utf-8" and
// "iso-8859-1" looking at the first 12 characters, and leaves other names
// as written (CPython's get_normal_name).
func normalEncodingName(s string) string {
	n := len(s)
	if n > 12 {
		n = 12
	}
	b := []byte(strings.ToLower(s[:n]))
	for i, c := range b {
		if c == '_' {
			b[i] = '-'
		}
	}
	buf := string(b)
	switch {
	case buf == "utf-8" || strings.HasPrefix(buf, "utf-8-"):
		return "utf-8"
	case buf == "latin-1" || buf == "iso-8859-1" || buf == "iso-latin-1" ||
		strings.HasPrefix(buf, "latin-1-") || strings.HasPrefix(buf, "iso-8859-1-") || strings.HasPrefix(buf, "iso-latin-1-"):
		return "iso-8859-1"
	}
	return s
}

// firstInvalidUTF8 finds the first line (of the first maxLines lines, or
// all when maxLines < 0) that is not valid UTF-8, and its first bad byte.
func firstInvalidUTF8(src []byte, maxLines int) (line int, bad byte, ok bool) {
	if utf8.Valid(src) {
		return 0, 0, true
	}
	rest := src
	for n := 1; len(rest) > 0 && (maxLines < 0 || n <= maxLines); n++ {
		var l []byte
		l, rest = splitLine(rest)
		for i := 0; i < len(l); {
			r, size := utf8.DecodeRune(l[i:])
			if r == utf8.RuneError && size == 1 {
				return n, l[i], false
			}
			i += size
		}
	}
	return 0, 0, true
}

// A codec decodes a whole source; on failure it returns the text of the
// UnicodeDecodeError CPython's codec raises.
type codec func([]byte) ([]byte, string)

// normalizeCodecName normalizes a codec name as codecs.lookup does:
// lower case, runs of characters other than letters, digits and '.'
// become one '_'.
func normalizeCodecName(name string) string {
	var b strings.Builder
	punct := false
	for _, c := range []byte(strings.ToLower(name)) {
		if isAlnum(c) || c == '.' {
			if punct && b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteByte(c)
			punct = false
		} else {
			punct = true
		}
	}
	return b.String()
}

// lookupCodec returns the decoder for a Python codec name, or nil when it
// is unknown or not supported here.
func lookupCodec(name string) codec {
	n := normalizeCodecName(name)
	if a, ok := codecAliases[n]; ok {
		n = a
	} else if a, ok := codecAliases[strings.ReplaceAll(n, ".", "_")]; ok {
		n = a
	}
	switch n {
	case "utf_8":
		return decodeUTF8
	case "utf_8_sig":
		return func(b []byte) ([]byte, string) { return decodeUTF8(bytes.TrimPrefix(b, utf8BOM)) }
	case "latin_1":
		return decodeLatin1
	case "ascii":
		return decodeASCII
	}
	if cm, ok := charmaps[n]; ok {
		return charmapCodec(cm, n)
	}
	if enc, ok := multiByteCodecs[n]; ok {
		return multiByteCodec(enc, n)
	}
	return nil
}

func decodeUTF8(b []byte) ([]byte, string) { return b, utf8Error(string(b), 0) }

func decodeLatin1(b []byte) ([]byte, string) {
	out := make([]byte, 0, len(b)+len(b)/8)
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return out, ""
}

func decodeASCII(b []byte) ([]byte, string) {
	for i, c := range b {
		if c >= utf8.RuneSelf {
			return nil, fmt.Sprintf("'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", c, i)
		}
	}
	return b, ""
}

// charmapCodec decodes a single-byte code page; bytes the code page leaves
// undefined are errors, as in Python.
func charmapCodec(cm *charmap.Charmap, name string) codec {
	fix := charmapFixes[name]
	c1 := strings.HasPrefix(name, "iso8859_")
	return func(b []byte) ([]byte, string) {
		out := make([]byte, 0, len(b)+len(b)/4)
		for i, c := range b {
			r := cm.DecodeByte(c)
			if f, ok := fix[c]; ok {
				r = f
			} else if c1 && c >= 0x80 && c <= 0x9F {
				r = rune(c) // Python maps the C1 controls through
			}
			if r == utf8.RuneError {
				return nil, fmt.Sprintf("'charmap' codec can't decode byte 0x%02x in position %d: character maps to <undefined>", c, i)
			}
			out = utf8.AppendRune(out, r)
		}
		return out, ""
	}
}

// charmapFixes records where Python's code pages differ from x/text's:
// RuneError marks a byte Python leaves undefined.
var charmapFixes = map[string]map[byte]rune{
	"cp1255": {0xCA: utf8.RuneError},
	"koi8_u": {0xAE: 0x255D, 0xBE: 0x256C}, // Python follows RFC 2319
}

// multiByteCodec decodes with an x/text encoding. A malformed sequence is
// reported at the start of the first line that does not decode (CPython
// gives the exact byte; x/text does not).
func multiByteCodec(enc encoding.Encoding, name string) codec {
	bad := func(b []byte) bool {
		out, err := enc.NewDecoder().Bytes(b)
		return err != nil || bytes.ContainsRune(out, utf8.RuneError) && !bytes.ContainsRune(b, utf8.RuneError)
	}
	return func(b []byte) ([]byte, string) {
		if !bad(b) {
			out, _ := enc.NewDecoder().Bytes(b)
			return out, ""
		}
		pos := 0
		for rest := b; len(rest) > 0; {
			var line []byte
			line, rest = splitLine(rest)
			if bad(line) {
				break
			}
			pos += len(line)
		}
		c := byte(0)
		if pos < len(b) {
			c = b[pos]
		}
		return nil, fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: illegal multibyte sequence", name, c, pos)
	}
}

// charmaps are the single-byte codecs supported in coding cookies, by
// Python codec name. A test checks every byte of each against CPython.
var charmaps = map[string]*charmap.Charmap{
	"cp437": charmap.CodePage437, "cp850": charmap.CodePage850, "cp852": charmap.CodePage852,
	"cp855": charmap.CodePage855, "cp858": charmap.CodePage858, "cp860": charmap.CodePage860,
	"cp862": charmap.CodePage862, "cp863": charmap.CodePage863, "cp865": charmap.CodePage865,
	"cp866":  charmap.CodePage866,
	"cp1250": charmap.Windows1250, "cp1251": charmap.Windows1251, "cp1252": charmap.Windows1252,
	"cp1253": charmap.Windows1253, "cp1254": charmap.Windows1254, "cp1255": charmap.Windows1255,
	"cp1256": charmap.Windows1256, "cp1257": charmap.Windows1257, "cp1258": charmap.Windows1258,
	"iso8859_2": charmap.ISO8859_2, "iso8859_3": charmap.ISO8859_3, "iso8859_4": charmap.ISO8859_4,
	"iso8859_5": charmap.ISO8859_5, "iso8859_6": charmap.ISO8859_6, "iso8859_7": charmap.ISO8859_7,
	"iso8859_8": charmap.ISO8859_8, "iso8859_9": charmap.ISO8859_9, "iso8859_10": charmap.ISO8859_10,
	"iso8859_13": charmap.ISO8859_13, "iso8859_14": charmap.ISO8859_14, "iso8859_15": charmap.ISO8859_15,
	"iso8859_16": charmap.ISO8859_16,
	"koi8_r":     charmap.KOI8R, "koi8_u": charmap.KOI8U,
	"mac_roman": charmap.Macintosh, "mac_cyrillic": charmap.MacintoshCyrillic,
}

// multiByteCodecs are the East Asian codecs supported in coding cookies.
var multiByteCodecs = map[string]encoding.Encoding{
	"shift_jis": japanese.ShiftJIS, "euc_jp": japanese.EUCJP, "iso2022_jp": japanese.ISO2022JP,
	"euc_kr": korean.EUCKR, "gbk": simplifiedchinese.GBK, "gb2312": simplifiedchinese.GBK,
	"gb18030": simplifiedchinese.GB18030, "big5": traditionalchinese.Big5,
}

// codecAliases maps normalized Python codec aliases (encodings.aliases) to
// codec names, for the codecs supported here.
var codecAliases = map[string]string{
	"u8": "utf_8", "utf": "utf_8", "utf8": "utf_8", "utf8_ucs2": "utf_8", "utf8_ucs4": "utf_8", "cp65001": "utf_8",
	"utf_8": "utf_8", "utf_8_sig": "utf_8_sig",
	"8859": "latin_1", "cp819": "latin_1", "csisolatin1": "latin_1", "ibm819": "latin_1", "iso8859": "latin_1",
	"iso8859_1": "latin_1", "iso_8859_1": "latin_1", "iso_8859_1_1987": "latin_1", "iso_ir_100": "latin_1",
	"l1": "latin_1", "latin": "latin_1", "latin1": "latin_1", "latin_1": "latin_1",
	"646": "ascii", "ansi_x3.4_1968": "ascii", "ansi_x3_4_1968": "ascii", "ansi_x3.4_1986": "ascii",
	"cp367": "ascii", "csascii": "ascii", "ibm367": "ascii", "iso646_us": "ascii", "iso_646.irv_1991": "ascii",
	"iso_ir_6": "ascii", "us": "ascii", "us_ascii": "ascii", "ascii": "ascii",
	"437": "cp437", "ibm437": "cp437", "850": "cp850", "ibm850": "cp850", "852": "cp852", "ibm852": "cp852",
	"855": "cp855", "ibm855": "cp855", "858": "cp858", "ibm858": "cp858", "860": "cp860", "ibm860": "cp860",
	"862": "cp862", "ibm862": "cp862", "863": "cp863", "ibm863": "cp863", "865": "cp865", "ibm865": "cp865",
	"866": "cp866", "ibm866": "cp866",
	"1250": "cp1250", "windows_1250": "cp1250", "1251": "cp1251", "windows_1251": "cp1251",
	"1252": "cp1252", "windows_1252": "cp1252", "1253": "cp1253", "windows_1253": "cp1253",
	"1254": "cp1254", "windows_1254": "cp1254", "1255": "cp1255", "windows_1255": "cp1255",
	"1256": "cp1256", "windows_1256": "cp1256", "1257": "cp1257", "windows_1257": "cp1257",
	"1258": "cp1258", "windows_1258": "cp1258",
	"csisolatin2": "iso8859_2", "iso_8859_2": "iso8859_2", "iso_8859_2_1987": "iso8859_2", "iso_ir_101": "iso8859_2", "l2": "iso8859_2", "latin2": "iso8859_2",
	"csisolatin3": "iso8859_3", "iso_8859_3": "iso8859_3", "iso_8859_3_1988": "iso8859_3", "iso_ir_109": "iso8859_3", "l3": "iso8859_3", "latin3": "iso8859_3",
	"csisolatin4": "iso8859_4", "iso_8859_4": "iso8859_4", "iso_8859_4_1988": "iso8859_4", "iso_ir_110": "iso8859_4", "l4": "iso8859_4", "latin4": "iso8859_4",
	"csisolatincyrillic": "iso8859_5", "cyrillic": "iso8859_5", "iso_8859_5": "iso8859_5", "iso_8859_5_1988": "iso8859_5", "iso_ir_144": "iso8859_5",
	"arabic": "iso8859_6", "asmo_708": "iso8859_6", "csisolatinarabic": "iso8859_6", "ecma_114": "iso8859_6", "iso_8859_6": "iso8859_6", "iso_8859_6_1987": "iso8859_6", "iso_ir_127": "iso8859_6",
	"csisolatingreek": "iso8859_7", "ecma_118": "iso8859_7", "elot_928": "iso8859_7", "greek": "iso8859_7", "greek8": "iso8859_7", "iso_8859_7": "iso8859_7", "iso_8859_7_1987": "iso8859_7", "iso_ir_126": "iso8859_7",
	"csisolatinhebrew": "iso8859_8", "hebrew": "iso8859_8", "iso_8859_8": "iso8859_8", "iso_8859_8_1988": "iso8859_8", "iso_ir_138": "iso8859_8",
	"csisolatin5": "iso8859_9", "iso_8859_9": "iso8859_9", "iso_8859_9_1989": "iso8859_9", "iso_ir_148": "iso8859_9", "l5": "iso8859_9", "latin5": "iso8859_9",
	"csisolatin6": "iso8859_10", "iso_8859_10": "iso8859_10", "iso_8859_10_1992": "iso8859_10", "iso_ir_157": "iso8859_10", "l6": "iso8859_10", "latin6": "iso8859_10",
	"iso_8859_13": "iso8859_13", "l7": "iso8859_13", "latin7": "iso8859_13",
	"iso_8859_14": "iso8859_14", "iso_8859_14_1998": "iso8859_14", "iso_celtic": "iso8859_14", "iso_ir_199": "iso8859_14", "l8": "iso8859_14", "latin8": "iso8859_14",
	"iso_8859_15": "iso8859_15", "l9": "iso8859_15", "latin9": "iso8859_15",
	"iso_8859_16": "iso8859_16", "iso_8859_16_2001": "iso8859_16", "iso_ir_226": "iso8859_16", "l10": "iso8859_16", "latin10": "iso8859_16",
	"cskoi8r":  "koi8_r",
	"macroman": "mac_roman", "macintosh": "mac_roman", "maccyrillic": "mac_cyrillic",
	"csshiftjis": "shift_jis", "shiftjis": "shift_jis", "sjis": "shift_jis", "s_jis": "shift_jis",
	"eucjp": "euc_jp", "ujis": "euc_jp", "u_jis": "euc_jp",
	"csiso2022jp": "iso2022_jp", "iso2022jp": "iso2022_jp", "iso_2022_jp": "iso2022_jp",
	"euckr": "euc_kr", "korean": "euc_kr", "ksc5601": "euc_kr", "ks_c_5601": "euc_kr", "ks_c_5601_1987": "euc_kr", "ksx1001": "euc_kr", "ks_x_1001": "euc_kr",
	"936": "gbk", "cp936": "gbk", "ms936": "gbk",
	"gb18030_2000": "gb18030", "chinese": "gb2312", "euc_cn": "gb2312", "euccn": "gb2312", "eucgb2312_cn": "gb2312", "gb2312_1980": "gb2312", "gb2312_80": "gb2312", "iso_ir_58": "gb2312",
	"big5_tw": "big5", "csbig5": "big5",
}
