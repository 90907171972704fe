package syntax

// Expressions: star_expressions down to atom.

// starExpressions parses star_expression (',' star_expression)* [','],
// building a Tuple when there is a comma.
func (p *parser) starExpressions() Expr {
	start := p.pos
	e := p.starExpression()
	if p.kind() != COMMA {
		return e
	}
	elts := []Expr{e}
	for p.accept(COMMA) {
		if !p.startsExpression() && p.kind() != STAR {
			break
		}
		elts = append(elts, p.starExpression())
	}
	return &Tuple{Loc: p.span(start), Elts: elts, Ctx: Load}
}

// starExpression parses '*' bitwise_or | expression.
func (p *parser) starExpression() Expr {
	if p.kind() == STAR {
		start := p.pos
		p.next()
		v := p.bitwiseOr()
		return &Starred{Loc: p.span(start), Value: v, Ctx: Load}
	}
	return p.expression()
}

// starNamedExpression parses '*' bitwise_or | named_expression.
func (p *parser) starNamedExpression() Expr {
	if p.kind() == STAR {
		start := p.pos
		p.next()
		v := p.bitwiseOr()
		return &Starred{Loc: p.span(start), Value: v, Ctx: Load}
	}
	return p.namedExpression()
}

// expressions parses expression (',' expression)* [','].
func (p *parser) expressions() Expr {
	start := p.pos
	e := p.expression()
	if p.kind() != COMMA {
		return e
	}
	elts := []Expr{e}
	for p.accept(COMMA) {
		if !p.startsExpression() {
			break
		}
		elts = append(elts, p.expression())
	}
	return &Tuple{Loc: p.span(start), Elts: elts, Ctx: Load}
}

// namedExpression parses NAME ':=' expression | expression !':='.
func (p *parser) namedExpression() Expr {
	start := p.pos
	if p.kind() == NAME && p.peekAt(1).Kind == COLONEQUAL {
		t := p.next()
		p.next()
		target := &Name{Loc: tokLoc(t), ID: p.identifier(t), Ctx: Store}
		value := p.expression()
		return &NamedExpr{Loc: p.span(start), Target: target, Value: value}
	}
	e := p.expression()
	switch p.kind() {
	case COLONEQUAL:
		p.raiseNode(e, "cannot use assignment expressions with %s", exprName(e))
	case EQUAL:
		p.invalidNamedAssignment(start)
	}
	return e
}

// expression parses disjunction ['if' disjunction 'else' expression] |
// lambdef.
func (p *parser) expression() Expr {
	p.enter()
	defer p.leave()
	if p.kind() == KwLambda {
		return p.lambdef()
	}
	start := p.pos
	e := p.disjunction()
	if p.kind() == KwIf {
		p.next()
		test := p.disjunction()
		if p.kind() != KwElse {
			p.raiseRange(e, test, "expected 'else' after 'if' expression")
		}
		p.next()
		orelse := p.expression()
		return &IfExp{Loc: p.span(start), Test: test, Body: e, Orelse: orelse}
	}
	p.checkMissingComma(start, e)
	return e
}

// yieldExpr parses 'yield' 'from' expression | 'yield' [star_expressions].
func (p *parser) yieldExpr() Expr {
	start := p.pos
	p.next()
	if p.accept(KwFrom) {
		v := p.expression()
		return &YieldFrom{Loc: p.span(start), Value: v}
	}
	var v Expr
	if p.startsExpression() || p.kind() == STAR {
		v = p.starExpressions()
	}
	return &Yield{Loc: p.span(start), Value: v}
}

// disjunction parses conjunction ('or' conjunction)*.
func (p *parser) disjunction() Expr {
	start := p.pos
	e := p.conjunction()
	if p.kind() != KwOr {
		return e
	}
	values := []Expr{e}
	for p.accept(KwOr) {
		values = append(values, p.conjunction())
	}
	return &BoolOp{Loc: p.span(start), Op: Or, Values: values}
}

// conjunction parses inversion ('and' inversion)*.
func (p *parser) conjunction() Expr {
	start := p.pos
	e := p.inversion()
	if p.kind() != KwAnd {
		return e
	}
	values := []Expr{e}
	for p.accept(KwAnd) {
		values = append(values, p.inversion())
	}
	return &BoolOp{Loc: p.span(start), Op: And, Values: values}
}

// inversion parses 'not' inversion | comparison.
func (p *parser) inversion() Expr {
	if p.kind() == KwNot {
		p.enter()
		defer p.leave()
		start := p.pos
		p.next()
		operand := p.inversion()
		return &UnaryOp{Loc: p.span(start), Op: Not, Operand: operand}
	}
	return p.comparison()
}

// comparison parses bitwise_or (compare_op bitwise_or)*.
func (p *parser) comparison() Expr {
	start := p.pos
	e := p.bitwiseOr()
	var ops []CmpOperator
	var comparators []Expr
	for {
		var op CmpOperator
		switch p.kind() {
		case EQEQUAL:
			op = Eq
		case NOTEQUAL:
			if t := p.peek(); p.src[t.Start] == '<' {
				// "<>" is only accepted with barry_as_FLUFL.
				p.syntaxError()
			}
			op = NotEq
		case LESS:
			op = Lt
		case LESSEQUAL:
			op = LtE
		case GREATER:
			op = Gt
		case GREATEREQUAL:
			op = GtE
		case KwIn:
			op = In
		case KwIs:
			op = Is
			if p.peekAt(1).Kind == KwNot {
				p.next()
				op = IsNot
			}
		case KwNot:
			if p.peekAt(1).Kind != KwIn {
				goto done
			}
			p.next()
			op = NotIn
		default:
			goto done
		}
		p.next()
		ops = append(ops, op)
		comparators = append(comparators, p.bitwiseOr())
	}
done:
	if ops == nil {
		return e
	}
	return &Compare{Loc: p.span(start), Left: e, Ops: ops, Comparators: comparators}
}

// binaryLevel describes one left-associative binary-operator level.
type binaryLevel struct {
	ops  func(TokenKind) (Operator, bool)
	next int // index of the next tighter level, or -1 for factor
}

// bitwiseOr parses the binary-operator levels from '|' down to factor.
func (p *parser) bitwiseOr() Expr { return p.binary(0) }

// binary parses the left-associative level lvl: 0 '|', 1 '^', 2 '&',
// 3 shifts, 4 '+' '-', 5 '*' '/' '//' '%' '@'.
func (p *parser) binary(lvl int) Expr {
	start := p.pos
	var left Expr
	if lvl == 5 {
		left = p.factor()
	} else {
		left = p.binary(lvl + 1)
	}
	for chain := 1; ; chain++ {
		op, ok := binaryOperator(lvl, p.kind())
		if !ok {
			return left
		}
		p.noteChain(chain)
		p.next()
		var right Expr
		if lvl == 5 {
			right = p.factor()
		} else {
			right = p.binary(lvl + 1)
		}
		left = &BinOp{Loc: p.span(start), Left: left, Op: op, Right: right}
	}
}

// binaryOperator maps a token to the operator of level lvl, if any.
func binaryOperator(lvl int, k TokenKind) (Operator, bool) {
	switch lvl {
	case 0:
		return BitOr, k == VBAR
	case 1:
		return BitXor, k == CIRCUMFLEX
	case 2:
		return BitAnd, k == AMPER
	case 3:
		switch k {
		case LEFTSHIFT:
			return LShift, true
		case RIGHTSHIFT:
			return RShift, true
		}
	case 4:
		switch k {
		case PLUS:
			return Add, true
		case MINUS:
			return Sub, true
		}
	case 5:
		switch k {
		case STAR:
			return Mult, true
		case SLASH:
			return Div, true
		case DOUBLESLASH:
			return FloorDiv, true
		case PERCENT:
			return Modulo, true
		case AT:
			return MatMult, true
		}
	}
	return 0, false
}

// factor parses ('+' | '-' | '~') factor | power.
func (p *parser) factor() Expr {
	var op UnaryOperator
	switch p.kind() {
	case PLUS:
		op = UAdd
	case MINUS:
		op = USub
	case TILDE:
		op = Invert
	default:
		return p.power()
	}
	p.enter()
	defer p.leave()
	start := p.pos
	p.next()
	operand := p.factor()
	return &UnaryOp{Loc: p.span(start), Op: op, Operand: operand}
}

// power parses await_primary ['**' factor].
func (p *parser) power() Expr {
	start := p.pos
	e := p.awaitPrimary()
	if p.kind() == DOUBLESTAR {
		// CPython's grammar nests two rules per '**' (factor, power).
		p.enter()
		p.enter()
		defer func() { p.depth -= 2 }()
		p.next()
		right := p.factor()
		return &BinOp{Loc: p.span(start), Left: e, Op: Pow, Right: right}
	}
	return e
}

// awaitPrimary parses 'await' primary | primary.
func (p *parser) awaitPrimary() Expr {
	if p.kind() == KwAwait {
		start := p.pos
		p.next()
		v := p.primary()
		return &Await{Loc: p.span(start), Value: v}
	}
	return p.primary()
}

// primary parses atom followed by attribute, call and subscript trailers.
func (p *parser) primary() Expr {
	start := p.pos
	e := p.atom()
	for chain := 1; ; chain++ {
		p.noteChain(chain)
		switch p.kind() {
		case DOT:
			p.next()
			t := p.peek()
			if t.Kind != NAME {
				p.syntaxError()
			}
			p.next()
			e = &Attribute{Loc: p.span(start), Value: e, Attr: p.identifier(t), Ctx: Load}
		case LPAR:
			lpar := p.pos
			p.next()
			args, keywords := p.arguments(lpar, true)
			p.expect(RPAR)
			e = &Call{Loc: p.span(start), Func: e, Args: args, Keywords: keywords}
		case LSQB:
			p.next()
			s := p.slices()
			p.expect(RSQB)
			e = &Subscript{Loc: p.span(start), Value: e, Slice: s, Ctx: Load}
		default:
			return e
		}
	}
}

// slices parses the inside of a subscript.
func (p *parser) slices() Expr {
	start := p.pos
	first := p.slice()
	if _, ok := first.(*Starred); ok && start >= 2 && p.toks[start-2].Kind == NAME {
		if k := p.kind(); k == KwFor || k == KwAsync && p.peekAt(1).Kind == KwFor {
			// invalid_legacy_expression reparses "NAME [...]" as a list
			// display, where invalid_comprehension rejects this.
			p.raiseNode(first, "iterable unpacking cannot be used in comprehension")
		}
	}
	if p.kind() != COMMA {
		if _, ok := first.(*Starred); ok {
			// A lone starred item still makes a tuple: a[*b] is a[(*b,)].
			return &Tuple{Loc: p.span(start), Elts: []Expr{first}, Ctx: Load}
		}
		return first
	}
	elts := []Expr{first}
	for p.accept(COMMA) {
		if p.kind() == RSQB {
			break
		}
		elts = append(elts, p.slice())
	}
	return &Tuple{Loc: p.span(start), Elts: elts, Ctx: Load}
}

// slice parses [expression] ':' [expression] [':' [expression]] |
// named_expression | starred_expression.
func (p *parser) slice() Expr {
	start := p.pos
	if p.kind() == STAR {
		p.next()
		v := p.expression()
		return &Starred{Loc: p.span(start), Value: v, Ctx: Load}
	}
	var lower Expr
	if p.kind() != COLON {
		e := p.namedExpression()
		if p.kind() != COLON {
			return e
		}
		if _, ok := e.(*NamedExpr); ok && p.toks[start].Kind == NAME {
			p.syntaxError()
		}
		lower = e
	}
	p.next() // ':'
	s := &Slice{Lower: lower}
	if p.startsExpression() {
		s.Upper = p.expression()
	}
	if p.accept(COLON) {
		if p.startsExpression() {
			s.Step = p.expression()
		}
	}
	s.Loc = p.span(start)
	return s
}

// atom parses names, constants, strings and displays.
func (p *parser) atom() Expr {
	t := p.peek()
	switch t.Kind {
	case NAME:
		p.next()
		return &Name{Loc: tokLoc(t), ID: p.identifier(t), Ctx: Load}
	case KwTrue:
		p.next()
		return &Constant{Loc: tokLoc(t), Value: true}
	case KwFalse:
		p.next()
		return &Constant{Loc: tokLoc(t), Value: false}
	case KwNone:
		p.next()
		return &Constant{Loc: tokLoc(t), Value: nil}
	case ELLIPSIS:
		p.next()
		return &Constant{Loc: tokLoc(t), Value: EllipsisValue}
	case NUMBER:
		p.next()
		v, err := parseNumber(p.text(t))
		if err != nil {
			p.raiseAt(SyntaxErrorType, tokLoc(t), err.Error())
		}
		return &Constant{Loc: tokLoc(t), Value: v}
	case STRING, FSTRING_START:
		return p.strings()
	case LPAR:
		return p.parenthesized()
	case LSQB:
		return p.listDisplay()
	case LBRACE:
		return p.braceDisplay()
	}
	p.syntaxError()
	return nil
}

// parenthesized parses a tuple, a group or a generator expression.
func (p *parser) parenthesized() Expr {
	p.enter()
	defer p.leave()
	start := p.pos
	p.next()
	if p.accept(RPAR) {
		return &Tuple{Loc: p.span(start), Ctx: Load}
	}
	if p.kind() == KwYield {
		e := p.yieldExpr()
		p.expect(RPAR)
		return e
	}
	first := p.starNamedExpression()
	switch p.kind() {
	case KwFor, KwAsync:
		if _, ok := first.(*Starred); ok {
			p.syntaxError()
		}
		gens := p.forIfClauses()
		p.expect(RPAR)
		return &GeneratorExp{Loc: p.span(start), Elt: first, Generators: gens}
	case RPAR:
		p.next()
		if _, ok := first.(*Starred); ok {
			p.raiseNode(first, "cannot use starred expression here")
		}
		return first
	case COMMA:
		elts := []Expr{first}
		for p.accept(COMMA) {
			if p.kind() == RPAR {
				break
			}
			elts = append(elts, p.starNamedExpression())
		}
		p.expect(RPAR)
		return &Tuple{Loc: p.span(start), Elts: elts, Ctx: Load}
	}
	p.syntaxError()
	return nil
}

// listDisplay parses a list or a list comprehension.
func (p *parser) listDisplay() Expr {
	p.enter()
	defer p.leave()
	start := p.pos
	p.next()
	if p.accept(RSQB) {
		return &List{Loc: p.span(start), Ctx: Load}
	}
	first := p.starNamedExpression()
	if k := p.kind(); k == KwFor || k == KwAsync {
		if _, ok := first.(*Starred); ok {
			p.raiseNode(first, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.forIfClauses()
		p.expect(RSQB)
		return &ListComp{Loc: p.span(start), Elt: first, Generators: gens}
	}
	elts := []Expr{first}
	for p.accept(COMMA) {
		if p.kind() == RSQB {
			break
		}
		if k := p.kind(); k == KwFor || k == KwAsync {
			p.comprehensionTarget(elts, true)
		}
		elts = append(elts, p.starNamedExpression())
	}
	if k := p.kind(); (k == KwFor || k == KwAsync) && len(elts) > 1 {
		p.comprehensionTarget(elts, false)
	}
	p.expect(RSQB)
	return &List{Loc: p.span(start), Elts: elts, Ctx: Load}
}

// braceDisplay parses a dict, a set or their comprehensions.
func (p *parser) braceDisplay() Expr {
	p.enter()
	defer p.leave()
	start := p.pos
	p.next()
	if p.accept(RBRACE) {
		return &Dict{Loc: p.span(start)}
	}
	if p.kind() == DOUBLESTAR {
		return p.dictRest(start, nil, nil)
	}
	first := p.starNamedExpression()
	if p.kind() == COLON {
		if _, ok := first.(*NamedExpr); ok && p.toks[start+1].Kind == NAME {
			p.syntaxError()
		}
		if _, ok := first.(*Starred); ok {
			p.syntaxError()
		}
		p.next()
		value := p.dictValue()
		if k := p.kind(); k == KwFor || k == KwAsync {
			gens := p.forIfClauses()
			p.expect(RBRACE)
			return &DictComp{Loc: p.span(start), Key: first, Value: value, Generators: gens}
		}
		return p.dictRest(start, first, value)
	}
	if k := p.kind(); k == KwFor || k == KwAsync {
		if _, ok := first.(*Starred); ok {
			p.raiseNode(first, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.forIfClauses()
		p.expect(RBRACE)
		return &SetComp{Loc: p.span(start), Elt: first, Generators: gens}
	}
	elts := []Expr{first}
	for p.accept(COMMA) {
		if p.kind() == RBRACE {
			break
		}
		if k := p.kind(); k == KwFor || k == KwAsync {
			p.comprehensionTarget(elts, true)
		}
		elts = append(elts, p.starNamedExpression())
	}
	if k := p.kind(); (k == KwFor || k == KwAsync) && len(elts) > 1 {
		p.comprehensionTarget(elts, false)
	}
	p.expect(RBRACE)
	return &Set{Loc: p.span(start), Elts: elts}
}

// dictRest parses the remaining items of a dict display whose first item,
// if any, has been parsed (a nil key with a nil value means none).
func (p *parser) dictRest(start int, key, value Expr) Expr {
	var keys, values []Expr
	if value != nil {
		keys, values = append(keys, key), append(values, value)
		if !p.accept(COMMA) {
			p.expect(RBRACE)
			return &Dict{Loc: p.span(start), Keys: keys, Values: values}
		}
	}
	for p.kind() != RBRACE {
		if p.accept(DOUBLESTAR) {
			keys = append(keys, nil)
			values = append(values, p.bitwiseOr())
		} else {
			k := p.expression()
			if p.kind() != COLON {
				// invalid_kvpair: a key without ':' after earlier items.
				l := k.Location()
				p.raiseRaw(SyntaxErrorType, l.EndLineno, l.EndColOffset, l.EndLineno, 0, "':' expected after dictionary key")
			}
			p.next()
			keys = append(keys, k)
			values = append(values, p.dictValue())
		}
		if !p.accept(COMMA) {
			break
		}
	}
	if k := p.kind(); (k == KwFor || k == KwAsync) && len(keys) == 1 && keys[0] == nil {
		p.raiseTok(SyntaxErrorType, &p.toks[start+1], "dict unpacking cannot be used in dict comprehension")
	}
	p.expect(RBRACE)
	return &Dict{Loc: p.span(start), Keys: keys, Values: values}
}

// dictValue parses the value of a dict item after its ':', reporting a
// missing value or a starred one as CPython's invalid_kvpair does.
func (p *parser) dictValue() Expr {
	switch p.kind() {
	case RBRACE, COMMA:
		p.raiseTok(SyntaxErrorType, &p.toks[p.pos-1], "expression expected after dictionary key and ':'")
	case STAR:
		star := tokLoc(p.next())
		p.bitwiseOr()
		p.raiseFrom(&star, "cannot use a starred expression in a dictionary value")
	}
	return p.expression()
}

// comprehensionTarget reports "[a, b for ...]" (CPython's
// invalid_comprehension): elts are the items before the 'for', and
// trailing tells whether a comma directly precedes it.
func (p *parser) comprehensionTarget(elts []Expr, trailing bool) {
	comma := p.toks[p.pos-1]
	p.forIfClauses()
	msg := "did you forget parentheses around the comprehension target?"
	if trailing && len(elts) == 1 {
		p.raiseAt(SyntaxErrorType, spanNodes(elts[0].Location(), &Loc{EndLineno: comma.EndLine, EndColOffset: comma.EndCol}), msg)
	}
	p.raiseRange(elts[0], elts[len(elts)-1], msg)
}

// forIfClauses parses one or more ['async'] 'for' star_targets 'in'
// disjunction ('if' disjunction)* clauses.
func (p *parser) forIfClauses() []*Comprehension {
	var gens []*Comprehension
	for {
		isAsync := 0
		switch p.kind() {
		case KwAsync:
			if p.peekAt(1).Kind != KwFor {
				return gens
			}
			p.next()
			isAsync = 1
		case KwFor:
		default:
			return gens
		}
		p.next()
		target := p.starTargets()
		if p.kind() != KwIn {
			p.invalidForTarget(target)
		}
		p.next()
		c := &Comprehension{Target: target, Iter: p.disjunction(), IsAsync: isAsync}
		for p.kind() == KwIf {
			p.next()
			c.Ifs = append(c.Ifs, p.disjunction())
		}
		gens = append(gens, c)
	}
}

// lambdef parses 'lambda' [lambda_params] ':' expression.
func (p *parser) lambdef() Expr {
	start := p.pos
	// With expression(), CPython's grammar nests two rules per lambda.
	p.enter()
	defer p.leave()
	p.next()
	args := p.parameters(COLON)
	colon := p.expect(COLON)
	if p.kind() == FSTRING_MIDDLE {
		lt := &p.toks[start]
		p.raiseAt(SyntaxErrorType, Loc{lt.Line, lt.Col, colon.EndLine, colon.EndCol}, "f-string: lambda expressions are not allowed without parentheses")
	}
	body := p.expression()
	return &Lambda{Loc: p.span(start), Args: args, Body: body}
}

// arguments parses args [','] up to ')'; call is false for the bases of a
// class, which cannot be a bare generator expression. Argument lists that CPython's
// grammar rejects are reported as its invalid_arguments, invalid_kwarg and
// invalid_starred_expression rules report them.
func (p *parser) arguments(lpar int, call bool) ([]Expr, []*Keyword) {
	var args []Expr
	var keywords []*Keyword
	sawKeyword, sawDoubleStar, onlyStarred := false, false, true
	// pending is set once a positional argument follows a keyword: CPython
	// reports it (invalid_arguments' "args ',' args") after reading the
	// rest of the arguments, at the last token read.
	pending := ""
	for p.kind() != RPAR {
		start := p.pos
		switch {
		case p.kind() == STAR:
			star := p.peek()
			if pending == "" && len(args)+len(keywords) > 0 && (sawDoubleStar || (sawKeyword || onlyStarred) && !p.startsExpressionAt(1)) {
				p.raiseTok(SyntaxErrorType, star, "iterable argument unpacking follows keyword argument unpacking")
			}
			p.next()
			v := p.expression()
			e := &Starred{Loc: p.span(start), Value: v, Ctx: Load}
			if p.kind() == EQUAL {
				p.invalidUnpackingAssignment(start, "cannot assign to iterable argument unpacking")
			}
			args = append(args, e)
		case p.kind() == DOUBLESTAR:
			p.next()
			v := p.expression()
			if p.kind() == EQUAL {
				p.invalidUnpackingAssignment(start, "cannot assign to keyword argument unpacking")
			}
			keywords = append(keywords, &Keyword{Loc: p.span(start), Value: v})
			sawDoubleStar, onlyStarred = true, false
		case p.kind() == NAME && p.peekAt(1).Kind == EQUAL:
			t := p.next()
			eq := p.next()
			if k := p.kind(); k == COMMA || k == RPAR {
				if pending != "" {
					p.raiseLast(pending)
				}
				p.raiseAt(SyntaxErrorType, Loc{t.Line, t.Col, eq.EndLine, eq.EndCol}, "expected argument value expression")
			}
			v := p.expression()
			if k := p.kind(); k == KwFor || k == KwAsync && p.peekAt(1).Kind == KwFor {
				p.raiseAt(SyntaxErrorType, Loc{t.Line, t.Col, eq.EndLine, eq.EndCol}, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
			}
			keywords = append(keywords, &Keyword{Loc: p.span(start), Arg: p.identifier(t), Value: v})
			sawKeyword, onlyStarred = true, false
		default:
			var e Expr
			if p.kind() == NAME && p.peekAt(1).Kind == COLONEQUAL {
				e = p.namedExpression()
				if p.kind() == EQUAL {
					p.syntaxError()
				}
			} else {
				e = p.expression()
				if p.kind() == COLONEQUAL {
					p.syntaxError()
				}
			}
			if k := p.kind(); k == KwFor || k == KwAsync {
				if pending != "" {
					p.raiseLast(pending)
				}
				forTok := p.peek()
				gens := p.forIfClauses()
				if len(args) == 0 && len(keywords) == 0 && p.kind() == RPAR {
					if !call {
						p.raiseAt(SyntaxErrorType, tokLoc(forTok), "invalid syntax")
					}
					lp, rp := &p.toks[lpar], p.peek()
					return []Expr{&GeneratorExp{Loc: Loc{lp.Line, lp.Col, rp.EndLine, rp.EndCol}, Elt: e, Generators: gens}}, nil
				}
				g := &GeneratorExp{Loc: p.span(start), Elt: e, Generators: gens}
				p.raiseNode(g, "Generator expression must be parenthesized")
			}
			if p.kind() == EQUAL {
				p.invalidKeyword(start, e)
			}
			if pending == "" {
				if sawDoubleStar {
					pending = "positional argument follows keyword argument unpacking"
				} else if sawKeyword {
					pending = "positional argument follows keyword argument"
				}
			}
			args = append(args, e)
			onlyStarred = false
		}
		if !p.accept(COMMA) {
			break
		}
	}
	if pending != "" {
		p.raiseLast(pending)
	}
	return args, keywords
}

// startsExpressionAt reports whether the token i places ahead can begin an
// expression.
func (p *parser) startsExpressionAt(i int) bool {
	save := p.pos
	p.pos += i
	ok := p.startsExpression()
	p.pos = save
	return ok
}

// invalidUnpackingAssignment reports "*a = b" or "**a = b" in call
// arguments; start indexes the '*' or '**' and the current token is '='.
func (p *parser) invalidUnpackingAssignment(start int, msg string) {
	end := p.pos
	var b Expr
	if p.speculate(func() { p.next(); b = p.expression() }) {
		l := tokLoc(&p.toks[start])
		p.raiseAt(SyntaxErrorType, spanNodes(&l, b.Location()), msg)
	}
	p.pos = end
	p.syntaxError()
}
