package modules

import (
	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Converting Python node objects to a syntax tree, for compile(tree), as
// CPython's obj2ast functions do, with their messages: a sum type's
// positions are read first, then its class decides the constructor;
// fields are read with getattr in ASDL order; a missing list is empty
// (3.12), a missing required field is TypeError, a required field that
// is None is ValueError once the node's other fields are read. The
// per-node code is in ast_gen.go; ast_validate.go checks the result.

// astMaxDepth is how deep node objects may nest: CPython 3.12 counts
// each node it enters against the C recursion limit and fails at this
// depth (measured: an Expression holding 1496 nested UnaryOps converts,
// 1497 do not).
const astMaxDepth = 1498

// astFromPy holds the state of one conversion. The first error stops it;
// the functions return zero values once err is set.
type astFromPy struct {
	in    *interp.Interp
	st    *astState
	err   error
	depth int
}

// astRequired remembers the first required field of a node that was
// None, reported once the node's fields are all read.
type astRequired struct{ field string }

// astInvalidConstant stands for a Constant value of a type a Constant
// cannot hold; the validator reports it where CPython's does.
type astInvalidConstant struct{ typeName string }

func (c *astFromPy) fail(err error) {
	if c.err == nil {
		c.err = err
	} else {
		c.in.DiscardError(err)
	}
}

func (c *astFromPy) raise(t *interp.Type, format string, args ...any) {
	c.fail(c.in.Raise(t, format, args...))
}

// enter counts a node being converted; false (with RecursionError) when
// they nest too deep. Call leave after a true answer.
func (c *astFromPy) enter(what string) bool {
	if c.depth >= astMaxDepth {
		c.raise(interp.ExcType("RecursionError"), "maximum recursion depth exceeded while traversing '%s' node", what)
		return false
	}
	c.depth++
	return true
}

func (c *astFromPy) leave() { c.depth-- }

// is reports whether o is an instance of class cls.
func (c *astFromPy) is(o Value, cls int) bool { return interp.IsInstance(o, c.st.types[cls]) }

// expected fails with CPython's "expected some sort of expr, but got ...".
func (c *astFromPy) expected(what string, o Value) {
	if c.err != nil {
		return
	}
	r, err := reprString(c.in, o)
	if err != nil {
		c.fail(err)
		return
	}
	c.raise(interp.TypeError, "expected some sort of %s, but got %s", what, r)
}

// lookup is getattr(o, name), or the zero Value when o has no such
// attribute.
func (c *astFromPy) lookup(o Value, name string) Value {
	if c.err != nil {
		return Value{}
	}
	v, err := c.in.LookupAttr(o, interp.ImmortalStr(name))
	if err != nil {
		c.fail(err)
		return Value{}
	}
	return v
}

// missing fails for a required field o lacks.
func (c *astFromPy) missing(field, owner string) {
	c.raise(interp.TypeError, "required field \"%s\" missing from %s", field, owner)
}

// finish reports whether the node's conversion succeeded, failing for a
// required field that was None.
func (c *astFromPy) finish(r *astRequired, owner string) bool {
	if c.err != nil {
		return false
	}
	if r.field != "" {
		c.raise(interp.ValueError, "field '%s' is required for %s", r.field, owner)
		return false
	}
	return true
}

// toInt converts an int field's value (obj2ast_int).
func (c *astFromPy) toInt(v Value) int {
	if c.err != nil {
		return 0
	}
	if !interp.IsInt(v) {
		r, err := reprString(c.in, v)
		if err != nil {
			c.fail(err)
			return 0
		}
		c.raise(interp.ValueError, "invalid integer value: %s", r)
		return 0
	}
	i, ok := interp.IntValue(v)
	if !ok || i < -1<<31 || i >= 1<<31 {
		c.raise(interp.OverflowError, "Python int too large to convert to C int")
		return 0
	}
	return int(i)
}

// intField reads an int field; an optional one (ImportFrom.level) is 0
// when missing or None.
func (c *astFromPy) intField(o Value, field, owner string, required bool) int {
	v := c.lookup(o, field)
	if v.IsNil() {
		if required && c.err == nil {
			c.missing(field, owner)
		}
		return 0
	}
	defer c.in.DecRef(v)
	if !required && v.IsNone() {
		return 0
	}
	return c.toInt(v)
}

// loc reads the position attributes of a node; with optEnds the ends
// default to the start when missing or None.
func (c *astFromPy) loc(o Value, owner string, optEnds bool) (syntax.Loc, bool) {
	var pos [4]int
	for i, name := range astPositions {
		v := c.lookup(o, name)
		if c.err != nil {
			return syntax.Loc{}, false
		}
		if optEnds && i >= 2 && (v.IsNil() || v.IsNone()) {
			c.in.XDecRef(v)
			pos[i] = pos[i-2]
			continue
		}
		if v.IsNil() {
			c.missing(name, owner)
			return syntax.Loc{}, false
		}
		pos[i] = c.toInt(v)
		c.in.DecRef(v)
		if c.err != nil {
			return syntax.Loc{}, false
		}
	}
	return syntax.Loc{Lineno: pos[0], ColOffset: pos[1], EndLineno: pos[2], EndColOffset: pos[3]}, true
}

// identifier reads an identifier field (obj2ast_identifier): an exact
// str, or None for absent.
func (c *astFromPy) identifier(o Value, field, owner string, required bool, r *astRequired) string {
	return c.text(o, field, owner, required, r, false)
}

// string reads a string field (obj2ast_string): a str or bytes.
func (c *astFromPy) string(o Value, field, owner string, required bool, r *astRequired) string {
	return c.text(o, field, owner, required, r, true)
}

func (c *astFromPy) text(o Value, field, owner string, required bool, r *astRequired, isString bool) string {
	v := c.lookup(o, field)
	if v.IsNil() {
		if required && c.err == nil {
			c.missing(field, owner)
		}
		return ""
	}
	defer c.in.DecRef(v)
	if v.IsNone() && !(required && isString) {
		if required && r.field == "" {
			r.field = field
		}
		return ""
	}
	var s string
	switch {
	case v.Type() == interp.StrType:
		s = v.GoString()
	case isString && v.Type() == interp.BytesType:
		b, _ := interp.BufferBytes(v)
		s = string(b)
	case isString:
		c.raise(interp.TypeError, "AST string must be of type str")
		return ""
	default:
		c.raise(interp.TypeError, "AST identifier must be of type str")
		return ""
	}
	if s == "" && !required {
		// Our syntax tree spells an absent optional identifier "".
		c.raise(interp.NotImplementedError, "an empty str in the optional field '%s' of %s is not implemented yet", field, owner)
		return ""
	}
	return s
}

// identifierItem converts an item of an identifier list.
func (c *astFromPy) identifierItem(v Value) string {
	if c.err != nil {
		return ""
	}
	switch {
	case v.Type() == interp.StrType:
		return v.GoString()
	case v.IsNone():
		// CPython 3.12 crashes on this.
		c.raise(interp.ValueError, "None disallowed in identifier list")
	default:
		c.raise(interp.TypeError, "AST identifier must be of type str")
	}
	return ""
}

// enum converts an operator or context object: the index of the first
// of the n classes from first that o is an instance of.
func (c *astFromPy) enum(o Value, what string, first, n int) int {
	if c.err != nil {
		return 0
	}
	for i := 0; i < n; i++ {
		if c.is(o, first+i) {
			return i
		}
	}
	c.expected(what, o)
	return 0
}

// constantField reads the value of a Constant or MatchSingleton.
func (c *astFromPy) constantField(o Value, field, owner string) syntax.ConstantValue {
	v := c.lookup(o, field)
	if v.IsNil() {
		if c.err == nil {
			c.missing(field, owner)
		}
		return nil
	}
	defer c.in.DecRef(v)
	return c.constValue(v)
}

// constValue converts a constant; a value of a type constants cannot
// have becomes an astInvalidConstant. Tuples and frozensets become the
// compiler's folded constants.
func (c *astFromPy) constValue(v Value) syntax.ConstantValue {
	if c.err != nil {
		return nil
	}
	t := v.Type()
	switch {
	case v.IsNone():
		return nil
	case v.IsBool():
		return v.BoolValue()
	case t == interp.IntType:
		if i, ok := interp.IntValue(v); ok {
			return i
		}
		return interp.BigIntOf(v)
	case t == interp.FloatType:
		f, err := c.in.ToFloat(v)
		if err != nil {
			c.fail(err)
			return nil
		}
		return f
	case t == interp.ComplexType:
		z, _ := interp.ComplexValue(v)
		return z
	case t == interp.StrType:
		return v.GoString()
	case t == interp.BytesType:
		b, _ := interp.BufferBytes(v)
		return syntax.Bytes(b)
	case v.Is(interp.Ellipsis):
		return syntax.EllipsisValue
	case t == interp.TupleType:
		items, _ := interp.TupleItems(v)
		out := make(compile.ConstTuple, len(items))
		for i, x := range items {
			k := c.constValue(x)
			if bad, ok := k.(astInvalidConstant); ok {
				return bad
			}
			out[i] = k
		}
		return out
	case t == interp.FrozenSetType:
		var out compile.ConstFrozenSet
		it, err := c.in.Iter(v)
		if err != nil {
			c.fail(err)
			return nil
		}
		defer c.in.DecRef(it)
		for {
			x, ok, err := c.in.Next(it)
			if err != nil {
				c.fail(err)
				return nil
			}
			if !ok {
				return out
			}
			k := c.constValue(x)
			c.in.DecRef(x)
			if bad, ok := k.(astInvalidConstant); ok {
				return bad
			}
			out = append(out, k)
		}
	}
	return astInvalidConstant{typeNameOf(t)}
}

// fromPyNode reads a field holding one node (or, for a required field
// of an ASDL type that allows it, None).
func fromPyNode[T comparable](c *astFromPy, o Value, field, owner string, required bool, r *astRequired, conv func(Value) T) T {
	var zero T
	v := c.lookup(o, field)
	if v.IsNil() {
		if required && c.err == nil {
			c.missing(field, owner)
		}
		return zero
	}
	defer c.in.DecRef(v)
	if !required && v.IsNone() {
		return zero
	}
	x := conv(v)
	if required && c.err == nil && x == zero && r.field == "" {
		r.field = field
	}
	return x
}

// fromPyValue reads a required field whose converter handles every
// value itself (the operators and contexts).
func fromPyValue[T any](c *astFromPy, o Value, field, owner string, conv func(Value) T) T {
	var zero T
	v := c.lookup(o, field)
	if v.IsNil() {
		if c.err == nil {
			c.missing(field, owner)
		}
		return zero
	}
	defer c.in.DecRef(v)
	return conv(v)
}

// fromPyList reads a list field: missing is empty; anything but a list
// is TypeError.
func fromPyList[T any](c *astFromPy, o Value, field, owner string, conv func(Value) T) []T {
	v := c.lookup(o, field)
	if v.IsNil() {
		return nil
	}
	defer c.in.DecRef(v)
	items, ok := interp.ListItems(v)
	if !ok {
		c.raise(interp.TypeError, "%s field \"%s\" must be a list, not a %.200s", owner, field, typeName(v))
		return nil
	}
	n := len(items)
	out := make([]T, 0, n)
	for i := 0; i < n; i++ {
		items, _ = interp.ListItems(v)
		item := items[i]
		interp.IncRef(item)
		x := conv(item)
		c.in.DecRef(item)
		if c.err != nil {
			return nil
		}
		if items, _ = interp.ListItems(v); len(items) != n {
			c.raise(interp.RuntimeError, "%s field \"%s\" changed size during iteration", owner, field)
			return nil
		}
		out = append(out, x)
	}
	return out
}
