package syntax

// Literal decoding: string and bytes literals, the literal parts of
// f-strings, numbers and identifiers, as CPython 3.12's parser decodes
// them (Parser/string_parser.c, Objects/unicodeobject.c's unicode-escape
// codec, Objects/bytesobject.c).
//
// Lone surrogates. A Python str may hold surrogate code points ("\ud800").
// Go strings hold them WTF-8-style: the three-byte generalized UTF-8
// encoding of the code point (ED A0 80 for U+D800), which utf8.DecodeRune
// reports as invalid. A pair of surrogate escapes stays two code points,
// as in CPython.
//
// Invalid escape sequences ("\d", "\{") and octal escapes above \377 are
// only warnings in 3.12 (see invalidEscape in warnings.go); the text is
// kept as CPython keeps it.

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"
)

// decodeStringToken decodes one STRING token's text (prefix, quotes and
// all): value is the decoded str, or for a bytes literal the bytes as a Go
// string; isU reports a u/U prefix (ast kind 'u'). errMsg is CPython's
// SyntaxError message when the literal cannot be decoded; the parser
// reports it at the token.
func decodeStringToken(text string) (value string, isBytes, isU bool, errMsg string) {
	raw := false
	i := 0
	for i < len(text) && text[i] != '\'' && text[i] != '"' {
		switch text[i] {
		case 'b', 'B':
			isBytes = true
		case 'r', 'R':
			raw = true
		case 'u', 'U':
			isU = true
		}
		i++
	}
	if i >= len(text) {
		return "", isBytes, isU, "invalid string literal"
	}
	q := text[i]
	var body string
	if len(text)-i >= 6 && text[i+1] == q && text[i+2] == q {
		body = text[i+3 : len(text)-3]
	} else if len(text)-i >= 2 {
		body = text[i+1 : len(text)-1]
	}
	if isBytes {
		for j := 0; j < len(body); j++ {
			if body[j] >= utf8.RuneSelf {
				return "", true, isU, "bytes can only contain ASCII literal characters"
			}
		}
		if raw || strings.IndexByte(body, '\\') < 0 {
			return body, true, isU, ""
		}
		v, msg := decodeBytesEscapes(body)
		return v, true, isU, msg
	}
	v, msg := decodeStr(body, raw)
	return v, false, isU, msg
}

// decodeFStringMiddle decodes the text of an FSTRING_MIDDLE token; raw
// tells whether the f-string has an r prefix. A middle that the tokenizer
// ended at a doubled brace ends with both braces: the pair stands for one.
func decodeFStringMiddle(text string, raw bool) (string, string) {
	return decodeStr(fstringMiddleText(text), raw)
}

// fstringMiddleText returns the text of an FSTRING_MIDDLE token with a
// final doubled brace collapsed.
func fstringMiddleText(text string) string {
	if n := len(text); n >= 2 && (text[n-2:] == "{{" || text[n-2:] == "}}") {
		return text[:n-1]
	}
	return text
}

// decodeStr decodes the body of a str literal.
func decodeStr(body string, raw bool) (string, string) {
	if raw || strings.IndexByte(body, '\\') < 0 {
		// CPython decodes the whole body as UTF-8.
		if msg := utf8Error(body, 0); msg != "" {
			return "", "(unicode error) " + msg
		}
		return body, ""
	}
	return decodeUnicodeEscapes(body)
}

// utf8Error returns Python's UnicodeDecodeError text for the first
// invalid UTF-8 sequence in s, with positions counted from base, or "".
func utf8Error(s string, base int) string {
	if utf8.ValidString(s) {
		return ""
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || size > 1 {
			i += size
			continue
		}
		c := s[i]
		n := invalidPrefixLen(s[i:])
		switch {
		case n == 1 && (c < 0xC2 || c > 0xF4):
			return fmt.Sprintf("'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", c, base+i)
		case i+n == len(s):
			return decodeErrorText("utf-8", c, base+i, base+i+n, "unexpected end of data")
		default:
			return decodeErrorText("utf-8", c, base+i, base+i+n, "invalid continuation byte")
		}
	}
	return ""
}

// decodeErrorText formats a UnicodeDecodeError's str() for the bytes from
// start to end (exclusive); first is the byte at start.
func decodeErrorText(codec string, first byte, start, end int, reason string) string {
	if end-start == 1 {
		return fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", codec, first, start, reason)
	}
	return fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s", codec, start, end-1, reason)
}

// decodeUnicodeEscapes decodes a str body containing backslashes.
//
// CPython first rewrites the body into pure ASCII, each non-ASCII
// character becoming "\UXXXXXXXX" (and a backslash before one "\u005c"),
// then runs the unicode-escape codec on the result; error positions count
// in that rewritten text, which pos tracks.
func decodeUnicodeEscapes(s string) (string, string) {
	var sb strings.Builder
	sb.Grow(len(s))
	pos := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			j := i
			for j < len(s) && s[j] >= utf8.RuneSelf {
				j++
			}
			run := s[i:j]
			if msg := utf8Error(run, 0); msg != "" {
				return "", "(unicode error) " + msg
			}
			sb.WriteString(run)
			pos += 10 * utf8.RuneCountInString(run)
			i = j
			continue
		}
		if c != '\\' {
			sb.WriteByte(c)
			i++
			pos++
			continue
		}
		start := pos
		if i+1 >= len(s) {
			// Only the literal part of an f-string can end in a lone
			// backslash ("\\" before "{x}"): CPython escapes it.
			sb.WriteByte('\\')
			break
		}
		e := s[i+1]
		if e >= utf8.RuneSelf {
			// A backslash before a non-ASCII character stays a backslash.
			sb.WriteByte('\\')
			i++
			pos += 6
			continue
		}
		i += 2
		pos += 2
		switch e {
		case '\n':
		case '\\', '\'', '"':
			sb.WriteByte(e)
		case 'a':
			sb.WriteByte(7)
		case 'b':
			sb.WriteByte(8)
		case 'f':
			sb.WriteByte(12)
		case 't':
			sb.WriteByte(9)
		case 'n':
			sb.WriteByte(10)
		case 'r':
			sb.WriteByte(13)
		case 'v':
			sb.WriteByte(11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := rune(e - '0')
			for k := 0; k < 2 && i < len(s) && s[i] >= '0' && s[i] <= '7'; k++ {
				v = v*8 + rune(s[i]-'0')
				i++
				pos++
			}
			writeCodePoint(&sb, v)
		case 'x', 'u', 'U':
			count, msg := 2, "truncated \\xXX escape"
			if e == 'u' {
				count, msg = 4, "truncated \\uXXXX escape"
			} else if e == 'U' {
				count, msg = 8, "truncated \\UXXXXXXXX escape"
			}
			var v uint32
			for k := 0; k < count; k++ {
				d := -1
				if i < len(s) {
					d = hexValue(s[i])
				}
				if d < 0 {
					return "", "(unicode error) " + unicodeEscapeError(start, pos, msg)
				}
				v = v<<4 | uint32(d)
				i++
				pos++
			}
			if v > utf8.MaxRune {
				return "", "(unicode error) " + unicodeEscapeError(start, pos, "illegal Unicode character")
			}
			writeCodePoint(&sb, rune(v))
		case 'N':
			const malformed = "malformed \\N character escape"
			if i >= len(s) || s[i] != '{' {
				return "", "(unicode error) " + unicodeEscapeError(start, pos, malformed)
			}
			close := strings.IndexByte(s[i+1:], '}')
			if close < 0 {
				return "", "(unicode error) " + unicodeEscapeError(start, pos+escapedLen(s[i:]), malformed)
			}
			name := s[i+1 : i+1+close]
			nameLen := escapedLen(name)
			if nameLen == 0 {
				return "", "(unicode error) " + unicodeEscapeError(start, pos+1, malformed)
			}
			r, ok := lookupUnicodeName(name)
			if !ok {
				return "", "(unicode error) " + unicodeEscapeError(start, pos+1+nameLen+1, "unknown Unicode character name")
			}
			writeCodePoint(&sb, r)
			i += close + 2
			pos += nameLen + 2
		default:
			sb.WriteByte('\\')
			sb.WriteByte(e)
		}
	}
	return sb.String(), ""
}

// escapedLen returns the length of s in CPython's rewritten text (see
// decodeUnicodeEscapes).
func escapedLen(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			_, size := utf8.DecodeRuneInString(s[i:])
			n += 10
			i += size
		case c == '\\' && i+1 < len(s) && s[i+1] >= utf8.RuneSelf:
			n += 6
			i++
		case c == '\\' && i+1 < len(s):
			n += 2
			i += 2
		default:
			n++
			i++
		}
	}
	return n
}

// unicodeEscapeError formats the unicode-escape codec's error for the
// rewritten bytes from start to end (exclusive), which begin with '\'.
func unicodeEscapeError(start, end int, reason string) string {
	return decodeErrorText("unicodeescape", '\\', start, end, reason)
}

// writeCodePoint appends r as UTF-8, or WTF-8 for a surrogate.
func writeCodePoint(sb *strings.Builder, r rune) {
	if r >= 0xD800 && r <= 0xDFFF {
		sb.WriteByte(byte(0xE0 | r>>12))
		sb.WriteByte(byte(0x80 | (r>>6)&0x3F))
		sb.WriteByte(byte(0x80 | r&0x3F))
		return
	}
	sb.WriteRune(r)
}

func hexValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// decodeBytesEscapes decodes the body of a non-raw bytes literal.
func decodeBytesEscapes(s string) (string, string) {
	var sb strings.Builder
	sb.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			sb.WriteByte(c)
			i++
			continue
		}
		if i+1 >= len(s) {
			return "", "(value error) Trailing \\ in string"
		}
		start := i
		e := s[i+1]
		i += 2
		switch e {
		case '\n':
		case '\\', '\'', '"':
			sb.WriteByte(e)
		case 'a':
			sb.WriteByte(7)
		case 'b':
			sb.WriteByte(8)
		case 'f':
			sb.WriteByte(12)
		case 't':
			sb.WriteByte(9)
		case 'n':
			sb.WriteByte(10)
		case 'r':
			sb.WriteByte(13)
		case 'v':
			sb.WriteByte(11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(e - '0')
			for k := 0; k < 2 && i < len(s) && s[i] >= '0' && s[i] <= '7'; k++ {
				v = v*8 + int(s[i]-'0')
				i++
			}
			sb.WriteByte(byte(v)) // values above 0o377 wrap, as in CPython
		case 'x':
			if i+1 < len(s) && hexValue(s[i]) >= 0 && hexValue(s[i+1]) >= 0 {
				sb.WriteByte(byte(hexValue(s[i])<<4 | hexValue(s[i+1])))
				i += 2
				continue
			}
			return "", fmt.Sprintf("(value error) invalid \\x escape at position %d", start)
		default:
			sb.WriteByte('\\')
			sb.WriteByte(e)
		}
	}
	return sb.String(), ""
}

// ---------------------------------------------------------------------------
// Unicode character names

var (
	unicodeNamesOnce sync.Once
	unicodeNames     map[string]rune
)

// lookupUnicodeName resolves the name of a "\N{...}" escape as CPython
// 3.12's unicodedata does: character names case-insensitively, name
// aliases (NameAliases.txt), and the algorithmic names of Hangul syllables
// and CJK unified ideographs (case-sensitively). Named sequences are not
// accepted, as in CPython.
func lookupUnicodeName(name string) (rune, bool) {
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			return 0, false
		}
	}
	if r, ok := hangulSyllable(name); ok {
		return r, true
	}
	if strings.HasPrefix(name, "CJK UNIFIED IDEOGRAPH-") {
		hex := name[len("CJK UNIFIED IDEOGRAPH-"):]
		if len(hex) != 4 && len(hex) != 5 {
			return 0, false
		}
		v := rune(0)
		for i := 0; i < len(hex); i++ {
			c := hex[i]
			switch {
			case c >= '0' && c <= '9':
				v = v*16 + rune(c-'0')
			case c >= 'A' && c <= 'F':
				v = v*16 + rune(c-'A') + 10
			default:
				return 0, false
			}
		}
		return v, isUnifiedIdeograph(v)
	}
	unicodeNamesOnce.Do(buildUnicodeNames)
	r, ok := unicodeNames[strings.ToUpper(name)]
	return r, ok
}

func buildUnicodeNames() {
	m := make(map[string]rune, 36000)
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if n := runenames.Name(r); n != "" && n[0] != '<' {
			m[n] = r
		}
	}
	for _, line := range strings.Split(nameAliases, "\n") {
		name, hex, ok := strings.Cut(line, ";")
		if !ok {
			continue
		}
		v, err := strconv.ParseUint(hex, 16, 32)
		if err == nil {
			m[name] = rune(v)
		}
	}
	unicodeNames = m
}

// isUnifiedIdeograph reports whether r lies in a CJK unified ideograph
// block of Unicode 15.0.
func isUnifiedIdeograph(r rune) bool {
	return 0x3400 <= r && r <= 0x4DBF || 0x4E00 <= r && r <= 0x9FFF ||
		0x20000 <= r && r <= 0x2A6DF || 0x2A700 <= r && r <= 0x2B739 ||
		0x2B740 <= r && r <= 0x2B81D || 0x2B820 <= r && r <= 0x2CEA1 ||
		0x2CEB0 <= r && r <= 0x2EBE0 || 0x30000 <= r && r <= 0x3134A ||
		0x31350 <= r && r <= 0x323AF
}

// The short names of the Hangul jamo, from which syllable names are made.
var (
	jamoL = []string{"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"}
	jamoV = []string{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"}
	jamoT = []string{"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"}
)

// hangulSyllable parses "HANGUL SYLLABLE <jamo>" the way CPython does:
// the prefix in any case, then the longest matching initial, medial and
// final jamo names.
func hangulSyllable(name string) (rune, bool) {
	const prefix = "HANGUL SYLLABLE "
	if len(name) < len(prefix) || !strings.EqualFold(name[:len(prefix)], prefix) {
		return 0, false
	}
	s := name[len(prefix):]
	longest := func(table []string) (int, int) {
		best, bestLen := -1, -1
		for i, j := range table {
			if len(j) > bestLen && strings.HasPrefix(s, j) {
				best, bestLen = i, len(j)
			}
		}
		if best >= 0 {
			s = s[bestLen:]
		}
		return best, bestLen
	}
	l, _ := longest(jamoL)
	v, _ := longest(jamoV)
	t, _ := longest(jamoT)
	if l < 0 || v < 0 || t < 0 || s != "" {
		return 0, false
	}
	return 0xAC00 + rune((l*len(jamoV)+v)*len(jamoT)+t), true
}

// ---------------------------------------------------------------------------
// Numbers and identifiers

// parseNumber converts a NUMBER token's text to its value: an int64 when
// the integer fits, a *big.Int otherwise, a float64, or a complex128 for
// an imaginary literal. Out-of-range floats become ±Inf or 0, as in
// CPython.
func parseNumber(text string) (any, error) {
	s := text
	if strings.IndexByte(s, '_') >= 0 {
		s = strings.ReplaceAll(s, "_", "")
	}
	if s == "" {
		return nil, fmt.Errorf("invalid number literal %q", text)
	}
	if c := s[len(s)-1]; c == 'j' || c == 'J' {
		f, err := parseFloat(s[:len(s)-1])
		if err != nil {
			return nil, fmt.Errorf("invalid imaginary literal %q", text)
		}
		return complex(0, f), nil
	}
	base := 10
	if len(s) > 1 && s[0] == '0' {
		switch s[1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 10 {
			s = s[2:]
		}
	}
	if base == 10 && strings.ContainsAny(s, ".eE") {
		f, err := parseFloat(s)
		if err != nil {
			return nil, fmt.Errorf("invalid float literal %q", text)
		}
		return f, nil
	}
	if v, err := strconv.ParseInt(s, base, 64); err == nil {
		return v, nil
	}
	b, ok := new(big.Int).SetString(s, base)
	if !ok {
		return nil, fmt.Errorf("invalid integer literal %q", text)
	}
	if b.IsInt64() {
		return b.Int64(), nil
	}
	return b, nil
}

// parseFloat parses a decimal float literal (no underscores), rounding
// correctly as CPython does; overflow gives ±Inf.
func parseFloat(s string) (float64, error) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
			return 0, strconv.ErrSyntax
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, nil
		}
		return 0, err
	}
	return f, nil
}

// normalizeIdentifier returns the NFKC form of a NAME, as CPython stores
// identifiers (PEP 3131); ASCII names are returned unchanged.
func normalizeIdentifier(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return norm.NFKC.String(s)
		}
	}
	return s
}

// UnicodeNameAliases is nameAliases for the unicodedata module, which
// shares the table.
const UnicodeNameAliases = nameAliases

// nameAliases lists the formal name aliases of Unicode 15.0.0 (NameAliases.txt:
// corrections, control names, alternates, figments and abbreviations), one
// "NAME;HEX" per line, for "\N{...}" escapes.
const nameAliases = `NULL;0000
NUL;0000
START OF HEADING;0001
SOH;0001
START OF TEXT;0002
STX;0002
END OF TEXT;0003
ETX;0003
END OF TRANSMISSION;0004
EOT;0004
ENQUIRY;0005
ENQ;0005
ACKNOWLEDGE;0006
ACK;0006
ALERT;0007
BEL;0007
BACKSPACE;0008
BS;0008
CHARACTER TABULATION;0009
HORIZONTAL TABULATION;0009
HT;0009
TAB;0009
LINE FEED;000A
NEW LINE;000A
END OF LINE;000A
LF;000A
NL;000A
EOL;000A
LINE TABULATION;000B
VERTICAL TABULATION;000B
VT;000B
FORM FEED;000C
FF;000C
CARRIAGE RETURN;000D
CR;000D
SHIFT OUT;000E
LOCKING-SHIFT ONE;000E
SO;000E
SHIFT IN;000F
LOCKING-SHIFT ZERO;000F
SI;000F
DATA LINK ESCAPE;0010
DLE;0010
DEVICE CONTROL ONE;0011
DC1;0011
DEVICE CONTROL TWO;0012
DC2;0012
DEVICE CONTROL THREE;0013
DC3;0013
DEVICE CONTROL FOUR;0014
DC4;0014
NEGATIVE ACKNOWLEDGE;0015
NAK;0015
SYNCHRONOUS IDLE;0016
SYN;0016
END OF TRANSMISSION BLOCK;0017
ETB;0017
CANCEL;0018
CAN;0018
END OF MEDIUM;0019
EOM;0019
EM;0019
SUBSTITUTE;001A
SUB;001A
ESCAPE;001B
ESC;001B
INFORMATION SEPARATOR FOUR;001C
FILE SEPARATOR;001C
FS;001C
INFORMATION SEPARATOR THREE;001D
GROUP SEPARATOR;001D
GS;001D
INFORMATION SEPARATOR TWO;001E
RECORD SEPARATOR;001E
RS;001E
INFORMATION SEPARATOR ONE;001F
UNIT SEPARATOR;001F
US;001F
SP;0020
DELETE;007F
DEL;007F
PADDING CHARACTER;0080
PAD;0080
HIGH OCTET PRESET;0081
HOP;0081
BREAK PERMITTED HERE;0082
BPH;0082
NO BREAK HERE;0083
NBH;0083
INDEX;0084
IND;0084
NEXT LINE;0085
NEL;0085
START OF SELECTED AREA;0086
SSA;0086
END OF SELECTED AREA;0087
ESA;0087
CHARACTER TABULATION SET;0088
HORIZONTAL TABULATION SET;0088
HTS;0088
CHARACTER TABULATION WITH JUSTIFICATION;0089
HORIZONTAL TABULATION WITH JUSTIFICATION;0089
HTJ;0089
LINE TABULATION SET;008A
VERTICAL TABULATION SET;008A
VTS;008A
PARTIAL LINE FORWARD;008B
PARTIAL LINE DOWN;008B
PLD;008B
PARTIAL LINE BACKWARD;008C
PARTIAL LINE UP;008C
PLU;008C
REVERSE LINE FEED;008D
REVERSE INDEX;008D
RI;008D
SINGLE SHIFT TWO;008E
SINGLE-SHIFT-2;008E
SS2;008E
SINGLE SHIFT THREE;008F
SINGLE-SHIFT-3;008F
SS3;008F
DEVICE CONTROL STRING;0090
DCS;0090
PRIVATE USE ONE;0091
PRIVATE USE-1;0091
PU1;0091
PRIVATE USE TWO;0092
PRIVATE USE-2;0092
PU2;0092
SET TRANSMIT STATE;0093
STS;0093
CANCEL CHARACTER;0094
CCH;0094
MESSAGE WAITING;0095
MW;0095
START OF GUARDED AREA;0096
START OF PROTECTED AREA;0096
SPA;0096
END OF GUARDED AREA;0097
END OF PROTECTED AREA;0097
EPA;0097
START OF STRING;0098
SOS;0098
SINGLE GRAPHIC CHARACTER INTRODUCER;0099
SGC;0099
SINGLE CHARACTER INTRODUCER;009A
SCI;009A
CONTROL SEQUENCE INTRODUCER;009B
CSI;009B
STRING TERMINATOR;009C
ST;009C
OPERATING SYSTEM COMMAND;009D
OSC;009D
PRIVACY MESSAGE;009E
PM;009E
APPLICATION PROGRAM COMMAND;009F
APC;009F
NBSP;00A0
SHY;00AD
LATIN CAPITAL LETTER GHA;01A2
LATIN SMALL LETTER GHA;01A3
CGJ;034F
ARABIC SMALL HIGH LIGATURE ALEF WITH YEH BARREE;0616
ALM;061C
SYRIAC SUBLINEAR COLON SKEWED LEFT;0709
KANNADA LETTER LLLA;0CDE
LAO LETTER FO FON;0E9D
LAO LETTER FO FAY;0E9F
LAO LETTER RO;0EA3
LAO LETTER LO;0EA5
TIBETAN MARK BKA- SHOG GI MGO RGYAN;0FD0
HANGUL JONGSEONG YESIEUNG-KIYEOK;11EC
HANGUL JONGSEONG YESIEUNG-SSANGKIYEOK;11ED
HANGUL JONGSEONG SSANGYESIEUNG;11EE
HANGUL JONGSEONG YESIEUNG-KHIEUKH;11EF
FVS1;180B
FVS2;180C
FVS3;180D
MVS;180E
FVS4;180F
SUNDANESE LETTER ARCHAIC I;1BBD
ZWSP;200B
ZWNJ;200C
ZWJ;200D
LRM;200E
RLM;200F
LRE;202A
RLE;202B
PDF;202C
LRO;202D
RLO;202E
NNBSP;202F
MMSP;205F
WJ;2060
LRI;2066
RLI;2067
FSI;2068
PDI;2069
WEIERSTRASS ELLIPTIC FUNCTION;2118
MICR ON US SYMBOL;2448
MICR DASH SYMBOL;2449
LEFTWARDS TRIANGLE-HEADED ARROW WITH DOUBLE VERTICAL STROKE;2B7A
RIGHTWARDS TRIANGLE-HEADED ARROW WITH DOUBLE VERTICAL STROKE;2B7C
YI SYLLABLE ITERATION MARK;A015
MYANMAR LETTER KHAMTI LLA;AA6E
VS1;FE00
VS2;FE01
VS3;FE02
VS4;FE03
VS5;FE04
VS6;FE05
VS7;FE06
VS8;FE07
VS9;FE08
VS10;FE09
VS11;FE0A
VS12;FE0B
VS13;FE0C
VS14;FE0D
VS15;FE0E
VS16;FE0F
PRESENTATION FORM FOR VERTICAL RIGHT WHITE LENTICULAR BRACKET;FE18
BYTE ORDER MARK;FEFF
BOM;FEFF
ZWNBSP;FEFF
CUNEIFORM SIGN NU11 TENU;122D4
CUNEIFORM SIGN NU11 OVER NU11 BUR OVER BUR;122D5
MEDEFAIDRIN CAPITAL LETTER H;16E56
MEDEFAIDRIN CAPITAL LETTER NG;16E57
MEDEFAIDRIN SMALL LETTER H;16E76
MEDEFAIDRIN SMALL LETTER NG;16E77
HENTAIGANA LETTER E-1;1B001
BYZANTINE MUSICAL SYMBOL FTHORA SKLIRON CHROMA VASIS;1D0C5
VS17;E0100
VS18;E0101
VS19;E0102
VS20;E0103
VS21;E0104
VS22;E0105
VS23;E0106
VS24;E0107
VS25;E0108
VS26;E0109
VS27;E010A
VS28;E010B
VS29;E010C
VS30;E010D
VS31;E010E
VS32;E010F
VS33;E0110
VS34;E0111
VS35;E0112
VS36;E0113
VS37;E0114
VS38;E0115
VS39;E0116
VS40;E0117
VS41;E0118
VS42;E0119
VS43;E011A
VS44;E011B
VS45;E011C
VS46;E011D
VS47;E011E
VS48;E011F
VS49;E0120
VS50;E0121
VS51;E0122
VS52;E0123
VS53;E0124
VS54;E0125
VS55;E0126
VS56;E0127
VS57;E0128
VS58;E0129
VS59;E012A
VS60;E012B
VS61;E012C
VS62;E012D
VS63;E012E
VS64;E012F
VS65;E0130
VS66;E0131
VS67;E0132
VS68;E0133
VS69;E0134
VS70;E0135
VS71;E0136
VS72;E0137
VS73;E0138
VS74;E0139
VS75;E013A
VS76;E013B
VS77;E013C
VS78;E013D
VS79;E013E
VS80;E013F
VS81;E0140
VS82;E0141
VS83;E0142
VS84;E0143
VS85;E0144
VS86;E0145
VS87;E0146
VS88;E0147
VS89;E0148
VS90;E0149
VS91;E014A
VS92;E014B
VS93;E014C
VS94;E014D
VS95;E014E
VS96;E014F
VS97;E0150
VS98;E0151
VS99;E0152
VS100;E0153
VS101;E0154
VS102;E0155
VS103;E0156
VS104;E0157
VS105;E0158
VS106;E0159
VS107;E015A
VS108;E015B
VS109;E015C
VS110;E015D
VS111;E015E
VS112;E015F
VS113;E0160
VS114;E0161
VS115;E0162
VS116;E0163
VS117;E0164
VS118;E0165
VS119;E0166
VS120;E0167
VS121;E0168
VS122;E0169
VS123;E016A
VS124;E016B
VS125;E016C
VS126;E016D
VS127;E016E
VS128;E016F
VS129;E0170
VS130;E0171
VS131;E0172
VS132;E0173
VS133;E0174
VS134;E0175
VS135;E0176
VS136;E0177
VS137;E0178
VS138;E0179
VS139;E017A
VS140;E017B
VS141;E017C
VS142;E017D
VS143;E017E
VS144;E017F
VS145;E0180
VS146;E0181
VS147;E0182
VS148;E0183
VS149;E0184
VS150;E0185
VS151;E0186
VS152;E0187
VS153;E0188
VS154;E0189
VS155;E018A
VS156;E018B
VS157;E018C
VS158;E018D
VS159;E018E
VS160;E018F
VS161;E0190
VS162;E0191
VS163;E0192
VS164;E0193
VS165;E0194
VS166;E0195
VS167;E0196
VS168;E0197
VS169;E0198
VS170;E0199
VS171;E019A
VS172;E019B
VS173;E019C
VS174;E019D
VS175;E019E
VS176;E019F
VS177;E01A0
VS178;E01A1
VS179;E01A2
VS180;E01A3
VS181;E01A4
VS182;E01A5
VS183;E01A6
VS184;E01A7
VS185;E01A8
VS186;E01A9
VS187;E01AA
VS188;E01AB
VS189;E01AC
VS190;E01AD
VS191;E01AE
VS192;E01AF
VS193;E01B0
VS194;E01B1
VS195;E01B2
VS196;E01B3
VS197;E01B4
VS198;E01B5
VS199;E01B6
VS200;E01B7
VS201;E01B8
VS202;E01B9
VS203;E01BA
VS204;E01BB
VS205;E01BC
VS206;E01BD
VS207;E01BE
VS208;E01BF
VS209;E01C0
VS210;E01C1
VS211;E01C2
VS212;E01C3
VS213;E01C4
VS214;E01C5
VS215;E01C6
VS216;E01C7
VS217;E01C8
VS218;E01C9
VS219;E01CA
VS220;E01CB
VS221;E01CC
VS222;E01CD
VS223;E01CE
VS224;E01CF
VS225;E01D0
VS226;E01D1
VS227;E01D2
VS228;E01D3
VS229;E01D4
VS230;E01D5
VS231;E01D6
VS232;E01D7
VS233;E01D8
VS234;E01D9
VS235;E01DA
VS236;E01DB
VS237;E01DC
VS238;E01DD
VS239;E01DE
VS240;E01DF
VS241;E01E0
VS242;E01E1
VS243;E01E2
VS244;E01E3
VS245;E01E4
VS246;E01E5
VS247;E01E6
VS248;E01E7
VS249;E01E8
VS250;E01E9
VS251;E01EA
VS252;E01EB
VS253;E01EC
VS254;E01ED
VS255;E01EE
VS256;E01EF
`
