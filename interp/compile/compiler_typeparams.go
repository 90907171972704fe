package compile

// PEP 695: generic functions and classes and the type statement, compiled
// as CPython 3.12 does. Type parameters live in a hidden function (an
// annotation scope named "<generic parameters of X>") that the enclosing
// code calls at once: it makes the TypeVars (CALL_INTRINSIC_1/2), the
// tuple of them, and then the function, class or TypeAliasType, which it
// returns. TypeVar bounds and alias values are functions of their own,
// evaluated lazily by the runtime objects.

import (
	"fmt"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
)

// enterTypeParams starts the hidden function holding the type parameters
// of node (a generic def, class or type statement) named name.
func (c *compiler) enterTypeParams(node syntax.Stmt, name string, firstLine int) {
	ste := c.st.TypeParamsScope(node)
	if ste == nil {
		panic(bailout{fmt.Errorf("compile: internal error: no type-parameter scope for %s", node.NodeName())})
	}
	c.enterScopeFor("<generic parameters of "+name+">", scopeTypeParams, ste, firstLine)
}

// typeParams makes each type parameter, binds it to its name in the
// current (type-parameter) scope and leaves the tuple of them:
//
//	( -- (T, ...))
func (c *compiler) typeParams(params []syntax.TypeParam) {
	for _, tp := range params {
		loc := locOf(tp)
		var name string
		switch tp := tp.(type) {
		case *syntax.TypeVar:
			name = tp.Name
			c.loadConst(name, loc)
			if tp.Bound == nil {
				c.emit(bytecode.CALL_INTRINSIC_1, int(bytecode.INTRINSIC_TYPEVAR), loc)
				break
			}
			c.enterScope(name, scopeTypeParams, tp, tp.Bound.Location().Lineno)
			c.visitExpr(tp.Bound)
			c.emit(bytecode.RETURN_VALUE, 0, loc)
			code := c.assemble(true)
			c.exitScope()
			c.makeClosure(loc, code, 0)
			which := bytecode.INTRINSIC_TYPEVAR_WITH_BOUND
			if _, ok := tp.Bound.(*syntax.Tuple); ok {
				which = bytecode.INTRINSIC_TYPEVAR_WITH_CONSTRAINTS
			}
			c.emit(bytecode.CALL_INTRINSIC_2, int(which), loc)
		case *syntax.TypeVarTuple:
			name = tp.Name
			c.loadConst(name, loc)
			c.emit(bytecode.CALL_INTRINSIC_1, int(bytecode.INTRINSIC_TYPEVARTUPLE), loc)
		case *syntax.ParamSpec:
			name = tp.Name
			c.loadConst(name, loc)
			c.emit(bytecode.CALL_INTRINSIC_1, int(bytecode.INTRINSIC_PARAMSPEC), loc)
		}
		c.emit(bytecode.COPY, 1, loc)
		c.nameOp(loc, name, syntax.Store)
	}
	c.emit(bytecode.BUILD_TUPLE, len(params), locOf(params[0]))
}

// enterGenericFunction opens the type-parameter function of a generic
// def whose defaults (per flags) are on the stack, and makes the type
// parameters. The defaults become its arguments: it returns how many,
// after reloading them for MAKE_FUNCTION.
func (c *compiler) enterGenericFunction(loc bytecode.Pos, node syntax.Stmt, name string, firstLine int, params []syntax.TypeParam, flags int) int {
	nargs := 0
	if flags&int(bytecode.MAKE_FUNCTION_DEFAULTS) != 0 {
		nargs++
	}
	if flags&int(bytecode.MAKE_FUNCTION_KWDEFAULTS) != 0 {
		nargs++
	}
	if nargs == 2 {
		// The call below passes them in reverse.
		c.emit(bytecode.SWAP, 2, loc)
	}
	c.enterTypeParams(node, name, firstLine)
	c.typeParams(params)
	for i := 0; i < nargs; i++ {
		c.emit(bytecode.LOAD_FAST, i, loc)
	}
	return nargs
}

// exitGenericFunction finishes the type-parameter function around the
// new function object (on top, above the parameters' tuple) and calls it
// with the nargs defaults left below PUSH_NULL's slot.
func (c *compiler) exitGenericFunction(loc bytecode.Pos, nargs int) {
	c.emit(bytecode.SWAP, 2, loc)
	c.emit(bytecode.CALL_INTRINSIC_2, int(bytecode.INTRINSIC_SET_FUNCTION_TYPE_PARAMS), loc)
	c.u.argCount = nargs
	code := c.assemble(false)
	c.exitScope()
	c.makeClosure(loc, code, 0)
	if nargs > 0 {
		c.emit(bytecode.SWAP, nargs+1, loc)
	}
	c.emit(bytecode.CALL, nargs, loc)
}

// enterGenericClass opens the type-parameter function of a generic class
// and stores the parameters' tuple in .type_params.
func (c *compiler) enterGenericClass(s *syntax.ClassDef, firstLine int) {
	loc := locOf(s)
	// CPython 3.12.1 sets the private name in the enclosing unit, so that
	// after a generic class, names there are mangled with its name (the
	// symbol table does the same).
	c.u.private = s.Name
	c.enterTypeParams(s, s.Name, firstLine)
	c.typeParams(s.TypeParams)
	c.nameOp(loc, ".type_params", syntax.Store)
}

// setTypeParamsInClass is the start of a generic class's body:
// __type_params__ = .type_params.
func (c *compiler) setTypeParamsInClass(loc bytecode.Pos) {
	c.nameOp(loc, ".type_params", syntax.Load)
	c.nameOp(loc, "__type_params__", syntax.Store)
}

// callGenericBuildClass finishes a generic class statement: with
// __build_class__, the body function and the name on the stack, it adds
// Generic[*.type_params] after the bases, calls __build_class__, returns
// the class from the type-parameter function and calls that function.
func (c *compiler) callGenericBuildClass(s *syntax.ClassDef) {
	loc := locOf(s)
	c.nameOp(loc, ".type_params", syntax.Load)
	c.emit(bytecode.CALL_INTRINSIC_1, int(bytecode.INTRINSIC_SUBSCRIPT_GENERIC), loc)
	c.nameOp(loc, ".generic_base", syntax.Store)
	bases := make([]syntax.Expr, 0, len(s.Bases)+1)
	bases = append(bases, s.Bases...)
	bases = append(bases, &syntax.Name{Loc: s.Loc, ID: ".generic_base", Ctx: syntax.Load})
	c.callHelper(loc, 2, bases, s.Keywords)
	code := c.assemble(false)
	c.exitScope()
	c.emit(bytecode.PUSH_NULL, 0, loc)
	c.makeClosure(loc, code, 0)
	c.emit(bytecode.CALL, 0, loc)
}

// typeAlias compiles "type X[T] = value": a TypeAliasType made by
// INTRINSIC_TYPEALIAS from (name, type parameters or None, the function
// computing the value).
func (c *compiler) typeAlias(s *syntax.TypeAlias) {
	loc := locOf(s)
	n, ok := s.Name.(*syntax.Name)
	if !ok {
		c.errorAt(loc, "internal error: type alias name is a %s", s.Name.NodeName())
	}
	name := n.ID
	generic := len(s.TypeParams) > 0
	if generic {
		c.enterTypeParams(s, name, loc.Line)
		c.loadConst(name, loc)
		c.typeParams(s.TypeParams)
	} else {
		c.loadConst(name, loc)
		c.loadConst(nil, loc)
	}

	c.enterScope(name, scopeFunction, s, loc.Line)
	c.u.addConst(nil) // so that the value's function has no docstring
	c.visitExpr(s.Value)
	c.emit(bytecode.RETURN_VALUE, 0, loc)
	code := c.assemble(true)
	c.exitScope()
	c.makeClosure(loc, code, 0)
	c.emit(bytecode.BUILD_TUPLE, 3, loc)
	c.emit(bytecode.CALL_INTRINSIC_1, int(bytecode.INTRINSIC_TYPEALIAS), loc)

	if generic {
		code := c.assemble(false)
		c.exitScope()
		c.emit(bytecode.PUSH_NULL, 0, loc)
		c.makeClosure(loc, code, 0)
		c.emit(bytecode.CALL, 0, loc)
	}
	c.nameOp(loc, name, syntax.Store)
}
