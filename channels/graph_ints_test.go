package channels

import (
	"errors"
	"reflect"
	"testing"
)

// A node may hold its items as ints (the compact form copies of lists of
// small ints take): Len, At and Value read it as they read items, and
// the size counts each int as an item.
func TestGraphInts(t *testing.T) {
	b := NewGraphBuilder(0)
	outer, _ := b.Add(NodeList)
	inner, _ := b.Add(NodeList)
	set, _ := b.Add(NodeFrozenSet)
	ints := b.NewInts(3)
	copy(ints, []int64{1, -2, 1 << 62})
	if err := b.SetInts(inner, ints); err != nil {
		t.Fatal(err)
	}
	if err := b.SetInts(set, []int64{7}); err != nil {
		t.Fatal(err)
	}
	xs := b.NewItems(3)
	xs[0], xs[1], xs[2] = Ref(inner), Ref(inner), Ref(set)
	if err := b.SetItems(outer, xs); err != nil {
		t.Fatal(err)
	}
	x, err := b.Finish(Ref(outer))
	if err != nil {
		t.Fatal(err)
	}
	g := x.Graph()
	if n := g.Node(inner); n.Len() != 3 || n.At(2).AsInt() != 1<<62 || n.Items != nil {
		t.Fatalf("node %+v", n)
	}
	if g.Size() != 3*itemBytes+7*itemBytes {
		t.Errorf("size %d, want %d (3 nodes and 7 items)", g.Size(), 10*itemBytes)
	}
	got := x.Value().([]any)
	want := []any{[]any{int64(1), int64(-2), int64(1 << 62)}, []any{int64(1), int64(-2), int64(1 << 62)}, FrozenSet{int64(7)}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v", got)
	}
	if &got[0].([]any)[0] != &got[1].([]any)[0] {
		t.Error("a node of ints reached twice came back as two")
	}
}

// Ints where they cannot be, or beside items, make a malformed graph;
// ints count toward the limit.
func TestGraphIntsErrors(t *testing.T) {
	for _, kind := range []NodeKind{NodeDict, NodeTuple, NodeReduce} {
		b := NewGraphBuilder(0)
		i, _ := b.Add(kind)
		if kind == NodeReduce {
			_ = b.SetItems(i, make([]Item, reduceItems))
		}
		_ = b.SetInts(i, []int64{1, 2})
		if _, err := b.Finish(Ref(i)); err == nil {
			t.Errorf("ints in a %s node were accepted", kind)
		}
	}
	b := NewGraphBuilder(0)
	i, _ := b.Add(NodeList)
	_ = b.SetItems(i, []Item{Int(1)})
	_ = b.SetInts(i, []int64{1})
	if _, err := b.Finish(Ref(i)); err == nil {
		t.Error("a node with items and ints was accepted")
	}
	b = NewGraphBuilder(1000)
	i, _ = b.Add(NodeList)
	var tl *TooLargeError
	if err := b.SetInts(i, make([]int64, 100)); !errors.As(err, &tl) {
		t.Errorf("100 ints under a 1000-byte limit: %v", err)
	}
}

// Slices cut from the builder's arenas are their own: appending to one
// never writes into the next, whatever the sizes asked for.
func TestGraphArenas(t *testing.T) {
	b := NewGraphBuilder(0)
	var items [][]Item
	var ints [][]int64
	for _, n := range []int{0, 1, 5, 31, 32, 33, 64, 65, 200, 3} {
		s := b.NewItems(n)
		if len(s) != n || cap(s) != n {
			t.Fatalf("NewItems(%d): len %d cap %d", n, len(s), cap(s))
		}
		for j := range s {
			s[j] = Int(int64(n))
		}
		items = append(items, s)
		k := b.NewInts(n)
		if len(k) != n || cap(k) != n {
			t.Fatalf("NewInts(%d): len %d cap %d", n, len(k), cap(k))
		}
		for j := range k {
			k[j] = int64(n)
		}
		ints = append(ints, k)
	}
	for i, s := range items {
		_ = append(s, Int(-1))
		_ = append(ints[i], -1)
	}
	for i, s := range items {
		for j, x := range s {
			if x.AsInt() != int64(len(s)) || ints[i][j] != int64(len(s)) {
				t.Fatalf("slice %d changed at %d", i, j)
			}
		}
	}
	b.Reserve(10)
	if _, err := b.Add(NodeList); err != nil {
		t.Fatal(err)
	}
}
