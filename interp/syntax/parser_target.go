package syntax

// Assignment, deletion and loop targets, and the error checks that CPython's
// invalid_* rules make about them.

// targetKind says which statement a target belongs to, for error messages.
type targetKind uint8

const (
	targetAssign targetKind = iota // assignment, for, with, comprehension
	targetDel                      // del
)

// setTarget checks that e can be assigned to (or deleted) and gives it and
// its sub-targets the context ctx.
func (p *parser) setTarget(e Expr, ctx ExprContext, kind targetKind) Expr {
	if bad := invalidTarget(e, kind); bad != nil {
		verb := "assign to"
		if kind == targetDel {
			verb = "delete"
		}
		p.raiseNode(bad, "cannot %s %s", verb, exprName(bad))
	}
	setContext(e, ctx)
	return e
}

// setContext gives e and its nested targets the context ctx.
func setContext(e Expr, ctx ExprContext) {
	switch n := e.(type) {
	case *Name:
		n.Ctx = ctx
	case *Attribute:
		n.Ctx = ctx
	case *Subscript:
		n.Ctx = ctx
	case *Starred:
		n.Ctx = ctx
		setContext(n.Value, ctx)
	case *List:
		n.Ctx = ctx
		for _, x := range n.Elts {
			setContext(x, ctx)
		}
	case *Tuple:
		n.Ctx = ctx
		for _, x := range n.Elts {
			setContext(x, ctx)
		}
	}
}

// invalidTarget returns the first sub-expression of e that cannot be a
// target, following _PyPegen_get_invalid_target, or nil.
func invalidTarget(e Expr, kind targetKind) Expr {
	switch n := e.(type) {
	case *Name, *Attribute, *Subscript:
		return nil
	case *Starred:
		if kind == targetDel {
			return n
		}
		return invalidTarget(n.Value, kind)
	case *List:
		for _, x := range n.Elts {
			if bad := invalidTarget(x, kind); bad != nil {
				return bad
			}
		}
		return nil
	case *Tuple:
		for _, x := range n.Elts {
			if bad := invalidTarget(x, kind); bad != nil {
				return bad
			}
		}
		return nil
	case *Compare:
		// "for x in y" parsed as a comparison: CPython blames the left
		// operand when the comparison is an 'in' test.
		if kind == targetAssign && len(n.Ops) > 0 && n.Ops[0] == In {
			return invalidTarget(n.Left, kind)
		}
	}
	return e
}

// exprName describes an expression the way CPython's error messages do
// (_PyPegen_get_expr_name).
func exprName(e Expr) string {
	switch n := e.(type) {
	case *Attribute:
		return "attribute"
	case *Subscript:
		return "subscript"
	case *Starred:
		return "starred"
	case *Name:
		return "name"
	case *List:
		return "list"
	case *Tuple:
		return "tuple"
	case *Lambda:
		return "lambda"
	case *Call:
		return "function call"
	case *BoolOp, *BinOp, *UnaryOp:
		return "expression"
	case *GeneratorExp:
		return "generator expression"
	case *Yield, *YieldFrom:
		return "yield expression"
	case *Await:
		return "await expression"
	case *ListComp:
		return "list comprehension"
	case *SetComp:
		return "set comprehension"
	case *DictComp:
		return "dict comprehension"
	case *Dict:
		return "dict literal"
	case *Set:
		return "set display"
	case *JoinedStr, *FormattedValue:
		return "f-string expression"
	case *Constant:
		switch v := n.Value.(type) {
		case nil:
			return "None"
		case bool:
			if v {
				return "True"
			}
			return "False"
		case EllipsisType:
			return "ellipsis"
		}
		return "literal"
	case *Compare:
		return "comparison"
	case *IfExp:
		return "conditional expression"
	case *NamedExpr:
		return "named expression"
	case *Slice:
		return "slice"
	}
	return "expression"
}

// starTargets parses star_targets: one target, or several separated by
// commas as a Tuple.
func (p *parser) starTargets() Expr {
	start := p.pos
	first := p.starTarget()
	if p.kind() != COMMA {
		return first
	}
	elts := []Expr{first}
	for p.accept(COMMA) {
		if !p.startsTarget() {
			break
		}
		elts = append(elts, p.starTarget())
	}
	return &Tuple{Loc: p.span(start), Elts: elts, Ctx: Store}
}

// startsTarget reports whether the current token can begin a target.
func (p *parser) startsTarget() bool {
	switch p.kind() {
	case NAME, LPAR, LSQB, STAR:
		return true
	}
	return p.startsExpression() && p.kind() != KwNot && p.kind() != KwLambda
}

// starTarget parses '*' star_target | a primary ending in a name, an
// attribute, a subscript, or a parenthesized or bracketed target list.
func (p *parser) starTarget() Expr {
	if p.kind() == STAR {
		start := p.pos
		p.next()
		if p.kind() == STAR {
			p.syntaxError()
		}
		v := p.starTarget()
		return &Starred{Loc: p.span(start), Value: v, Ctx: Store}
	}
	e := p.primary()
	return p.setTarget(e, Store, targetAssign)
}

// invalidForTarget reports a for-loop or comprehension target that is not
// followed by 'in'.
func (p *parser) invalidForTarget(target Expr) {
	end := p.pos
	i := end - 1
	// Back up to the token after 'for'.
	for i > 0 && p.toks[i].Kind != KwFor {
		i--
	}
	fill := p.fill
	var a Expr
	p.pos = i + 1
	if p.speculateGeneric(func() { a = p.starExpressions() }) {
		p.fill = fill
		if bad := invalidForTargetOf(a); bad != nil {
			p.raiseNode(bad, "cannot assign to %s", exprName(bad))
		}
	}
	p.fill = fill
	p.pos = end
	p.syntaxError()
}

// invalidForTargetOf is _PyPegen_get_invalid_target for FOR_TARGETS.
func invalidForTargetOf(e Expr) Expr {
	return invalidTarget(e, targetAssign)
}

// invalidNamedAssignment reports '=' used where a named expression was
// expected (CPython's invalid_named_expression), e.g. "if x = 1:". start
// is the index of the expression's first token.
func (p *parser) invalidNamedAssignment(start int) {
	end := p.pos
	var a, b Expr
	ok := p.probe(func() {
		p.pos = start
		excluded := p.startsWithDisplay()
		p.pos = start
		a = p.bitwiseOr()
		if p.kind() != EQUAL {
			p.syntaxError()
		}
		p.next()
		b = p.bitwiseOr()
		if k := p.kind(); k == EQUAL || k == COLONEQUAL {
			p.syntaxError()
		}
		if excluded {
			a = nil
		}
	})
	if !ok {
		p.pos = end
		return
	}
	if n, isName := a.(*Name); isName && p.toks[start].Kind == NAME {
		p.raiseRange(n, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	}
	if a != nil {
		p.raiseNode(a, "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(a))
	}
	p.pos = end
}

// startsWithDisplay reports whether the tokens at the current position
// begin with a list display, a tuple, a generator expression, or True,
// None or False: CPython's invalid_named_expression does not blame those.
func (p *parser) startsWithDisplay() bool {
	switch p.kind() {
	case KwTrue, KwNone, KwFalse:
		return true
	case LSQB, LPAR:
		var e Expr
		if !p.speculate(func() { e = p.atom() }) {
			return false
		}
		switch e.(type) {
		case *List, *GeneratorExp:
			return true
		case *Tuple:
			return p.toks[p.pos-1].Kind == RPAR
		}
	}
	return false
}

// invalidKeyword reports "expr=value" in call arguments where expr is not
// a plain name (CPython's invalid_kwarg); the current token is the '='.
func (p *parser) invalidKeyword(start int, e Expr) {
	eq := p.peek()
	if k := p.toks[start].Kind; (k == KwTrue || k == KwFalse || k == KwNone) && start+1 == p.pos {
		t := &p.toks[start]
		p.raiseAt(SyntaxErrorType, Loc{t.Line, t.Col, eq.EndLine, eq.EndCol}, "cannot assign to "+p.text(t))
	}
	loc := spanNodes(e.Location(), &Loc{EndLineno: eq.EndLine, EndColOffset: eq.EndCol})
	p.raiseAt(SyntaxErrorType, loc, `expression cannot contain assignment, perhaps you meant "=="?`)
}

// checkMissingComma reports two expressions written side by side inside
// brackets, e.g. "f(a b)" (CPython's invalid_expression).
func (p *parser) checkMissingComma(start int, a Expr) {
	switch p.kind() {
	case NAME, NUMBER, STRING, FSTRING_START, LBRACE, ELLIPSIS, KwNot, KwAwait, KwLambda, KwNone, KwTrue, KwFalse:
	default:
		return
	}
	first := &p.toks[start]
	if n, ok := a.(*Name); ok && p.pos == start+1 && (n.ID == "print" || n.ID == "exec") {
		// invalid_legacy_expression: NAME !'(' star_expressions
		end := p.pos
		var b Expr
		if p.probe(func() { b = p.starExpressions() }) {
			p.raiseRange(a, b, sprintf("Missing parentheses in call to '%s'. Did you mean %s(...)?", n.ID, n.ID))
		}
		p.pos = end
	}
	if first.Kind == NAME && (p.toks[start+1].Kind == STRING || p.toks[start+1].Kind == FSTRING_START) {
		return
	}
	if first.Kind == NAME && isSoftKeywordText(string(p.src[first.Start:first.End])) {
		return
	}
	end := p.pos
	var b Expr
	if !p.probe(func() { b = p.expressionNoChecks() }) {
		p.pos = end
		return
	}
	if n, ok := a.(*Name); ok && (n.ID == "print" || n.ID == "exec") {
		p.pos = end
		return
	}
	if p.bracketLevel(p.pos-1) == 0 {
		p.pos = end
		return
	}
	p.raiseRange(a, b, "invalid syntax. Perhaps you forgot a comma?")
}

// expressionNoChecks parses an expression without the missing-comma check
// (CPython's expression_without_invalid).
func (p *parser) expressionNoChecks() Expr {
	if p.kind() == KwLambda {
		return p.lambdef()
	}
	start := p.pos
	e := p.disjunction()
	if p.kind() == KwIf {
		p.next()
		test := p.disjunction()
		p.expect(KwElse)
		orelse := p.expression()
		return &IfExp{Loc: p.span(start), Test: test, Body: e, Orelse: orelse}
	}
	return e
}

// isSoftKeywordText reports whether s is one of Python's soft keywords.
func isSoftKeywordText(s string) bool {
	switch s {
	case "match", "case", "_", "type":
		return true
	}
	return false
}

// bracketLevel returns how many brackets are open after token i.
func (p *parser) bracketLevel(i int) int {
	level := 0
	for j := 0; j <= i && j < len(p.toks); j++ {
		switch p.toks[j].Kind {
		case LPAR, LSQB, LBRACE:
			level++
		case RPAR, RSQB, RBRACE:
			level--
		}
	}
	return level
}
