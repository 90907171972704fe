package bytecode

import (
	"bytes"
	"encoding/hex"
	"reflect"
	"testing"
)

func TestExceptionTableCPythonBytes(t *testing.T) {
	// co_exceptiontable of the try/except function in dis_test.go, from
	// CPython 3.12 (its code has no caches, so units and indexes agree).
	raw, _ := hex.DecodeString("8201040084040a03")
	want := []ExceptionEntry{{2, 3, 4, 0, false}, {4, 8, 10, 1, true}}
	got, err := DecodeExceptionTable(raw)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("decode: %v, %v", got, err)
	}
	enc, err := EncodeExceptionTable(want)
	if err != nil || !bytes.Equal(enc, raw) {
		t.Errorf("encode: % x, %v; want % x", enc, err, raw)
	}
}

func TestExceptionTableRoundTrip(t *testing.T) {
	es := []ExceptionEntry{
		{0, 1, 0, 0, false},
		{1, 64, 63, 64, true},
		{64, 5000, 1 << 20, 3, false},
		{5000, 1<<24 + 7, 1<<24 - 1, 1000, true},
	}
	b, err := EncodeExceptionTable(es)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeExceptionTable(b)
	if err != nil || !reflect.DeepEqual(got, es) {
		t.Fatalf("round trip: %v, %v", got, err)
	}
	for _, tc := range []struct {
		pc   int
		want int // index into es, -1 for none
	}{{0, 0}, {1, 1}, {63, 1}, {64, 2}, {4999, 2}, {5000, 3}, {1<<24 + 6, 3}, {1<<24 + 7, -1}, {-1, -1}} {
		e, ok := FindHandler(b, tc.pc)
		if tc.want < 0 {
			if ok {
				t.Errorf("FindHandler(%d) = %v, want none", tc.pc, e)
			}
		} else if !ok || e != es[tc.want] {
			t.Errorf("FindHandler(%d) = %v, %v; want %v", tc.pc, e, ok, es[tc.want])
		}
	}
	// Gaps between entries.
	b, _ = EncodeExceptionTable([]ExceptionEntry{{2, 4, 9, 0, false}, {6, 8, 9, 0, false}})
	for pc, want := range []bool{false, false, true, true, false, false, true, true, false} {
		if _, ok := FindHandler(b, pc); ok != want {
			t.Errorf("gap table: FindHandler(%d) = %v", pc, ok)
		}
	}
}

func TestExceptionTableErrors(t *testing.T) {
	for _, es := range [][]ExceptionEntry{
		{{3, 3, 0, 0, false}},
		{{0, 4, 0, 0, false}, {3, 5, 0, 0, false}},
		{{0, 4, -1, 0, false}},
		{{0, 4, 0, -1, false}},
		{{-1, 4, 0, 0, false}},
	} {
		if _, err := EncodeExceptionTable(es); err == nil {
			t.Errorf("%v: no error", es)
		}
	}
	for _, b := range [][]byte{
		{0x02, 0x01, 0x04, 0x00},                         // no start marker
		{0x82, 0x01, 0x04},                               // truncated
		{0x82, 0x81, 0x04, 0x00},                         // start marker inside an entry
		{0xc1, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x01}, // too long
	} {
		if _, err := DecodeExceptionTable(b); err == nil {
			t.Errorf("% x: no error", b)
		}
	}
}
