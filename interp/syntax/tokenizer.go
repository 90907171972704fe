package syntax

// The tokenizer follows CPython 3.12's C tokenizer (Parser/tokenizer.c) in
// "parser mode": the token boundaries, the INDENT/DEDENT logic with its
// alternate tab size check, the bracket stack, the PEP 701 f-string modes,
// the order in which characters are read and put back (which decides the
// line a multi-line token ends on) and the exact text and position of every
// error it raises. Comments and NL tokens are consumed, never returned.
//
// Positions. Lines count from 1 and columns count UTF-8 bytes from 0, as
// CPython's tokens do. A token's line is the line of its first byte; its end
// line is the line the tokenizer had last read when the token ended, which
// for a token ending in a newline may be the following line, as in CPython.
// Special tokens:
//
//   - NEWLINE covers the '\n' (EndCol = Col+1). When a comment ends the line
//     it starts at the '#', as CPython's parser-mode NEWLINE does. When the
//     source does not end in a newline one is implied: that NEWLINE has
//     Start == End == len(src) but the line and columns CPython gives it.
//   - INDENT spans the indentation of its line; DEDENT is empty, at the
//     first token of its line; DEDENTs at the end of input and EOF sit at
//     column 0 of the line after the last one, as the tokenize module shows
//     them (CPython's parser-mode tokens have no column there).
//   - FSTRING_MIDDLE: see getFString.
//
// Newlines: the tokenizer expects '\n' line ends (DecodeSource translates
// "\r\n" and "\r"). When src still holds a '\r' it tokenizes a translated
// copy, and token offsets refer to that copy (t.src).

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of CPython 3.12's tokenizer.
const (
	maxIndent       = 100 // MAXINDENT: levels of indentation
	maxLevel        = 200 // MAXLEVEL: nesting of brackets
	maxFStringLevel = 150 // MAXFSTRINGLEVEL: entries of the mode stack
	maxExprNesting  = 3   // MAX_EXPR_NESTING: replacement fields nested in format specs
	tabSize         = 8
	altTabSize      = 1 // the second tab size used to detect ambiguous indentation
)

// OP is the kind of a printable ASCII character that begins no token ('$',
// '?', '`'). CPython's tokenizer returns it as a generic OP token that no
// grammar rule accepts, so the parser reports "invalid syntax" at it.
const OP TokenKind = kwLast + 1

const eofChar = -1

// modeKind says whether the tokenizer reads ordinary tokens or the literal
// part of an f-string.
type modeKind uint8

const (
	regularMode modeKind = iota
	fstringMode
)

// tokMode is one entry of the mode stack (CPython's tokenizer_mode). Entry 0
// is the regular mode outside any f-string; each f-string pushes one entry,
// whose kind flips to regularMode while a replacement field is read.
type tokMode struct {
	kind           modeKind
	inFormatSpec   bool
	raw            bool
	quote          byte
	quoteSize      int
	start          int // offset of the f-string's prefix
	startLine      int // line of the f-string's prefix
	startLineStart int // offset of the start of that line
	curlyDepth     int // brackets open inside the f-string
	exprStartDepth int // depth of the replacement field being read; -1 outside one
}

// tokErrKind says how CPython surfaces a tokenizer failure, which matters
// when the parser has already failed and scans the rest of the input for a
// better error (see checkRestForErrors).
type tokErrKind uint8

const (
	errNone   tokErrKind = iota
	errRaised            // the tokenizer raised SyntaxError itself
	errEOF               // E_EOF: input ended inside brackets or after a backslash
	errCode              // E_DEDENT, E_TABSPACE, E_TOODEEP, E_LINECONT: the parser raises it from the tokenizer's state
)

// tokenizer turns Python source into tokens for the parser.
type tokenizer struct {
	// immutable state
	filename string
	src      []byte // the source, with a final '\n' appended when missing
	origLen  int    // length of the source before the '\n' was appended
	nulPos   int    // offset of the first NUL byte, or -1

	// reading position; line and lineStart describe the line of the last
	// character read (CPython's lineno and line_start), and are advanced
	// lazily when the first character of the next line is read.
	pos       int
	line      int
	lineStart int
	nextLine  int // offset at which the next line starts
	bufStart  int // CPython's tok->buf: start of the current logical line
	inToken   bool

	// the token being scanned
	start          int
	startLine      int
	startLineStart int

	// indentation
	atBOL       bool
	pendin      int // pending INDENTs (>0) or DEDENTs (<0)
	indent      int
	indStack    [maxIndent]int
	altIndStack [maxIndent]int

	// brackets
	level      int
	parenStack [maxLevel]byte
	parenLine  [maxLevel]int
	parenCol   [maxLevel]int

	modes []tokMode

	// byteOffsets makes the errors that CPython's parser raises from the
	// tokenizer's state (unclosed brackets, unexpected EOF, indentation
	// errors, a bad line continuation) count offsets in bytes, as CPython
	// does for a bytes source that declares no encoding. The parser sets it
	// (see declaresEncoding); errors the tokenizer raises itself always
	// count characters.
	byteOffsets bool

	// public state
	err          *Error // set once tokenizing fails; next then returns ILLEGAL
	errKind      tokErrKind
	errInFString bool // the error happened inside an f-string
}

// newTokenizer tokenizes src, which is already UTF-8 (after DecodeSource).
func newTokenizer(filename string, src []byte) *tokenizer {
	t := &tokenizer{filename: filename, atBOL: true}
	if bytes.IndexByte(src, '\r') >= 0 {
		src = translateNewlines(src)
	}
	t.origLen = len(src)
	if len(src) > 0 && src[len(src)-1] != '\n' {
		s := make([]byte, len(src)+1)
		copy(s, src)
		s[len(src)] = '\n'
		src = s
	}
	t.src = src
	t.nulPos = bytes.IndexByte(src, 0)
	t.modes = make([]tokMode, 1, 4)
	t.modes[0] = tokMode{kind: regularMode, exprStartDepth: -1}
	return t
}

// translateNewlines returns src with "\r\n" and lone "\r" turned into "\n",
// as CPython does to all source before tokenizing it.
func translateNewlines(src []byte) []byte {
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\r' {
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}

// next returns the next token for the parser. NL and COMMENT are skipped;
// NEWLINE, INDENT, DEDENT and EOF are produced as CPython's tokenizer does.
// After an error it returns ILLEGAL tokens and t.err holds the error.
func (t *tokenizer) next() Token {
	if t.err != nil {
		return t.illegal()
	}
	tok := t.get()
	if t.err != nil {
		return t.illegal()
	}
	return tok
}

func (t *tokenizer) illegal() Token {
	p := t.pos
	if p > t.origLen {
		p = t.origLen
	}
	return Token{Kind: ILLEGAL, Start: p, End: p, Line: t.line, Col: t.pos - t.lineStart, EndLine: t.line, EndCol: t.pos - t.lineStart}
}

// checkRestForErrors mirrors CPython's _PyPegen_tokenize_full_source_to_check_for_errors:
// once the parser has failed with a generic syntax error whose token is on
// line errLine, CPython tokenizes the rest of the input and reports a
// tokenizer error found there instead (an unclosed bracket only when it was
// opened before errLine). It returns that error, or nil to keep the
// parser's one. Errors raised inside an f-string do not replace it.
func (t *tokenizer) checkRestForErrors(errLine int) *Error {
	if t.err != nil {
		return nil
	}
	for {
		tok := t.next()
		if tok.Kind == EOF {
			return nil
		}
		if tok.Kind != ILLEGAL {
			continue
		}
		if t.errInFString {
			return nil
		}
		switch t.errKind {
		case errRaised:
			return t.err
		default:
			if t.level > 0 && errLine > t.parenLine[t.level-1] {
				return t.unclosedParenError()
			}
			return nil
		}
	}
}

// ---------------------------------------------------------------------------
// Reading characters

// nextc returns the next byte of the source, or eofChar.
func (t *tokenizer) nextc() int {
	// t.nextLine never exceeds len(t.src) while input remains, so the
	// comparison also checks the bounds.
	p := t.pos
	if p >= t.nextLine {
		return t.nextcSlow()
	}
	t.pos = p + 1
	return int(t.src[p])
}

// nextcSlow is nextc at the end of the input or of a line.
func (t *tokenizer) nextcSlow() int {
	if t.pos >= len(t.src) {
		return eofChar
	}
	t.newLine()
	if t.err != nil {
		return eofChar
	}
	c := t.src[t.pos]
	t.pos++
	return int(c)
}

// newLine starts the line at t.pos, as CPython's underflow does.
func (t *tokenizer) newLine() {
	t.line++
	t.lineStart = t.pos
	if !t.inToken {
		t.bufStart = t.pos
	}
	if i := bytes.IndexByte(t.src[t.pos:], '\n'); i >= 0 {
		t.nextLine = t.pos + i + 1
	} else {
		t.nextLine = len(t.src)
	}
	if t.nulPos >= t.pos && t.nulPos < t.nextLine {
		// CPython checks each line as it reads it; the message is the one
		// for source read from a file (compile() of a str rejects NUL bytes
		// before tokenizing, with "source code string cannot contain null
		// bytes" and no position).
		end := t.nulPos
		t.fail(&Error{Type: SyntaxErrorType, Msg: "source code cannot contain null bytes", Filename: t.filename,
			Line: t.line, EndLine: t.line, Text: string(t.src[t.lineStart:end])}, errRaised)
	}
}

// backup puts back the character c just read.
func (t *tokenizer) backup(c int) {
	if c != eofChar {
		t.pos--
	}
}

// setStart records that the token being scanned starts at offset p, on the
// line read last.
func (t *tokenizer) setStart(p int) {
	t.start = p
	t.startLine = t.line
	t.startLineStart = t.lineStart
	t.inToken = true
}

// token builds a token from t.start to end.
func (t *tokenizer) token(kind TokenKind, end int) Token {
	return Token{Kind: kind, Start: t.start, End: end,
		Line: t.startLine, Col: t.start - t.startLineStart,
		EndLine: t.line, EndCol: end - t.lineStart}
}

func (t *tokenizer) top() *tokMode { return &t.modes[len(t.modes)-1] }

func (t *tokenizer) insideFString() bool { return len(t.modes) > 1 }

// ---------------------------------------------------------------------------
// Errors

// fail records e unless an error was already recorded.
func (t *tokenizer) fail(e *Error, kind tokErrKind) Token {
	if t.err == nil {
		t.err = e
		t.errKind = kind
		t.errInFString = len(t.modes) > 1
	}
	return Token{Kind: ILLEGAL}
}

// lineNoNL returns the text of the line starting at lineStart, without its
// newline.
func (t *tokenizer) lineNoNL(lineStart int) string {
	end := bytes.IndexByte(t.src[lineStart:], '\n')
	if end < 0 {
		return string(t.src[lineStart:])
	}
	return string(t.src[lineStart : lineStart+end])
}

// raise records a SyntaxError raised by the tokenizer itself
// (_PyTokenizer_syntaxerror): its offset counts the characters of the
// current line up to the read position, and its text is the line without
// its newline.
func (t *tokenizer) raise(format string, args ...any) Token {
	return t.raiseAt(t.line, t.lineStart, t.pos, format, args...)
}

// raiseAt is raise for a position cur on the line that starts at lineStart.
func (t *tokenizer) raiseAt(line, lineStart, cur int, format string, args ...any) Token {
	if t.err != nil {
		return Token{Kind: ILLEGAL}
	}
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	off := utf8.RuneCount(t.src[lineStart:cur])
	return t.fail(&Error{Type: SyntaxErrorType, Msg: msg, Filename: t.filename, Line: line, Offset: off,
		EndLine: line, EndOffset: off, Text: t.lineNoNL(lineStart)}, errRaised)
}

// raiseRange records a tokenizer SyntaxError with explicit offsets, which
// CPython counts in bytes (_PyTokenizer_syntaxerror_known_range).
func (t *tokenizer) raiseRange(offset, endOffset int, msg string) Token {
	return t.fail(&Error{Type: SyntaxErrorType, Msg: msg, Filename: t.filename, Line: t.line, Offset: offset,
		EndLine: t.line, EndOffset: endOffset, Text: t.lineNoNL(t.lineStart)}, errRaised)
}

// parserError builds an error the way the parser raises it from the
// tokenizer's state: the text is the physical line of the source, newline
// included, and the offset is that of byte n of the line (n counts from 1
// for a known column, from 0 for the read position), converted to
// characters unless t.byteOffsets is set.
func (t *tokenizer) parserError(typ ErrorType, msg string, line, n, endOffset int) *Error {
	text := lineText(t.src[:t.origLen], line)
	off := n
	if !t.byteOffsets {
		off = charsUpTo(text, n)
	}
	return &Error{Type: typ, Msg: msg, Filename: t.filename, Line: line, Offset: off,
		EndLine: line, EndOffset: endOffset, Text: text}
}

// unclosedParenError is "'(' was never closed" for the innermost open
// bracket.
func (t *tokenizer) unclosedParenError() *Error {
	i := t.level - 1
	return t.parserError(SyntaxErrorType, fmt.Sprintf("'%c' was never closed", t.parenStack[i]), t.parenLine[i], t.parenCol[i]+1, 0)
}

// eofError records the end of input inside brackets or after a line
// continuation (E_EOF).
func (t *tokenizer) eofError() Token {
	if t.level > 0 {
		return t.fail(t.unclosedParenError(), errEOF)
	}
	// CPython points just past the last character read on the line.
	e := t.parserError(SyntaxErrorType, "unexpected EOF while parsing", t.line, t.pos-t.lineStart, -1)
	return t.fail(e, errEOF)
}

// charsUpTo counts the characters of text in its first n bytes. Like
// CPython's _PyPegen_byte_offset_to_character_offset, a column past the
// end of the text counts as one past its last character.
func charsUpTo(text string, n int) int {
	if n > len(text) {
		return pyRuneCount(text) + 1
	}
	return pyRuneCount(text[:n])
}

// pyRuneCount counts the characters Python's UTF-8 decoder with the
// "replace" error handler makes of s: a truncated or invalid sequence
// counts once for its longest valid prefix.
func pyRuneCount(s string) int {
	if utf8.ValidString(s) {
		return utf8.RuneCountInString(s)
	}
	n := 0
	for i := 0; i < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			size = invalidPrefixLen(s[i:])
		}
		i += size
	}
	return n
}

// pyReplaceInvalid replaces each invalid UTF-8 sequence of s by U+FFFD,
// as Python's "replace" error handler does.
func pyReplaceInvalid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			size = invalidPrefixLen(s[i:])
		}
		b.WriteRune(r)
		i += size
	}
	return b.String()
}

// invalidPrefixLen returns the length of the maximal valid prefix of a
// UTF-8 sequence at the start of s, which does not start a valid
// character (at least 1).
func invalidPrefixLen(s string) int {
	c := s[0]
	need := 0
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c >= 0xE0 && c <= 0xEF:
		need = 2
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	case c >= 0xF0 && c <= 0xF4:
		need = 3
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	default:
		return 1
	}
	n := 1
	for k := 1; k <= need && k < len(s); k++ {
		b := s[k]
		if k == 1 && (b < lo || b > hi) || k > 1 && (b < 0x80 || b > 0xBF) {
			break
		}
		n++
	}
	return n
}

// ---------------------------------------------------------------------------
// Tokens

// get returns the next token (CPython's tok_get).
func (t *tokenizer) get() Token {
	if t.top().kind == fstringMode {
		return t.getFString()
	}
	return t.getNormal()
}

// getNormal reads a token in regular mode.
func (t *tokenizer) getNormal() Token {
nextline:
	t.inToken = false
	blankline := false

	// Get the indentation level.
	if t.atBOL {
		t.atBOL = false
		col, altcol, contCol := 0, 0, 0
		var c int
	indentLoop:
		for {
			c = t.nextc()
			switch c {
			case ' ':
				col++
				altcol++
			case '\t':
				col = (col/tabSize + 1) * tabSize
				altcol = (altcol/altTabSize + 1) * altTabSize
			case '\f':
				col, altcol = 0, 0
			case '\\':
				// Indentation cannot be split over lines with backslashes:
				// the first backslash decides the indentation.
				if contCol == 0 {
					contCol = col
				}
				if !t.continuation() {
					return Token{Kind: ILLEGAL}
				}
			default:
				break indentLoop
			}
		}
		if t.err != nil {
			return Token{Kind: ILLEGAL}
		}
		t.backup(c)
		if c == '#' || c == '\n' {
			// Lines with only whitespace and/or a comment do not affect
			// indentation and produce no NEWLINE.
			blankline = true
		}
		if !blankline && t.level == 0 {
			if contCol != 0 {
				col, altcol = contCol, contCol
			}
			switch {
			case col == t.indStack[t.indent]:
				if altcol != t.altIndStack[t.indent] {
					return t.tabError()
				}
			case col > t.indStack[t.indent]:
				if t.indent+1 >= maxIndent {
					e := t.parserError(IndentationErrorType, "too many levels of indentation", t.line, 1, 0)
					return t.fail(e, errCode)
				}
				if altcol <= t.altIndStack[t.indent] {
					return t.tabError()
				}
				t.pendin++
				t.indent++
				t.indStack[t.indent] = col
				t.altIndStack[t.indent] = altcol
			default:
				for t.indent > 0 && col < t.indStack[t.indent] {
					t.pendin--
					t.indent--
				}
				if col != t.indStack[t.indent] {
					// CPython points past the end of the line read.
					e := t.parserError(IndentationErrorType, "unindent does not match any outer indentation level", t.line, t.nextLine-t.lineStart, -1)
					return t.fail(e, errCode)
				}
				if altcol != t.altIndStack[t.indent] {
					return t.tabError()
				}
			}
		}
	}

	// Return pending indents and dedents.
	if t.pendin != 0 {
		if t.pendin < 0 {
			t.pendin++
			if t.pos >= len(t.src) {
				return t.eofToken(DEDENT)
			}
			t.setStart(t.pos)
			return t.token(DEDENT, t.pos)
		}
		t.pendin--
		t.start, t.startLine, t.startLineStart = t.lineStart, t.line, t.lineStart
		return t.token(INDENT, t.pos)
	}

again:
	t.inToken = false
	// Skip spaces.
	c := t.nextc()
	for c == ' ' || c == '\t' || c == '\f' {
		c = t.nextc()
	}
	if t.err != nil {
		return Token{Kind: ILLEGAL}
	}
	t.setStart(t.pos - 1)

	// Skip a comment.
	if c == '#' {
		for c != eofChar && c != '\n' {
			c = t.nextc()
		}
		if t.err != nil {
			return Token{Kind: ILLEGAL}
		}
	}

	if c == eofChar {
		if t.level > 0 {
			return t.eofError()
		}
		return t.eofToken(EOF)
	}

	// Identifier, keyword or string prefix.
	if isPotentialIdentifierStart(c) {
		sawB, sawR, sawU, sawF := false, false, false, false
		for {
			switch {
			case !(sawB || sawU || sawF) && (c == 'b' || c == 'B'):
				sawB = true
			case !(sawB || sawU || sawR || sawF) && (c == 'u' || c == 'U'):
				sawU = true
			case !(sawR || sawU) && (c == 'r' || c == 'R'):
				sawR = true
			case !(sawF || sawB || sawU) && (c == 'f' || c == 'F'):
				sawF = true
			default:
				goto ident
			}
			c = t.nextc()
			if c == '"' || c == '\'' {
				if sawF {
					return t.fstringStart(c)
				}
				return t.stringLiteral(c)
			}
		}
	ident:
		nonASCII := false
		if c != eofChar && identTable[c] {
			p := t.pos
			for p < len(t.src) && identTable[t.src[p]] {
				p++
			}
			t.pos = p
			for _, b := range t.src[t.start:p] {
				if b >= utf8.RuneSelf {
					nonASCII = true
					break
				}
			}
		} else {
			t.backup(c)
		}
		if nonASCII && !t.verifyIdentifier() {
			return Token{Kind: ILLEGAL}
		}
		kind := NAME
		if k, ok := keywords[string(t.src[t.start:t.pos])]; ok {
			kind = k
		}
		return t.token(kind, t.pos)
	}

	// Newline.
	if c == '\n' {
		t.atBOL = true
		if blankline || t.level > 0 {
			goto nextline
		}
		tok := t.token(NEWLINE, t.pos)
		if t.pos > t.origLen {
			// The newline CPython implies at the end of the input.
			tok.End = t.origLen
			if tok.Start > t.origLen {
				tok.Start = t.origLen
			}
		}
		return tok
	}

	// Period or number starting with a period.
	if c == '.' {
		c = t.nextc()
		if isDigit(c) {
			return t.fraction(c)
		}
		if c == '.' {
			c = t.nextc()
			if c == '.' {
				return t.token(ELLIPSIS, t.pos)
			}
			t.backup(c)
			t.backup('.')
		} else {
			t.backup(c)
		}
		return t.token(DOT, t.pos)
	}

	// Number.
	if isDigit(c) {
		return t.number(c)
	}

	// String without prefix.
	if c == '"' || c == '\'' {
		return t.stringLiteral(c)
	}

	// Line continuation.
	if c == '\\' {
		if !t.continuation() {
			return Token{Kind: ILLEGAL}
		}
		goto again
	}

	// A ':' that ends the expression of a replacement field starts its
	// format spec.
	if c == ':' && t.insideFString() {
		m := t.top()
		if m.exprStartDepth >= 0 && m.curlyDepth-1 == m.exprStartDepth {
			m.kind = fstringMode
			m.inFormatSpec = true
			return t.token(COLON, t.pos)
		}
	}

	// Two- and three-character operators.
	{
		c2 := t.nextc()
		if k := twoCharOp(c, c2); k != ILLEGAL {
			c3 := t.nextc()
			if k3 := threeCharOp(c, c2, c3); k3 != ILLEGAL {
				k = k3
			} else {
				t.backup(c3)
			}
			return t.token(k, t.pos)
		}
		t.backup(c2)
	}

	// Keep track of bracket nesting.
	switch c {
	case '(', '[', '{':
		if t.level >= maxLevel {
			return t.raise("too many nested parentheses")
		}
		t.parenStack[t.level] = byte(c)
		t.parenLine[t.level] = t.line
		t.parenCol[t.level] = t.start - t.lineStart
		t.level++
		if t.insideFString() {
			t.top().curlyDepth++
		}
	case ')', ']', '}':
		if t.insideFString() && t.top().curlyDepth == 0 && c == '}' {
			return t.raise("f-string: single '}' is not allowed")
		}
		if t.level == 0 {
			return t.raise("unmatched '%c'", c)
		}
		t.level--
		opening := int(t.parenStack[t.level])
		if !(opening == '(' && c == ')' || opening == '[' && c == ']' || opening == '{' && c == '}') {
			if t.insideFString() && opening == '{' {
				m := t.top()
				if m.curlyDepth-1 == m.exprStartDepth {
					return t.raise("f-string: unmatched '%c'", c)
				}
			}
			if t.parenLine[t.level] != t.line {
				return t.raise("closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, opening, t.parenLine[t.level])
			}
			return t.raise("closing parenthesis '%c' does not match opening parenthesis '%c'", c, opening)
		}
		if t.insideFString() {
			m := t.top()
			m.curlyDepth--
			if m.curlyDepth < 0 {
				return t.raise("f-string: unmatched '%c'", c)
			}
			if c == '}' && m.curlyDepth == m.exprStartDepth {
				m.exprStartDepth--
				m.kind = fstringMode
				m.inFormatSpec = false
			}
		}
	}

	if c < ' ' || c == 0x7f {
		return t.raise("invalid non-printable character U+%04X", c)
	}
	return t.token(oneCharOp(c), t.pos)
}

// eofToken returns a DEDENT or EOF token at the end of the input.
func (t *tokenizer) eofToken(kind TokenKind) Token {
	n := t.origLen
	return Token{Kind: kind, Start: n, End: n, Line: t.line + 1, EndLine: t.line + 1}
}

// tabError records "inconsistent use of tabs and spaces in indentation".
func (t *tokenizer) tabError() Token {
	e := t.parserError(TabErrorType, "inconsistent use of tabs and spaces in indentation", t.line, 1, 0)
	return t.fail(e, errCode)
}

// continuation reads the rest of a line continuation after its backslash.
func (t *tokenizer) continuation() bool {
	c := t.nextc()
	if c != '\n' {
		if t.err == nil {
			// CPython counts the column from the start of the logical line.
			e := t.parserError(SyntaxErrorType, "unexpected character after line continuation character", t.line, t.pos-t.bufStart, 0)
			t.fail(e, errCode)
		}
		return false
	}
	c = t.nextc()
	if c == eofChar {
		t.eofError()
		return false
	}
	t.backup(c)
	return true
}

// verifyIdentifier checks the identifier from t.start to t.pos against PEP
// 3131 and reports the first character that may not appear in it.
func (t *tokenizer) verifyIdentifier() bool {
	s := t.src[t.start:t.pos]
	if !utf8.Valid(s) {
		// Undeclared UTF-8 is not checked before tokenizing (see
		// DecodeSource): CPython reports the UnicodeDecodeError of the
		// name, through its parser, just past the name.
		e := t.parserError(SyntaxErrorType, "(unicode error) "+utf8Error(string(s), 0), t.line, t.pos-t.lineStart, -1)
		e.Text = pyReplaceInvalid(e.Text)
		t.fail(e, errRaised)
		return false
	}
	for i, first := 0, true; i < len(s); first = false {
		r, size := utf8.DecodeRune(s[i:])
		ok := r != utf8.RuneError || size > 1
		if ok {
			if first {
				ok = r == '_' || isXIDStart(r)
			} else {
				ok = isXIDContinue(r)
			}
		}
		if !ok {
			t.pos = t.start + i + size
			if IsPrintable(r) {
				t.raise("invalid character '%c' (U+%04X)", r, r)
			} else {
				t.raise("invalid non-printable character U+%04X", r)
			}
			return false
		}
		i += size
	}
	return true
}

// ---------------------------------------------------------------------------
// Numbers

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
		case nonzero:
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
// SyntaxWarning in CPython, which is not reported here; any other letter,
// digit or underscore is an error.
func (t *tokenizer) verifyEndOfNumber(c int, kind string) bool {
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
				t.nextc() // skip the escaped character
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
			if peek == '{' || peek == '}' {
				// "\{" is an invalid escape (a SyntaxWarning, not
				// reported); the brace is read again by the loop.
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

func isDigit(c int) bool    { return c >= '0' && c <= '9' }
func isHexDigit(c int) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// isPotentialIdentifierStart reports whether c may start a NAME: an ASCII
// letter, '_' or any non-ASCII byte (checked later by verifyIdentifier).
func isPotentialIdentifierStart(c int) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= utf8.RuneSelf
}

// identTable marks the bytes that may continue a NAME.
var identTable = func() (tab [256]bool) {
	for c := 0; c < 256; c++ {
		tab[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= utf8.RuneSelf
	}
	return tab
}()

// isXIDStart reports whether r has the XID_Start property. Go's unicode
// package has no XID tables: ID_Start is derived from its categories and
// properties (L, Nl, Other_ID_Start, less Pattern_Syntax and
// Pattern_White_Space), less the characters NFKC would change into
// non-identifiers. Go 1.26 and CPython 3.12 both use Unicode 15.0.0, and a
// test compares every code point with str.isidentifier.
func isXIDStart(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	if notXIDStart(r) {
		return false
	}
	return isIDStart(r)
}

// isXIDContinue reports whether r has the XID_Continue property.
func isXIDContinue(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	}
	if notXIDContinue(r) {
		return false
	}
	if isIDStart(r) {
		return true
	}
	if unicode.Is(unicode.Pattern_Syntax, r) || unicode.Is(unicode.Pattern_White_Space, r) {
		return false
	}
	return unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc) || unicode.Is(unicode.Other_ID_Continue, r)
}

func isIDStart(r rune) bool {
	if unicode.Is(unicode.Pattern_Syntax, r) || unicode.Is(unicode.Pattern_White_Space, r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

// notXIDContinue lists the ID_Continue characters that are not
// XID_Continue (their NFKC forms are not identifier characters).
func notXIDContinue(r rune) bool {
	switch {
	case r == 0x037A, r == 0x309B, r == 0x309C, r >= 0xFC5E && r <= 0xFC63, r == 0xFDFA, r == 0xFDFB:
		return true
	case r >= 0xFE70 && r <= 0xFE7E && r%2 == 0:
		return true
	}
	return false
}

// notXIDStart lists the ID_Start characters that are not XID_Start.
func notXIDStart(r rune) bool {
	return notXIDContinue(r) || r == 0x0E33 || r == 0x0EB3 || r == 0xFF9E || r == 0xFF9F
}

// keywords maps the hard keywords to their kinds.
var keywords = map[string]TokenKind{
	"False": KwFalse, "None": KwNone, "True": KwTrue, "and": KwAnd, "as": KwAs,
	"assert": KwAssert, "async": KwAsync, "await": KwAwait, "break": KwBreak,
	"class": KwClass, "continue": KwContinue, "def": KwDef, "del": KwDel,
	"elif": KwElif, "else": KwElse, "except": KwExcept, "finally": KwFinally,
	"for": KwFor, "from": KwFrom, "global": KwGlobal, "if": KwIf,
	"import": KwImport, "in": KwIn, "is": KwIs, "lambda": KwLambda,
	"nonlocal": KwNonlocal, "not": KwNot, "or": KwOr, "pass": KwPass,
	"raise": KwRaise, "return": KwReturn, "try": KwTry, "while": KwWhile,
	"with": KwWith, "yield": KwYield,
}

// oneCharOp returns the kind of a one-character operator, or OP.
func oneCharOp(c int) TokenKind {
	switch c {
	case '%':
		return PERCENT
	case '&':
		return AMPER
	case '(':
		return LPAR
	case ')':
		return RPAR
	case '*':
		return STAR
	case '+':
		return PLUS
	case ',':
		return COMMA
	case '-':
		return MINUS
	case '.':
		return DOT
	case '/':
		return SLASH
	case ':':
		return COLON
	case ';':
		return SEMI
	case '<':
		return LESS
	case '=':
		return EQUAL
	case '>':
		return GREATER
	case '@':
		return AT
	case '[':
		return LSQB
	case ']':
		return RSQB
	case '^':
		return CIRCUMFLEX
	case '{':
		return LBRACE
	case '|':
		return VBAR
	case '}':
		return RBRACE
	case '~':
		return TILDE
	case '!':
		return EXCLAMATION
	}
	return OP
}

// twoCharOp returns the kind of a two-character operator, or ILLEGAL. Like
// CPython it accepts "<>" as NOTEQUAL; the parser rejects it (outside
// barry_as_FLUFL) by its text.
func twoCharOp(c1, c2 int) TokenKind {
	switch c1 {
	case '!':
		if c2 == '=' {
			return NOTEQUAL
		}
	case '%':
		if c2 == '=' {
			return PERCENTEQUAL
		}
	case '&':
		if c2 == '=' {
			return AMPEREQUAL
		}
	case '*':
		switch c2 {
		case '*':
			return DOUBLESTAR
		case '=':
			return STAREQUAL
		}
	case '+':
		if c2 == '=' {
			return PLUSEQUAL
		}
	case '-':
		switch c2 {
		case '=':
			return MINEQUAL
		case '>':
			return RARROW
		}
	case '/':
		switch c2 {
		case '/':
			return DOUBLESLASH
		case '=':
			return SLASHEQUAL
		}
	case ':':
		if c2 == '=' {
			return COLONEQUAL
		}
	case '<':
		switch c2 {
		case '<':
			return LEFTSHIFT
		case '=':
			return LESSEQUAL
		case '>':
			return NOTEQUAL
		}
	case '=':
		if c2 == '=' {
			return EQEQUAL
		}
	case '>':
		switch c2 {
		case '=':
			return GREATEREQUAL
		case '>':
			return RIGHTSHIFT
		}
	case '@':
		if c2 == '=' {
			return ATEQUAL
		}
	case '^':
		if c2 == '=' {
			return CIRCUMFLEXEQUAL
		}
	case '|':
		if c2 == '=' {
			return VBAREQUAL
		}
	}
	return ILLEGAL
}

// threeCharOp returns the kind of a three-character operator, or ILLEGAL.
func threeCharOp(c1, c2, c3 int) TokenKind {
	if c3 != '=' {
		if c1 == '.' && c2 == '.' && c3 == '.' {
			return ELLIPSIS
		}
		return ILLEGAL
	}
	switch {
	case c1 == '*' && c2 == '*':
		return DOUBLESTAREQUAL
	case c1 == '/' && c2 == '/':
		return DOUBLESLASHEQUAL
	case c1 == '<' && c2 == '<':
		return LEFTSHIFTEQUAL
	case c1 == '>' && c2 == '>':
		return RIGHTSHIFTEQUAL
	}
	return ILLEGAL
}

// opText maps operator text to its kind.
var opText = func() map[string]TokenKind {
	m := map[string]TokenKind{}
	for k := opFirst + 1; k < opLast; k++ {
		m[tokenNames[k]] = k
	}
	return m
}()

// tokenNames holds the CPython token name of each kind, or the text of an
// operator or keyword.
var tokenNames = [...]string{
	ILLEGAL: "ILLEGAL", EOF: "ENDMARKER", NEWLINE: "NEWLINE", INDENT: "INDENT",
	DEDENT: "DEDENT", NAME: "NAME", NUMBER: "NUMBER", STRING: "STRING",
	FSTRING_START: "FSTRING_START", FSTRING_MIDDLE: "FSTRING_MIDDLE", FSTRING_END: "FSTRING_END",
	opFirst: "opFirst",
	LPAR:    "(", RPAR: ")", LSQB: "[", RSQB: "]", LBRACE: "{", RBRACE: "}",
	COLON: ":", COMMA: ",", SEMI: ";", PLUS: "+", MINUS: "-", STAR: "*",
	SLASH: "/", VBAR: "|", AMPER: "&", LESS: "<", GREATER: ">", EQUAL: "=",
	DOT: ".", PERCENT: "%", EQEQUAL: "==", NOTEQUAL: "!=", LESSEQUAL: "<=",
	GREATEREQUAL: ">=", TILDE: "~", CIRCUMFLEX: "^", LEFTSHIFT: "<<",
	RIGHTSHIFT: ">>", DOUBLESTAR: "**", PLUSEQUAL: "+=", MINEQUAL: "-=",
	STAREQUAL: "*=", SLASHEQUAL: "/=", PERCENTEQUAL: "%=", AMPEREQUAL: "&=",
	VBAREQUAL: "|=", CIRCUMFLEXEQUAL: "^=", LEFTSHIFTEQUAL: "<<=",
	RIGHTSHIFTEQUAL: ">>=", DOUBLESTAREQUAL: "**=", DOUBLESLASH: "//",
	DOUBLESLASHEQUAL: "//=", AT: "@", ATEQUAL: "@=", RARROW: "->",
	ELLIPSIS: "...", COLONEQUAL: ":=", EXCLAMATION: "!",
	opLast: "opLast", kwFirst: "kwFirst",
	KwFalse: "False", KwNone: "None", KwTrue: "True", KwAnd: "and", KwAs: "as",
	KwAssert: "assert", KwAsync: "async", KwAwait: "await", KwBreak: "break",
	KwClass: "class", KwContinue: "continue", KwDef: "def", KwDel: "del",
	KwElif: "elif", KwElse: "else", KwExcept: "except", KwFinally: "finally",
	KwFor: "for", KwFrom: "from", KwGlobal: "global", KwIf: "if",
	KwImport: "import", KwIn: "in", KwIs: "is", KwLambda: "lambda",
	KwNonlocal: "nonlocal", KwNot: "not", KwOr: "or", KwPass: "pass",
	KwRaise: "raise", KwReturn: "return", KwTry: "try", KwWhile: "while",
	KwWith: "with", KwYield: "yield", kwLast: "kwLast", OP: "OP",
}

// String returns the CPython name of a token kind (ENDMARKER for EOF), or
// the text of an operator or keyword.
func (k TokenKind) String() string {
	if int(k) < len(tokenNames) && tokenNames[k] != "" {
		return tokenNames[k]
	}
	return fmt.Sprintf("TokenKind(%d)", int(k))
}
