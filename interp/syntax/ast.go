package syntax

// This file declares the abstract syntax tree. Node kinds, field names and
// field order are those of CPython 3.12's ast module (Parser/Python.asdl);
// the `py` struct tag carries the Python field name, and ",opt" marks the
// ASDL optional fields ("expr?", "identifier?"), whose absence is a nil
// interface or pointer, or an empty string for identifiers. Dump walks these
// tags, so field order here is the order ast.dump prints.

// Loc is a node's source range in CPython's units: lines from 1, columns in
// UTF-8 bytes from 0; the end is exclusive.
type Loc struct {
	Lineno       int
	ColOffset    int
	EndLineno    int
	EndColOffset int
}

// Location returns the node's range; nodes embed Loc to get it.
func (l *Loc) Location() *Loc { return l }

// Node is any AST node.
type Node interface {
	// NodeName is the node's class name in Python's ast module.
	NodeName() string
}

// Located is a node that carries source positions.
type Located interface {
	Node
	Location() *Loc
}

// Mod is a module-level node: Module, Interactive, Expression, FunctionType.
type Mod interface {
	Node
	modNode()
}

// Stmt is a statement node.
type Stmt interface {
	Located
	stmtNode()
}

// Expr is an expression node.
type Expr interface {
	Located
	exprNode()
}

// Pattern is a match-statement pattern node.
type Pattern interface {
	Located
	patternNode()
}

// TypeParam is a PEP 695 type parameter node.
type TypeParam interface {
	Located
	typeParamNode()
}

// ConstantValue is the value of a Constant or MatchSingleton node: nil for
// None, bool, int64 (ints that fit), *big.Int (larger ints), float64,
// complex128 (imaginary literals), string (str; lone surrogates encoded as
// WTF-8), Bytes, or EllipsisValue.
type ConstantValue any

// Bytes is the value of a bytes literal.
type Bytes string

// EllipsisType is the type of the Ellipsis constant.
type EllipsisType struct{}

// EllipsisValue is the value of the literal "...".
var EllipsisValue = EllipsisType{}

// ExprContext says how a target-capable expression is used.
type ExprContext uint8

// Expression contexts.
const (
	Load ExprContext = iota
	Store
	Del
)

var exprContextNames = [...]string{"Load", "Store", "Del"}

func (c ExprContext) String() string { return exprContextNames[c] }

// BoolOperator is the operator of a BoolOp.
type BoolOperator uint8

// Boolean operators.
const (
	And BoolOperator = iota
	Or
)

var boolOperatorNames = [...]string{"And", "Or"}

func (o BoolOperator) String() string { return boolOperatorNames[o] }

// Operator is a binary arithmetic or bitwise operator.
type Operator uint8

// Binary operators.
const (
	Add Operator = iota
	Sub
	Mult
	MatMult
	Div
	Modulo
	Pow
	LShift
	RShift
	BitOr
	BitXor
	BitAnd
	FloorDiv
)

var operatorNames = [...]string{"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"}

func (o Operator) String() string { return operatorNames[o] }

// UnaryOperator is the operator of a UnaryOp.
type UnaryOperator uint8

// Unary operators.
const (
	Invert UnaryOperator = iota
	Not
	UAdd
	USub
)

var unaryOperatorNames = [...]string{"Invert", "Not", "UAdd", "USub"}

func (o UnaryOperator) String() string { return unaryOperatorNames[o] }

// CmpOperator is a comparison operator.
type CmpOperator uint8

// Comparison operators.
const (
	Eq CmpOperator = iota
	NotEq
	Lt
	LtE
	Gt
	GtE
	Is
	IsNot
	In
	NotIn
)

var cmpOperatorNames = [...]string{"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"}

func (o CmpOperator) String() string { return cmpOperatorNames[o] }

// Module is a whole source file (exec mode).
type Module struct {
	Body        []Stmt        `py:"body"`
	TypeIgnores []*TypeIgnore `py:"type_ignores"`
}

// Interactive is one interactive statement (single mode).
type Interactive struct {
	Body []Stmt `py:"body"`
}

// Expression is a lone expression (eval mode).
type Expression struct {
	Body Expr `py:"body"`
}

// FunctionType is a function type comment: "(argtypes) -> returns".
type FunctionType struct {
	Argtypes []Expr `py:"argtypes"`
	Returns  Expr   `py:"returns"`
}

// FunctionDef is a def statement.
type FunctionDef struct {
	Loc
	Name          string      `py:"name"`
	Args          *Arguments  `py:"args"`
	Body          []Stmt      `py:"body"`
	DecoratorList []Expr      `py:"decorator_list"`
	Returns       Expr        `py:"returns,opt"`
	TypeComment   string      `py:"type_comment,opt"`
	TypeParams    []TypeParam `py:"type_params"`
}

// AsyncFunctionDef is an async def statement.
type AsyncFunctionDef struct {
	Loc
	Name          string      `py:"name"`
	Args          *Arguments  `py:"args"`
	Body          []Stmt      `py:"body"`
	DecoratorList []Expr      `py:"decorator_list"`
	Returns       Expr        `py:"returns,opt"`
	TypeComment   string      `py:"type_comment,opt"`
	TypeParams    []TypeParam `py:"type_params"`
}

// ClassDef is a class statement.
type ClassDef struct {
	Loc
	Name          string      `py:"name"`
	Bases         []Expr      `py:"bases"`
	Keywords      []*Keyword  `py:"keywords"`
	Body          []Stmt      `py:"body"`
	DecoratorList []Expr      `py:"decorator_list"`
	TypeParams    []TypeParam `py:"type_params"`
}

// Return is a return statement.
type Return struct {
	Loc
	Value Expr `py:"value,opt"`
}

// Delete is a del statement.
type Delete struct {
	Loc
	Targets []Expr `py:"targets"`
}

// Assign is an assignment, possibly chained: a = b = value.
type Assign struct {
	Loc
	Targets     []Expr `py:"targets"`
	Value       Expr   `py:"value"`
	TypeComment string `py:"type_comment,opt"`
}

// TypeAlias is a PEP 695 type statement: type Name[T] = value.
type TypeAlias struct {
	Loc
	Name       Expr        `py:"name"`
	TypeParams []TypeParam `py:"type_params"`
	Value      Expr        `py:"value"`
}

// AugAssign is an augmented assignment: target op= value.
type AugAssign struct {
	Loc
	Target Expr     `py:"target"`
	Op     Operator `py:"op"`
	Value  Expr     `py:"value"`
}

// AnnAssign is an annotated assignment; Simple is 1 for a bare, unparenthesized name.
type AnnAssign struct {
	Loc
	Target     Expr `py:"target"`
	Annotation Expr `py:"annotation"`
	Value      Expr `py:"value,opt"`
	Simple     int  `py:"simple"`
}

// For is a for loop.
type For struct {
	Loc
	Target      Expr   `py:"target"`
	Iter        Expr   `py:"iter"`
	Body        []Stmt `py:"body"`
	Orelse      []Stmt `py:"orelse"`
	TypeComment string `py:"type_comment,opt"`
}

// AsyncFor is an async for loop.
type AsyncFor struct {
	Loc
	Target      Expr   `py:"target"`
	Iter        Expr   `py:"iter"`
	Body        []Stmt `py:"body"`
	Orelse      []Stmt `py:"orelse"`
	TypeComment string `py:"type_comment,opt"`
}

// While is a while loop.
type While struct {
	Loc
	Test   Expr   `py:"test"`
	Body   []Stmt `py:"body"`
	Orelse []Stmt `py:"orelse"`
}

// If is an if statement; an elif is a nested If alone in Orelse.
type If struct {
	Loc
	Test   Expr   `py:"test"`
	Body   []Stmt `py:"body"`
	Orelse []Stmt `py:"orelse"`
}

// With is a with statement.
type With struct {
	Loc
	Items       []*WithItem `py:"items"`
	Body        []Stmt      `py:"body"`
	TypeComment string      `py:"type_comment,opt"`
}

// AsyncWith is an async with statement.
type AsyncWith struct {
	Loc
	Items       []*WithItem `py:"items"`
	Body        []Stmt      `py:"body"`
	TypeComment string      `py:"type_comment,opt"`
}

// Match is a match statement (PEP 634).
type Match struct {
	Loc
	Subject Expr         `py:"subject"`
	Cases   []*MatchCase `py:"cases"`
}

// Raise is a raise statement.
type Raise struct {
	Loc
	Exc   Expr `py:"exc,opt"`
	Cause Expr `py:"cause,opt"`
}

// Try is a try statement with except clauses.
type Try struct {
	Loc
	Body      []Stmt           `py:"body"`
	Handlers  []*ExceptHandler `py:"handlers"`
	Orelse    []Stmt           `py:"orelse"`
	Finalbody []Stmt           `py:"finalbody"`
}

// TryStar is a try statement with except* clauses (PEP 654).
type TryStar struct {
	Loc
	Body      []Stmt           `py:"body"`
	Handlers  []*ExceptHandler `py:"handlers"`
	Orelse    []Stmt           `py:"orelse"`
	Finalbody []Stmt           `py:"finalbody"`
}

// Assert is an assert statement.
type Assert struct {
	Loc
	Test Expr `py:"test"`
	Msg  Expr `py:"msg,opt"`
}

// Import is an import statement.
type Import struct {
	Loc
	Names []*Alias `py:"names"`
}

// ImportFrom is a from ... import statement; Level counts the leading dots.
type ImportFrom struct {
	Loc
	Module string   `py:"module,opt"`
	Names  []*Alias `py:"names"`
	Level  int      `py:"level,opt"`
}

// Global is a global statement.
type Global struct {
	Loc
	Names []string `py:"names"`
}

// Nonlocal is a nonlocal statement.
type Nonlocal struct {
	Loc
	Names []string `py:"names"`
}

// ExprStmt is an expression used as a statement (Python's ast.Expr).
type ExprStmt struct {
	Loc
	Value Expr `py:"value"`
}

// Pass is a pass statement.
type Pass struct {
	Loc
}

// Break is a break statement.
type Break struct {
	Loc
}

// Continue is a continue statement.
type Continue struct {
	Loc
}

// BoolOp is a chain of 'and' (or of 'or') operands: a and b and c is one node.
type BoolOp struct {
	Loc
	Op     BoolOperator `py:"op"`
	Values []Expr       `py:"values"`
}

// NamedExpr is an assignment expression: target := value.
type NamedExpr struct {
	Loc
	Target Expr `py:"target"`
	Value  Expr `py:"value"`
}

// BinOp is a binary operation.
type BinOp struct {
	Loc
	Left  Expr     `py:"left"`
	Op    Operator `py:"op"`
	Right Expr     `py:"right"`
}

// UnaryOp is a unary operation.
type UnaryOp struct {
	Loc
	Op      UnaryOperator `py:"op"`
	Operand Expr          `py:"operand"`
}

// Lambda is a lambda expression.
type Lambda struct {
	Loc
	Args *Arguments `py:"args"`
	Body Expr       `py:"body"`
}

// IfExp is a conditional expression: body if test else orelse.
type IfExp struct {
	Loc
	Test   Expr `py:"test"`
	Body   Expr `py:"body"`
	Orelse Expr `py:"orelse"`
}

// Dict is a dict display; a nil key marks a **mapping item.
type Dict struct {
	Loc
	Keys   []Expr `py:"keys"`
	Values []Expr `py:"values"`
}

// Set is a set display.
type Set struct {
	Loc
	Elts []Expr `py:"elts"`
}

// ListComp is a list comprehension.
type ListComp struct {
	Loc
	Elt        Expr             `py:"elt"`
	Generators []*Comprehension `py:"generators"`
}

// SetComp is a set comprehension.
type SetComp struct {
	Loc
	Elt        Expr             `py:"elt"`
	Generators []*Comprehension `py:"generators"`
}

// DictComp is a dict comprehension.
type DictComp struct {
	Loc
	Key        Expr             `py:"key"`
	Value      Expr             `py:"value"`
	Generators []*Comprehension `py:"generators"`
}

// GeneratorExp is a generator expression.
type GeneratorExp struct {
	Loc
	Elt        Expr             `py:"elt"`
	Generators []*Comprehension `py:"generators"`
}

// Await is an await expression.
type Await struct {
	Loc
	Value Expr `py:"value"`
}

// Yield is a yield expression.
type Yield struct {
	Loc
	Value Expr `py:"value,opt"`
}

// YieldFrom is a yield from expression.
type YieldFrom struct {
	Loc
	Value Expr `py:"value"`
}

// Compare is a comparison chain: left op1 c1 op2 c2 ....
type Compare struct {
	Loc
	Left        Expr          `py:"left"`
	Ops         []CmpOperator `py:"ops"`
	Comparators []Expr        `py:"comparators"`
}

// Call is a call.
type Call struct {
	Loc
	Func     Expr       `py:"func"`
	Args     []Expr     `py:"args"`
	Keywords []*Keyword `py:"keywords"`
}

// FormattedValue is a replacement field of an f-string; Conversion is -1 or the code of s, r or a.
type FormattedValue struct {
	Loc
	Value      Expr `py:"value"`
	Conversion int  `py:"conversion"`
	FormatSpec Expr `py:"format_spec,opt"`
}

// JoinedStr is an f-string, or a concatenation containing one.
type JoinedStr struct {
	Loc
	Values []Expr `py:"values"`
}

// Constant is a literal; Kind is "u" for a u-prefixed string.
type Constant struct {
	Loc
	Value ConstantValue `py:"value"`
	Kind  string        `py:"kind,opt"`
}

// Attribute is an attribute reference: value.attr.
type Attribute struct {
	Loc
	Value Expr        `py:"value"`
	Attr  string      `py:"attr"`
	Ctx   ExprContext `py:"ctx"`
}

// Subscript is a subscription: value[slice].
type Subscript struct {
	Loc
	Value Expr        `py:"value"`
	Slice Expr        `py:"slice"`
	Ctx   ExprContext `py:"ctx"`
}

// Starred is a starred item: *value.
type Starred struct {
	Loc
	Value Expr        `py:"value"`
	Ctx   ExprContext `py:"ctx"`
}

// Name is a name.
type Name struct {
	Loc
	ID  string      `py:"id"`
	Ctx ExprContext `py:"ctx"`
}

// List is a list display or a list target.
type List struct {
	Loc
	Elts []Expr      `py:"elts"`
	Ctx  ExprContext `py:"ctx"`
}

// Tuple is a tuple display or a tuple target.
type Tuple struct {
	Loc
	Elts []Expr      `py:"elts"`
	Ctx  ExprContext `py:"ctx"`
}

// Slice is a slice inside a subscription: lower:upper:step.
type Slice struct {
	Loc
	Lower Expr `py:"lower,opt"`
	Upper Expr `py:"upper,opt"`
	Step  Expr `py:"step,opt"`
}

// ExceptHandler is one except (or except*) clause.
type ExceptHandler struct {
	Loc
	Type Expr   `py:"type,opt"`
	Name string `py:"name,opt"`
	Body []Stmt `py:"body"`
}

// MatchValue is a value pattern: a literal or a dotted name.
type MatchValue struct {
	Loc
	Value Expr `py:"value"`
}

// MatchSingleton is a None, True or False pattern.
type MatchSingleton struct {
	Loc
	Value ConstantValue `py:"value"`
}

// MatchSequence is a sequence pattern.
type MatchSequence struct {
	Loc
	Patterns []Pattern `py:"patterns"`
}

// MatchMapping is a mapping pattern; Rest names the **rest capture.
type MatchMapping struct {
	Loc
	Keys     []Expr    `py:"keys"`
	Patterns []Pattern `py:"patterns"`
	Rest     string    `py:"rest,opt"`
}

// MatchClass is a class pattern: Cls(patterns, kwd_attrs=kwd_patterns).
type MatchClass struct {
	Loc
	Cls         Expr      `py:"cls"`
	Patterns    []Pattern `py:"patterns"`
	KwdAttrs    []string  `py:"kwd_attrs"`
	KwdPatterns []Pattern `py:"kwd_patterns"`
}

// MatchStar is a *name (or *_) item of a sequence pattern.
type MatchStar struct {
	Loc
	Name string `py:"name,opt"`
}

// MatchAs is a capture pattern, an "as" pattern, or the wildcard _ (both fields empty).
type MatchAs struct {
	Loc
	Pattern Pattern `py:"pattern,opt"`
	Name    string  `py:"name,opt"`
}

// MatchOr is an or-pattern: p1 | p2.
type MatchOr struct {
	Loc
	Patterns []Pattern `py:"patterns"`
}

// TypeVar is a PEP 695 type variable, with an optional bound.
type TypeVar struct {
	Loc
	Name  string `py:"name"`
	Bound Expr   `py:"bound,opt"`
}

// ParamSpec is a PEP 695 **P parameter.
type ParamSpec struct {
	Loc
	Name string `py:"name"`
}

// TypeVarTuple is a PEP 695 *Ts parameter.
type TypeVarTuple struct {
	Loc
	Name string `py:"name"`
}

// TypeIgnore is a "# type: ignore" comment (never produced: type comments are not collected).
type TypeIgnore struct {
	Lineno int    `py:"lineno"`
	Tag    string `py:"tag"`
}

// Comprehension is one for clause of a comprehension, with its if conditions.
type Comprehension struct {
	Target  Expr   `py:"target"`
	Iter    Expr   `py:"iter"`
	Ifs     []Expr `py:"ifs"`
	IsAsync int    `py:"is_async"`
}

// Arguments is the parameter list of a def or lambda; KwDefaults has nil for keyword-only parameters without a default.
type Arguments struct {
	Posonlyargs []*Arg `py:"posonlyargs"`
	Args        []*Arg `py:"args"`
	Vararg      *Arg   `py:"vararg,opt"`
	Kwonlyargs  []*Arg `py:"kwonlyargs"`
	KwDefaults  []Expr `py:"kw_defaults"`
	Kwarg       *Arg   `py:"kwarg,opt"`
	Defaults    []Expr `py:"defaults"`
}

// Arg is one parameter.
type Arg struct {
	Loc
	Arg         string `py:"arg"`
	Annotation  Expr   `py:"annotation,opt"`
	TypeComment string `py:"type_comment,opt"`
}

// Keyword is a keyword argument; an empty Arg marks **mapping.
type Keyword struct {
	Loc
	Arg   string `py:"arg,opt"`
	Value Expr   `py:"value"`
}

// Alias is one name of an import; Asname is empty without "as".
type Alias struct {
	Loc
	Name   string `py:"name"`
	Asname string `py:"asname,opt"`
}

// WithItem is one item of a with statement.
type WithItem struct {
	ContextExpr  Expr `py:"context_expr"`
	OptionalVars Expr `py:"optional_vars,opt"`
}

// MatchCase is one case block.
type MatchCase struct {
	Pattern Pattern `py:"pattern"`
	Guard   Expr    `py:"guard,opt"`
	Body    []Stmt  `py:"body"`
}

func (*Module) NodeName() string           { return "Module" }
func (*Module) modNode()                   {}
func (*Interactive) NodeName() string      { return "Interactive" }
func (*Interactive) modNode()              {}
func (*Expression) NodeName() string       { return "Expression" }
func (*Expression) modNode()               {}
func (*FunctionType) NodeName() string     { return "FunctionType" }
func (*FunctionType) modNode()             {}
func (*FunctionDef) NodeName() string      { return "FunctionDef" }
func (*FunctionDef) stmtNode()             {}
func (*AsyncFunctionDef) NodeName() string { return "AsyncFunctionDef" }
func (*AsyncFunctionDef) stmtNode()        {}
func (*ClassDef) NodeName() string         { return "ClassDef" }
func (*ClassDef) stmtNode()                {}
func (*Return) NodeName() string           { return "Return" }
func (*Return) stmtNode()                  {}
func (*Delete) NodeName() string           { return "Delete" }
func (*Delete) stmtNode()                  {}
func (*Assign) NodeName() string           { return "Assign" }
func (*Assign) stmtNode()                  {}
func (*TypeAlias) NodeName() string        { return "TypeAlias" }
func (*TypeAlias) stmtNode()               {}
func (*AugAssign) NodeName() string        { return "AugAssign" }
func (*AugAssign) stmtNode()               {}
func (*AnnAssign) NodeName() string        { return "AnnAssign" }
func (*AnnAssign) stmtNode()               {}
func (*For) NodeName() string              { return "For" }
func (*For) stmtNode()                     {}
func (*AsyncFor) NodeName() string         { return "AsyncFor" }
func (*AsyncFor) stmtNode()                {}
func (*While) NodeName() string            { return "While" }
func (*While) stmtNode()                   {}
func (*If) NodeName() string               { return "If" }
func (*If) stmtNode()                      {}
func (*With) NodeName() string             { return "With" }
func (*With) stmtNode()                    {}
func (*AsyncWith) NodeName() string        { return "AsyncWith" }
func (*AsyncWith) stmtNode()               {}
func (*Match) NodeName() string            { return "Match" }
func (*Match) stmtNode()                   {}
func (*Raise) NodeName() string            { return "Raise" }
func (*Raise) stmtNode()                   {}
func (*Try) NodeName() string              { return "Try" }
func (*Try) stmtNode()                     {}
func (*TryStar) NodeName() string          { return "TryStar" }
func (*TryStar) stmtNode()                 {}
func (*Assert) NodeName() string           { return "Assert" }
func (*Assert) stmtNode()                  {}
func (*Import) NodeName() string           { return "Import" }
func (*Import) stmtNode()                  {}
func (*ImportFrom) NodeName() string       { return "ImportFrom" }
func (*ImportFrom) stmtNode()              {}
func (*Global) NodeName() string           { return "Global" }
func (*Global) stmtNode()                  {}
func (*Nonlocal) NodeName() string         { return "Nonlocal" }
func (*Nonlocal) stmtNode()                {}
func (*ExprStmt) NodeName() string         { return "Expr" }
func (*ExprStmt) stmtNode()                {}
func (*Pass) NodeName() string             { return "Pass" }
func (*Pass) stmtNode()                    {}
func (*Break) NodeName() string            { return "Break" }
func (*Break) stmtNode()                   {}
func (*Continue) NodeName() string         { return "Continue" }
func (*Continue) stmtNode()                {}
func (*BoolOp) NodeName() string           { return "BoolOp" }
func (*BoolOp) exprNode()                  {}
func (*NamedExpr) NodeName() string        { return "NamedExpr" }
func (*NamedExpr) exprNode()               {}
func (*BinOp) NodeName() string            { return "BinOp" }
func (*BinOp) exprNode()                   {}
func (*UnaryOp) NodeName() string          { return "UnaryOp" }
func (*UnaryOp) exprNode()                 {}
func (*Lambda) NodeName() string           { return "Lambda" }
func (*Lambda) exprNode()                  {}
func (*IfExp) NodeName() string            { return "IfExp" }
func (*IfExp) exprNode()                   {}
func (*Dict) NodeName() string             { return "Dict" }
func (*Dict) exprNode()                    {}
func (*Set) NodeName() string              { return "Set" }
func (*Set) exprNode()                     {}
func (*ListComp) NodeName() string         { return "ListComp" }
func (*ListComp) exprNode()                {}
func (*SetComp) NodeName() string          { return "SetComp" }
func (*SetComp) exprNode()                 {}
func (*DictComp) NodeName() string         { return "DictComp" }
func (*DictComp) exprNode()                {}
func (*GeneratorExp) NodeName() string     { return "GeneratorExp" }
func (*GeneratorExp) exprNode()            {}
func (*Await) NodeName() string            { return "Await" }
func (*Await) exprNode()                   {}
func (*Yield) NodeName() string            { return "Yield" }
func (*Yield) exprNode()                   {}
func (*YieldFrom) NodeName() string        { return "YieldFrom" }
func (*YieldFrom) exprNode()               {}
func (*Compare) NodeName() string          { return "Compare" }
func (*Compare) exprNode()                 {}
func (*Call) NodeName() string             { return "Call" }
func (*Call) exprNode()                    {}
func (*FormattedValue) NodeName() string   { return "FormattedValue" }
func (*FormattedValue) exprNode()          {}
func (*JoinedStr) NodeName() string        { return "JoinedStr" }
func (*JoinedStr) exprNode()               {}
func (*Constant) NodeName() string         { return "Constant" }
func (*Constant) exprNode()                {}
func (*Attribute) NodeName() string        { return "Attribute" }
func (*Attribute) exprNode()               {}
func (*Subscript) NodeName() string        { return "Subscript" }
func (*Subscript) exprNode()               {}
func (*Starred) NodeName() string          { return "Starred" }
func (*Starred) exprNode()                 {}
func (*Name) NodeName() string             { return "Name" }
func (*Name) exprNode()                    {}
func (*List) NodeName() string             { return "List" }
func (*List) exprNode()                    {}
func (*Tuple) NodeName() string            { return "Tuple" }
func (*Tuple) exprNode()                   {}
func (*Slice) NodeName() string            { return "Slice" }
func (*Slice) exprNode()                   {}
func (*ExceptHandler) NodeName() string    { return "ExceptHandler" }
func (*MatchValue) NodeName() string       { return "MatchValue" }
func (*MatchValue) patternNode()           {}
func (*MatchSingleton) NodeName() string   { return "MatchSingleton" }
func (*MatchSingleton) patternNode()       {}
func (*MatchSequence) NodeName() string    { return "MatchSequence" }
func (*MatchSequence) patternNode()        {}
func (*MatchMapping) NodeName() string     { return "MatchMapping" }
func (*MatchMapping) patternNode()         {}
func (*MatchClass) NodeName() string       { return "MatchClass" }
func (*MatchClass) patternNode()           {}
func (*MatchStar) NodeName() string        { return "MatchStar" }
func (*MatchStar) patternNode()            {}
func (*MatchAs) NodeName() string          { return "MatchAs" }
func (*MatchAs) patternNode()              {}
func (*MatchOr) NodeName() string          { return "MatchOr" }
func (*MatchOr) patternNode()              {}
func (*TypeVar) NodeName() string          { return "TypeVar" }
func (*TypeVar) typeParamNode()            {}
func (*ParamSpec) NodeName() string        { return "ParamSpec" }
func (*ParamSpec) typeParamNode()          {}
func (*TypeVarTuple) NodeName() string     { return "TypeVarTuple" }
func (*TypeVarTuple) typeParamNode()       {}
func (*TypeIgnore) NodeName() string       { return "TypeIgnore" }
func (*Comprehension) NodeName() string    { return "comprehension" }
func (*Arguments) NodeName() string        { return "arguments" }
func (*Arg) NodeName() string              { return "arg" }
func (*Keyword) NodeName() string          { return "keyword" }
func (*Alias) NodeName() string            { return "alias" }
func (*WithItem) NodeName() string         { return "withitem" }
func (*MatchCase) NodeName() string        { return "match_case" }
