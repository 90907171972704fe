package interp

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The text encodings of text files: UTF-8 (with the utf-8-sig variant),
// ASCII and Latin-1, with the error handlers strict, ignore, replace,
// surrogateescape, surrogatepass, backslashreplace (and, to encode,
// xmlcharrefreplace and namereplace for characters without names). Str
// holds WTF-8, so a lone surrogate is the three bytes ED A0..BF xx.

type codec uint8

const (
	codecUTF8 codec = iota
	codecUTF8Sig
	codecASCII
	codecLatin1
)

// codecName is the name CPython's messages give the codec.
func (c codec) name() string {
	switch c {
	case codecASCII:
		return "ascii"
	case codecLatin1:
		return "latin-1"
	}
	return "utf-8"
}

// lookupCodec finds an encoding by any of its usual names, normalized as
// the codecs module does.
func (in *Interp) lookupCodec(name string) (codec, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	n = strings.NewReplacer("-", "_", " ", "_").Replace(n)
	switch n {
	case "utf_8", "utf8", "u8", "utf", "cp65001":
		return codecUTF8, nil
	case "utf_8_sig", "utf8_sig":
		return codecUTF8Sig, nil
	case "ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "ansi_x3_4_1968", "iso646_us", "cp367", "csascii", "ibm367", "iso_ir_6":
		return codecASCII, nil
	case "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100", "ibm819", "csisolatin1", "iso_8859_1:1987":
		return codecLatin1, nil
	}
	return 0, in.raise(notImplementedErrorType, "the encoding '%s' is not implemented yet", name)
}

// charEscape is how codec messages show one code point: '\xe9',
// '\u20ac', '\U0001f600'.
func charEscape(r rune) string {
	switch {
	case r < 0x100:
		return fmt.Sprintf("\\x%02x", r)
	case r < 0x10000:
		return fmt.Sprintf("\\u%04x", r)
	}
	return fmt.Sprintf("\\U%08x", r)
}

// decodeRune decodes one UTF-8 sequence at the start of b as CPython's
// decoder does. It returns the code point and its length, or, on an
// error, the length of the bad sequence (its maximal valid prefix) and
// the reason. incomplete reports a valid prefix cut off by the end of b.
// A surrogate's encoding is an error unless surrogates is set.
func decodeRune(b []byte, surrogates bool) (r rune, size int, reason string, incomplete bool) {
	c := b[0]
	if c < 0x80 {
		return rune(c), 1, "", false
	}
	var need int
	var lo, hi byte = 0x80, 0xBF
	switch {
	case c < 0xC2:
		return 0, 1, "invalid start byte", false
	case c < 0xE0:
		need, r = 1, rune(c&0x1F)
	case c < 0xF0:
		need, r = 2, rune(c&0x0F)
		switch c {
		case 0xE0:
			lo = 0xA0
		case 0xED:
			if !surrogates {
				hi = 0x9F
			}
		}
	case c < 0xF5:
		need, r = 3, rune(c&0x07)
		switch c {
		case 0xF0:
			lo = 0x90
		case 0xF4:
			hi = 0x8F
		}
	default:
		return 0, 1, "invalid start byte", false
	}
	for i := 1; i <= need; i++ {
		if i >= len(b) {
			return 0, i, "unexpected end of data", true
		}
		d := b[i]
		if d < lo || d > hi {
			return 0, i, "invalid continuation byte", false
		}
		lo, hi = 0x80, 0xBF
		r = r<<6 | rune(d&0x3F)
	}
	return r, need + 1, "", false
}

// appendWTF8 appends code point r, a lone surrogate included.
func appendWTF8(buf []byte, r rune) []byte {
	if r >= 0xD800 && r <= 0xDFFF {
		return append(buf, byte(0xE0|r>>12), byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
	}
	return utf8.AppendRune(buf, r)
}

// decode decodes as much of b as it can: with final unset it stops
// before a sequence the end of b cuts off. It returns the text (WTF-8)
// and how many bytes it used.
func (in *Interp) decode(c codec, errors string, b []byte, final bool) (string, int, error) {
	// The common case: valid UTF-8 (Go's check also refuses surrogates).
	if (c == codecUTF8 || c == codecUTF8Sig) && utf8.Valid(b) {
		return string(b), len(b), nil
	}
	out := make([]byte, 0, len(b)+8)
	i := 0
	for i < len(b) {
		var r rune
		var size int
		var reason string
		switch c {
		case codecLatin1:
			r, size = rune(b[i]), 1
		case codecASCII:
			if b[i] < 0x80 {
				r, size = rune(b[i]), 1
			} else {
				size, reason = 1, "ordinal not in range(128)"
			}
		default:
			var incomplete bool
			r, size, reason, incomplete = decodeRune(b[i:], errors == "surrogatepass")
			if incomplete && !final {
				return string(out), i, nil
			}
		}
		if reason == "" {
			out = appendWTF8(out, r)
			i += size
			continue
		}
		bad := b[i : i+size]
		switch errors {
		case "strict":
			var msg string
			if size == 1 {
				msg = fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", c.name(), bad[0], i, reason)
			} else {
				msg = fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s", c.name(), i, i+size-1, reason)
			}
			return "", 0, in.raise(exceptionTypes["UnicodeDecodeError"], "%s", msg)
		case "ignore":
		case "replace":
			out = utf8.AppendRune(out, 0xFFFD)
		case "surrogateescape":
			for _, x := range bad {
				if x < 0x80 {
					return "", 0, in.raise(exceptionTypes["UnicodeDecodeError"], "'%s' codec can't decode byte 0x%02x in position %d: %s", c.name(), x, i, reason)
				}
				out = appendWTF8(out, 0xDC00+rune(x))
			}
		case "backslashreplace":
			for _, x := range bad {
				out = fmt.Appendf(out, "\\x%02x", x)
			}
		case "surrogatepass":
			// Surrogates were accepted above; anything else is an error.
			return "", 0, in.raise(exceptionTypes["UnicodeDecodeError"], "'%s' codec can't decode byte 0x%02x in position %d: %s", c.name(), bad[0], i, reason)
		default:
			return "", 0, in.unknownErrorHandler(errors)
		}
		i += size
	}
	return string(out), i, nil
}

// unknownErrorHandler is the failure of an error handler name that is
// not built in; codecs.register_error does not exist yet.
func (in *Interp) unknownErrorHandler(name string) error {
	switch name {
	case "xmlcharrefreplace", "namereplace":
		return in.raise(typeErrorType, "don't know how to handle UnicodeDecodeError in error callback")
	}
	return in.raise(notImplementedErrorType, "the error handler '%s' is not implemented yet", name)
}

// encode encodes WTF-8 text s.
func (in *Interp) encode(c codec, errors string, s string) ([]byte, error) {
	limit := rune(0x10FFFF)
	switch c {
	case codecASCII:
		limit = 0x7F
	case codecLatin1:
		limit = 0xFF
	}
	utf := c == codecUTF8 || c == codecUTF8Sig
	// The common case: nothing to refuse (Go's check refuses the WTF-8
	// of surrogates).
	if utf && utf8.ValidString(s) || limit == 0x7F && isASCII(s) {
		return []byte(s), nil
	}
	refused := func(r rune) bool { return r > limit || r >= 0xD800 && r <= 0xDFFF }
	out := make([]byte, 0, len(s))
	pos := 0 // in code points
	for i := 0; i < len(s); {
		r, size := decodeWTF8(s[i:])
		if !refused(r) {
			if utf {
				out = append(out, s[i:i+size]...)
			} else {
				out = append(out, byte(r))
			}
			i += size
			pos++
			continue
		}
		// The run of characters the codec refuses, for the message.
		start, j, end := pos, i, pos
		for j < len(s) {
			r2, size2 := decodeWTF8(s[j:])
			if !refused(r2) {
				break
			}
			j += size2
			end++
		}
		reason := "surrogates not allowed"
		if c == codecASCII {
			reason = "ordinal not in range(128)"
		} else if c == codecLatin1 {
			reason = "ordinal not in range(256)"
		}
		switch errors {
		case "strict":
			return nil, in.encodeError(c, s, i, start, end, reason)
		case "ignore":
		case "replace":
			for k := start; k < end; k++ {
				out = append(out, '?')
			}
		case "surrogateescape", "surrogatepass", "backslashreplace", "xmlcharrefreplace", "namereplace":
			for k := i; k < j; {
				r2, size2 := decodeWTF8(s[k:])
				switch {
				case errors == "surrogateescape" && r2 >= 0xDC80 && r2 <= 0xDCFF:
					out = append(out, byte(r2-0xDC00))
				case errors == "surrogatepass" && r2 >= 0xD800 && r2 <= 0xDFFF && utf:
					out = append(out, s[k:k+size2]...)
				case errors == "backslashreplace" || errors == "namereplace":
					if errors == "namereplace" && !(r2 >= 0xD800 && r2 <= 0xDFFF) {
						return nil, in.raise(notImplementedErrorType, "the error handler 'namereplace' is not implemented yet")
					}
					out = append(out, charEscape(r2)...)
				case errors == "xmlcharrefreplace":
					out = append(out, "&#"+strconv.Itoa(int(r2))+";"...)
				default:
					return nil, in.encodeError(c, s, k, start+countRunes(s[i:k]), start+countRunes(s[i:k])+1, reason)
				}
				k += size2
			}
		default:
			return nil, in.unknownErrorHandler(errors)
		}
		i, pos = j, end
	}
	return out, nil
}

// encodeError is the UnicodeEncodeError for characters start..end of s
// (code point positions), the first of which is at byte i.
func (in *Interp) encodeError(c codec, s string, i, start, end int, reason string) error {
	t := exceptionTypes["UnicodeEncodeError"]
	if end-start == 1 {
		r, _ := decodeWTF8(s[i:])
		return in.raise(t, "'%s' codec can't encode character '%s' in position %d: %s", c.name(), charEscape(r), start, reason)
	}
	return in.raise(t, "'%s' codec can't encode characters in position %d-%d: %s", c.name(), start, end-1, reason)
}

// decodeWTF8 decodes one code point of WTF-8 text, lone surrogates
// included.
func decodeWTF8(s string) (rune, int) {
	if len(s) >= 3 && s[0] == 0xED && s[1] >= 0xA0 {
		return rune(0xD000) | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func countRunes(s string) int {
	n, _ := codePoints(s)
	return n
}
