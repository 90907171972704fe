package compile

import (
	"strings"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
)

// visitStmt compiles one statement.
func (c *compiler) visitStmt(s syntax.Stmt) {
	loc := locOf(s)
	switch s := s.(type) {
	case *syntax.FunctionDef:
		c.functionDef(s)
	case *syntax.ClassDef:
		c.classDef(s)
	case *syntax.Return:
		c.returnStmt(s)
	case *syntax.Delete:
		for _, t := range s.Targets {
			c.visitExpr(t)
		}
	case *syntax.Assign:
		c.visitExpr(s.Value)
		for i, t := range s.Targets {
			if i < len(s.Targets)-1 {
				c.emit(bytecode.COPY, 1, loc) // (v -- v, v)
			}
			c.visitExpr(t)
		}
	case *syntax.AugAssign:
		c.augAssign(s)
	case *syntax.AnnAssign:
		c.annAssign(s)
	case *syntax.For:
		c.forStmt(s)
	case *syntax.While:
		c.whileStmt(s)
	case *syntax.If:
		c.ifStmt(s)
	case *syntax.Raise:
		n := 0
		if s.Exc != nil {
			c.visitExpr(s.Exc)
			n++
			if s.Cause != nil {
				c.visitExpr(s.Cause)
				n++
			}
		}
		c.emit(bytecode.RAISE_VARARGS, n, loc) // (args[n] -- )
	case *syntax.Try:
		if len(s.Finalbody) > 0 {
			c.tryFinally(loc, s.Body, s.Handlers, s.Orelse, s.Finalbody, false)
		} else {
			c.tryExcept(loc, s.Body, s.Handlers, s.Orelse)
		}
	case *syntax.TryStar:
		if len(s.Finalbody) > 0 {
			c.tryFinally(loc, s.Body, s.Handlers, s.Orelse, s.Finalbody, true)
		} else {
			c.tryStarExcept(loc, s.Body, s.Handlers, s.Orelse)
		}
	case *syntax.Assert:
		c.assertStmt(s)
	case *syntax.Import:
		c.importStmt(s)
	case *syntax.ImportFrom:
		c.importFrom(s)
	case *syntax.Global, *syntax.Nonlocal:
	case *syntax.ExprStmt:
		c.exprStmt(loc, s.Value)
	case *syntax.Pass:
		c.emit(bytecode.NOP, 0, loc)
	case *syntax.Break:
		c.breakStmt(loc)
	case *syntax.Continue:
		c.continueStmt(loc)
	case *syntax.With:
		c.withStmt(s, 0)
	case *syntax.Match:
		c.matchStmt(s)
	case *syntax.AsyncFunctionDef:
		c.function(s, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, s.TypeParams, true)
	case *syntax.AsyncFor:
		c.asyncFor(s)
	case *syntax.AsyncWith:
		c.asyncWith(s, 0)
	case *syntax.TypeAlias:
		c.typeAlias(s)
	default:
		c.errorAt(loc, "unknown statement %s", s.NodeName())
	}
}

func (c *compiler) exprStmt(loc bytecode.Pos, value syntax.Expr) {
	if c.interactive && len(c.stack) == 0 {
		c.visitExpr(value)
		c.emit(bytecode.CALL_INTRINSIC_1, int(bytecode.INTRINSIC_PRINT), loc)
		c.emit(bytecode.POP_TOP, 0, noLoc)
		return
	}
	if _, ok := c.fold(value).(*syntax.Constant); ok {
		c.emit(bytecode.NOP, 0, loc)
		return
	}
	c.visitExpr(value)
	c.emit(bytecode.POP_TOP, 0, noLoc)
}

func (c *compiler) returnStmt(s *syntax.Return) {
	loc := locOf(s)
	value := s.Value
	if value != nil {
		value = c.fold(value)
	}
	_, isConst := value.(*syntax.Constant)
	preserveTOS := s.Value != nil && !isConst
	if !c.isFunctionLike() {
		c.errorAt(loc, "'return' outside function")
	}
	if s.Value != nil && c.u.ste.Coroutine && c.u.ste.Generator {
		c.errorAt(loc, "'return' with value in async generator")
	}
	if preserveTOS {
		c.visitExpr(value)
	} else if value != nil {
		loc = locOf(value)
		c.emit(bytecode.NOP, 0, loc)
	}
	if s.Value == nil || s.Value.Location().Lineno != s.Lineno {
		loc = locOf(s)
		c.emit(bytecode.NOP, 0, loc)
	}
	c.unwindFblockStack(&loc, preserveTOS, false)
	if s.Value == nil {
		c.loadConst(nil, loc)
	} else if !preserveTOS {
		c.loadConst(c.constValue(value.(*syntax.Constant)), loc)
	}
	c.emit(bytecode.RETURN_VALUE, 0, loc) // (retval -- )
}

func (c *compiler) breakStmt(loc bytecode.Pos) {
	origin := loc
	c.emit(bytecode.NOP, 0, loc)
	loop := c.unwindFblockStack(&loc, false, true)
	if loop == nil {
		c.errorAt(origin, "'break' outside loop")
	}
	c.unwindFblock(&loc, *loop, false)
	c.emitJump(bytecode.JUMP, loop.exit, loc)
}

func (c *compiler) continueStmt(loc bytecode.Pos) {
	origin := loc
	c.emit(bytecode.NOP, 0, loc)
	loop := c.unwindFblockStack(&loc, false, true)
	if loop == nil {
		c.errorAt(origin, "'continue' not properly in loop")
	}
	c.emitJump(bytecode.JUMP, loop.block, loc)
}

func (c *compiler) ifStmt(s *syntax.If) {
	end := c.newBlock()
	next := end
	if len(s.Orelse) > 0 {
		next = c.newBlock()
	}
	c.jumpIf(locOf(s), s.Test, next, false)
	c.visitStmts(s.Body)
	if len(s.Orelse) > 0 {
		c.emitJump(bytecode.JUMP, end, noLoc)
		c.useBlock(next)
		c.visitStmts(s.Orelse)
	}
	c.useBlock(end)
}

func (c *compiler) visitStmts(stmts []syntax.Stmt) {
	for _, s := range stmts {
		c.visitStmt(s)
	}
}

func (c *compiler) forStmt(s *syntax.For) {
	loc := locOf(s)
	start, body, cleanup, end := c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock()
	c.pushFblock(loc, fblockInfo{kind: fbForLoop, block: start, exit: end})
	c.visitExpr(c.foldIter(s.Iter))
	c.emit(bytecode.GET_ITER, 0, loc) // (iterable -- iter)
	c.useBlock(start)
	c.emitJump(bytecode.FOR_ITER, cleanup, loc) // (iter -- iter, next)
	c.useBlock(body)
	c.visitExpr(s.Target)
	c.visitStmts(s.Body)
	c.emitJump(bytecode.JUMP, start, noLoc)
	c.useBlock(cleanup)
	c.emit(bytecode.END_FOR, 0, noLoc) // (iter, value -- )
	c.popFblock()
	c.visitStmts(s.Orelse)
	c.useBlock(end)
}

func (c *compiler) whileStmt(s *syntax.While) {
	loc := locOf(s)
	loop, body, end, anchor := c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock()
	c.useBlock(loop)
	c.pushFblock(loc, fblockInfo{kind: fbWhileLoop, block: loop, exit: end})
	c.jumpIf(loc, s.Test, anchor, false)
	c.useBlock(body)
	c.visitStmts(s.Body)
	c.jumpIf(loc, s.Test, body, true)
	c.popFblock()
	c.useBlock(anchor)
	c.visitStmts(s.Orelse)
	c.useBlock(end)
}

func (c *compiler) assertStmt(s *syntax.Assert) {
	c.checkAssert(s)
	if c.opts.Optimize > 0 {
		return
	}
	loc := locOf(s)
	end := c.newBlock()
	c.jumpIf(loc, s.Test, end, true)
	c.emit(bytecode.LOAD_ASSERTION_ERROR, 0, loc) // ( -- value)
	if s.Msg != nil {
		c.visitExpr(s.Msg)
		c.emit(bytecode.CALL, 0, loc)
	}
	c.emit(bytecode.RAISE_VARARGS, 1, loc)
	c.useBlock(end)
}

func (c *compiler) importStmt(s *syntax.Import) {
	loc := locOf(s)
	for _, a := range s.Names {
		c.loadConst(int64(0), loc)
		c.loadConst(nil, loc)
		c.emitName(bytecode.IMPORT_NAME, a.Name, loc) // (level, fromlist -- module)
		if a.Asname != "" {
			c.importAs(loc, a.Name, a.Asname)
			continue
		}
		store := a.Name
		if i := strings.IndexByte(store, '.'); i >= 0 {
			store = store[:i]
		}
		c.nameOp(loc, store, syntax.Store)
	}
}

func (c *compiler) importAs(loc bytecode.Pos, name, asname string) {
	parts := strings.Split(name, ".")
	if len(parts) == 1 {
		c.nameOp(loc, asname, syntax.Store)
		return
	}
	for i, attr := range parts[1:] {
		c.emitName(bytecode.IMPORT_FROM, attr, loc) // (from -- from, res)
		if i == len(parts)-2 {
			break
		}
		c.emit(bytecode.SWAP, 2, loc)
		c.emit(bytecode.POP_TOP, 0, loc)
	}
	c.nameOp(loc, asname, syntax.Store)
	c.emit(bytecode.POP_TOP, 0, loc)
}

func (c *compiler) importFrom(s *syntax.ImportFrom) {
	loc := locOf(s)
	c.loadConst(int64(s.Level), loc)
	names := make(ConstTuple, len(s.Names))
	for i, a := range s.Names {
		names[i] = a.Name
	}
	if s.Module == "__future__" && s.Level == 0 && locationAfter(s.Loc, c.futureEnd) {
		c.errorAt(loc, "from __future__ imports must occur at the beginning of the file")
	}
	c.loadConst(names, loc)
	c.emitName(bytecode.IMPORT_NAME, s.Module, loc)
	for i, a := range s.Names {
		if i == 0 && a.Name == "*" {
			c.emit(bytecode.CALL_INTRINSIC_1, int(bytecode.INTRINSIC_IMPORT_STAR), loc)
			c.emit(bytecode.POP_TOP, 0, noLoc)
			return
		}
		c.emitName(bytecode.IMPORT_FROM, a.Name, loc)
		store := a.Name
		if a.Asname != "" {
			store = a.Asname
		}
		c.nameOp(loc, store, syntax.Store)
	}
	c.emit(bytecode.POP_TOP, 0, loc)
}

// locationAfter reports whether a starts after b ends (CPython's
// location_is_after).
func locationAfter(a, b syntax.Loc) bool {
	return a.Lineno > b.EndLineno || (a.Lineno == b.EndLineno && a.ColOffset > b.EndColOffset)
}

func (c *compiler) augAssign(s *syntax.AugAssign) {
	loc := locOf(s)
	e := s.Target
	eloc := locOf(e)
	switch t := e.(type) {
	case *syntax.Attribute:
		c.visitExpr(t.Value)
		c.emit(bytecode.COPY, 1, eloc)
		aloc := attrLoc(eloc, t)
		c.emit(bytecode.LOAD_ATTR, c.u.addName(c.mangle(t.Attr))<<1, aloc)
	case *syntax.Subscript:
		c.visitExpr(t.Value)
		if isTwoElementSlice(t.Slice) {
			c.slice(t.Slice.(*syntax.Slice))
			c.emit(bytecode.COPY, 3, eloc)
			c.emit(bytecode.COPY, 3, eloc)
			c.emit(bytecode.COPY, 3, eloc)
			c.emit(bytecode.BINARY_SLICE, 0, eloc)
		} else {
			c.visitExpr(t.Slice)
			c.emit(bytecode.COPY, 2, eloc)
			c.emit(bytecode.COPY, 2, eloc)
			c.emit(bytecode.BINARY_SUBSCR, 0, eloc)
		}
	case *syntax.Name:
		c.nameOp(eloc, t.ID, syntax.Load)
	default:
		c.errorAt(eloc, "'%s' is an illegal expression for augmented assignment", e.NodeName())
	}
	c.visitExpr(s.Value)
	c.emit(bytecode.BINARY_OP, inplaceOp(s.Op), loc)
	switch t := e.(type) {
	case *syntax.Attribute:
		aloc := attrLoc(eloc, t)
		c.emit(bytecode.SWAP, 2, aloc)
		c.emit(bytecode.STORE_ATTR, c.u.addName(c.mangle(t.Attr)), aloc)
	case *syntax.Subscript:
		if isTwoElementSlice(t.Slice) {
			c.emit(bytecode.SWAP, 4, eloc)
			c.emit(bytecode.SWAP, 3, eloc)
			c.emit(bytecode.SWAP, 2, eloc)
			c.emit(bytecode.STORE_SLICE, 0, eloc)
		} else {
			c.emit(bytecode.SWAP, 3, eloc)
			c.emit(bytecode.SWAP, 2, eloc)
			c.emit(bytecode.STORE_SUBSCR, 0, eloc)
		}
	case *syntax.Name:
		c.nameOp(eloc, t.ID, syntax.Store)
	}
}

func (c *compiler) annAssign(s *syntax.AnnAssign) {
	loc := locOf(s)
	if s.Value != nil {
		c.visitExpr(s.Value)
		c.visitExpr(s.Target)
	}
	switch t := s.Target.(type) {
	case *syntax.Name:
		c.forbiddenName(loc, t.ID, syntax.Store)
		if s.Simple != 0 && (c.u.scopeType == scopeModule || c.u.scopeType == scopeClass) {
			if c.future&CO_FUTURE_ANNOTATIONS != 0 {
				c.loadConst(unparse(s.Annotation), locOf(s.Annotation))
			} else {
				c.visitExpr(s.Annotation)
			}
			c.emitName(bytecode.LOAD_NAME, "__annotations__", loc)
			c.loadConst(c.mangle(t.ID), loc)
			c.emit(bytecode.STORE_SUBSCR, 0, loc)
		}
	case *syntax.Attribute:
		c.forbiddenName(loc, t.Attr, syntax.Store)
		if s.Value == nil {
			c.checkAnnExpr(t.Value)
		}
	case *syntax.Subscript:
		if s.Value == nil {
			c.checkAnnExpr(t.Value)
			c.checkAnnSubscr(t.Slice)
		}
	}
	if s.Simple == 0 && c.future&CO_FUTURE_ANNOTATIONS == 0 &&
		(c.u.scopeType == scopeModule || c.u.scopeType == scopeClass) {
		c.checkAnnExpr(s.Annotation)
	}
}

func (c *compiler) checkAnnExpr(e syntax.Expr) {
	c.visitExpr(e)
	c.emit(bytecode.POP_TOP, 0, locOf(e))
}

func (c *compiler) checkAnnSubscr(e syntax.Expr) {
	switch e := e.(type) {
	case *syntax.Slice:
		for _, x := range []syntax.Expr{e.Lower, e.Upper, e.Step} {
			if x != nil {
				c.checkAnnExpr(x)
			}
		}
	case *syntax.Tuple:
		for _, x := range e.Elts {
			c.checkAnnSubscr(x)
		}
	default:
		c.checkAnnExpr(e)
	}
}

func inplaceOp(op syntax.Operator) int { return int(binaryOp(op)) + int(bytecode.NB_INPLACE_ADD) }

func binaryOp(op syntax.Operator) bytecode.BinaryOp {
	switch op {
	case syntax.Add:
		return bytecode.NB_ADD
	case syntax.Sub:
		return bytecode.NB_SUBTRACT
	case syntax.Mult:
		return bytecode.NB_MULTIPLY
	case syntax.MatMult:
		return bytecode.NB_MATRIX_MULTIPLY
	case syntax.Div:
		return bytecode.NB_TRUE_DIVIDE
	case syntax.Modulo:
		return bytecode.NB_REMAINDER
	case syntax.Pow:
		return bytecode.NB_POWER
	case syntax.LShift:
		return bytecode.NB_LSHIFT
	case syntax.RShift:
		return bytecode.NB_RSHIFT
	case syntax.BitOr:
		return bytecode.NB_OR
	case syntax.BitXor:
		return bytecode.NB_XOR
	case syntax.BitAnd:
		return bytecode.NB_AND
	case syntax.FloorDiv:
		return bytecode.NB_FLOOR_DIVIDE
	}
	return bytecode.NB_ADD
}
