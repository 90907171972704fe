package syntax

// The tokenizer follows CPython 3.12's C tokenizer (Parser/tokenizer.c) in
// "parser mode": the token boundaries, the INDENT/DEDENT logic with its
// alternate tab size check, the bracket stack, the PEP 701 f-string modes,
// the order in which characters are read and put back (which decides the
// line a multi-line token ends on) and the exact text and position of every
// error it raises. Comments and NL tokens are consumed, never returned,
// except in the extra-tokens mode of the tokenize module (tokens_extra.go),
// which also reads its input line by line and leaves "\r" untranslated.
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

// COMMENT and NL are produced in extra-tokens mode only (see
// tokens_extra.go): a comment, and a newline that ends no logical line.
const (
	COMMENT TokenKind = kwLast + 2 + iota
	NL
)

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
	errRead              // the line source failed (extra-tokens mode)
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

	// extra-tokens mode (CPython's tok_extra_tokens, tokens_extra.go):
	// comments and NL tokens are returned, and the checks that only the
	// parser needs are skipped. lines is the line source of a tokenizer
	// that reads its input line by line (nil when src holds it all).
	extra          bool
	commentNewline bool // the comment just returned was alone on its line
	lines          *lineSource

	// warnings issued so far (warnings.go)
	warnings []Warning

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
	if t.pos >= len(t.src) && (t.lines == nil || !t.readLine()) {
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
	if t.lines != nil {
		// A line is what the line source returned, newlines inside it
		// included, as CPython counts lines read through readline.
		t.nextLine = len(t.src)
	} else if i := bytes.IndexByte(t.src[t.pos:], '\n'); i >= 0 {
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
	return t.fail(t.errorAt(line, lineStart, cur, msg), errRaised)
}

// errorAt builds the SyntaxError raiseAt records.
func (t *tokenizer) errorAt(line, lineStart, cur int, msg string) *Error {
	off := utf8.RuneCount(t.src[lineStart:cur])
	return &Error{Type: SyntaxErrorType, Msg: msg, Filename: t.filename, Line: line, Offset: off,
		EndLine: line, EndOffset: off, Text: t.lineNoNL(lineStart)}
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
		if c == '#' || c == '\n' || c == '\r' {
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

	// Skip a comment ('\r' only occurs in untranslated line-by-line input).
	if c == '#' {
		for c != eofChar && c != '\n' && c != '\r' {
			c = t.nextc()
		}
		if t.err != nil {
			return Token{Kind: ILLEGAL}
		}
		if t.extra {
			t.backup(c)
			t.commentNewline = blankline
			return t.token(COMMENT, t.pos)
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
		if nonASCII && !t.extra && !t.verifyIdentifier() {
			return Token{Kind: ILLEGAL}
		}
		kind := NAME
		if k, ok := keywords[string(t.src[t.start:t.pos])]; ok {
			kind = k
		}
		return t.token(kind, t.pos)
	}

	// A '\r' (untranslated line-by-line input only) joins the character
	// after it, as CPython 3.12 does: "\r\n" is a newline.
	if c == '\r' {
		c = t.nextc()
	}

	// Newline.
	if c == '\n' {
		t.atBOL = true
		if blankline || t.level > 0 {
			if t.extra {
				t.commentNewline = false
				return t.token(NL, t.pos)
			}
			goto nextline
		}
		if t.extra && t.commentNewline {
			t.commentNewline = false
			return t.token(NL, t.pos)
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
		// In extra-tokens mode unmatched brackets are not errors: the
		// tokenize module leaves them to the parser.
		if t.level == 0 {
			if !t.extra {
				return t.raise("unmatched '%c'", c)
			}
		} else {
			t.level--
			if opening := int(t.parenStack[t.level]); !t.extra && !matchingBrackets(opening, c) {
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

// matchingBrackets reports whether close closes open.
func matchingBrackets(open, close int) bool {
	return open == '(' && close == ')' || open == '[' && close == ']' || open == '{' && close == '}'
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
	if c == '\r' {
		c = t.nextc()
	}
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
