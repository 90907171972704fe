package syntax

// The parser is a hand-written recursive-descent parser for CPython 3.12's
// PEG grammar (Grammar/python.gram). Each parse function is named for the
// grammar rule it implements and consumes tokens from a lazily filled buffer,
// so it can look ahead or backtrack by resetting p.pos. Node positions
// follow the grammar's EXTRA convention: a node spans from the first token
// of its rule to the last token the rule consumed, which is why parse
// functions record the token index where they start rather than the
// position of their first child.
//
// CPython reports errors in two passes: a fast pass, then, on failure, a
// second pass with its invalid_* rules enabled that turns common mistakes
// into specific messages. We fold the specific checks into the one pass at
// the point where the fast grammar would fail, raising the same message at
// the same position. Internal bail-outs panic with bailout and are
// recovered in Parse.

import "fmt"

// Mode selects the grammar's start rule, as compile()'s mode argument does.
type Mode uint8

// Parse modes.
const (
	ModeExec   Mode = iota // a module: file_input
	ModeEval               // a single expression: eval_input
	ModeSingle             // one interactive statement: single_input
)

// maxDepth bounds the parser's recursion. CPython's parser stops at a C
// stack depth of 6000 rule invocations; our rules nest less deeply per
// source construct, so a smaller bound gives the same protection.
const maxDepth = 3000

// Parse parses a whole source file. src holds the file's raw bytes: a BOM or
// a PEP 263 coding cookie is honoured. The returned error, when not nil, is
// a *Error describing a SyntaxError, IndentationError or TabError as CPython
// 3.12 reports it.
func Parse(filename string, src []byte, mode Mode) (mod Mod, err error) {
	text, derr := DecodeSource(filename, src)
	if derr != nil {
		return nil, derr
	}
	p := &parser{filename: filename, src: text, tz: newTokenizer(filename, text)}
	// CPython converts the columns of parser errors to characters only
	// when the source declared its encoding (a BOM or a coding cookie).
	p.byteOffsets = !declaresEncoding(src)
	p.toks = make([]Token, 0, len(text)/4+16)
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			mod, err = nil, p.err
		}
	}()
	switch mode {
	case ModeEval:
		mod = p.evalInput()
	case ModeSingle:
		mod = p.singleInput()
	default:
		mod = p.fileInput()
	}
	return mod, nil
}

// bailout is the panic value that unwinds the parser after an error has
// been recorded in parser.err.
type bailout struct{}

type parser struct {
	// immutable state
	filename string
	src      []byte
	tz       *tokenizer

	// working state
	toks  []Token // tokens fetched so far
	pos   int     // index of the next token in toks
	depth int     // recursion depth of nested rules
	err   *Error  // the error being reported, set before a bailout

	// byteOffsets makes error offsets count UTF-8 bytes, not characters.
	byteOffsets bool

	// inFunction and inAsync are not tracked: like ast.parse, the parser
	// accepts return, yield and await anywhere; the compiler rejects them.
}

// tok returns the token i places ahead of the current one, fetching tokens
// from the tokenizer as needed. A tokenizer error is raised at once, as
// CPython raises it when the parser first asks for the bad token.
func (p *parser) peekAt(i int) *Token {
	for len(p.toks) <= p.pos+i {
		t := p.tz.next()
		if t.Kind == ILLEGAL {
			p.err = p.tz.err
			panic(bailout{})
		}
		p.toks = append(p.toks, t)
	}
	return &p.toks[p.pos+i]
}

// peek returns the current token.
func (p *parser) peek() *Token { return p.peekAt(0) }

// kind returns the kind of the current token.
func (p *parser) kind() TokenKind { return p.peekAt(0).Kind }

// next consumes and returns the current token.
func (p *parser) next() *Token {
	t := p.peekAt(0)
	p.pos++
	return t
}

// accept consumes the current token when it has kind k.
func (p *parser) accept(k TokenKind) bool {
	if p.kind() == k {
		p.pos++
		return true
	}
	return false
}

// expect consumes a token of kind k or reports a syntax error.
func (p *parser) expect(k TokenKind) *Token {
	if p.kind() != k {
		p.failExpected(k)
	}
	return p.next()
}

// text returns the source text of t.
func (p *parser) text(t *Token) string { return string(p.src[t.Start:t.End]) }

// isSoftKeyword reports whether t is a NAME spelling the soft keyword kw.
func (p *parser) isSoftKeyword(t *Token, kw string) bool {
	return t.Kind == NAME && t.End-t.Start == len(kw) && string(p.src[t.Start:t.End]) == kw
}

// span returns the location from token start to the last consumed token.
// Like CPython's EXTRA, the end skips NEWLINE, INDENT, DEDENT and EOF.
func (p *parser) span(start int) Loc {
	i := p.pos - 1
	for i > start {
		if k := p.toks[i].Kind; k != NEWLINE && k != INDENT && k != DEDENT && k != EOF {
			break
		}
		i--
	}
	s, e := &p.toks[start], &p.toks[i]
	return Loc{s.Line, s.Col, e.EndLine, e.EndCol}
}

// tokLoc returns the location of one token.
func tokLoc(t *Token) Loc { return Loc{t.Line, t.Col, t.EndLine, t.EndCol} }

// spanNodes returns the location from the start of a to the end of b.
func spanNodes(a, b *Loc) Loc {
	return Loc{a.Lineno, a.ColOffset, b.EndLineno, b.EndColOffset}
}

// enter guards against unbounded recursion; leave undoes it.
func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		t := p.peek()
		p.raiseAt(SyntaxErrorType, tokLoc(t), "too many nested parentheses")
	}
}

func (p *parser) leave() { p.depth-- }

// raiseAt records an error covering loc and unwinds.
func (p *parser) raiseAt(typ ErrorType, loc Loc, msg string) {
	if p.byteOffsets {
		p.err = &Error{Type: typ, Msg: msg, Filename: p.filename, Line: loc.Lineno, Offset: loc.ColOffset + 1,
			EndLine: loc.EndLineno, EndOffset: loc.EndColOffset + 1, Text: lineText(p.src, loc.Lineno)}
	} else {
		p.err = newError(typ, p.filename, p.src, msg, loc.Lineno, loc.ColOffset, loc.EndLineno, loc.EndColOffset)
	}
	panic(bailout{})
}

// raiseAtf is raiseAt with formatting.
func (p *parser) raiseAtf(loc Loc, format string, args ...any) {
	p.raiseAt(SyntaxErrorType, loc, fmt.Sprintf(format, args...))
}

// raiseRange reports msg from the start of a to the end of b.
func (p *parser) raiseRange(a, b Located, msg string) {
	p.raiseAt(SyntaxErrorType, spanNodes(a.Location(), b.Location()), msg)
}

// raiseNode reports msg covering node n.
func (p *parser) raiseNode(n Located, format string, args ...any) {
	p.raiseAt(SyntaxErrorType, *n.Location(), fmt.Sprintf(format, args...))
}

// failExpected reports that the current token cannot continue the
// construct; want is the kind the grammar needed (ILLEGAL when there is no
// single expected kind).
func (p *parser) failExpected(want TokenKind) {
	if want == COLON {
		p.expectedColon()
	}
	p.syntaxError()
}

// syntaxError reports CPython's generic error at the current token: an
// IndentationError for a stray INDENT or DEDENT, otherwise "invalid
// syntax"; a tokenizer error anywhere later in the file takes precedence,
// as CPython tokenizes the rest of the source before settling on the
// generic message.
func (p *parser) syntaxError() {
	t := p.peek()
	switch t.Kind {
	case INDENT:
		p.raiseAt(IndentationErrorType, tokLoc(t), "unexpected indent")
	case DEDENT:
		p.raiseAt(IndentationErrorType, tokLoc(t), "unexpected unindent")
	}
	loc := tokLoc(t)
	p.drainTokenizer()
	if t.Kind == EOF || t.Kind == NEWLINE && t.Start == t.End {
		// CPython points at the end of the input for a premature end.
		p.raiseAt(SyntaxErrorType, loc, "invalid syntax")
	}
	p.raiseAt(SyntaxErrorType, loc, "invalid syntax")
}

// drainTokenizer tokenizes the rest of the source so that a tokenizer
// error beyond the failure point is the one reported.
func (p *parser) drainTokenizer() {
	if len(p.toks) > 0 && p.toks[len(p.toks)-1].Kind == EOF {
		return
	}
	for {
		t := p.tz.next()
		if t.Kind == ILLEGAL {
			p.err = p.tz.err
			panic(bailout{})
		}
		// Keep the tokens: a speculative parse may yet succeed and read them.
		p.toks = append(p.toks, t)
		if t.Kind == EOF {
			return
		}
	}
}

// speculate runs f and reports whether it succeeded; on failure the
// position is restored and the error discarded. Tokenizer errors are not
// discarded: the token stream cannot continue past them.
func (p *parser) speculate(f func()) (ok bool) {
	pos, depth := p.pos, p.depth
	defer func() {
		if r := recover(); r != nil {
			if _, isBail := r.(bailout); !isBail {
				panic(r)
			}
			if p.tz.err != nil && p.err == p.tz.err {
				panic(r)
			}
			p.pos, p.depth, p.err = pos, depth, nil
			ok = false
		}
	}()
	f()
	return true
}

var sprintf = fmt.Sprintf
