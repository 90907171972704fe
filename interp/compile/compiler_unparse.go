package compile

import (
	"strings"

	"github.com/parallel-py/parallel/interp/syntax"
)

// unparse renders an annotation as CPython's Python/ast_unparse.c does,
// for "from __future__ import annotations". f-strings are rendered in a
// simplified form (CPython re-quotes them with its own rules).
func unparse(e syntax.Expr) string {
	var b strings.Builder
	up := unparser{&b}
	up.expr(e, prTest)
	return b.String()
}

const (
	prTuple = iota
	prTest
	prOr
	prAnd
	prNot
	prCmp
	prBor // also PR_EXPR
	prBxor
	prBand
	prShift
	prArith
	prTerm
	prFactor
	prPower
	prAwait
	prAtom
)

type unparser struct{ b *strings.Builder }

func (u unparser) s(x string) { u.b.WriteString(x) }

func (u unparser) open(cond bool, x string) {
	if cond {
		u.s(x)
	}
}

func (u unparser) list(es []syntax.Expr, level int) {
	for i, e := range es {
		if i > 0 {
			u.s(", ")
		}
		u.expr(e, level)
	}
}

func binPrec(op syntax.Operator) (string, int) {
	switch op {
	case syntax.Add:
		return " + ", prArith
	case syntax.Sub:
		return " - ", prArith
	case syntax.Mult:
		return " * ", prTerm
	case syntax.MatMult:
		return " @ ", prTerm
	case syntax.Div:
		return " / ", prTerm
	case syntax.Modulo:
		return " % ", prTerm
	case syntax.FloorDiv:
		return " // ", prTerm
	case syntax.LShift:
		return " << ", prShift
	case syntax.RShift:
		return " >> ", prShift
	case syntax.BitOr:
		return " | ", prBor
	case syntax.BitXor:
		return " ^ ", prBxor
	case syntax.BitAnd:
		return " & ", prBand
	case syntax.Pow:
		return " ** ", prPower
	}
	return " ? ", prAtom
}

var cmpText = map[syntax.CmpOperator]string{
	syntax.Eq: " == ", syntax.NotEq: " != ", syntax.Lt: " < ", syntax.LtE: " <= ",
	syntax.Gt: " > ", syntax.GtE: " >= ", syntax.Is: " is ", syntax.IsNot: " is not ",
	syntax.In: " in ", syntax.NotIn: " not in ",
}

func (u unparser) expr(e syntax.Expr, level int) {
	switch e := e.(type) {
	case *syntax.BoolOp:
		p, op := prAnd, " and "
		if e.Op == syntax.Or {
			p, op = prOr, " or "
		}
		u.open(level > p, "(")
		for i, v := range e.Values {
			if i > 0 {
				u.s(op)
			}
			u.expr(v, p+1)
		}
		u.open(level > p, ")")
	case *syntax.BinOp:
		op, p := binPrec(e.Op)
		right := e.Op == syntax.Pow
		u.open(level > p, "(")
		lp, rp := p, p+1
		if right {
			lp, rp = p+1, p
		}
		u.expr(e.Left, lp)
		u.s(op)
		u.expr(e.Right, rp)
		u.open(level > p, ")")
	case *syntax.UnaryOp:
		op, p := "", prFactor
		switch e.Op {
		case syntax.Not:
			op, p = "not ", prNot
		case syntax.Invert:
			op = "~"
		case syntax.UAdd:
			op = "+"
		case syntax.USub:
			op = "-"
		}
		u.open(level > p, "(")
		u.s(op)
		u.expr(e.Operand, p)
		u.open(level > p, ")")
	case *syntax.Lambda:
		u.open(level > prTest, "(")
		u.s("lambda")
		if a := u.args(e.Args); a != "" {
			u.s(" " + a)
		}
		u.s(": ")
		u.expr(e.Body, prTest)
		u.open(level > prTest, ")")
	case *syntax.IfExp:
		u.open(level > prTest, "(")
		u.expr(e.Body, prTest+1)
		u.s(" if ")
		u.expr(e.Test, prTest+1)
		u.s(" else ")
		u.expr(e.Orelse, prTest)
		u.open(level > prTest, ")")
	case *syntax.Dict:
		u.s("{")
		for i := range e.Keys {
			if i > 0 {
				u.s(", ")
			}
			if e.Keys[i] == nil {
				u.s("**")
				u.expr(e.Values[i], prBor)
			} else {
				u.expr(e.Keys[i], prTest)
				u.s(": ")
				u.expr(e.Values[i], prTest)
			}
		}
		u.s("}")
	case *syntax.Set:
		if len(e.Elts) == 0 {
			u.s("{*()}")
			return
		}
		u.s("{")
		u.list(e.Elts, prTest)
		u.s("}")
	case *syntax.ListComp:
		u.s("[")
		u.expr(e.Elt, prTest)
		u.comps(e.Generators)
		u.s("]")
	case *syntax.SetComp:
		u.s("{")
		u.expr(e.Elt, prTest)
		u.comps(e.Generators)
		u.s("}")
	case *syntax.DictComp:
		u.s("{")
		u.expr(e.Key, prTest)
		u.s(": ")
		u.expr(e.Value, prTest)
		u.comps(e.Generators)
		u.s("}")
	case *syntax.GeneratorExp:
		u.s("(")
		u.expr(e.Elt, prTest)
		u.comps(e.Generators)
		u.s(")")
	case *syntax.Yield:
		u.open(level > prAssignLevel, "(")
		u.s("yield")
		if e.Value != nil {
			u.s(" ")
			u.expr(e.Value, prTest)
		}
		u.open(level > prAssignLevel, ")")
	case *syntax.YieldFrom:
		u.open(level > prAssignLevel, "(")
		u.s("yield from ")
		u.expr(e.Value, prTest)
		u.open(level > prAssignLevel, ")")
	case *syntax.Await:
		u.open(level > prAwait, "(")
		u.s("await ")
		u.expr(e.Value, prAtom)
		u.open(level > prAwait, ")")
	case *syntax.Compare:
		u.open(level > prCmp, "(")
		u.expr(e.Left, prCmp+1)
		for i, op := range e.Ops {
			u.s(cmpText[op])
			u.expr(e.Comparators[i], prCmp+1)
		}
		u.open(level > prCmp, ")")
	case *syntax.Call:
		u.expr(e.Func, prAtom)
		if len(e.Args) == 1 && len(e.Keywords) == 0 {
			if g, ok := e.Args[0].(*syntax.GeneratorExp); ok {
				u.expr(g, prTest)
				return
			}
		}
		u.s("(")
		first := true
		for _, a := range e.Args {
			if !first {
				u.s(", ")
			}
			first = false
			u.expr(a, prTest)
		}
		for _, kw := range e.Keywords {
			if !first {
				u.s(", ")
			}
			first = false
			if kw.Arg == "" {
				u.s("**")
			} else {
				u.s(kw.Arg + "=")
			}
			u.expr(kw.Value, prTest)
		}
		u.s(")")
	case *syntax.FormattedValue:
		u.s("f")
		u.s(syntax.ReprString(u.fstringBody(e)))
	case *syntax.JoinedStr:
		u.s("f")
		u.s(syntax.ReprString(u.fstringBody(e)))
	case *syntax.Constant:
		switch v := e.Value.(type) {
		case syntax.EllipsisType:
			u.s("...")
		case float64, complex128:
			s := ReprConst(v)
			s = strings.ReplaceAll(s, "inf", "1e309")
			u.s(s)
		default:
			if e.Kind == "u" {
				u.s("u")
			}
			u.s(ReprConst(v))
		}
	case *syntax.Attribute:
		u.expr(e.Value, prAtom)
		if k, ok := e.Value.(*syntax.Constant); ok {
			if _, ok := k.Value.(int64); ok {
				u.s(" ")
			}
		}
		u.s("." + e.Attr)
	case *syntax.Subscript:
		u.expr(e.Value, prAtom)
		u.s("[")
		if t, ok := e.Slice.(*syntax.Tuple); ok && len(t.Elts) > 0 {
			u.list(t.Elts, prTest)
			if len(t.Elts) == 1 {
				u.s(",")
			}
		} else {
			u.expr(e.Slice, prTuple)
		}
		u.s("]")
	case *syntax.Starred:
		u.s("*")
		u.expr(e.Value, prBor)
	case *syntax.Name:
		u.s(e.ID)
	case *syntax.List:
		u.s("[")
		u.list(e.Elts, prTest)
		u.s("]")
	case *syntax.Tuple:
		if len(e.Elts) == 0 {
			u.s("()")
			return
		}
		u.open(level > prTuple, "(")
		u.list(e.Elts, prTest)
		if len(e.Elts) == 1 {
			u.s(",")
		}
		u.open(level > prTuple, ")")
	case *syntax.Slice:
		if e.Lower != nil {
			u.expr(e.Lower, prTest)
		}
		u.s(":")
		if e.Upper != nil {
			u.expr(e.Upper, prTest)
		}
		if e.Step != nil {
			u.s(":")
			u.expr(e.Step, prTest)
		}
	case *syntax.NamedExpr:
		u.open(level > prTuple, "(")
		u.expr(e.Target, prAtom)
		u.s(" := ")
		u.expr(e.Value, prAtom)
		u.open(level > prTuple, ")")
	}
}

const prAssignLevel = prTuple

func (u unparser) comps(gens []*syntax.Comprehension) {
	for _, g := range gens {
		if g.IsAsync != 0 {
			u.s(" async for ")
		} else {
			u.s(" for ")
		}
		u.expr(g.Target, prTuple)
		u.s(" in ")
		u.expr(g.Iter, prTest+1)
		for _, cond := range g.Ifs {
			u.s(" if ")
			u.expr(cond, prTest+1)
		}
	}
}

func (u unparser) args(a *syntax.Arguments) string {
	var parts []string
	one := func(arg *syntax.Arg, def syntax.Expr) {
		s := arg.Arg
		if def != nil {
			s += "=" + unparse(def)
		}
		parts = append(parts, s)
	}
	pos := append(append([]*syntax.Arg(nil), a.Posonlyargs...), a.Args...)
	firstDef := len(pos) - len(a.Defaults)
	for i, arg := range pos {
		var d syntax.Expr
		if i >= firstDef {
			d = a.Defaults[i-firstDef]
		}
		one(arg, d)
		if len(a.Posonlyargs) > 0 && i == len(a.Posonlyargs)-1 {
			parts = append(parts, "/")
		}
	}
	if a.Vararg != nil {
		parts = append(parts, "*"+a.Vararg.Arg)
	} else if len(a.Kwonlyargs) > 0 {
		parts = append(parts, "*")
	}
	for i, arg := range a.Kwonlyargs {
		var d syntax.Expr
		if i < len(a.KwDefaults) {
			d = a.KwDefaults[i]
		}
		one(arg, d)
	}
	if a.Kwarg != nil {
		parts = append(parts, "**"+a.Kwarg.Arg)
	}
	return strings.Join(parts, ", ")
}

// fstringBody renders the inside of an f-string.
func (u unparser) fstringBody(e syntax.Expr) string {
	var b strings.Builder
	var walk func(e syntax.Expr)
	walk = func(e syntax.Expr) {
		switch e := e.(type) {
		case *syntax.JoinedStr:
			for _, v := range e.Values {
				walk(v)
			}
		case *syntax.Constant:
			if s, ok := e.Value.(string); ok {
				b.WriteString(strings.NewReplacer("{", "{{", "}", "}}").Replace(s))
			}
		case *syntax.FormattedValue:
			inner := unparse(e.Value)
			b.WriteString("{")
			if strings.HasPrefix(inner, "{") {
				b.WriteString(" ")
			}
			b.WriteString(inner)
			if e.Conversion > 0 {
				b.WriteString("!" + string(rune(e.Conversion)))
			}
			if e.FormatSpec != nil {
				b.WriteString(":")
				walk(e.FormatSpec)
			}
			b.WriteString("}")
		}
	}
	walk(e)
	return b.String()
}
