package syntax

// Parameter lists of def and lambda.

// parameters parses a parameter list up to (not including) the token end:
// ')' for def, ':' for lambda, which takes no annotations.
func (p *parser) parameters(end TokenKind) *Arguments {
	a := &Arguments{}
	lambda := end == COLON
	const (
		positional = iota
		keywordOnly
		afterKwarg
	)
	state := positional
	sawDefault, sawSlash := false, false
	for p.kind() != end {
		start := p.pos
		switch p.kind() {
		case SLASH:
			t := p.next()
			switch {
			case state == afterKwarg:
				p.raiseAt(SyntaxErrorType, tokLoc(t), "arguments cannot follow var-keyword argument")
			case sawSlash:
				p.raiseAt(SyntaxErrorType, tokLoc(t), "/ may appear only once")
			case state != positional:
				p.raiseAt(SyntaxErrorType, tokLoc(t), "/ must be ahead of *")
			case len(a.Args) == 0:
				p.raiseAt(SyntaxErrorType, tokLoc(t), "at least one argument must precede /")
			}
			if p.kind() == STAR {
				p.raiseTok(SyntaxErrorType, p.peek(), "expected comma between / and *")
			}
			sawSlash = true
			a.Posonlyargs, a.Args = a.Args, nil
		case STAR:
			t := p.next()
			if state == afterKwarg {
				p.raiseAt(SyntaxErrorType, tokLoc(t), "arguments cannot follow var-keyword argument")
			}
			if state != positional {
				p.raiseAt(SyntaxErrorType, tokLoc(t), "* argument may appear only once")
			}
			state = keywordOnly
			if k := p.kind(); k == COMMA || k == end {
				if k == end || p.peekAt(1).Kind == end || p.peekAt(1).Kind == DOUBLESTAR {
					if lambda {
						p.raiseLast("named arguments must follow bare *")
					}
					p.raiseAt(SyntaxErrorType, tokLoc(t), "named arguments must follow bare *")
				}
				break
			}
			a.Vararg = p.param(lambda, true)
			if p.kind() == EQUAL {
				p.raiseAt(SyntaxErrorType, tokLoc(p.peek()), "var-positional argument cannot have default value")
			}
		case DOUBLESTAR:
			t := p.next()
			if state == afterKwarg {
				p.raiseAt(SyntaxErrorType, tokLoc(t), "arguments cannot follow var-keyword argument")
			}
			a.Kwarg = p.param(lambda, false)
			if p.kind() == EQUAL {
				p.raiseAt(SyntaxErrorType, tokLoc(p.peek()), "var-keyword argument cannot have default value")
			}
			state = afterKwarg
		default:
			if state == afterKwarg {
				t := p.peek()
				p.raiseAt(SyntaxErrorType, tokLoc(t), "arguments cannot follow var-keyword argument")
			}
			if p.kind() == LPAR && state == positional && !sawDefault && !sawSlash {
				p.parenthesizedParams(lambda)
			}
			arg := p.param(lambda, false)
			var def Expr
			if p.accept(EQUAL) {
				if k := p.kind(); k == COMMA || k == RPAR && !lambda {
					p.raiseAt(SyntaxErrorType, tokLoc(&p.toks[p.pos-1]), "expected default value expression")
				}
				def = p.expression()
			}
			if state == positional {
				if def != nil {
					sawDefault = true
					a.Defaults = append(a.Defaults, def)
				} else if sawDefault {
					p.raiseAt(SyntaxErrorType, p.span(start), "parameter without a default follows parameter with a default")
				}
				a.Args = append(a.Args, arg)
			} else {
				a.Kwonlyargs = append(a.Kwonlyargs, arg)
				a.KwDefaults = append(a.KwDefaults, def)
			}
		}
		if !p.accept(COMMA) {
			break
		}
	}
	return a
}

// param parses NAME [':' expression]; starAnnotation allows the
// '*'-expression annotation of *args (PEP 646).
func (p *parser) param(lambda, starAnnotation bool) *Arg {
	start := p.pos
	t := p.peek()
	if t.Kind != NAME {
		p.syntaxError()
	}
	p.next()
	arg := &Arg{Arg: p.identifier(t)}
	if !lambda && p.accept(COLON) {
		if starAnnotation && p.kind() == STAR {
			arg.Annotation = p.starExpression()
		} else {
			arg.Annotation = p.expression()
		}
	}
	arg.Loc = p.span(start)
	return arg
}

// parenthesizedParams reports parameters written in parentheses, as
// CPython's invalid_parameters and invalid_lambda_parameters do; the
// current token is the '('. It returns when they are not such a list.
func (p *parser) parenthesizedParams(lambda bool) {
	start := p.pos
	var rpar *Token
	ok := p.speculate(func() {
		p.next()
		for {
			p.param(lambda, false)
			if !p.accept(COMMA) || p.kind() == RPAR {
				break
			}
		}
		if p.kind() != RPAR {
			p.syntaxError()
		}
		rpar = p.next()
	})
	if !ok {
		p.pos = start
		return
	}
	lp := &p.toks[start]
	msg := "Function parameters cannot be parenthesized"
	if lambda {
		msg = "Lambda expression parameters cannot be parenthesized"
	}
	p.raiseAt(SyntaxErrorType, Loc{lp.Line, lp.Col, rpar.EndLine, rpar.EndCol}, msg)
}
