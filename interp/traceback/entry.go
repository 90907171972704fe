package traceback

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parallel-py/parallel/interp/syntax"
)

// sourceIndent is how far source lines are indented under their "File"
// line (_TRACEBACK_SOURCE_LINE_INDENT).
const sourceIndent = 4

// isWhitespace is the IS_WHITESPACE test traceback.c applies to bytes.
func isWhitespace(c byte) bool { return c == ' ' || c == '\t' || c == '\f' }

// entry prints one traceback entry (tb_displayline): the "File" line, the
// source line without its indentation, and the caret line when there is
// one.
//
// The caret arithmetic is CPython's, quirks included. Positions are UTF-8
// byte offsets; they are turned into character offsets into the whole
// line (indentation included) and the carets are drawn in characters.
// The caret line is left out when the range covers the whole stripped
// line and no operator or subscript anchors were found.
//
// margin starts each of the lines (it is empty outside exception groups).
func (p *Printer) entry(b *strings.Builder, f *Frame, src *sourceCache, margin string) {
	b.WriteString(margin)
	b.WriteString(`  File "`)
	b.WriteString(f.Filename)
	b.WriteString(`", line `)
	b.WriteString(strconv.Itoa(f.Line))
	b.WriteString(", in ")
	b.WriteString(f.Name)
	b.WriteByte('\n')

	line, ok := src.line(f.Filename, f.Line)
	if !ok || !utf8.ValidString(line) {
		// CPython reads the file with a strict decoder: text that is not
		// UTF-8 has no lines at all.
		return
	}
	// Leading spaces, tabs and form feeds are dropped; they are single
	// bytes, so the byte count is also the character count.
	indent := 0
	for indent < len(line) && (line[indent] == ' ' || line[indent] == '\t' || line[indent] == '\f') {
		indent++
	}
	b.WriteString(margin)
	b.WriteString("    ")
	b.WriteString(line[indent:])
	b.WriteByte('\n')

	if f.Line < 0 || f.EndLine < 0 || f.Col < 0 || f.EndCol < 0 {
		return
	}
	truncation := indent - sourceIndent
	lineLen := utf8.RuneCountInString(line)

	start := byteToCharOffset(line, f.Col)
	end := byteToCharOffset(line, f.EndCol)
	left, right := -1, -1
	primary, secondary := byte('^'), byte('^')
	if f.Line == f.EndLine {
		left, right, primary, secondary = anchors(f.Filename, line, start, end)
	} else {
		// A range over several lines is underlined to the last
		// non-whitespace character of its first line. CPython starts the
		// backwards scan at the line's length in characters but indexes
		// its UTF-8 bytes; so do we.
		i := lineLen - 1
		for ; i >= 0; i-- {
			if !isWhitespace(line[i]) {
				break
			}
		}
		end = i + 1
	}

	strippedLen := lineLen - truncation - sourceIndent
	if end-start == strippedLen && left == -1 && right == -1 {
		return
	}
	// The carets are drawn in display columns: CPython counts East Asian
	// wide and fullwidth characters as two columns each.
	start, end = displayWidth(line, start), displayWidth(line, end)
	special := left != -1 || right != -1
	if special {
		left, right = displayWidth(line, left), displayWidth(line, right)
	}
	b.WriteString(margin)
	for off := truncation + 1; off <= end; off++ {
		switch {
		case off <= start:
			b.WriteByte(' ')
		case special && left < off && off <= right:
			b.WriteByte(secondary)
		default:
			b.WriteByte(primary)
		}
	}
	b.WriteByte('\n')
}

// displayWidth returns how many columns the first n characters of line
// take on a terminal: two for East Asian wide and fullwidth characters,
// one for any other (characters past the end count one each).
func displayWidth(line string, n int) int {
	w := 0
	for _, r := range line {
		if n <= 0 {
			return w
		}
		w++
		if isWide(r) {
			w++
		}
		n--
	}
	return w + max(n, 0)
}

// isWide reports whether r is East Asian Wide or Fullwidth in the Unicode
// version of CPython 3.12.
func isWide(r rune) bool {
	if r < wideRanges[0][0] {
		return false
	}
	lo, hi := 0, len(wideRanges)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < wideRanges[m][0]:
			hi = m
		case r > wideRanges[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// byteToCharOffset converts a UTF-8 byte offset into line to a character
// offset as _PyPegen_byte_offset_to_character_offset does: the line is
// read as a C string (up to a NUL), the offset is capped one past its
// end (counting the terminator as a character), and a multi-byte
// character cut by the offset counts as one.
func byteToCharOffset(line string, col int) int {
	if i := strings.IndexByte(line, 0); i >= 0 {
		line = line[:i]
	}
	extra := 0
	if col > len(line) {
		col = len(line)
		extra = 1
	}
	if col < 0 {
		col = 0
	}
	n := 0
	for i := 0; i < col; i++ {
		if !utf8.RuneStart(line[i]) {
			continue
		}
		n++
	}
	return n + extra
}

// substring returns characters [start, end) of s, as PyUnicode_Substring
// does for in-range starts.
func substring(s string, start, end int) string {
	if start < 0 || end <= start {
		return ""
	}
	i, from, to := 0, -1, len(s)
	for pos := range s {
		if i == start {
			from = pos
		}
		if i == end {
			to = pos
			break
		}
		i++
	}
	if from < 0 {
		return ""
	}
	return s[from:to]
}

// anchors finds the secondary ranges of a single-line range
// (extract_anchors_from_line): the characters [start, end) of line are
// parsed on their own, and when they form one expression statement that
// is a binary operation or a subscript, the operator (or the bracketed
// subscript) becomes the '^' part and the rest '~'. It returns -1 anchors
// when there are none.
func anchors(filename, line string, start, end int) (left, right int, primary, secondary byte) {
	left, right, primary, secondary = -1, -1, '^', '^'
	seg := substring(line, start, end)
	if seg == "" {
		return
	}
	mod, err := syntax.Parse(filename, []byte(seg), syntax.ModeExec)
	if err != nil {
		return
	}
	m, ok := mod.(*syntax.Module)
	if !ok || len(m.Body) != 1 {
		return
	}
	stmt, ok := m.Body[0].(*syntax.ExprStmt)
	if !ok {
		return
	}
	l, r := -1, -1
	switch e := stmt.Value.(type) {
	case *syntax.BinOp:
		lo, hi := e.Left.Location().EndColOffset, e.Right.Location().ColOffset
		for i := lo; i < hi && i < len(seg); i++ {
			if isWhitespace(seg[i]) {
				continue
			}
			l, r = i, i+1
			// A two-character operator such as // or **.
			if i+1 < hi && !isWhitespace(seg[i+1]) {
				r++
			}
			// A closing parenthesis of the left operand: keep looking.
			if i+1 < hi && seg[i] == ')' {
				continue
			}
			primary, secondary = '~', '^'
			break
		}
	case *syntax.Subscript:
		l = e.Value.Location().EndColOffset
		r = e.Slice.Location().EndColOffset + 1
		n := len(seg)
		if i := strings.IndexByte(seg, 0); i >= 0 {
			n = i
		}
		for l < n && seg[l] != '[' {
			l++
		}
		for r < n && seg[r] != ']' {
			r++
		}
		if r < n {
			r++
		}
		primary, secondary = '~', '^'
	default:
		return
	}
	if l < 0 || r < 0 {
		return -1, -1, '^', '^'
	}
	left = byteToCharOffset(seg, l) + start
	right = byteToCharOffset(seg, r) + start
	return
}
