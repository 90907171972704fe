package interp

import "testing"

// The short paths of normalizeEncodingName give what building the name
// byte by byte gives.
func TestNormalizeEncodingNameFast(t *testing.T) {
	for _, name := range []string{
		"", "utf-8", "UTF-8", "utf_8", "utf8", "Utf-8", "latin-1", "latin_1", "ascii", "ASCII",
		"iso8859-15", "iso8859_15", "_utf8", "utf8_", "utf__8", "utf-_8", "a_b_c", "a.b", "a_.b",
		"cp1252", " utf 8 ", "u\x00tf8", "é", "x_y", "_", "__", "a_", "_a", "a__", "ko-i8_r",
	} {
		want := normalizeEncodingNameSlow(name)
		if got := normalizeEncodingName(name); got != want {
			t.Errorf("normalizeEncodingName(%q) = %q, want %q", name, got, want)
		}
	}
}
