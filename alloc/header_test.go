package alloc_test

import (
	"testing"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// object is a plain heap object, as the interpreter would declare one.
type object struct {
	alloc.Header
	a, b int64
}

// container is an object that can hold references.
type container struct {
	alloc.Header
	alloc.GCLink
	items []*alloc.Header
}

func TestLayout(t *testing.T) {
	want := uintptr(16)
	if alloc.Debug {
		want = 24
	}
	if alloc.HeaderSize != want || unsafe.Sizeof(alloc.Header{}) != want {
		t.Errorf("HeaderSize = %d, want %d", alloc.HeaderSize, want)
	}
	if got := unsafe.Sizeof(alloc.GCLink{}); got != 24 {
		t.Errorf("GCLink is %d bytes, want 24", got)
	}
	var c container
	if alloc.Link(&c.Header) != &c.GCLink {
		t.Error("Link does not find the GCLink after the Header")
	}
	var o object
	if unsafe.Pointer(&o.Header) != unsafe.Pointer(&o) {
		t.Error("the Header does not begin the object")
	}
}

func TestRefCounts(t *testing.T) {
	type op struct {
		inc      bool // IncRef, else DecRef
		wantRefs int32
		wantDead bool
	}
	tests := []struct {
		name string
		ops  []op
	}{
		{"one owner", []op{{false, 0, true}}},
		{"two owners", []op{{true, 2, false}, {false, 1, false}, {false, 0, true}}},
		{"many", []op{{true, 2, false}, {true, 3, false}, {true, 4, false}, {false, 3, false},
			{false, 2, false}, {true, 3, false}, {false, 2, false}, {false, 1, false}, {false, 0, true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := alloc.New(alloc.Options{})
			var o object
			if err := a.Account(&o.Header, alloc.ClassOther, 32); err != nil {
				t.Fatal(err)
			}
			for i, op := range tt.ops {
				dead := false
				if op.inc {
					alloc.IncRef(&o.Header)
				} else {
					dead = alloc.DecRef(&o.Header)
				}
				if o.Refs() != op.wantRefs || dead != op.wantDead {
					t.Fatalf("op %d: refs %d dead %v, want %d %v", i, o.Refs(), dead, op.wantRefs, op.wantDead)
				}
			}
			a.Free(&o.Header, 32)
			if r := a.Reports(); len(r) != 0 {
				t.Errorf("reports: %v", r)
			}
		})
	}
}

func TestImmortal(t *testing.T) {
	var o object
	alloc.MakeImmortal(&o.Header)
	for range 3 {
		alloc.IncRef(&o.Header)
	}
	for range 5 {
		if alloc.DecRef(&o.Header) {
			t.Fatal("DecRef of an immortal object reported it dead")
		}
	}
	if o.Refs() != 0 {
		t.Errorf("immortal count changed to %d", o.Refs())
	}
	if !o.Has(alloc.FlagImmortal) {
		t.Error("FlagImmortal not set")
	}
}

func TestFlags(t *testing.T) {
	var o object
	o.SetFlags(alloc.FlagContainer | alloc.FlagUser)
	if !o.Has(alloc.FlagContainer|alloc.FlagUser) || o.Has(alloc.FlagFinalized) {
		t.Fatalf("flags %b", o.Flags())
	}
	o.ClearFlags(alloc.FlagUser)
	if o.Flags() != alloc.FlagContainer {
		t.Fatalf("flags %b, want %b", o.Flags(), alloc.FlagContainer)
	}
}
