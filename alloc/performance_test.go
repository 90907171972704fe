package alloc_test

import (
	"testing"

	"github.com/parallel-py/parallel/alloc"
)

// Results recorded in docs/design/memory.md ("Allocator"). Run with
//
//	go test ./alloc -run '^$' -bench . -benchmem -count 5

var (
	sinkObject *node
	sinkSlots  []slot
	sinkBool   bool
)

func BenchmarkIncDecRef(b *testing.B) {
	a := alloc.New(alloc.Options{})
	o := &object{}
	if err := a.Account(&o.Header, alloc.ClassOther, 32); err != nil {
		b.Fatal(err)
	}
	dead := false
	for b.Loop() {
		alloc.IncRef(&o.Header)
		dead = dead || alloc.DecRef(&o.Header)
	}
	sinkBool = dead
}

func BenchmarkIncDecRefImmortal(b *testing.B) {
	o := &object{}
	alloc.MakeImmortal(&o.Header)
	dead := false
	for b.Loop() {
		alloc.IncRef(&o.Header)
		dead = dead || alloc.DecRef(&o.Header)
	}
	sinkBool = dead
}

func BenchmarkAccountFree(b *testing.B) {
	a := alloc.New(alloc.Options{Limit: 1 << 30})
	c := a.RegisterClass("node")
	o := &object{}
	for b.Loop() {
		if err := a.Account(&o.Header, c, 64); err != nil {
			b.Fatal(err)
		}
		a.Free(&o.Header, 64)
	}
}

func BenchmarkPoolGetPut(b *testing.B) {
	p := alloc.NewPool[node](64)
	p.Put(p.Get())
	for b.Loop() {
		p.Put(p.Get())
	}
}

// BenchmarkObjectLife is a whole short-lived object: Get, Account, the
// last DecRef, Free, Put.
func BenchmarkObjectLife(b *testing.B) {
	a := alloc.New(alloc.Options{Limit: 1 << 30})
	c := a.RegisterClass("node")
	p := alloc.NewPool[node](64)
	for b.Loop() {
		x := p.Get()
		if err := a.Account(&x.Header, c, 64); err != nil {
			b.Fatal(err)
		}
		if alloc.DecRef(&x.Header) {
			a.Free(&x.Header, 64)
			p.Put(x)
		}
	}
}

// BenchmarkNewObject is what BenchmarkObjectLife replaces: one Go
// allocation per object.
func BenchmarkNewObject(b *testing.B) {
	for b.Loop() {
		sinkObject = new(node)
	}
}

func BenchmarkSlicePool16(b *testing.B) {
	p := alloc.NewSlicePool[slot](1<<12, 16)
	p.Put(p.Get(16))
	for b.Loop() {
		p.Put(p.Get(16))
	}
}

func BenchmarkSlicePool1000(b *testing.B) {
	p := alloc.NewSlicePool[slot](1<<12, 16)
	p.Put(p.Get(1000))
	for b.Loop() {
		p.Put(p.Get(1000))
	}
}

func BenchmarkMakeSlice16(b *testing.B) {
	for b.Loop() {
		sinkSlots = make([]slot, 16)
	}
}

func BenchmarkStackPushPop16(b *testing.B) {
	s := alloc.NewStack[slot](4096)
	for b.Loop() {
		f := s.Push(16)
		f[0].n = 1
		s.Pop(16)
	}
}

// BenchmarkStackCalls pushes 8 nested frames of 16 slots across a chunk
// boundary, then pops them.
func BenchmarkStackCalls(b *testing.B) {
	s := alloc.NewStack[slot](100)
	for b.Loop() {
		for range 8 {
			s.Push(16)[0].n = 1
		}
		for range 8 {
			s.Pop(16)
		}
	}
}
