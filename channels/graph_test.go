package channels

import (
	"errors"
	"reflect"
	"testing"
)

// Go data that is not shareable as it is crosses as a graph, and comes
// back as the same Go data.
func TestGraphRoundTrip(t *testing.T) {
	for _, c := range []struct {
		name string
		in   any
		want any
	}{
		{"slice", []int{1, 2, 3}, []any{int64(1), int64(2), int64(3)}},
		{"array", [2]string{"a", "b"}, []any{"a", "b"}},
		{"map of str", map[string]any{"b": 2, "a": []any{1.5}}, map[string]any{"a": []any{1.5}, "b": int64(2)}},
		{"map of int", map[int]string{2: "b", 1: "a"}, Dict{Keys: []any{int64(1), int64(2)}, Values: []any{"a", "b"}}},
		{"set", Set{1, "x"}, Set{int64(1), "x"}},
		{"frozenset", FrozenSet{Tuple{1}}, FrozenSet{Tuple{int64(1)}}},
		{"tuple holding a list", Tuple{[]any{nil}, true}, Tuple{[]any{nil}, true}},
		{"global", Global{"collections", "OrderedDict"}, Global{"collections", "OrderedDict"}},
		{"reduced", &Reduced{Callable: Global{"m", "C"}, Args: Tuple{1}, State: map[string]any{"a": 1}},
			&Reduced{Callable: Global{"m", "C"}, Args: Tuple{int64(1)}, State: map[string]any{"a": int64(1)}}},
		{"bytes in a list", []any{[]byte("hi")}, []any{[]byte("hi")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			x, err := ItemOf(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if x.Kind() != KindGraph {
				t.Fatalf("kind %s", x.Kind())
			}
			if got := x.Value(); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %#v, want %#v", got, c.want)
			}
		})
	}
}

// Shared references and cycles survive the trip; a tuple reached twice
// is one tuple.
func TestGraphSharingAndCycles(t *testing.T) {
	inner := []any{1}
	outer := []any{inner, inner, nil}
	outer[2] = outer
	x, err := ItemOf(outer)
	if err != nil {
		t.Fatal(err)
	}
	if g := x.Graph(); g.Len() != 2 {
		t.Fatalf("%d nodes, want 2 (inner copied once)", g.Len())
	}
	got := x.Value().([]any)
	a, b, c := got[0].([]any), got[1].([]any), got[2].([]any)
	if &a[0] != &b[0] || &c[0] != &got[0] {
		t.Fatal("sharing or cycle lost")
	}

	// A tuple of tuples of ... 100 deep is 100 tuples, not 2^100.
	b2 := &GraphBuilder{}
	tup := TupleOf()
	for range 100 {
		tup = TupleOf(tup, tup)
	}
	g, err := b2.Finish(tup)
	if err != nil {
		t.Fatal(err)
	}
	v := g.Value().(Tuple)
	if reflect.ValueOf(v[0]).Pointer() != reflect.ValueOf(v[1]).Pointer() {
		t.Fatal("a tuple reached twice came back as two")
	}
}

// Bad graphs and bad Go data are errors, never panics.
func TestGraphErrors(t *testing.T) {
	b := NewGraphBuilder(0)
	if _, err := b.Finish(Ref(3)); err == nil {
		t.Error("a reference to a missing node was accepted")
	}
	b = NewGraphBuilder(0)
	i, _ := b.Add(NodeReduce)
	_ = b.SetItems(i, []Item{None()})
	if _, err := b.Finish(Ref(i)); err == nil {
		t.Error("a reduce node with one item was accepted")
	}
	b = NewGraphBuilder(0)
	i, _ = b.Add(NodeDict)
	_ = b.SetItems(i, []Item{Int(1)})
	if _, err := b.Finish(Ref(i)); err == nil {
		t.Error("a dict node with an odd number of items was accepted")
	}
	b = NewGraphBuilder(0)
	i, _ = b.Add(NodeList)
	_ = b.SetItems(i, []Item{unboundItem})
	if _, err := b.Finish(Ref(i)); err == nil {
		t.Error("UNBOUND inside a graph was accepted")
	}
	for _, bad := range []any{Global{}, Dict{Keys: []any{1}}, []any{make(chan int)}, (*Reduced)(nil)} {
		if _, err := ItemOf(bad); err == nil {
			t.Errorf("ItemOf(%#v) accepted", bad)
		}
	}
	deep := []any{}
	for range maxDepth + 1 {
		deep = []any{deep}
	}
	if _, err := ItemOf(deep); err == nil {
		t.Error("nesting past maxDepth accepted")
	}
}

// The size limit stops a graph as it grows.
func TestGraphLimit(t *testing.T) {
	b := NewGraphBuilder(1000)
	i, _ := b.Add(NodeList)
	err := b.SetItems(i, make([]Item, 100))
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Limit != 1000 {
		t.Fatalf("err = %v", err)
	}
	if _, err := graphOf([]any{make([]byte, 2000)}, 1000); !errors.As(err, &tl) {
		t.Fatalf("2000 bytes under a 1000-byte limit: %v", err)
	}
}

// Handles inside a graph are counted like handles in tuples: the queue
// they name stays alive while the graph is in transit.
func TestGraphHandles(t *testing.T) {
	r := NewRegistry()
	defer r.Close()
	carrier, _ := r.NewQueue(GoOwner, QueueOptions{})
	inner, _ := r.NewQueue(1, QueueOptions{})
	x, err := ItemOf([]any{Tuple{inner.Handle()}, map[string]any{"q": inner.Handle()}})
	if err != nil {
		t.Fatal(err)
	}
	if !x.hasHandles() {
		t.Fatal("the graph does not know it holds handles")
	}
	if err := carrier.PutNowait(x); err != nil {
		t.Fatal(err)
	}
	r.Release(inner.Handle(), 1)
	if _, err := r.Queue(inner.ID()); err != nil {
		t.Fatal("queue in transit freed")
	}
	got, _ := carrier.GetNowait()
	r.ReleaseItem(got)
	if _, err := r.Queue(inner.ID()); !errors.Is(err, ErrNotFound) {
		t.Fatal("queue not freed with the graph's references")
	}
	var n int
	x.handles(func(Handle) { n++ })
	if n != 2 {
		t.Fatalf("%d handles walked, want 2", n)
	}
}
