package syntax

// The tokenizer as CPython 3.12's _tokenize.TokenizerIter drives it: the
// source comes line by line from a reader (readline), nothing is
// translated ("\r\n" stays), and in extra-tokens mode (what tokenize.py
// asks for) comments and NL tokens are returned while the checks only the
// parser needs are skipped. TokenStream turns the tokenizer's tokens into
// the tuples TokenizerIter yields: CPython's token numbers, strings,
// character columns and the source line, with its quirks.
//
// Lines are read lazily, one reader call when the tokenizer needs the next
// character, so a reader that fails, or stops early, is seen exactly when
// CPython sees it. Like CPython the tokenizer drops the lines it has read
// when no token or f-string needs them any more (see readLine), so memory
// stays bounded by the longest stretch CPython keeps (a line, or the lines
// of a multi-line string, f-string or continuation), not the whole input.

import "bytes"

// LineReader supplies the source of a TokenStream: the next line as
// UTF-8, or eof at the end of the input. A non-nil error stops tokenizing
// and TokenStream.Next returns it unchanged.
type LineReader func() (line []byte, eof bool, err error)

// lineSource is the state of a tokenizer that reads line by line.
type lineSource struct {
	read       LineReader
	done       bool  // the input ended, or reading failed
	err        error // the reader's error
	buf        int   // offset of CPython's tok->buf: where its buffer starts
	reset      bool  // the buffer was emptied at the end of the input
	implicitNL bool  // the last line had no newline: one was appended
	gen        int   // counts the times the read lines were dropped
}

// readLine appends the next line of the source to t.src (CPython's
// tok_underflow_readline); false at the end of the input or on an error.
func (t *tokenizer) readLine() bool {
	ls := t.lines
	if ls.done {
		return false
	}
	// CPython empties its buffer before reading, unless a token or an
	// f-string is still using it.
	empty := !t.inToken && len(t.modes) == 1
	if empty {
		ls.buf = len(t.src)
	}
	line, eof, err := ls.read()
	if err != nil {
		ls.done, ls.err = true, err
		t.fail(&Error{Type: SyntaxErrorType, Msg: "readline failed", Filename: t.filename}, errRead)
		return false
	}
	if eof || len(line) == 0 {
		ls.done, ls.reset = true, empty
		return false
	}
	if empty && len(t.src) > 0 {
		t.dropLines()
	}
	start := len(t.src)
	t.src = append(t.src, line...)
	ls.implicitNL = line[len(line)-1] != '\n'
	if ls.implicitNL {
		t.src = append(t.src, '\n')
	}
	if t.nulPos < 0 {
		if i := bytes.IndexByte(line, 0); i >= 0 {
			t.nulPos = start + i
		}
	}
	t.origLen = len(t.src)
	return true
}

// dropLines forgets the lines read so far, which every token has been
// read from (t.pos is at the end of t.src): offsets into t.src move back
// by its length, and the next line is read into the same array.
func (t *tokenizer) dropLines() {
	n := len(t.src)
	t.src = t.src[:0]
	t.pos -= n
	t.lineStart -= n
	t.nextLine -= n
	t.bufStart -= n
	t.start -= n
	t.startLineStart -= n
	t.origLen -= n
	if t.nulPos >= 0 {
		t.nulPos -= n
	}
	t.lines.buf -= n
	t.lines.gen++
}

// CPython's token numbers (Lib/token.py) as TokenizerIter yields them.
const (
	pyENDMARKER      = 0
	pyNAME           = 1
	pyNUMBER         = 2
	pySTRING         = 3
	pyNEWLINE        = 4
	pyINDENT         = 5
	pyDEDENT         = 6
	pyOP             = 55
	pyAWAIT          = 56
	pyASYNC          = 57
	pyFSTRING_START  = 61
	pyFSTRING_MIDDLE = 62
	pyFSTRING_END    = 63
	pyCOMMENT        = 64
	pyNL             = 65
)

// pyOpNumbers maps each operator kind to its exact CPython token number
// (LPAR 7 ... EXCLAMATION 54), in CPython's order.
var pyOpNumbers = func() map[TokenKind]int {
	order := []TokenKind{LPAR, RPAR, LSQB, RSQB, COLON, COMMA, SEMI, PLUS, MINUS, STAR, SLASH,
		VBAR, AMPER, LESS, GREATER, EQUAL, DOT, PERCENT, LBRACE, RBRACE, EQEQUAL, NOTEQUAL,
		LESSEQUAL, GREATEREQUAL, TILDE, CIRCUMFLEX, LEFTSHIFT, RIGHTSHIFT, DOUBLESTAR,
		PLUSEQUAL, MINEQUAL, STAREQUAL, SLASHEQUAL, PERCENTEQUAL, AMPEREQUAL, VBAREQUAL,
		CIRCUMFLEXEQUAL, LEFTSHIFTEQUAL, RIGHTSHIFTEQUAL, DOUBLESTAREQUAL, DOUBLESLASH,
		DOUBLESLASHEQUAL, AT, ATEQUAL, RARROW, ELLIPSIS, COLONEQUAL, EXCLAMATION}
	m := make(map[TokenKind]int, len(order)+1)
	for i, k := range order {
		m[k] = 7 + i
	}
	m[OP] = pyOP
	return m
}()

// pyTokenNumber is the number CPython's tokenizer gives a token of kind k
// (keywords are NAMEs).
func pyTokenNumber(k TokenKind) int {
	switch {
	case k == EOF:
		return pyENDMARKER
	case k == KwAsync:
		return pyASYNC
	case k == KwAwait:
		return pyAWAIT
	case k == NAME || k.IsKeyword():
		return pyNAME
	case k == NUMBER:
		return pyNUMBER
	case k == STRING:
		return pySTRING
	case k == NEWLINE:
		return pyNEWLINE
	case k == INDENT:
		return pyINDENT
	case k == DEDENT:
		return pyDEDENT
	case k == FSTRING_START:
		return pyFSTRING_START
	case k == FSTRING_MIDDLE:
		return pyFSTRING_MIDDLE
	case k == FSTRING_END:
		return pyFSTRING_END
	case k == COMMENT:
		return pyCOMMENT
	case k == NL:
		return pyNL
	}
	return pyOpNumbers[k]
}

// StreamToken is one item of a TokenStream, the tuple
// (Type, String, (Line, Col), (EndLine, EndCol), Text) TokenizerIter
// yields. Columns count characters; -1 means CPython has none.
type StreamToken struct {
	Type      int // CPython's token number
	String    string
	Line, Col int
	EndLine   int
	EndCol    int
	Text      string // the source line(s) the token is on
}

// StreamErrorShape says how CPython's _tokenize builds the exception of a
// TokenStream failure.
type StreamErrorShape uint8

const (
	// StreamErrorRaised: raised by the tokenizer itself, args (msg,
	// (filename, lineno, offset, text, end_lineno, end_offset)).
	StreamErrorRaised StreamErrorShape = iota
	// StreamErrorState: an indentation or line continuation error, args
	// (msg, (filename, lineno, offset, text, None, None)).
	StreamErrorState
	// StreamErrorEOF: the input ended inside brackets or after a line
	// continuation; CPython's args are (msg,) alone, with the filename,
	// lineno, offset and end_lineno attributes set (text and end_offset
	// None).
	StreamErrorEOF
)

// StreamError is a tokenizing failure of a TokenStream (Filename is
// "<string>", as CPython names it).
type StreamError struct {
	Info  Error
	Shape StreamErrorShape
}

// Error formats the error as str() of the Python exception.
func (e *StreamError) Error() string { return e.Info.Error() }

// TokenStream tokenizes source read line by line as CPython 3.12's
// _tokenize.TokenizerIter does.
type TokenStream struct {
	t    *tokenizer
	done bool

	// The line text of the last token, kept for the tokens that follow
	// on the same line, so that a long line is not copied and counted
	// again for each of its tokens.
	lineFrom, lineTo int
	lineGen          int
	line             string
	lineASCII        bool
}

// lineText returns src[from:to] as a string, reusing the last one.
func (s *TokenStream) lineText(from, to int) string {
	if gen := s.t.lines.gen; from != s.lineFrom || to != s.lineTo || gen != s.lineGen || s.line == "" {
		s.lineFrom, s.lineTo, s.lineGen = from, to, gen
		s.line = string(s.t.src[from:to])
		s.lineASCII = true
		for i := 0; i < len(s.line); i++ {
			if s.line[i] >= 0x80 {
				s.lineASCII = false
				break
			}
		}
	}
	return s.line
}

// column converts byte offset n of text into characters as CPython's
// _PyPegen_byte_offset_to_character_offset does: an offset past the end
// counts one character more than the text has.
func (s *TokenStream) column(text string, n int) int {
	if text == s.line && s.lineASCII {
		return min(n, len(text)+1)
	}
	return charsUpTo(text, n)
}

// NewTokenStream makes a TokenStream reading lines from read; extra is
// TokenizerIter's extra_tokens (what the tokenize module uses).
func NewTokenStream(read LineReader, extra bool) *TokenStream {
	t := &tokenizer{filename: "<string>", atBOL: true, nulPos: -1, extra: extra, lines: &lineSource{read: read}}
	t.modes = make([]tokMode, 1, 4)
	t.modes[0] = tokMode{kind: regularMode, exprStartDepth: -1}
	return &TokenStream{t: t}
}

// Next returns the next token; ok is false once the stream has ended
// (after ENDMARKER, or after an error). The error is a *StreamError, or
// the reader's error as it returned it.
func (s *TokenStream) Next() (tok StreamToken, ok bool, err error) {
	if s.done {
		return StreamToken{}, false, nil
	}
	t := s.t
	k := t.next()
	if k.Kind == ILLEGAL {
		s.done = true
		return StreamToken{}, false, s.failure()
	}
	if k.Kind == EOF {
		s.done = true
	}
	return s.convert(k), true, nil
}

// failure builds the error of a failed tokenizer the way
// Python-tokenize.c does.
func (s *TokenStream) failure() error {
	t := s.t
	ls := t.lines
	switch t.errKind {
	case errRead:
		return ls.err
	case errEOF:
		off := len(t.src) - ls.buf
		if ls.reset {
			off = 0
		}
		return &StreamError{Shape: StreamErrorEOF, Info: Error{Type: SyntaxErrorType,
			Msg: "unexpected EOF in multi-line statement", Filename: t.filename,
			Line: t.line, Offset: off, EndLine: t.line}}
	case errCode:
		// The text is CPython's buffer without its last newline, and
		// the offset points past its end.
		text := string(t.src[ls.buf:max(ls.buf, len(t.src)-1)])
		return &StreamError{Shape: StreamErrorState, Info: Error{Type: t.err.Type, Msg: t.err.Msg,
			Filename: t.filename, Line: t.line, Offset: charsUpTo(text, len(text)+1), Text: text}}
	}
	return &StreamError{Shape: StreamErrorRaised, Info: *t.err}
}

// convert turns a tokenizer token into what TokenizerIter yields.
func (s *TokenStream) convert(k Token) StreamToken {
	t := s.t
	ls := t.lines
	extra := t.extra
	start, end := k.Start, k.End
	noPos := false // CPython's token has no text pointers
	switch k.Kind {
	case NEWLINE:
		end-- // the '\n' is left out
	case FSTRING_MIDDLE:
		// A middle that ends at a doubled brace keeps one of the two (see
		// getFString); only then does a middle end in two braces.
		if txt := t.src[start:end]; bytes.HasSuffix(txt, []byte("{{")) || bytes.HasSuffix(txt, []byte("}}")) {
			end--
		}
	case INDENT:
		if extra {
			start = ls.buf
		} else {
			noPos = true
		}
	case DEDENT, EOF:
		noPos = !extra
	}
	trailing := k.Kind == EOF || k.Kind == DEDENT && ls.done && t.pos >= len(t.src)

	// The line: from the start of the line the token starts on (for
	// strings, which may span lines) to the end of what was read.
	lineStart, lineno := t.lineStart, t.line
	if k.Kind == STRING || k.Kind == FSTRING_MIDDLE {
		lineStart, lineno = t.startLineStart, k.Line
	}
	text := ""
	if !(trailing && (extra || ls.reset)) {
		stop := len(t.src)
		if ls.implicitNL && stop-lineStart >= 1 {
			stop--
		}
		text = s.lineText(lineStart, max(lineStart, stop))
	}

	tok := StreamToken{Type: pyTokenNumber(k.Kind), Line: lineno, Col: -1, EndLine: t.line, EndCol: -1, Text: text}
	if !noPos {
		tok.String = string(t.src[start:end])
		// Like CPython the end column is converted with the token's line
		// text even when the token ends on a later line.
		if start >= lineStart {
			tok.Col = s.column(text, start-lineStart)
		}
		if end >= t.lineStart {
			tok.EndCol = s.column(text, end-t.lineStart)
		}
	}
	if !extra {
		return tok
	}
	if trailing {
		tok.Line++
		tok.EndLine, tok.Col, tok.EndCol = tok.Line, 0, 0
	}
	switch {
	case tok.Type > pyDEDENT && tok.Type < pyOP:
		tok.Type = pyOP
	case tok.Type == pyASYNC || tok.Type == pyAWAIT:
		tok.Type = pyNAME
	case k.Kind == NEWLINE:
		if !ls.implicitNL {
			tok.String += "\n"
		}
		tok.EndCol++
	case k.Kind == NL:
		if ls.implicitNL {
			tok.String = ""
		}
	}
	return tok
}
