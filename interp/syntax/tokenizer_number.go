package syntax

import "unicode/utf8"

// Numeric literals: decimal, hex, octal and binary integers, floats and
// imaginary numbers, with CPython's errors for malformed ones.

// number scans a number whose first digit c has been read.
func (t *tokenizer) number(c int) Token {
	if c != '0' {
		c, ok := t.decimalTail()
		if !ok {
			return Token{Kind: ILLEGAL}
		}
		return t.afterInteger(c)
	}
	c = t.nextc()
	switch c {
	case 'x', 'X':
		c = t.nextc()
		for {
			if c == '_' {
				c = t.nextc()
			}
			if !isHexDigit(c) {
				t.backup(c)
				return t.raise("invalid hexadecimal literal")
			}
			for {
				c = t.nextc()
				if !isHexDigit(c) {
					break
				}
			}
			if c != '_' {
				break
			}
		}
		if !t.verifyEndOfNumber(c, "hexadecimal") {
			return Token{Kind: ILLEGAL}
		}
	case 'o', 'O':
		c = t.nextc()
		for {
			if c == '_' {
				c = t.nextc()
			}
			if c < '0' || c >= '8' {
				if isDigit(c) {
					return t.raise("invalid digit '%c' in octal literal", c)
				}
				t.backup(c)
				return t.raise("invalid octal literal")
			}
			for {
				c = t.nextc()
				if c < '0' || c >= '8' {
					break
				}
			}
			if c != '_' {
				break
			}
		}
		if isDigit(c) {
			return t.raise("invalid digit '%c' in octal literal", c)
		}
		if !t.verifyEndOfNumber(c, "octal") {
			return Token{Kind: ILLEGAL}
		}
	case 'b', 'B':
		c = t.nextc()
		for {
			if c == '_' {
				c = t.nextc()
			}
			if c != '0' && c != '1' {
				if isDigit(c) {
					return t.raise("invalid digit '%c' in binary literal", c)
				}
				t.backup(c)
				return t.raise("invalid binary literal")
			}
			for {
				c = t.nextc()
				if c != '0' && c != '1' {
					break
				}
			}
			if c != '_' {
				break
			}
		}
		if isDigit(c) {
			return t.raise("invalid digit '%c' in binary literal", c)
		}
		if !t.verifyEndOfNumber(c, "binary") {
			return Token{Kind: ILLEGAL}
		}
	default:
		// Zero, a float starting with zero, or an old-style octal literal.
		nonzero := false
		for {
			if c == '_' {
				c = t.nextc()
				if !isDigit(c) {
					t.backup(c)
					return t.raise("invalid decimal literal")
				}
			}
			if c != '0' {
				break
			}
			c = t.nextc()
		}
		zerosEnd := t.pos
		if isDigit(c) {
			nonzero = true
			var ok bool
			if c, ok = t.decimalTail(); !ok {
				return Token{Kind: ILLEGAL}
			}
		}
		switch {
		case c == '.':
			return t.fraction(t.nextc())
		case c == 'e' || c == 'E':
			return t.exponent(c)
		case c == 'j' || c == 'J':
			return t.imaginary()
		case nonzero && !t.extra:
			t.backup(c)
			return t.raiseRange(t.start+1-t.lineStart, zerosEnd-t.lineStart,
				"leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
		}
		if !t.verifyEndOfNumber(c, "decimal") {
			return Token{Kind: ILLEGAL}
		}
	}
	t.backup(c)
	return t.token(NUMBER, t.pos)
}

// afterInteger continues a decimal number after its integer digits; c is
// the character after them.
func (t *tokenizer) afterInteger(c int) Token {
	if c == '.' {
		return t.fraction(t.nextc())
	}
	return t.afterFraction(c)
}

// fraction continues a number after its '.'; c is the character after it.
func (t *tokenizer) fraction(c int) Token {
	if isDigit(c) {
		var ok bool
		if c, ok = t.decimalTail(); !ok {
			return Token{Kind: ILLEGAL}
		}
	}
	return t.afterFraction(c)
}

func (t *tokenizer) afterFraction(c int) Token {
	switch c {
	case 'e', 'E':
		return t.exponent(c)
	case 'j', 'J':
		return t.imaginary()
	}
	if !t.verifyEndOfNumber(c, "decimal") {
		return Token{Kind: ILLEGAL}
	}
	t.backup(c)
	return t.token(NUMBER, t.pos)
}

// exponent continues a number at its 'e' or 'E', which has been read.
func (t *tokenizer) exponent(e int) Token {
	c := t.nextc()
	if c == '+' || c == '-' {
		c = t.nextc()
		if !isDigit(c) {
			t.backup(c)
			return t.raise("invalid decimal literal")
		}
	} else if !isDigit(c) {
		t.backup(c)
		if !t.verifyEndOfNumber(e, "decimal") {
			return Token{Kind: ILLEGAL}
		}
		t.backup(e)
		return t.token(NUMBER, t.pos)
	}
	c, ok := t.decimalTail()
	if !ok {
		return Token{Kind: ILLEGAL}
	}
	if c == 'j' || c == 'J' {
		return t.imaginary()
	}
	if !t.verifyEndOfNumber(c, "decimal") {
		return Token{Kind: ILLEGAL}
	}
	t.backup(c)
	return t.token(NUMBER, t.pos)
}

// imaginary ends a number after its 'j' or 'J', which has been read.
func (t *tokenizer) imaginary() Token {
	c := t.nextc()
	if !t.verifyEndOfNumber(c, "imaginary") {
		return Token{Kind: ILLEGAL}
	}
	t.backup(c)
	return t.token(NUMBER, t.pos)
}

// decimalTail reads digits and single underscores between digits, and
// returns the first character after them.
func (t *tokenizer) decimalTail() (int, bool) {
	for {
		c := t.nextc()
		for isDigit(c) {
			c = t.nextc()
		}
		if c != '_' {
			return c, true
		}
		c = t.nextc()
		if !isDigit(c) {
			t.backup(c)
			t.raise("invalid decimal literal")
			return 0, false
		}
	}
}

// verifyEndOfNumber checks the character c read after a number. A number
// directly followed by one of the keywords that may follow a number in
// valid code (and, else, for, if, in, is, not, or) only draws a
// SyntaxWarning, "invalid <kind> literal" at the keyword; any other
// letter, digit or underscore is an error. Extra-tokens mode checks
// nothing.
func (t *tokenizer) verifyEndOfNumber(c int, kind string) bool {
	if t.extra {
		// The tokenize module is more liberal: "1if" is two tokens.
		return true
	}
	r := false
	switch c {
	case 'a':
		r = t.lookahead("nd")
	case 'e':
		r = t.lookahead("lse")
	case 'f':
		r = t.lookahead("or")
	case 'i':
		c2 := t.nextc()
		r = c2 == 'f' || c2 == 'n' || c2 == 's'
		t.backup(c2)
	case 'o':
		r = t.lookahead("r")
	case 'n':
		r = t.lookahead("ot")
	}
	if r {
		t.backup(c)
		t.warn("invalid " + kind + " literal")
		t.nextc()
		return true
	}
	if c >= 0 && c < utf8.RuneSelf && identTable[c] {
		t.backup(c)
		t.raise("invalid %s literal", kind)
		return false
	}
	return true
}

// lookahead reports whether the input continues with test followed by a
// character that cannot continue an identifier, without consuming it.
func (t *tokenizer) lookahead(test string) bool {
	save := t.pos
	res := false
	for i := 0; ; i++ {
		c := t.nextc()
		if i == len(test) {
			res = c == eofChar || !identTable[c]
			break
		}
		if c != int(test[i]) {
			break
		}
	}
	t.pos = save
	return res
}

// ---------------------------------------------------------------------------
// Strings
