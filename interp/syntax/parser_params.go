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
			case sawSlash:
				p.raiseAt(SyntaxErrorType, tokLoc(t), "/ may appear only once")
			case state != positional:
				p.raiseAt(SyntaxErrorType, tokLoc(t), "/ must be ahead of *")
			case len(a.Args) == 0:
				p.raiseAt(SyntaxErrorType, tokLoc(t), "at least one argument must precede /")
			}
			sawSlash = true
			a.Posonlyargs, a.Args = a.Args, nil
		case STAR:
			t := p.next()
			if state != positional {
				p.raiseAt(SyntaxErrorType, tokLoc(t), "* argument may appear only once")
			}
			state = keywordOnly
			if k := p.kind(); k == COMMA || k == end {
				if k == end || p.peekAt(1).Kind == end {
					p.raiseAt(SyntaxErrorType, tokLoc(t), "named arguments must follow bare *")
				}
				break
			}
			a.Vararg = p.param(lambda, true)
			if p.kind() == EQUAL {
				p.raiseAt(SyntaxErrorType, tokLoc(p.peek()), "var-positional argument cannot have default value")
			}
		case DOUBLESTAR:
			p.next()
			if state == afterKwarg {
				p.syntaxError()
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
			arg := p.param(lambda, false)
			var def Expr
			if p.accept(EQUAL) {
				if !p.startsExpression() {
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
