package syntax

import (
	"strconv"
	"strings"
)

// Format returns the text CPython 3.12 writes to stderr when a script dies
// of this error (sys.__excepthook__, implemented in C by PyErr_Display):
//
//	  File "x.py", line 1
//	    x = (1 2)
//	         ^^^
//	SyntaxError: invalid syntax. Perhaps you forgot a comma?
//
// There is no "Traceback" header: a script that does not compile has no
// frames. The source line and caret line are printed only when Text is set.
// Format follows CPython's byte-level arithmetic faithfully, quirks
// included; see printErrorText.
//
// A Line and Offset both 0 stand for CPython's lineno None (the error has
// no location, as for "source code string cannot contain null bytes"):
// only the last line is printed then.
func (e *Error) Format() string {
	var b strings.Builder
	if e.Line != 0 || e.Offset != 0 {
		filename := e.Filename
		if filename == "" {
			filename = "<string>"
		}
		b.WriteString(`  File "`)
		b.WriteString(filename)
		b.WriteString(`", line `)
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteByte('\n')
		if e.Text != "" {
			printErrorText(&b, e.Offset, e.caretEnd(), e.Text)
		}
	}
	b.WriteString(e.Type.String())
	if e.Msg != "" {
		b.WriteString(": ")
		b.WriteString(e.Msg)
	}
	b.WriteByte('\n')
	return b.String()
}

// caretEnd returns the end offset CPython hands to its caret printer.
// Only an exact SyntaxError has its end position read at all; its
// subclasses always get a single caret. An error spanning several lines is
// underlined to the end of its first line, and no error further than one
// past the end of the line. Both limits count the bytes of Text in UTF-8
// (newline included) while offsets count characters: with non-ASCII text
// CPython prints too many carets, and so do we.
func (e *Error) caretEnd() int {
	if e.Type != SyntaxErrorType {
		return -1
	}
	end := e.EndOffset
	size := len(e.Text)
	if e.EndLine > e.Line {
		end = size
	}
	if end > size+1 {
		end = size + 1
	}
	return end
}

// printErrorText writes the source line of a syntax error and, below it,
// the caret line, as CPython's print_error_text does. offset and end are
// 1-based character offsets as in SyntaxError.offset and end_offset (0 or
// less when unset). The walk is over the UTF-8 bytes of text while the
// offsets stay in characters, exactly as in CPython:
//
//   - leading spaces, tabs and form feeds are dropped from the printed
//     line, each moving the caret one column left; a caret that would land
//     left of the text is not printed at all;
//   - a caret beyond the end of the line is pulled back to just after it;
//   - when text holds several lines, whole lines before the caret are
//     skipped, and everything from the caret's line on is printed;
//   - text stops at a NUL byte, as a C string does;
//   - the caret line is four spaces, one space per remaining column, and
//     end-offset carets (at least one).
func printErrorText(b *strings.Builder, offset, end int, text string) {
	carets := 1
	if end > 0 && end > offset {
		carets = end - offset
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		text = text[:i]
	}
	col := offset - 1
	for len(text) > 0 && (text[0] == ' ' || text[0] == '\t' || text[0] == '\f') {
		text = text[1:]
		col--
	}
	n := len(text) // length without a final newline
	if n > 0 && text[n-1] == '\n' {
		n--
	}
	if col > n {
		col = n
	}
	for {
		nl := strings.IndexByte(text, '\n')
		if nl < 0 || nl >= col {
			break
		}
		text = text[nl+1:]
		n -= nl + 1
		col -= nl + 1
	}
	b.WriteString("    ")
	b.WriteString(text)
	if n >= len(text) || text[n] != '\n' {
		b.WriteByte('\n')
	}
	if col < 0 {
		return
	}
	b.WriteString("    ")
	b.WriteString(strings.Repeat(" ", col))
	b.WriteString(strings.Repeat("^", carets))
	b.WriteByte('\n')
}
