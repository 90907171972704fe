package bytecode

import (
	"errors"
	"fmt"
)

// ExceptionEntry is one row of a code object's exception table: an
// exception raised by an instruction in [Start, End) pops the value stack
// down to Depth values, pushes the instruction's index first when Lasti is
// set, pushes the exception, and jumps to Target. All positions are
// instruction indexes.
type ExceptionEntry struct {
	Start, End, Target, Depth int
	Lasti                     bool
}

// EncodeExceptionTable packs entries in CPython's exception-table format
// (InternalDocs/exception_handling.md), counted in instructions instead of
// code units: each entry is the four numbers start, end-start, target and
// depth<<1|lasti, each written as big-endian 6-bit groups with bit 6 set
// on every group but the last, and bit 7 set on the first byte of an entry.
// Entries must be sorted by Start and must not overlap.
func EncodeExceptionTable(entries []ExceptionEntry) ([]byte, error) {
	var b []byte
	prevEnd := 0
	for i, e := range entries {
		if e.Start < prevEnd || e.End <= e.Start || e.Target < 0 || e.Depth < 0 {
			return nil, fmt.Errorf("bytecode: exception entry %d %+v is empty, negative, unsorted or overlapping", i, e)
		}
		prevEnd = e.End
		lasti := 0
		if e.Lasti {
			lasti = 1
		}
		b = appendExcVarint(b, e.Start, 0x80)
		b = appendExcVarint(b, e.End-e.Start, 0)
		b = appendExcVarint(b, e.Target, 0)
		b = appendExcVarint(b, e.Depth<<1|lasti, 0)
	}
	return b, nil
}

func appendExcVarint(b []byte, v, mark int) []byte {
	shift := 0
	for v>>(shift+6) != 0 {
		shift += 6
	}
	for ; shift > 0; shift -= 6 {
		b = append(b, byte(mark|0x40|(v>>shift)&63))
		mark = 0
	}
	return append(b, byte(mark|v&63))
}

var errExceptionTable = errors.New("bytecode: corrupt exception table")

// excReader parses an encoded exception table.
type excReader struct {
	b   []byte
	bad bool
}

func (r *excReader) varint(first bool) int {
	v := 0
	for i := 0; ; i++ {
		if len(r.b) == 0 || i > 5 || (r.b[0]&0x80 != 0) != (first && i == 0) {
			r.bad, r.b = true, nil
			return 0
		}
		c := r.b[0]
		r.b = r.b[1:]
		v = v<<6 | int(c&63)
		if c&0x40 == 0 {
			return v
		}
	}
}

func (r *excReader) entry() (ExceptionEntry, bool) {
	var e ExceptionEntry
	e.Start = r.varint(true)
	e.End = e.Start + r.varint(false)
	e.Target = r.varint(false)
	dl := r.varint(false)
	e.Depth, e.Lasti = dl>>1, dl&1 != 0
	return e, !r.bad
}

// DecodeExceptionTable unpacks a table made by EncodeExceptionTable.
func DecodeExceptionTable(b []byte) ([]ExceptionEntry, error) {
	var es []ExceptionEntry
	for r := (excReader{b: b}); len(r.b) > 0; {
		e, ok := r.entry()
		if !ok {
			return nil, errExceptionTable
		}
		es = append(es, e)
	}
	return es, nil
}

// FindHandler returns the entry covering instruction pc in an encoded
// table, without allocating. The eval loop calls it when an exception is
// raised at pc; no entry means the exception leaves the frame.
func FindHandler(b []byte, pc int) (ExceptionEntry, bool) {
	for r := (excReader{b: b}); len(r.b) > 0; {
		e, ok := r.entry()
		if !ok || e.Start > pc {
			break
		}
		if pc < e.End {
			return e, true
		}
	}
	return ExceptionEntry{}, false
}
