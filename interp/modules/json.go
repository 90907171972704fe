package modules

import (
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

// jsonText is a str being scanned, indexed by code point: its bytes
// when it is ASCII, its code points otherwise.
type jsonText struct {
	s     string
	r     []rune
	n     int
	ascii bool
	v     Value // the str itself, borrowed, for errors
}

func newJSONText(v Value) *jsonText {
	t := &jsonText{s: v.GoString(), ascii: interp.IsASCII(v), v: v}
	if t.ascii {
		t.n = len(t.s)
	} else {
		t.r = interp.StrRunes(v)
		t.n = len(t.r)
	}
	return t
}

func (t *jsonText) at(i int) rune {
	if t.ascii {
		return rune(t.s[i])
	}
	return t.r[i]
}

// appendSlice appends the code points [i, j) as WTF-8.
func (t *jsonText) appendSlice(b []byte, i, j int) []byte {
	if t.ascii {
		return append(b, t.s[i:j]...)
	}
	for _, r := range t.r[i:j] {
		b = jsonAppendWTF8(b, r)
	}
	return b
}

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
func jsonHexDigit(c rune) rune {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10
	}
	return -1
}

// hex4 decodes the four hex digits at i, or answers -1.
func (t *jsonText) hex4(i int) rune {
	var c rune
	for k := i; k < i+4; k++ {
		d := jsonHexDigit(t.at(k))
		if d < 0 {
			return -1
		}
		c = c<<4 | d
	}
	return c
}

// jsonScanString decodes the JSON string whose opening quote precedes
// index end: the str and the index after its closing quote. Strict
// mode refuses control characters inside it. The error positions are
// the C scanner's: an unterminated string is reported at end-1.
func jsonScanString(in *interp.Interp, t *jsonText, end int, strict bool) (Value, int, error) {
	begin := end - 1
	if end < 0 || end > t.n {
		return Value{}, 0, in.Raise(interp.ValueError, "end is out of bounds")
	}
	var buf []byte
	for {
		next := end
		var c rune
		for ; next < t.n; next++ {
			c = t.at(next)
			if c == '"' || c == '\\' {
				break
			}
			if c <= 0x1f && strict {
				return Value{}, 0, jsonError(in, "Invalid control character at", t.v, next)
			}
		}
		if next >= t.n {
			return Value{}, 0, jsonError(in, "Unterminated string starting at", t.v, begin)
		}
		if c == '"' && buf == nil {
			// No escapes: the text between the quotes as it is, copied
			// so that the str does not keep the whole document alive.
			if t.ascii {
				s, err := in.NewStrASCII(strings.Clone(t.s[end:next]))
				return s, next + 1, err
			}
			s, err := in.NewStr(bytesString(t.appendSlice(make([]byte, 0, next-end), end, next)))
			return s, next + 1, err
		}
		buf = t.appendSlice(buf, end, next)
		next++
		if c == '"' {
			end = next
			break
		}
		if next == t.n {
			return Value{}, 0, jsonError(in, "Unterminated string starting at", t.v, begin)
		}
		c = t.at(next)
		if c != 'u' {
			end = next + 1
			switch c {
			case '"', '\\', '/':
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			default:
				return Value{}, 0, jsonError(in, "Invalid \\escape", t.v, end-2)
			}
		} else {
			next++
			end = next + 4
			if end >= t.n {
				return Value{}, 0, jsonError(in, "Invalid \\uXXXX escape", t.v, next-1)
			}
			if c = t.hex4(next); c < 0 {
				return Value{}, 0, jsonError(in, "Invalid \\uXXXX escape", t.v, end-5)
			}
			// A high surrogate escape followed by a low one is one
			// code point; otherwise each stays a lone surrogate.
			if c >= 0xd800 && c <= 0xdbff && end+6 < t.n && t.at(next+4) == '\\' && t.at(next+5) == 'u' {
				c2 := t.hex4(next + 6)
				if c2 < 0 {
					return Value{}, 0, jsonError(in, "Invalid \\uXXXX escape", t.v, end+1)
				}
				if c2 >= 0xdc00 && c2 <= 0xdfff {
					c = 0x10000 + (c-0xd800)<<10 | (c2 - 0xdc00)
					end += 6
				}
			}
		}
		buf = jsonAppendWTF8(buf, c)
	}
	s, err := in.NewStr(bytesString(buf))
	return s, end, err
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
	s, next, err := jsonScanString(in, newJSONText(args[0]), end, strict)
	if err != nil {
		return Value{}, err
	}
	return newTupleOwned(in, []Value{s, interp.Int(int64(next))})
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
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && (c < 0x7f || !ascii) {
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
