package interp

import (
	"unicode"
	"unicode/utf8"

	"github.com/parallel-py/parallel/interp/syntax"
)

// Case mapping and the character-class predicates of str. CPython uses
// the full (SpecialCasing.txt) mappings, where one code point may become
// several, and maps a capital sigma to the final form at the end of a
// word; Go's unicode package has the simple mappings, and the expansions
// are in str_unicode_tables.go. Both follow Unicode 15.0.0 (Go 1.26 and
// CPython 3.12); TestStrUnicodeSweep compares every code point with
// CPython.

func init() {
	caseMethod := func(name string, ascii func(s string) string, full func(s string) string) {
		defMethod(strType, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.strNoArgs(name, args, kwnames); err != nil {
				return Value{}, err
			}
			o := strObj(args[0])
			if o.ascii {
				return in.newStrText(ascii(o.s), o.length, true)
			}
			return in.newStrOf(full(o.s))
		})
	}
	caseMethod("lower", asciiLower, fullLowerString)
	caseMethod("upper", asciiUpper, fullUpperString)
	caseMethod("casefold", asciiLower, caseFold)
	caseMethod("swapcase", asciiSwapCase, fullSwapCase)
	caseMethod("title", asciiTitle, fullTitleString)
	caseMethod("capitalize", asciiCapitalize, fullCapitalize)

	for _, p := range strPredicates {
		p := p
		defMethod(strType, p.name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.strNoArgs(p.name, args, kwnames); err != nil {
				return Value{}, err
			}
			o := strObj(args[0])
			if o.length == 0 {
				return Bool(p.empty), nil
			}
			return Bool(p.fn(o)), nil
		})
	}
}

// strPredicates are the is* methods: their answer for the empty str, and
// the test of a non-empty one.
var strPredicates = []struct {
	name  string
	empty bool
	fn    func(o *Str) bool
}{
	{"isascii", true, func(o *Str) bool { return o.ascii }},
	{"isalpha", false, everyCP(isAlphaASCII, unicode.IsLetter)},
	{"isdecimal", false, everyCP(isDigitASCII, isDecimalCP)},
	{"isdigit", false, everyCP(isDigitASCII, isDigitCP)},
	{"isnumeric", false, everyCP(isDigitASCII, isNumericCP)},
	{"isalnum", false, everyCP(func(c byte) bool { return isAlphaASCII(c) || isDigitASCII(c) }, func(r rune) bool {
		return unicode.IsLetter(r) || isNumericCP(r)
	})},
	{"isspace", false, everyCP(func(c byte) bool { return strASCIISpace[c] }, unicode.IsSpace)},
	{"islower", false, func(o *Str) bool { return strCaseKind(o.s, isLowerCP, isUpperCP) }},
	{"isupper", false, func(o *Str) bool { return strCaseKind(o.s, isUpperCP, isLowerCP) }},
	{"istitle", false, func(o *Str) bool { return strIsTitle(o.s) }},
	{"isprintable", true, everyCP(func(c byte) bool { return c >= ' ' && c < 0x7f }, syntax.IsPrintable)},
	{"isidentifier", false, func(o *Str) bool { return strIsIdentifier(o.s) }},
}

// everyCP makes a predicate true when every code point passes: asciiPred
// tests the ASCII ones, pred the others.
func everyCP(asciiPred func(c byte) bool, pred func(r rune) bool) func(o *Str) bool {
	return func(o *Str) bool {
		s := o.s
		for i := 0; i < len(s); {
			if c := s[i]; c < utf8.RuneSelf {
				if !asciiPred(c) {
					return false
				}
				i++
				continue
			}
			r, n := decodeCP(s[i:])
			if !pred(r) {
				return false
			}
			i += n
		}
		return true
	}
}

func isAlphaASCII(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigitASCII(c byte) bool { return c >= '0' && c <= '9' }

func isDecimalCP(r rune) bool { return unicode.Is(unicode.Nd, r) }
func isDigitCP(r rune) bool   { return unicode.Is(unicode.Nd, r) || unicode.Is(digitNotDecimal, r) }
func isNumericCP(r rune) bool { return unicode.IsNumber(r) || unicode.Is(numericNotN, r) }

// isLowerCP and isUpperCP are the Lowercase and Uppercase properties
// (categories Ll and Lu plus Other_Lowercase and Other_Uppercase).
func isLowerCP(r rune) bool {
	return unicode.IsLower(r) || unicode.Is(unicode.Other_Lowercase, r)
}

func isUpperCP(r rune) bool {
	return unicode.IsUpper(r) || unicode.Is(unicode.Other_Uppercase, r)
}

// isCasedCP is the Cased property.
func isCasedCP(r rune) bool { return isLowerCP(r) || isUpperCP(r) || unicode.IsTitle(r) }

// isCaseIgnorableCP is the Case_Ignorable property: categories Mn, Me,
// Cf, Lm and Sk, and the word-break classes MidLetter, MidNumLet and
// Single_Quote.
func isCaseIgnorableCP(r rune) bool {
	switch r {
	case '\'', '.', ':', 0x00b7, 0x0387, 0x055f, 0x05f4, 0x2018, 0x2019, 0x2024, 0x2027, 0xfe13, 0xfe52, 0xfe55, 0xff07, 0xff0e, 0xff1a:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// strCaseKind is islower (is: isLowerCP, not: isUpperCP) and isupper:
// some cased character, all of them of the one case and none titlecase.
func strCaseKind(s string, is, not func(rune) bool) bool {
	cased := false
	for i := 0; i < len(s); {
		r, n := decodeCP(s[i:])
		i += n
		if not(r) || unicode.IsTitle(r) {
			return false
		}
		if !cased && is(r) {
			cased = true
		}
	}
	return cased
}

// strIsTitle is str.istitle: uppercase and titlecase characters only
// after uncased ones, lowercase only after cased ones.
func strIsTitle(s string) bool {
	cased, prevCased := false, false
	for i := 0; i < len(s); {
		r, n := decodeCP(s[i:])
		i += n
		switch {
		case isUpperCP(r) || unicode.IsTitle(r):
			if prevCased {
				return false
			}
			prevCased, cased = true, true
		case isLowerCP(r):
			if !prevCased {
				return false
			}
			prevCased, cased = true, true
		default:
			prevCased = false
		}
	}
	return cased
}

// strIsIdentifier is str.isidentifier: XID_Start or '_', then
// XID_Continue characters.
func strIsIdentifier(s string) bool {
	for i := 0; i < len(s); {
		r, n := decodeCP(s[i:])
		if i == 0 {
			if r != '_' && !isXIDStartCP(r) {
				return false
			}
		} else if !isXIDContinueCP(r) {
			return false
		}
		i += n
	}
	return true
}

// isXIDStartCP is the XID_Start property, derived from Go's tables: the
// ID_Start characters (letters, Nl and Other_ID_Start, less the pattern
// characters) less those whose NFKC form is not an identifier start.
func isXIDStartCP(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	switch r {
	case 0x0e33, 0x0eb3, 0xff9e, 0xff9f:
		return false
	}
	return !notXIDContinueCP(r) && isIDStartCP(r)
}

// isXIDContinueCP is the XID_Continue property.
func isXIDContinueCP(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z' || r >= '0' && r <= '9' || r == '_'
	}
	if notXIDContinueCP(r) {
		return false
	}
	if isIDStartCP(r) {
		return true
	}
	if unicode.Is(unicode.Pattern_Syntax, r) || unicode.Is(unicode.Pattern_White_Space, r) {
		return false
	}
	return unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc) || unicode.Is(unicode.Other_ID_Continue, r)
}

func isIDStartCP(r rune) bool {
	if unicode.Is(unicode.Pattern_Syntax, r) || unicode.Is(unicode.Pattern_White_Space, r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

// notXIDContinueCP lists the ID_Continue characters whose NFKC form
// contains non-identifier characters.
func notXIDContinueCP(r rune) bool {
	switch {
	case r == 0x037a, r == 0x309b, r == 0x309c, r >= 0xfc5e && r <= 0xfc63, r == 0xfdfa, r == 0xfdfb:
		return true
	case r >= 0xfe70 && r <= 0xfe7e && r%2 == 0:
		return true
	}
	return false
}

// ASCII case mapping, byte by byte.

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 32
				}
			}
			return string(b)
		}
	}
	return s
}

func asciiUpper(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'a' && c <= 'z' {
					b[j] = c - 32
				}
			}
			return string(b)
		}
	}
	return s
}

func asciiSwapCase(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c|0x20 >= 'a' && c|0x20 <= 'z' {
			b[i] = c ^ 0x20
		}
	}
	return string(b)
}

func asciiTitle(s string) string {
	b := []byte(s)
	prevCased := false
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			if !prevCased {
				b[i] = c - 32
			}
			prevCased = true
		case c >= 'A' && c <= 'Z':
			if prevCased {
				b[i] = c + 32
			}
			prevCased = true
		default:
			prevCased = false
		}
	}
	return string(b)
}

func asciiCapitalize(s string) string {
	b := []byte(asciiLower(s))
	if len(b) > 0 && b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 32
	}
	return string(b)
}

// Full case mapping of code points.

func appendUpperCP(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if r >= 'a' && r <= 'z' {
			r -= 32
		}
		return append(b, byte(r))
	}
	if m, ok := fullUpper[r]; ok {
		return append(b, m...)
	}
	return appendCP(b, unicode.ToUpper(r))
}

func appendTitleCP(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if r >= 'a' && r <= 'z' {
			r -= 32
		}
		return append(b, byte(r))
	}
	if m, ok := fullTitle[r]; ok {
		return append(b, m...)
	}
	return appendCP(b, unicode.ToTitle(r))
}

// appendLowerCP lowers the code point r found at byte offset i of s,
// where a capital sigma becomes final or not by its context.
func appendLowerCP(b []byte, s string, i int, r rune) []byte {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			r += 32
		}
		return append(b, byte(r))
	}
	if r == 0x3a3 {
		if finalSigma(s, i) {
			return appendCP(b, 0x3c2)
		}
		return appendCP(b, 0x3c3)
	}
	if m, ok := fullLower[r]; ok {
		return append(b, m...)
	}
	return appendCP(b, unicode.ToLower(r))
}

// finalSigma reports whether the capital sigma at byte offset i of s ends
// a word: a cased character precedes it and none follows it, skipping
// case-ignorable characters both ways.
func finalSigma(s string, i int) bool {
	j := i
	for {
		if j == 0 {
			return false
		}
		c, n := decodeLastCP(s[:j])
		j -= n
		if !isCaseIgnorableCP(c) {
			if !isCasedCP(c) {
				return false
			}
			break
		}
	}
	for k := i + 2; k < len(s); {
		c, n := decodeCP(s[k:])
		k += n
		if !isCaseIgnorableCP(c) {
			return !isCasedCP(c)
		}
	}
	return true
}

// mapString applies f to each code point of s with its offset.
func mapString(s string, f func(b []byte, i int, r rune) []byte) string {
	b := make([]byte, 0, len(s)+len(s)/8)
	for i := 0; i < len(s); {
		r, n := decodeCP(s[i:])
		b = f(b, i, r)
		i += n
	}
	return string(b)
}

func fullLowerString(s string) string {
	return mapString(s, func(b []byte, i int, r rune) []byte { return appendLowerCP(b, s, i, r) })
}

func fullUpperString(s string) string {
	return mapString(s, func(b []byte, i int, r rune) []byte { return appendUpperCP(b, r) })
}

func caseFold(s string) string {
	return mapString(s, func(b []byte, i int, r rune) []byte {
		if m, ok := foldSpecial[r]; ok {
			return append(b, m...)
		}
		if m, ok := fullLower[r]; ok {
			return append(b, m...)
		}
		return appendCP(b, unicode.ToLower(r))
	})
}

func fullSwapCase(s string) string {
	return mapString(s, func(b []byte, i int, r rune) []byte {
		switch {
		case isUpperCP(r):
			return appendLowerCP(b, s, i, r)
		case isLowerCP(r):
			return appendUpperCP(b, r)
		}
		return appendCP(b, r)
	})
}

func fullTitleString(s string) string {
	prevCased := false
	return mapString(s, func(b []byte, i int, r rune) []byte {
		if prevCased {
			b = appendLowerCP(b, s, i, r)
		} else {
			b = appendTitleCP(b, r)
		}
		prevCased = isCasedCP(r)
		return b
	})
}

func fullCapitalize(s string) string {
	return mapString(s, func(b []byte, i int, r rune) []byte {
		if i == 0 {
			return appendTitleCP(b, r)
		}
		return appendLowerCP(b, s, i, r)
	})
}
