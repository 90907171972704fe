package alloc_test

import (
	"fmt"
	"testing"

	"github.com/parallel-py/parallel/alloc"
)

// Allocators made with one ClassTable number its classes alike, count
// apart, and register their own classes after the table's.
func TestClassTable(t *testing.T) {
	table := alloc.NewClassTable("str", "list", "dict")
	if table.Len() != 4 {
		t.Fatalf("Len %d", table.Len())
	}
	if c, ok := table.Class("list"); !ok || c != 2 {
		t.Fatalf("Class(list) = %d, %v", c, ok)
	}
	a := alloc.New(alloc.Options{Classes: table})
	b := alloc.New(alloc.Options{Classes: table})
	for _, al := range []*alloc.Allocator{a, b} {
		if c := al.RegisterClass("dict"); c != 3 {
			t.Errorf("RegisterClass(dict) = %d, want the table's 3", c)
		}
		if al.ClassName(1) != "str" || al.ClassName(alloc.ClassOther) != "(other)" {
			t.Errorf("names %q %q", al.ClassName(1), al.ClassName(0))
		}
	}
	own := a.RegisterClass("set")
	if own != 4 || a.ClassName(own) != "set" || a.RegisterClass("set") != own {
		t.Errorf("own class %d %q", own, a.ClassName(own))
	}
	if b.ClassName(4) != "(class 4)" {
		t.Errorf("b sees a's class: %q", b.ClassName(4))
	}
	var x, y, z object
	if err := a.Account(&x.Header, 2, 10); err != nil {
		t.Fatal(err)
	}
	if err := a.Account(&y.Header, own, 20); err != nil {
		t.Fatal(err)
	}
	if err := b.Account(&z.Header, 2, 30); err != nil {
		t.Fatal(err)
	}
	sa, sb := a.Stats(), b.Stats()
	if len(sa.Classes) != 5 || len(sb.Classes) != 4 {
		t.Fatalf("classes %d %d", len(sa.Classes), len(sb.Classes))
	}
	if sa.Classes[2].Live != 1 || sa.Classes[2].Bytes != 10 || sa.Classes[4].Live != 1 || sb.Classes[2].Live != 1 || sb.Classes[2].Bytes != 30 {
		t.Errorf("stats %+v %+v", sa.Classes, sb.Classes)
	}
	base := a.Baseline()
	a.Free(&x.Header, 10)
	if leaks := a.LeaksSince(base); len(leaks) != 0 {
		t.Errorf("leaks %v", leaks)
	}
	if err := a.Account(&x.Header, 3, 8); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(a.LeaksSince(base)); got != "[dict: 1 live, 0 at baseline]" {
		t.Errorf("leaks %s", got)
	}
}

func TestClassTableDuplicates(t *testing.T) {
	table := alloc.NewClassTable("a", "b", "a")
	a := alloc.New(alloc.Options{Classes: table})
	if table.Len() != 4 || a.ClassName(3) != "a" || a.RegisterClass("a") != 1 {
		t.Errorf("len %d, name %q, class %d", table.Len(), a.ClassName(3), a.RegisterClass("a"))
	}
}

// Many classes from a table are each counted apart.
func TestManyTableClasses(t *testing.T) {
	names := make([]string, 1000)
	for i := range names {
		names[i] = fmt.Sprint("c", i)
	}
	a := alloc.New(alloc.Options{Classes: alloc.NewClassTable(names...)})
	objs := make([]object, 1001)
	for i := 1000; i >= 0; i -= 7 {
		if err := a.Account(&objs[i].Header, alloc.Class(i), uintptr(i)); err != nil {
			t.Fatal(err)
		}
	}
	s := a.Stats()
	if len(s.Classes) != 1001 {
		t.Fatalf("%d classes", len(s.Classes))
	}
	var live int64
	for i, c := range s.Classes {
		want := int64(0)
		if (1000-i)%7 == 0 {
			want = 1
		}
		if c.Live != want || c.Bytes != want*int64(i) {
			t.Fatalf("class %d: %+v", i, c)
		}
		live += c.Live
	}
	if s.Live != live || s.Allocs != uint64(live) {
		t.Errorf("totals %+v", s)
	}
}

// An Allocator made from a table allocates only its counts.
func BenchmarkNewWithTable(b *testing.B) {
	names := make([]string, 600)
	for i := range names {
		names[i] = fmt.Sprint("c", i)
	}
	table := alloc.NewClassTable(names...)
	b.ReportAllocs()
	for b.Loop() {
		alloc.New(alloc.Options{Classes: table})
	}
}
