package compile

import (
	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
)

// visitExpr compiles an expression: in Load context it leaves one value on
// the stack; in Store context it consumes one; in Del context, none.
func (c *compiler) visitExpr(e syntax.Expr) {
	e = c.fold(e)
	loc := locOf(e)
	switch e := e.(type) {
	case *syntax.NamedExpr:
		c.visitExpr(e.Value)
		c.emit(bytecode.COPY, 1, loc)
		c.visitExpr(e.Target)
	case *syntax.BoolOp:
		jump := bytecode.POP_JUMP_IF_FALSE
		if e.Op == syntax.Or {
			jump = bytecode.POP_JUMP_IF_TRUE
		}
		end := c.newBlock()
		n := len(e.Values) - 1
		for _, v := range e.Values[:n] {
			c.visitExpr(v)
			c.emit(bytecode.COPY, 1, loc)
			c.emitJump(jump, end, loc)
			c.emit(bytecode.POP_TOP, 0, loc)
		}
		c.visitExpr(e.Values[n])
		c.useBlock(end)
	case *syntax.BinOp:
		c.visitExpr(e.Left)
		c.visitExpr(e.Right)
		c.emit(bytecode.BINARY_OP, int(binaryOp(e.Op)), loc) // (lhs, rhs -- res)
	case *syntax.UnaryOp:
		c.visitExpr(e.Operand)
		switch e.Op {
		case syntax.UAdd:
			c.emit(bytecode.CALL_INTRINSIC_1, int(bytecode.INTRINSIC_UNARY_POSITIVE), loc)
		case syntax.USub:
			c.emit(bytecode.UNARY_NEGATIVE, 0, loc)
		case syntax.Not:
			c.emit(bytecode.UNARY_NOT, 0, loc)
		case syntax.Invert:
			c.emit(bytecode.UNARY_INVERT, 0, loc)
		}
	case *syntax.Lambda:
		c.lambda(e)
	case *syntax.IfExp:
		end, next := c.newBlock(), c.newBlock()
		c.jumpIf(loc, e.Test, next, false)
		c.visitExpr(e.Body)
		c.emitJump(bytecode.JUMP, end, noLoc)
		c.useBlock(next)
		c.visitExpr(e.Orelse)
		c.useBlock(end)
	case *syntax.Dict:
		c.dict(e)
	case *syntax.Set:
		c.starunpack(loc, e.Elts, 0, bytecode.BUILD_SET, bytecode.SET_ADD, bytecode.SET_UPDATE, false)
	case *syntax.GeneratorExp:
		c.comprehension(e, compGenexp, "<genexpr>", e.Generators, e.Elt, nil)
	case *syntax.ListComp:
		c.comprehension(e, compList, "<listcomp>", e.Generators, e.Elt, nil)
	case *syntax.SetComp:
		c.comprehension(e, compSet, "<setcomp>", e.Generators, e.Elt, nil)
	case *syntax.DictComp:
		c.comprehension(e, compDict, "<dictcomp>", e.Generators, e.Key, e.Value)
	case *syntax.Yield:
		if !c.isFunctionLike() {
			c.errorAt(loc, "'yield' outside function")
		}
		if e.Value != nil {
			c.visitExpr(e.Value)
		} else {
			c.loadConst(nil, loc)
		}
		c.emitYield(loc)
	case *syntax.YieldFrom:
		if !c.isFunctionLike() {
			c.errorAt(loc, "'yield' outside function")
		}
		if c.u.isAsync {
			c.errorAt(loc, "'yield from' inside async function")
		}
		c.visitExpr(e.Value)
		c.emit(bytecode.GET_YIELD_FROM_ITER, 0, loc) // (iterable -- iter)
		c.loadConst(nil, loc)
		c.yieldFrom(loc)
	case *syntax.Await:
		c.await(e)
	case *syntax.Compare:
		c.compare(e)
	case *syntax.Call:
		c.call(e)
	case *syntax.Constant:
		c.loadConst(c.constValue(e), loc)
	case *syntax.JoinedStr:
		c.joinedStr(e)
	case *syntax.FormattedValue:
		c.formattedValue(e)
	case *syntax.Attribute:
		c.attribute(e)
	case *syntax.Subscript:
		c.subscript(e)
	case *syntax.Starred:
		switch e.Ctx {
		case syntax.Store:
			c.errorAt(loc, "starred assignment target must be in a list or tuple")
		default:
			c.errorAt(loc, "can't use starred expression here")
		}
	case *syntax.Slice:
		n := c.slice(e)
		c.emit(bytecode.BUILD_SLICE, n, loc)
	case *syntax.Name:
		c.nameOp(loc, e.ID, e.Ctx)
	case *syntax.List:
		switch e.Ctx {
		case syntax.Store:
			c.assignmentHelper(loc, e.Elts)
		case syntax.Load:
			c.starunpack(loc, e.Elts, 0, bytecode.BUILD_LIST, bytecode.LIST_APPEND, bytecode.LIST_EXTEND, false)
		default:
			for _, x := range e.Elts {
				c.visitExpr(x)
			}
		}
	case *syntax.Tuple:
		switch e.Ctx {
		case syntax.Store:
			c.assignmentHelper(loc, e.Elts)
		case syntax.Load:
			c.starunpack(loc, e.Elts, 0, bytecode.BUILD_LIST, bytecode.LIST_APPEND, bytecode.LIST_EXTEND, true)
		default:
			for _, x := range e.Elts {
				c.visitExpr(x)
			}
		}
	default:
		c.errorAt(loc, "unknown expression %s", e.NodeName())
	}
}

// constValue returns the Const for a Constant node.
func (c *compiler) constValue(k *syntax.Constant) Const {
	switch v := k.Value.(type) {
	case foldedTuple:
		return ConstTuple(v)
	case foldedFrozenSet:
		return ConstFrozenSet(v)
	}
	return Const(k.Value)
}

func (c *compiler) emitYield(loc bytecode.Pos) {
	if c.u.ste.Generator && c.u.ste.Coroutine {
		c.emit(bytecode.CALL_INTRINSIC_1, int(bytecode.INTRINSIC_ASYNC_GEN_WRAP), loc)
	}
	c.emit(bytecode.YIELD_VALUE, 0, loc) // (retval -- sent); oparg set by the flow pass
	c.emit(bytecode.RESUME, int(bytecode.RESUME_AFTER_YIELD), loc)
}

// yieldFrom emits the send loop of "yield from" with the iterator and the
// first value to send on the stack (receiver, v -- retval).
func (c *compiler) yieldFrom(loc bytecode.Pos) {
	send, fail, exit := c.newBlock(), c.newBlock(), c.newBlock()
	c.useBlock(send)
	c.emitJump(bytecode.SEND, exit, loc) // (receiver, v -- receiver, retval)
	c.emitJump(bytecode.SETUP_FINALLY, fail, loc)
	c.emit(bytecode.YIELD_VALUE, 0, loc)
	c.emit(bytecode.POP_BLOCK, 0, noLoc)
	c.emit(bytecode.RESUME, int(bytecode.RESUME_AFTER_YIELD_FROM), loc)
	c.emitJump(bytecode.JUMP_NO_INTERRUPT, send, loc)
	c.useBlock(fail)
	c.emit(bytecode.CLEANUP_THROW, 0, loc) // (sub_iter, last_sent, exc -- none, value)
	c.useBlock(exit)
	c.emit(bytecode.END_SEND, 0, loc) // (receiver, value -- value)
}

// jumpIf evaluates e for a conditional jump to next when its truth is
// cond, short-circuiting and/or, not, conditional expressions and chained
// comparisons without materializing booleans.
func (c *compiler) jumpIf(loc bytecode.Pos, e syntax.Expr, next *block, cond bool) {
	e = c.fold(e)
	switch e := e.(type) {
	case *syntax.UnaryOp:
		if e.Op == syntax.Not {
			c.jumpIf(loc, e.Operand, next, !cond)
			return
		}
	case *syntax.BoolOp:
		n := len(e.Values) - 1
		cond2 := e.Op == syntax.Or
		next2 := next
		if cond2 != cond {
			next2 = c.newBlock()
		}
		for _, v := range e.Values[:n] {
			c.jumpIf(loc, v, next2, cond2)
		}
		c.jumpIf(loc, e.Values[n], next, cond)
		if next2 != next {
			c.useBlock(next2)
		}
		return
	case *syntax.IfExp:
		end, next2 := c.newBlock(), c.newBlock()
		c.jumpIf(loc, e.Test, next2, false)
		c.jumpIf(loc, e.Body, next, cond)
		c.emitJump(bytecode.JUMP, end, noLoc)
		c.useBlock(next2)
		c.jumpIf(loc, e.Orelse, next, cond)
		c.useBlock(end)
		return
	case *syntax.Compare:
		if n := len(e.Ops) - 1; n > 0 {
			c.checkCompare(e)
			eloc := locOf(e)
			cleanup := c.newBlock()
			c.visitExpr(e.Left)
			for i := 0; i < n; i++ {
				c.visitExpr(e.Comparators[i])
				c.emit(bytecode.SWAP, 2, eloc)
				c.emit(bytecode.COPY, 2, eloc)
				c.compareOp(eloc, e.Ops[i])
				c.emitJump(bytecode.POP_JUMP_IF_FALSE, cleanup, eloc)
			}
			c.visitExpr(e.Comparators[n])
			c.compareOp(eloc, e.Ops[n])
			c.emitJump(condJump(cond), next, eloc)
			end := c.newBlock()
			c.emitJump(bytecode.JUMP, end, noLoc)
			c.useBlock(cleanup)
			c.emit(bytecode.POP_TOP, 0, eloc)
			if !cond {
				c.emitJump(bytecode.JUMP, next, noLoc)
			}
			c.useBlock(end)
			return
		}
	}
	c.visitExpr(e)
	c.emitJump(condJump(cond), next, locOf(e))
}

func condJump(cond bool) bytecode.Op {
	if cond {
		return bytecode.POP_JUMP_IF_TRUE
	}
	return bytecode.POP_JUMP_IF_FALSE
}

func (c *compiler) compareOp(loc bytecode.Pos, op syntax.CmpOperator) {
	switch op {
	case syntax.Is:
		c.emit(bytecode.IS_OP, 0, loc)
	case syntax.IsNot:
		c.emit(bytecode.IS_OP, 1, loc)
	case syntax.In:
		c.emit(bytecode.CONTAINS_OP, 0, loc)
	case syntax.NotIn:
		c.emit(bytecode.CONTAINS_OP, 1, loc)
	default:
		cmp := map[syntax.CmpOperator]bytecode.CompareOp{
			syntax.Eq: bytecode.CMP_EQ, syntax.NotEq: bytecode.CMP_NE,
			syntax.Lt: bytecode.CMP_LT, syntax.LtE: bytecode.CMP_LE,
			syntax.Gt: bytecode.CMP_GT, syntax.GtE: bytecode.CMP_GE,
		}[op]
		c.emit(bytecode.COMPARE_OP, bytecode.CompareOparg(cmp), loc)
	}
}

func (c *compiler) compare(e *syntax.Compare) {
	c.checkCompare(e)
	loc := locOf(e)
	c.visitExpr(e.Left)
	n := len(e.Ops) - 1
	if n == 0 {
		c.visitExpr(e.Comparators[0])
		c.compareOp(loc, e.Ops[0])
		return
	}
	cleanup := c.newBlock()
	for i := 0; i < n; i++ {
		c.visitExpr(e.Comparators[i])
		c.emit(bytecode.SWAP, 2, loc)
		c.emit(bytecode.COPY, 2, loc)
		c.compareOp(loc, e.Ops[i])
		c.emit(bytecode.COPY, 1, loc)
		c.emitJump(bytecode.POP_JUMP_IF_FALSE, cleanup, loc)
		c.emit(bytecode.POP_TOP, 0, loc)
	}
	c.visitExpr(e.Comparators[n])
	c.compareOp(loc, e.Ops[n])
	end := c.newBlock()
	c.emitJump(bytecode.JUMP, end, noLoc)
	c.useBlock(cleanup)
	c.emit(bytecode.SWAP, 2, loc)
	c.emit(bytecode.POP_TOP, 0, loc)
	c.useBlock(end)
}

// attrLoc moves an attribute's location to the attribute name when the
// expression spans lines (CPython's update_start_location_to_match_attr).
func attrLoc(loc bytecode.Pos, a *syntax.Attribute) bytecode.Pos {
	if loc.Line != a.EndLineno {
		loc.Line = a.EndLineno
		if n := len(a.Attr); n <= a.EndColOffset {
			loc.Col = a.EndColOffset - n
		} else {
			loc.Col, loc.EndCol = -1, -1
		}
		loc.EndLine = max(loc.Line, loc.EndLine)
		if loc.Line == loc.EndLine {
			loc.EndCol = max(loc.Col, loc.EndCol)
		}
	}
	return loc
}

func (c *compiler) attribute(e *syntax.Attribute) {
	loc := locOf(e)
	if e.Ctx == syntax.Load && c.canOptimizeSuperCall(e) {
		call := e.Value.(*syntax.Call)
		c.loadArgsForSuper(call)
		flags := 0
		if len(call.Args) == 2 {
			flags = 2
		}
		c.emit(bytecode.LOAD_SUPER_ATTR, c.u.addName(c.mangle(e.Attr))<<2|flags, loc)
		return
	}
	c.visitExpr(e.Value)
	loc = attrLoc(loc, e)
	name := c.mangle(e.Attr)
	switch e.Ctx {
	case syntax.Load:
		c.emit(bytecode.LOAD_ATTR, c.u.addName(name)<<1, loc) // (owner -- res)
	case syntax.Store:
		c.forbiddenName(loc, e.Attr, syntax.Store)
		c.emit(bytecode.STORE_ATTR, c.u.addName(name), loc) // (v, owner -- )
	case syntax.Del:
		c.emit(bytecode.DELETE_ATTR, c.u.addName(name), loc)
	}
}

// canOptimizeSuperCall reports whether attr is super().name or
// super(C, self).name that LOAD_SUPER_ATTR can do without building the
// super object.
func (c *compiler) canOptimizeSuperCall(attr *syntax.Attribute) bool {
	call, ok := attr.Value.(*syntax.Call)
	if !ok {
		return false
	}
	fn, ok := call.Func.(*syntax.Name)
	if !ok || fn.ID != "super" || attr.Attr == "__class__" || len(call.Keywords) != 0 {
		return false
	}
	if c.scopeOf("super") != GlobalImplicit || c.st.Top.ScopeOf("super") != NoScope {
		return false
	}
	switch len(call.Args) {
	case 2:
		for _, a := range call.Args {
			if _, ok := a.(*syntax.Starred); ok {
				return false
			}
		}
		return true
	case 0:
	default:
		return false
	}
	if c.u.argCount == 0 && c.u.posOnlyArgCount == 0 {
		return false
	}
	return c.scopeOf("__class__") == Free
}

// loadArgsForSuper pushes (super, class, self) for LOAD_SUPER_ATTR.
func (c *compiler) loadArgsForSuper(call *syntax.Call) {
	fn := call.Func.(*syntax.Name)
	c.nameOp(locOf(fn), fn.ID, syntax.Load)
	if len(call.Args) == 2 {
		c.visitExpr(call.Args[0])
		c.visitExpr(call.Args[1])
		return
	}
	loc := locOf(call)
	c.nameOp(loc, "__class__", syntax.Load)
	c.nameOp(loc, c.u.varnames[0], syntax.Load)
}

func isTwoElementSlice(e syntax.Expr) bool {
	s, ok := e.(*syntax.Slice)
	return ok && s.Step == nil
}

// slice pushes the bounds of a slice (None for a missing one) and returns
// how many it pushed.
func (c *compiler) slice(s *syntax.Slice) int {
	loc := locOf(s)
	n := 2
	if s.Lower != nil {
		c.visitExpr(s.Lower)
	} else {
		c.loadConst(nil, loc)
	}
	if s.Upper != nil {
		c.visitExpr(s.Upper)
	} else {
		c.loadConst(nil, loc)
	}
	if s.Step != nil {
		n++
		c.visitExpr(s.Step)
	}
	return n
}

func (c *compiler) subscript(e *syntax.Subscript) {
	if e.Ctx == syntax.Load {
		c.checkSubscript(e)
	}
	loc := locOf(e)
	c.visitExpr(e.Value)
	if isTwoElementSlice(e.Slice) && e.Ctx != syntax.Del {
		c.slice(e.Slice.(*syntax.Slice))
		if e.Ctx == syntax.Load {
			c.emit(bytecode.BINARY_SLICE, 0, loc) // (container, start, stop -- res)
		} else {
			c.emit(bytecode.STORE_SLICE, 0, loc) // (v, container, start, stop -- )
		}
		return
	}
	c.visitExpr(e.Slice)
	switch e.Ctx {
	case syntax.Load:
		c.emit(bytecode.BINARY_SUBSCR, 0, loc)
	case syntax.Store:
		c.emit(bytecode.STORE_SUBSCR, 0, loc)
	case syntax.Del:
		c.emit(bytecode.DELETE_SUBSCR, 0, loc)
	}
}

// assignmentHelper unpacks the value on the stack into the targets elts.
func (c *compiler) assignmentHelper(loc bytecode.Pos, elts []syntax.Expr) {
	n := len(elts)
	seenStar := false
	for i, elt := range elts {
		if _, ok := elt.(*syntax.Starred); !ok {
			continue
		}
		if seenStar {
			c.errorAt(loc, "multiple starred expressions in assignment")
		}
		if i >= 1<<8 || n-i-1 >= (1<<31-1)>>8 {
			c.errorAt(loc, "too many expressions in star-unpacking assignment")
		}
		c.emit(bytecode.UNPACK_EX, i+(n-i-1)<<8, loc)
		seenStar = true
	}
	if !seenStar {
		c.emit(bytecode.UNPACK_SEQUENCE, n, loc) // (seq -- values[n])
	}
	for _, elt := range elts {
		if s, ok := elt.(*syntax.Starred); ok {
			c.visitExpr(s.Value)
		} else {
			c.visitExpr(elt)
		}
	}
}

// allConstants reports whether every element folds to a constant.
func (c *compiler) allConstants(elts []syntax.Expr) bool {
	for _, e := range elts {
		if _, ok := c.fold(e).(*syntax.Constant); !ok {
			return false
		}
	}
	return true
}

// starunpack builds a list, tuple or set display (with pushed values
// already below it), handling *iterable items.
func (c *compiler) starunpack(loc bytecode.Pos, elts []syntax.Expr, pushed int, build, add, extend bytecode.Op, tuple bool) {
	n := len(elts)
	if n > 2 && c.allConstants(elts) {
		vals := make([]Const, n)
		for i, e := range elts {
			vals[i] = c.constValue(c.fold(e).(*syntax.Constant))
		}
		if tuple && pushed == 0 {
			c.loadConst(ConstTuple(vals), loc)
			return
		}
		var folded Const = ConstTuple(vals)
		if add == bytecode.SET_ADD {
			folded = ConstFrozenSet(dedupConsts(vals))
		}
		c.emit(build, pushed, loc)
		c.loadConst(folded, loc)
		c.emit(extend, 1, loc)
		if tuple {
			c.emit(bytecode.CALL_INTRINSIC_1, int(bytecode.INTRINSIC_LIST_TO_TUPLE), loc)
		}
		return
	}
	big := n+pushed > stackUseGuideline
	seenStar := false
	for _, e := range elts {
		if _, ok := e.(*syntax.Starred); ok {
			seenStar = true
		}
	}
	if !seenStar && !big {
		for _, e := range elts {
			c.visitExpr(e)
		}
		if tuple {
			c.emit(bytecode.BUILD_TUPLE, n+pushed, loc)
		} else {
			c.emit(build, n+pushed, loc)
		}
		return
	}
	built := false
	if big {
		c.emit(build, pushed, loc)
		built = true
	}
	for i, e := range elts {
		if s, ok := e.(*syntax.Starred); ok {
			if !built {
				c.emit(build, i+pushed, loc)
				built = true
			}
			c.visitExpr(s.Value)
			c.emit(extend, 1, loc)
		} else {
			c.visitExpr(e)
			if built {
				c.emit(add, 1, loc)
			}
		}
	}
	if tuple {
		c.emit(bytecode.CALL_INTRINSIC_1, int(bytecode.INTRINSIC_LIST_TO_TUPLE), loc)
	}
}

func dedupConsts(vals []Const) []Const {
	seen := map[string]bool{}
	var out []Const
	for _, v := range vals {
		k := hashKey(v)
		if !seen[k] {
			seen[k] = true
			out = append(out, v)
		}
	}
	return out
}

// hashKey identifies a constant by Python equality (1 == 1.0 == True).
func hashKey(v Const) string {
	switch v := v.(type) {
	case bool:
		if v {
			return constKey(int64(1))
		}
		return constKey(int64(0))
	case float64:
		if v == float64(int64(v)) {
			return constKey(int64(v))
		}
	}
	return constKey(v)
}

func (c *compiler) subdict(e *syntax.Dict, begin, end int) {
	loc := locOf(e)
	n := end - begin
	big := n*2 > stackUseGuideline
	if n > 1 && !big && c.allConstants(e.Keys[begin:end]) {
		for _, v := range e.Values[begin:end] {
			c.visitExpr(v)
		}
		keys := make(ConstTuple, n)
		for i, k := range e.Keys[begin:end] {
			keys[i] = c.constValue(c.fold(k).(*syntax.Constant))
		}
		c.loadConst(keys, loc)
		c.emit(bytecode.BUILD_CONST_KEY_MAP, n, loc)
		return
	}
	if big {
		c.emit(bytecode.BUILD_MAP, 0, loc)
	}
	for i := begin; i < end; i++ {
		c.visitExpr(e.Keys[i])
		c.visitExpr(e.Values[i])
		if big {
			c.emit(bytecode.MAP_ADD, 1, loc)
		}
	}
	if !big {
		c.emit(bytecode.BUILD_MAP, n, loc)
	}
}

func (c *compiler) dict(e *syntax.Dict) {
	loc := locOf(e)
	haveDict := false
	elements := 0
	n := len(e.Values)
	for i := 0; i < n; i++ {
		if e.Keys[i] == nil {
			if elements > 0 {
				c.subdict(e, i-elements, i)
				if haveDict {
					c.emit(bytecode.DICT_UPDATE, 1, loc)
				}
				haveDict = true
				elements = 0
			}
			if !haveDict {
				c.emit(bytecode.BUILD_MAP, 0, loc)
				haveDict = true
			}
			c.visitExpr(e.Values[i])
			c.emit(bytecode.DICT_UPDATE, 1, loc)
		} else if elements*2 > stackUseGuideline {
			c.subdict(e, i-elements, i+1)
			if haveDict {
				c.emit(bytecode.DICT_UPDATE, 1, loc)
			}
			haveDict = true
			elements = 0
		} else {
			elements++
		}
	}
	if elements > 0 {
		c.subdict(e, n-elements, n)
		if haveDict {
			c.emit(bytecode.DICT_UPDATE, 1, loc)
		}
		haveDict = true
	}
	if !haveDict {
		c.emit(bytecode.BUILD_MAP, 0, loc)
	}
}

func (c *compiler) joinedStr(e *syntax.JoinedStr) {
	loc := locOf(e)
	if len(e.Values) > stackUseGuideline {
		c.loadConst("", loc)
		c.emitName(bytecode.LOAD_METHOD, "join", loc)
		c.emit(bytecode.BUILD_LIST, 0, loc)
		for _, v := range e.Values {
			c.visitExpr(v)
			c.emit(bytecode.LIST_APPEND, 1, loc)
		}
		c.emit(bytecode.CALL, 1, loc)
		return
	}
	for _, v := range e.Values {
		c.visitExpr(v)
	}
	if len(e.Values) != 1 {
		c.emit(bytecode.BUILD_STRING, len(e.Values), loc)
	}
}

func (c *compiler) formattedValue(e *syntax.FormattedValue) {
	c.visitExpr(e.Value)
	oparg := int(bytecode.FVC_NONE)
	switch e.Conversion {
	case 's':
		oparg = int(bytecode.FVC_STR)
	case 'r':
		oparg = int(bytecode.FVC_REPR)
	case 'a':
		oparg = int(bytecode.FVC_ASCII)
	}
	if e.FormatSpec != nil {
		c.visitExpr(e.FormatSpec)
		oparg |= int(bytecode.FVS_HAVE_SPEC)
	}
	c.emit(bytecode.FORMAT_VALUE, oparg, locOf(e))
}

// --- calls ---

func (c *compiler) validateKeywords(kws []*syntax.Keyword) {
	for i, kw := range kws {
		if kw.Arg == "" {
			continue
		}
		c.forbiddenName(locOf(kw), kw.Arg, syntax.Store)
		for _, other := range kws[i+1:] {
			if other.Arg == kw.Arg {
				c.errorAt(locOf(other), "keyword argument repeated: %s", kw.Arg)
			}
		}
	}
}

func (c *compiler) call(e *syntax.Call) {
	c.validateKeywords(e.Keywords)
	if c.maybeMethodCall(e) {
		return
	}
	c.checkCaller(e.Func)
	c.emit(bytecode.PUSH_NULL, 0, locOf(e.Func))
	c.visitExpr(e.Func)
	c.callHelper(locOf(e), 0, e.Args, e.Keywords)
}

// isImportOriginated reports whether e is a name the module imports, whose
// attribute calls are not method calls.
func (c *compiler) isImportOriginated(e syntax.Expr) bool {
	n, ok := e.(*syntax.Name)
	if !ok {
		return false
	}
	return c.st.Top.FlagsOf(n.ID)&DefImport != 0
}

func (c *compiler) maybeMethodCall(e *syntax.Call) bool {
	meth, ok := e.Func.(*syntax.Attribute)
	if !ok || meth.Ctx != syntax.Load || c.isImportOriginated(meth.Value) {
		return false
	}
	nargs, nkw := len(e.Args), len(e.Keywords)
	kwFlag := 0
	if nkw != 0 {
		kwFlag = 1
	}
	if nargs+nkw+kwFlag >= stackUseGuideline {
		return false
	}
	for _, a := range e.Args {
		if _, ok := a.(*syntax.Starred); ok {
			return false
		}
	}
	for _, kw := range e.Keywords {
		if kw.Arg == "" {
			return false
		}
	}
	loc := locOf(meth)
	if c.canOptimizeSuperCall(meth) {
		call := meth.Value.(*syntax.Call)
		c.loadArgsForSuper(call)
		flags := 1
		if len(call.Args) == 2 {
			flags = 3
		}
		c.emit(bytecode.LOAD_SUPER_ATTR, c.u.addName(c.mangle(meth.Attr))<<2|flags, loc)
		c.emit(bytecode.NOP, 0, attrLoc(loc, meth))
	} else {
		c.visitExpr(meth.Value)
		c.emit(bytecode.LOAD_METHOD, c.u.addName(c.mangle(meth.Attr)), attrLoc(loc, meth))
	}
	for _, a := range e.Args {
		c.visitExpr(a)
	}
	if nkw > 0 {
		for _, kw := range e.Keywords {
			c.visitExpr(kw.Value)
		}
		c.kwNames(attrLoc(loc, meth), e.Keywords)
	}
	c.emit(bytecode.CALL, nargs+nkw, attrLoc(locOf(e), meth))
	return true
}

func (c *compiler) kwNames(loc bytecode.Pos, kws []*syntax.Keyword) {
	names := make(ConstTuple, len(kws))
	for i, kw := range kws {
		names[i] = kw.Arg
	}
	c.emit(bytecode.KW_NAMES, c.u.addConst(names), loc)
}

// callHelper emits the arguments and the call of a callable (and n
// arguments) already on the stack.
func (c *compiler) callHelper(loc bytecode.Pos, n int, args []syntax.Expr, kws []*syntax.Keyword) {
	c.validateKeywords(kws)
	simple := len(args)+len(kws)*2 <= stackUseGuideline
	for _, a := range args {
		if _, ok := a.(*syntax.Starred); ok {
			simple = false
		}
	}
	for _, kw := range kws {
		if kw.Arg == "" {
			simple = false
		}
	}
	if simple {
		for _, a := range args {
			c.visitExpr(a)
		}
		if len(kws) > 0 {
			for _, kw := range kws {
				c.visitExpr(kw.Value)
			}
			c.kwNames(loc, kws)
		}
		c.emit(bytecode.CALL, n+len(args)+len(kws), loc)
		return
	}
	// f(*args, **kwargs): CALL_FUNCTION_EX with a tuple and a dict.
	if s, ok := oneStarred(args); ok && n == 0 {
		c.visitExpr(s.Value)
	} else {
		c.starunpack(loc, args, n, bytecode.BUILD_LIST, bytecode.LIST_APPEND, bytecode.LIST_EXTEND, true)
	}
	if len(kws) > 0 {
		haveDict := false
		nseen := 0
		for i, kw := range kws {
			if kw.Arg != "" {
				nseen++
				continue
			}
			if nseen > 0 {
				c.subkwargs(loc, kws[i-nseen:i])
				if haveDict {
					c.emit(bytecode.DICT_MERGE, 1, loc)
				}
				haveDict = true
				nseen = 0
			}
			if !haveDict {
				c.emit(bytecode.BUILD_MAP, 0, loc)
				haveDict = true
			}
			c.visitExpr(kw.Value)
			c.emit(bytecode.DICT_MERGE, 1, loc)
		}
		if nseen > 0 {
			c.subkwargs(loc, kws[len(kws)-nseen:])
			if haveDict {
				c.emit(bytecode.DICT_MERGE, 1, loc)
			}
		}
	}
	kwFlag := 0
	if len(kws) > 0 {
		kwFlag = 1
	}
	c.emit(bytecode.CALL_FUNCTION_EX, kwFlag, loc)
}

func oneStarred(args []syntax.Expr) (*syntax.Starred, bool) {
	if len(args) != 1 {
		return nil, false
	}
	s, ok := args[0].(*syntax.Starred)
	return s, ok
}

func (c *compiler) subkwargs(loc bytecode.Pos, kws []*syntax.Keyword) {
	n := len(kws)
	big := n*2 > stackUseGuideline
	if n > 1 && !big {
		keys := make(ConstTuple, n)
		for i, kw := range kws {
			c.visitExpr(kw.Value)
			keys[i] = kw.Arg
		}
		c.loadConst(keys, loc)
		c.emit(bytecode.BUILD_CONST_KEY_MAP, n, loc)
		return
	}
	if big {
		c.emit(bytecode.BUILD_MAP, 0, noLoc)
	}
	for _, kw := range kws {
		c.loadConst(kw.Arg, loc)
		c.visitExpr(kw.Value)
		if big {
			c.emit(bytecode.MAP_ADD, 1, noLoc)
		}
	}
	if !big {
		c.emit(bytecode.BUILD_MAP, n, loc)
	}
}
