package modules

import (
	"math/bits"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/parallel-py/parallel/interp"
)

// The _json module of CPython 3.12, which Lib/json takes its speedups
// from: scanstring, encode_basestring(_ascii), and the make_scanner and
// make_encoder types (json_scanner.go, json_encoder.go). This file has
// the module, the text helpers and the string functions. Every position
// is in code points, as Python indexes str, and every error is the C
// module's (which differ here and there from Lib/json's fallbacks).

var jsonTable moduleTable

func initJSON(in *interp.Interp, m *interp.Module) error { return jsonTable.fill(in, m) }

func init() {
	interp.RegisterModule("_json", initJSON)
	jsonTable.set("__doc__", interp.ImmortalStr("json speedups\n"))
	jsonTable.fn("scanstring", jsonScanstring)
	jsonTable.set("encode_basestring_ascii", encodeASCIIFn)
	jsonTable.set("encode_basestring", encodeUnicodeFn)
}

// The functions encode_basestring(_ascii); an encoder whose encoder is
// one of them escapes strs itself instead of calling it.
var (
	encodeASCIIFn = interp.NewBuiltin("encode_basestring_ascii", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		return jsonEncodeBasestring(in, "encode_basestring_ascii", args, kwnames, true)
	})
	encodeUnicodeFn = interp.NewBuiltin("encode_basestring", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		return jsonEncodeBasestring(in, "encode_basestring", args, kwnames, false)
	})
)

// jsonText is a str being scanned, walked as its WTF-8 bytes: every
// character JSON gives a meaning to is ASCII, so the scanner works with
// byte offsets and turns them into code point indexes (what Python sees)
// only where they leave it: the end it returns and error positions.
type jsonText struct {
	s     string
	n     int // length in code points
	ascii bool
	v     Value  // the str itself, borrowed, for errors
	buf   []byte // scratch for the strings with escapes, reused from one to the next
}

func newJSONText(v Value) jsonText {
	return jsonText{s: v.GoString(), n: interp.StrLen(v), ascii: interp.IsASCII(v), v: v}
}

// offset is the byte offset of code point i (0 <= i <= t.n).
func (t *jsonText) offset(in *interp.Interp, i int) int {
	if t.ascii {
		return i
	}
	return in.StrOffset(t.v, i)
}

// index is the code point index of byte offset b, counting the
// continuation bytes on the shorter side of b.
func (t *jsonText) index(b int) int {
	if t.ascii {
		return b
	}
	if b <= len(t.s)/2 {
		return b - jsonContinuations(t.s[:b])
	}
	tail := t.s[b:]
	return t.n - (len(tail) - jsonContinuations(tail))
}

// jsonContinuations counts the UTF-8 continuation bytes (10xxxxxx) of s,
// eight at a time.
func jsonContinuations(s string) int {
	const high = 0x8080808080808080
	n, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		t := s[i : i+8] // one bounds check, so the eight loads combine into one
		w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		n += bits.OnesCount64(w &^ (w << 1) & high)
	}
	for ; i < len(s); i++ {
		if s[i]&0xc0 == 0x80 {
			n++
		}
	}
	return n
}

// The bytes a JSON string must stop at: jsonStop when decoding ('"',
// '\\' and control characters), jsonEscapeUnicode and jsonEscapeASCII
// when encoding (those, and with ensure_ascii DEL and every byte of a
// non-ASCII code point). One table lookup per byte is what keeps the
// short strings JSON is made of cheap.
var jsonStop, jsonEscapeUnicode, jsonEscapeASCII = func() (stop, uni, ascii [256]bool) {
	for c := 0; c < 256; c++ {
		special := c < 0x20 || c == '"' || c == '\\'
		stop[c], uni[c], ascii[c] = special, special, special || c >= 0x7f
	}
	return
}()

// jsonAppendWTF8 appends code point r as UTF-8, or a lone surrogate in the
// generalized 3-byte form the interpreter's strs store.
func jsonAppendWTF8(b []byte, r rune) []byte {
	if r >= 0xd800 && r <= 0xdfff {
		return append(b, byte(0xe0|r>>12), byte(0x80|(r>>6)&0x3f), byte(0x80|r&0x3f))
	}
	return utf8.AppendRune(b, r)
}

// jsonDecodeWTF8 decodes the code point at the start of s (valid WTF-8),
// lone surrogates included.
func jsonDecodeWTF8(s string) (rune, int) {
	if len(s) >= 3 && s[0] == 0xed && s[1] >= 0xa0 {
		return rune(s[0]&0x0f)<<12 | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f), 3
	}
	return utf8.DecodeRuneInString(s)
}

// jsonError raises json.decoder.JSONDecodeError(msg, doc, pos), as the
// C module does, importing json.decoder for it.
func jsonError(in *interp.Interp, msg string, doc Value, pos int) error {
	mod, err := in.ImportModule("json.decoder")
	if err != nil {
		return err
	}
	cls, err := in.GetAttrString(mod, "JSONDecodeError")
	in.DecRef(mod)
	if err != nil {
		return err
	}
	m, err := in.NewStr(msg)
	if err != nil {
		in.DecRef(cls)
		return err
	}
	exc, err := in.Call(cls, []Value{m, doc, interp.Int(int64(pos))}, nil)
	in.DecRef(cls)
	in.DecRef(m)
	if err != nil {
		return err
	}
	defer in.DecRef(exc)
	return in.RaiseValue(exc)
}

// jsonHexDigit is the value of an ASCII hex digit, or -1.
func jsonHexDigit(c byte) rune {
	switch {
	case c >= '0' && c <= '9':
		return rune(c - '0')
	case c >= 'a' && c <= 'f':
		return rune(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return rune(c-'A') + 10
	}
	return -1
}

// hex4 decodes the four hex digits at byte offset i (i+4 <= len(t.s)),
// or answers -1.
func (t *jsonText) hex4(i int) rune {
	var c rune
	for k := i; k < i+4; k++ {
		d := jsonHexDigit(t.s[k])
		if d < 0 {
			return -1
		}
		c = c<<4 | d
	}
	return c
}

// jsonScanString decodes the JSON string whose opening quote precedes
// byte offset end: the str and the byte offset after its closing quote.
// Strict mode refuses control characters inside it. The error positions
// are the C scanner's: an unterminated string is reported at end-1.
//
// Offsets are bytes where the C scanner counts code points; the checks
// that differ between the two (room for a \uXXXX escape, or for the
// low half of a surrogate pair, when non-ASCII text follows) raise the
// same "Invalid \uXXXX escape" at the same place either way, because
// the hex digits they would read are then not hex.
func jsonScanString(in *interp.Interp, t *jsonText, end int, strict bool) (Value, int, error) {
	begin := end - 1
	s := t.s
	fail := func(msg string, at int) (Value, int, error) {
		return Value{}, 0, jsonError(in, msg, t.v, t.index(at))
	}
	unterminated := func() (Value, int, error) {
		return Value{}, 0, jsonError(in, "Unterminated string starting at", t.v, t.index(begin+1)-1)
	}
	var buf []byte // nil until the first escape
	for {
		next := end
		var c byte
		var seen byte // the OR of the bytes passed: >= 0x80 when one is not ASCII
		for ; next < len(s); next++ {
			c = s[next]
			if !jsonStop[c] {
				seen |= c
				continue
			}
			if c == '"' || c == '\\' {
				break
			}
			if strict {
				return fail("Invalid control character at", next)
			}
		}
		if next >= len(s) {
			return unterminated()
		}
		if c == '"' && buf == nil {
			// No escapes: the text between the quotes as it is, copied
			// so that the str does not keep the whole document alive.
			text := strings.Clone(s[end:next])
			n := len(text)
			if seen >= 0x80 {
				n -= jsonContinuations(text)
			}
			r, err := in.NewStrCounted(text, n, seen < 0x80)
			return r, next + 1, err
		}
		if buf == nil {
			buf = t.buf[:0]
		}
		buf = append(buf, s[end:next]...)
		next++
		if c == '"' {
			end = next
			break
		}
		if next == len(s) {
			return unterminated()
		}
		var r rune
		c = s[next]
		if c != 'u' {
			end = next + 1
			switch c {
			case '"', '\\', '/':
				r = rune(c)
			case 'b':
				r = '\b'
			case 'f':
				r = '\f'
			case 'n':
				r = '\n'
			case 'r':
				r = '\r'
			case 't':
				r = '\t'
			default:
				return fail("Invalid \\escape", end-2)
			}
		} else {
			next++
			end = next + 4
			if end >= len(s) {
				return fail("Invalid \\uXXXX escape", next-1)
			}
			if r = t.hex4(next); r < 0 {
				return fail("Invalid \\uXXXX escape", end-5)
			}
			// A high surrogate escape followed by a low one is one
			// code point; otherwise each stays a lone surrogate.
			if r >= 0xd800 && r <= 0xdbff && end+6 < len(s) && s[next+4] == '\\' && s[next+5] == 'u' {
				r2 := t.hex4(next + 6)
				if r2 < 0 {
					return fail("Invalid \\uXXXX escape", end+1)
				}
				if r2 >= 0xdc00 && r2 <= 0xdfff {
					r = 0x10000 + (r-0xd800)<<10 | (r2 - 0xdc00)
					end += 6
				}
			}
		}
		buf = jsonAppendWTF8(buf, r)
	}
	t.buf = buf
	r, err := in.NewStr(string(buf))
	return r, end, err
}

// bytesString returns the text of b without copying it: the caller
// gives b up, never writing it again.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// jsonScanstring is scanstring(string, end, strict=True, /).
func jsonScanstring(in *interp.Interp, args, kwnames []Value) (Value, error) {
	if err := in.NoKeywords("scanstring", kwnames); err != nil {
		return Value{}, err
	}
	switch {
	case len(args) < 2:
		return Value{}, in.Raise(interp.TypeError, "scanstring() takes at least 2 arguments (%d given)", len(args))
	case len(args) > 3:
		return Value{}, in.Raise(interp.TypeError, "scanstring() takes at most 3 arguments (%d given)", len(args))
	}
	end, err := in.AsSsize(args[1])
	if err != nil {
		return Value{}, err
	}
	strict := true
	if len(args) == 3 {
		if strict, err = in.Truth(args[2]); err != nil {
			return Value{}, err
		}
	}
	if !interp.IsStr(args[0]) {
		return Value{}, in.Raise(interp.TypeError, "first argument must be a string, not %s", args[0].Type().Name)
	}
	t := newJSONText(args[0])
	if end < 0 || end > t.n {
		return Value{}, in.Raise(interp.ValueError, "end is out of bounds")
	}
	s, next, err := jsonScanString(in, &t, t.offset(in, end), strict)
	if err != nil {
		return Value{}, err
	}
	return newTupleOwned(in, []Value{s, interp.Int(int64(t.index(next)))})
}

// jsonEncodeBasestring is encode_basestring(_ascii)(string, /).
func jsonEncodeBasestring(in *interp.Interp, name string, args, kwnames []Value, ascii bool) (Value, error) {
	if err := in.NoKeywords("_json."+name, kwnames); err != nil {
		return Value{}, err
	}
	if len(args) != 1 {
		return Value{}, in.Raise(interp.TypeError, "_json.%s() takes exactly one argument (%d given)", name, len(args))
	}
	if !interp.IsStr(args[0]) {
		return Value{}, in.Raise(interp.TypeError, "first argument must be a string, not %s", args[0].Type().Name)
	}
	text := args[0].GoString()
	b := appendJSONString(make([]byte, 0, len(text)+2), text, ascii)
	if ascii {
		return in.NewStrASCII(bytesString(b))
	}
	return in.NewStr(bytesString(b))
}

const jsonLowerHex = "0123456789abcdef"

// appendJSONString appends s (WTF-8) quoted as a JSON string: '"', '\\'
// and control characters escaped, and with ascii everything outside
// printable ASCII too (as \uXXXX, astral code points as surrogate
// pairs).
func appendJSONString(b []byte, s string, ascii bool) []byte {
	b = append(b, '"')
	start := 0
	table := &jsonEscapeUnicode
	if ascii {
		table = &jsonEscapeASCII
	}
	for i := 0; i < len(s); {
		c := s[i]
		if !table[c] {
			i++
			continue
		}
		b = append(b, s[start:i]...)
		size := 1
		switch c {
		case '"':
			b = append(b, '\\', '"')
		case '\\':
			b = append(b, '\\', '\\')
		case '\b':
			b = append(b, '\\', 'b')
		case '\f':
			b = append(b, '\\', 'f')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			var r rune
			r, size = jsonDecodeWTF8(s[i:])
			if r >= 0x10000 {
				r -= 0x10000
				b = jsonAppendU4(b, 0xd800|(r>>10)&0x3ff)
				r = 0xdc00 | r&0x3ff
			}
			b = jsonAppendU4(b, r)
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// jsonAppendU4 appends \uXXXX with lowercase hex digits.
func jsonAppendU4(b []byte, r rune) []byte {
	return append(b, '\\', 'u', jsonLowerHex[r>>12&0xf], jsonLowerHex[r>>8&0xf], jsonLowerHex[r>>4&0xf], jsonLowerHex[r&0xf])
}
