package syntax

import (
	"fmt"
	"unicode/utf8"
)

// ErrorType names the Python exception class a syntax error maps to.
type ErrorType uint8

// The exception classes the front end raises.
const (
	SyntaxErrorType      ErrorType = iota // SyntaxError
	IndentationErrorType                  // IndentationError (a SyntaxError subclass)
	TabErrorType                          // TabError (an IndentationError subclass)

	// The front end also fails, as CPython's ast.parse does, on input
	// nested too deeply to handle; such errors carry no position.
	MemoryErrorType    // MemoryError: the parser's stack overflowed
	RecursionErrorType // RecursionError: the tree is too deep
)

func (t ErrorType) String() string {
	switch t {
	case IndentationErrorType:
		return "IndentationError"
	case TabErrorType:
		return "TabError"
	case MemoryErrorType:
		return "MemoryError"
	case RecursionErrorType:
		return "RecursionError"
	}
	return "SyntaxError"
}

// Error is a SyntaxError (or subclass) with the attributes CPython 3.12
// gives its exception object, or one of the MemoryError and RecursionError
// that ast.parse raises for input nested too deeply (Line and Offset 0). Positions use CPython's conventions: lines
// from 1, offsets in characters from 1. EndLine and EndOffset are 0 when
// CPython leaves them unset (it then prints a single caret).
type Error struct {
	Type      ErrorType
	Msg       string
	Filename  string
	Line      int
	Offset    int
	EndLine   int
	EndOffset int
	// Text is the source line the error points into, with its newline, as
	// CPython stores it in SyntaxError.text; empty when there is none.
	Text string
	// Warnings are the warnings the front end issued before it failed
	// (see IssueWarnings).
	Warnings []Warning

	// tokenizerRaised marks an error the tokenizer raised itself, outside
	// an f-string (see IssueWarnings).
	tokenizerRaised bool
}

// Error formats the error like str() of a Python SyntaxError:
// "msg (filename, line N)".
func (e *Error) Error() string {
	return fmt.Sprintf("%s (%s, line %d)", e.Msg, e.Filename, e.Line)
}

// charOffset turns a 0-based byte column within line into CPython's 1-based
// character offset, counting a byte that does not start a valid UTF-8
// sequence as one character, as CPython's "replace" decoding does.
func charOffset(line string, byteCol int) int {
	if byteCol > len(line) {
		return byteCol - len(line) + utf8.RuneCountInString(line) + 1
	}
	if byteCol < 0 {
		byteCol = 0
	}
	return utf8.RuneCountInString(line[:byteCol]) + 1
}

// lineText returns the text of 1-based line n of src with its trailing
// newline, or "" when src has no such line.
func lineText(src []byte, n int) string {
	if n < 1 {
		return ""
	}
	start := 0
	for line := 1; line < n; line++ {
		i := indexByte(src[start:], '\n')
		if i < 0 {
			return ""
		}
		start += i + 1
	}
	end := indexByte(src[start:], '\n')
	if end < 0 {
		return string(src[start:])
	}
	return string(src[start : start+end+1])
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// newError builds an Error from byte positions in src (line from 1, columns
// in UTF-8 bytes from 0), converting columns to CPython's character
// offsets. endLine 0 means "no end position".
func newError(typ ErrorType, filename string, src []byte, msg string, line, col, endLine, endCol int) *Error {
	text := lineText(src, line)
	e := &Error{Type: typ, Msg: msg, Filename: filename, Line: line, Text: text}
	e.Offset = charOffset(text, col)
	if endLine > 0 {
		e.EndLine = endLine
		endText := text
		if endLine != line {
			endText = lineText(src, endLine)
		}
		e.EndOffset = charOffset(endText, endCol)
	}
	return e
}
