package syntax

import "strings"

// String literals: implicit concatenation and f-strings (PEP 701), built
// the way CPython's action helpers build them, positions included.

// strPiece is one literal fragment of a concatenation before merging.
type strPiece struct {
	loc   Loc
	value string
}

// strings parses one or more adjacent STRING and f-string tokens.
func (p *parser) strings() Expr {
	start := p.pos
	var values []Expr      // JoinedStr values, constants merged
	var pending []strPiece // constant fragments not yet merged
	var sb strings.Builder
	anyF, anyBytes, anyStr := false, false, false
	kindU := ""
	flush := func() {
		if len(pending) == 0 {
			return
		}
		sb.Reset()
		for _, s := range pending {
			sb.WriteString(s.value)
		}
		if sb.Len() > 0 {
			loc := Loc{pending[0].loc.Lineno, pending[0].loc.ColOffset, pending[len(pending)-1].loc.EndLineno, pending[len(pending)-1].loc.EndColOffset}
			values = append(values, &Constant{Loc: loc, Value: sb.String()})
		}
		pending = pending[:0]
	}
	for first := true; ; first = false {
		t := p.peek()
		switch t.Kind {
		case STRING:
			p.next()
			text := p.text(t)
			value, isBytes, isU, msg := decodeStringToken(text)
			if msg != "" {
				p.raiseAt(SyntaxErrorType, tokLoc(t), msg)
			}
			if strings.IndexByte(text, '\\') >= 0 {
				p.warnLiteral(t, t, stringTokenWarning(text))
			}
			if first && isU {
				kindU = "u"
			}
			if isBytes {
				anyBytes = true
			} else {
				anyStr = true
			}
			pending = append(pending, strPiece{tokLoc(t), value})
			continue
		case FSTRING_START:
			anyF, anyStr = true, true
			for _, v := range p.fstring() {
				if c, ok := v.(*Constant); ok {
					pending = append(pending, strPiece{c.Loc, c.Value.(string)})
					continue
				}
				flush()
				values = append(values, v)
			}
			continue
		}
		break
	}
	loc := p.span(start)
	if anyBytes && anyStr {
		p.raiseTok(SyntaxErrorType, p.peek(), "cannot mix bytes and nonbytes literals")
	}
	if !anyF {
		sb.Reset()
		for _, s := range pending {
			sb.WriteString(s.value)
		}
		if anyBytes {
			return &Constant{Loc: loc, Value: Bytes(sb.String())}
		}
		return &Constant{Loc: loc, Value: sb.String(), Kind: kindU}
	}
	flush()
	return &JoinedStr{Loc: loc, Values: values}
}

// fstring parses FSTRING_START (FSTRING_MIDDLE | replacement field)*
// FSTRING_END and returns its parts: Constants (not yet merged or
// filtered) and FormattedValues. As in CPython, the literal parts are
// decoded once the whole f-string has been parsed, and their errors and
// warnings point at its FSTRING_END.
func (p *parser) fstring() []Expr {
	p.enter()
	defer p.leave()
	startTok := p.next()
	raw := strings.ContainsAny(string(p.src[startTok.Start:startTok.End]), "rR")
	var parts []Expr
	var middles []int // indexes in parts of the literal parts, and their tokens
	for {
		i := p.pos
		t := p.peek()
		switch t.Kind {
		case FSTRING_MIDDLE:
			p.next()
			middles = append(middles, len(parts), i)
			parts = append(parts, nil)
		case LBRACE:
			parts = p.replacementField(parts, raw)
		case FSTRING_END:
			p.next()
			for k := 0; k < len(middles); k += 2 {
				parts[middles[k]] = p.fstringMiddle(&p.toks[middles[k+1]], t, raw)
			}
			return parts
		default:
			p.syntaxError()
		}
	}
}

// fstringMiddle decodes one FSTRING_MIDDLE token into a Constant;
// errors and warnings are reported at token at.
func (p *parser) fstringMiddle(t, at *Token, raw bool) *Constant {
	text := p.text(t)
	value, msg := decodeFStringMiddle(text, raw)
	if msg != "" {
		p.raiseAt(SyntaxErrorType, tokLoc(at), msg)
	}
	if !raw && strings.IndexByte(text, '\\') >= 0 {
		p.warnLiteral(t, at, invalidEscape(fstringMiddleText(text), false, true))
	}
	return &Constant{Loc: tokLoc(t), Value: value}
}

// replacementField parses '{' (yield_expr | star_expressions) ['='] ['!'
// NAME] [':' format_spec] '}' and appends its parts to parts: the debug
// text of a '=' field, then the FormattedValue.
func (p *parser) replacementField(parts []Expr, raw bool) []Expr {
	start := p.pos
	lbrace := p.next()
	if k := p.kind(); k == RBRACE || k == EQUAL || k == EXCLAMATION || k == COLON {
		t := p.peek()
		p.raiseAt(SyntaxErrorType, tokLoc(t), "f-string: valid expression required before '"+p.text(t)+"'")
	}
	var value Expr
	if !p.speculateGeneric(func() {
		if p.kind() == KwYield {
			value = p.yieldExpr()
		} else {
			value = p.starExpressions()
		}
	}) {
		p.raiseTok(SyntaxErrorType, &p.toks[start+1], "f-string: expecting a valid expression after '{'")
	}
	conversion := -1
	var debug *Constant
	if p.kind() == EQUAL {
		p.next()
		after := p.peek()
		text := withoutComments(p.src[lbrace.End:after.Start])
		debug = &Constant{Loc: Loc{lbrace.EndLine, lbrace.EndCol, after.Line, after.Col}, Value: text}
		if k := after.Kind; k != EXCLAMATION && k != COLON && k != RBRACE {
			p.raiseTok(SyntaxErrorType, after, "f-string: expecting '!', or ':', or '}'")
		}
	} else if k := p.kind(); k != EXCLAMATION && k != COLON && k != RBRACE {
		p.raiseTok(SyntaxErrorType, p.peek(), "f-string: expecting '=', or '!', or ':', or '}'")
	}
	if p.kind() == EXCLAMATION {
		bang := p.next()
		t := p.peek()
		switch {
		case t.Kind == COLON || t.Kind == RBRACE:
			p.raiseTok(SyntaxErrorType, t, "f-string: missing conversion character")
		case t.Kind != NAME:
			p.raiseTok(SyntaxErrorType, t, "f-string: invalid conversion character")
		case t.Start != bang.End:
			p.raiseAt(SyntaxErrorType, Loc{bang.Line, bang.Col, t.EndLine, t.EndCol}, "f-string: conversion type must come right after the exclamanation mark")
		}
		p.next()
		switch name := p.text(t); name {
		case "s", "r", "a":
			conversion = int(name[0])
		default:
			p.raiseAt(SyntaxErrorType, tokLoc(t), "f-string: invalid conversion character '"+name+"': expected 's', 'r', or 'a'")
		}
		if k := p.kind(); k != COLON && k != RBRACE {
			p.raiseTok(SyntaxErrorType, p.peek(), "f-string: expecting ':' or '}'")
		}
	}
	var spec Expr
	if p.kind() == COLON {
		spec = p.formatSpec(raw)
		if p.kind() != RBRACE {
			p.raiseTok(SyntaxErrorType, p.peek(), "f-string: expecting '}', or format specs")
		}
	}
	if p.kind() != RBRACE {
		t := p.peek()
		p.raiseAt(SyntaxErrorType, tokLoc(t), "f-string: expecting '}'")
	}
	p.next()
	if debug != nil {
		parts = append(parts, debug)
		if conversion == -1 && spec == nil {
			conversion = 'r'
		}
	}
	return append(parts, &FormattedValue{Loc: p.span(start), Value: value, Conversion: conversion, FormatSpec: spec})
}

// formatSpec parses ':' (FSTRING_MIDDLE | replacement field)* into the
// JoinedStr of a format spec.
func (p *parser) formatSpec(raw bool) Expr {
	colon := p.pos
	p.next()
	var values []Expr
	for {
		t := p.peek()
		if t.Kind == FSTRING_MIDDLE {
			p.next()
			values = append(values, p.fstringMiddle(t, t, raw))
			continue
		}
		if t.Kind == LBRACE {
			values = p.replacementField(values, raw)
			continue
		}
		break
	}
	loc := p.span(colon)
	if len(values) == 1 {
		if c, ok := values[0].(*Constant); ok && c.Value.(string) == "" {
			values = nil
		}
	}
	return &JoinedStr{Loc: loc, Values: values}
}

// withoutComments returns the debug text of a '=' replacement field with
// its comments removed, as CPython builds it from the tokens it kept.
func withoutComments(b []byte) string {
	if indexByte(b, '#') < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	var quote byte
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == '\\' && i+1 < len(b) {
				out = append(out, c)
				i++
				c = b[i]
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '#':
			for i < len(b) && b[i] != '\n' {
				i++
			}
			if i < len(b) {
				out = append(out, '\n')
			}
			continue
		}
		out = append(out, c)
	}
	return string(out)
}
