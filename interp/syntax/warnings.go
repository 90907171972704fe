package syntax

// Compile-time warnings: the SyntaxWarnings CPython 3.12's tokenizer
// (a number directly followed by a keyword, "\{" in an f-string), parser
// (invalid escape sequences in literals) and compiler (package compile)
// issue while they work. The front end cannot issue them itself (it knows
// nothing of Python objects), so it records them, in the order CPython
// issues them, with the SyntaxError CPython raises in place of each one
// that the warnings filters turn into an exception; IssueWarnings replays
// them, and package interp does the issuing.

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// WarningSource says which stage of the front end issued a warning, which
// decides what a warning turned into an error interrupts.
type WarningSource uint8

// Warning sources.
const (
	WarnTokenizer WarningSource = iota // the tokenizer, as it reads tokens
	WarnParser                         // the parser, decoding string literals
	WarnCompiler                       // the compiler
)

// Warning is one compile-time warning. CPython issues it with
// warnings.warn_explicit(message, category, filename, lineno), no module
// (the warnings module derives it from the file name) and no registry.
type Warning struct {
	Category string // the warning class: "SyntaxWarning"
	Msg      string
	Filename string
	Line     int // the lineno warn_explicit gets
	Source   WarningSource
	// AfterError marks a tokenizer warning issued after the parser
	// failed, while CPython tokenizes the rest of the input looking for
	// a tokenizer error to report instead.
	AfterError bool
	// InFString marks a tokenizer warning issued inside an f-string.
	InFString bool
	// Err is the SyntaxError CPython raises instead of the warning when
	// the warnings filters turn it into an exception.
	Err *Error

	// order is where CPython issues it: twice the offset of the token
	// the tokenizer was reading, or plus one, of the token the parser
	// reports a literal's warning at.
	order int
}

// sortWarnings puts warnings in the order CPython issues them. A parser
// warning sorts after a tokenizer warning at the same offset: CPython's
// parser decodes a literal once its token has been read.
func sortWarnings(ws []Warning) {
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].order < ws[j].order })
}

// IssueWarnings issues ws in order through issue, as CPython issues them
// while it compiles, and returns the error the compilation ends with:
// failure (the error that stopped the front end after ws were recorded,
// or nil), or the SyntaxError of a warning that issue reports the filters
// turned into an exception (raised), or an error of issue itself, which
// ends the compilation as it is.
//
// A raised warning stops the stage that issued it: after the tokenizer's
// or the compiler's, nothing more is issued. After the parser's, CPython
// still tokenizes the rest of the input while it looks for a better error
// (and failure, when it is an error the tokenizer raised there, replaces
// the warning's); a tokenizer warning issued then and raised replaces the
// error too, unless it comes from inside an f-string. The same holds for
// tokenizer warnings issued after the parser failed.
func IssueWarnings(ws []Warning, failure error, issue func(w *Warning) (raised bool, err error)) error {
	var parserErr *Error // a raised parser warning's error
	for i := range ws {
		w := &ws[i]
		if parserErr != nil && w.Source != WarnTokenizer {
			continue
		}
		raised, err := issue(w)
		if err != nil {
			return err
		}
		if !raised {
			continue
		}
		switch {
		case parserErr != nil || w.AfterError:
			if w.InFString {
				if parserErr != nil {
					return parserErr
				}
				return failure
			}
			return w.Err
		case w.Source == WarnParser:
			parserErr = w.Err
		default:
			return w.Err
		}
	}
	if parserErr != nil {
		if e, ok := failure.(*Error); ok && e.tokenizerRaised {
			return failure
		}
		return parserErr
	}
	return failure
}

// warn records a SyntaxWarning of the tokenizer at the read
// position (CPython's parser_warn and warn_invalid_escape_sequence); its
// error is the one raise would record there.
func (t *tokenizer) warn(msg string) {
	if t.err != nil {
		return
	}
	t.warnings = append(t.warnings, Warning{
		Category:  "SyntaxWarning",
		Msg:       msg,
		Filename:  t.filename,
		Line:      t.line,
		Source:    WarnTokenizer,
		InFString: t.insideFString(),
		Err:       t.errorAt(t.line, t.lineStart, t.pos, msg),
		order:     2 * t.start,
	})
}

// warnLiteral records the warning for the first invalid escape sequence
// of the literal token lit, if it has one; CPython reports it at token at
// (the literal itself, or the end of the f-string it is part of).
// Speculative parses decode a literal more than once: it warns once.
func (p *parser) warnLiteral(lit, at *Token, msg string) {
	if msg == "" {
		return
	}
	if p.warned == nil {
		p.warned = make(map[int]bool)
	}
	if p.warned[lit.Start] {
		return
	}
	p.warned[lit.Start] = true
	e := p.errorAt(SyntaxErrorType, tokLoc(at), msg)
	e.Text = pyReplaceInvalid(e.Text)
	p.warnings = append(p.warnings, Warning{
		Category: "SyntaxWarning",
		Msg:      msg,
		Filename: p.filename,
		Line:     at.Line,
		Source:   WarnParser,
		Err:      e,
		order:    2*at.Start + 1,
	})
}

// collectWarnings returns the tokenizer's and the parser's warnings in
// the order CPython issues them. After a failure, the tokenizer warnings
// of tokens past the last one the parser looked at are those CPython
// issues while it tokenizes the rest of the input.
func (p *parser) collectWarnings(failed bool) []Warning {
	ws := append(p.tz.warnings, p.warnings...)
	if len(ws) == 0 {
		return nil
	}
	sortWarnings(ws)
	end := -1
	if failed && p.fill > 0 && p.fill <= len(p.toks) {
		end = 2 * p.toks[p.fill-1].End
	}
	for i := range ws {
		if end >= 0 && ws[i].Source == WarnTokenizer && ws[i].order >= end {
			ws[i].AfterError = true
		}
		ws[i].order = 0 // sorted: a Warning is now plain data
	}
	return ws
}

// invalidEscape returns CPython's warning for the first invalid escape
// sequence in the body of a literal that is not raw (a bytes literal when
// isBytes): "invalid escape sequence '\d'", or "invalid octal escape
// sequence '\777'" for an octal escape above \377; "" when every escape is
// valid. Only the first is reported, as CPython's decoders keep only the
// first. In an f-string an invalid "\{" or "\}" is the tokenizer's to
// report. The body must have decoded without error.
func invalidEscape(body string, isBytes, fstring bool) string {
	for i := strings.IndexByte(body, '\\'); i >= 0 && i+1 < len(body); {
		c := body[i+1]
		next := i + 2
		switch {
		case c == '\n' || c == '\\' || c == '\'' || c == '"' || strings.IndexByte("abfnrtvx", c) >= 0:
		case c >= '0' && c <= '7':
			for next < len(body) && next < i+4 && body[next] >= '0' && body[next] <= '7' {
				next++
			}
			if next == i+4 && c >= '4' {
				return "invalid octal escape sequence '\\" + body[i+1:next] + "'"
			}
		case !isBytes && (c == 'u' || c == 'U'):
		case !isBytes && c == 'N':
			// The name holds no backslash, or decoding would have failed.
			if k := strings.IndexByte(body[next:], '}'); k >= 0 {
				next += k + 1
			}
		case !isBytes && c >= utf8.RuneSelf:
			// CPython escapes a backslash before a non-ASCII character.
		case fstring && (c == '{' || c == '}'):
			return ""
		default:
			return "invalid escape sequence '\\" + string(rune(c)) + "'"
		}
		k := strings.IndexByte(body[next:], '\\')
		if k < 0 {
			break
		}
		i = next + k
	}
	return ""
}

// stringTokenWarning returns the warning for the first invalid escape
// sequence of a STRING token's text (prefix and quotes included) that
// decoded without error, or "".
func stringTokenWarning(text string) string {
	isBytes := false
	i := 0
	for ; i < len(text) && text[i] != '\'' && text[i] != '"'; i++ {
		switch text[i] {
		case 'r', 'R':
			return ""
		case 'b', 'B':
			isBytes = true
		}
	}
	n := 1
	if len(text)-i >= 6 && text[i+1] == text[i] && text[i+2] == text[i] {
		n = 3
	}
	if len(text)-i < 2*n {
		return ""
	}
	return invalidEscape(text[i+n:len(text)-n], isBytes, false)
}
