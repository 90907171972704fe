package compile

// This file builds symbol tables: the first pass of the compiler, which
// finds every scope of a module and decides, for every name in each scope,
// whether it is local, global, free or a cell. It follows CPython 3.12's
// Python/symtable.c: two passes, the first collecting raw facts from the
// tree (this name is assigned here, that one used, this one declared
// global), the second resolving each name against the enclosing scopes,
// inlining list, set and dict comprehensions into their enclosing scope
// (PEP 709) and turning the locals that nested scopes capture into cells.
//
// The tables are what CPython's symtable module reports, symbol for symbol
// and flag for flag, with two deliberate differences: free names that a
// scope gains only because a nested scope needs them come last in sorted
// order (CPython appends them in set order, which depends on string
// hashing), and SyntaxError text is left empty (CPython reads it back from
// the file the error names; the caller has the source).

import (
	"fmt"
	"sort"
	"strings"

	"github.com/parallel-py/parallel/interp/syntax"
)

// ScopeKind is the kind of block a Scope stands for (CPython's
// _Py_block_ty).
type ScopeKind uint8

// The kinds of scope. The last three are PEP 695 annotation scopes; they
// behave like functions.
const (
	FunctionScope     ScopeKind = iota // def, async def, lambda, comprehension
	ClassScope                         // class body
	ModuleScope                        // the module
	AnnotationScope                    // annotations under "from __future__ import annotations"
	TypeVarBoundScope                  // the bound of a PEP 695 type variable
	TypeAliasScope                     // the value of a type statement
	TypeParamScope                     // the type parameters of a generic def, class or type alias
)

var scopeKindNames = [...]string{"function", "class", "module", "annotation", "TypeVar bound", "type alias", "type parameter"}

// String returns the name CPython's symtable.SymbolTable.get_type gives
// the kind.
func (k ScopeKind) String() string { return scopeKindNames[k] }

// IsFunctionLike reports whether names bound in a scope of this kind are
// fast locals visible to nested scopes: functions and the PEP 695 scopes.
func (k ScopeKind) IsFunctionLike() bool {
	return k == FunctionScope || k == TypeVarBoundScope || k == TypeAliasScope || k == TypeParamScope
}

// CompKind says which comprehension a FunctionScope is, if any.
type CompKind uint8

// Comprehension kinds.
const (
	NoComprehension CompKind = iota
	ListComprehension
	DictComprehension
	SetComprehension
	GeneratorExpression
)

// SymbolFlags records how a name occurs in one scope. The values are those
// of CPython 3.12 (Include/internal/pycore_symtable.h), so that a flag word
// printed by either side means the same.
type SymbolFlags uint16

// Symbol flags.
const (
	DefGlobal    SymbolFlags = 1 << iota // declared global ("global x", or a walrus target reaching the module)
	DefLocal                             // bound here: assignment, def, class, for, with, except, del, match capture
	DefParam                             // a parameter
	DefNonlocal                          // declared nonlocal ("nonlocal x", or a walrus target in a comprehension)
	Use                                  // read here
	DefFree                              // not set by CPython 3.12's symbol table; kept for the numbering
	DefFreeClass                         // free in a method while also bound or used in the class body
	DefImport                            // bound by an import
	DefAnnot                             // annotated (x: T)
	DefCompIter                          // a comprehension's iteration variable
	DefTypeParam                         // a PEP 695 type parameter
	DefCompCell                          // a cell in an inlined comprehension

	// DefBound marks the flags that bind a name in its scope.
	DefBound = DefLocal | DefParam | DefImport
)

// scopeShift is where CPython keeps the resolved scope in a symbol's flag
// word (SCOPE_OFFSET); RawFlags reproduces that word.
const scopeShift = 12

// SymbolScope is where a name resolves (CPython's LOCAL, GLOBAL_EXPLICIT,
// GLOBAL_IMPLICIT, FREE and CELL).
type SymbolScope uint8

// Resolved scopes. A symbol of an unanalyzed scope (an annotation scope)
// keeps NoScope.
const (
	NoScope        SymbolScope = iota
	Local                      // a local of this scope (a fast local in functions)
	GlobalExplicit             // declared global here or in an enclosing scope
	GlobalImplicit             // not bound in any enclosing function: a global or builtin
	Free                       // bound in an enclosing function, reached through a cell
	Cell                       // a local that nested scopes capture
)

var symbolScopeNames = [...]string{"NONE", "LOCAL", "GLOBAL_EXPLICIT", "GLOBAL_IMPLICIT", "FREE", "CELL"}

func (s SymbolScope) String() string { return symbolScopeNames[s] }

// Symbol is one name of a scope: its name as stored (mangled inside
// classes: __x in class C is _C__x), how it occurs, and where it resolves.
type Symbol struct {
	Name  string
	Flags SymbolFlags
	Scope SymbolScope
}

// RawFlags returns the symbol's flags and scope in one word, as CPython
// keeps them (and as _symtable exposes them to Python).
func (s *Symbol) RawFlags() int { return int(s.Flags) | int(s.Scope)<<scopeShift }

// Scope is the symbol table of one block.
//
// Symbols are in the order CPython's dict holds them: first occurrence in
// the source, then names copied from inlined comprehensions, then free
// names passed through for nested scopes (sorted). Children are the nested
// scopes in source order as CPython reports them: an inlined comprehension
// is replaced by its own children. Inlined comprehensions keep their Scope
// (CompInlined set), reachable through SymbolTable.Lookup, because the
// compiler needs their symbols.
type Scope struct {
	// identity
	Name       string      // function or class name, "top", "lambda", "listcomp", "genexpr", ...
	Kind       ScopeKind   // what kind of block
	Node       syntax.Node // the defining node (see SymbolTable.Lookup)
	Parent     *Scope      // the enclosing scope; nil for the module
	syntax.Loc             // the defining node's position; zero for the module

	// contents
	Symbols  []*Symbol
	Varnames []string // the parameters, in CPython's order: positional-only, positional, keyword-only, *args, **kwargs
	Children []*Scope
	index    map[string]*Symbol

	// facts about the block
	Comprehension     CompKind
	Nested            bool // inside a function-like scope, at any depth
	Free              bool // has free variables (or implicit globals while nested)
	ChildFree         bool // some nested scope has free variables
	Generator         bool // contains yield (or is a generator expression)
	Coroutine         bool // async def, await, or async comprehension
	Varargs           bool // has *args
	Varkeywords       bool // has **kwargs
	ReturnsValue      bool // has "return value"
	NeedsClassClosure bool // a class whose methods use __class__ (or super())
	NeedsClassdict    bool // a class whose annotation scopes read __classdict__
	CompInlined       bool // a comprehension inlined into its parent (PEP 709)
	CanSeeClassScope  bool // a PEP 695 scope directly inside a class body

	// working state of the first pass
	compIterTarget bool // visiting a comprehension's target
	compIterExpr   int  // visiting a comprehension's iterable (nesting count)
	directives     []directive
}

// directive records where a name was declared global or nonlocal, for the
// errors the second pass reports there.
type directive struct {
	name string
	loc  syntax.Loc
}

// Lookup returns the symbol called name (already mangled), or nil.
func (s *Scope) Lookup(name string) *Symbol { return s.index[name] }

// ScopeOf returns where name resolves in s, or NoScope when s has no such
// symbol.
func (s *Scope) ScopeOf(name string) SymbolScope {
	if sym := s.index[name]; sym != nil {
		return sym.Scope
	}
	return NoScope
}

// FlagsOf returns the flags of name in s, or 0.
func (s *Scope) FlagsOf(name string) SymbolFlags {
	if sym := s.index[name]; sym != nil {
		return sym.Flags
	}
	return 0
}

func (s *Scope) String() string {
	return fmt.Sprintf("<%s scope %s, line %d>", s.Kind, s.Name, s.Lineno)
}

// SymbolTable holds the scopes of one module.
type SymbolTable struct {
	Filename string
	Top      *Scope // the module scope

	blocks     map[syntax.Node]*Scope
	typeParams map[syntax.Node]*Scope
}

// Lookup returns the scope a node defines: the Module (or Interactive or
// Expression) node, a FunctionDef, AsyncFunctionDef, ClassDef, Lambda,
// ListComp, SetComp, DictComp or GeneratorExp, a TypeAlias (its value's
// scope) or a TypeVar with a bound (the bound's scope). It returns nil for
// any other node, and for nodes inside annotations under "from __future__
// import annotations", which are never compiled.
func (t *SymbolTable) Lookup(node syntax.Node) *Scope { return t.blocks[node] }

// TypeParamsScope returns the PEP 695 type-parameter scope of a generic
// FunctionDef, AsyncFunctionDef, ClassDef or TypeAlias, or nil.
func (t *SymbolTable) TypeParamsScope(node syntax.Stmt) *Scope { return t.typeParams[node] }

// Mangle returns name as seen inside class private (CPython's _Py_Mangle):
// __x becomes _Class__x, except for dunder names, dotted names, and classes
// whose name is all underscores.
func Mangle(private, name string) string {
	if private == "" || !strings.HasPrefix(name, "__") || strings.HasSuffix(name, "__") || strings.Contains(name, ".") {
		return name
	}
	p := strings.TrimLeft(private, "_")
	if p == "" {
		return name
	}
	return "_" + p + name
}

// BuildSymbolTable builds the symbol table of a parsed module (exec,
// single or eval mode). Programs that CPython's symbol table pass rejects
// give a *syntax.Error with CPython's message and position.
//
// Positions follow CPython, which reports these errors with offsets in
// UTF-8 bytes plus one (not characters) and reads the error's text back
// from the named file: Error.Text is left empty for the caller to fill.
// Some errors CPython raises only in the compiler proper ('return',
// 'yield' and 'await' outside a function, asynchronous comprehensions
// outside async functions, assignments to __debug__) are not raised here.
func BuildSymbolTable(mod syntax.Mod, filename string) (table *SymbolTable, err error) {
	b := &builder{filename: filename}
	b.table = &SymbolTable{
		Filename:   filename,
		blocks:     map[syntax.Node]*Scope{},
		typeParams: map[syntax.Node]*Scope{},
	}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			table, err = nil, e.err
		}
	}()
	b.enterBlock("top", ModuleScope, mod, syntax.Loc{})
	b.table.Top = b.cur
	switch m := mod.(type) {
	case *syntax.Module:
		b.futureAnnotations = futureAnnotations(m.Body)
		b.visitStmts(m.Body)
	case *syntax.Interactive:
		b.futureAnnotations = futureAnnotations(m.Body)
		b.visitStmts(m.Body)
	case *syntax.Expression:
		b.visitExpr(m.Body)
	default:
		return nil, fmt.Errorf("compile: cannot build a symbol table for %s", mod.NodeName())
	}
	b.exitBlock()
	b.analyze()
	return b.table, nil
}

// futureAnnotations reports whether body starts (after an optional
// docstring) with "from __future__ import annotations" among its future
// imports. The compiler checks future imports properly; here only the
// one feature that changes scopes matters.
func futureAnnotations(body []syntax.Stmt) bool {
	for i, s := range body {
		if i == 0 {
			if e, ok := s.(*syntax.ExprStmt); ok {
				if c, ok := e.Value.(*syntax.Constant); ok {
					if _, ok := c.Value.(string); ok {
						continue
					}
				}
			}
		}
		imp, ok := s.(*syntax.ImportFrom)
		if !ok || imp.Module != "__future__" || imp.Level != 0 {
			return false
		}
		for _, a := range imp.Names {
			if a.Name == "annotations" {
				return true
			}
		}
	}
	return false
}

// bailout carries an error (a *syntax.Error, or an internal inconsistency)
// out of the builder; BuildSymbolTable recovers it.
type bailout struct{ err error }

// builder is the state of one BuildSymbolTable call.
type builder struct {
	filename          string
	table             *SymbolTable
	futureAnnotations bool

	stack   []*Scope // open scopes, innermost last
	cur     *Scope   // the innermost open scope
	global  *Scope   // the module scope (CPython's st_global)
	private string   // the name of the class whose names are mangled, or ""
}

// errorAt stops the build with a SyntaxError at loc, with CPython's
// offsets: byte columns plus one.
func (b *builder) errorAt(loc *syntax.Loc, format string, args ...any) {
	panic(bailout{&syntax.Error{
		Type:      syntax.SyntaxErrorType,
		Msg:       fmt.Sprintf(format, args...),
		Filename:  b.filename,
		Line:      loc.Lineno,
		Offset:    loc.ColOffset + 1,
		EndLine:   loc.EndLineno,
		EndOffset: loc.EndColOffset + 1,
	}})
}

func newScope(name string, kind ScopeKind, node syntax.Node, loc syntax.Loc) *Scope {
	return &Scope{Name: name, Kind: kind, Node: node, Loc: loc, index: map[string]*Symbol{}}
}

// enterBlock opens a new scope defined by node and makes it current.
func (b *builder) enterBlock(name string, kind ScopeKind, node syntax.Node, loc syntax.Loc) {
	s := newScope(name, kind, node, loc)
	prev := b.cur
	if prev != nil {
		s.Parent = prev
		s.Nested = prev.Nested || prev.Kind.IsFunctionLike()
		// bpo-37757: every walrus in a comprehension's outermost iterable
		// is refused, even inside a nested lambda or comprehension.
		s.compIterExpr = prev.compIterExpr
	}
	b.stack = append(b.stack, s)
	b.cur = s
	// Annotation scopes (future annotations) turn into strings: they are
	// neither children nor compiled.
	if kind == AnnotationScope {
		return
	}
	if node != nil {
		b.table.blocks[node] = s
	}
	if kind == ModuleScope {
		b.global = s
	}
	if prev != nil {
		prev.Children = append(prev.Children, s)
	}
}

func (b *builder) exitBlock() {
	b.stack = b.stack[:len(b.stack)-1]
	b.cur = nil
	if n := len(b.stack); n > 0 {
		b.cur = b.stack[n-1]
	}
}

// lookup returns the flags name has so far in the current scope.
func (b *builder) lookup(name string) SymbolFlags {
	return b.cur.FlagsOf(Mangle(b.private, name))
}

// addDef records flag for name in the current scope.
func (b *builder) addDef(name string, flag SymbolFlags, loc *syntax.Loc) {
	b.addDefIn(b.cur, name, flag, loc)
}

// addDefIn records flag for name in scope s (CPython's
// symtable_add_def_helper).
func (b *builder) addDefIn(s *Scope, name string, flag SymbolFlags, loc *syntax.Loc) {
	mangled := Mangle(b.private, name)
	sym := s.index[mangled]
	val := flag
	if sym != nil {
		if flag&DefParam != 0 && sym.Flags&DefParam != 0 {
			b.errorAt(loc, "duplicate argument '%s' in function definition", name)
		}
		if flag&DefTypeParam != 0 && sym.Flags&DefTypeParam != 0 {
			b.errorAt(loc, "duplicate type parameter '%s'", name)
		}
		val |= sym.Flags
	}
	if s.compIterTarget {
		// An iteration variable of a comprehension: it must not clash
		// with a walrus target seen earlier in the comprehension, and
		// later walruses must not rebind it.
		if val&(DefGlobal|DefNonlocal) != 0 {
			b.errorAt(loc, "comprehension inner loop cannot rebind assignment expression target '%s'", name)
		}
		val |= DefCompIter
	}
	if sym == nil {
		sym = &Symbol{Name: mangled}
		s.Symbols = append(s.Symbols, sym)
		s.index[mangled] = sym
	}
	sym.Flags = val
	if flag&DefParam != 0 {
		s.Varnames = append(s.Varnames, mangled)
	} else if flag&DefGlobal != 0 {
		// A global declaration anywhere also marks the module's symbol.
		g := b.global.index[mangled]
		if g == nil {
			g = &Symbol{Name: mangled}
			b.global.Symbols = append(b.global.Symbols, g)
			b.global.index[mangled] = g
		}
		g.Flags |= flag
	}
}

// recordDirective remembers where name was declared global or nonlocal.
func (b *builder) recordDirective(name string, loc *syntax.Loc) {
	b.cur.directives = append(b.cur.directives, directive{Mangle(b.private, name), *loc})
}

// --- first pass: statements ---

func (b *builder) visitStmts(body []syntax.Stmt) {
	for _, s := range body {
		b.visitStmt(s)
	}
}

func (b *builder) visitExprs(list []syntax.Expr) {
	for _, e := range list {
		if e != nil {
			b.visitExpr(e)
		}
	}
}

// visitFunction handles def and async def.
func (b *builder) visitFunction(s syntax.Stmt, name string, args *syntax.Arguments, body []syntax.Stmt, decorators []syntax.Expr, returns syntax.Expr, typeParams []syntax.TypeParam, async bool) {
	loc := s.Location()
	b.addDef(name, DefLocal, loc)
	b.visitExprs(args.Defaults)
	b.visitExprs(args.KwDefaults)
	b.visitExprs(decorators)
	if len(typeParams) > 0 {
		// CPython's parser always gives the defaults a (possibly empty)
		// sequence, so a generic function always has ".defaults".
		b.enterTypeParamBlock(name, s, true, hasKwonlyDefaults(args), false, loc)
		b.visitTypeParams(typeParams)
	}
	b.visitAnnotations(s, args, returns)
	b.enterBlock(name, FunctionScope, s, *loc)
	b.cur.Coroutine = async
	b.visitArguments(args)
	b.visitStmts(body)
	b.exitBlock()
	if len(typeParams) > 0 {
		b.exitBlock()
	}
}

func hasKwonlyDefaults(args *syntax.Arguments) bool {
	for _, d := range args.KwDefaults {
		if d != nil {
			return true
		}
	}
	return false
}

func (b *builder) visitStmt(s syntax.Stmt) {
	switch s := s.(type) {
	case *syntax.FunctionDef:
		b.visitFunction(s, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, s.TypeParams, false)
	case *syntax.AsyncFunctionDef:
		b.visitFunction(s, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, s.TypeParams, true)
	case *syntax.ClassDef:
		b.addDef(s.Name, DefLocal, &s.Loc)
		b.visitExprs(s.DecoratorList)
		if len(s.TypeParams) > 0 {
			b.enterTypeParamBlock(s.Name, s, false, false, true, &s.Loc)
			b.visitTypeParams(s.TypeParams)
		}
		b.visitExprs(s.Bases)
		for _, k := range s.Keywords {
			b.visitExpr(k.Value)
		}
		b.enterBlock(s.Name, ClassScope, s, s.Loc)
		// CPython saves the private name after entering the type-parameter
		// block, which has set it already: after a generic class, names
		// stay mangled with its name. 3.12.1 does so; so do we.
		saved := b.private
		b.private = s.Name
		if len(s.TypeParams) > 0 {
			b.addDef("__type_params__", DefLocal, &s.Loc)
			b.addDef(".type_params", Use, &s.Loc)
		}
		b.visitStmts(s.Body)
		b.private = saved
		b.exitBlock()
		if len(s.TypeParams) > 0 {
			b.exitBlock()
		}
	case *syntax.TypeAlias:
		b.visitExpr(s.Name)
		name := ""
		if n, ok := s.Name.(*syntax.Name); ok {
			name = n.ID
		}
		inClass := b.cur.Kind == ClassScope
		generic := len(s.TypeParams) > 0
		if generic {
			b.enterTypeParamBlock(name, s, false, false, false, &s.Loc)
			b.visitTypeParams(s.TypeParams)
		}
		b.enterBlock(name, TypeAliasScope, s, s.Loc)
		b.cur.CanSeeClassScope = inClass
		if inClass {
			b.addDef("__classdict__", Use, s.Value.Location())
		}
		b.visitExpr(s.Value)
		b.exitBlock()
		if generic {
			b.exitBlock()
		}
	case *syntax.Return:
		if s.Value != nil {
			b.visitExpr(s.Value)
			b.cur.ReturnsValue = true
		}
	case *syntax.Delete:
		b.visitExprs(s.Targets)
	case *syntax.Assign:
		b.visitExprs(s.Targets)
		b.visitExpr(s.Value)
	case *syntax.AnnAssign:
		b.visitAnnAssign(s)
	case *syntax.AugAssign:
		b.visitExpr(s.Target)
		b.visitExpr(s.Value)
	case *syntax.For:
		b.visitExpr(s.Target)
		b.visitExpr(s.Iter)
		b.visitStmts(s.Body)
		b.visitStmts(s.Orelse)
	case *syntax.AsyncFor:
		b.visitExpr(s.Target)
		b.visitExpr(s.Iter)
		b.visitStmts(s.Body)
		b.visitStmts(s.Orelse)
	case *syntax.While:
		b.visitExpr(s.Test)
		b.visitStmts(s.Body)
		b.visitStmts(s.Orelse)
	case *syntax.If:
		b.visitExpr(s.Test)
		b.visitStmts(s.Body)
		b.visitStmts(s.Orelse)
	case *syntax.Match:
		b.visitExpr(s.Subject)
		for _, c := range s.Cases {
			b.visitPattern(c.Pattern)
			if c.Guard != nil {
				b.visitExpr(c.Guard)
			}
			b.visitStmts(c.Body)
		}
	case *syntax.Raise:
		if s.Exc != nil {
			b.visitExpr(s.Exc)
			if s.Cause != nil {
				b.visitExpr(s.Cause)
			}
		}
	case *syntax.Try:
		b.visitTry(s.Body, s.Handlers, s.Orelse, s.Finalbody)
	case *syntax.TryStar:
		b.visitTry(s.Body, s.Handlers, s.Orelse, s.Finalbody)
	case *syntax.Assert:
		b.visitExpr(s.Test)
		if s.Msg != nil {
			b.visitExpr(s.Msg)
		}
	case *syntax.Import:
		for _, a := range s.Names {
			b.visitAlias(a)
		}
	case *syntax.ImportFrom:
		for _, a := range s.Names {
			b.visitAlias(a)
		}
	case *syntax.Global:
		for _, name := range s.Names {
			if cur := b.lookup(name); cur&(DefParam|DefLocal|Use|DefAnnot) != 0 {
				b.errorAt(&s.Loc, "%s", declarationError(cur, name, "global"))
			}
			b.addDef(name, DefGlobal, &s.Loc)
			b.recordDirective(name, &s.Loc)
		}
	case *syntax.Nonlocal:
		for _, name := range s.Names {
			if cur := b.lookup(name); cur&(DefParam|DefLocal|Use|DefAnnot) != 0 {
				b.errorAt(&s.Loc, "%s", declarationError(cur, name, "nonlocal"))
			}
			b.addDef(name, DefNonlocal, &s.Loc)
			b.recordDirective(name, &s.Loc)
		}
	case *syntax.ExprStmt:
		b.visitExpr(s.Value)
	case *syntax.With:
		b.visitWithItems(s.Items)
		b.visitStmts(s.Body)
	case *syntax.AsyncWith:
		b.visitWithItems(s.Items)
		b.visitStmts(s.Body)
	case *syntax.Pass, *syntax.Break, *syntax.Continue:
	}
}

// declarationError is the message for a global or nonlocal declaration of
// a name the scope has already seen with flags cur.
func declarationError(cur SymbolFlags, name, kind string) string {
	switch {
	case cur&DefParam != 0:
		return fmt.Sprintf("name '%s' is parameter and %s", name, kind)
	case cur&Use != 0:
		return fmt.Sprintf("name '%s' is used prior to %s declaration", name, kind)
	case cur&DefAnnot != 0:
		return fmt.Sprintf("annotated name '%s' can't be %s", name, kind)
	}
	return fmt.Sprintf("name '%s' is assigned to before %s declaration", name, kind)
}

func (b *builder) visitAnnAssign(s *syntax.AnnAssign) {
	if n, ok := s.Target.(*syntax.Name); ok {
		cur := b.lookup(n.ID)
		if cur&(DefGlobal|DefNonlocal) != 0 && b.cur != b.global && s.Simple != 0 {
			kind := "nonlocal"
			if cur&DefGlobal != 0 {
				kind = "global"
			}
			b.errorAt(&s.Loc, "annotated name '%s' can't be %s", n.ID, kind)
		}
		if s.Simple != 0 {
			b.addDef(n.ID, DefAnnot|DefLocal, &n.Loc)
		}
		if s.Value != nil {
			b.addDef(n.ID, DefLocal, &n.Loc)
		}
	} else {
		b.visitExpr(s.Target)
	}
	b.visitAnnotation(s.Annotation)
	if s.Value != nil {
		b.visitExpr(s.Value)
	}
}

func (b *builder) visitTry(body []syntax.Stmt, handlers []*syntax.ExceptHandler, orelse, finalbody []syntax.Stmt) {
	// CPython 3.12 visits the else block before the handlers.
	b.visitStmts(body)
	b.visitStmts(orelse)
	for _, h := range handlers {
		if h.Type != nil {
			b.visitExpr(h.Type)
		}
		if h.Name != "" {
			b.addDef(h.Name, DefLocal, &h.Loc)
		}
		b.visitStmts(h.Body)
	}
	b.visitStmts(finalbody)
}

func (b *builder) visitWithItems(items []*syntax.WithItem) {
	for _, it := range items {
		b.visitExpr(it.ContextExpr)
		if it.OptionalVars != nil {
			b.visitExpr(it.OptionalVars)
		}
	}
}

// visitAlias binds the name an import stores: the alias, or the first
// component of a dotted module name.
func (b *builder) visitAlias(a *syntax.Alias) {
	name := a.Name
	if a.Asname != "" {
		name = a.Asname
	}
	if name == "*" {
		if b.cur.Kind != ModuleScope {
			b.errorAt(&a.Loc, "import * only allowed at module level")
		}
		return
	}
	if dot := strings.IndexByte(name, '.'); dot >= 0 {
		name = name[:dot]
	}
	b.addDef(name, DefImport, &a.Loc)
}

// enterTypeParamBlock opens the PEP 695 scope that holds the type
// parameters of a generic def, class or type alias.
func (b *builder) enterTypeParamBlock(name string, node syntax.Stmt, hasDefaults, hasKwDefaults, isClass bool, loc *syntax.Loc) {
	inClass := b.cur.Kind == ClassScope
	b.enterBlock(name, TypeParamScope, nil, *loc)
	b.table.typeParams[node] = b.cur
	if inClass {
		b.cur.CanSeeClassScope = true
		b.addDef("__classdict__", Use, loc)
	}
	if isClass {
		// ".type_params" is set when the tuple of parameters is built and
		// used for the bases; ".generic_base" holds Generic[*params].
		b.addDef(".type_params", DefLocal, loc)
		b.addDef(".type_params", Use, loc)
		b.private = name
		b.addDef(".generic_base", DefLocal, loc)
		b.addDef(".generic_base", Use, loc)
	}
	if hasDefaults {
		b.addDef(".defaults", DefParam, loc)
	}
	if hasKwDefaults {
		b.addDef(".kwdefaults", DefParam, loc)
	}
}

func (b *builder) visitTypeParams(params []syntax.TypeParam) {
	for _, tp := range params {
		switch tp := tp.(type) {
		case *syntax.TypeVar:
			b.addDef(tp.Name, DefTypeParam|DefLocal, &tp.Loc)
			if tp.Bound != nil {
				inClass := b.cur.CanSeeClassScope
				b.enterBlock(tp.Name, TypeVarBoundScope, tp, tp.Loc)
				b.cur.CanSeeClassScope = inClass
				if inClass {
					b.addDef("__classdict__", Use, tp.Bound.Location())
				}
				b.visitExpr(tp.Bound)
				b.exitBlock()
			}
		case *syntax.TypeVarTuple:
			b.addDef(tp.Name, DefTypeParam|DefLocal, &tp.Loc)
		case *syntax.ParamSpec:
			b.addDef(tp.Name, DefTypeParam|DefLocal, &tp.Loc)
		}
	}
}

func (b *builder) visitPattern(p syntax.Pattern) {
	switch p := p.(type) {
	case *syntax.MatchValue:
		b.visitExpr(p.Value)
	case *syntax.MatchSingleton:
	case *syntax.MatchSequence:
		b.visitPatterns(p.Patterns)
	case *syntax.MatchStar:
		if p.Name != "" {
			b.addDef(p.Name, DefLocal, &p.Loc)
		}
	case *syntax.MatchMapping:
		b.visitExprs(p.Keys)
		b.visitPatterns(p.Patterns)
		if p.Rest != "" {
			b.addDef(p.Rest, DefLocal, &p.Loc)
		}
	case *syntax.MatchClass:
		b.visitExpr(p.Cls)
		b.visitPatterns(p.Patterns)
		b.visitPatterns(p.KwdPatterns)
	case *syntax.MatchAs:
		if p.Pattern != nil {
			b.visitPattern(p.Pattern)
		}
		if p.Name != "" {
			b.addDef(p.Name, DefLocal, &p.Loc)
		}
	case *syntax.MatchOr:
		b.visitPatterns(p.Patterns)
	}
}

func (b *builder) visitPatterns(ps []syntax.Pattern) {
	for _, p := range ps {
		b.visitPattern(p)
	}
}

// --- first pass: parameters and annotations ---

// visitArguments binds the parameters in the function's own scope, in
// the order of co_varnames. Defaults and annotations belong to the
// enclosing scope and are visited there.
func (b *builder) visitArguments(a *syntax.Arguments) {
	for _, list := range [][]*syntax.Arg{a.Posonlyargs, a.Args, a.Kwonlyargs} {
		for _, arg := range list {
			b.addDef(arg.Arg, DefParam, &arg.Loc)
		}
	}
	if a.Vararg != nil {
		b.addDef(a.Vararg.Arg, DefParam, &a.Vararg.Loc)
		b.cur.Varargs = true
	}
	if a.Kwarg != nil {
		b.addDef(a.Kwarg.Arg, DefParam, &a.Kwarg.Loc)
		b.cur.Varkeywords = true
	}
}

// visitAnnotations visits the annotations of a def: the parameters' (in
// CPython's order, **kwargs before keyword-only) and the return's.
func (b *builder) visitAnnotations(s syntax.Stmt, a *syntax.Arguments, returns syntax.Expr) {
	if b.futureAnnotations {
		b.enterBlock("_annotation", AnnotationScope, s, *s.Location())
	}
	visit := func(args []*syntax.Arg) {
		for _, arg := range args {
			if arg.Annotation != nil {
				b.visitExpr(arg.Annotation)
			}
		}
	}
	visit(a.Posonlyargs)
	visit(a.Args)
	if a.Vararg != nil && a.Vararg.Annotation != nil {
		b.visitExpr(a.Vararg.Annotation)
	}
	if a.Kwarg != nil && a.Kwarg.Annotation != nil {
		b.visitExpr(a.Kwarg.Annotation)
	}
	visit(a.Kwonlyargs)
	if b.futureAnnotations {
		b.exitBlock()
	}
	if returns != nil {
		b.visitAnnotation(returns)
	}
}

func (b *builder) visitAnnotation(e syntax.Expr) {
	if b.futureAnnotations {
		b.enterBlock("_annotation", AnnotationScope, e, *e.Location())
	}
	b.visitExpr(e)
	if b.futureAnnotations {
		b.exitBlock()
	}
}

// --- first pass: expressions ---

func (b *builder) visitExpr(e syntax.Expr) {
	switch e := e.(type) {
	case *syntax.NamedExpr:
		b.refuseInAnnotationScope("named expression", &e.Loc)
		b.visitNamedExpr(e)
	case *syntax.BoolOp:
		b.visitExprs(e.Values)
	case *syntax.BinOp:
		b.visitExpr(e.Left)
		b.visitExpr(e.Right)
	case *syntax.UnaryOp:
		b.visitExpr(e.Operand)
	case *syntax.Lambda:
		if b.cur.CanSeeClassScope {
			b.errorAt(&e.Loc, "Cannot use lambda in annotation scope within class scope")
		}
		b.visitExprs(e.Args.Defaults)
		b.visitExprs(e.Args.KwDefaults)
		b.enterBlock("lambda", FunctionScope, e, e.Loc)
		b.visitArguments(e.Args)
		b.visitExpr(e.Body)
		b.exitBlock()
	case *syntax.IfExp:
		b.visitExpr(e.Test)
		b.visitExpr(e.Body)
		b.visitExpr(e.Orelse)
	case *syntax.Dict:
		b.visitExprs(e.Keys)
		b.visitExprs(e.Values)
	case *syntax.Set:
		b.visitExprs(e.Elts)
	case *syntax.GeneratorExp:
		b.visitComprehension(e, &e.Loc, "genexpr", GeneratorExpression, e.Generators, e.Elt, nil)
	case *syntax.ListComp:
		b.visitComprehension(e, &e.Loc, "listcomp", ListComprehension, e.Generators, e.Elt, nil)
	case *syntax.SetComp:
		b.visitComprehension(e, &e.Loc, "setcomp", SetComprehension, e.Generators, e.Elt, nil)
	case *syntax.DictComp:
		b.visitComprehension(e, &e.Loc, "dictcomp", DictComprehension, e.Generators, e.Key, e.Value)
	case *syntax.Yield:
		b.refuseInAnnotationScope("yield expression", &e.Loc)
		if e.Value != nil {
			b.visitExpr(e.Value)
		}
		b.markYield(&e.Loc)
	case *syntax.YieldFrom:
		b.refuseInAnnotationScope("yield expression", &e.Loc)
		b.visitExpr(e.Value)
		b.markYield(&e.Loc)
	case *syntax.Await:
		b.refuseInAnnotationScope("await expression", &e.Loc)
		b.visitExpr(e.Value)
		b.cur.Coroutine = true
	case *syntax.Compare:
		b.visitExpr(e.Left)
		b.visitExprs(e.Comparators)
	case *syntax.Call:
		b.visitExpr(e.Func)
		b.visitExprs(e.Args)
		for _, k := range e.Keywords {
			b.visitExpr(k.Value)
		}
	case *syntax.FormattedValue:
		b.visitExpr(e.Value)
		if e.FormatSpec != nil {
			b.visitExpr(e.FormatSpec)
		}
	case *syntax.JoinedStr:
		b.visitExprs(e.Values)
	case *syntax.Constant:
	case *syntax.Attribute:
		b.visitExpr(e.Value)
	case *syntax.Subscript:
		b.visitExpr(e.Value)
		b.visitExpr(e.Slice)
	case *syntax.Starred:
		b.visitExpr(e.Value)
	case *syntax.Slice:
		for _, x := range []syntax.Expr{e.Lower, e.Upper, e.Step} {
			if x != nil {
				b.visitExpr(x)
			}
		}
	case *syntax.Name:
		flag := DefLocal
		if e.Ctx == syntax.Load {
			flag = Use
		}
		b.addDef(e.ID, flag, &e.Loc)
		// super() needs the __class__ cell of the enclosing class.
		if e.Ctx == syntax.Load && b.cur.Kind.IsFunctionLike() && e.ID == "super" {
			b.addDef("__class__", Use, &e.Loc)
		}
	case *syntax.List:
		b.visitExprs(e.Elts)
	case *syntax.Tuple:
		b.visitExprs(e.Elts)
	}
}

// markYield makes the current scope a generator; a yield directly in a
// comprehension is an error.
func (b *builder) markYield(loc *syntax.Loc) {
	b.cur.Generator = true
	switch b.cur.Comprehension {
	case ListComprehension:
		b.errorAt(loc, "'yield' inside list comprehension")
	case SetComprehension:
		b.errorAt(loc, "'yield' inside set comprehension")
	case DictComprehension:
		b.errorAt(loc, "'yield' inside dict comprehension")
	case GeneratorExpression:
		b.errorAt(loc, "'yield' inside generator expression")
	}
}

// refuseInAnnotationScope rejects what cannot appear in an annotation or
// PEP 695 scope.
func (b *builder) refuseInAnnotationScope(what string, loc *syntax.Loc) {
	switch b.cur.Kind {
	case AnnotationScope:
		b.errorAt(loc, "%s cannot be used within an annotation", what)
	case TypeVarBoundScope:
		b.errorAt(loc, "%s cannot be used within a TypeVar bound", what)
	case TypeAliasScope:
		b.errorAt(loc, "%s cannot be used within a type alias", what)
	case TypeParamScope:
		b.errorAt(loc, "%s cannot be used within the definition of a generic", what)
	}
}

// visitNamedExpr handles target := value. Inside a comprehension the
// target belongs to the nearest enclosing function (or the module).
func (b *builder) visitNamedExpr(e *syntax.NamedExpr) {
	if b.cur.compIterExpr > 0 {
		b.errorAt(&e.Loc, "assignment expression cannot be used in a comprehension iterable expression")
	}
	if b.cur.Comprehension != NoComprehension {
		if target, ok := e.Target.(*syntax.Name); ok {
			b.extendNamedExprScope(target)
		}
	}
	b.visitExpr(e.Value)
	b.visitExpr(e.Target)
}

// extendNamedExprScope binds a walrus target of a comprehension in the
// nearest enclosing function or module scope, and marks it nonlocal (or
// global) in the comprehension.
func (b *builder) extendNamedExprScope(e *syntax.Name) {
	name := e.ID
	for i := len(b.stack) - 1; i >= 0; i-- {
		s := b.stack[i]
		if s.Comprehension != NoComprehension {
			if f := s.FlagsOf(name); f&DefCompIter != 0 && f&DefLocal != 0 {
				b.errorAt(&e.Loc, "assignment expression cannot rebind comprehension iteration variable '%s'", name)
			}
			continue
		}
		switch s.Kind {
		case FunctionScope:
			if s.FlagsOf(name)&DefGlobal != 0 {
				b.addDef(name, DefGlobal, &e.Loc)
			} else {
				b.addDef(name, DefNonlocal, &e.Loc)
			}
			b.recordDirective(name, &e.Loc)
			b.addDefIn(s, name, DefLocal, &e.Loc)
			return
		case ModuleScope:
			b.addDef(name, DefGlobal, &e.Loc)
			b.recordDirective(name, &e.Loc)
			b.addDefIn(s, name, DefGlobal, &e.Loc)
			return
		case ClassScope:
			b.errorAt(&e.Loc, "assignment expression within a comprehension cannot be used in a class body")
		case TypeParamScope:
			b.errorAt(&e.Loc, "assignment expression within a comprehension cannot be used within the definition of a generic")
		case TypeAliasScope:
			b.errorAt(&e.Loc, "assignment expression within a comprehension cannot be used in a type alias")
		case TypeVarBoundScope:
			b.errorAt(&e.Loc, "assignment expression within a comprehension cannot be used in a TypeVar bound")
		}
	}
}

// visitComprehension opens the scope of a comprehension. Its outermost
// iterable is evaluated in the enclosing scope and passed in as the
// implicit parameter ".0".
func (b *builder) visitComprehension(e syntax.Expr, loc *syntax.Loc, name string, kind CompKind, gens []*syntax.Comprehension, elt, value syntax.Expr) {
	if b.cur.CanSeeClassScope {
		b.errorAt(loc, "Cannot use comprehension in annotation scope within class scope")
	}
	outer := gens[0]
	b.cur.compIterExpr++
	b.visitExpr(outer.Iter)
	b.cur.compIterExpr--
	b.enterBlock(name, FunctionScope, e, *loc)
	c := b.cur
	c.Comprehension = kind
	if outer.IsAsync != 0 {
		c.Coroutine = true
	}
	b.addDef(".0", DefParam, loc)
	c.compIterTarget = true
	b.visitExpr(outer.Target)
	c.compIterTarget = false
	b.visitExprs(outer.Ifs)
	for _, g := range gens[1:] {
		c.compIterTarget = true
		b.visitExpr(g.Target)
		c.compIterTarget = false
		c.compIterExpr++
		b.visitExpr(g.Iter)
		c.compIterExpr--
		b.visitExprs(g.Ifs)
		if g.IsAsync != 0 {
			c.Coroutine = true
		}
	}
	if value != nil {
		b.visitExpr(value)
	}
	b.visitExpr(elt)
	isGenerator := kind == GeneratorExpression
	c.Generator = isGenerator
	b.exitBlock()
	// An async list, set or dict comprehension makes its enclosing scope
	// a coroutine too; an async generator expression does not.
	if c.Coroutine && !isGenerator {
		b.cur.Coroutine = true
	}
}

// --- second pass: analysis ---

// nameSet is a set of names.
type nameSet map[string]struct{}

func (s nameSet) has(name string) bool { _, ok := s[name]; return ok }
func (s nameSet) add(name string)      { s[name] = struct{}{} }
func (s nameSet) del(name string)      { delete(s, name) }

func (s nameSet) addAll(t nameSet) {
	for n := range t {
		s[n] = struct{}{}
	}
}

func (s nameSet) clone() nameSet {
	c := make(nameSet, len(s))
	c.addAll(s)
	return c
}

// analyze runs the second pass over the whole tree.
func (b *builder) analyze() {
	b.analyzeBlock(b.table.Top, nil, nameSet{}, nameSet{}, nameSet{}, nil)
}

// analyzeBlock resolves the names of s. bound holds the names bound in
// enclosing function scopes (nil for the module), global the names
// declared global in enclosing scopes, typeParams the enclosing PEP 695
// type parameters; the free names of s and its children are added to free.
// classEntry is the class whose body a PEP 695 scope can see, or nil.
func (b *builder) analyzeBlock(s *Scope, bound, free, global, typeParams nameSet, classEntry *Scope) {
	local := nameSet{}
	scopes := make(map[string]SymbolScope, len(s.Symbols))
	newGlobal, newFree, newBound, inlinedCells := nameSet{}, nameSet{}, nameSet{}, nameSet{}

	// A class body's names are invisible to nested scopes, so what they
	// see is settled before the class's own names are analyzed.
	if s.Kind == ClassScope {
		newGlobal.addAll(global)
		if bound != nil {
			newBound.addAll(bound)
		}
	}
	for _, sym := range s.Symbols {
		b.analyzeName(s, scopes, sym.Name, sym.Flags, bound, local, free, global, typeParams, classEntry)
	}
	if s.Kind != ClassScope {
		if s.Kind.IsFunctionLike() {
			newBound.addAll(local)
		}
		if bound != nil {
			newBound.addAll(bound)
		}
		newGlobal.addAll(global)
	} else {
		newBound.add("__class__")
		newBound.add("__classdict__")
	}

	for _, child := range s.Children {
		var newClassEntry *Scope
		if child.CanSeeClassScope {
			if s.Kind == ClassScope {
				newClassEntry = s
			} else {
				newClassEntry = classEntry
			}
		}
		childFree := newFree.clone()
		b.analyzeBlock(child, newBound.clone(), childFree, newGlobal.clone(), typeParams.clone(), newClassEntry)
		// PEP 709: list, set and dict comprehensions run inline.
		if child.Comprehension != NoComprehension && !child.Generator {
			inlineComprehension(s, child, scopes, childFree, inlinedCells)
			child.CompInlined = true
		}
		newFree.addAll(childFree)
		if child.Free || child.ChildFree {
			s.ChildFree = true
		}
	}

	// The children of inlined comprehensions become our children.
	var children []*Scope
	for _, child := range s.Children {
		if child.CompInlined {
			children = append(children, child.Children...)
		} else {
			children = append(children, child)
		}
	}
	s.Children = children

	if s.Kind.IsFunctionLike() {
		analyzeCells(scopes, newFree, inlinedCells)
	} else if s.Kind == ClassScope {
		if newFree.has("__class__") {
			newFree.del("__class__")
			s.NeedsClassClosure = true
		}
		if newFree.has("__classdict__") {
			newFree.del("__classdict__")
			s.NeedsClassdict = true
		}
	}
	updateSymbols(s, scopes, bound, newFree, inlinedCells, s.Kind == ClassScope || s.CanSeeClassScope)
	free.addAll(newFree)
}

// analyzeName decides the scope of one name from its flags.
func (b *builder) analyzeName(s *Scope, scopes map[string]SymbolScope, name string, flags SymbolFlags, bound, local, free, global, typeParams nameSet, classEntry *Scope) {
	if flags&DefGlobal != 0 {
		if flags&DefNonlocal != 0 {
			b.errorAtDirective(s, name, "name '%s' is nonlocal and global", name)
		}
		scopes[name] = GlobalExplicit
		global.add(name)
		if bound != nil {
			bound.del(name)
		}
		return
	}
	if flags&DefNonlocal != 0 {
		if bound == nil {
			b.errorAtDirective(s, name, "nonlocal declaration not allowed at module level")
		}
		if !bound.has(name) {
			b.errorAtDirective(s, name, "no binding for nonlocal '%s' found", name)
		}
		if typeParams.has(name) {
			b.errorAtDirective(s, name, "nonlocal binding not allowed for type parameter '%s'", name)
		}
		scopes[name] = Free
		s.Free = true
		free.add(name)
		return
	}
	if flags&DefBound != 0 {
		scopes[name] = Local
		local.add(name)
		global.del(name)
		if flags&DefTypeParam != 0 {
			typeParams.add(name)
		} else {
			typeParams.del(name)
		}
		return
	}
	// In a PEP 695 scope inside a class, names the class binds (or
	// declares global) are looked up in the class namespace, then the
	// globals, and never in an enclosing function.
	if classEntry != nil {
		cf := classEntry.FlagsOf(name)
		if cf&DefGlobal != 0 {
			scopes[name] = GlobalExplicit
			return
		}
		if cf&DefBound != 0 && cf&DefNonlocal == 0 {
			scopes[name] = GlobalImplicit
			return
		}
	}
	if bound != nil && bound.has(name) {
		scopes[name] = Free
		s.Free = true
		free.add(name)
		return
	}
	if global.has(name) {
		scopes[name] = GlobalImplicit
		return
	}
	if s.Nested {
		s.Free = true
	}
	scopes[name] = GlobalImplicit
}

// errorAtDirective reports an error at the global or nonlocal statement
// (or walrus) that declared name in s.
func (b *builder) errorAtDirective(s *Scope, name, format string, args ...any) {
	for i := range s.directives {
		if d := &s.directives[i]; d.name == name {
			b.errorAt(&d.loc, format, args...)
		}
	}
	panic(bailout{fmt.Errorf("compile: internal error: no directive recorded for %q in %s", name, s)})
}

// inlineComprehension merges the symbols of an inlined comprehension into
// its enclosing scope s. compFree is the free set the comprehension
// reported.
func inlineComprehension(s, comp *Scope, scopes map[string]SymbolScope, compFree, inlinedCells nameSet) {
	for _, sym := range comp.Symbols {
		if sym.Flags&DefParam != 0 {
			continue // the implicit ".0"
		}
		if sym.Scope == Cell || sym.Flags&DefCompCell != 0 {
			inlinedCells.add(sym.Name)
		}
		existing := s.index[sym.Name]
		if existing == nil {
			n := &Symbol{Name: sym.Name, Flags: sym.Flags}
			s.Symbols = append(s.Symbols, n)
			s.index[sym.Name] = n
			scopes[sym.Name] = sym.Scope
			continue
		}
		// A name free in the comprehension but local in s is simply a
		// local once inlined, unless a scope nested in the comprehension
		// captures it, or s is a class body.
		if existing.Flags&DefBound != 0 && !isFreeInAnyChild(comp, sym.Name) && s.Kind != ClassScope {
			compFree.del(sym.Name)
		}
	}
}

func isFreeInAnyChild(s *Scope, name string) bool {
	for _, c := range s.Children {
		if c.ScopeOf(name) == Free {
			return true
		}
	}
	return false
}

// analyzeCells turns the locals that nested scopes capture into cells.
func analyzeCells(scopes map[string]SymbolScope, free, inlinedCells nameSet) {
	for name, sc := range scopes {
		if sc != Local {
			continue
		}
		if !free.has(name) && !inlinedCells.has(name) {
			continue
		}
		scopes[name] = Cell
		free.del(name)
	}
}

// updateSymbols stores the resolved scopes in s and adds the names that
// pass through s to reach nested scopes as free symbols of s.
func updateSymbols(s *Scope, scopes map[string]SymbolScope, bound, free, inlinedCells nameSet, classFlag bool) {
	for _, sym := range s.Symbols {
		if inlinedCells.has(sym.Name) {
			sym.Flags |= DefCompCell
		}
		sym.Scope = scopes[sym.Name]
	}
	names := make([]string, 0, len(free))
	for name := range free {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if sym := s.index[name]; sym != nil {
			// A method's free variable that the class body also binds
			// or uses.
			if classFlag {
				sym.Flags |= DefFreeClass
			}
			continue
		}
		if bound != nil && !bound.has(name) {
			continue // a global
		}
		sym := &Symbol{Name: name, Scope: Free}
		s.Symbols = append(s.Symbols, sym)
		s.index[name] = sym
	}
}
