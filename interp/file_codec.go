package interp

import (
	"fmt"
	"strconv"
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

// lookupCodec finds an encoding by any of its names, normalized as the
// codecs module does; other codecs CPython has raise NotImplementedError,
// unknown ones LookupError.
func (in *Interp) lookupCodec(name string) (codec, error) {
	norm := normalizeEncodingName(name)
	if norm == "utf_8_sig" || norm == "utf8_sig" {
		return codecUTF8Sig, nil
	}
	switch strCodecAliases[norm] {
	case strUTF8:
		return codecUTF8, nil
	case strASCII:
		return codecASCII, nil
	case strLatin1:
		return codecLatin1, nil
	}
	if _, err := in.lookupStrCodec(name); err != nil {
		return 0, err
	}
	return 0, in.raise(notImplementedErrorType, "files in the '%s' encoding are not implemented yet", name)
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
			return "", 0, in.decodeError(c, b, i, i+size, reason)
		case "ignore":
		case "replace":
			out = utf8.AppendRune(out, 0xFFFD)
		case "surrogateescape":
			for _, x := range bad {
				if x < 0x80 {
					return "", 0, in.decodeError(c, b, i, i+size, reason)
				}
				out = appendWTF8(out, 0xDC00+rune(x))
			}
		case "backslashreplace":
			for _, x := range bad {
				out = fmt.Appendf(out, "\\x%02x", x)
			}
		case "surrogatepass":
			// Surrogates were accepted above; anything else is an error.
			return "", 0, in.decodeError(c, b, i, i+size, reason)
		default:
			if err := in.strErrorHandler(errors, true); err != nil {
				return "", 0, err
			}
			return "", 0, in.decodeError(c, b, i, i+size, reason)
		}
		i += size
	}
	return string(out), i, nil
}

// decodeError is the UnicodeDecodeError of bytes start..end of data.
func (in *Interp) decodeError(c codec, data []byte, start, end int, reason string) error {
	obj, err := in.newBytes(append([]byte(nil), data...))
	if err != nil {
		return err
	}
	defer in.decRef(obj)
	return in.newUnicodeError(unicodeDecodeErrorT, c.name(), obj, start, end, reason)
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
			return nil, in.encodeError(c, s, start, end, reason)
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
					return nil, in.encodeError(c, s, start+countRunes(s[i:k]), start+countRunes(s[i:k])+1, reason)
				}
				k += size2
			}
		default:
			if err := in.strErrorHandler(errors, false); err != nil {
				return nil, err
			}
			return nil, in.encodeError(c, s, start, end, reason)
		}
		i, pos = j, end
	}
	return out, nil
}

// encodeError is the UnicodeEncodeError for characters start..end of s
// (code point positions).
func (in *Interp) encodeError(c codec, s string, start, end int, reason string) error {
	obj, err := in.NewStr(s)
	if err != nil {
		return err
	}
	defer in.decRef(obj)
	return in.newUnicodeError(unicodeEncodeErrorT, c.name(), obj, start, end, reason)
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
