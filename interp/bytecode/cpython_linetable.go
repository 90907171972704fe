package bytecode

import "errors"

// CPython 3.12's location table (co_linetable, described in CPython's
// Objects/locations.md): a sequence of entries, each covering 1 to 8 code
// units. An entry's first byte has bit 7 set, a 4-bit kind in bits 3-6 and
// the length minus one in bits 0-2; lines are deltas from the previous
// entry's line, starting at co_firstlineno. Kinds 0-9 are short forms (same
// line, column < 80, width < 16), 10-12 one-line forms (line delta 0-2,
// columns < 128), 13 a line without columns, 14 the long form and 15 no
// location.

const (
	lineKindOneLine  = 10
	lineKindNoColumn = 13
	lineKindLong     = 14
	lineKindNone     = 15
)

// LineEntry is one entry of a CPython location table: code units
// [Start, End) have position Pos (NoPos for no location). Line is the
// running line the table has reached, which a no-location entry leaves
// unchanged (co_lnotab is computed from it).
type LineEntry struct {
	Start, End int
	Pos        Pos
	Line       int
}

var errLineTable = errors.New("bytecode: corrupt location table")

// LineTable encodes positions (EncodePositions form, one Pos per
// instruction) as CPython 3.12's co_linetable for this layout, lines
// relative to firstLine. Runs of instructions with the same position make
// one location, as in CPython's assembler; prefixes and caches share
// their instruction's. Missing trailing positions count as NoPos.
func (l *CPythonLayout) LineTable(positions []byte, firstLine int) ([]byte, error) {
	ps, err := DecodePositions(positions)
	if err != nil {
		return nil, err
	}
	w := lineWriter{line: firstLine}
	n := len(l.ext)
	run, size := NoPos, 0
	for i := range n {
		p := NoPos
		if i < len(ps) {
			p = normPos(ps[i])
		}
		if p != run {
			w.location(run, size)
			run, size = p, 0
		}
		size += l.Start(i+1) - l.Start(i)
	}
	w.location(run, size)
	return w.b, nil
}

// lineWriter appends location entries.
type lineWriter struct {
	b    []byte
	line int // the line the table has reached
}

func (w *lineWriter) entry(kind, units int) {
	w.b = append(w.b, byte(0x80|kind<<3|(units-1)))
}

// varint writes v as little-endian 6-bit groups, bit 6 marking more.
func (w *lineWriter) varint(v uint) {
	for v >= 64 {
		w.b = append(w.b, byte(v&63|64))
		v >>= 6
	}
	w.b = append(w.b, byte(v))
}

// svarint writes v with its sign in the low bit.
func (w *lineWriter) svarint(v int) {
	if v < 0 {
		w.varint(uint(-v)<<1 | 1)
	} else {
		w.varint(uint(v) << 1)
	}
}

// location writes p for units code units, in entries of at most 8, with
// the most compact form that holds it (CPython's choice, so the bytes
// match).
func (w *lineWriter) location(p Pos, units int) {
	for ; units > 8; units -= 8 {
		w.location(p, 8)
	}
	if units == 0 {
		return
	}
	if p.Line < 0 {
		w.entry(lineKindNone, units)
		return
	}
	delta := p.Line - w.line
	endLine := p.EndLine
	if endLine < 0 && p.Col >= 0 && p.EndCol >= 0 {
		// Columns without an end line: only a same-line span is
		// encodable.
		endLine = p.Line
	}
	switch {
	case p.Col < 0 || p.EndCol < 0:
		if endLine == p.Line || endLine < 0 {
			w.entry(lineKindNoColumn, units)
			w.svarint(delta)
			w.line = p.Line
			return
		}
	case endLine == p.Line:
		if delta == 0 && p.Col < 80 && p.EndCol-p.Col < 16 && p.EndCol >= p.Col {
			w.entry(p.Col>>3, units)
			w.b = append(w.b, byte((p.Col&7)<<4|(p.EndCol-p.Col)))
			return
		}
		if delta >= 0 && delta < 3 && p.Col < 128 && p.EndCol < 128 {
			w.entry(lineKindOneLine+delta, units)
			w.b = append(w.b, byte(p.Col), byte(p.EndCol))
			w.line = p.Line
			return
		}
	}
	w.entry(lineKindLong, units)
	w.svarint(delta)
	w.varint(uint(max(endLine-p.Line, 0)))
	w.varint(uint(p.Col + 1))
	w.varint(uint(p.EndCol + 1))
	w.line = p.Line
}

// DecodeLineTable reads a CPython 3.12 location table whose lines count
// from firstLine.
func DecodeLineTable(b []byte, firstLine int) ([]LineEntry, error) {
	var out []LineEntry
	line, unit := firstLine, 0
	for i := 0; i < len(b); {
		h := b[i]
		i++
		if h&0x80 == 0 {
			return nil, errLineTable
		}
		kind, units := int(h>>3&15), int(h&7)+1
		bad := false
		next := func() int {
			if i >= len(b) || b[i]&0x80 != 0 {
				bad = true
				return 0
			}
			i++
			return int(b[i-1])
		}
		varint := func() int {
			v, shift := 0, 0
			for {
				c := next()
				if bad || shift > 30 {
					bad = true
					return 0
				}
				v |= (c & 63) << shift
				shift += 6
				if c&64 == 0 {
					return v
				}
			}
		}
		svarint := func() int {
			v := varint()
			if v&1 != 0 {
				return -(v >> 1)
			}
			return v >> 1
		}
		p := NoPos
		switch {
		case kind == lineKindNone:
		case kind == lineKindLong:
			line += svarint()
			p = Pos{Line: line, EndLine: line + varint(), Col: varint() - 1, EndCol: varint() - 1}
		case kind == lineKindNoColumn:
			line += svarint()
			p = Pos{Line: line, EndLine: line, Col: -1, EndCol: -1}
		case kind >= lineKindOneLine:
			line += kind - lineKindOneLine
			p = Pos{Line: line, EndLine: line, Col: next(), EndCol: next()}
		default:
			c := next()
			col := kind<<3 | c>>4&7
			p = Pos{Line: line, EndLine: line, Col: col, EndCol: col + c&15}
		}
		if bad {
			return nil, errLineTable
		}
		out = append(out, LineEntry{Start: unit, End: unit + units, Pos: p, Line: line})
		unit += units
	}
	return out, nil
}

// Lnotab computes co_lnotab (the pre-3.10 line table that CPython 3.12
// still derives, deprecated) from location entries: (bytes, lines) delta
// pairs at each change of the running line, byte deltas over 255 and line
// deltas outside -128..127 split over several pairs.
func Lnotab(entries []LineEntry, firstLine int) []byte {
	var b []byte
	line, offset := firstLine, 0
	for _, e := range entries {
		if e.Line == line {
			continue
		}
		bdelta, ldelta := 2*e.Start-offset, e.Line-line
		for ; bdelta > 255; bdelta -= 255 {
			b = append(b, 255, 0)
		}
		for ; ldelta > 127; ldelta -= 127 {
			b = append(b, byte(bdelta), 127)
			bdelta = 0
		}
		for ; ldelta < -128; ldelta += 128 {
			b = append(b, byte(bdelta), byte(0x80))
			bdelta = 0
		}
		b = append(b, byte(bdelta), byte(int8(ldelta)))
		offset, line = 2*e.Start, e.Line
	}
	return b
}
