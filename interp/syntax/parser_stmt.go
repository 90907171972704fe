package syntax

// Statements: file_input down to simple_stmt and compound_stmt.

// fileInput parses file: [statements] ENDMARKER.
func (p *parser) fileInput() *Module {
	var body []Stmt
	for p.kind() != EOF {
		body = p.statement(body)
	}
	return &Module{Body: body}
}

// evalInput parses eval: expressions NEWLINE* ENDMARKER.
func (p *parser) evalInput() *Expression {
	e := p.expressions()
	for p.accept(NEWLINE) {
	}
	if p.kind() != EOF {
		p.syntaxError()
	}
	return &Expression{Body: e}
}

// singleInput parses interactive: statement_newline.
func (p *parser) singleInput() *Interactive {
	if p.accept(NEWLINE) {
		return &Interactive{}
	}
	body := p.statement(nil)
	for p.accept(NEWLINE) {
	}
	if p.kind() != EOF {
		p.syntaxError()
	}
	return &Interactive{Body: body}
}

// statement parses one statement line (compound, or simple statements
// joined by ';') and appends the statements to body.
func (p *parser) statement(body []Stmt) []Stmt {
	t := p.peek()
	switch t.Kind {
	case KwDef, KwIf, KwClass, KwWith, KwFor, KwTry, KwWhile, AT:
		return append(body, p.compoundStmt())
	case KwAsync:
		if k := p.peekAt(1).Kind; k == KwDef || k == KwWith || k == KwFor {
			return append(body, p.compoundStmt())
		}
	case NAME:
		if p.isSoftKeyword(t, "match") {
			if s := p.matchStmt(); s != nil {
				return append(body, s)
			}
		}
	case INDENT:
		p.syntaxError()
	}
	return p.simpleStmts(body)
}

// compoundStmt parses a compound statement starting at the current token.
func (p *parser) compoundStmt() Stmt {
	p.enter()
	defer p.leave()
	switch p.kind() {
	case AT:
		return p.decorated()
	case KwDef:
		return p.functionDef(p.pos, nil)
	case KwClass:
		return p.classDef(nil)
	case KwIf:
		return p.ifStmt()
	case KwWhile:
		return p.whileStmt()
	case KwFor:
		return p.forStmt(p.pos)
	case KwWith:
		return p.withStmt(p.pos)
	case KwTry:
		return p.tryStmt()
	case KwAsync:
		start := p.pos
		p.next()
		switch p.kind() {
		case KwDef:
			return p.functionDef(start, nil)
		case KwWith:
			return p.withStmt(start)
		case KwFor:
			return p.forStmt(start)
		}
	}
	p.syntaxError()
	return nil
}

// simpleStmts parses simple_stmt (';' simple_stmt)* [';'] NEWLINE.
func (p *parser) simpleStmts(body []Stmt) []Stmt {
	for {
		body = append(body, p.simpleStmt())
		if !p.accept(SEMI) {
			break
		}
		if p.kind() == NEWLINE {
			break
		}
	}
	if p.kind() != NEWLINE {
		p.syntaxError()
	}
	p.next()
	return body
}

// simpleStmt parses one simple statement.
func (p *parser) simpleStmt() Stmt {
	start := p.pos
	t := p.peek()
	switch t.Kind {
	case KwPass:
		p.next()
		return &Pass{Loc: p.span(start)}
	case KwBreak:
		p.next()
		return &Break{Loc: p.span(start)}
	case KwContinue:
		p.next()
		return &Continue{Loc: p.span(start)}
	case KwReturn:
		p.next()
		var v Expr
		if p.startsExpression() || p.kind() == STAR {
			v = p.starExpressions()
		}
		return &Return{Loc: p.span(start), Value: v}
	case KwRaise:
		return p.raiseStmt()
	case KwGlobal, KwNonlocal:
		p.next()
		var names []string
		for {
			names = append(names, p.name())
			if !p.accept(COMMA) {
				break
			}
		}
		if t.Kind == KwGlobal {
			return &Global{Loc: p.span(start), Names: names}
		}
		return &Nonlocal{Loc: p.span(start), Names: names}
	case KwDel:
		return p.delStmt()
	case KwAssert:
		p.next()
		test := p.expression()
		var msg Expr
		if p.accept(COMMA) {
			msg = p.expression()
		}
		return &Assert{Loc: p.span(start), Test: test, Msg: msg}
	case KwImport:
		return p.importName()
	case KwFrom:
		return p.importFrom()
	case KwYield:
		// A yield expression can still be the target of an assignment
		// error ("assignment to yield expression not possible").
		e := p.yieldExpr()
		if p.kind() == EQUAL {
			p.raiseNode(e, "assignment to yield expression not possible")
		}
		return &ExprStmt{Loc: p.span(start), Value: e}
	case NAME:
		if p.isSoftKeyword(t, "type") {
			if k := p.peekAt(1).Kind; k == NAME {
				if k2 := p.peekAt(2).Kind; k2 == EQUAL || k2 == LSQB {
					return p.typeAlias()
				}
			}
		}
	}
	return p.exprOrAssignment()
}

// startsExpression reports whether the current token can begin an
// expression (not counting '*', which only some contexts allow).
func (p *parser) startsExpression() bool {
	switch p.kind() {
	case NAME, NUMBER, STRING, FSTRING_START, LPAR, LSQB, LBRACE, ELLIPSIS,
		PLUS, MINUS, TILDE, KwNot, KwAwait, KwLambda, KwNone, KwTrue, KwFalse, KwYield:
		return true
	}
	return false
}

// exprOrAssignment parses an expression statement, an assignment, an
// annotated assignment or an augmented assignment.
func (p *parser) exprOrAssignment() Stmt {
	start := p.pos
	first := p.peek()
	e := p.starExpressions()
	switch k := p.kind(); {
	case k == EQUAL:
		if invalidTarget(e, targetAssign) != nil {
			p.invalidNamedAssignment(start)
			if t, ok := e.(*Tuple); ok && first.Kind != LPAR {
				if _, starred := t.Elts[len(t.Elts)-1].(*Starred); !starred {
					// invalid_assignment's star_named_expression ','
					// star_named_expressions* runs invalid_named_expression
					// on the last item, which the '=' follows.
					p.invalidNamedAssignment(p.lastItemStart(start))
				}
			}
		}
		targets := []Expr{p.setTarget(e, Store, targetAssign)}
		var value Expr
		for {
			p.next() // '='
			valueStart := p.pos
			if p.kind() == KwYield {
				value = p.yieldExpr()
			} else {
				value = p.starExpressions()
			}
			if p.kind() != EQUAL {
				break
			}
			switch value.(type) {
			case *Yield, *YieldFrom:
				if p.toks[valueStart].Kind == KwYield {
					p.raiseNode(value, "assignment to yield expression not possible")
				}
			}
			targets = append(targets, p.setTarget(value, Store, targetAssign))
		}
		return &Assign{Loc: p.span(start), Targets: targets, Value: value}
	case k == COLON:
		return p.annAssign(start, first, e)
	case k >= PLUSEQUAL && k <= DOUBLESTAREQUAL || k == DOUBLESLASHEQUAL || k == ATEQUAL:
		op := augOperator(k)
		target := p.augTarget(e)
		p.next()
		var value Expr
		if p.kind() == KwYield {
			value = p.yieldExpr()
		} else {
			value = p.starExpressions()
		}
		return &AugAssign{Loc: p.span(start), Target: target, Op: op, Value: value}
	}
	return &ExprStmt{Loc: p.span(start), Value: e}
}

// lastItemStart returns the index of the first token of the last item of
// the comma-separated list from start to the current token.
func (p *parser) lastItemStart(start int) int {
	depth, last := 0, start
	for i := start; i < p.pos; i++ {
		switch p.toks[i].Kind {
		case LPAR, LSQB, LBRACE:
			depth++
		case RPAR, RSQB, RBRACE:
			depth--
		case COMMA:
			if depth == 0 {
				last = i + 1
			}
		}
	}
	return last
}

// augOperator maps an augmented-assignment token to its operator.
func augOperator(k TokenKind) Operator {
	switch k {
	case PLUSEQUAL:
		return Add
	case MINEQUAL:
		return Sub
	case STAREQUAL:
		return Mult
	case ATEQUAL:
		return MatMult
	case SLASHEQUAL:
		return Div
	case PERCENTEQUAL:
		return Modulo
	case DOUBLESTAREQUAL:
		return Pow
	case LEFTSHIFTEQUAL:
		return LShift
	case RIGHTSHIFTEQUAL:
		return RShift
	case VBAREQUAL:
		return BitOr
	case CIRCUMFLEXEQUAL:
		return BitXor
	case AMPEREQUAL:
		return BitAnd
	}
	return FloorDiv
}

// augTarget checks the target of an augmented assignment: a name, an
// attribute or a subscript.
func (p *parser) augTarget(e Expr) Expr {
	switch e.(type) {
	case *Name, *Attribute, *Subscript:
		return p.setTarget(e, Store, targetAssign)
	}
	p.raiseNode(e, "'%s' is an illegal expression for augmented assignment", exprName(e))
	return nil
}

// annAssign parses the rest of target ':' expression ['=' annotated_rhs].
func (p *parser) annAssign(start int, first *Token, target Expr) Stmt {
	simple := 0
	switch target.(type) {
	case *Name:
		if first.Kind != LPAR {
			simple = 1
		}
	case *Attribute, *Subscript:
	case *Tuple:
		if first.Kind != LPAR {
			p.raiseNode(target.(*Tuple).Elts[0], "only single target (not tuple) can be annotated")
		}
		p.raiseNode(target, "only single target (not tuple) can be annotated")
	case *Starred:
		p.syntaxError()
	case *List:
		p.raiseNode(target, "only single target (not list) can be annotated")
	default:
		p.raiseNode(target, "illegal target for annotation")
	}
	target = p.setTarget(target, Store, targetAssign)
	p.next() // ':'
	ann := p.expression()
	var value Expr
	if p.accept(EQUAL) {
		if p.kind() == KwYield {
			value = p.yieldExpr()
		} else {
			value = p.starExpressions()
		}
	}
	return &AnnAssign{Loc: p.span(start), Target: target, Annotation: ann, Value: value, Simple: simple}
}

// raiseStmt parses 'raise' [expression ['from' expression]].
func (p *parser) raiseStmt() Stmt {
	start := p.pos
	p.next()
	var exc, cause Expr
	if p.startsExpression() {
		exc = p.expression()
		if p.accept(KwFrom) {
			cause = p.expression()
		}
	}
	return &Raise{Loc: p.span(start), Exc: exc, Cause: cause}
}

// delStmt parses 'del' del_targets.
func (p *parser) delStmt() Stmt {
	start := p.pos
	p.next()
	var targets []Expr
	for {
		if !p.startsExpression() && p.kind() != STAR {
			break
		}
		e := p.starExpression()
		targets = append(targets, e)
		if !p.accept(COMMA) {
			break
		}
	}
	if len(targets) == 0 {
		p.syntaxError()
	}
	if k := p.kind(); k != NEWLINE && k != SEMI {
		p.syntaxError()
	}
	for i, t := range targets {
		targets[i] = p.setTarget(t, Del, targetDel)
	}
	return &Delete{Loc: p.span(start), Targets: targets}
}

// dottedName parses NAME ('.' NAME)*.
func (p *parser) dottedName() string {
	s := p.name()
	for p.kind() == DOT {
		p.next()
		s += "." + p.name()
	}
	return s
}

// name consumes a NAME and returns it, NFKC-normalized.
func (p *parser) name() string {
	t := p.peek()
	if t.Kind != NAME {
		p.syntaxError()
	}
	p.next()
	return p.identifier(t)
}

// identifier returns the normalized text of a NAME token.
func (p *parser) identifier(t *Token) string {
	s := p.src[t.Start:t.End]
	for _, c := range s {
		if c >= 0x80 {
			return normalizeIdentifier(string(s))
		}
	}
	return string(s)
}

// importName parses 'import' dotted_as_names.
func (p *parser) importName() Stmt {
	start := p.pos
	p.next()
	var names []*Alias
	for {
		s := p.pos
		a := &Alias{Name: p.dottedName()}
		if p.accept(KwAs) {
			a.Asname = p.name()
		}
		a.Loc = p.span(s)
		names = append(names, a)
		if !p.accept(COMMA) {
			break
		}
	}
	if p.kind() == KwFrom {
		plain := true
		for _, a := range names {
			plain = plain && a.Asname == ""
		}
		if plain && p.peekAt(1).Kind == NAME {
			p.next()
			p.dottedName()
			l := tokLoc(&p.toks[start])
			p.raiseFrom(&l, "Did you mean to use 'from ... import ...' instead?")
		}
	}
	return &Import{Loc: p.span(start), Names: names}
}

// importFrom parses 'from' ('.' | '...')* dotted_name 'import' targets.
func (p *parser) importFrom() Stmt {
	start := p.pos
	p.next()
	level := 0
	for {
		if p.accept(DOT) {
			level++
		} else if p.accept(ELLIPSIS) {
			level += 3
		} else {
			break
		}
	}
	module := ""
	if level == 0 || p.kind() == NAME {
		module = p.dottedName()
	}
	if p.kind() != KwImport {
		p.syntaxError()
	}
	p.next()
	var names []*Alias
	switch p.kind() {
	case STAR:
		t := p.next()
		names = []*Alias{{Loc: tokLoc(t), Name: "*"}}
	case LPAR:
		p.next()
		names = p.importAliases(true)
		p.expect(RPAR)
	default:
		names = p.importAliases(false)
	}
	return &ImportFrom{Loc: p.span(start), Module: module, Names: names, Level: level}
}

// importAliases parses import_from_as_names, with a trailing comma only
// inside parentheses.
func (p *parser) importAliases(parens bool) []*Alias {
	var names []*Alias
	for {
		s := p.pos
		a := &Alias{Name: p.name()}
		if p.accept(KwAs) {
			a.Asname = p.name()
		}
		a.Loc = p.span(s)
		names = append(names, a)
		if p.kind() != COMMA {
			break
		}
		if !parens && p.peekAt(1).Kind == NEWLINE {
			p.raiseLast("trailing comma not allowed without surrounding parentheses")
		}
		p.next()
		if parens && p.kind() == RPAR {
			break
		}
	}
	return names
}

// typeAlias parses "type" NAME [type_params] '=' expression.
func (p *parser) typeAlias() Stmt {
	start := p.pos
	p.next()
	nt := p.next()
	name := &Name{Loc: tokLoc(nt), ID: p.identifier(nt), Ctx: Store}
	var tps []TypeParam
	if p.kind() == LSQB {
		tps = p.typeParams()
	}
	p.expect(EQUAL)
	value := p.expression()
	return &TypeAlias{Loc: p.span(start), Name: name, TypeParams: tps, Value: value}
}

// typeParams parses '[' type_param (',' type_param)* [','] ']'.
func (p *parser) typeParams() []TypeParam {
	p.expect(LSQB)
	var tps []TypeParam
	for p.kind() != RSQB {
		start := p.pos
		switch p.kind() {
		case STAR:
			p.next()
			name := p.name()
			if p.kind() == COLON {
				colon := tokLoc(p.next())
				e := p.expression()
				if _, ok := e.(*Tuple); ok {
					p.raiseFrom(&colon, "cannot use constraints with TypeVarTuple")
				}
				p.raiseFrom(&colon, "cannot use bound with TypeVarTuple")
			}
			tps = append(tps, &TypeVarTuple{Loc: p.span(start), Name: name})
		case DOUBLESTAR:
			p.next()
			name := p.name()
			if p.kind() == COLON {
				colon := tokLoc(p.next())
				e := p.expression()
				if _, ok := e.(*Tuple); ok {
					p.raiseFrom(&colon, "cannot use constraints with ParamSpec")
				}
				p.raiseFrom(&colon, "cannot use bound with ParamSpec")
			}
			tps = append(tps, &ParamSpec{Loc: p.span(start), Name: name})
		default:
			name := p.name()
			var bound Expr
			if p.accept(COLON) {
				bound = p.expression()
			}
			tps = append(tps, &TypeVar{Loc: p.span(start), Name: name, Bound: bound})
		}
		if !p.accept(COMMA) {
			break
		}
	}
	if len(tps) == 0 {
		p.syntaxError()
	}
	p.expect(RSQB)
	return tps
}

// optionalTypeParams parses the optional type_params of a def: when they
// do not parse, nothing is consumed and the caller reports "expected '('"
// at the '['. Errors that CPython's invalid rules raise inside them stand.
func (p *parser) optionalTypeParams() []TypeParam {
	start := p.pos
	var tps []TypeParam
	if p.speculateGeneric(func() { tps = p.typeParams() }) {
		return tps
	}
	p.pos = start
	return nil
}

// block parses the body of a compound statement after its ':'. what and
// line describe the statement for the "expected an indented block" error.
func (p *parser) block(what string, line int) []Stmt {
	if p.kind() != NEWLINE {
		return p.simpleStmts(nil)
	}
	p.next()
	if p.kind() != INDENT {
		p.raiseTok(IndentationErrorType, p.peek(), sprintf("expected an indented block after %s on line %d", what, line))
	}
	p.next()
	var body []Stmt
	for p.kind() != DEDENT && p.kind() != EOF {
		body = p.statement(body)
	}
	p.accept(DEDENT)
	return body
}

// colon consumes the ':' that ends a compound statement header, reporting
// CPython's "expected ':'" when it is missing.
func (p *parser) colon() {
	if p.kind() != COLON {
		p.expectedColon()
	}
	p.next()
}

// expectedColon reports a missing ':' the way CPython's invalid_*_stmt
// rules do: at the NEWLINE when the header ends there, else as a generic
// error at the current token.
func (p *parser) expectedColon() {
	t := p.peek()
	if t.Kind == NEWLINE {
		p.raiseAt(SyntaxErrorType, tokLoc(t), "expected ':'")
	}
	p.syntaxError()
}

// forcedColon consumes a ':' that the grammar forces (&&':'): anything else
// is reported as "expected ':'" at the current token.
func (p *parser) forcedColon() {
	t := p.peek()
	if t.Kind != COLON {
		p.raiseAt(SyntaxErrorType, tokLoc(t), "expected ':'")
	}
	p.next()
}

// decorated parses decorators followed by a function or class definition.
func (p *parser) decorated() Stmt {
	var decorators []Expr
	for p.accept(AT) {
		decorators = append(decorators, p.namedExpression())
		p.expect(NEWLINE)
	}
	switch p.kind() {
	case KwDef:
		return p.functionDef(p.pos, decorators)
	case KwAsync:
		if p.peekAt(1).Kind == KwDef {
			start := p.pos
			p.next()
			return p.functionDef(start, decorators)
		}
	case KwClass:
		return p.classDef(decorators)
	}
	p.syntaxError()
	return nil
}

// functionDef parses ['async'] 'def' NAME [type_params] '(' [params] ')'
// ['->' expression] ':' block; start is the index of 'async' or 'def'.
func (p *parser) functionDef(start int, decorators []Expr) Stmt {
	isAsync := p.toks[start].Kind == KwAsync
	defTok := p.expect(KwDef)
	name := p.name()
	var tps []TypeParam
	if p.kind() == LSQB {
		tps = p.optionalTypeParams()
	}
	if p.kind() != LPAR {
		p.raiseAt(SyntaxErrorType, tokLoc(p.peek()), "expected '('")
	}
	p.next()
	args := p.parameters(RPAR)
	p.expect(RPAR)
	var returns Expr
	if p.kind() == RARROW && p.startsExpressionAt(1) {
		p.next()
		returns = p.expression()
	}
	p.forcedColon()
	body := p.block("function definition", defTok.Line)
	if isAsync {
		return &AsyncFunctionDef{Loc: p.span(start), Name: name, Args: args, Body: body, DecoratorList: decorators, Returns: returns, TypeParams: tps}
	}
	return &FunctionDef{Loc: p.span(start), Name: name, Args: args, Body: body, DecoratorList: decorators, Returns: returns, TypeParams: tps}
}

// classDef parses 'class' NAME [type_params] ['(' [arguments] ')'] ':' block.
func (p *parser) classDef(decorators []Expr) Stmt {
	start := p.pos
	classTok := p.next()
	name := p.name()
	var tps []TypeParam
	if p.kind() == LSQB {
		tps = p.typeParams()
	}
	var bases []Expr
	var keywords []*Keyword
	if p.accept(LPAR) {
		bases, keywords = p.arguments(p.pos-1, false)
		p.expect(RPAR)
	}
	p.colon()
	body := p.block("class definition", classTok.Line)
	return &ClassDef{Loc: p.span(start), Name: name, Bases: bases, Keywords: keywords, Body: body, DecoratorList: decorators, TypeParams: tps}
}

// ifStmt parses 'if' named_expression ':' block elif_stmt | else_block.
func (p *parser) ifStmt() Stmt {
	p.enter() // elif clauses nest
	defer p.leave()
	start := p.pos
	ifTok := p.next()
	what := "'if' statement"
	if ifTok.Kind == KwElif {
		what = "'elif' statement"
	}
	test := p.namedExpression()
	p.colon()
	body := p.block(what, ifTok.Line)
	var orelse []Stmt
	switch p.kind() {
	case KwElif:
		orelse = []Stmt{p.ifStmt()}
	case KwElse:
		orelse = p.elseBlock()
	}
	return &If{Loc: p.span(start), Test: test, Body: body, Orelse: orelse}
}

// elseBlock parses 'else' &&':' block.
func (p *parser) elseBlock() []Stmt {
	t := p.next()
	p.forcedColon()
	return p.block("'else' statement", t.Line)
}

// whileStmt parses 'while' named_expression ':' block [else_block].
func (p *parser) whileStmt() Stmt {
	start := p.pos
	t := p.next()
	test := p.namedExpression()
	p.colon()
	body := p.block("'while' statement", t.Line)
	var orelse []Stmt
	if p.kind() == KwElse {
		orelse = p.elseBlock()
	}
	return &While{Loc: p.span(start), Test: test, Body: body, Orelse: orelse}
}

// forStmt parses ['async'] 'for' star_targets 'in' star_expressions ':'
// block [else_block]; start indexes 'async' or 'for'.
func (p *parser) forStmt(start int) Stmt {
	isAsync := p.toks[start].Kind == KwAsync
	t := p.expect(KwFor)
	target := p.starTargets()
	if p.kind() != KwIn {
		p.invalidForTarget(target)
	}
	p.next()
	iter := p.starExpressions()
	p.colon()
	body := p.block("'for' statement", t.Line)
	var orelse []Stmt
	if p.kind() == KwElse {
		orelse = p.elseBlock()
	}
	if isAsync {
		return &AsyncFor{Loc: p.span(start), Target: target, Iter: iter, Body: body, Orelse: orelse}
	}
	return &For{Loc: p.span(start), Target: target, Iter: iter, Body: body, Orelse: orelse}
}

// withStmt parses ['async'] 'with' items ':' block, where items may be
// parenthesized; start indexes 'async' or 'with'.
func (p *parser) withStmt(start int) Stmt {
	isAsync := p.toks[start].Kind == KwAsync
	t := p.expect(KwWith)
	var items []*WithItem
	parenthesized := false
	if p.kind() == LPAR {
		parenthesized = p.speculateGeneric(func() {
			p.next()
			items = nil
			for {
				items = append(items, p.withItem())
				if !p.accept(COMMA) || p.kind() == RPAR {
					break
				}
			}
			p.expect(RPAR)
			if p.kind() != COLON {
				p.syntaxError()
			}
		})
	}
	if !parenthesized {
		items = nil
		for {
			items = append(items, p.withItem())
			if !p.accept(COMMA) {
				break
			}
		}
	}
	p.colon()
	body := p.block("'with' statement", t.Line)
	if isAsync {
		return &AsyncWith{Loc: p.span(start), Items: items, Body: body}
	}
	return &With{Loc: p.span(start), Items: items, Body: body}
}

// withItem parses expression ['as' star_target].
func (p *parser) withItem() *WithItem {
	e := p.expression()
	item := &WithItem{ContextExpr: e}
	if p.accept(KwAs) {
		as := p.pos
		ok := p.speculate(func() {
			item.OptionalVars = p.starTarget()
			switch p.kind() {
			case COMMA, RPAR, COLON, NEWLINE:
			default:
				p.syntaxError()
			}
		})
		if !ok {
			// invalid_with_item: expression 'as' expression &(',' | ')' | ':').
			fail := p.fill
			p.pos = as
			var a Expr
			if p.probe(func() { a = p.expression() }) {
				p.fill = fail
				if k := p.kind(); k == COMMA || k == RPAR || k == COLON {
					if bad := invalidTarget(a, targetAssign); bad != nil {
						p.raiseNode(bad, "cannot assign to %s", exprName(bad))
					}
				}
			}
			p.pos = as
			item.OptionalVars = p.starTarget()
			p.syntaxError()
		}
	}
	return item
}

// tryStmt parses a try statement with except, except*, else and finally
// clauses.
func (p *parser) tryStmt() Stmt {
	start := p.pos
	t := p.next()
	p.forcedColon()
	body := p.block("'try' statement", t.Line)
	var handlers []*ExceptHandler
	star, plain := false, false
	for p.kind() == KwExcept {
		if exc := p.peek(); star || plain {
			if next := p.peekAt(1); next.Kind == STAR && plain {
				p.raiseAt(SyntaxErrorType, Loc{exc.Line, exc.Col, next.EndLine, next.EndCol}, "cannot have both 'except' and 'except*' on the same 'try'")
			} else if next.Kind != STAR && star {
				p.raiseTok(SyntaxErrorType, exc, "cannot have both 'except' and 'except*' on the same 'try'")
			}
		}
		h, isStar := p.exceptBlock()
		star, plain = star || isStar, plain || !isStar
		handlers = append(handlers, h)
	}
	var orelse, final []Stmt
	if len(handlers) > 0 && p.kind() == KwElse {
		orelse = p.elseBlock()
	}
	if p.kind() == KwFinally {
		ft := p.next()
		p.forcedColon()
		final = p.block("'finally' statement", ft.Line)
	}
	if len(handlers) == 0 && final == nil {
		p.raiseLast("expected 'except' or 'finally' block")
	}
	if star {
		return &TryStar{Loc: p.span(start), Body: body, Handlers: handlers, Orelse: orelse, Finalbody: final}
	}
	return &Try{Loc: p.span(start), Body: body, Handlers: handlers, Orelse: orelse, Finalbody: final}
}

// exceptBlock parses 'except' ['*'] [expression ['as' NAME]] ':' block.
func (p *parser) exceptBlock() (*ExceptHandler, bool) {
	start := p.pos
	t := p.next()
	isStar := p.accept(STAR)
	h := &ExceptHandler{}
	if isStar && (p.kind() == COLON || p.kind() == NEWLINE) {
		p.next()
		p.raiseLast("expected one or more exception types")
	}
	if p.kind() == NEWLINE {
		p.raiseLast("expected ':'")
	}
	if p.kind() != COLON {
		h.Type = p.expression()
		if p.kind() == COMMA {
			comma := p.pos
			if p.speculate(func() {
				p.next()
				p.expressions()
				if p.accept(KwAs) {
					p.name()
				}
				if p.kind() != COLON {
					p.syntaxError()
				}
				p.next()
			}) {
				p.raiseFrom(h.Type.Location(), "multiple exception types must be parenthesized")
			}
			p.pos = comma
			p.syntaxError()
		}
		if p.accept(KwAs) {
			h.Name = p.name()
		}
	}
	p.colon()
	what := "'except' statement"
	if isStar {
		what = "'except*' statement"
	}
	h.Body = p.block(what, t.Line)
	h.Loc = p.span(start)
	return h, isStar
}
