package modules

import (
	"math/big"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Converting a syntax tree to Python node objects, as CPython's ast2obj
// functions do for ast.parse: every field is set (absent optional ones
// to None), then the positions; the fieldless nodes (Load(), Add() ...)
// are the interpreter's shared instances. The per-node code is in
// ast_gen.go.

// astToPy holds the state of one conversion. The first error stops it:
// later calls return the zero Value at once and the caller reports err.
type astToPy struct {
	in  *interp.Interp
	st  *astState
	err error
}

// toPyTree converts a whole tree.
func toPyTree(in *interp.Interp, st *astState, mod syntax.Mod) (Value, error) {
	c := &astToPy{in: in, st: st}
	v := c.mod(mod)
	if c.err != nil {
		in.XDecRef(v)
		return Value{}, c.err
	}
	return v, nil
}

// fail records err (the first one wins) and returns the zero Value.
func (c *astToPy) fail(err error) Value {
	if c.err == nil {
		c.err = err
	} else {
		c.in.DiscardError(err)
	}
	return Value{}
}

func (c *astToPy) none() Value { return interp.None }

// unknown is a node type the generated code does not know, which only a
// stale ast_gen.go allows.
func (c *astToPy) unknown(n syntax.Node) Value {
	if c.err != nil {
		return Value{}
	}
	return c.fail(c.in.Raise(interp.ExcType("SystemError"), "_ast: unknown node type %s", n.NodeName()))
}

// singleton returns the shared instance of a fieldless class.
func (c *astToPy) singleton(cls int) Value {
	if c.err != nil {
		return Value{}
	}
	v := c.st.singletons[cls]
	interp.IncRef(v)
	return v
}

func (c *astToPy) str(s string) Value {
	if c.err != nil {
		return Value{}
	}
	v, err := c.in.NewStr(s)
	if err != nil {
		return c.fail(err)
	}
	return v
}

// optStr converts an optional identifier or string: empty is absent.
func (c *astToPy) optStr(s string) Value {
	if s == "" {
		return interp.None
	}
	return c.str(s)
}

func (c *astToPy) int(i int) Value { return interp.Int(int64(i)) }

// constant converts the value of a Constant or MatchSingleton node.
func (c *astToPy) constant(v syntax.ConstantValue) Value {
	if c.err != nil {
		return Value{}
	}
	var r Value
	var err error
	switch v := v.(type) {
	case nil:
		return interp.None
	case bool:
		return interp.Bool(v)
	case int64:
		return interp.Int(v)
	case *big.Int:
		r, err = c.in.NewInt(v)
	case float64:
		return interp.Float(v)
	case complex128:
		r, err = c.in.NewComplex(v)
	case string:
		r, err = c.in.NewStr(v)
	case syntax.Bytes:
		r, err = c.in.NewBytes([]byte(v))
	case syntax.EllipsisType:
		interp.IncRef(interp.Ellipsis)
		return interp.Ellipsis
	default:
		return c.fail(c.in.Raise(interp.ExcType("SystemError"), "_ast: unknown constant type %T", v))
	}
	if err != nil {
		return c.fail(err)
	}
	return r
}

// toPyList converts a list field.
func toPyList[T any](c *astToPy, xs []T, conv func(T) Value) Value {
	if c.err != nil {
		return Value{}
	}
	l, err := c.in.NewList()
	if err != nil {
		return c.fail(err)
	}
	lst := interp.AsList(l)
	for _, x := range xs {
		v := conv(x)
		if c.err != nil {
			c.in.XDecRef(v)
			c.in.DecRef(l)
			return Value{}
		}
		err := c.in.Append(lst, v)
		c.in.DecRef(v)
		if err != nil {
			c.in.DecRef(l)
			return c.fail(err)
		}
	}
	return l
}

// node makes an instance of class cls whose fields are vals (new
// references, which node takes over), followed by the positions of loc
// for the classes that have them.
func (c *astToPy) node(cls int, loc *syntax.Loc, vals ...Value) Value {
	if c.err != nil {
		releaseAll(c.in, vals)
		return Value{}
	}
	o, err := interp.NewObject[astObject](c.in, c.st.types[cls])
	if err != nil {
		releaseAll(c.in, vals)
		return c.fail(err)
	}
	obj := interp.ValueOf(o)
	d, err := c.in.NewDict()
	if err != nil {
		releaseAll(c.in, vals)
		c.in.DecRef(obj)
		return c.fail(err)
	}
	o.dict = d
	dict := interp.AsDict(d)
	keys := astKeys[cls]
	for i, v := range vals {
		err := c.in.DictSet(dict, keys[i], v)
		c.in.DecRef(v)
		if err != nil {
			releaseAll(c.in, vals[i+1:])
			c.in.DecRef(obj)
			return c.fail(err)
		}
	}
	if loc != nil {
		pos := [4]int{loc.Lineno, loc.ColOffset, loc.EndLineno, loc.EndColOffset}
		for i, p := range pos {
			if err := c.in.DictSet(dict, keys[len(vals)+i], interp.Int(int64(p))); err != nil {
				c.in.DecRef(obj)
				return c.fail(err)
			}
		}
	}
	return obj
}
