package compile

import (
	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Functions, lambdas, classes, closures and comprehensions.

// checkDebugArgs rejects a parameter named __debug__.
func (c *compiler) checkDebugArgs(a *syntax.Arguments) {
	for _, list := range [][]*syntax.Arg{a.Posonlyargs, a.Args, {a.Vararg}, a.Kwonlyargs, {a.Kwarg}} {
		for _, arg := range list {
			if arg != nil {
				c.forbiddenName(locOf(arg), arg.Arg, syntax.Store)
			}
		}
	}
}

// defaultArguments pushes the defaults tuple and the keyword-only
// defaults dict and returns the MAKE_FUNCTION flags for them.
func (c *compiler) defaultArguments(loc bytecode.Pos, a *syntax.Arguments) int {
	flags := 0
	if len(a.Defaults) > 0 {
		for _, d := range a.Defaults {
			c.visitExpr(d)
		}
		c.emit(bytecode.BUILD_TUPLE, len(a.Defaults), loc)
		flags |= int(bytecode.MAKE_FUNCTION_DEFAULTS)
	}
	var keys ConstTuple
	for i, arg := range a.Kwonlyargs {
		if i < len(a.KwDefaults) && a.KwDefaults[i] != nil {
			keys = append(keys, c.mangle(arg.Arg))
			c.visitExpr(a.KwDefaults[i])
		}
	}
	if len(keys) > 0 {
		c.loadConst(keys, loc)
		c.emit(bytecode.BUILD_CONST_KEY_MAP, len(keys), loc)
		flags |= int(bytecode.MAKE_FUNCTION_KWDEFAULTS)
	}
	return flags
}

// annotations pushes the (name, value, ...) tuple of a def's annotations
// and reports whether there were any.
func (c *compiler) annotations(loc bytecode.Pos, a *syntax.Arguments, returns syntax.Expr) bool {
	n := 0
	one := func(name string, ann syntax.Expr) {
		if ann == nil {
			return
		}
		c.loadConst(c.mangle(name), loc)
		if c.future&CO_FUTURE_ANNOTATIONS != 0 {
			c.loadConst(unparse(ann), loc)
		} else if s, ok := ann.(*syntax.Starred); ok {
			c.visitExpr(s.Value)
			c.emit(bytecode.UNPACK_SEQUENCE, 1, loc)
		} else {
			c.visitExpr(ann)
		}
		n += 2
	}
	for _, arg := range a.Args {
		one(arg.Arg, arg.Annotation)
	}
	for _, arg := range a.Posonlyargs {
		one(arg.Arg, arg.Annotation)
	}
	if a.Vararg != nil {
		one(a.Vararg.Arg, a.Vararg.Annotation)
	}
	for _, arg := range a.Kwonlyargs {
		one(arg.Arg, arg.Annotation)
	}
	if a.Kwarg != nil {
		one(a.Kwarg.Arg, a.Kwarg.Annotation)
	}
	one("return", returns)
	if n > 0 {
		c.emit(bytecode.BUILD_TUPLE, n, loc)
		return true
	}
	return false
}

func (c *compiler) functionDef(s *syntax.FunctionDef) {
	c.function(s, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, s.TypeParams, false)
}

// function compiles def and async def (node is the statement, which
// keys its symbol table scope).
func (c *compiler) function(node syntax.Stmt, name string, args *syntax.Arguments, body []syntax.Stmt, decorators []syntax.Expr, returns syntax.Expr, typeParams []syntax.TypeParam, isAsync bool) {
	c.checkDebugArgs(args)
	for _, d := range decorators {
		c.visitExpr(d)
	}
	firstLine := node.Location().Lineno
	if len(decorators) > 0 {
		firstLine = decorators[0].Location().Lineno
	}
	loc := locOf(node)
	generic := len(typeParams) > 0
	if generic {
		c.emit(bytecode.PUSH_NULL, 0, loc)
	}
	flags := c.defaultArguments(loc, args)
	typeParamArgs := 0
	if generic {
		typeParamArgs = c.enterGenericFunction(loc, node, name, firstLine, typeParams, flags)
	}
	if c.annotations(loc, args, returns) {
		flags |= int(bytecode.MAKE_FUNCTION_ANNOTATIONS)
	}

	c.enterScope(name, scopeFunction, node, firstLine)
	c.u.isAsync = isAsync
	doc, hasDoc := docstringOf(body)
	if c.opts.Optimize >= 2 {
		hasDoc = false
	}
	if hasDoc {
		c.u.addConst(doc)
	} else {
		c.u.addConst(nil)
	}
	c.u.argCount = len(args.Args) + len(args.Posonlyargs)
	c.u.posOnlyArgCount = len(args.Posonlyargs)
	c.u.kwOnlyArgCount = len(args.Kwonlyargs)
	if hasDoc {
		body = body[1:]
	}
	c.visitStmts(body)
	if c.u.ste.Generator || c.u.ste.Coroutine {
		c.wrapInStopIterationHandler()
	}
	code := c.assemble(true)
	c.exitScope()

	c.makeClosure(loc, code, flags)
	if generic {
		c.exitGenericFunction(loc, typeParamArgs)
	}
	for i := len(decorators) - 1; i >= 0; i-- {
		c.emit(bytecode.CALL, 0, locOf(decorators[i]))
	}
	c.nameOp(loc, name, syntax.Store)
}

// wrapInStopIterationHandler guards a generator body: a StopIteration
// leaking out of it becomes a RuntimeError (PEP 479). The SETUP_CLEANUP
// goes before everything, RESUME included.
func (c *compiler) wrapInStopIterationHandler() {
	u := c.u
	handler := c.newBlock()
	u.entry.instrs = append([]instr{{op: bytecode.SETUP_CLEANUP, target: handler, loc: noLoc}}, u.entry.instrs...)
	c.loadConst(nil, noLoc)
	c.emit(bytecode.RETURN_VALUE, 0, noLoc)
	c.useBlock(handler)
	c.emit(bytecode.CALL_INTRINSIC_1, int(bytecode.INTRINSIC_STOPITERATION_ERROR), noLoc)
	c.emit(bytecode.RERAISE, 1, noLoc)
}

func (c *compiler) lambda(e *syntax.Lambda) {
	c.checkDebugArgs(e.Args)
	loc := locOf(e)
	flags := c.defaultArguments(loc, e.Args)
	c.enterScope("<lambda>", scopeLambda, e, e.Lineno)
	c.u.addConst(nil) // so that a lambda has no docstring
	c.u.argCount = len(e.Args.Args) + len(e.Args.Posonlyargs)
	c.u.posOnlyArgCount = len(e.Args.Posonlyargs)
	c.u.kwOnlyArgCount = len(e.Args.Kwonlyargs)
	c.visitExpr(e.Body)
	var code *Code
	if c.u.ste.Generator {
		code = c.assemble(false)
	} else {
		c.emit(bytecode.RETURN_VALUE, 0, bytecode.Pos{Line: e.Lineno, EndLine: e.Lineno, Col: 0, EndCol: 0})
		code = c.assemble(true)
	}
	c.exitScope()
	c.makeClosure(loc, code, flags)
}

// makeClosure pushes a function object for code: its free variables'
// cells (LOAD_CLOSURE of the cells or frees of the current unit), the
// code constant, then MAKE_FUNCTION with flags.
func (c *compiler) makeClosure(loc bytecode.Pos, code *Code, flags int) {
	frees := code.Freevars()
	if len(frees) > 0 {
		for _, name := range frees {
			c.emit(bytecode.LOAD_CLOSURE, c.derefIndex(name, c.refType(name) == Cell), loc)
		}
		flags |= int(bytecode.MAKE_FUNCTION_CLOSURE)
		c.emit(bytecode.BUILD_TUPLE, len(frees), loc)
	}
	c.loadConst(code, loc)
	c.emit(bytecode.MAKE_FUNCTION, flags, loc)
}

func (c *compiler) classDef(s *syntax.ClassDef) {
	for _, d := range s.DecoratorList {
		c.visitExpr(d)
	}
	firstLine := s.Lineno
	if len(s.DecoratorList) > 0 {
		firstLine = s.DecoratorList[0].Location().Lineno
	}
	loc := locOf(s)
	generic := len(s.TypeParams) > 0
	if generic {
		c.enterGenericClass(s, firstLine)
	}

	c.enterScope(s.Name, scopeClass, s, firstLine)
	c.u.private = s.Name
	// The body's preamble is at the start of the first line, as CPython's.
	bodyLoc := bytecode.Pos{Line: firstLine, EndLine: firstLine, Col: 0, EndCol: 0}
	c.nameOp(bodyLoc, "__name__", syntax.Load)
	c.nameOp(bodyLoc, "__module__", syntax.Store)
	c.loadConst(c.u.qualname, bodyLoc)
	c.nameOp(bodyLoc, "__qualname__", syntax.Store)
	if generic {
		c.setTypeParamsInClass(bodyLoc)
	}
	if c.u.ste.NeedsClassdict {
		c.emit(bytecode.LOAD_LOCALS, 0, bodyLoc)
		c.emit(bytecode.STORE_DEREF, c.derefIndex("__classdict__", true), bodyLoc)
	}
	c.body(bodyLoc, s.Body, false)
	if c.u.ste.NeedsClassdict {
		c.emit(bytecode.LOAD_CLOSURE, c.derefIndex("__classdict__", true), noLoc)
		c.emitName(bytecode.STORE_NAME, "__classdictcell__", noLoc)
	}
	if c.u.ste.NeedsClassClosure {
		c.emit(bytecode.LOAD_CLOSURE, c.derefIndex("__class__", true), noLoc)
		c.emit(bytecode.COPY, 1, noLoc)
		c.emitName(bytecode.STORE_NAME, "__classcell__", noLoc)
	} else {
		c.loadConst(nil, noLoc)
	}
	c.emit(bytecode.RETURN_VALUE, 0, noLoc)
	code := c.assemble(true)
	c.exitScope()

	c.emit(bytecode.PUSH_NULL, 0, loc)
	c.emit(bytecode.LOAD_BUILD_CLASS, 0, loc) // ( -- __build_class__)
	c.makeClosure(loc, code, 0)
	c.loadConst(s.Name, loc)
	if generic {
		c.callGenericBuildClass(s)
	} else {
		c.callHelper(loc, 2, s.Bases, s.Keywords)
	}
	for i := len(s.DecoratorList) - 1; i >= 0; i-- {
		c.emit(bytecode.CALL, 0, locOf(s.DecoratorList[i]))
	}
	c.nameOp(loc, s.Name, syntax.Store)
}

// --- comprehensions ---

type compType uint8

const (
	compGenexp compType = iota
	compList
	compSet
	compDict
)

// inlineState is what an inlined comprehension (PEP 709) saved of the
// enclosing unit.
type inlineState struct {
	pushedLocals []string
	tempSymbols  map[string]SymbolScope // previous overrides (or absent)
	hadTemp      map[string]bool
	fastHidden   []string
	cleanup, end *block
}

func (c *compiler) comprehension(e syntax.Expr, typ compType, name string, gens []*syntax.Comprehension, elt, val syntax.Expr) {
	loc := locOf(e)
	entry := c.st.Lookup(e)
	if entry == nil {
		c.errorAt(loc, "internal error: no scope for comprehension")
	}
	outermost := gens[0]
	inlined := entry.CompInlined
	isAsync := entry.Coroutine
	outerAsync := c.u.isAsync || c.u.scopeType == scopeComprehension
	var state inlineState
	if inlined {
		c.visitExpr(c.foldIter(outermost.Iter))
		c.emit(compIterOp(outermost), 0, loc)
		state = c.pushInlinedComprehension(loc, entry)
	} else {
		c.enterScope(name, scopeComprehension, e, e.Location().Lineno)
	}
	if isAsync && typ != compGenexp && !outerAsync {
		c.errorAt(loc, "asynchronous comprehension outside of an asynchronous function")
	}
	if typ != compGenexp {
		op := map[compType]bytecode.Op{compList: bytecode.BUILD_LIST, compSet: bytecode.BUILD_SET, compDict: bytecode.BUILD_MAP}[typ]
		c.emit(op, 0, loc)
		if inlined {
			c.emit(bytecode.SWAP, 2, loc)
		}
	}
	c.comprehensionGenerator(loc, gens, 0, 0, elt, val, typ, inlined)
	if inlined {
		c.popInlinedComprehension(loc, state)
		return
	}
	if typ != compGenexp {
		c.emit(bytecode.RETURN_VALUE, 0, loc)
	} else {
		c.wrapInStopIterationHandler()
	}
	code := c.assemble(true)
	c.exitScope()
	c.makeClosure(loc, code, 0)
	c.visitExpr(c.foldIter(outermost.Iter))
	c.emit(compIterOp(outermost), 0, loc)
	c.emit(bytecode.CALL, 0, loc)
	if isAsync && typ != compGenexp {
		c.awaitTop(loc, 0)
	}
}

func (c *compiler) comprehensionGenerator(loc bytecode.Pos, gens []*syntax.Comprehension, index, depth int, elt, val syntax.Expr, typ compType, iterOnStack bool) {
	if gens[index].IsAsync != 0 {
		c.asyncComprehensionGenerator(loc, gens, index, depth, elt, val, typ, iterOnStack)
		return
	}
	start, ifCleanup, anchor := c.newBlock(), c.newBlock(), c.newBlock()
	gen := gens[index]
	if !iterOnStack {
		if index == 0 {
			c.u.argCount = 1
			c.emit(bytecode.LOAD_FAST, 0, loc) // the implicit .0 parameter
		} else {
			iter := c.foldIter(gen.Iter)
			var elts []syntax.Expr
			switch it := gen.Iter.(type) {
			case *syntax.List:
				elts = it.Elts
			case *syntax.Tuple:
				elts = it.Elts
			}
			if len(elts) == 1 {
				if _, ok := elts[0].(*syntax.Starred); !ok {
					// for y in [f(x)]: a plain assignment.
					c.visitExpr(elts[0])
					start = nil
				}
			}
			if start != nil {
				c.visitExpr(iter)
				c.emit(bytecode.GET_ITER, 0, loc)
			}
		}
	}
	if start != nil {
		depth++
		c.useBlock(start)
		c.emitJump(bytecode.FOR_ITER, anchor, loc)
	}
	c.visitExpr(gen.Target)
	for _, cond := range gen.Ifs {
		c.jumpIf(loc, cond, ifCleanup, false)
	}
	index++
	if index < len(gens) {
		c.comprehensionGenerator(loc, gens, index, depth, elt, val, typ, false)
	}
	eltLoc := locOf(elt)
	if index >= len(gens) {
		switch typ {
		case compGenexp:
			c.visitExpr(elt)
			c.emitYield(eltLoc)
			c.emit(bytecode.POP_TOP, 0, eltLoc)
		case compList:
			c.visitExpr(elt)
			c.emit(bytecode.LIST_APPEND, depth+1, eltLoc)
		case compSet:
			c.visitExpr(elt)
			c.emit(bytecode.SET_ADD, depth+1, eltLoc)
		case compDict:
			c.visitExpr(elt)
			c.visitExpr(val)
			vl := val.Location()
			eltLoc = bytecode.Pos{Line: eltLoc.Line, EndLine: vl.EndLineno, Col: eltLoc.Col, EndCol: vl.EndColOffset}
			c.emit(bytecode.MAP_ADD, depth+1, eltLoc)
		}
	}
	c.useBlock(ifCleanup)
	if start != nil {
		c.emitJump(bytecode.JUMP, start, eltLoc)
		c.useBlock(anchor)
		c.emit(bytecode.END_FOR, 0, noLoc)
	}
}

// pushInlinedComprehension isolates the names an inlined comprehension
// binds: each is saved on the stack (LOAD_FAST_AND_CLEAR, with a fresh
// cell if the comprehension's own closures capture it), names whose scope
// differs inside are temporarily re-resolved, and in a module or class
// body they use fast locals. With the iterator on top:
//
//	(iter) -> (saved..., iter), then SETUP_FINALLY cleanup
func (c *compiler) pushInlinedComprehension(loc bytecode.Pos, entry *Scope) inlineState {
	u := c.u
	inClass := u.ste.Kind == ClassScope && u.inInlineComp == 0
	u.inInlineComp++
	st := inlineState{tempSymbols: map[string]SymbolScope{}, hadTemp: map[string]bool{}}
	for _, sym := range entry.Symbols {
		name := sym.Name
		scope := sym.Scope
		outsc := c.scopeOf(name)
		if (scope != outsc && scope != Free && !(scope == Cell && outsc == Free)) || inClass {
			if _, done := st.tempSymbols[name]; !done {
				prev, had := u.tempScopes[name]
				st.tempSymbols[name] = prev
				st.hadTemp[name] = had
			}
			if u.tempScopes == nil {
				u.tempScopes = map[string]SymbolScope{}
			}
			u.tempScopes[name] = scope
		}
		if (sym.Flags&DefLocal != 0 && sym.Flags&DefNonlocal == 0) || inClass {
			if !c.isFunctionLike() && !u.fastHidden[name] {
				u.fastHidden[name] = true
				u.everHidden[name] = true
				st.fastHidden = append(st.fastHidden, name)
			}
			c.emit(bytecode.LOAD_FAST_AND_CLEAR, u.addVarname(name), loc)
			if scope == Cell {
				c.emit(bytecode.MAKE_CELL, c.derefIndex(name, outsc != Free), loc)
			}
			st.pushedLocals = append(st.pushedLocals, name)
		}
	}
	if len(st.pushedLocals) > 0 {
		c.emit(bytecode.SWAP, len(st.pushedLocals)+1, loc)
		st.cleanup, st.end = c.newBlock(), c.newBlock()
		c.emitJump(bytecode.SETUP_FINALLY, st.cleanup, loc)
	}
	return st
}

func (c *compiler) restoreInlinedLocals(loc bytecode.Pos, st inlineState) {
	n := len(st.pushedLocals)
	c.emit(bytecode.SWAP, n+1, loc)
	for i := n - 1; i >= 0; i-- {
		c.emit(bytecode.STORE_FAST_MAYBE_NULL, c.u.addVarname(st.pushedLocals[i]), loc)
	}
}

func (c *compiler) popInlinedComprehension(loc bytecode.Pos, st inlineState) {
	u := c.u
	u.inInlineComp--
	for name, prev := range st.tempSymbols {
		if st.hadTemp[name] {
			u.tempScopes[name] = prev
		} else {
			delete(u.tempScopes, name)
		}
	}
	if len(st.pushedLocals) > 0 {
		c.emit(bytecode.POP_BLOCK, 0, noLoc)
		c.emitJump(bytecode.JUMP, st.end, noLoc)
		c.useBlock(st.cleanup)
		// (saved..., partial result, exc): drop the partial result.
		c.emit(bytecode.SWAP, 2, noLoc)
		c.emit(bytecode.POP_TOP, 0, noLoc)
		c.restoreInlinedLocals(loc, st)
		c.emit(bytecode.RERAISE, 0, noLoc)
		c.useBlock(st.end)
		c.restoreInlinedLocals(loc, st)
	}
	for _, name := range st.fastHidden {
		delete(u.fastHidden, name)
	}
}
