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

// Module is the Module node.
type Module struct {
	Body        []Stmt        `py:"body"`
	TypeIgnores []*TypeIgnore `py:"type_ignores"`
}

// Interactive is the Interactive node.
type Interactive struct {
	Body []Stmt `py:"body"`
}

// Expression is the Expression node.
type Expression struct {
	Body Expr `py:"body"`
}

// FunctionType is the FunctionType node.
type FunctionType struct {
	Argtypes []Expr `py:"argtypes"`
	Returns  Expr   `py:"returns"`
}

// FunctionDef is the FunctionDef node.
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

// AsyncFunctionDef is the AsyncFunctionDef node.
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

// ClassDef is the ClassDef node.
type ClassDef struct {
	Loc
	Name          string      `py:"name"`
	Bases         []Expr      `py:"bases"`
	Keywords      []*Keyword  `py:"keywords"`
	Body          []Stmt      `py:"body"`
	DecoratorList []Expr      `py:"decorator_list"`
	TypeParams    []TypeParam `py:"type_params"`
}

// Return is the Return node.
type Return struct {
	Loc
	Value Expr `py:"value,opt"`
}

// Delete is the Delete node.
type Delete struct {
	Loc
	Targets []Expr `py:"targets"`
}

// Assign is the Assign node.
type Assign struct {
	Loc
	Targets     []Expr `py:"targets"`
	Value       Expr   `py:"value"`
	TypeComment string `py:"type_comment,opt"`
}

// TypeAlias is the TypeAlias node.
type TypeAlias struct {
	Loc
	Name       Expr        `py:"name"`
	TypeParams []TypeParam `py:"type_params"`
	Value      Expr        `py:"value"`
}

// AugAssign is the AugAssign node.
type AugAssign struct {
	Loc
	Target Expr     `py:"target"`
	Op     Operator `py:"op"`
	Value  Expr     `py:"value"`
}

// AnnAssign is the AnnAssign node.
type AnnAssign struct {
	Loc
	Target     Expr `py:"target"`
	Annotation Expr `py:"annotation"`
	Value      Expr `py:"value,opt"`
	Simple     int  `py:"simple"`
}

// For is the For node.
type For struct {
	Loc
	Target      Expr   `py:"target"`
	Iter        Expr   `py:"iter"`
	Body        []Stmt `py:"body"`
	Orelse      []Stmt `py:"orelse"`
	TypeComment string `py:"type_comment,opt"`
}

// AsyncFor is the AsyncFor node.
type AsyncFor struct {
	Loc
	Target      Expr   `py:"target"`
	Iter        Expr   `py:"iter"`
	Body        []Stmt `py:"body"`
	Orelse      []Stmt `py:"orelse"`
	TypeComment string `py:"type_comment,opt"`
}

// While is the While node.
type While struct {
	Loc
	Test   Expr   `py:"test"`
	Body   []Stmt `py:"body"`
	Orelse []Stmt `py:"orelse"`
}

// If is the If node.
type If struct {
	Loc
	Test   Expr   `py:"test"`
	Body   []Stmt `py:"body"`
	Orelse []Stmt `py:"orelse"`
}

// With is the With node.
type With struct {
	Loc
	Items       []*WithItem `py:"items"`
	Body        []Stmt      `py:"body"`
	TypeComment string      `py:"type_comment,opt"`
}

// AsyncWith is the AsyncWith node.
type AsyncWith struct {
	Loc
	Items       []*WithItem `py:"items"`
	Body        []Stmt      `py:"body"`
	TypeComment string      `py:"type_comment,opt"`
}

// Match is the Match node.
type Match struct {
	Loc
	Subject Expr         `py:"subject"`
	Cases   []*MatchCase `py:"cases"`
}

// Raise is the Raise node.
type Raise struct {
	Loc
	Exc   Expr `py:"exc,opt"`
	Cause Expr `py:"cause,opt"`
}

// Try is the Try node.
type Try struct {
	Loc
	Body      []Stmt           `py:"body"`
	Handlers  []*ExceptHandler `py:"handlers"`
	Orelse    []Stmt           `py:"orelse"`
	Finalbody []Stmt           `py:"finalbody"`
}

// TryStar is the TryStar node.
type TryStar struct {
	Loc
	Body      []Stmt           `py:"body"`
	Handlers  []*ExceptHandler `py:"handlers"`
	Orelse    []Stmt           `py:"orelse"`
	Finalbody []Stmt           `py:"finalbody"`
}

// Assert is the Assert node.
type Assert struct {
	Loc
	Test Expr `py:"test"`
	Msg  Expr `py:"msg,opt"`
}

// Import is the Import node.
type Import struct {
	Loc
	Names []*Alias `py:"names"`
}

// ImportFrom is the ImportFrom node.
type ImportFrom struct {
	Loc
	Module string   `py:"module,opt"`
	Names  []*Alias `py:"names"`
	Level  int      `py:"level,opt"`
}

// Global is the Global node.
type Global struct {
	Loc
	Names []string `py:"names"`
}

// Nonlocal is the Nonlocal node.
type Nonlocal struct {
	Loc
	Names []string `py:"names"`
}

// ExprStmt is the Expr node: an expression used as a statement.
type ExprStmt struct {
	Loc
	Value Expr `py:"value"`
}

// Pass is the Pass node.
type Pass struct {
	Loc
}

// Break is the Break node.
type Break struct {
	Loc
}

// Continue is the Continue node.
type Continue struct {
	Loc
}

// BoolOp is the BoolOp node.
type BoolOp struct {
	Loc
	Op     BoolOperator `py:"op"`
	Values []Expr       `py:"values"`
}

// NamedExpr is the NamedExpr node.
type NamedExpr struct {
	Loc
	Target Expr `py:"target"`
	Value  Expr `py:"value"`
}

// BinOp is the BinOp node.
type BinOp struct {
	Loc
	Left  Expr     `py:"left"`
	Op    Operator `py:"op"`
	Right Expr     `py:"right"`
}

// UnaryOp is the UnaryOp node.
type UnaryOp struct {
	Loc
	Op      UnaryOperator `py:"op"`
	Operand Expr          `py:"operand"`
}

// Lambda is the Lambda node.
type Lambda struct {
	Loc
	Args *Arguments `py:"args"`
	Body Expr       `py:"body"`
}

// IfExp is the IfExp node.
type IfExp struct {
	Loc
	Test   Expr `py:"test"`
	Body   Expr `py:"body"`
	Orelse Expr `py:"orelse"`
}

// Dict is the Dict node.
type Dict struct {
	Loc
	Keys   []Expr `py:"keys"`
	Values []Expr `py:"values"`
}

// Set is the Set node.
type Set struct {
	Loc
	Elts []Expr `py:"elts"`
}

// ListComp is the ListComp node.
type ListComp struct {
	Loc
	Elt        Expr             `py:"elt"`
	Generators []*Comprehension `py:"generators"`
}

// SetComp is the SetComp node.
type SetComp struct {
	Loc
	Elt        Expr             `py:"elt"`
	Generators []*Comprehension `py:"generators"`
}

// DictComp is the DictComp node.
type DictComp struct {
	Loc
	Key        Expr             `py:"key"`
	Value      Expr             `py:"value"`
	Generators []*Comprehension `py:"generators"`
}

// GeneratorExp is the GeneratorExp node.
type GeneratorExp struct {
	Loc
	Elt        Expr             `py:"elt"`
	Generators []*Comprehension `py:"generators"`
}

// Await is the Await node.
type Await struct {
	Loc
	Value Expr `py:"value"`
}

// Yield is the Yield node.
type Yield struct {
	Loc
	Value Expr `py:"value,opt"`
}

// YieldFrom is the YieldFrom node.
type YieldFrom struct {
	Loc
	Value Expr `py:"value"`
}

// Compare is the Compare node.
type Compare struct {
	Loc
	Left        Expr          `py:"left"`
	Ops         []CmpOperator `py:"ops"`
	Comparators []Expr        `py:"comparators"`
}

// Call is the Call node.
type Call struct {
	Loc
	Func     Expr       `py:"func"`
	Args     []Expr     `py:"args"`
	Keywords []*Keyword `py:"keywords"`
}

// FormattedValue is the FormattedValue node.
type FormattedValue struct {
	Loc
	Value      Expr `py:"value"`
	Conversion int  `py:"conversion"`
	FormatSpec Expr `py:"format_spec,opt"`
}

// JoinedStr is the JoinedStr node.
type JoinedStr struct {
	Loc
	Values []Expr `py:"values"`
}

// Constant is the Constant node.
type Constant struct {
	Loc
	Value ConstantValue `py:"value"`
	Kind  string        `py:"kind,opt"`
}

// Attribute is the Attribute node.
type Attribute struct {
	Loc
	Value Expr        `py:"value"`
	Attr  string      `py:"attr"`
	Ctx   ExprContext `py:"ctx"`
}

// Subscript is the Subscript node.
type Subscript struct {
	Loc
	Value Expr        `py:"value"`
	Slice Expr        `py:"slice"`
	Ctx   ExprContext `py:"ctx"`
}

// Starred is the Starred node.
type Starred struct {
	Loc
	Value Expr        `py:"value"`
	Ctx   ExprContext `py:"ctx"`
}

// Name is the Name node.
type Name struct {
	Loc
	ID  string      `py:"id"`
	Ctx ExprContext `py:"ctx"`
}

// List is the List node.
type List struct {
	Loc
	Elts []Expr      `py:"elts"`
	Ctx  ExprContext `py:"ctx"`
}

// Tuple is the Tuple node.
type Tuple struct {
	Loc
	Elts []Expr      `py:"elts"`
	Ctx  ExprContext `py:"ctx"`
}

// Slice is the Slice node.
type Slice struct {
	Loc
	Lower Expr `py:"lower,opt"`
	Upper Expr `py:"upper,opt"`
	Step  Expr `py:"step,opt"`
}

// ExceptHandler is the ExceptHandler node.
type ExceptHandler struct {
	Loc
	Type Expr   `py:"type,opt"`
	Name string `py:"name,opt"`
	Body []Stmt `py:"body"`
}

// MatchValue is the MatchValue node.
type MatchValue struct {
	Loc
	Value Expr `py:"value"`
}

// MatchSingleton is the MatchSingleton node.
type MatchSingleton struct {
	Loc
	Value ConstantValue `py:"value"`
}

// MatchSequence is the MatchSequence node.
type MatchSequence struct {
	Loc
	Patterns []Pattern `py:"patterns"`
}

// MatchMapping is the MatchMapping node.
type MatchMapping struct {
	Loc
	Keys     []Expr    `py:"keys"`
	Patterns []Pattern `py:"patterns"`
	Rest     string    `py:"rest,opt"`
}

// MatchClass is the MatchClass node.
type MatchClass struct {
	Loc
	Cls         Expr      `py:"cls"`
	Patterns    []Pattern `py:"patterns"`
	KwdAttrs    []string  `py:"kwd_attrs"`
	KwdPatterns []Pattern `py:"kwd_patterns"`
}

// MatchStar is the MatchStar node.
type MatchStar struct {
	Loc
	Name string `py:"name,opt"`
}

// MatchAs is the MatchAs node.
type MatchAs struct {
	Loc
	Pattern Pattern `py:"pattern,opt"`
	Name    string  `py:"name,opt"`
}

// MatchOr is the MatchOr node.
type MatchOr struct {
	Loc
	Patterns []Pattern `py:"patterns"`
}

// TypeVar is the TypeVar node.
type TypeVar struct {
	Loc
	Name  string `py:"name"`
	Bound Expr   `py:"bound,opt"`
}

// ParamSpec is the ParamSpec node.
type ParamSpec struct {
	Loc
	Name string `py:"name"`
}

// TypeVarTuple is the TypeVarTuple node.
type TypeVarTuple struct {
	Loc
	Name string `py:"name"`
}

// TypeIgnore is the TypeIgnore node.
type TypeIgnore struct {
	Lineno int    `py:"lineno"`
	Tag    string `py:"tag"`
}

// Comprehension is the comprehension node.
type Comprehension struct {
	Target  Expr   `py:"target"`
	Iter    Expr   `py:"iter"`
	Ifs     []Expr `py:"ifs"`
	IsAsync int    `py:"is_async"`
}

// Arguments is the arguments node.
type Arguments struct {
	Posonlyargs []*Arg `py:"posonlyargs"`
	Args        []*Arg `py:"args"`
	Vararg      *Arg   `py:"vararg,opt"`
	Kwonlyargs  []*Arg `py:"kwonlyargs"`
	KwDefaults  []Expr `py:"kw_defaults"`
	Kwarg       *Arg   `py:"kwarg,opt"`
	Defaults    []Expr `py:"defaults"`
}

// Arg is the arg node.
type Arg struct {
	Loc
	Arg         string `py:"arg"`
	Annotation  Expr   `py:"annotation,opt"`
	TypeComment string `py:"type_comment,opt"`
}

// Keyword is the keyword node.
type Keyword struct {
	Loc
	Arg   string `py:"arg,opt"`
	Value Expr   `py:"value"`
}

// Alias is the alias node.
type Alias struct {
	Loc
	Name   string `py:"name"`
	Asname string `py:"asname,opt"`
}

// WithItem is the withitem node.
type WithItem struct {
	ContextExpr  Expr `py:"context_expr"`
	OptionalVars Expr `py:"optional_vars,opt"`
}

// MatchCase is the match_case node.
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
