package syntax

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Character classes (identifiers per PEP 3131) and the operator tables.

func isDigit(c int) bool    { return c >= '0' && c <= '9' }
func isHexDigit(c int) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// isPotentialIdentifierStart reports whether c may start a NAME: an ASCII
// letter, '_' or any non-ASCII byte (checked later by verifyIdentifier).
func isPotentialIdentifierStart(c int) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= utf8.RuneSelf
}

// identTable marks the bytes that may continue a NAME.
var identTable = func() (tab [256]bool) {
	for c := 0; c < 256; c++ {
		tab[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= utf8.RuneSelf
	}
	return tab
}()

// isXIDStart reports whether r has the XID_Start property. Go's unicode
// package has no XID tables: ID_Start is derived from its categories and
// properties (L, Nl, Other_ID_Start, less Pattern_Syntax and
// Pattern_White_Space), less the characters NFKC would change into
// non-identifiers. Go 1.26 and CPython 3.12 both use Unicode 15.0.0, and a
// test compares every code point with str.isidentifier.
func isXIDStart(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	if notXIDStart(r) {
		return false
	}
	return isIDStart(r)
}

// isXIDContinue reports whether r has the XID_Continue property.
func isXIDContinue(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	}
	if notXIDContinue(r) {
		return false
	}
	if isIDStart(r) {
		return true
	}
	if unicode.Is(unicode.Pattern_Syntax, r) || unicode.Is(unicode.Pattern_White_Space, r) {
		return false
	}
	return unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc) || unicode.Is(unicode.Other_ID_Continue, r)
}

func isIDStart(r rune) bool {
	if unicode.Is(unicode.Pattern_Syntax, r) || unicode.Is(unicode.Pattern_White_Space, r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

// notXIDContinue lists the ID_Continue characters that are not
// XID_Continue (their NFKC forms are not identifier characters).
func notXIDContinue(r rune) bool {
	switch {
	case r == 0x037A, r == 0x309B, r == 0x309C, r >= 0xFC5E && r <= 0xFC63, r == 0xFDFA, r == 0xFDFB:
		return true
	case r >= 0xFE70 && r <= 0xFE7E && r%2 == 0:
		return true
	}
	return false
}

// notXIDStart lists the ID_Start characters that are not XID_Start.
func notXIDStart(r rune) bool {
	return notXIDContinue(r) || r == 0x0E33 || r == 0x0EB3 || r == 0xFF9E || r == 0xFF9F
}

// keywords maps the hard keywords to their kinds.
var keywords = map[string]TokenKind{
	"False": KwFalse, "None": KwNone, "True": KwTrue, "and": KwAnd, "as": KwAs,
	"assert": KwAssert, "async": KwAsync, "await": KwAwait, "break": KwBreak,
	"class": KwClass, "continue": KwContinue, "def": KwDef, "del": KwDel,
	"elif": KwElif, "else": KwElse, "except": KwExcept, "finally": KwFinally,
	"for": KwFor, "from": KwFrom, "global": KwGlobal, "if": KwIf,
	"import": KwImport, "in": KwIn, "is": KwIs, "lambda": KwLambda,
	"nonlocal": KwNonlocal, "not": KwNot, "or": KwOr, "pass": KwPass,
	"raise": KwRaise, "return": KwReturn, "try": KwTry, "while": KwWhile,
	"with": KwWith, "yield": KwYield,
}

// oneCharOp returns the kind of a one-character operator, or OP.
func oneCharOp(c int) TokenKind {
	switch c {
	case '%':
		return PERCENT
	case '&':
		return AMPER
	case '(':
		return LPAR
	case ')':
		return RPAR
	case '*':
		return STAR
	case '+':
		return PLUS
	case ',':
		return COMMA
	case '-':
		return MINUS
	case '.':
		return DOT
	case '/':
		return SLASH
	case ':':
		return COLON
	case ';':
		return SEMI
	case '<':
		return LESS
	case '=':
		return EQUAL
	case '>':
		return GREATER
	case '@':
		return AT
	case '[':
		return LSQB
	case ']':
		return RSQB
	case '^':
		return CIRCUMFLEX
	case '{':
		return LBRACE
	case '|':
		return VBAR
	case '}':
		return RBRACE
	case '~':
		return TILDE
	case '!':
		return EXCLAMATION
	}
	return OP
}

// twoCharOp returns the kind of a two-character operator, or ILLEGAL. Like
// CPython it accepts "<>" as NOTEQUAL; the parser rejects it (outside
// barry_as_FLUFL) by its text.
func twoCharOp(c1, c2 int) TokenKind {
	switch c1 {
	case '!':
		if c2 == '=' {
			return NOTEQUAL
		}
	case '%':
		if c2 == '=' {
			return PERCENTEQUAL
		}
	case '&':
		if c2 == '=' {
			return AMPEREQUAL
		}
	case '*':
		switch c2 {
		case '*':
			return DOUBLESTAR
		case '=':
			return STAREQUAL
		}
	case '+':
		if c2 == '=' {
			return PLUSEQUAL
		}
	case '-':
		switch c2 {
		case '=':
			return MINEQUAL
		case '>':
			return RARROW
		}
	case '/':
		switch c2 {
		case '/':
			return DOUBLESLASH
		case '=':
			return SLASHEQUAL
		}
	case ':':
		if c2 == '=' {
			return COLONEQUAL
		}
	case '<':
		switch c2 {
		case '<':
			return LEFTSHIFT
		case '=':
			return LESSEQUAL
		case '>':
			return NOTEQUAL
		}
	case '=':
		if c2 == '=' {
			return EQEQUAL
		}
	case '>':
		switch c2 {
		case '=':
			return GREATEREQUAL
		case '>':
			return RIGHTSHIFT
		}
	case '@':
		if c2 == '=' {
			return ATEQUAL
		}
	case '^':
		if c2 == '=' {
			return CIRCUMFLEXEQUAL
		}
	case '|':
		if c2 == '=' {
			return VBAREQUAL
		}
	}
	return ILLEGAL
}

// threeCharOp returns the kind of a three-character operator, or ILLEGAL.
func threeCharOp(c1, c2, c3 int) TokenKind {
	if c3 != '=' {
		if c1 == '.' && c2 == '.' && c3 == '.' {
			return ELLIPSIS
		}
		return ILLEGAL
	}
	switch {
	case c1 == '*' && c2 == '*':
		return DOUBLESTAREQUAL
	case c1 == '/' && c2 == '/':
		return DOUBLESLASHEQUAL
	case c1 == '<' && c2 == '<':
		return LEFTSHIFTEQUAL
	case c1 == '>' && c2 == '>':
		return RIGHTSHIFTEQUAL
	}
	return ILLEGAL
}

// opText maps operator text to its kind.
var opText = func() map[string]TokenKind {
	m := map[string]TokenKind{}
	for k := opFirst + 1; k < opLast; k++ {
		m[tokenNames[k]] = k
	}
	return m
}()

// tokenNames holds the CPython token name of each kind, or the text of an
// operator or keyword.
var tokenNames = [...]string{
	ILLEGAL: "ILLEGAL", EOF: "ENDMARKER", NEWLINE: "NEWLINE", INDENT: "INDENT",
	DEDENT: "DEDENT", NAME: "NAME", NUMBER: "NUMBER", STRING: "STRING",
	FSTRING_START: "FSTRING_START", FSTRING_MIDDLE: "FSTRING_MIDDLE", FSTRING_END: "FSTRING_END",
	opFirst: "opFirst",
	LPAR:    "(", RPAR: ")", LSQB: "[", RSQB: "]", LBRACE: "{", RBRACE: "}",
	COLON: ":", COMMA: ",", SEMI: ";", PLUS: "+", MINUS: "-", STAR: "*",
	SLASH: "/", VBAR: "|", AMPER: "&", LESS: "<", GREATER: ">", EQUAL: "=",
	DOT: ".", PERCENT: "%", EQEQUAL: "==", NOTEQUAL: "!=", LESSEQUAL: "<=",
	GREATEREQUAL: ">=", TILDE: "~", CIRCUMFLEX: "^", LEFTSHIFT: "<<",
	RIGHTSHIFT: ">>", DOUBLESTAR: "**", PLUSEQUAL: "+=", MINEQUAL: "-=",
	STAREQUAL: "*=", SLASHEQUAL: "/=", PERCENTEQUAL: "%=", AMPEREQUAL: "&=",
	VBAREQUAL: "|=", CIRCUMFLEXEQUAL: "^=", LEFTSHIFTEQUAL: "<<=",
	RIGHTSHIFTEQUAL: ">>=", DOUBLESTAREQUAL: "**=", DOUBLESLASH: "//",
	DOUBLESLASHEQUAL: "//=", AT: "@", ATEQUAL: "@=", RARROW: "->",
	ELLIPSIS: "...", COLONEQUAL: ":=", EXCLAMATION: "!",
	opLast: "opLast", kwFirst: "kwFirst",
	KwFalse: "False", KwNone: "None", KwTrue: "True", KwAnd: "and", KwAs: "as",
	KwAssert: "assert", KwAsync: "async", KwAwait: "await", KwBreak: "break",
	KwClass: "class", KwContinue: "continue", KwDef: "def", KwDel: "del",
	KwElif: "elif", KwElse: "else", KwExcept: "except", KwFinally: "finally",
	KwFor: "for", KwFrom: "from", KwGlobal: "global", KwIf: "if",
	KwImport: "import", KwIn: "in", KwIs: "is", KwLambda: "lambda",
	KwNonlocal: "nonlocal", KwNot: "not", KwOr: "or", KwPass: "pass",
	KwRaise: "raise", KwReturn: "return", KwTry: "try", KwWhile: "while",
	KwWith: "with", KwYield: "yield", kwLast: "kwLast", OP: "OP",
	COMMENT: "COMMENT", NL: "NL",
}

// String returns the CPython name of a token kind (ENDMARKER for EOF), or
// the text of an operator or keyword.
func (k TokenKind) String() string {
	if int(k) < len(tokenNames) && tokenNames[k] != "" {
		return tokenNames[k]
	}
	return fmt.Sprintf("TokenKind(%d)", int(k))
}
