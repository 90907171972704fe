package compile

// The SyntaxWarnings of CPython 3.12's compiler (Python/compile.c): an
// assert of a parenthesized tuple, "is" with a literal, and calls and
// subscripts that a missing comma between two displays or literals makes.
// Like the front end's, they are recorded (syntax.Warning, with the
// SyntaxError CPython raises instead when the warnings filters make them
// errors) for package interp to issue; Compile puts them in Code.Warnings,
// or in the Warnings of the error it fails with.

import (
	"fmt"
	"math/big"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
)

// CompileSource parses src as syntax.ParseWarnings does and compiles the
// tree with Compile: the template's Warnings, or the error's, are the
// parser's warnings followed by the compiler's.
func CompileSource(filename string, src []byte, mode syntax.Mode, opts Options) (*Code, error) {
	mod, ws, err := syntax.ParseWarnings(filename, src, mode)
	if err != nil {
		return nil, err
	}
	code, err := Compile(mod, filename, mode, opts)
	if len(ws) == 0 {
		return code, err
	}
	if err != nil {
		if se, ok := err.(*syntax.Error); ok {
			se.Warnings = append(ws, se.Warnings...)
		}
		return nil, err
	}
	code.Warnings = append(ws, code.Warnings...)
	return code, nil
}

// syntaxError builds the SyntaxError errorAt raises.
func (c *compiler) syntaxError(loc bytecode.Pos, msg string) *syntax.Error {
	e := &syntax.Error{
		Type:     syntax.SyntaxErrorType,
		Msg:      msg,
		Filename: c.filename,
		Line:     loc.Line,
		Offset:   loc.Col + 1,
	}
	if loc.EndLine >= 0 {
		e.EndLine = loc.EndLine
		e.EndOffset = loc.EndCol + 1
	}
	return e
}

// warn records a SyntaxWarning at loc (CPython's compiler_warn).
func (c *compiler) warn(loc bytecode.Pos, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	c.warnings = append(c.warnings, syntax.Warning{
		Category: "SyntaxWarning",
		Msg:      msg,
		Filename: c.filename,
		Line:     loc.Line,
		Source:   syntax.WarnCompiler,
		Err:      c.syntaxError(loc, msg),
	})
}

// checkAssert warns about "assert (test, msg)", which is always true.
func (c *compiler) checkAssert(s *syntax.Assert) {
	nonEmpty := false
	switch t := s.Test.(type) {
	case *syntax.Tuple:
		nonEmpty = len(t.Elts) > 0
	case *syntax.Constant:
		nonEmpty = constTupleLen(t.Value) > 0
	}
	if nonEmpty {
		c.warn(locOf(s), "assertion is always true, perhaps remove parentheses?")
	}
}

// constTupleLen returns the length of a tuple constant, or -1.
func constTupleLen(v any) int {
	switch v := v.(type) {
	case foldedTuple:
		return len(v)
	case ConstTuple:
		return len(v)
	}
	return -1
}

// checkCompare warns about the first "is" or "is not" of a comparison
// with a literal operand other than None, True, False and Ellipsis
// (CPython's check_compare).
func (c *compiler) checkCompare(e *syntax.Compare) {
	left := c.fold(e.Left)
	for i, op := range e.Ops {
		right := c.fold(e.Comparators[i])
		if op == syntax.Is || op == syntax.IsNot {
			lit := left
			if !isLiteral(lit) {
				lit = right
			}
			if isLiteral(lit) {
				if op == syntax.Is {
					c.warn(locOf(e), `"is" with '%s' literal. Did you mean "=="?`, inferType(lit))
				} else {
					c.warn(locOf(e), `"is not" with '%s' literal. Did you mean "!="?`, inferType(lit))
				}
				return
			}
		}
		left = right
	}
}

// isLiteral reports whether "is" with e is suspect: e is a constant, not
// one of the singletons.
func isLiteral(e syntax.Expr) bool {
	k, ok := e.(*syntax.Constant)
	if !ok {
		return false
	}
	switch k.Value.(type) {
	case nil, bool, syntax.EllipsisType:
		return false
	}
	return true
}

// checkCaller warns about calling a display or a literal, as in
// "[(1, 2) (3, 4)]" (CPython's check_caller).
func (c *compiler) checkCaller(f syntax.Expr) {
	f = c.fold(f)
	switch f.(type) {
	case *syntax.Constant, *syntax.Tuple, *syntax.List, *syntax.ListComp, *syntax.Dict, *syntax.DictComp,
		*syntax.Set, *syntax.SetComp, *syntax.GeneratorExp, *syntax.JoinedStr, *syntax.FormattedValue:
		c.warn(locOf(f), "'%s' object is not callable; perhaps you missed a comma?", inferType(f))
	}
}

// checkSubscript warns about subscripting what cannot be subscripted,
// or with an index of a type that cannot index it, as in "[[1, 2] [3,
// 4]]" (CPython's check_subscripter and check_index).
func (c *compiler) checkSubscript(e *syntax.Subscript) {
	value := c.fold(e.Value)
	switch v := value.(type) {
	case *syntax.Constant:
		switch v.Value.(type) {
		case nil, syntax.EllipsisType, bool, int64, *big.Int, float64, complex128, foldedFrozenSet, ConstFrozenSet:
			c.warn(locOf(value), "'%s' object is not subscriptable; perhaps you missed a comma?", inferType(value))
			return
		}
	case *syntax.Set, *syntax.SetComp, *syntax.GeneratorExp, *syntax.Lambda:
		c.warn(locOf(value), "'%s' object is not subscriptable; perhaps you missed a comma?", inferType(value))
		return
	}
	index := c.fold(e.Slice)
	indexType := inferType(index)
	switch indexType {
	case "", "int", "bool":
		return
	}
	switch v := value.(type) {
	case *syntax.Constant:
		switch v.Value.(type) {
		case string, syntax.Bytes, foldedTuple, ConstTuple:
		default:
			return
		}
	case *syntax.Tuple, *syntax.List, *syntax.ListComp, *syntax.JoinedStr, *syntax.FormattedValue:
	default:
		return
	}
	c.warn(locOf(value), "%s indices must be integers or slices, not %s; perhaps you missed a comma?", inferType(value), indexType)
}

// inferType names the type of the value of e when the compiler can tell
// it (CPython's infer_type), or returns "".
func inferType(e syntax.Expr) string {
	switch e := e.(type) {
	case *syntax.Tuple:
		return "tuple"
	case *syntax.List, *syntax.ListComp:
		return "list"
	case *syntax.Dict, *syntax.DictComp:
		return "dict"
	case *syntax.Set, *syntax.SetComp:
		return "set"
	case *syntax.GeneratorExp:
		return "generator"
	case *syntax.Lambda:
		return "function"
	case *syntax.JoinedStr, *syntax.FormattedValue:
		return "str"
	case *syntax.Constant:
		switch e.Value.(type) {
		case nil:
			return "NoneType"
		case bool:
			return "bool"
		case int64, *big.Int:
			return "int"
		case float64:
			return "float"
		case complex128:
			return "complex"
		case string:
			return "str"
		case syntax.Bytes:
			return "bytes"
		case syntax.EllipsisType:
			return "ellipsis"
		case foldedTuple, ConstTuple:
			return "tuple"
		case foldedFrozenSet, ConstFrozenSet:
			return "frozenset"
		}
	}
	return ""
}

// warnings writes Code.Warnings (see serialize.go): each warning's
// fields, then its error's, in declaration order.
func (e *encoder) warnings(ws []syntax.Warning) {
	e.length(len(ws), ws == nil)
	for i := range ws {
		w := &ws[i]
		e.str(w.Category)
		e.str(w.Msg)
		e.str(w.Filename)
		e.varint(int64(w.Line))
		e.uvarint(uint64(w.Source))
		e.uvarint(boolBits(w.AfterError, w.InFString))
		if w.Err == nil {
			e.uvarint(0)
			continue
		}
		e.uvarint(1)
		x := w.Err
		e.uvarint(uint64(x.Type))
		e.str(x.Msg)
		e.str(x.Filename)
		for _, n := range []int{x.Line, x.Offset, x.EndLine, x.EndOffset} {
			e.varint(int64(n))
		}
		e.str(x.Text)
	}
}

func boolBits(a, b bool) uint64 {
	var n uint64
	if a {
		n |= 1
	}
	if b {
		n |= 2
	}
	return n
}

// warnings reads what encoder.warnings wrote.
func (d *decoder) warnings() []syntax.Warning {
	n := d.length(6)
	if n < 0 {
		return nil
	}
	ws := make([]syntax.Warning, n)
	for i := range ws {
		w := &ws[i]
		w.Category = d.str()
		w.Msg = d.str()
		w.Filename = d.str()
		w.Line = int(d.varint())
		src := d.uvarint()
		if src > uint64(syntax.WarnCompiler) {
			d.fail("warning source %d", src)
		}
		w.Source = syntax.WarningSource(src)
		bits := d.uvarint()
		w.AfterError, w.InFString = bits&1 != 0, bits&2 != 0
		switch d.uvarint() {
		case 0:
			continue
		case 1:
		default:
			d.fail("warning error tag")
			return nil
		}
		x := &syntax.Error{}
		typ := d.uvarint()
		if typ > uint64(syntax.RecursionErrorType) {
			d.fail("warning error type %d", typ)
		}
		x.Type = syntax.ErrorType(typ)
		x.Msg = d.str()
		x.Filename = d.str()
		for _, n := range []*int{&x.Line, &x.Offset, &x.EndLine, &x.EndOffset} {
			*n = int(d.varint())
		}
		x.Text = d.str()
		w.Err = x
	}
	if d.err != nil {
		return nil
	}
	return ws
}
