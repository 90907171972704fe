package syntax

// TokenKind classifies a token. Every operator and hard keyword has its own
// kind so the parser dispatches on one small integer; soft keywords (match,
// case, type, _) stay NAME tokens and are recognised by the parser from their
// text, as CPython's PEG grammar does.
type TokenKind uint8

// Token kinds. The order is not significant except that operators lie
// between opFirst and opLast and hard keywords between kwFirst and kwLast.
const (
	ILLEGAL TokenKind = iota
	EOF
	NEWLINE
	INDENT
	DEDENT
	NAME
	NUMBER
	STRING         // a complete non-f string literal, prefix and quotes included
	FSTRING_START  // f" / rf''' ...: prefix and opening quote of an f-string
	FSTRING_MIDDLE // literal text inside an f-string or a format spec
	FSTRING_END    // the closing quote of an f-string

	opFirst
	LPAR      // (
	RPAR      // )
	LSQB      // [
	RSQB      // ]
	LBRACE    // {
	RBRACE    // }
	COLON     // :
	COMMA     // ,
	SEMI      // ;
	PLUS      // +
	MINUS     // -
	STAR      // *
	SLASH     // /
	VBAR      // |
	AMPER     // &
	LESS      // <
	GREATER   // >
	EQUAL     // =
	DOT       // .
	PERCENT   // %
	EQEQUAL   // ==
	NOTEQUAL  // !=
	LESSEQUAL // <=
	GREATEREQUAL
	TILDE            // ~
	CIRCUMFLEX       // ^
	LEFTSHIFT        // <<
	RIGHTSHIFT       // >>
	DOUBLESTAR       // **
	PLUSEQUAL        // +=
	MINEQUAL         // -=
	STAREQUAL        // *=
	SLASHEQUAL       // /=
	PERCENTEQUAL     // %=
	AMPEREQUAL       // &=
	VBAREQUAL        // |=
	CIRCUMFLEXEQUAL  // ^=
	LEFTSHIFTEQUAL   // <<=
	RIGHTSHIFTEQUAL  // >>=
	DOUBLESTAREQUAL  // **=
	DOUBLESLASH      // //
	DOUBLESLASHEQUAL // //=
	AT               // @
	ATEQUAL          // @=
	RARROW           // ->
	ELLIPSIS         // ...
	COLONEQUAL       // :=
	EXCLAMATION      // ! (only inside f-string replacement fields)
	opLast

	kwFirst
	KwFalse
	KwNone
	KwTrue
	KwAnd
	KwAs
	KwAssert
	KwAsync
	KwAwait
	KwBreak
	KwClass
	KwContinue
	KwDef
	KwDel
	KwElif
	KwElse
	KwExcept
	KwFinally
	KwFor
	KwFrom
	KwGlobal
	KwIf
	KwImport
	KwIn
	KwIs
	KwLambda
	KwNonlocal
	KwNot
	KwOr
	KwPass
	KwRaise
	KwReturn
	KwTry
	KwWhile
	KwWith
	KwYield
	kwLast
)

// IsKeyword reports whether k is a hard keyword.
func (k TokenKind) IsKeyword() bool { return k > kwFirst && k < kwLast }

// IsOperator reports whether k is an operator or delimiter.
func (k TokenKind) IsOperator() bool { return k > opFirst && k < opLast }

// Token is one lexical token. Positions follow CPython: lines count from 1,
// columns count UTF-8 bytes from 0. Start and End are byte offsets into the
// source buffer the tokenizer was given (after BOM removal and decoding to
// UTF-8), so the token's text is src[Start:End]. INDENT, DEDENT, NEWLINE and
// EOF tokens carry the position CPython gives them.
type Token struct {
	Kind       TokenKind
	Start, End int // byte offsets into the source
	Line, Col  int // position of the first byte
	EndLine    int // position one past the last byte
	EndCol     int
}
