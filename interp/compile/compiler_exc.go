package compile

import (
	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Exceptions, with statements and the unwinding of frame blocks by
// return, break and continue.
//
// Handler conventions (as CPython 3.12): SETUP_FINALLY h pushes a handler
// that receives (exc); SETUP_CLEANUP and SETUP_WITH handlers receive
// (lasti, exc) — the exception table entry has Lasti set and its depth
// excludes both. A handler that catches runs PUSH_EXC_INFO (exc -- prev,
// exc) and leaves with POP_EXCEPT (prev -- ), restoring the previous
// exception; the cleanup handler of an except block is COPY 3;
// POP_EXCEPT; RERAISE 1.

// unwindFblock emits the code that leaves one frame block on the way out
// of return, break or continue. preserveTOS keeps a return value on top.
func (c *compiler) unwindFblock(loc *bytecode.Pos, fb fblockInfo, preserveTOS bool) {
	switch fb.kind {
	case fbWhileLoop, fbExceptionHandler, fbExceptionGroupHandler:
	case fbForLoop:
		if preserveTOS {
			c.emit(bytecode.SWAP, 2, *loc)
		}
		c.emit(bytecode.POP_TOP, 0, *loc) // the iterator
	case fbTryExcept:
		c.emit(bytecode.POP_BLOCK, 0, *loc)
	case fbFinallyTry:
		c.emit(bytecode.POP_BLOCK, 0, *loc)
		if preserveTOS {
			c.pushFblock(*loc, fblockInfo{kind: fbPopValue})
		}
		c.visitStmts(fb.finalBody)
		if preserveTOS {
			c.popFblock()
		}
		*loc = noLoc
	case fbFinallyEnd:
		if preserveTOS {
			c.emit(bytecode.SWAP, 2, *loc)
		}
		c.emit(bytecode.POP_TOP, 0, *loc) // exc_value
		if preserveTOS {
			c.emit(bytecode.SWAP, 2, *loc)
		}
		c.emit(bytecode.POP_BLOCK, 0, *loc)
		c.emit(bytecode.POP_EXCEPT, 0, *loc)
	case fbWith, fbAsyncWith:
		*loc = fb.withLoc
		c.emit(bytecode.POP_BLOCK, 0, *loc)
		if preserveTOS {
			c.emit(bytecode.SWAP, 2, *loc)
		}
		c.callExitWithNones(*loc)
		if fb.kind == fbAsyncWith {
			c.awaitTop(*loc, 2)
		}
		c.emit(bytecode.POP_TOP, 0, *loc)
		*loc = noLoc
	case fbHandlerCleanup:
		if fb.hasName {
			c.emit(bytecode.POP_BLOCK, 0, *loc)
		}
		if preserveTOS {
			c.emit(bytecode.SWAP, 2, *loc)
		}
		c.emit(bytecode.POP_BLOCK, 0, *loc)
		c.emit(bytecode.POP_EXCEPT, 0, *loc)
		if fb.hasName {
			c.loadConst(nil, *loc)
			c.nameOp(*loc, fb.name, syntax.Store)
			c.nameOp(*loc, fb.name, syntax.Del)
		}
	case fbPopValue:
		if preserveTOS {
			c.emit(bytecode.SWAP, 2, *loc)
		}
		c.emit(bytecode.POP_TOP, 0, *loc)
	}
}

// unwindFblockStack unwinds every frame block, or, when toLoop is set,
// those inside the innermost loop, which it returns (nil if none).
func (c *compiler) unwindFblockStack(loc *bytecode.Pos, preserveTOS, toLoop bool) *fblockInfo {
	u := c.u
	n := len(u.fblock)
	if n == 0 {
		return nil
	}
	top := u.fblock[n-1]
	if top.kind == fbExceptionGroupHandler {
		c.errorAt(*loc, "'break', 'continue' and 'return' cannot appear in an except* block")
	}
	if toLoop && (top.kind == fbWhileLoop || top.kind == fbForLoop) {
		return &top
	}
	u.fblock = u.fblock[:n-1]
	c.unwindFblock(loc, top, preserveTOS)
	loop := c.unwindFblockStack(loc, preserveTOS, toLoop)
	u.fblock = append(u.fblock, top)
	return loop
}

func (c *compiler) callExitWithNones(loc bytecode.Pos) {
	c.loadConst(nil, loc)
	c.loadConst(nil, loc)
	c.loadConst(nil, loc)
	c.emit(bytecode.CALL, 2, loc) // exit(None, None, None)
}

func (c *compiler) popExceptAndReraise(loc bytecode.Pos) {
	// (lasti, prev, exc) after the handler stack: restore prev, re-raise.
	c.emit(bytecode.COPY, 3, loc)
	c.emit(bytecode.POP_EXCEPT, 0, loc)
	c.emit(bytecode.RERAISE, 1, loc)
}

// tryFinally compiles try ... finally, with or without except clauses.
func (c *compiler) tryFinally(loc bytecode.Pos, body []syntax.Stmt, handlers []*syntax.ExceptHandler, orelse, finalBody []syntax.Stmt, star bool) {
	bodyB, end, exit, cleanup := c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock()
	c.emitJump(bytecode.SETUP_FINALLY, end, loc)
	c.useBlock(bodyB)
	c.pushFblock(loc, fblockInfo{kind: fbFinallyTry, block: bodyB, exit: end, finalBody: finalBody})
	switch {
	case len(handlers) > 0 && star:
		c.tryStarExcept(loc, body, handlers, orelse)
	case len(handlers) > 0:
		c.tryExcept(loc, body, handlers, orelse)
	default:
		c.visitStmts(body)
	}
	c.emit(bytecode.POP_BLOCK, 0, noLoc)
	c.popFblock()
	c.visitStmts(finalBody)
	c.emitJump(bytecode.JUMP, exit, noLoc)

	c.useBlock(end)
	c.emitJump(bytecode.SETUP_CLEANUP, cleanup, noLoc)
	c.emit(bytecode.PUSH_EXC_INFO, 0, noLoc)
	c.pushFblock(noLoc, fblockInfo{kind: fbFinallyEnd, block: end})
	c.visitStmts(finalBody)
	c.popFblock()
	c.emit(bytecode.RERAISE, 0, noLoc)

	c.useBlock(cleanup)
	c.popExceptAndReraise(noLoc)
	c.useBlock(exit)
}

// tryExcept compiles try ... except ... else.
func (c *compiler) tryExcept(loc bytecode.Pos, body []syntax.Stmt, handlers []*syntax.ExceptHandler, orelse []syntax.Stmt) {
	bodyB, except, end, cleanup := c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock()
	c.emitJump(bytecode.SETUP_FINALLY, except, loc)
	c.useBlock(bodyB)
	c.pushFblock(loc, fblockInfo{kind: fbTryExcept, block: bodyB})
	c.visitStmts(body)
	c.popFblock()
	c.emit(bytecode.POP_BLOCK, 0, noLoc)
	c.visitStmts(orelse)
	c.emitJump(bytecode.JUMP, end, noLoc)

	c.useBlock(except)
	c.emitJump(bytecode.SETUP_CLEANUP, cleanup, noLoc)
	c.emit(bytecode.PUSH_EXC_INFO, 0, noLoc) // (exc -- prev, exc)
	c.pushFblock(loc, fblockInfo{kind: fbExceptionHandler})
	for i, h := range handlers {
		hloc := locOf(h)
		if h.Type == nil && i < len(handlers)-1 {
			c.errorAt(hloc, "default 'except:' must be last")
		}
		next := c.newBlock()
		if h.Type != nil {
			c.visitExpr(h.Type)
			c.emit(bytecode.CHECK_EXC_MATCH, 0, hloc) // (exc, type -- exc, b)
			c.emitJump(bytecode.POP_JUMP_IF_FALSE, next, hloc)
		}
		if h.Name != "" {
			cleanupEnd, cleanupBody := c.newBlock(), c.newBlock()
			c.nameOp(hloc, h.Name, syntax.Store)
			c.emitJump(bytecode.SETUP_CLEANUP, cleanupEnd, hloc)
			c.useBlock(cleanupBody)
			c.pushFblock(hloc, fblockInfo{kind: fbHandlerCleanup, block: cleanupBody, name: h.Name, hasName: true})
			c.visitStmts(h.Body)
			c.popFblock()
			c.emit(bytecode.POP_BLOCK, 0, noLoc)
			c.emit(bytecode.POP_BLOCK, 0, noLoc)
			c.emit(bytecode.POP_EXCEPT, 0, noLoc)
			c.loadConst(nil, noLoc)
			c.nameOp(noLoc, h.Name, syntax.Store)
			c.nameOp(noLoc, h.Name, syntax.Del)
			c.emitJump(bytecode.JUMP, end, noLoc)

			c.useBlock(cleanupEnd)
			c.loadConst(nil, noLoc)
			c.nameOp(noLoc, h.Name, syntax.Store)
			c.nameOp(noLoc, h.Name, syntax.Del)
			c.emit(bytecode.RERAISE, 1, noLoc)
		} else {
			cleanupBody := c.newBlock()
			c.emit(bytecode.POP_TOP, 0, hloc) // exc_value
			c.useBlock(cleanupBody)
			c.pushFblock(hloc, fblockInfo{kind: fbHandlerCleanup, block: cleanupBody})
			c.visitStmts(h.Body)
			c.popFblock()
			c.emit(bytecode.POP_BLOCK, 0, noLoc)
			c.emit(bytecode.POP_EXCEPT, 0, noLoc)
			c.emitJump(bytecode.JUMP, end, noLoc)
		}
		c.useBlock(next)
	}
	c.popFblock()
	c.emit(bytecode.RERAISE, 0, noLoc)
	c.useBlock(cleanup)
	c.popExceptAndReraise(noLoc)
	c.useBlock(end)
}

// tryStarExcept compiles try ... except* ... else (PEP 654).
func (c *compiler) tryStarExcept(loc bytecode.Pos, body []syntax.Stmt, handlers []*syntax.ExceptHandler, orelse []syntax.Stmt) {
	bodyB, except, orelseB, end, cleanup, reraiseStar := c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock()
	c.emitJump(bytecode.SETUP_FINALLY, except, loc)
	c.useBlock(bodyB)
	c.pushFblock(loc, fblockInfo{kind: fbTryExcept, block: bodyB})
	c.visitStmts(body)
	c.popFblock()
	c.emit(bytecode.POP_BLOCK, 0, noLoc)
	c.emitJump(bytecode.JUMP, orelseB, noLoc)

	c.useBlock(except)
	c.emitJump(bytecode.SETUP_CLEANUP, cleanup, noLoc)
	c.emit(bytecode.PUSH_EXC_INFO, 0, noLoc)
	c.pushFblock(loc, fblockInfo{kind: fbExceptionGroupHandler})
	n := len(handlers)
	for i, h := range handlers {
		hloc := locOf(h)
		next := c.newBlock()
		exceptWithError, noMatch := c.newBlock(), c.newBlock()
		if i == 0 {
			// (orig) -> (orig, [], exc): a list for the raised and
			// re-raised exceptions, and a copy of the group.
			c.emit(bytecode.BUILD_LIST, 0, hloc)
			c.emit(bytecode.COPY, 2, hloc)
		}
		if h.Type != nil {
			c.visitExpr(h.Type)
			c.emit(bytecode.CHECK_EG_MATCH, 0, hloc) // (exc, type -- rest, match)
			c.emit(bytecode.COPY, 1, hloc)
			c.emitJump(bytecode.POP_JUMP_IF_NONE, noMatch, hloc)
		}
		cleanupEnd, cleanupBody := c.newBlock(), c.newBlock()
		if h.Name != "" {
			c.nameOp(hloc, h.Name, syntax.Store)
		} else {
			c.emit(bytecode.POP_TOP, 0, hloc) // match
		}
		c.emitJump(bytecode.SETUP_CLEANUP, cleanupEnd, hloc)
		c.useBlock(cleanupBody)
		c.pushFblock(hloc, fblockInfo{kind: fbHandlerCleanup, block: cleanupBody, name: h.Name, hasName: h.Name != ""})
		c.visitStmts(h.Body)
		c.popFblock()
		c.emit(bytecode.POP_BLOCK, 0, noLoc)
		if h.Name != "" {
			c.loadConst(nil, noLoc)
			c.nameOp(noLoc, h.Name, syntax.Store)
			c.nameOp(noLoc, h.Name, syntax.Del)
		}
		c.emitJump(bytecode.JUMP, next, noLoc)

		c.useBlock(cleanupEnd)
		if h.Name != "" {
			c.loadConst(nil, noLoc)
			c.nameOp(noLoc, h.Name, syntax.Store)
			c.nameOp(noLoc, h.Name, syntax.Del)
		}
		c.emit(bytecode.LIST_APPEND, 3, noLoc) // exc into the list
		c.emit(bytecode.POP_TOP, 0, noLoc)     // lasti
		c.emitJump(bytecode.JUMP, exceptWithError, noLoc)

		c.useBlock(next)
		c.emit(bytecode.NOP, 0, noLoc)
		c.emitJump(bytecode.JUMP, exceptWithError, noLoc)

		c.useBlock(noMatch)
		c.emit(bytecode.POP_TOP, 0, hloc) // match (None)

		c.useBlock(exceptWithError)
		if i == n-1 {
			c.emit(bytecode.LIST_APPEND, 1, noLoc)
			c.emitJump(bytecode.JUMP, reraiseStar, noLoc)
		}
	}
	c.popFblock()
	reraise := c.newBlock()
	c.useBlock(reraiseStar)
	c.emit(bytecode.CALL_INTRINSIC_2, int(bytecode.INTRINSIC_PREP_RERAISE_STAR), noLoc)
	c.emit(bytecode.COPY, 1, noLoc)
	c.emitJump(bytecode.POP_JUMP_IF_NOT_NONE, reraise, noLoc)
	c.emit(bytecode.POP_TOP, 0, noLoc)
	c.emit(bytecode.POP_BLOCK, 0, noLoc)
	c.emit(bytecode.POP_EXCEPT, 0, noLoc)
	c.emitJump(bytecode.JUMP, end, noLoc)

	c.useBlock(reraise)
	c.emit(bytecode.POP_BLOCK, 0, noLoc)
	c.emit(bytecode.SWAP, 2, noLoc)
	c.emit(bytecode.POP_EXCEPT, 0, noLoc)
	c.emit(bytecode.RERAISE, 0, noLoc)

	c.useBlock(cleanup)
	c.popExceptAndReraise(noLoc)

	c.useBlock(orelseB)
	c.visitStmts(orelse)
	c.useBlock(end)
}

// withStmt compiles item pos of a with statement and, nested inside it,
// the remaining items and the body.
//
//	<expr>; BEFORE_WITH                 (mgr -- exit, res)
//	SETUP_WITH final; <store or POP_TOP res>
//	<body>; POP_BLOCK
//	exit(None, None, None); POP_TOP; JUMP exit
//	final: SETUP_CLEANUP cleanup; PUSH_EXC_INFO; WITH_EXCEPT_START
//	       POP_JUMP_IF_TRUE suppress; RERAISE 2
//	suppress: POP_TOP; POP_BLOCK; POP_EXCEPT; POP_TOP; POP_TOP; JUMP exit
//	cleanup: COPY 3; POP_EXCEPT; RERAISE 1
func (c *compiler) withStmt(s *syntax.With, pos int) {
	item := s.Items[pos]
	blockB, final, exit, cleanup := c.newBlock(), c.newBlock(), c.newBlock(), c.newBlock()
	c.visitExpr(item.ContextExpr)
	loc := locOf(s)
	c.emit(bytecode.BEFORE_WITH, 0, loc)
	c.emitJump(bytecode.SETUP_WITH, final, loc)
	c.useBlock(blockB)
	c.pushFblock(loc, fblockInfo{kind: fbWith, block: blockB, exit: final, withLoc: loc})
	if item.OptionalVars != nil {
		c.visitExpr(item.OptionalVars)
	} else {
		c.emit(bytecode.POP_TOP, 0, loc)
	}
	pos++
	if pos == len(s.Items) {
		c.visitStmts(s.Body)
	} else {
		c.withStmt(s, pos)
	}
	c.emit(bytecode.POP_BLOCK, 0, noLoc)
	c.popFblock()
	c.callExitWithNones(loc)
	c.emit(bytecode.POP_TOP, 0, loc)
	c.emitJump(bytecode.JUMP, exit, loc)

	c.useBlock(final)
	c.emitJump(bytecode.SETUP_CLEANUP, cleanup, loc)
	c.emit(bytecode.PUSH_EXC_INFO, 0, loc)
	c.emit(bytecode.WITH_EXCEPT_START, 0, loc)
	c.withExceptFinish(cleanup)
	c.useBlock(exit)
}

func (c *compiler) withExceptFinish(cleanup *block) {
	suppress, exit := c.newBlock(), c.newBlock()
	c.emitJump(bytecode.POP_JUMP_IF_TRUE, suppress, noLoc)
	c.emit(bytecode.RERAISE, 2, noLoc)
	c.useBlock(suppress)
	c.emit(bytecode.POP_TOP, 0, noLoc) // exc_value
	c.emit(bytecode.POP_BLOCK, 0, noLoc)
	c.emit(bytecode.POP_EXCEPT, 0, noLoc)
	c.emit(bytecode.POP_TOP, 0, noLoc)
	c.emit(bytecode.POP_TOP, 0, noLoc)
	c.emitJump(bytecode.JUMP, exit, noLoc)
	c.useBlock(cleanup)
	c.popExceptAndReraise(noLoc)
	c.useBlock(exit)
}
