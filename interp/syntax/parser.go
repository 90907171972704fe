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

import (
	"fmt"
	"reflect"
)

// Mode selects the grammar's start rule, as compile()'s mode argument does.
type Mode uint8

// Parse modes.
const (
	ModeExec   Mode = iota // a module: file_input
	ModeEval               // a single expression: eval_input
	ModeSingle             // one interactive statement: single_input
)

// Nesting limits. CPython's parser gives up with a MemoryError after about
// 6000 nested rule invocations, and ast.parse with a RecursionError when
// the tree is deeper than about 3000 nodes. p.depth counts nested
// constructs, two for those CPython's grammar nests twice ('**', lambda),
// so maxDepth reproduces the first limit; a tree can only be deeper than
// maxTreeDepth when p.depth passed treeCheckDepth, so only such rare input
// pays for measuring the tree. The constants are calibrated against
// CPython 3.12 (TestDeepNesting).
const (
	maxDepth       = 5970
	maxTreeDepth   = 2997
	treeCheckDepth = 900
)

// Parse parses a whole source file. src holds the file's raw bytes: a BOM or
// a PEP 263 coding cookie is honoured. The returned error, when not nil, is
// a *Error describing a SyntaxError, IndentationError or TabError as CPython
// 3.12 reports it, whose Warnings are the warnings issued before it.
func Parse(filename string, src []byte, mode Mode) (Mod, error) {
	mod, _, err := ParseWarnings(filename, src, mode)
	return mod, err
}

// ParseWarnings is Parse that also returns the warnings the tokenizer and
// the parser issued, in order (on failure, also the error's Warnings).
func ParseWarnings(filename string, src []byte, mode Mode) (mod Mod, warnings []Warning, err error) {
	text, derr := DecodeSource(filename, src)
	if derr != nil {
		return nil, nil, derr
	}
	p := &parser{filename: filename, src: text, tz: newTokenizer(filename, text)}
	// CPython converts the columns of parser errors to characters only
	// when the source declared its encoding (a BOM or a coding cookie).
	p.byteOffsets = !declaresEncoding(src)
	p.tz.byteOffsets = p.byteOffsets
	p.bom = len(src) >= 3 && src[0] == 0xef && src[1] == 0xbb && src[2] == 0xbf
	p.toks = make([]Token, 0, len(text)/4+16)
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			p.finishError()
			if p.err != p.tz.err {
				// CPython decodes the line it shows with "replace".
				p.err.Text = pyReplaceInvalid(p.err.Text)
			} else if p.tz.errKind == errRaised && !p.tz.errInFString {
				p.err.tokenizerRaised = true
			}
			warnings = p.collectWarnings(true)
			p.err.Warnings = warnings
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
	warnings = p.collectWarnings(false)
	if p.maxSeen > treeCheckDepth && treeDepth(reflect.ValueOf(mod)) > maxTreeDepth {
		return nil, warnings, &Error{Type: RecursionErrorType, Msg: "maximum recursion depth exceeded during ast construction", Filename: filename, Warnings: warnings}
	}
	return mod, warnings, nil
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
	toks    []Token // tokens fetched so far
	pos     int     // index of the next token in toks
	depth   int     // nesting depth of constructs (see maxDepth)
	maxSeen int     // the largest depth reached
	err     *Error  // the error being reported, set before a bailout
	fill    int     // how many tokens the parser has looked at (CPython's p->fill)

	// noDrain marks an error that CPython raises without tokenizing the
	// rest of the input first (a stray INDENT or DEDENT).
	noDrain bool

	// warnings are the parser's own (the tokenizer keeps its); warned
	// holds the literal tokens already decoded with a warning.
	warnings []Warning
	warned   map[int]bool

	// byteOffsets makes error offsets count UTF-8 bytes, not characters.
	byteOffsets bool
	// bom records a UTF-8 BOM, which CPython keeps in the text of errors
	// on the first line (and counts when converting offsets).
	bom bool

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
	if p.pos+i >= p.fill {
		p.fill = p.pos + i + 1
	}
	return &p.toks[p.pos+i]
}

// lastTok returns the last token the parser has looked at, which is where
// CPython's RAISE_SYNTAX_ERROR without a location points.
func (p *parser) lastTok() *Token {
	if p.fill == 0 {
		return p.peek()
	}
	return &p.toks[p.fill-1]
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
	if p.depth > p.maxSeen {
		p.maxSeen = p.depth
	}
	if p.depth > maxDepth {
		p.err = &Error{Type: MemoryErrorType, Msg: "Parser stack overflowed - Python source too complex to parse", Filename: p.filename}
		panic(bailout{})
	}
}

func (p *parser) leave() { p.depth-- }

// noteChain records that a loop has built a chain of n nested nodes (a.b.c,
// a+b+c): the tree is that much deeper than the recursion that built it.
func (p *parser) noteChain(n int) {
	if p.depth+n > p.maxSeen {
		p.maxSeen = p.depth + n
	}
}

// raiseAt records an error covering loc and unwinds.
func (p *parser) raiseAt(typ ErrorType, loc Loc, msg string) {
	p.err = p.errorAt(typ, loc, msg)
	panic(bailout{})
}

// errorAt builds the error raiseAt records.
func (p *parser) errorAt(typ ErrorType, loc Loc, msg string) *Error {
	if p.bom {
		return p.rawError(typ, loc.Lineno, loc.ColOffset+1, loc.EndLineno, loc.EndColOffset+1, msg)
	}
	if p.byteOffsets {
		return &Error{Type: typ, Msg: msg, Filename: p.filename, Line: loc.Lineno, Offset: loc.ColOffset + 1,
			EndLine: loc.EndLineno, EndOffset: loc.EndColOffset + 1, Text: lineText(p.src, loc.Lineno)}
	}
	return newError(typ, p.filename, p.src, msg, loc.Lineno, loc.ColOffset, loc.EndLineno, loc.EndColOffset)
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
		p.noDrain = true
		p.raiseTok(IndentationErrorType, t, "unexpected indent")
	case DEDENT:
		p.noDrain = true
		p.raiseTok(IndentationErrorType, t, "unexpected unindent")
	}
	t = p.lastTok()
	p.drainTokenizer()
	if t.Kind == EOF {
		// CPython's ENDMARKER has no column: offset and end offset are 0.
		line, _ := p.eofPos()
		p.raiseRaw(SyntaxErrorType, line, 0, line, 0, "invalid syntax")
	}
	p.raiseAt(SyntaxErrorType, tokLoc(t), "invalid syntax")
}

// drainTokenizer tokenizes the rest of the source, keeping the tokens (a
// speculative parse may yet succeed and read them), and stops at the end
// of the input or at a tokenizer error, which finishError then weighs.
func (p *parser) drainTokenizer() {
	if len(p.toks) > 0 && p.toks[len(p.toks)-1].Kind == EOF || p.tz.err != nil {
		return
	}
	for {
		t := p.tz.next()
		if t.Kind == ILLEGAL {
			return
		}
		p.toks = append(p.toks, t)
		if t.Kind == EOF {
			return
		}
	}
}

// finishError mirrors what CPython does after its parser has failed with
// an error of its own (not the tokenizer's): it tokenizes the rest of the
// input, and a tokenizer error found there replaces the error, as does an
// unclosed bracket opened on a line before the last token the parser read.
// Unindent mismatches and tab errors found there are ignored, and so is
// any error inside an f-string.
func (p *parser) finishError() {
	if p.err == nil || p.err == p.tz.err || p.noDrain {
		return
	}
	errLine := 0
	if p.fill > 0 {
		errLine = p.toks[p.fill-1].Line
	}
	tz := p.tz
	if tz.err == nil {
		if len(p.toks) > 0 && p.toks[len(p.toks)-1].Kind == EOF {
			return
		}
		if e := tz.checkRestForErrors(errLine); e != nil {
			p.err = e
		}
		return
	}
	if tz.errInFString {
		return
	}
	if tz.errKind == errRaised {
		p.err = tz.err
		return
	}
	if tz.level > 0 && errLine > tz.parenLine[tz.level-1] {
		p.err = tz.unclosedParenError()
	}
}

// eofPos returns where CPython places an error at the end of the input:
// the last line, and the byte length of that line with its newline (one
// is implied when the source lacks it) as a 1-based offset.
func (p *parser) eofPos() (line, offset int) {
	src := p.src
	n := 0
	last := 0
	for i, c := range src {
		if c == '\n' {
			n++
			if i+1 < len(src) {
				last = i + 1
			}
		}
	}
	if len(src) == 0 {
		return 1, 0
	}
	if src[len(src)-1] == '\n' {
		return n, len(src) - last
	}
	return n + 1, len(src) - last + 1
}

// raiseTok reports msg at token t as CPython's _PyPegen_raise_error does.
// INDENT, DEDENT and ENDMARKER have no columns in CPython: the offset is
// then the tokenizer's read position and the end offset is -1.
func (p *parser) raiseTok(typ ErrorType, t *Token, msg string) {
	switch {
	case t.Kind == EOF || t.Kind == DEDENT && t.Start >= len(p.src):
		line, off := p.eofPos()
		p.raiseRaw(typ, line, off, line, -1, msg)
	case t.Kind == INDENT:
		p.raiseRaw(typ, t.Line, t.EndCol, t.Line, -1, msg)
	case t.Kind == DEDENT:
		p.raiseRaw(typ, t.Line, t.Col, t.Line, -1, msg)
	}
	p.raiseAt(typ, tokLoc(t), msg)
}

// raiseLast reports msg at the last token read (RAISE_SYNTAX_ERROR).
func (p *parser) raiseLast(msg string) {
	p.raiseTok(SyntaxErrorType, p.lastTok(), msg)
}

// raiseFrom reports msg from the start of loc to the end of the last token
// read (RAISE_SYNTAX_ERROR_STARTING_FROM).
func (p *parser) raiseFrom(loc *Loc, msg string) {
	last := p.lastTok()
	p.raiseRaw(SyntaxErrorType, loc.Lineno, loc.ColOffset+1, last.EndLine, last.EndCol, msg)
}

// raiseRaw reports an error with CPython's 1-based byte offsets, which are
// converted to characters when the source declared its encoding; offsets
// below 1 are kept as they are.
func (p *parser) raiseRaw(typ ErrorType, line, offset, endLine, endOffset int, msg string) {
	p.err = p.rawError(typ, line, offset, endLine, endOffset, msg)
	panic(bailout{})
}

// rawError builds the error raiseRaw records.
func (p *parser) rawError(typ ErrorType, line, offset, endLine, endOffset int, msg string) *Error {
	text := lineText(p.src, line)
	if !p.byteOffsets {
		// CPython converts with the text it shows, BOM included, while
		// its byte offsets do not count the BOM.
		lineOf := func(n int) string {
			if n == line {
				return text
			}
			return lineText(p.src, n)
		}
		convText := func(n int) string {
			if p.bom && n == 1 {
				return "\ufeff" + lineOf(n)
			}
			return lineOf(n)
		}
		if offset > 0 {
			offset = charsUpTo(convText(line), offset)
		}
		if endOffset > 0 {
			endOffset = charsUpTo(convText(endLine), endOffset)
		}
	}
	if p.bom && line == 1 {
		text = "\ufeff" + text
	}
	return &Error{Type: typ, Msg: msg, Filename: p.filename, Line: line, Offset: offset,
		EndLine: endLine, EndOffset: endOffset, Text: text}
}

// probe is speculate for a check that only CPython's second pass makes:
// the tokens it reads do not count as read for the generic error's
// location, which CPython takes from its first pass.
func (p *parser) probe(f func()) bool {
	fill := p.fill
	ok := p.speculate(f)
	p.fill = fill
	return ok
}

// speculateGeneric is speculate for a parse whose specific errors must
// stand: only a generic "invalid syntax" failure is undone.
func (p *parser) speculateGeneric(f func()) (ok bool) {
	pos := p.pos
	defer func() {
		if r := recover(); r != nil {
			if _, isBail := r.(bailout); !isBail || p.err == nil || p.err.Msg != "invalid syntax" || p.err == p.tz.err {
				panic(r)
			}
			p.pos, p.err, p.noDrain = pos, nil, false
			ok = false
		}
	}()
	depth := p.depth
	defer func() { p.depth = depth }()
	f()
	return true
}

// speculate runs f and reports whether it succeeded; on failure the
// position is restored and the error discarded. Tokenizer errors are not
// discarded: the token stream cannot continue past them; nor is a parser
// stack overflow, which any other path would meet again.
func (p *parser) speculate(f func()) (ok bool) {
	pos, depth := p.pos, p.depth
	defer func() {
		if r := recover(); r != nil {
			if _, isBail := r.(bailout); !isBail {
				panic(r)
			}
			if p.tz.err != nil && p.err == p.tz.err || p.err != nil && p.err.Type == MemoryErrorType {
				panic(r)
			}
			p.pos, p.depth, p.err, p.noDrain = pos, depth, nil, false
			ok = false
		}
	}()
	f()
	return true
}

var sprintf = fmt.Sprintf
