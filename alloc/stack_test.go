package alloc_test

import (
	"testing"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// slot stands for the interpreter's 16-byte Value.
type slot struct {
	p unsafe.Pointer
	n uint64
}

func TestStack(t *testing.T) {
	tests := []struct {
		name      string
		chunkSize int
		pushes    []int
		wantCap   int // after all the pushes
	}{
		{"one chunk", 64, []int{10, 20, 30}, 64},
		{"exact fit", 64, []int{32, 32}, 64},
		{"spill", 64, []int{40, 40, 40}, 192},
		{"big push", 16, []int{8, 100, 4}, 16 + 100 + 16},
		{"zero", 8, []int{0, 8, 0, 1}, 16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := alloc.NewStack[slot](tt.chunkSize)
			var frames [][]slot
			total := 0
			for _, n := range tt.pushes {
				f := s.Push(n)
				if len(f) != n || cap(f) != n {
					t.Fatalf("Push(%d): len %d cap %d", n, len(f), cap(f))
				}
				for i := range f {
					if f[i] != (slot{}) {
						t.Fatalf("Push(%d): slot %d not zero", n, i)
					}
					f[i] = slot{unsafe.Pointer(&f[i]), uint64(n)}
				}
				frames = append(frames, f)
				total += n
				if s.Len() != total {
					t.Fatalf("Len %d, want %d", s.Len(), total)
				}
			}
			if s.Cap() != tt.wantCap {
				t.Errorf("Cap %d, want %d", s.Cap(), tt.wantCap)
			}
			// Every frame still holds what was written to it: no overlap.
			for _, f := range frames {
				for i := range f {
					if f[i].p != unsafe.Pointer(&f[i]) || f[i].n != uint64(len(f)) {
						t.Fatalf("frame of %d: slot %d overwritten", len(f), i)
					}
				}
			}
			for i := len(frames) - 1; i >= 0; i-- {
				s.Pop(len(frames[i]))
				for j := range frames[i] {
					if frames[i][j] != (slot{}) {
						t.Fatalf("Pop did not clear slot %d", j)
					}
				}
			}
			if s.Len() != 0 {
				t.Errorf("Len %d after popping everything", s.Len())
			}
			// The same pushes again reuse the chunks.
			before := s.Cap()
			for _, n := range tt.pushes {
				s.Push(n)
			}
			if s.Cap() != before {
				t.Errorf("Cap grew from %d to %d on reuse", before, s.Cap())
			}
		})
	}
}

func TestStackDeep(t *testing.T) {
	s := alloc.NewStack[slot](100)
	var walk func(depth int)
	walk = func(depth int) {
		f := s.Push(7)
		f[0].n = uint64(depth)
		if depth < 200 {
			walk(depth + 1)
		}
		if f[0].n != uint64(depth) {
			t.Fatalf("depth %d: frame overwritten", depth)
		}
		s.Pop(7)
	}
	walk(0)
	if s.Len() != 0 {
		t.Fatalf("Len %d", s.Len())
	}
	n := testing.AllocsPerRun(10, func() { walk(0) })
	if n != 0 {
		t.Errorf("%v allocations per walk once the chunks exist", n)
	}
}

// TestStackTruncate drops many pushes at once, across chunk boundaries,
// as the eval loop does for frames a recovered panic abandoned.
func TestStackTruncate(t *testing.T) {
	s := alloc.NewStack[slot](10)
	base := s.Push(3)
	base[0].n = 42
	mark := s.Len()
	for i := 0; i < 20; i++ {
		f := s.Push(4)
		f[3].n = uint64(i + 1)
	}
	s.Truncate(mark)
	if s.Len() != mark {
		t.Fatalf("Len %d after Truncate(%d)", s.Len(), mark)
	}
	if base[0].n != 42 {
		t.Fatalf("the kept push was overwritten")
	}
	// What was dropped reads back zeroed, and pushes and pops nest again.
	f := s.Push(4)
	for i, v := range f {
		if v.n != 0 {
			t.Fatalf("slot %d of a new push holds %d", i, v.n)
		}
	}
	s.Pop(4)
	s.Pop(3)
	if s.Len() != 0 {
		t.Fatalf("Len %d", s.Len())
	}
}

// A new Stack holds nothing; its chunks start small and double up to the
// chunk size.
func TestStackGrowth(t *testing.T) {
	s := alloc.NewStack[slot](1024)
	if s.Cap() != 0 {
		t.Fatalf("Cap %d before any push", s.Cap())
	}
	if f := s.Push(0); len(f) != 0 || s.Cap() != 0 {
		t.Fatalf("Push(0): len %d, Cap %d", len(f), s.Cap())
	}
	s.Pop(0)
	var caps []int
	for range 40 {
		s.Push(100)
		caps = append(caps, s.Cap())
	}
	// 128, then 256, 512 and 1024-slot chunks, then more of 1024.
	want := []int{128, 384, 384, 896, 896, 896, 896, 896, 1920}
	for i, w := range want {
		if caps[i] != w {
			t.Fatalf("Cap after %d pushes of 100: %v, want %v", i+1, caps[:len(want)], want)
		}
	}
	for range 40 {
		s.Pop(100)
	}
	if s.Len() != 0 {
		t.Fatalf("Len %d", s.Len())
	}
}

// TestStackTryPushPopCleared runs the eval loop's way of pushing and
// popping a frame: TryPush while the chunk has room (Push for a new
// chunk), and PopCleared after the caller zeroed the slots, across
// chunk boundaries. The slots handed out must be zero and distinct, and
// the chunks must be reused.
func TestStackTryPushPopCleared(t *testing.T) {
	for _, size := range []int{0, 1, 5, 16, 40} {
		s := alloc.NewStack[slot](32)
		var frames [][]slot
		for i := 0; i < 30; i++ {
			f, ok := s.TryPush(size)
			if !ok {
				f = s.Push(size)
			} else if alloc.Debug {
				t.Fatal("TryPush succeeded in an rcdebug build")
			}
			if len(f) != size || cap(f) != size {
				t.Fatalf("size %d: len %d cap %d", size, len(f), cap(f))
			}
			for j := range f {
				if f[j] != (slot{}) {
					t.Fatalf("size %d, push %d: slot %d not zero", size, i, j)
				}
				f[j] = slot{unsafe.Pointer(&f[j]), uint64(i)}
			}
			frames = append(frames, f)
		}
		for i, f := range frames {
			for j := range f {
				if f[j].p != unsafe.Pointer(&f[j]) || f[j].n != uint64(i) {
					t.Fatalf("size %d: push %d slot %d overwritten", size, i, j)
				}
			}
		}
		capBefore := s.Cap()
		for i := len(frames) - 1; i >= 0; i-- {
			clear(frames[i])
			s.PopCleared(size)
		}
		if s.Len() != 0 {
			t.Fatalf("size %d: Len %d after popping everything", size, s.Len())
		}
		for i := 0; i < 30; i++ {
			if _, ok := s.TryPush(size); !ok {
				s.Push(size)
			}
		}
		if s.Cap() != capBefore {
			t.Errorf("size %d: Cap grew from %d to %d on reuse", size, capBefore, s.Cap())
		}
	}
}

// TestStackTryPushFits checks TryPush at the edge of a chunk: a push
// that fills it exactly succeeds, one slot more is Push's, and an empty
// push succeeds even on a full chunk.
func TestStackTryPushFits(t *testing.T) {
	if alloc.Debug {
		t.Skip("TryPush always fails in rcdebug builds")
	}
	s := alloc.NewStack[slot](32)
	first := s.Push(30) // the first chunk: 32 slots
	for _, tc := range []struct {
		n  int
		ok bool
	}{{3, false}, {2, true}, {1, false}, {0, true}} {
		r, ok := s.TryPush(tc.n)
		if ok != tc.ok {
			t.Fatalf("TryPush(%d) at %d: ok %v, want %v", tc.n, s.Len(), ok, tc.ok)
		}
		if ok && (len(r) != tc.n || cap(r) != tc.n) {
			t.Fatalf("TryPush(%d): len %d cap %d", tc.n, len(r), cap(r))
		}
		if ok && tc.n > 0 && unsafe.Pointer(&r[0]) != unsafe.Add(unsafe.Pointer(&first[0]), 30*unsafe.Sizeof(slot{})) {
			t.Fatalf("TryPush(%d): not the slots after the first push", tc.n)
		}
	}
	s.PopCleared(0)
	s.PopCleared(2)
	s.PopCleared(30)
	if s.Len() != 0 {
		t.Fatalf("Len %d", s.Len())
	}
}
