package compile

// The bytecode compiler, after CPython 3.12's Python/compile.c.
//
// Model. Each code object is compiled by one unit: code generation emits
// instructions (real ones and the pseudo-instructions SETUP_FINALLY,
// SETUP_CLEANUP, SETUP_WITH, POP_BLOCK, JUMP, JUMP_NO_INTERRUPT,
// LOAD_METHOD, STORE_FAST_MAYBE_NULL) into basic blocks linked in emission
// order; jumps name their target block. The flow-graph pass
// (compiler_flow.go) then labels every instruction with its exception
// handler, optimizes a little, moves cold (exception-only) blocks to the
// end, converts pseudo-instructions, computes the stack depth and
// assembles the Code (compiler_assemble.go). The frame's value stack is
// the one of CPython 3.12; each emit below carries the stack picture of
// opcodes.def.
//
// Errors: compile-time SyntaxErrors panic with a bailout carrying a
// *syntax.Error, recovered in Compile.

import (
	"fmt"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Options are the knobs of compile().
type Options struct {
	// Optimize is compile()'s optimize level: 0 keeps asserts and
	// __debug__ is True; 1 drops asserts and makes __debug__ False; 2 also
	// drops docstrings.
	Optimize int
	// Flags are future features inherited from the caller
	// (CO_FUTURE_ANNOTATIONS, CO_FUTURE_BARRY_AS_BDFL).
	Flags CodeFlags
}

// Compile compiles a parsed module (exec mode: *syntax.Module; single:
// *syntax.Interactive; eval: *syntax.Expression) to a code template.
// Programs the compiler rejects give a *syntax.Error with CPython's
// message and position (byte offsets plus one, Text left empty for the
// caller, as for BuildSymbolTable).
func Compile(mod syntax.Mod, filename string, mode syntax.Mode, opts Options) (code *Code, err error) {
	st, err := BuildSymbolTable(mod, filename)
	if err != nil {
		return nil, err
	}
	c := &compiler{filename: filename, st: st, opts: opts, future: opts.Flags}
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			if se, ok := b.err.(*syntax.Error); ok {
				se.Warnings = c.warnings
			}
			code, err = nil, b.err
		}
	}()
	code = c.compileMod(mod, mode)
	code.Warnings = c.warnings
	return code, nil
}

// compiler is the state of one Compile call.
type compiler struct {
	filename string
	st       *SymbolTable
	opts     Options
	future   CodeFlags // future features in force
	// futureEnd is the position after the last future import at the top
	// of the module (CPython's ff_location).
	futureEnd   syntax.Loc
	interactive bool

	u     *unit   // the unit being compiled
	stack []*unit // enclosing units

	warnings []syntax.Warning // issued so far (warnings.go)
}

// scopeType is the kind of code a unit compiles (CPython's
// COMPILER_SCOPE_*).
type scopeType uint8

const (
	scopeModule scopeType = iota
	scopeClass
	scopeFunction
	scopeLambda
	scopeComprehension
	scopeTypeParams // a PEP 695 annotation scope: type parameters or a TypeVar bound
)

// unit compiles one code object.
type unit struct {
	ste       *Scope
	scopeType scopeType
	name      string
	qualname  string
	private   string // the class whose names are mangled, or ""
	firstLine int

	argCount, posOnlyArgCount, kwOnlyArgCount int

	consts     []Const
	constIndex map[string]int
	names      []string
	nameIndex  map[string]int
	varnames   []string
	varIndex   map[string]int
	cellvars   []string
	cellIndex  map[string]int
	freevars   []string
	freeIndex  map[string]int

	// fastHidden marks names of inlined comprehensions that use fast
	// locals in a module or class body; tempScopes overrides the scope of
	// names while an inlined comprehension is compiled.
	fastHidden   map[string]bool
	everHidden   map[string]bool
	tempScopes   map[string]SymbolScope
	inInlineComp int
	// isAsync marks the unit of an async def (CPython's
	// COMPILER_SCOPE_ASYNC_FUNCTION).
	isAsync bool

	entry  *block
	cur    *block
	last   *block // the last block in emission order
	fblock []fblockInfo
}

// fblockKind is the kind of a frame block: a construct that break,
// continue and return must unwind (CPython's fblocktype).
type fblockKind uint8

const (
	fbWhileLoop fblockKind = iota
	fbForLoop
	fbTryExcept
	fbFinallyTry
	fbFinallyEnd
	fbWith
	fbHandlerCleanup
	fbPopValue
	fbExceptionHandler
	fbExceptionGroupHandler
)

type fblockInfo struct {
	kind  fblockKind
	block *block // loop start (continue target) or the protected body
	exit  *block // loop exit (break target)
	// datum: the finally body (fbFinallyTry), the handler name
	// (fbHandlerCleanup), the with statement (fbWith).
	finalBody []syntax.Stmt
	name      string
	hasName   bool
	withLoc   bytecode.Pos
}

// maxBlocks is CPython's CO_MAXBLOCKS.
const maxBlocks = 20

// stackUseGuideline bounds the values a display or call pushes at once
// before the compiler switches to incremental building.
const stackUseGuideline = 30

// --- errors ---

func (c *compiler) errorAt(loc bytecode.Pos, format string, args ...any) {
	panic(bailout{c.syntaxError(loc, fmt.Sprintf(format, args...))})
}

func (c *compiler) unsupported(n syntax.Located, feature string) {
	c.errorAt(locOf(n), "%s is not supported yet", feature)
}

func locOf(n syntax.Located) bytecode.Pos {
	l := n.Location()
	return bytecode.Pos{Line: l.Lineno, EndLine: l.EndLineno, Col: l.ColOffset, EndCol: l.EndColOffset}
}

var noLoc = bytecode.NoPos

// --- units ---

func (c *compiler) enterScope(name string, typ scopeType, node syntax.Node, firstLine int) *unit {
	ste := c.st.Lookup(node)
	if ste == nil {
		panic(bailout{fmt.Errorf("compile: internal error: no scope for %s", node.NodeName())})
	}
	return c.enterScopeFor(name, typ, ste, firstLine)
}

// enterScopeFor starts a unit compiling the symbol-table scope ste.
func (c *compiler) enterScopeFor(name string, typ scopeType, ste *Scope, firstLine int) *unit {
	u := &unit{
		ste:        ste,
		scopeType:  typ,
		name:       name,
		firstLine:  firstLine,
		constIndex: map[string]int{},
		nameIndex:  map[string]int{},
		varIndex:   map[string]int{},
		cellIndex:  map[string]int{},
		freeIndex:  map[string]int{},
		fastHidden: map[string]bool{},
		everHidden: map[string]bool{},
	}
	for _, v := range ste.Varnames {
		u.addVarname(v)
	}
	// Cells and frees are sorted by name, as CPython's dictbytype does.
	var cells, frees []string
	for _, sym := range ste.Symbols {
		if sym.Scope == Cell || sym.Flags&DefCompCell != 0 {
			cells = append(cells, sym.Name)
		}
		if sym.Scope == Free || sym.Flags&DefFreeClass != 0 {
			frees = append(frees, sym.Name)
		}
	}
	sortStrings(cells)
	sortStrings(frees)
	for _, n := range cells {
		addTo(&u.cellvars, u.cellIndex, n)
	}
	if ste.NeedsClassClosure {
		addTo(&u.cellvars, u.cellIndex, "__class__")
	}
	if ste.NeedsClassdict {
		addTo(&u.cellvars, u.cellIndex, "__classdict__")
	}
	for _, n := range frees {
		addTo(&u.freevars, u.freeIndex, n)
	}
	if c.u != nil {
		u.private = c.u.private
		c.stack = append(c.stack, c.u)
	}
	c.u = u
	u.entry = &block{label: true}
	u.cur, u.last = u.entry, u.entry
	if typ == scopeModule {
		c.emit(bytecode.RESUME, 0, bytecode.Pos{Line: 0, EndLine: 1, Col: 0, EndCol: 0})
	} else {
		c.setQualname()
		c.emit(bytecode.RESUME, 0, bytecode.Pos{Line: firstLine, EndLine: firstLine, Col: 0, EndCol: 0})
	}
	return u
}

func (c *compiler) exitScope() {
	if n := len(c.stack); n > 0 {
		c.u = c.stack[n-1]
		c.stack = c.stack[:n-1]
	} else {
		c.u = nil
	}
}

func (c *compiler) setQualname() {
	u := c.u
	if len(c.stack) <= 1 {
		u.qualname = u.name
		return
	}
	parent := c.stack[len(c.stack)-1]
	if parent.scopeType == scopeTypeParams {
		// PEP 695 scopes are invisible in qualified names.
		if len(c.stack) == 2 {
			u.qualname = u.name
			return
		}
		parent = c.stack[len(c.stack)-2]
	}
	if u.scopeType == scopeFunction || u.scopeType == scopeClass {
		mangled := Mangle(parent.private, u.name)
		if parent.ste.ScopeOf(mangled) == GlobalExplicit {
			u.qualname = u.name
			return
		}
	}
	base := parent.qualname
	if parent.scopeType == scopeFunction || parent.scopeType == scopeLambda {
		base += ".<locals>"
	}
	u.qualname = base + "." + u.name
}

func addTo(list *[]string, index map[string]int, name string) int {
	if i, ok := index[name]; ok {
		return i
	}
	index[name] = len(*list)
	*list = append(*list, name)
	return len(*list) - 1
}

func (u *unit) addVarname(name string) int { return addTo(&u.varnames, u.varIndex, name) }
func (u *unit) addName(name string) int    { return addTo(&u.names, u.nameIndex, name) }

func (u *unit) addConst(k Const) int {
	key := constKey(k)
	if i, ok := u.constIndex[key]; ok {
		return i
	}
	u.constIndex[key] = len(u.consts)
	u.consts = append(u.consts, k)
	return len(u.consts) - 1
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// --- emission ---

// emit appends an instruction to the current block, starting a new block
// when the current one already ends in a jump or a scope exit.
func (c *compiler) emit(op bytecode.Op, arg int, loc bytecode.Pos) {
	c.emitTo(op, arg, nil, loc)
}

func (c *compiler) emitJump(op bytecode.Op, target *block, loc bytecode.Pos) {
	c.emitTo(op, 0, target, loc)
}

func (c *compiler) emitTo(op bytecode.Op, arg int, target *block, loc bytecode.Pos) {
	u := c.u
	if n := len(u.cur.instrs); n > 0 && isTerminator(u.cur.instrs[n-1].op) {
		b := &block{}
		u.last.next = b
		u.last, u.cur = b, b
	}
	u.cur.instrs = append(u.cur.instrs, instr{op: op, arg: arg, target: target, loc: loc})
}

// newBlock returns a label: a block that joins the layout when useBlock
// places it.
func (c *compiler) newBlock() *block { return &block{label: true} }

// useBlock makes b the current block, placed after everything emitted so
// far.
func (c *compiler) useBlock(b *block) {
	u := c.u
	u.last.next = b
	u.last, u.cur = b, b
}

func (c *compiler) loadConst(k Const, loc bytecode.Pos) {
	c.emit(bytecode.LOAD_CONST, c.u.addConst(k), loc)
}

func (c *compiler) emitName(op bytecode.Op, name string, loc bytecode.Pos) {
	c.emit(op, c.u.addName(name), loc)
}

// --- frame blocks ---

func (c *compiler) pushFblock(loc bytecode.Pos, fb fblockInfo) {
	if len(c.u.fblock) >= maxBlocks {
		c.errorAt(loc, "too many statically nested blocks")
	}
	c.u.fblock = append(c.u.fblock, fb)
}

func (c *compiler) popFblock() {
	c.u.fblock = c.u.fblock[:len(c.u.fblock)-1]
}

// --- names ---

func (c *compiler) mangle(name string) string { return Mangle(c.u.private, name) }

// scopeOf returns where name (mangled) resolves in the current unit.
func (c *compiler) scopeOf(name string) SymbolScope {
	if s, ok := c.u.tempScopes[name]; ok {
		return s
	}
	return c.u.ste.ScopeOf(name)
}

func (c *compiler) isFunctionLike() bool { return c.u.ste.Kind.IsFunctionLike() }

// forbiddenName reports an assignment to or deletion of __debug__.
func (c *compiler) forbiddenName(loc bytecode.Pos, name string, ctx syntax.ExprContext) {
	if name != "__debug__" {
		return
	}
	switch ctx {
	case syntax.Store:
		c.errorAt(loc, "cannot assign to __debug__")
	case syntax.Del:
		c.errorAt(loc, "cannot delete __debug__")
	}
}

// derefIndex returns the pre-assembly oparg of a cell or free variable:
// its index among the cells, or ncells plus its index among the frees.
func (c *compiler) derefIndex(name string, cell bool) int {
	u := c.u
	if cell {
		if i, ok := u.cellIndex[name]; ok {
			return i
		}
	} else if i, ok := u.freeIndex[name]; ok {
		return len(u.cellvars) + i
	}
	panic(bailout{fmt.Errorf("compile: internal error: %q is not a %s variable of %s", name, pick(cell, "cell", "free"), u.name)})
}

func pick(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

// nameOp emits the load, store or delete of a name, choosing the opcode
// family from where the symbol table resolved it (CPython's
// compiler_nameop).
func (c *compiler) nameOp(loc bytecode.Pos, name string, ctx syntax.ExprContext) {
	c.forbiddenName(loc, name, ctx)
	u := c.u
	mangled := c.mangle(name)
	scope := c.scopeOf(mangled)
	const (
		opName = iota
		opFast
		opGlobal
		opDeref
	)
	kind := opName
	switch scope {
	case Free, Cell:
		kind = opDeref
	case Local:
		if c.isFunctionLike() || u.fastHidden[mangled] {
			kind = opFast
		}
	case GlobalImplicit:
		if c.isFunctionLike() {
			kind = opGlobal
		}
	case GlobalExplicit:
		kind = opGlobal
	}
	switch kind {
	case opDeref:
		idx := c.derefIndex(mangled, scope == Cell)
		switch ctx {
		case syntax.Load:
			if u.ste.Kind == ClassScope && u.inInlineComp == 0 {
				c.emit(bytecode.LOAD_LOCALS, 0, loc)
				c.emit(bytecode.LOAD_FROM_DICT_OR_DEREF, idx, loc)
			} else if u.ste.CanSeeClassScope {
				c.emit(bytecode.LOAD_DEREF, c.derefIndex("__classdict__", false), loc)
				c.emit(bytecode.LOAD_FROM_DICT_OR_DEREF, idx, loc)
			} else {
				c.emit(bytecode.LOAD_DEREF, idx, loc)
			}
		case syntax.Store:
			c.emit(bytecode.STORE_DEREF, idx, loc)
		case syntax.Del:
			c.emit(bytecode.DELETE_DEREF, idx, loc)
		}
	case opFast:
		idx := u.addVarname(mangled)
		switch ctx {
		case syntax.Load:
			c.emit(bytecode.LOAD_FAST, idx, loc)
		case syntax.Store:
			c.emit(bytecode.STORE_FAST, idx, loc)
		case syntax.Del:
			c.emit(bytecode.DELETE_FAST, idx, loc)
		}
	case opGlobal:
		idx := u.addName(mangled)
		switch ctx {
		case syntax.Load:
			if u.ste.CanSeeClassScope && scope == GlobalImplicit {
				c.emit(bytecode.LOAD_DEREF, c.derefIndex("__classdict__", false), loc)
				c.emit(bytecode.LOAD_FROM_DICT_OR_GLOBALS, idx, loc)
			} else {
				c.emit(bytecode.LOAD_GLOBAL, idx<<1, loc)
			}
		case syntax.Store:
			c.emit(bytecode.STORE_GLOBAL, idx, loc)
		case syntax.Del:
			c.emit(bytecode.DELETE_GLOBAL, idx, loc)
		}
	default:
		idx := u.addName(mangled)
		switch ctx {
		case syntax.Load:
			if u.ste.Kind == ClassScope && u.inInlineComp > 0 {
				c.emit(bytecode.LOAD_GLOBAL, idx<<1, loc)
			} else {
				c.emit(bytecode.LOAD_NAME, idx, loc)
			}
		case syntax.Store:
			c.emit(bytecode.STORE_NAME, idx, loc)
		case syntax.Del:
			c.emit(bytecode.DELETE_NAME, idx, loc)
		}
	}
}

// refType returns how the current unit reaches name when building a
// closure: Cell or Free (CPython's get_ref_type).
func (c *compiler) refType(name string) SymbolScope {
	if c.u.ste.Kind == ClassScope && (name == "__class__" || name == "__classdict__") {
		return Cell
	}
	s := c.scopeOf(name)
	if s == NoScope {
		panic(bailout{fmt.Errorf("compile: internal error: unknown scope for %q in %s", name, c.u.name)})
	}
	return s
}

// --- modules ---

func (c *compiler) compileMod(mod syntax.Mod, mode syntax.Mode) *Code {
	var body []syntax.Stmt
	switch m := mod.(type) {
	case *syntax.Module:
		body = m.Body
	case *syntax.Interactive:
		body = m.Body
		c.interactive = true
	}
	c.checkFuture(body)
	c.enterScope("<module>", scopeModule, mod, 1)
	addNone := true
	switch m := mod.(type) {
	case *syntax.Module:
		c.body(noLoc, m.Body, true)
	case *syntax.Interactive:
		if findAnn(m.Body) {
			c.emit(bytecode.SETUP_ANNOTATIONS, 0, noLoc)
		}
		for _, s := range m.Body {
			c.visitStmt(s)
		}
	case *syntax.Expression:
		c.visitExpr(m.Body)
		addNone = false
	default:
		panic(bailout{fmt.Errorf("compile: cannot compile %s", mod.NodeName())})
	}
	code := c.assemble(addNone)
	c.exitScope()
	return code
}

// futureFeatures are the names "from __future__ import" accepts.
var futureFeatures = map[string]CodeFlags{
	"nested_scopes": 0, "generators": 0, "division": 0, "absolute_import": 0,
	"with_statement": 0, "print_function": 0, "unicode_literals": 0,
	"generator_stop": 0, "barry_as_FLUFL": CO_FUTURE_BARRY_AS_BDFL,
	"annotations": CO_FUTURE_ANNOTATIONS,
}

// checkFuture reads the future imports at the top of a module (after an
// optional docstring), as CPython's future.c does.
func (c *compiler) checkFuture(body []syntax.Stmt) {
	for i, s := range body {
		if i == 0 && isDocstring(s) {
			continue
		}
		imp, ok := s.(*syntax.ImportFrom)
		if !ok || imp.Module != "__future__" || imp.Level != 0 {
			break
		}
		for _, a := range imp.Names {
			f, ok := futureFeatures[a.Name]
			if !ok {
				loc := locOf(imp)
				loc.EndLine = -1
				if a.Name == "braces" {
					c.errorAt(loc, "not a chance")
				}
				c.errorAt(loc, "future feature %s is not defined", a.Name)
			}
			c.future |= f
		}
		c.futureEnd = imp.Loc
	}
}

func isDocstring(s syntax.Stmt) bool {
	e, ok := s.(*syntax.ExprStmt)
	if !ok {
		return false
	}
	k, ok := e.Value.(*syntax.Constant)
	if !ok {
		return false
	}
	_, ok = k.Value.(string)
	return ok
}

func docstringOf(body []syntax.Stmt) (string, bool) {
	if len(body) == 0 || !isDocstring(body[0]) {
		return "", false
	}
	return body[0].(*syntax.ExprStmt).Value.(*syntax.Constant).Value.(string), true
}

// body compiles a module or class body: SETUP_ANNOTATIONS when some
// statement is annotated, the docstring into __doc__, the statements.
func (c *compiler) body(loc bytecode.Pos, stmts []syntax.Stmt, module bool) {
	if module && len(stmts) > 0 {
		loc = locOf(stmts[0])
	}
	if findAnn(stmts) {
		c.emit(bytecode.SETUP_ANNOTATIONS, 0, loc)
	}
	i := 0
	if c.opts.Optimize < 2 {
		if _, ok := docstringOf(stmts); ok {
			i = 1
			c.visitExpr(stmts[0].(*syntax.ExprStmt).Value)
			c.nameOp(noLoc, "__doc__", syntax.Store)
		}
	}
	for ; i < len(stmts); i++ {
		c.visitStmt(stmts[i])
	}
}

// findAnn reports whether stmts contain an annotated assignment outside
// nested functions and classes.
func findAnn(stmts []syntax.Stmt) bool {
	for _, s := range stmts {
		switch s := s.(type) {
		case *syntax.AnnAssign:
			return true
		case *syntax.For:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *syntax.AsyncFor:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *syntax.While:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *syntax.If:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *syntax.With:
			if findAnn(s.Body) {
				return true
			}
		case *syntax.AsyncWith:
			if findAnn(s.Body) {
				return true
			}
		case *syntax.Try:
			for _, h := range s.Handlers {
				if findAnn(h.Body) {
					return true
				}
			}
			if findAnn(s.Body) || findAnn(s.Finalbody) || findAnn(s.Orelse) {
				return true
			}
		case *syntax.TryStar:
			for _, h := range s.Handlers {
				if findAnn(h.Body) {
					return true
				}
			}
			if findAnn(s.Body) || findAnn(s.Finalbody) || findAnn(s.Orelse) {
				return true
			}
		case *syntax.Match:
			for _, mc := range s.Cases {
				if findAnn(mc.Body) {
					return true
				}
			}
		}
	}
	return false
}

// codeFlags computes co_flags for the current unit.
func (c *compiler) codeFlags() CodeFlags {
	ste := c.u.ste
	var f CodeFlags
	if ste.Kind.IsFunctionLike() {
		f |= CO_NEWLOCALS | CO_OPTIMIZED
		if ste.Nested {
			f |= CO_NESTED
		}
		if ste.Generator && !ste.Coroutine {
			f |= CO_GENERATOR
		}
		f |= coroutineFlags(ste)
		if ste.Varargs {
			f |= CO_VARARGS
		}
		if ste.Varkeywords {
			f |= CO_VARKEYWORDS
		}
	}
	f |= c.future & (CO_FUTURE_ANNOTATIONS | CO_FUTURE_BARRY_AS_BDFL)
	return f
}

// qualifiedDebug is what __debug__ evaluates to.
func (c *compiler) debugValue() bool { return c.opts.Optimize == 0 }
