package syntax

// The match statement (PEP 634) and its patterns.

// matchStmt parses "match" subject_expr ':' NEWLINE INDENT case_block+
// DEDENT. It returns nil, consuming nothing, when the tokens are not a
// match statement, so that "match" is parsed as an ordinary name.
func (p *parser) matchStmt() Stmt {
	start := p.pos
	var subject Expr
	missingColon := false
	if !p.speculate(func() {
		p.next()
		subject = p.subjectExpr()
		if p.kind() != COLON {
			missingColon = p.kind() == NEWLINE
			p.syntaxError()
		}
	}) {
		if missingColon && !p.speculate(func() { p.simpleStmts(nil) }) {
			// invalid_match_stmt: "match" subject_expr NEWLINE.
			p.pos = start
			p.speculate(func() { p.next(); p.subjectExpr() })
			p.raiseTok(SyntaxErrorType, p.peek(), "expected ':'")
		}
		p.pos = start
		return nil
	}
	matchTok := &p.toks[start]
	p.next() // ':'
	if p.kind() != NEWLINE {
		p.syntaxError()
	}
	p.next()
	if p.kind() != INDENT {
		p.raiseAt(IndentationErrorType, tokLoc(p.peek()), sprintf("expected an indented block after 'match' statement on line %d", matchTok.Line))
	}
	p.next()
	var cases []*MatchCase
	for p.kind() != DEDENT && p.kind() != EOF {
		if !p.isSoftKeyword(p.peek(), "case") {
			p.syntaxError()
		}
		cases = append(cases, p.caseBlock())
	}
	p.accept(DEDENT)
	return &Match{Loc: p.span(start), Subject: subject, Cases: cases}
}

// subjectExpr parses star_named_expression ',' star_named_expressions? |
// named_expression.
func (p *parser) subjectExpr() Expr {
	start := p.pos
	first := p.starNamedExpression()
	if p.kind() != COMMA {
		if _, ok := first.(*Starred); ok {
			p.syntaxError()
		}
		return first
	}
	elts := []Expr{first}
	for p.accept(COMMA) {
		if !p.startsExpression() && p.kind() != STAR {
			break
		}
		elts = append(elts, p.starNamedExpression())
	}
	return &Tuple{Loc: p.span(start), Elts: elts, Ctx: Load}
}

// caseBlock parses "case" patterns [guard] ':' block.
func (p *parser) caseBlock() *MatchCase {
	caseTok := p.next()
	c := &MatchCase{Pattern: p.patterns()}
	if p.accept(KwIf) {
		c.Guard = p.namedExpression()
	}
	p.colon()
	c.Body = p.block("'case' statement", caseTok.Line)
	return c
}

// patterns parses open_sequence_pattern | pattern.
func (p *parser) patterns() Pattern {
	start := p.pos
	first := p.maybeStarPattern()
	if p.kind() != COMMA {
		if _, ok := first.(*MatchStar); ok {
			p.syntaxError()
		}
		return first
	}
	pats := []Pattern{first}
	for p.accept(COMMA) {
		if k := p.kind(); k == COLON || k == KwIf {
			break
		}
		pats = append(pats, p.maybeStarPattern())
	}
	return &MatchSequence{Loc: p.span(start), Patterns: pats}
}

// maybeStarPattern parses star_pattern | pattern.
func (p *parser) maybeStarPattern() Pattern {
	if p.kind() == STAR {
		start := p.pos
		p.next()
		t := p.peek()
		if t.Kind != NAME {
			p.syntaxError()
		}
		p.next()
		name := p.identifier(t)
		if name == "_" {
			name = ""
		}
		return &MatchStar{Loc: p.span(start), Name: name}
	}
	return p.pattern()
}

// pattern parses or_pattern ['as' NAME].
func (p *parser) pattern() Pattern {
	p.enter()
	defer p.leave()
	start := p.pos
	pat := p.orPattern()
	if p.kind() != KwAs {
		return pat
	}
	p.next()
	t := p.peek()
	if t.Kind != NAME {
		e := p.expression()
		p.raiseNode(e, "invalid pattern target")
	}
	p.next()
	name := p.identifier(t)
	if name == "_" {
		p.raiseAt(SyntaxErrorType, tokLoc(t), "cannot use '_' as a target")
	}
	return &MatchAs{Loc: p.span(start), Pattern: pat, Name: name}
}

// orPattern parses closed_pattern ('|' closed_pattern)*.
func (p *parser) orPattern() Pattern {
	start := p.pos
	first := p.closedPattern()
	if p.kind() != VBAR {
		return first
	}
	pats := []Pattern{first}
	for p.accept(VBAR) {
		pats = append(pats, p.closedPattern())
	}
	return &MatchOr{Loc: p.span(start), Patterns: pats}
}

// closedPattern parses literal, capture, wildcard, value, group,
// sequence, mapping and class patterns.
func (p *parser) closedPattern() Pattern {
	start := p.pos
	t := p.peek()
	switch t.Kind {
	case KwNone:
		p.next()
		return &MatchSingleton{Loc: tokLoc(t), Value: nil}
	case KwTrue, KwFalse:
		p.next()
		return &MatchSingleton{Loc: tokLoc(t), Value: t.Kind == KwTrue}
	case NUMBER, MINUS:
		v := p.literalNumber()
		return &MatchValue{Loc: p.span(start), Value: v}
	case STRING, FSTRING_START:
		v := p.strings()
		return &MatchValue{Loc: p.span(start), Value: v}
	case LPAR:
		return p.parenPattern()
	case LSQB:
		p.next()
		var pats []Pattern
		for p.kind() != RSQB {
			pats = append(pats, p.maybeStarPattern())
			if !p.accept(COMMA) {
				break
			}
		}
		p.expect(RSQB)
		return &MatchSequence{Loc: p.span(start), Patterns: pats}
	case LBRACE:
		return p.mappingPattern()
	case NAME:
		name := p.nameOrAttr()
		switch p.kind() {
		case LPAR:
			return p.classPattern(start, name)
		}
		if n, ok := name.(*Name); ok {
			if n.ID == "_" {
				return &MatchAs{Loc: n.Loc}
			}
			if k := p.kind(); k == EQUAL {
				p.syntaxError()
			}
			return &MatchAs{Loc: n.Loc, Name: n.ID}
		}
		return &MatchValue{Loc: p.span(start), Value: name}
	}
	p.syntaxError()
	return nil
}

// literalNumber parses signed_number ['+'|'-' imaginary] for patterns.
func (p *parser) literalNumber() Expr {
	start := p.pos
	left := p.signedNumber()
	if k := p.kind(); k == PLUS || k == MINUS {
		op := Add
		if k == MINUS {
			op = Sub
		}
		real := left
		if u, ok := real.(*UnaryOp); ok {
			real = u.Operand
		}
		if c, ok := real.(*Constant); ok {
			if _, isComplex := c.Value.(complex128); isComplex {
				p.raiseNode(c, "real number required in complex literal")
			}
		}
		p.next()
		t := p.peek()
		if t.Kind != NUMBER {
			p.syntaxError()
		}
		right := p.atom()
		if _, ok := right.(*Constant).Value.(complex128); !ok {
			p.raiseNode(right, "imaginary number required in complex literal")
		}
		return &BinOp{Loc: p.span(start), Left: left, Op: op, Right: right}
	}
	return left
}

// signedNumber parses NUMBER | '-' NUMBER.
func (p *parser) signedNumber() Expr {
	start := p.pos
	if p.accept(MINUS) {
		if p.kind() != NUMBER {
			p.syntaxError()
		}
		v := p.atom()
		return &UnaryOp{Loc: p.span(start), Op: USub, Operand: v}
	}
	if p.kind() != NUMBER {
		p.syntaxError()
	}
	return p.atom()
}

// nameOrAttr parses NAME ('.' NAME)*.
func (p *parser) nameOrAttr() Expr {
	start := p.pos
	t := p.next()
	var e Expr = &Name{Loc: tokLoc(t), ID: p.identifier(t), Ctx: Load}
	for p.kind() == DOT {
		p.next()
		nt := p.peek()
		if nt.Kind != NAME {
			p.syntaxError()
		}
		p.next()
		e = &Attribute{Loc: p.span(start), Value: e, Attr: p.identifier(nt), Ctx: Load}
	}
	return e
}

// parenPattern parses a group pattern or a parenthesized sequence.
func (p *parser) parenPattern() Pattern {
	start := p.pos
	p.next()
	if p.accept(RPAR) {
		return &MatchSequence{Loc: p.span(start)}
	}
	first := p.maybeStarPattern()
	if p.kind() == RPAR {
		if _, ok := first.(*MatchStar); !ok {
			p.next()
			return first
		}
	}
	pats := []Pattern{first}
	if p.kind() != COMMA {
		p.syntaxError()
	}
	for p.accept(COMMA) {
		if p.kind() == RPAR {
			break
		}
		pats = append(pats, p.maybeStarPattern())
	}
	p.expect(RPAR)
	return &MatchSequence{Loc: p.span(start), Patterns: pats}
}

// mappingPattern parses '{' [items] ['**' NAME] [','] '}'.
func (p *parser) mappingPattern() Pattern {
	start := p.pos
	p.next()
	m := &MatchMapping{}
	for p.kind() != RBRACE {
		if p.accept(DOUBLESTAR) {
			t := p.peek()
			if t.Kind != NAME || p.isSoftKeyword(t, "_") {
				p.syntaxError()
			}
			p.next()
			m.Rest = p.identifier(t)
			p.accept(COMMA)
			break
		}
		var key Expr
		kstart := p.pos
		switch p.kind() {
		case KwNone:
			t := p.next()
			key = &Constant{Loc: tokLoc(t), Value: nil}
		case KwTrue, KwFalse:
			t := p.next()
			key = &Constant{Loc: tokLoc(t), Value: t.Kind == KwTrue}
		case NUMBER, MINUS:
			key = p.literalNumber()
		case STRING, FSTRING_START:
			key = p.strings()
		case NAME:
			key = p.nameOrAttr()
			if _, ok := key.(*Name); ok {
				p.pos = kstart
				p.syntaxError()
			}
		default:
			p.syntaxError()
		}
		if p.kind() != COLON {
			p.syntaxError()
		}
		p.next()
		m.Keys = append(m.Keys, key)
		m.Patterns = append(m.Patterns, p.pattern())
		if !p.accept(COMMA) {
			break
		}
	}
	p.expect(RBRACE)
	m.Loc = p.span(start)
	return m
}

// classPattern parses name_or_attr '(' [patterns] [keyword patterns] ')'.
func (p *parser) classPattern(start int, cls Expr) Pattern {
	p.next()
	c := &MatchClass{Cls: cls}
	for p.kind() != RPAR {
		if p.kind() == NAME && p.peekAt(1).Kind == EQUAL {
			t := p.next()
			p.next()
			c.KwdAttrs = append(c.KwdAttrs, p.identifier(t))
			c.KwdPatterns = append(c.KwdPatterns, p.pattern())
		} else {
			pat := p.pattern()
			if len(c.KwdAttrs) > 0 {
				p.raiseNode(pat, "positional patterns follow keyword patterns")
			}
			c.Patterns = append(c.Patterns, pat)
		}
		if !p.accept(COMMA) {
			break
		}
	}
	p.expect(RPAR)
	c.Loc = p.span(start)
	return c
}
