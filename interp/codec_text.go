package interp

import (
	"strconv"
	"unicode/utf8"
)

// The decoders and encoders of the codec layer (see codec.go), shared by
// one-shot conversions and by text files, which decode incrementally.

// utf8Sequence checks the UTF-8 sequence that starts b (not empty) as
// CPython's decoder does. It returns the sequence's length n, or n = 0
// and, for an error, the length of the bad bytes (the maximal valid
// prefix of a sequence, at least one byte) and CPython's reason;
// incomplete reports a valid prefix cut off by the end of b. The
// encoding of a surrogate (ED A0..BF xx) is an error here: surrogatepass
// takes it back.
func utf8Sequence(b []byte) (n, size int, reason string, incomplete bool) {
	c := b[0]
	if c < utf8.RuneSelf {
		return 1, 0, "", false
	}
	var need int
	lo, hi := byte(0x80), byte(0xbf) // the range of the second byte
	switch {
	case c >= 0xc2 && c <= 0xdf:
		need = 1
	case c >= 0xe0 && c <= 0xef:
		need = 2
		if c == 0xe0 {
			lo = 0xa0
		} else if c == 0xed {
			hi = 0x9f
		}
	case c >= 0xf0 && c <= 0xf4:
		need = 3
		if c == 0xf0 {
			lo = 0x90
		} else if c == 0xf4 {
			hi = 0x8f
		}
	default:
		return 0, 1, "invalid start byte", false
	}
	for k := 1; k <= need; k++ {
		if k >= len(b) {
			return 0, k, "unexpected end of data", true
		}
		if x := b[k]; x < lo || x > hi {
			return 0, k, "invalid continuation byte", false
		}
		lo, hi = 0x80, 0xbf
	}
	return need + 1, 0, "", false
}

// isSurrogateUTF8 reports whether b starts with the 3-byte encoding of
// a surrogate, which surrogatepass decodes.
func isSurrogateUTF8(b []byte) bool {
	return len(b) >= 3 && b[0] == 0xed && b[1] >= 0xa0 && b[1] <= 0xbf && b[2]&0xc0 == 0x80
}

// decode decodes b with codec c (utf-8-sig as plain UTF-8: the BOM is
// the caller's) and the error handler errors, giving WTF-8 text and how
// many bytes it used. With final unset it stops before a sequence the
// end of b may yet complete, as an incremental decoder keeps such bytes
// for the next call; that includes a surrogate's first two bytes, as
// CPython's does. Errors show a copy of b.
func (in *Interp) decode(c codec, errors string, b []byte, final bool) (string, int, error) {
	// The common case: valid UTF-8 (Go's check also refuses surrogates).
	if c.isUTF8() && utf8.Valid(b) || asciiBytes(b) {
		return string(b), len(b), nil
	}
	out := make([]byte, 0, len(b)+8)
	i := 0
	for i < len(b) {
		x := b[i]
		if x < utf8.RuneSelf {
			out = append(out, x)
			i++
			continue
		}
		var size int
		var reason string
		switch c {
		case codecLatin1:
			out = appendCP(out, rune(x))
			i++
			continue
		case codecASCII:
			size, reason = 1, "ordinal not in range(128)"
		default:
			var n int
			var incomplete bool
			n, size, reason, incomplete = utf8Sequence(b[i:])
			if n > 0 {
				out = append(out, b[i:i+n]...)
				i += n
				continue
			}
			if !final && (incomplete || len(b)-i == 2 && x == 0xed && b[i+1] >= 0xa0 && b[i+1] <= 0xbf) {
				return string(out), i, nil
			}
		}
		switch errors {
		case "strict":
			return "", 0, in.decodeError(c, b, i, i+size, reason)
		case "ignore":
		case "replace":
			out = append(out, "\ufffd"...)
		case "backslashreplace":
			for _, y := range b[i : i+size] {
				out = appendBackslashEscape(out, rune(y))
			}
		case "surrogateescape":
			// The bad bytes are all >= 0x80: escapable.
			for _, y := range b[i : i+size] {
				out = appendCP(out, 0xdc00+rune(y))
			}
		case "surrogatepass":
			if c.isUTF8() && isSurrogateUTF8(b[i:]) {
				out = append(out, b[i:i+3]...)
				i += 3
				continue
			}
			return "", 0, in.decodeError(c, b, i, i+size, reason)
		default:
			if err := in.checkErrorHandler(errors, true); err != nil {
				return "", 0, err
			}
			return "", 0, in.decodeError(c, b, i, i+size, reason)
		}
		i += size
	}
	return string(out), i, nil
}

// encode encodes WTF-8 text s with codec c (utf-8-sig as plain UTF-8:
// the BOM is the caller's) and the error handler errors. Errors show a
// new str of s.
func (in *Interp) encode(c codec, errors string, s string) ([]byte, error) {
	return in.encodeText(c, errors, s, Value{})
}

// encodeText is encode; obj, when not nil, is the str whose text s is,
// for errors to show.
func (in *Interp) encodeText(c codec, errors string, s string, obj Value) ([]byte, error) {
	limit := rune(utf8.MaxRune + 1)
	reason := "surrogates not allowed"
	switch c {
	case codecASCII:
		limit, reason = 0x80, "ordinal not in range(128)"
	case codecLatin1:
		limit, reason = 0x100, "ordinal not in range(256)"
	}
	// The common case: nothing to refuse (Go's check refuses the WTF-8
	// of surrogates).
	if c.isUTF8() && utf8.ValidString(s) || isASCII(s) {
		return []byte(s), nil
	}
	refused := func(r rune) bool { return r >= limit || r >= 0xd800 && r <= 0xdfff }
	out := make([]byte, 0, len(s))
	pos := 0 // in code points
	for i := 0; i < len(s); {
		r, n := decodeCP(s[i:])
		if !refused(r) {
			if c.isUTF8() {
				out = append(out, s[i:i+n]...)
			} else {
				out = append(out, byte(r))
			}
			i += n
			pos++
			continue
		}
		// A run of refused characters goes to the handler at once.
		var run []rune
		for i < len(s) {
			r, n := decodeCP(s[i:])
			if !refused(r) {
				break
			}
			run = append(run, r)
			i += n
		}
		start, end := pos, pos+len(run)
		pos = end
		var err error
		if out, err = in.encodeRun(c, errors, out, run, start, reason, s, obj); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// encodeRun applies the error handler to run, the characters from code
// point start that codec c refuses, appending to out.
func (in *Interp) encodeRun(c codec, errors string, out []byte, run []rune, start int, reason, s string, obj Value) ([]byte, error) {
	end := start + len(run)
	switch errors {
	case "strict":
	case "ignore":
		return out, nil
	case "replace":
		for range run {
			out = append(out, '?')
		}
		return out, nil
	case "backslashreplace":
		for _, r := range run {
			out = appendBackslashEscape(out, r)
		}
		return out, nil
	case "xmlcharrefreplace":
		for _, r := range run {
			out = append(out, "&#"...)
			out = strconv.AppendInt(out, int64(r), 10)
			out = append(out, ';')
		}
		return out, nil
	case "surrogateescape":
		// The escapes of bytes go back; the error covers the rest of the
		// run from the first character that is not one.
		for k, r := range run {
			if r < 0xdc80 || r > 0xdcff {
				return nil, in.encodeError(c, s, obj, start+k, end, reason)
			}
			out = append(out, byte(r-0xdc00))
		}
		return out, nil
	case "surrogatepass":
		if c.isUTF8() { // the run is all surrogates
			for _, r := range run {
				out = appendCP(out, r)
			}
			return out, nil
		}
	case "namereplace":
		// Surrogates have no names: they get the backslash form.
		for _, r := range run {
			if r < 0xd800 || r > 0xdfff {
				return nil, in.checkErrorHandler(errors, false)
			}
		}
		for _, r := range run {
			out = appendBackslashEscape(out, r)
		}
		return out, nil
	default:
		if err := in.checkErrorHandler(errors, false); err != nil {
			return nil, err
		}
	}
	return nil, in.encodeError(c, s, obj, start, end, reason)
}

// encodeUnicodeEscape is the unicode_escape codec's encoder (Python
// literal escapes for everything but printable ASCII), or with raw the
// raw_unicode_escape one (Latin-1 bytes as they are, \u and \U escapes
// above).
func encodeUnicodeEscape(s string, raw bool) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := decodeCP(s[i:])
		i += n
		switch {
		case raw && r < 0x100:
			out = append(out, byte(r))
		case !raw && r == '\\':
			out = append(out, '\\', '\\')
		case !raw && r == '\t':
			out = append(out, '\\', 't')
		case !raw && r == '\n':
			out = append(out, '\\', 'n')
		case !raw && r == '\r':
			out = append(out, '\\', 'r')
		case !raw && r >= 0x20 && r < 0x7f:
			out = append(out, byte(r))
		default:
			out = appendBackslashEscape(out, r)
		}
	}
	return out
}
