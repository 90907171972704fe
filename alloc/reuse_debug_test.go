//go:build rcdebug

package alloc_test

import (
	"testing"

	"github.com/parallel-py/parallel/alloc"
)

// TestReuseHelpers checks the rcdebug side of CheckFreed and Repoison:
// keeping a live object is reported, and a kept object zeroed and
// repoisoned still reports a use until Account starts it again; an
// object never accounted stays unmarked.
func TestReuseHelpers(t *testing.T) {
	a := alloc.New(alloc.Options{})
	p := alloc.NewPool[object](4)
	x := freshObject(t, a, p)
	alloc.CheckFreed(&x.Header)
	if r := a.Reports(); len(r) != 1 || r[0].What != "Pool.Put of a live object" {
		t.Fatalf("reports %v, want one of a live object kept", r)
	}
	alloc.DecRef(&x.Header)
	a.Free(&x.Header, 32)
	alloc.CheckFreed(&x.Header)
	old := x.Header
	*x = object{}
	alloc.Repoison(&x.Header, old)
	if !x.Has(alloc.FlagFreed) {
		t.Fatal("Repoison did not mark the zeroed header freed")
	}
	alloc.IncRef(&x.Header)
	if r := a.Reports(); len(r) != 2 || r[1].What != "IncRef on a freed object" {
		t.Fatalf("reports %v, want a use after free", r)
	}
	if err := a.Account(&x.Header, alloc.ClassOther, 32); err != nil || x.Has(alloc.FlagFreed) {
		t.Errorf("Account did not start the object again: %v", err)
	}
	var never object
	alloc.Repoison(&never.Header, never.Header)
	if never.Flags() != 0 {
		t.Errorf("an object never accounted got flags %v", never.Flags())
	}
}
