package compile

import (
	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Coroutines (PEP 492) and asynchronous generators (PEP 525): await,
// async for, async with and asynchronous comprehensions, compiled as
// CPython 3.12 does. An await is GET_AWAITABLE followed by the send loop
// of yield from, whose RESUME says "after await" (oparg 3).

// Frame-block kinds of the async constructs. They are numbered apart from
// the others so that adding a kind elsewhere cannot collide with them.
const (
	// fbAsyncWith is an async with body: unwinding it awaits
	// __aexit__(None, None, None).
	fbAsyncWith fblockKind = 100 + iota
	// fbAsyncComprehension is an async comprehension's loop; it only
	// counts toward the nesting limit (nothing can jump out of it).
	fbAsyncComprehension
)

// coroutineFlags are the co_flags bits of a coroutine (async def without
// yield) and of an asynchronous generator (async def with yield, or an
// asynchronous generator expression).
func coroutineFlags(ste *Scope) CodeFlags {
	switch {
	case !ste.Coroutine:
		return 0
	case ste.Generator:
		return CO_ASYNC_GENERATOR
	default:
		return CO_COROUTINE
	}
}

// awaitLoop emits the send loop with the awaitable and the value to send
// on the stack (receiver, v -- retval): yield from's loop, resumed "after
// await".
func (c *compiler) awaitLoop(loc bytecode.Pos) {
	send, fail, exit := c.newBlock(), c.newBlock(), c.newBlock()
	c.useBlock(send)
	c.emitJump(bytecode.SEND, exit, loc) // (receiver, v -- receiver, retval)
	// A virtual try/except: StopIteration raised by throw() or close()
	// of the awaitable becomes its result in CLEANUP_THROW.
	c.emitJump(bytecode.SETUP_FINALLY, fail, loc)
	c.emit(bytecode.YIELD_VALUE, 0, loc)
	c.emit(bytecode.POP_BLOCK, 0, noLoc)
	c.emit(bytecode.RESUME, int(bytecode.RESUME_AFTER_AWAIT), loc)
	c.emitJump(bytecode.JUMP_NO_INTERRUPT, send, loc)
	c.useBlock(fail)
	c.emit(bytecode.CLEANUP_THROW, 0, loc)
	c.useBlock(exit)
	c.emit(bytecode.END_SEND, 0, loc) // (receiver, value -- value)
}

// awaitTop awaits the value on top of the stack. where is GET_AWAITABLE's
// oparg: 0 for await, 1 after __aenter__, 2 after __aexit__ (it picks the
// error message for an object without __await__).
func (c *compiler) awaitTop(loc bytecode.Pos, where int) {
	c.emit(bytecode.GET_AWAITABLE, where, loc) // (iterable -- iter)
	c.loadConst(nil, loc)
	c.awaitLoop(loc)
}

// await compiles an await expression.
func (c *compiler) await(e *syntax.Await) {
	loc := locOf(e)
	if !c.isFunctionLike() {
		c.errorAt(loc, "'await' outside function")
	}
	if !c.u.isAsync && c.u.scopeType != scopeComprehension {
		c.errorAt(loc, "'await' outside async function")
	}
	c.visitExpr(e.Value)
	c.awaitTop(loc, 0)
}

// compIterOp is the instruction that turns a comprehension's iterable
// into its iterator.
func compIterOp(g *syntax.Comprehension) bytecode.Op {
	if g.IsAsync != 0 {
		return bytecode.GET_AITER
	}
	return bytecode.GET_ITER
}

// asyncFor compiles async for:
//
//	<iter>; GET_AITER
//	start: SETUP_FINALLY except; GET_ANEXT; <await>; POP_BLOCK
//	<target>; <body>; JUMP start
//	except: END_ASYNC_FOR          (StopAsyncIteration ends the loop)
//	<orelse>
func (c *compiler) asyncFor(s *syntax.AsyncFor) {
	loc := locOf(s)
	if !c.u.isAsync {
		c.errorAt(loc, "'async for' outside async function")
	}
	start, except, end := c.newBlock(), c.newBlock(), c.newBlock()
	c.visitExpr(s.Iter)
	c.emit(bytecode.GET_AITER, 0, loc) // (obj -- aiter)
	c.useBlock(start)
	c.pushFblock(loc, fblockInfo{kind: fbForLoop, block: start, exit: end})
	c.emitJump(bytecode.SETUP_FINALLY, except, loc)
	c.emit(bytecode.GET_ANEXT, 0, loc) // (aiter -- aiter, awaitable)
	c.loadConst(nil, loc)
	c.awaitLoop(loc)
	c.emit(bytecode.POP_BLOCK, 0, loc)
	c.visitExpr(s.Target)
	c.visitStmts(s.Body)
	c.emitJump(bytecode.JUMP, start, noLoc)
	c.popFblock()

	c.useBlock(except)
	// END_ASYNC_FOR belongs to the iterable's line: it follows the loop,
	// not its body.
	c.emit(bytecode.END_ASYNC_FOR, 0, locOf(s.Iter)) // (aiter, exc -- )
	c.visitStmts(s.Orelse)
	c.useBlock(end)
}

// asyncWith compiles item pos of an async with statement and, nested
// inside it, the remaining items and the body: with's code with
// BEFORE_ASYNC_WITH, and __aenter__'s and __aexit__'s results awaited.
func (c *compiler) asyncWith(s *syntax.AsyncWith, pos int) {
	loc := locOf(s)
	if !c.u.isAsync {
		c.errorAt(loc, "'async with' outside async function")
	}
	item := s.Items[pos]
	blockB, final, exit, cleanup := c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock()
	c.visitExpr(item.ContextExpr)
	c.emit(bytecode.BEFORE_ASYNC_WITH, 0, loc) // (mgr -- exit, res)
	c.awaitTop(loc, 1)
	c.emitJump(bytecode.SETUP_WITH, final, loc)
	c.useBlock(blockB)
	c.pushFblock(loc, fblockInfo{kind: fbAsyncWith, block: blockB, exit: final, withLoc: loc})
	if item.OptionalVars != nil {
		c.visitExpr(item.OptionalVars)
	} else {
		c.emit(bytecode.POP_TOP, 0, loc)
	}
	pos++
	if pos == len(s.Items) {
		c.visitStmts(s.Body)
	} else {
		c.asyncWith(s, pos)
	}
	c.popFblock()
	c.emit(bytecode.POP_BLOCK, 0, loc)
	c.callExitWithNones(loc)
	c.awaitTop(loc, 2)
	c.emit(bytecode.POP_TOP, 0, loc)
	c.emitJump(bytecode.JUMP, exit, loc)

	c.useBlock(final)
	c.emitJump(bytecode.SETUP_CLEANUP, cleanup, loc)
	c.emit(bytecode.PUSH_EXC_INFO, 0, loc)
	c.emit(bytecode.WITH_EXCEPT_START, 0, loc)
	c.awaitTop(loc, 2)
	c.withExceptFinish(cleanup)
	c.useBlock(exit)
}

// asyncComprehensionGenerator compiles one "async for" clause of a
// comprehension: the loop of asyncFor around the next clause (or the
// element), ended by END_ASYNC_FOR when __anext__ raises
// StopAsyncIteration.
func (c *compiler) asyncComprehensionGenerator(loc bytecode.Pos, gens []*syntax.Comprehension, index, depth int, elt, val syntax.Expr, typ compType, iterOnStack bool) {
	start, except, ifCleanup := c.newBlock(), c.newBlock(), c.newBlock()
	gen := gens[index]
	if !iterOnStack {
		if index == 0 {
			c.u.argCount = 1
			c.emit(bytecode.LOAD_FAST, 0, loc) // the implicit .0 parameter
		} else {
			c.visitExpr(gen.Iter)
			c.emit(bytecode.GET_AITER, 0, loc)
		}
	}
	c.useBlock(start)
	c.pushFblock(loc, fblockInfo{kind: fbAsyncComprehension, block: start})
	c.emitJump(bytecode.SETUP_FINALLY, except, loc)
	c.emit(bytecode.GET_ANEXT, 0, loc)
	c.loadConst(nil, loc)
	c.awaitLoop(loc)
	c.emit(bytecode.POP_BLOCK, 0, loc)
	c.visitExpr(gen.Target)
	for _, cond := range gen.Ifs {
		c.jumpIf(loc, cond, ifCleanup, false)
	}
	depth++
	index++
	if index < len(gens) {
		c.comprehensionGenerator(loc, gens, index, depth, elt, val, typ, false)
	}
	eltLoc := locOf(elt)
	if index >= len(gens) {
		eltLoc = c.comprehensionElement(elt, val, typ, depth)
	}
	c.useBlock(ifCleanup)
	c.emitJump(bytecode.JUMP, start, eltLoc)
	c.popFblock()
	c.useBlock(except)
	c.emit(bytecode.END_ASYNC_FOR, 0, loc)
}

// comprehensionElement emits the innermost part of a comprehension:
// yield the element, or add it (or the key and value) to the result
// depth+1 slots down. It returns the element's location.
func (c *compiler) comprehensionElement(elt, val syntax.Expr, typ compType, depth int) bytecode.Pos {
	eltLoc := locOf(elt)
	c.visitExpr(elt)
	switch typ {
	case compGenexp:
		c.emitYield(eltLoc)
		c.emit(bytecode.POP_TOP, 0, eltLoc)
	case compList:
		c.emit(bytecode.LIST_APPEND, depth+1, eltLoc)
	case compSet:
		c.emit(bytecode.SET_ADD, depth+1, eltLoc)
	case compDict:
		c.visitExpr(val)
		vl := val.Location()
		eltLoc = bytecode.Pos{Line: eltLoc.Line, EndLine: vl.EndLineno, Col: eltLoc.Col, EndCol: vl.EndColOffset}
		c.emit(bytecode.MAP_ADD, depth+1, eltLoc)
	}
	return eltLoc
}
