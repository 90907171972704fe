package bytecode

import (
	"encoding/binary"
	"errors"
)

// Pos is the source span of one instruction: lines are 1-based (0 for
// module-level setup, as CPython's RESUME), columns are 0-based UTF-8 byte
// offsets, end column exclusive. A field is -1 when unknown; an instruction
// with no line (Line < 0) has no position at all.
type Pos struct {
	Line, EndLine, Col, EndCol int
}

// NoPos is the position of an instruction that has none (artificial code).
var NoPos = Pos{-1, -1, -1, -1}

// EncodePositions packs one Pos per instruction into the compact form a
// code object stores. Consecutive instructions with the same Pos (the
// usual case: every instruction of an expression statement) share a
// record:
//
//	uvarint(run<<1 | hasLine)
//	if hasLine: varint(Line-prevLine) uvarint(EndLine-Line+1) uvarint(Col+1) uvarint(EndCol+1)
//
// where prevLine is the previous record's line (0 at first) and the +1s
// turn the unknown value -1 into 0. A Pos with Line < 0 is stored as NoPos;
// an EndLine below Line as unknown.
func EncodePositions(ps []Pos) []byte {
	var b []byte
	prevLine := 0
	for i := 0; i < len(ps); {
		p := normPos(ps[i])
		run := 1
		for i+run < len(ps) && normPos(ps[i+run]) == p {
			run++
		}
		i += run
		if p.Line < 0 {
			b = binary.AppendUvarint(b, uint64(run)<<1)
			continue
		}
		b = binary.AppendUvarint(b, uint64(run)<<1|1)
		b = binary.AppendVarint(b, int64(p.Line-prevLine))
		end := 0
		if p.EndLine >= 0 {
			end = p.EndLine - p.Line + 1
		}
		b = binary.AppendUvarint(b, uint64(end))
		b = binary.AppendUvarint(b, uint64(p.Col+1))
		b = binary.AppendUvarint(b, uint64(p.EndCol+1))
		prevLine = p.Line
	}
	return b
}

func normPos(p Pos) Pos {
	if p.Line < 0 {
		return NoPos
	}
	if p.EndLine < p.Line {
		p.EndLine = -1
	}
	p.Col, p.EndCol = max(p.Col, -1), max(p.EndCol, -1)
	return p
}

var errPositions = errors.New("bytecode: corrupt position table")

// DecodePositions unpacks a table made by EncodePositions, one Pos per
// instruction.
func DecodePositions(b []byte) ([]Pos, error) {
	var ps []Pos
	err := walkPositions(b, func(p Pos, run int) bool {
		for range run {
			ps = append(ps, p)
		}
		return true
	})
	return ps, err
}

// PositionAt returns the position of instruction pc from an encoded table,
// without allocating (for tracebacks). It returns NoPos if pc is past the
// table's end.
func PositionAt(b []byte, pc int) (Pos, error) {
	found := NoPos
	err := walkPositions(b, func(p Pos, run int) bool {
		if pc < run {
			found = p
			return false
		}
		pc -= run
		return true
	})
	return found, err
}

// walkPositions calls f for each record of b until f returns false.
func walkPositions(b []byte, f func(p Pos, run int) bool) error {
	r := varintReader{b: b}
	prevLine := 0
	for len(r.b) > 0 {
		h := r.uvarint()
		run := int(h >> 1)
		p := NoPos
		if h&1 != 0 {
			p.Line = prevLine + r.varint()
			if end := r.uvarint(); end > 0 {
				p.EndLine = p.Line + int(end) - 1
			}
			p.Col = int(r.uvarint()) - 1
			p.EndCol = int(r.uvarint()) - 1
			prevLine = p.Line
		}
		if r.bad || run < 1 || p.Line < -1 {
			return errPositions
		}
		if !f(p, run) {
			break
		}
	}
	return nil
}

// varintReader reads varints from b; on malformed or oversized input it
// sets bad and returns zeros from then on.
type varintReader struct {
	b   []byte
	bad bool
}

// maxVarint bounds decoded values so that sums of them stay valid ints.
const maxVarint = 1 << 31

func (r *varintReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v >= maxVarint {
		r.bad, r.b = true, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *varintReader) varint() int {
	v, n := binary.Varint(r.b)
	if n <= 0 || v >= maxVarint || v <= -maxVarint {
		r.bad, r.b = true, nil
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}
