package bytecode

import (
	"encoding/binary"
	"errors"
	"sync/atomic"
	"unsafe"
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
// without allocating (for tracebacks and frame line numbers). It returns
// NoPos if pc is past the table's end. It reads the records as
// walkPositions does, those whose varints are all one byte long (nearly
// all) inline.
func PositionAt(b []byte, pc int) (Pos, error) {
	if len(b) < cachedTableMin {
		return positionAt(b, pc)
	}
	slot := &positionCache[cacheIndex(b, pc)]
	if e := slot.Load(); e != nil && e.pc == pc && unsafe.SliceData(e.table) == unsafe.SliceData(b) && len(e.table) == len(b) {
		return e.pos, nil
	}
	p, err := positionAt(b, pc)
	if err == nil {
		slot.Store(&positionEntry{table: b, pc: pc, pos: p})
	}
	return p, err
}

// The positions of long tables are cached process-wide: a frame's
// f_lineno (logging asks it of every record) and a traceback decode the
// table from its start. Tables are never changed once built, and an entry
// keeps its table alive, so a table's address and length identify it.
const (
	cachedTableMin = 64 // bytes; shorter tables are read faster than looked up
	cacheSize      = 512
)

type positionEntry struct {
	table []byte
	pc    int
	pos   Pos
}

// positionCache is direct-mapped; entries are immutable and replaced
// whole, so interpreters on other goroutines may share it.
var positionCache [cacheSize]atomic.Pointer[positionEntry]

func cacheIndex(b []byte, pc int) int {
	h := uint64(uintptr(unsafe.Pointer(unsafe.SliceData(b))))>>4 ^ uint64(pc)*0x9E3779B97F4A7C15
	return int(h>>32^h) & (cacheSize - 1)
}

func positionAt(b []byte, pc int) (Pos, error) {
	prevLine := 0
	for i := 0; i < len(b); {
		var p Pos
		var run int
		c := b[i]
		switch {
		case c < 0x80 && c&1 == 0: // a run of instructions without a position
			p, run = NoPos, int(c>>1)
			i++
		case i+5 <= len(b) && c|b[i+1]|b[i+2]|b[i+3]|b[i+4] < 0x80:
			run = int(c >> 1)
			d := int(b[i+1])
			p.Line = prevLine + (d>>1 ^ -(d & 1)) // zigzag
			p.EndLine = -1
			if end := int(b[i+2]); end > 0 {
				p.EndLine = p.Line + end - 1
			}
			p.Col, p.EndCol = int(b[i+3])-1, int(b[i+4])-1
			prevLine = p.Line
			i += 5
		default:
			pr := positionReader{r: varintReader{b: b[i:]}, prevLine: prevLine}
			var err error
			if p, run, _, err = pr.next(); err != nil {
				return NoPos, err
			}
			prevLine = pr.prevLine
			i = len(b) - len(pr.r.b)
		}
		if run < 1 || p.Line < -1 {
			return NoPos, errPositions
		}
		if pc < run {
			return p, nil
		}
		pc -= run
	}
	return NoPos, nil
}

// walkPositions calls f for each record of b until f returns false.
func walkPositions(b []byte, f func(p Pos, run int) bool) error {
	r := positionReader{r: varintReader{b: b}}
	for {
		p, run, ok, err := r.next()
		if err != nil || !ok {
			return err
		}
		if !f(p, run) {
			return nil
		}
	}
}

// positionReader reads the records of an encoded table one by one.
type positionReader struct {
	r        varintReader
	prevLine int
}

// next returns the next record, ok false at the end of the table.
func (pr *positionReader) next() (p Pos, run int, ok bool, err error) {
	r := &pr.r
	if len(r.b) == 0 {
		return NoPos, 0, false, nil
	}
	h := r.uvarint()
	run = int(h >> 1)
	p = NoPos
	if h&1 != 0 {
		p.Line = pr.prevLine + r.varint()
		if end := r.uvarint(); end > 0 {
			p.EndLine = p.Line + int(end) - 1
		}
		p.Col = int(r.uvarint()) - 1
		p.EndCol = int(r.uvarint()) - 1
		pr.prevLine = p.Line
	}
	if r.bad || run < 1 || p.Line < -1 {
		return NoPos, 0, false, errPositions
	}
	return p, run, true, nil
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
	if len(r.b) > 0 && r.b[0] < 0x80 { // one byte, the usual case
		v := uint64(r.b[0])
		r.b = r.b[1:]
		return v
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v >= maxVarint {
		r.bad, r.b = true, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *varintReader) varint() int {
	if len(r.b) > 0 && r.b[0] < 0x80 { // one byte: zigzag-encoded -64..63
		u := int(r.b[0])
		r.b = r.b[1:]
		return u>>1 ^ -(u & 1)
	}
	v, n := binary.Varint(r.b)
	if n <= 0 || v >= maxVarint || v <= -maxVarint {
		r.bad, r.b = true, nil
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}
