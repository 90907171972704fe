package traceback

import (
	"strconv"
	"strings"
)

// MaxGroupWidth is how many sub-exceptions of a group are printed; the
// others are only counted (PyErr_MAX_GROUP_WIDTH).
const MaxGroupWidth = 15

// MaxGroupDepth is how deeply nested groups are printed; a group deeper
// than this prints as "... (max_group_depth is 10)"
// (PyErr_MAX_GROUP_DEPTH).
const MaxGroupDepth = 10

// A group's blocks are framed like this, the top-level group's own
// traceback and message at depth 1 and its sub-exceptions at depth 2:
//
//	$ python3 x.py
//	  + Exception Group Traceback (most recent call last):
//	  |   File "x.py", line 1, in <module>
//	  | ExceptionGroup: msg (2 sub-exceptions)
//	  +-+---------------- 1 ----------------
//	    | ValueError: 1
//	    +---------------- 2 ----------------
//	    | TypeError: 2
//	    +------------------------------------
const groupClose = "+------------------------------------\n"

// margin is what starts a line of an exception printed at the current
// depth: two columns of indentation per level, then "| " (nothing outside
// groups).
func (ep *excPrinter) margin() string {
	if ep.depth == 0 {
		return ""
	}
	return ep.indent() + "| "
}

// indent is the indentation of the current depth without the margin.
func (ep *excPrinter) indent() string {
	return strings.Repeat(" ", 2*ep.depth)
}

// group prints an exception group (print_exception_group): the group as
// an exception, then a numbered block for each sub-exception, one level
// deeper, and the line that closes the last block.
func (ep *excPrinter) group(exc *Exception) {
	b := &ep.b
	if ep.depth > MaxGroupDepth {
		b.WriteString(ep.margin())
		b.WriteString("... (max_group_depth is " + strconv.Itoa(MaxGroupDepth) + ")\n")
		return
	}
	if ep.depth == 0 {
		ep.depth++
	}
	ep.exception(exc)

	total := len(exc.Exceptions) + exc.MoreExceptions
	n := total
	if n > MaxGroupWidth {
		n = MaxGroupWidth + 1
	}
	ep.needClose = false
	for i := 0; i < n; i++ {
		last := i == n-1
		if last {
			// A nested group printed in this block may close it.
			ep.needClose = true
		}
		b.WriteString(ep.indent())
		if i == 0 {
			b.WriteString("+-")
		} else {
			b.WriteString("  ")
		}
		truncated := i >= MaxGroupWidth
		if truncated {
			b.WriteString("+---------------- ... ----------------\n")
		} else {
			b.WriteString("+---------------- " + strconv.Itoa(i+1) + " ----------------\n")
		}
		ep.depth++
		switch {
		case truncated:
			more := total - MaxGroupWidth
			b.WriteString(ep.margin())
			b.WriteString("and " + strconv.Itoa(more) + " more exception")
			if more > 1 {
				b.WriteByte('s')
			}
			b.WriteByte('\n')
		case i < len(exc.Exceptions):
			ep.recursive(exc.Exceptions[i])
		}
		if last && ep.needClose {
			b.WriteString(ep.indent())
			b.WriteString(groupClose)
			ep.needClose = false
		}
		ep.depth--
	}
	if ep.depth == 1 {
		ep.depth--
	}
}

// notes prints the notes of exc (print_exception_notes): each line of a
// note behind the margin, then a newline ending the note.
func (ep *excPrinter) notes(exc *Exception) {
	b := &ep.b
	m := ep.margin()
	if exc.NotesRepr {
		for _, note := range exc.Notes {
			b.WriteString(m)
			b.WriteString(note)
			b.WriteByte('\n')
		}
		return
	}
	for i, note := range exc.Notes {
		if i < len(exc.NoteFailed) && exc.NoteFailed[i] {
			b.WriteString(note)
		} else {
			for _, line := range splitLinesKeepEnds(note) {
				b.WriteString(m)
				b.WriteString(line)
			}
		}
		b.WriteByte('\n')
	}
}

// splitLinesKeepEnds splits s as str.splitlines(keepends=True) does: at
// \n, \r, \r\n, \v, \f, \x1c, \x1d, \x1e, U+0085, U+2028 and U+2029,
// keeping the terminators.
func splitLinesKeepEnds(s string) []string {
	var lines []string
	start := 0
	for i := 0; i < len(s); {
		n := 0 // length of the line break at i
		switch c := s[i]; {
		case c == '\r' && i+1 < len(s) && s[i+1] == '\n':
			n = 2
		case c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x1c || c == 0x1d || c == 0x1e:
			n = 1
		case c == 0xc2 && i+1 < len(s) && s[i+1] == 0x85:
			n = 2
		case c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9):
			n = 3
		}
		if n == 0 {
			i++
			continue
		}
		i += n
		lines = append(lines, s[start:i])
		start = i
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return lines
}
