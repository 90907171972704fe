package bytecode

import (
	"reflect"
	"testing"
)

func TestPositionsRoundTrip(t *testing.T) {
	for _, ps := range [][]Pos{
		nil,
		{{0, 1, 0, 0}},
		{NoPos, NoPos},
		// From CPython 3.12's co_positions() of a try/except function.
		{{1, 1, 0, 0}, {2, 5, 4, 16}, {3, 3, 15, 16}, {3, 3, 8, 16}, NoPos, {4, 5, 4, 16},
			{5, 5, 15, 16}, {5, 5, 8, 16}, {5, 5, 8, 16}, {5, 5, 8, 16}, NoPos, NoPos, NoPos},
		{{100000, 100000, 3, 5000}, {2, 2, 0, 1}, {2, -1, -1, -1}, {7, 9, 120, -1}},
	} {
		b := EncodePositions(ps)
		got, err := DecodePositions(b)
		if err != nil || !reflect.DeepEqual(got, ps) {
			t.Errorf("round trip of %v: got %v, %v", ps, got, err)
		}
		for pc, want := range ps {
			if p, err := PositionAt(b, pc); err != nil || p != want {
				t.Errorf("PositionAt(%d) = %v, %v; want %v", pc, p, err, want)
			}
		}
		if p, _ := PositionAt(b, len(ps)); p != NoPos {
			t.Errorf("PositionAt past the end = %v", p)
		}
	}
}

func TestPositionsNormalize(t *testing.T) {
	in := []Pos{{-1, 3, 4, 5}, {5, 4, -7, 2}}
	want := []Pos{NoPos, {5, -1, -1, 2}}
	got, err := DecodePositions(EncodePositions(in))
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, %v; want %v", got, err, want)
	}
}

func TestPositionsCompact(t *testing.T) {
	// An expression statement: ten instructions on one span take one
	// record of five bytes.
	ps := make([]Pos, 10)
	for i := range ps {
		ps[i] = Pos{12, 12, 4, 30}
	}
	if b := EncodePositions(ps); len(b) != 5 {
		t.Errorf("%d bytes: % x", len(b), b)
	}
}

func TestPositionsCorrupt(t *testing.T) {
	for _, b := range [][]byte{
		{0x80},                // truncated varint
		{0x00},                // run of 0
		{0x03},                // line record without its fields
		{0x03, 0x01},          // line record cut short
		{0x03, 0x03, 0, 0, 0}, // line -2
		{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, // oversized run
	} {
		if _, err := DecodePositions(b); err == nil {
			t.Errorf("% x: no error", b)
		}
	}
}
