//go:build rcdebug

package alloc_test

import (
	"strings"
	"testing"

	"github.com/parallel-py/parallel/alloc"
)

// freshObject returns an object accounted by a under the class "thing".
func freshObject(t *testing.T, a *alloc.Allocator, p *alloc.Pool[object]) *object {
	t.Helper()
	x := p.Get()
	if err := a.Account(&x.Header, a.RegisterClass("thing"), 32); err != nil {
		t.Fatal(err)
	}
	return x
}

func TestDebugReports(t *testing.T) {
	tests := []struct {
		name   string
		misuse func(a *alloc.Allocator, x *object, p *alloc.Pool[object])
		want   []string
	}{
		{"use after free", func(a *alloc.Allocator, x *object, p *alloc.Pool[object]) {
			alloc.DecRef(&x.Header)
			a.Free(&x.Header, 32)
			alloc.IncRef(&x.Header)
			alloc.DecRef(&x.Header)
		}, []string{"IncRef on a freed object", "DecRef on a freed object"}},
		{"use after Pool.Put", func(a *alloc.Allocator, x *object, p *alloc.Pool[object]) {
			alloc.DecRef(&x.Header)
			a.Free(&x.Header, 32)
			p.Put(x)
			alloc.IncRef(&x.Header)
		}, []string{"IncRef on a freed object"}},
		{"count below zero", func(a *alloc.Allocator, x *object, p *alloc.Pool[object]) {
			alloc.DecRef(&x.Header) // dead, but the caller forgets to free it
			alloc.DecRef(&x.Header)
		}, []string{"DecRef below zero"}},
		{"double free", func(a *alloc.Allocator, x *object, p *alloc.Pool[object]) {
			alloc.DecRef(&x.Header)
			a.Free(&x.Header, 32)
			a.Free(&x.Header, 32)
		}, []string{"double Free"}},
		{"free while referenced", func(a *alloc.Allocator, x *object, p *alloc.Pool[object]) {
			a.Free(&x.Header, 32)
		}, []string{"Free of an object with a nonzero count"}},
		{"put while live", func(a *alloc.Allocator, x *object, p *alloc.Pool[object]) {
			p.Put(x)
		}, []string{"Pool.Put of a live object"}},
		{"account while live", func(a *alloc.Allocator, x *object, p *alloc.Pool[object]) {
			a.Account(&x.Header, alloc.ClassOther, 32)
		}, []string{"Account on a live object"}},
		{"free by another allocator", func(a *alloc.Allocator, x *object, p *alloc.Pool[object]) {
			alloc.DecRef(&x.Header)
			alloc.New(alloc.Options{}).Free(&x.Header, 32)
		}, nil}, // reported to the other allocator
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := alloc.New(alloc.Options{})
			p := alloc.NewPool[object](4)
			x := freshObject(t, a, p)
			tt.misuse(a, x, p)
			reports := a.Reports()
			if len(reports) != len(tt.want) {
				t.Fatalf("reports %v, want %q", reports, tt.want)
			}
			for i, r := range reports {
				if r.What != tt.want[i] || r.Class != "thing" {
					t.Errorf("report %d: %s, want thing: %s", i, r.What, tt.want[i])
				}
				if !strings.Contains(r.Stack, "alloc_test.TestDebugReports") {
					t.Errorf("report %d: stack does not show the caller:\n%s", i, r.Stack)
				}
			}
		})
	}
}

func TestDebugPoison(t *testing.T) {
	a := alloc.New(alloc.Options{})
	p := alloc.NewPool[object](4)
	x := freshObject(t, a, p)
	x.Type = nil
	alloc.DecRef(&x.Header)
	a.Free(&x.Header, 32)
	if !x.Has(alloc.FlagFreed) {
		t.Error("Free did not mark the header freed")
	}
	p.Put(x)
	y := p.Get()
	if y != x || !y.Has(alloc.FlagFreed) || y.a != 0 {
		t.Error("a pooled object lost its freed mark or kept its fields")
	}
	if err := a.Account(&y.Header, alloc.ClassOther, 32); err != nil || y.Has(alloc.FlagFreed) {
		t.Errorf("Account did not start the object again: %v", err)
	}
	if s := a.Stats(); s.Live != 1 || s.Frees != 1 {
		t.Errorf("stats %+v", s)
	}
	if r := a.Reports(); len(r) != 0 {
		t.Errorf("reports %v", r)
	}
}

func TestDebugUnaccounted(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("DecRef below zero on an unaccounted object did not panic")
		}
	}()
	var o object
	alloc.DecRef(&o.Header)
}

func TestDebugStackNesting(t *testing.T) {
	s := alloc.NewStack[slot](8)
	s.Push(3)
	s.Push(2)
	defer func() {
		if recover() == nil {
			t.Error("Pop(3) after Push(2) did not panic")
		}
	}()
	s.Pop(3)
}

// PopCleared trusts the caller to have zeroed the slots; rcdebug builds
// check it, since a slot left set would show up as a bound local in the
// next frame.
func TestDebugPopClearedChecks(t *testing.T) {
	s := alloc.NewStack[slot](8)
	f := s.Push(3)
	f[1].n = 7
	defer func() {
		if recover() == nil {
			t.Error("PopCleared of a push with a set slot did not panic")
		}
	}()
	s.PopCleared(3)
}

// PutCleared trusts the caller to have zeroed the slice to its capacity;
// rcdebug builds check it, since a set element would show up in the
// next Get's slice.
func TestDebugPutClearedChecks(t *testing.T) {
	p := alloc.NewSlicePool[slot](64, 4)
	s := p.Get(3)
	s[:4][3].n = 7 // past the length, within the capacity
	defer func() {
		if recover() == nil {
			t.Error("PutCleared of a set slice did not panic")
		}
	}()
	p.PutCleared(s)
}
