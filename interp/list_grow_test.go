package interp

import "testing"

// TestListReserveGrowth checks listReserve's capacities: the pool's
// power of two up to its largest class, then half again at each growth
// (an eighth, CPython's, copied a long list's array eight times over).
func TestListReserveGrowth(t *testing.T) {
	in := New(Options{})
	defer in.Close()
	l, err := in.newListSized(0)
	if err != nil {
		t.Fatal(err)
	}
	defer in.decRef(valueOf(l))
	maxCap := in.values.MaxCap()
	for i := 0; i < maxCap; i++ {
		if err := in.Append(l, Int(int64(i))); err != nil {
			t.Fatal(err)
		}
		if c := cap(l.items); c&(c-1) != 0 {
			t.Fatalf("%d items: cap %d, want a power of two", len(l.items), c)
		}
	}
	for _, want := range []int{maxCap * 3 / 2, maxCap * 9 / 4} {
		for len(l.items) < cap(l.items) {
			if err := in.Append(l, Int(int64(len(l.items)))); err != nil {
				t.Fatal(err)
			}
		}
		if err := in.Append(l, Int(int64(len(l.items)))); err != nil {
			t.Fatal(err)
		}
		if c := cap(l.items); c != want {
			t.Fatalf("%d items: cap %d, want %d", len(l.items), c, want)
		}
	}
	for i, v := range l.items {
		if v != Int(int64(i)) {
			t.Fatalf("item %d is %v", i, v)
		}
	}
}
