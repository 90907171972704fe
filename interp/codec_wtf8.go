package interp

import (
	"strings"
	"unicode/utf8"
)

// The WTF-8 helpers of the codec layer (see codec.go). A str holds
// WTF-8: UTF-8, plus the 3-byte form ED A0..BF 80..BF of a lone
// surrogate, which UTF-8 forbids and Go's utf8 package replaces.

// decodeCP decodes the code point that starts s, which must not be empty:
// UTF-8, or a lone surrogate in its 3-byte WTF-8 form.
func decodeCP(s string) (rune, int) {
	if c := s[0]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && n == 1 {
		if len(s) >= 3 && s[0] == 0xed && s[1] >= 0xa0 && s[1] <= 0xbf && s[2] >= 0x80 && s[2] <= 0xbf {
			return 0xd000 | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f), 3
		}
	}
	return r, n
}

// decodeLastCP decodes the code point that ends s, which must not be
// empty.
func decodeLastCP(s string) (rune, int) {
	i := len(s) - 1
	for i > 0 && len(s)-i < 4 && s[i]&0xc0 == 0x80 {
		i--
	}
	r, n := decodeCP(s[i:])
	if i+n != len(s) { // not a valid sequence: step back one byte only
		return rune(s[len(s)-1]), 1
	}
	return r, n
}

// appendCP appends the WTF-8 encoding of r: UTF-8, and the 3-byte form
// for a surrogate, which utf8.AppendRune would replace.
func appendCP(b []byte, r rune) []byte {
	if r >= 0xd800 && r <= 0xdfff {
		return append(b, 0xed, byte(0xa0|(r>>6)&0x1f), byte(0x80|r&0x3f))
	}
	return utf8.AppendRune(b, r)
}

// writeCP is appendCP for a strings.Builder.
func writeCP(b *strings.Builder, r rune) {
	if r < utf8.RuneSelf {
		b.WriteByte(byte(r))
		return
	}
	var buf [4]byte
	b.Write(appendCP(buf[:0], r))
}

// cpLen is the length of r's WTF-8 encoding.
func cpLen(r rune) int {
	if r >= 0xd800 && r <= 0xdfff {
		return 3
	}
	return utf8.RuneLen(r)
}

// surrogateIndex returns the code point index of the first lone
// surrogate in WTF-8 text s, or -1.
func surrogateIndex(s string) int {
	if !strings.Contains(s, "\xed") {
		return -1
	}
	pos := 0
	for i := 0; i < len(s); pos++ {
		r, n := decodeCP(s[i:])
		if r >= 0xd800 && r <= 0xdfff {
			return pos
		}
		i += n
	}
	return -1
}

// countRunes counts the code points of WTF-8 text.
func countRunes(s string) int {
	n, _ := codePoints(s)
	return n
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiBytes reports whether b is all ASCII.
func asciiBytes(b []byte) bool {
	for _, x := range b {
		if x >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// appendBackslashEscape appends \xhh, \uhhhh or \Uhhhhhhhh for r, as
// backslashreplace and the messages of codec errors show a character.
func appendBackslashEscape(b []byte, r rune) []byte {
	const hex = "0123456789abcdef"
	switch {
	case r < 0x100:
		return append(b, '\\', 'x', hex[r>>4], hex[r&15])
	case r < 0x10000:
		return append(b, '\\', 'u', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15])
	}
	b = append(b, '\\', 'U')
	for shift := 28; shift >= 0; shift -= 4 {
		b = append(b, hex[r>>uint(shift)&15])
	}
	return b
}
