package interp

import (
	"testing"

	"github.com/parallel-py/parallel/alloc"
)

// TestFreeList checks an interpreter's free list: what get returns is
// zeroed and reused (except in rcdebug builds, which never recycle), the
// list keeps at most maxFree, and after discard it keeps nothing.
func TestFreeList(t *testing.T) {
	var l freeList[Range]
	a := l.get()
	a.start, a.stop = 3, 9
	l.put(a)
	b := l.get()
	if *b != (Range{}) {
		t.Fatalf("get after put: %+v, want zeroed", *b)
	}
	if (b == a) == alloc.Debug {
		t.Errorf("reused %v, want %v", b == a, !alloc.Debug)
	}
	for i := 0; i < maxFree+10; i++ {
		l.put(new(Range))
	}
	if len(l.free) > maxFree {
		t.Errorf("%d kept, want at most %d", len(l.free), maxFree)
	}
	l.discard()
	l.put(new(Range))
	if len(l.free) != 0 {
		t.Errorf("%d kept after discard, want 0", len(l.free))
	}
	if l.get() == nil {
		t.Error("get after discard: nil")
	}
}

// TestTableFreeList checks the free list of power-of-two arrays: reused
// by length and zeroed, other lengths and capacities not kept, a length's
// list bounded by maxFreeTableBytes, nothing kept after discard.
func TestTableFreeList(t *testing.T) {
	var l tableFreeList[setEntry]
	s := l.get(8)
	if len(s) != 8 {
		t.Fatalf("len %d, want 8", len(s))
	}
	s[3].hash = 42
	l.put(s)
	r := l.get(8)
	if r[3].hash != 0 {
		t.Errorf("reused table not zeroed: %+v", r[3])
	}
	if (&r[0] == &s[0]) == alloc.Debug {
		t.Errorf("reused %v, want %v", &r[0] == &s[0], !alloc.Debug)
	}
	for _, bad := range [][]setEntry{make([]setEntry, 6), make([]setEntry, 8, 16), nil, make([]setEntry, 1<<(maxRecycledClass+1))} {
		l.put(bad)
	}
	for k, list := range l.lists {
		if len(list) != 0 {
			t.Errorf("class %d kept %d arrays of a length or capacity it does not keep", k, len(list))
		}
	}
	for i := 0; i < 100; i++ {
		l.put(make([]setEntry, 1<<maxRecycledClass))
	}
	if n := len(l.lists[maxRecycledClass]); n > 2 {
		t.Errorf("%d of the largest arrays kept, want at most 2", n)
	}
	l.discard()
	l.put(make([]setEntry, 8))
	if len(l.lists[3]) != 0 {
		t.Error("a table kept after discard")
	}
}
