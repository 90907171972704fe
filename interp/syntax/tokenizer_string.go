package syntax

// String literals and f-strings (PEP 701): the quote scanning and the
// tokenizer modes inside replacement fields and format specs.

// stringLiteral scans a string or bytes literal whose prefix starts at
// t.start; quote, its opening quote character, has been read.
func (t *tokenizer) stringLiteral(quote int) Token {
	quoteSize, endQuoteSize := 1, 0
	c := t.nextc()
	if c == quote {
		c = t.nextc()
		if c == quote {
			quoteSize = 3
		} else {
			endQuoteSize = 1 // empty string
		}
	}
	if c != quote {
		t.backup(c)
	}
	for endQuoteSize != quoteSize {
		c = t.nextc()
		if t.err != nil {
			return Token{Kind: ILLEGAL}
		}
		if c == eofChar || quoteSize == 1 && c == '\n' {
			// Report the error at the start of the literal.
			detected := t.line
			if t.insideFString() {
				m := t.top()
				if int(m.quote) == quote && m.quoteSize == quoteSize {
					return t.raiseAt(t.startLine, t.startLineStart, t.start+1, "f-string: expecting '}'")
				}
			}
			if quoteSize == 3 {
				return t.raiseAt(t.startLine, t.startLineStart, t.start+1, "unterminated triple-quoted string literal (detected at line %d)", detected)
			}
			return t.raiseAt(t.startLine, t.startLineStart, t.start+1, "unterminated string literal (detected at line %d)", detected)
		}
		if c == quote {
			endQuoteSize++
		} else {
			endQuoteSize = 0
			if c == '\\' {
				// Skip the escaped character; an escaped "\r\n" (only in
				// untranslated line-by-line input) is one.
				if t.nextc() == '\r' {
					t.nextc()
				}
			}
		}
	}
	return t.token(STRING, t.pos)
}

// fstringStart scans the prefix and opening quote of an f-string and
// enters f-string mode; quote has been read.
func (t *tokenizer) fstringStart(quote int) Token {
	quoteSize := 1
	after := t.nextc()
	if after == quote {
		after2 := t.nextc()
		if after2 == quote {
			quoteSize = 3
		} else {
			t.backup(after2)
			t.backup(after)
		}
	} else {
		t.backup(after)
	}
	if len(t.modes) >= maxFStringLevel {
		return t.raise("too many nested f-strings")
	}
	tok := t.token(FSTRING_START, t.pos)
	raw := true
	if p := t.src[t.start]; p == 'f' || p == 'F' {
		p2 := t.src[t.start+1]
		raw = p2 == 'r' || p2 == 'R'
	}
	t.modes = append(t.modes, tokMode{
		kind: fstringMode, raw: raw, quote: byte(quote), quoteSize: quoteSize,
		start: t.start, startLine: t.startLine, startLineStart: t.startLineStart,
		exprStartDepth: -1,
	})
	return tok
}

// getFString reads a token in f-string mode: the literal text of an
// f-string or of a format spec, or the f-string's closing quote. It defers
// to getNormal at the '{' of a replacement field.
//
// FSTRING_MIDDLE tokens are split exactly where CPython 3.12 splits them:
// at every replacement field, after each doubled brace ("{{" or "}}"),
// after a "\N{...}" escape, and where a format spec ends; a middle may be
// empty (at the start of a format spec that begins with "{{", or between a
// nested field and the '}' closing the spec). A middle that ends at a
// doubled brace includes both braces (CPython's token text stops before the
// second one, while its parser-mode end column is after it), so
// src[Start:End] must be decoded with decodeFStringMiddle, which collapses
// the pair.
func (t *tokenizer) getFString() Token {
	m := t.top()
	t.setStart(t.pos)

	// A replacement field: nothing to read before it.
	c := t.nextc()
	if c == '{' {
		peek := t.nextc()
		t.backup(peek)
		t.backup(c)
		if peek != '{' {
			m.exprStartDepth++
			if m.exprStartDepth >= maxExprNesting {
				return t.raise("f-string: expressions nested too deeply")
			}
			m.kind = regularMode
			return t.getNormal()
		}
	} else {
		t.backup(c)
	}
	if t.err != nil {
		return Token{Kind: ILLEGAL}
	}

	// The end of the f-string?
	n := 0
	for n < m.quoteSize {
		q := t.nextc()
		if q != int(m.quote) {
			t.backup(q)
			break
		}
		n++
	}
	if n == m.quoteSize {
		tok := t.token(FSTRING_END, t.pos)
		t.modes = t.modes[:len(t.modes)-1]
		return tok
	}

	endQuoteSize := 0
	unicodeEscape := false
	for endQuoteSize != m.quoteSize {
		c := t.nextc()
		if t.err != nil {
			return Token{Kind: ILLEGAL}
		}
		inFormatSpec := m.inFormatSpec && m.exprStartDepth >= 0
		if c == eofChar || m.quoteSize == 1 && c == '\n' {
			if inFormatSpec && c == '\n' {
				// A newline ends the format spec.
				t.backup(c)
				m.kind = regularMode
				m.inFormatSpec = false
				return t.token(FSTRING_MIDDLE, t.pos)
			}
			detected := t.line
			if m.quoteSize == 3 {
				return t.raiseAt(m.startLine, m.startLineStart, m.start+1, "unterminated triple-quoted f-string literal (detected at line %d)", detected)
			}
			return t.raiseAt(m.startLine, m.startLineStart, m.start+1, "unterminated f-string literal (detected at line %d)", detected)
		}
		if c == int(m.quote) {
			endQuoteSize++
			continue
		}
		endQuoteSize = 0
		switch c {
		case '{':
			peek := t.nextc()
			if peek != '{' || inFormatSpec {
				t.backup(peek)
				t.backup(c)
				m.exprStartDepth++
				if m.exprStartDepth >= maxExprNesting {
					return t.raise("f-string: expressions nested too deeply")
				}
				m.kind = regularMode
				m.inFormatSpec = false
			}
			return t.token(FSTRING_MIDDLE, t.pos)
		case '}':
			if unicodeEscape {
				return t.token(FSTRING_MIDDLE, t.pos)
			}
			peek := t.nextc()
			if peek == '}' && !inFormatSpec && m.curlyDepth == 0 {
				return t.token(FSTRING_MIDDLE, t.pos)
			}
			t.backup(peek)
			t.backup(c)
			m.kind = regularMode
			m.inFormatSpec = false
			return t.token(FSTRING_MIDDLE, t.pos)
		case '\\':
			peek := t.nextc()
			if peek == '\r' {
				// An escaped "\r\n" (untranslated line-by-line input).
				peek = t.nextc()
			}
			if peek == '{' || peek == '}' {
				// "\{" is an invalid escape, which the tokenizer warns
				// about (the parser leaves it alone); the brace is read
				// again by the loop.
				if !m.raw {
					t.warn("invalid escape sequence '\\" + string(rune(peek)) + "'")
				}
				t.backup(peek)
				continue
			}
			if !m.raw && peek == 'N' {
				peek = t.nextc()
				if peek == '{' {
					unicodeEscape = true
				} else {
					t.backup(peek)
				}
			}
		}
	}
	// Put back the closing quotes: they are the next FSTRING_END.
	for i := 0; i < m.quoteSize; i++ {
		t.pos--
	}
	return t.token(FSTRING_MIDDLE, t.pos)
}

// ---------------------------------------------------------------------------
// Character classes and tables
