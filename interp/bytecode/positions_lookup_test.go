package bytecode

import (
	"fmt"
	"math/rand"
	"testing"
)

// randomPositions returns n positions with runs, missing ones and lines
// that go back and forth by small and large steps, so that every varint
// length and sign occurs.
func randomPositions(rng *rand.Rand, n int) []Pos {
	ps := make([]Pos, 0, n)
	line := 1
	for len(ps) < n {
		p := NoPos
		if rng.Intn(8) != 0 {
			switch rng.Intn(4) {
			case 0:
				line += rng.Intn(200000) - 100000
			default:
				line += rng.Intn(130) - 65
			}
			line = max(line, 0)
			p = Pos{line, line + rng.Intn(3), rng.Intn(300) - 1, rng.Intn(300) - 1}
		}
		for range 1 + rng.Intn(5) {
			ps = append(ps, p)
		}
	}
	return ps[:n]
}

func TestPositionAtRandomTables(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for range 50 {
		ps := randomPositions(rng, 1+rng.Intn(300))
		b := EncodePositions(ps)
		want, err := DecodePositions(b)
		if err != nil {
			t.Fatal(err)
		}
		for pc := range want {
			if p, err := PositionAt(b, pc); err != nil || p != want[pc] {
				t.Fatalf("PositionAt(%d) = %v, %v; want %v", pc, p, err, want[pc])
			}
		}
	}
}

// BenchmarkPositionAt looks up the last instruction of a 1,000-instruction
// table, a frame's line number deep into a long function.
func BenchmarkPositionAt(b *testing.B) {
	ps := make([]Pos, 1000)
	for i := range ps {
		ps[i] = Pos{10 + i/3, 10 + i/3, 4, 20 + i%40}
	}
	tab := EncodePositions(ps)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PositionAt(tab, len(ps)-1); err != nil {
			b.Fatal(err)
		}
	}
}

func TestPositionAtCorrupt(t *testing.T) {
	for _, b := range [][]byte{
		{0x80},                // truncated varint
		{0x00},                // run of 0
		{0x03},                // line record without its fields
		{0x03, 0x01},          // line record cut short
		{0x03, 0x03, 0, 0, 0}, // line -2
		{0x03, 0x03, 0, 0, 0, 0x02},
		{0x02, 0x03, 0x83, 0, 0, 0}, // a two-byte line delta giving line -2
		{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, // oversized run
	} {
		if _, err := PositionAt(b, 1000); err == nil {
			t.Errorf("% x: no error", b)
		}
	}
}

// TestPositionAtCached asks every position of long tables twice, from
// several goroutines at once, so that answers come from the cache too and
// entries of different tables meet in its slots.
func TestPositionAtCached(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	type table struct {
		b  []byte
		ps []Pos
	}
	var tables []table
	for range 20 {
		ps := randomPositions(rng, 100+rng.Intn(400))
		b := EncodePositions(ps)
		if len(b) < cachedTableMin {
			t.Fatalf("table of %d bytes is too short to be cached", len(b))
		}
		want, _ := DecodePositions(b)
		tables = append(tables, table{b, want})
	}
	done := make(chan error)
	for g := range 4 {
		go func() {
			for round := range 2 {
				for i := range tables {
					tb := tables[(i+g)%len(tables)]
					for pc, want := range tb.ps {
						if p, err := PositionAt(tb.b, pc); err != nil || p != want {
							done <- fmt.Errorf("round %d: PositionAt(%d) = %v, %v; want %v", round, pc, p, err, want)
							return
						}
					}
				}
			}
			done <- nil
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	// A corrupt long table is never answered from the cache.
	bad := append(append([]byte{}, tables[0].b...), 0x80)
	for range 2 {
		if _, err := PositionAt(bad, len(tables[0].ps)); err == nil {
			t.Error("corrupt long table: no error")
		}
	}
}
