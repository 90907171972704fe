// Package format implements Python 3.12's text-formatting engines as pure Go
// functions: the format-spec mini-language used by format(), f-strings and
// str.format (Python/formatter_unicode.c), the % operator on str
// (PyUnicode_Format in Objects/unicodeobject.c), float-to-text conversion
// (Python/pystrtod.c) and the parsing and rendering of str.format templates
// (Objects/stringlib/unicode_format.h).
//
// Nothing here depends on the interpreter's objects: numbers arrive as
// *big.Int and float64, strings as Go strings holding WTF-8 text (UTF-8 in
// which a lone surrogate is stored as its 3-byte encoding), and everything
// the % operator and str.format need from an object is asked through small
// interfaces and callbacks. Lengths, widths and precisions count code
// points, as CPython does.
//
// Errors raised by the engines themselves are *Error values whose Kind names
// the Python exception; an error returned by a callback is passed through
// unchanged. Conversions of very large ints to decimal text return
// syntax.IntMaxStrDigitsError as CPython's str(int) does.
package format

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind names the Python exception an *Error stands for.
type Kind uint8

// The exception kinds the engines raise.
const (
	ValueError Kind = iota + 1
	TypeError
	OverflowError
	IndexError
	KeyError
	MemoryError
)

var kindNames = [...]string{"", "ValueError", "TypeError", "OverflowError", "IndexError", "KeyError", "MemoryError"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Error is an exception raised by the formatting engines. Msg is the
// exception's message; for a KeyError it is the missing key itself (the
// exception's single argument, which Python shows as its repr); for a
// MemoryError it is empty.
type Error struct {
	Kind Kind
	Msg  string
}

func (e *Error) Error() string {
	if e.Msg == "" {
		return e.Kind.String()
	}
	return e.Kind.String() + ": " + e.Msg
}

func errorf(k Kind, format string, args ...any) *Error {
	return &Error{Kind: k, Msg: fmt.Sprintf(format, args...)}
}

// MaxLen bounds the length in code points of any text the engines build
// (a width or precision of a billion asks for gigabytes). Beyond it they
// return a MemoryError instead of exhausting the Go heap, which would kill
// the whole process rather than one interpreter.
var MaxLen = 1 << 28

func checkLen(n int) error {
	if n < 0 || n > MaxLen {
		return &Error{Kind: MemoryError}
	}
	return nil
}

// Spec is a parsed format specification:
//
//	[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
//
// Fields hold what the text said; the defaults that depend on the kind of
// object formatted (alignment, type) are applied by FormatInt, FormatFloat
// and FormatStr. The zero Spec is the empty specification.
type Spec struct {
	Fill      rune // fill character; 0 when not given (a space)
	Align     rune // '<', '>', '=' or '^'; 0 when not given
	Sign      rune // '+', '-' or ' '; 0 when not given
	NoNegZero bool // 'z': coerce negative zero to zero
	Alternate bool // '#'
	// ZeroPad is the '0' before the width when no fill was given: the fill
	// becomes '0' and, for numbers without an explicit alignment, the
	// alignment becomes '='.
	ZeroPad      bool
	Width        int  // 0 when not given
	Grouping     rune // ',' or '_'; 0 when not given
	HasPrecision bool
	Precision    int
	Type         rune // presentation type; 0 when not given

	text    string // the specification, for error messages
	nulType bool   // the type is an explicit U+0000, not absent
}

// String returns the text the Spec was parsed from.
func (s Spec) String() string { return s.text }

func isAlign(c rune) bool { return c == '<' || c == '>' || c == '=' || c == '^' }

// decimalValue returns the value of a Unicode decimal digit (category Nd),
// as Py_UNICODE_TODECIMAL does, or -1. Every Nd digit belongs to a
// contiguous run of ten starting at its zero.
func decimalValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if r < 0x80 || !unicode.IsDigit(r) {
		return -1
	}
	n := 0
	for unicode.IsDigit(r - rune(n) - 1) {
		n++
	}
	return n % 10
}

// ParseSpec parses a format specification as CPython's
// parse_internal_render_format_spec does, with its error messages.
// typeName is the type of the object being formatted, used in the message
// for a malformed specification. Checks that depend on the kind of object
// (which types and separators are allowed) are made by FormatInt,
// FormatFloat and FormatStr, in CPython's order.
func ParseSpec(spec, typeName string) (Spec, error) {
	s := Spec{text: spec}
	// Specs are short: their code points go in a buffer on the stack.
	var buf [32]rune
	var rs []rune
	if len(spec) <= len(buf) && asciiPrefix(spec) == len(spec) {
		rs = buf[:len(spec)]
		for i := 0; i < len(spec); i++ {
			rs[i] = rune(spec[i])
		}
	} else {
		rs = decodeInto(buf[:0], spec)
	}
	pos, end := 0, len(rs)
	fillGiven := false
	if end-pos >= 2 && isAlign(rs[pos+1]) {
		s.Align, s.Fill = rs[pos+1], rs[pos]
		fillGiven = true
		pos += 2
	} else if end-pos >= 1 && isAlign(rs[pos]) {
		s.Align = rs[pos]
		pos++
	}
	if pos < end && (rs[pos] == '+' || rs[pos] == '-' || rs[pos] == ' ') {
		s.Sign = rs[pos]
		pos++
	}
	if pos < end && rs[pos] == 'z' {
		s.NoNegZero = true
		pos++
	}
	if pos < end && rs[pos] == '#' {
		s.Alternate = true
		pos++
	}
	if !fillGiven && pos < end && rs[pos] == '0' {
		s.ZeroPad = true
		pos++
	}
	w, n, err := specInteger(rs, &pos)
	if err != nil {
		return s, err
	}
	if n > 0 {
		s.Width = w
	}
	if pos < end && rs[pos] == ',' {
		s.Grouping = ','
		pos++
	}
	if pos < end && rs[pos] == '_' {
		if s.Grouping != 0 {
			return s, errorf(ValueError, "Cannot specify both ',' and '_'.")
		}
		s.Grouping = '_'
		pos++
	}
	if pos < end && rs[pos] == ',' && s.Grouping == '_' {
		return s, errorf(ValueError, "Cannot specify both ',' and '_'.")
	}
	if pos < end && rs[pos] == '.' {
		pos++
		p, n, err := specInteger(rs, &pos)
		if err != nil {
			return s, err
		}
		if n == 0 {
			return s, errorf(ValueError, "Format specifier missing precision")
		}
		s.HasPrecision, s.Precision = true, p
	}
	if end-pos > 1 {
		return s, errorf(ValueError, "Invalid format specifier '%s' for object of type '%s'", spec, typeName)
	}
	if end-pos == 1 {
		s.Type = rs[pos]
		s.nulType = s.Type == 0
	}
	return s, nil
}

// specInteger reads decimal digits (any Unicode Nd digits) at *pos and
// returns their value and count.
func specInteger(rs []rune, pos *int) (val, n int, err error) {
	for ; *pos < len(rs); *pos, n = *pos+1, n+1 {
		d := decimalValue(rs[*pos])
		if d < 0 {
			break
		}
		if val > (math.MaxInt64-d)/10 {
			return 0, n, errorf(ValueError, "Too many decimal digits in format string")
		}
		val = val*10 + d
	}
	return val, n, nil
}

// charForMessage renders a presentation type the way CPython's messages
// do: the character itself when printable ASCII, else \x followed by hex.
func charForMessage(c rune) string {
	if c > 32 && c < 128 {
		return string(c)
	}
	return fmt.Sprintf("\\x%x", c)
}

// grouping validates the thousands separator against the presentation type
// typ (defaults applied) and returns the group size and separator.
func (s Spec) grouping(typ rune) (size int, sep rune, err error) {
	if s.Grouping == 0 {
		return 0, 0, nil
	}
	switch typ {
	case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0:
		return 3, s.Grouping, nil
	case 'b', 'o', 'x', 'X':
		if s.Grouping == '_' {
			return 4, '_', nil
		}
	}
	return 0, 0, errorf(ValueError, "Cannot specify '%c' with '%s'.", s.Grouping, charForMessage(typ))
}

func unknownType(typ rune, typeName string) error {
	return errorf(ValueError, "Unknown format code '%s' for object of type '%s'", charForMessage(typ), typeName)
}

// fill returns the fill character and the alignment, given the default
// alignment of the kind of object.
func (s Spec) fillAlign(defaultAlign rune) (fill, align rune) {
	fill, align = ' ', s.Align
	if s.Fill != 0 {
		fill = s.Fill
	}
	if s.ZeroPad {
		fill = '0'
		if align == 0 && defaultAlign == '>' {
			align = '='
		}
	}
	if align == 0 {
		align = defaultAlign
	}
	return fill, align
}

// FormatStr formats the str s (WTF-8 text) under spec, as str.__format__
// does: type 's' or none; the precision truncates to that many code points
// and the width pads to that many.
func FormatStr(s string, spec Spec, typeName string) (string, error) {
	typ := spec.Type
	if typ == 0 && !spec.nulType {
		typ = 's'
	}
	if _, _, err := spec.grouping(typ); err != nil {
		return "", err
	}
	if typ != 's' {
		return "", unknownType(typ, typeName)
	}
	switch {
	case spec.Sign == ' ':
		return "", errorf(ValueError, "Space not allowed in string format specifier")
	case spec.Sign != 0:
		return "", errorf(ValueError, "Sign not allowed in string format specifier")
	case spec.NoNegZero:
		return "", errorf(ValueError, "Negative zero coercion (z) not allowed in string format specifier")
	case spec.Alternate:
		return "", errorf(ValueError, "Alternate form (#) not allowed in string format specifier")
	}
	fill, align := spec.fillAlign('<')
	if align == '=' {
		return "", errorf(ValueError, "'=' alignment not allowed in string format specifier")
	}
	n := runeCount(s)
	if spec.HasPrecision && spec.Precision < n {
		s = runePrefix(s, spec.Precision)
		n = spec.Precision
	}
	return pad(s, n, spec.Width, fill, align)
}

// pad pads s, which has n code points, to width with fill, as
// calc_padding does.
func pad(s string, n, width int, fill, align rune) (string, error) {
	if width <= n {
		return s, nil
	}
	if err := checkLen(width); err != nil {
		return "", err
	}
	total := width - n
	left := 0
	switch align {
	case '>':
		left = total
	case '^':
		left = total / 2
	}
	var b strings.Builder
	b.Grow(len(s) + total*runeLen(fill))
	writeFill(&b, fill, left)
	b.WriteString(s)
	writeFill(&b, fill, total-left)
	return b.String(), nil
}

// Str parses spec and formats s with it; an empty spec returns s.
func Str(s, spec, typeName string) (string, error) {
	if spec == "" {
		return s, nil
	}
	sp, err := ParseSpec(spec, typeName)
	if err != nil {
		return "", err
	}
	return FormatStr(s, sp, typeName)
}

// --- WTF-8 helpers ---

// decodeRune decodes one code point of WTF-8 text: like
// utf8.DecodeRuneInString, but a surrogate's 3-byte encoding is one code
// point. An invalid byte counts as one code point U+FFFD.
func decodeRune(s string) (rune, int) {
	if len(s) >= 3 && s[0] == 0xED && s[1] >= 0xA0 && s[1] <= 0xBF && s[2] >= 0x80 && s[2] <= 0xBF {
		return 0xD000 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s)
}

func decodeAll(s string) []rune {
	return decodeInto(make([]rune, 0, len(s)), s)
}

// decodeInto appends the code points of s to rs.
func decodeInto(rs []rune, s string) []rune {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			rs = append(rs, rune(c))
			i++
			continue
		}
		r, n := decodeRune(s[i:])
		rs = append(rs, r)
		i += n
	}
	return rs
}

func runeCount(s string) int {
	n := asciiPrefix(s)
	for i := n; i < len(s); n++ {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := decodeRune(s[i:])
		i += size
	}
	return n
}

// runePrefix returns the first n code points of s.
func runePrefix(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := decodeRune(s[i:])
		i += size
	}
	return s[:i]
}

func runeLen(r rune) int {
	if r >= 0xD800 && r <= 0xDFFF {
		return 3
	}
	return utf8.RuneLen(r)
}

// appendRune appends r in WTF-8 (surrogates as their 3-byte encoding).
func appendRune(b []byte, r rune) []byte {
	if r >= 0xD800 && r <= 0xDFFF {
		return append(b, 0xED, byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
	}
	return utf8.AppendRune(b, r)
}

func writeRune(b *strings.Builder, r rune) {
	if r < utf8.RuneSelf {
		b.WriteByte(byte(r))
		return
	}
	var buf [4]byte
	b.Write(appendRune(buf[:0], r))
}

func writeFill(b *strings.Builder, r rune, n int) {
	if n <= 0 {
		return
	}
	if r < utf8.RuneSelf {
		for ; n > 0; n-- {
			b.WriteByte(byte(r))
		}
		return
	}
	var buf [4]byte
	enc := appendRune(buf[:0], r)
	for ; n > 0; n-- {
		b.Write(enc)
	}
}

// ASCII returns Python's ascii() of an object whose repr() is repr: the
// repr with every non-ASCII code point escaped as \xhh, \uhhhh or
// \Uhhhhhhhh (the "backslashreplace" error handler).
func ASCII(repr string) string {
	var b strings.Builder
	for i := 0; i < len(repr); {
		c := repr[i]
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			i++
			continue
		}
		r, n := decodeRune(repr[i:])
		i += n
		switch {
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r < 0x10000:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
	}
	return b.String()
}

// asciiPrefix returns the length of the longest all-ASCII prefix of s,
// looking at eight bytes at a time while they are all ASCII.
func asciiPrefix(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		t := s[i : i+8] // one bounds check, so the eight loads combine into one
		w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		if w&0x8080808080808080 != 0 {
			break
		}
	}
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	return i
}
