package modules

import (
	"math/big"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Checking a syntax tree made from node objects before it is compiled,
// as CPython's _PyAST_Validate does (Python/ast.c), in its order and with
// its messages: the parser guarantees these properties for the trees it
// builds, and the compiler relies on them. Where CPython 3.12 crashes (a
// None in a list of patterns, handlers or type parameters) we raise
// ValueError instead.

// astValidator holds the first error found.
type astValidator struct {
	in  *interp.Interp
	err error
}

// validateTree checks mod; the error is the Python exception to raise.
func validateTree(in *interp.Interp, mod syntax.Mod) error {
	v := &astValidator{in: in}
	switch m := mod.(type) {
	case *syntax.Module:
		v.stmts(m.Body)
	case *syntax.Interactive:
		v.stmts(m.Body)
	case *syntax.Expression:
		v.expr(m.Body, syntax.Load)
	case *syntax.FunctionType:
		_ = v.exprs(m.Argtypes, syntax.Load, false) && v.expr(m.Returns, syntax.Load)
	}
	return v.err
}

func (v *astValidator) fail(t *interp.Type, format string, args ...any) bool {
	if v.err == nil {
		v.err = v.in.Raise(t, format, args...)
	}
	return false
}

// positions is CPython's VALIDATE_POSITIONS.
func (v *astValidator) positions(l *syntax.Loc) bool {
	switch {
	case l.Lineno > l.EndLineno:
		return v.fail(interp.ValueError, "AST node line range (%d, %d) is not valid", l.Lineno, l.EndLineno)
	case l.Lineno < 0 && l.EndLineno != l.Lineno || l.ColOffset < 0 && l.ColOffset != l.EndColOffset:
		return v.fail(interp.ValueError, "AST node column range (%d, %d) for line range (%d, %d) is not valid",
			l.ColOffset, l.EndColOffset, l.Lineno, l.EndLineno)
	case l.Lineno == l.EndLineno && l.ColOffset > l.EndColOffset:
		return v.fail(interp.ValueError, "line %d, column %d-%d is not a valid range", l.Lineno, l.ColOffset, l.EndColOffset)
	}
	return true
}

// name refuses the identifiers that are constants.
func (v *astValidator) name(id string) bool {
	switch id {
	case "None", "True", "False":
		return v.fail(interp.ValueError, "identifier field can't represent '%s' constant", id)
	}
	return true
}

func (v *astValidator) nonempty(n int, what, owner string) bool {
	if n == 0 {
		return v.fail(interp.ValueError, "empty %s on %s", what, owner)
	}
	return true
}

func (v *astValidator) stmts(body []syntax.Stmt) bool {
	for _, s := range body {
		if s == nil {
			return v.fail(interp.ValueError, "None disallowed in statement list")
		}
		if !v.stmt(s) {
			return false
		}
	}
	return true
}

func (v *astValidator) body(body []syntax.Stmt, owner string) bool {
	return v.nonempty(len(body), "body", owner) && v.stmts(body)
}

func (v *astValidator) exprs(xs []syntax.Expr, ctx syntax.ExprContext, nullOK bool) bool {
	for _, x := range xs {
		if x == nil {
			if !nullOK {
				return v.fail(interp.ValueError, "None disallowed in expression list")
			}
			continue
		}
		if !v.expr(x, ctx) {
			return false
		}
	}
	return true
}

// optExpr validates an optional expression.
func (v *astValidator) optExpr(x syntax.Expr) bool { return x == nil || v.expr(x, syntax.Load) }

func (v *astValidator) assignList(targets []syntax.Expr, ctx syntax.ExprContext) bool {
	owner := "Assign"
	if ctx == syntax.Del {
		owner = "Delete"
	}
	return v.nonempty(len(targets), "targets", owner) && v.exprs(targets, ctx, false)
}

func (v *astValidator) function(name string, args *syntax.Arguments, body []syntax.Stmt, decorators []syntax.Expr, returns syntax.Expr, params []syntax.TypeParam) bool {
	return v.body(body, name) && v.typeParams(params) && v.arguments(args) &&
		v.exprs(decorators, syntax.Load, false) && v.optExpr(returns)
}

func (v *astValidator) withItems(items []*syntax.WithItem, body []syntax.Stmt, owner string) bool {
	if !v.nonempty(len(items), "items", owner) {
		return false
	}
	for _, it := range items {
		if !v.expr(it.ContextExpr, syntax.Load) || it.OptionalVars != nil && !v.expr(it.OptionalVars, syntax.Store) {
			return false
		}
	}
	return v.body(body, owner)
}

func (v *astValidator) try(owner string, body []syntax.Stmt, handlers []*syntax.ExceptHandler, orelse, finalbody []syntax.Stmt) bool {
	if !v.body(body, owner) {
		return false
	}
	if len(handlers) == 0 && len(finalbody) == 0 {
		return v.fail(interp.ValueError, "%s has neither except handlers nor finalbody", owner)
	}
	if len(handlers) == 0 && len(orelse) > 0 {
		return v.fail(interp.ValueError, "%s has orelse but no except handlers", owner)
	}
	for _, h := range handlers {
		if h == nil {
			return v.fail(interp.ValueError, "None disallowed in excepthandler list")
		}
		if !v.positions(&h.Loc) || h.Type != nil && !v.expr(h.Type, syntax.Load) || !v.body(h.Body, "ExceptHandler") {
			return false
		}
	}
	return v.stmts(finalbody) && v.stmts(orelse)
}

func (v *astValidator) stmt(s syntax.Stmt) bool {
	if !v.positions(s.Location()) {
		return false
	}
	switch s := s.(type) {
	case *syntax.FunctionDef:
		return v.function("FunctionDef", s.Args, s.Body, s.DecoratorList, s.Returns, s.TypeParams)
	case *syntax.AsyncFunctionDef:
		return v.function("AsyncFunctionDef", s.Args, s.Body, s.DecoratorList, s.Returns, s.TypeParams)
	case *syntax.ClassDef:
		return v.body(s.Body, "ClassDef") && v.typeParams(s.TypeParams) && v.exprs(s.Bases, syntax.Load, false) &&
			v.keywords(s.Keywords) && v.exprs(s.DecoratorList, syntax.Load, false)
	case *syntax.Return:
		return v.optExpr(s.Value)
	case *syntax.Delete:
		return v.assignList(s.Targets, syntax.Del)
	case *syntax.Assign:
		return v.assignList(s.Targets, syntax.Store) && v.expr(s.Value, syntax.Load)
	case *syntax.AugAssign:
		return v.expr(s.Target, syntax.Store) && v.expr(s.Value, syntax.Load)
	case *syntax.AnnAssign:
		if _, ok := s.Target.(*syntax.Name); s.Simple != 0 && !ok {
			return v.fail(interp.TypeError, "AnnAssign with simple non-Name target")
		}
		return v.expr(s.Target, syntax.Store) && v.optExpr(s.Value) && v.expr(s.Annotation, syntax.Load)
	case *syntax.TypeAlias:
		if _, ok := s.Name.(*syntax.Name); !ok {
			return v.fail(interp.TypeError, "TypeAlias with non-Name name")
		}
		return v.expr(s.Name, syntax.Store) && v.typeParams(s.TypeParams) && v.expr(s.Value, syntax.Load)
	case *syntax.For:
		return v.expr(s.Target, syntax.Store) && v.expr(s.Iter, syntax.Load) && v.body(s.Body, "For") && v.stmts(s.Orelse)
	case *syntax.AsyncFor:
		return v.expr(s.Target, syntax.Store) && v.expr(s.Iter, syntax.Load) && v.body(s.Body, "AsyncFor") && v.stmts(s.Orelse)
	case *syntax.While:
		return v.expr(s.Test, syntax.Load) && v.body(s.Body, "While") && v.stmts(s.Orelse)
	case *syntax.If:
		return v.expr(s.Test, syntax.Load) && v.body(s.Body, "If") && v.stmts(s.Orelse)
	case *syntax.With:
		return v.withItems(s.Items, s.Body, "With")
	case *syntax.AsyncWith:
		return v.withItems(s.Items, s.Body, "AsyncWith")
	case *syntax.Match:
		if !v.expr(s.Subject, syntax.Load) || !v.nonempty(len(s.Cases), "cases", "Match") {
			return false
		}
		for _, m := range s.Cases {
			if !v.pattern(m.Pattern, false) || m.Guard != nil && !v.expr(m.Guard, syntax.Load) || !v.body(m.Body, "match_case") {
				return false
			}
		}
		return true
	case *syntax.Raise:
		if s.Exc != nil {
			return v.expr(s.Exc, syntax.Load) && v.optExpr(s.Cause)
		}
		if s.Cause != nil {
			return v.fail(interp.ValueError, "Raise with cause but no exception")
		}
		return true
	case *syntax.Try:
		return v.try("Try", s.Body, s.Handlers, s.Orelse, s.Finalbody)
	case *syntax.TryStar:
		return v.try("TryStar", s.Body, s.Handlers, s.Orelse, s.Finalbody)
	case *syntax.Assert:
		return v.expr(s.Test, syntax.Load) && v.optExpr(s.Msg)
	case *syntax.Import:
		return v.nonempty(len(s.Names), "names", "Import")
	case *syntax.ImportFrom:
		if s.Level < 0 {
			return v.fail(interp.ValueError, "Negative ImportFrom level")
		}
		return v.nonempty(len(s.Names), "names", "ImportFrom")
	case *syntax.Global:
		return v.nonempty(len(s.Names), "names", "Global")
	case *syntax.Nonlocal:
		return v.nonempty(len(s.Names), "names", "Nonlocal")
	case *syntax.ExprStmt:
		return v.expr(s.Value, syntax.Load)
	}
	return true // Pass, Break, Continue
}

func (v *astValidator) typeParams(params []syntax.TypeParam) bool {
	for _, p := range params {
		if p == nil {
			return v.fail(interp.ValueError, "None disallowed in type_param list")
		}
		if !v.positions(p.Location()) {
			return false
		}
		switch p := p.(type) {
		case *syntax.TypeVar:
			if !v.name(p.Name) || !v.optExpr(p.Bound) {
				return false
			}
		case *syntax.ParamSpec:
			if !v.name(p.Name) {
				return false
			}
		case *syntax.TypeVarTuple:
			if !v.name(p.Name) {
				return false
			}
		}
	}
	return true
}

func (v *astValidator) args(args []*syntax.Arg) bool {
	for _, a := range args {
		if !v.positions(&a.Loc) || !v.optExpr(a.Annotation) {
			return false
		}
	}
	return true
}

func (v *astValidator) arguments(a *syntax.Arguments) bool {
	if !v.args(a.Posonlyargs) || !v.args(a.Args) {
		return false
	}
	if a.Vararg != nil && !v.optExpr(a.Vararg.Annotation) {
		return false
	}
	if !v.args(a.Kwonlyargs) {
		return false
	}
	if a.Kwarg != nil && !v.optExpr(a.Kwarg.Annotation) {
		return false
	}
	if len(a.Defaults) > len(a.Posonlyargs)+len(a.Args) {
		return v.fail(interp.ValueError, "more positional defaults than args on arguments")
	}
	if len(a.KwDefaults) != len(a.Kwonlyargs) {
		return v.fail(interp.ValueError, "length of kwonlyargs is not the same as kw_defaults on arguments")
	}
	return v.exprs(a.Defaults, syntax.Load, false) && v.exprs(a.KwDefaults, syntax.Load, true)
}

func (v *astValidator) keywords(kws []*syntax.Keyword) bool {
	for _, k := range kws {
		if !v.expr(k.Value, syntax.Load) {
			return false
		}
	}
	return true
}

func (v *astValidator) comprehension(gens []*syntax.Comprehension) bool {
	if len(gens) == 0 {
		return v.fail(interp.ValueError, "comprehension with no generators")
	}
	for _, g := range gens {
		if !v.expr(g.Target, syntax.Store) || !v.expr(g.Iter, syntax.Load) || !v.exprs(g.Ifs, syntax.Load, false) {
			return false
		}
	}
	return true
}

// exprContext returns the context of the expressions that have one.
func exprContext(e syntax.Expr) (syntax.ExprContext, bool) {
	switch e := e.(type) {
	case *syntax.Attribute:
		return e.Ctx, true
	case *syntax.Subscript:
		return e.Ctx, true
	case *syntax.Starred:
		return e.Ctx, true
	case *syntax.Name:
		return e.Ctx, true
	case *syntax.List:
		return e.Ctx, true
	case *syntax.Tuple:
		return e.Ctx, true
	}
	return 0, false
}

func (v *astValidator) expr(e syntax.Expr, ctx syntax.ExprContext) bool {
	if !v.positions(e.Location()) {
		return false
	}
	if actual, ok := exprContext(e); !ok {
		if ctx != syntax.Load {
			return v.fail(interp.ValueError, "expression which can't be assigned to in %s context", ctx)
		}
	} else if actual != ctx {
		return v.fail(interp.ValueError, "expression must have %s context but has %s instead", ctx, actual)
	}
	switch e := e.(type) {
	case *syntax.BoolOp:
		if len(e.Values) < 2 {
			return v.fail(interp.ValueError, "BoolOp with less than 2 values")
		}
		return v.exprs(e.Values, syntax.Load, false)
	case *syntax.BinOp:
		return v.expr(e.Left, syntax.Load) && v.expr(e.Right, syntax.Load)
	case *syntax.UnaryOp:
		return v.expr(e.Operand, syntax.Load)
	case *syntax.Lambda:
		return v.arguments(e.Args) && v.expr(e.Body, syntax.Load)
	case *syntax.IfExp:
		return v.expr(e.Test, syntax.Load) && v.expr(e.Body, syntax.Load) && v.expr(e.Orelse, syntax.Load)
	case *syntax.Dict:
		if len(e.Keys) != len(e.Values) {
			return v.fail(interp.ValueError, "Dict doesn't have the same number of keys as values")
		}
		return v.exprs(e.Keys, syntax.Load, true) && v.exprs(e.Values, syntax.Load, false)
	case *syntax.Set:
		return v.exprs(e.Elts, syntax.Load, false)
	case *syntax.ListComp:
		return v.comprehension(e.Generators) && v.expr(e.Elt, syntax.Load)
	case *syntax.SetComp:
		return v.comprehension(e.Generators) && v.expr(e.Elt, syntax.Load)
	case *syntax.GeneratorExp:
		return v.comprehension(e.Generators) && v.expr(e.Elt, syntax.Load)
	case *syntax.DictComp:
		return v.comprehension(e.Generators) && v.expr(e.Key, syntax.Load) && v.expr(e.Value, syntax.Load)
	case *syntax.Yield:
		return v.optExpr(e.Value)
	case *syntax.YieldFrom:
		return v.expr(e.Value, syntax.Load)
	case *syntax.Await:
		return v.expr(e.Value, syntax.Load)
	case *syntax.Compare:
		if len(e.Comparators) == 0 {
			return v.fail(interp.ValueError, "Compare with no comparators")
		}
		if len(e.Comparators) != len(e.Ops) {
			return v.fail(interp.ValueError, "Compare has a different number of comparators and operands")
		}
		return v.exprs(e.Comparators, syntax.Load, false) && v.expr(e.Left, syntax.Load)
	case *syntax.Call:
		return v.expr(e.Func, syntax.Load) && v.exprs(e.Args, syntax.Load, false) && v.keywords(e.Keywords)
	case *syntax.Constant:
		return v.constant(e.Value)
	case *syntax.JoinedStr:
		return v.exprs(e.Values, syntax.Load, false)
	case *syntax.FormattedValue:
		if !v.expr(e.Value, syntax.Load) || !v.optExpr(e.FormatSpec) {
			return false
		}
		switch e.Conversion {
		case -1, 's', 'r', 'a':
			return true
		}
		// CPython's compiler reports this, after the validation.
		return v.fail(interp.ExcType("SystemError"), "Unrecognized conversion character %d", e.Conversion)
	case *syntax.Attribute:
		return v.expr(e.Value, syntax.Load)
	case *syntax.Subscript:
		return v.expr(e.Slice, syntax.Load) && v.expr(e.Value, syntax.Load)
	case *syntax.Starred:
		return v.expr(e.Value, ctx)
	case *syntax.Slice:
		return v.optExpr(e.Lower) && v.optExpr(e.Upper) && v.optExpr(e.Step)
	case *syntax.List:
		return v.exprs(e.Elts, ctx, false)
	case *syntax.Tuple:
		return v.exprs(e.Elts, ctx, false)
	case *syntax.NamedExpr:
		if _, ok := e.Target.(*syntax.Name); !ok {
			return v.fail(interp.TypeError, "NamedExpr target must be a Name")
		}
		return v.expr(e.Value, syntax.Load)
	case *syntax.Name:
		return v.name(e.ID)
	}
	return true
}

// constant checks a Constant's value: a value of another type came in
// as astInvalidConstant.
func (v *astValidator) constant(k syntax.ConstantValue) bool {
	switch k := k.(type) {
	case astInvalidConstant:
		return v.fail(interp.TypeError, "got an invalid type in Constant: %s", k.typeName)
	case compile.ConstTuple:
		for _, x := range k {
			if !v.constant(x) {
				return false
			}
		}
	case compile.ConstFrozenSet:
		for _, x := range k {
			if !v.constant(x) {
				return false
			}
		}
	}
	return true
}

func (v *astValidator) patterns(ps []syntax.Pattern, starOK bool) bool {
	for _, p := range ps {
		if !v.pattern(p, starOK) {
			return false
		}
	}
	return true
}

// capture checks a name a pattern binds.
func (v *astValidator) capture(name string) bool {
	if name == "_" {
		return v.fail(interp.ValueError, "can't capture name '_' in patterns")
	}
	return v.name(name)
}

func (v *astValidator) pattern(p syntax.Pattern, starOK bool) bool {
	if p == nil {
		return v.fail(interp.ValueError, "None disallowed in pattern list")
	}
	if !v.positions(p.Location()) {
		return false
	}
	switch p := p.(type) {
	case *syntax.MatchValue:
		return v.matchValue(p.Value)
	case *syntax.MatchSingleton:
		switch p.Value.(type) {
		case nil, bool:
			return true
		}
		return v.fail(interp.ValueError, "MatchSingleton can only contain True, False and None")
	case *syntax.MatchSequence:
		return v.patterns(p.Patterns, true)
	case *syntax.MatchMapping:
		if len(p.Keys) != len(p.Patterns) {
			return v.fail(interp.ValueError, "MatchMapping doesn't have the same number of keys as patterns")
		}
		if p.Rest != "" && !v.capture(p.Rest) {
			return false
		}
		for _, k := range p.Keys {
			if c, ok := k.(*syntax.Constant); ok {
				switch c.Value.(type) {
				case nil, bool:
					continue
				}
			}
			if k == nil {
				return v.fail(interp.ValueError, "None disallowed in expression list")
			}
			if !v.matchValue(k) {
				return false
			}
		}
		return v.patterns(p.Patterns, false)
	case *syntax.MatchClass:
		if len(p.KwdAttrs) != len(p.KwdPatterns) {
			return v.fail(interp.ValueError, "MatchClass doesn't have the same number of keyword attributes as patterns")
		}
		if !v.expr(p.Cls, syntax.Load) {
			return false
		}
		for cls := p.Cls; ; {
			if a, ok := cls.(*syntax.Attribute); ok {
				cls = a.Value
				continue
			}
			if _, ok := cls.(*syntax.Name); !ok {
				return v.fail(interp.ValueError, "MatchClass cls field can only contain Name or Attribute nodes.")
			}
			break
		}
		for _, a := range p.KwdAttrs {
			if !v.name(a) {
				return false
			}
		}
		return v.patterns(p.Patterns, false) && v.patterns(p.KwdPatterns, false)
	case *syntax.MatchStar:
		if !starOK {
			return v.fail(interp.ValueError, "can't use MatchStar here")
		}
		return p.Name == "" || v.capture(p.Name)
	case *syntax.MatchAs:
		if p.Name != "" && !v.capture(p.Name) {
			return false
		}
		switch {
		case p.Pattern == nil:
			return true
		case p.Name == "":
			return v.fail(interp.ValueError, "MatchAs must specify a target name if a pattern is given")
		}
		return v.pattern(p.Pattern, false)
	case *syntax.MatchOr:
		if len(p.Patterns) < 2 {
			return v.fail(interp.ValueError, "MatchOr requires at least 2 patterns")
		}
		return v.patterns(p.Patterns, false)
	}
	return true
}

// matchValue checks the value of a value pattern or a mapping key.
func (v *astValidator) matchValue(e syntax.Expr) bool {
	if !v.expr(e, syntax.Load) {
		return false
	}
	switch e := e.(type) {
	case *syntax.Constant:
		switch e.Value.(type) {
		case int64, float64, complex128, string, syntax.Bytes:
			return true
		default:
			if isBigInt(e.Value) {
				return true
			}
		}
		return v.fail(interp.ValueError, "unexpected constant inside of a literal pattern")
	case *syntax.Attribute, *syntax.JoinedStr:
		return true
	case *syntax.UnaryOp:
		if literalNegative(e, true, true) {
			return true
		}
	case *syntax.BinOp:
		if literalComplex(e) {
			return true
		}
	}
	return v.fail(interp.ValueError, "patterns may only match literals and attribute lookups")
}

func isBigInt(k syntax.ConstantValue) bool {
	_, ok := k.(*big.Int)
	return ok
}

// literalNumber reports whether a Constant holds a real (int, float) or
// an imaginary number, as allowed.
func literalNumber(e syntax.Expr, real, imaginary bool) bool {
	k, ok := e.(*syntax.Constant)
	if !ok {
		return false
	}
	switch k.Value.(type) {
	case int64, float64:
		return real
	case complex128:
		return imaginary
	}
	return real && isBigInt(k.Value)
}

// literalNegative reports whether e is -number.
func literalNegative(e *syntax.UnaryOp, real, imaginary bool) bool {
	return e.Op == syntax.USub && literalNumber(e.Operand, real, imaginary)
}

// literalComplex reports whether e is real+imag or real-imag, the real
// part possibly negated.
func literalComplex(e *syntax.BinOp) bool {
	if e.Op != syntax.Add && e.Op != syntax.Sub {
		return false
	}
	switch l := e.Left.(type) {
	case *syntax.Constant:
		if !literalNumber(l, true, false) {
			return false
		}
	case *syntax.UnaryOp:
		if !literalNegative(l, true, false) {
			return false
		}
	default:
		return false
	}
	return literalNumber(e.Right, false, true)
}
