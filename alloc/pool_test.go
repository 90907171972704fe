package alloc_test

import (
	"testing"

	"github.com/parallel-py/parallel/alloc"
)

// node holds Go references that Put must drop.
type node struct {
	alloc.Header
	next *node
	buf  []byte
	name string
}

func TestPool(t *testing.T) {
	a := alloc.New(alloc.Options{})
	c := a.RegisterClass("node")
	p := alloc.NewPool[node](2)

	get := func() *node {
		x := p.Get()
		if x.next != nil || x.buf != nil || x.name != "" || x.Type != nil || x.Refs() != 0 {
			t.Fatalf("Get returned a dirty object: %+v", x)
		}
		if err := a.Account(&x.Header, c, 64); err != nil {
			t.Fatal(err)
		}
		return x
	}
	release := func(x *node) {
		if !alloc.DecRef(&x.Header) {
			t.Fatal("object not dead")
		}
		a.Free(&x.Header, 64)
		p.Put(x)
	}

	x, y, z := get(), get(), get()
	x.next, x.buf, x.name = y, make([]byte, 8), "x"
	release(x)
	release(y)
	release(z) // the list holds 2: z is dropped
	if s := p.Stats(); s != (alloc.PoolStats{Misses: 3, Drops: 1, Free: 2}) {
		t.Errorf("stats %+v", s)
	}
	if x.next != nil || x.buf != nil || x.name != "" {
		t.Errorf("Put kept references: %+v", x)
	}
	if got := get(); got != y {
		t.Error("Get did not reuse the last object put")
	}
	if got := get(); got != x {
		t.Error("Get did not reuse the first object put")
	}
	get()
	if s := p.Stats(); s != (alloc.PoolStats{Hits: 2, Misses: 4, Drops: 1}) {
		t.Errorf("stats %+v", s)
	}
	if r := a.Reports(); len(r) != 0 {
		t.Errorf("reports: %v", r)
	}
}

func TestPoolPlainType(t *testing.T) {
	p := alloc.NewPool[[4]*int](1)
	x := p.Get()
	v := 1
	x[2] = &v
	p.Put(x)
	if y := p.Get(); y != x || y[2] != nil {
		t.Errorf("got %p %v, want %p zeroed", y, y, x)
	}
}

func TestSlicePoolGet(t *testing.T) {
	p := alloc.NewSlicePool[int](100, 4) // capacities 1..128
	tests := []struct{ n, len, cap int }{
		{0, 0, 0},
		{-1, 0, 0},
		{1, 1, 1},
		{2, 2, 2},
		{3, 3, 4},
		{5, 5, 8},
		{64, 64, 64},
		{65, 65, 128},
		{128, 128, 128},
		{129, 129, 129}, // beyond the largest class: exact
	}
	for _, tt := range tests {
		s := p.Get(tt.n)
		if len(s) != tt.len || cap(s) != tt.cap {
			t.Errorf("Get(%d): len %d cap %d, want %d %d", tt.n, len(s), cap(s), tt.len, tt.cap)
		}
	}
}

// TestSlicePoolMaxCap checks MaxCap against Get: the largest capacity
// Get rounds up to, past which it allocates exactly.
func TestSlicePoolMaxCap(t *testing.T) {
	for _, tt := range []struct{ max, want int }{{100, 128}, {128, 128}, {1, 1}, {1 << 16, 1 << 16}} {
		p := alloc.NewSlicePool[int](tt.max, 4)
		if got := p.MaxCap(); got != tt.want {
			t.Errorf("NewSlicePool(%d).MaxCap() = %d, want %d", tt.max, got, tt.want)
		}
		if c := cap(p.Get(tt.want)); c != tt.want {
			t.Errorf("max %d: cap(Get(%d)) = %d", tt.max, tt.want, c)
		}
		if c := cap(p.Get(tt.want + 1)); c != tt.want+1 {
			t.Errorf("max %d: cap(Get(%d)) = %d, want exact", tt.max, tt.want+1, c)
		}
	}
}

func TestSlicePoolReuse(t *testing.T) {
	p := alloc.NewSlicePool[*int](64, 2)
	v := 7
	s := p.Get(5)
	s = append(s, &v, &v, &v) // len 8, cap 8
	p.Put(s)
	r := p.Get(6)
	if &r[:1][0] != &s[:1][0] {
		t.Fatal("Get(6) did not reuse the capacity-8 slice")
	}
	for i, x := range r[:cap(r)] {
		if x != nil {
			t.Fatalf("slot %d not cleared", i)
		}
	}
	if len(r) != 6 {
		t.Errorf("len %d", len(r))
	}

	p.Put(make([]*int, 3))   // capacity not a power of two: ignored
	p.Put(make([]*int, 128)) // beyond the largest class: ignored
	p.Put(make([]*int, 4))
	p.Put(make([]*int, 4))
	p.Put(make([]*int, 4)) // list full: dropped
	if s := p.Stats(); s != (alloc.PoolStats{Hits: 1, Misses: 1, Drops: 1, Free: 2}) {
		t.Errorf("stats %+v", s)
	}
}

func TestPoolAllocs(t *testing.T) {
	p := alloc.NewPool[node](16)
	sp := alloc.NewSlicePool[int64](1024, 16)
	p.Put(p.Get())
	sp.Put(sp.Get(100))
	n := testing.AllocsPerRun(100, func() {
		p.Put(p.Get())
		sp.Put(sp.Get(100))
	})
	if n != 0 {
		t.Errorf("%v allocations per Get/Put in the steady state", n)
	}
}

// After Discard, pools keep nothing: Put still zeroes, Get allocates,
// and a SlicePool still hands out its rounded capacities.
func TestPoolDiscard(t *testing.T) {
	p := alloc.NewPool[[2]*int](4)
	x := p.Get()
	p.Put(x)
	p.Discard()
	if s := p.Stats(); s.Free != 0 {
		t.Errorf("free after Discard: %+v", s)
	}
	v := 1
	y := p.Get()
	y[0] = &v
	p.Put(y)
	if y[0] != nil {
		t.Error("Put after Discard did not zero")
	}
	if s := p.Stats(); s.Free != 0 || s.Drops != 1 {
		t.Errorf("stats after Discard and Put: %+v", s)
	}

	sp := alloc.NewSlicePool[int](64, 4)
	sp.Put(sp.Get(3))
	sp.Discard()
	if s := sp.Stats(); s.Free != 0 {
		t.Errorf("slice pool free after Discard: %+v", s)
	}
	s := sp.Get(3)
	if len(s) != 3 || cap(s) != 4 {
		t.Errorf("Get(3) after Discard: len %d cap %d, want 3 and 4", len(s), cap(s))
	}
	s[0] = 7
	sp.Put(s)
	if st := sp.Stats(); st.Free != 0 || st.Drops != 1 {
		t.Errorf("slice pool stats after Discard and Put: %+v", st)
	}
}

// PutCleared keeps a zeroed slice of a power-of-two capacity for Get, as
// Put does, and drops what Put drops (an odd capacity, a full class).
func TestSlicePoolPutCleared(t *testing.T) {
	p := alloc.NewSlicePool[*int](64, 1)
	s := p.Get(3) // cap 4, zero
	p.PutCleared(s)
	if r := p.Get(4); &r[:1][0] != &s[:1][0] {
		t.Fatal("Get(4) did not reuse the slice given to PutCleared")
	}
	p.PutCleared(make([]*int, 3)) // capacity 3: not a class
	if r := p.Get(3); cap(r) != 4 {
		t.Fatalf("Get(3): cap %d, want 4", cap(r))
	}
	a, b := make([]*int, 4), make([]*int, 4)
	p.PutCleared(a)
	p.PutCleared(b) // the class holds one: dropped
	if r := p.Get(4); &r[:1][0] != &a[:1][0] {
		t.Fatal("Get(4) did not return the kept slice")
	}
	if r := p.Get(4); &r[:1][0] == &b[:1][0] {
		t.Fatal("PutCleared kept a slice past the class's limit")
	}
}
