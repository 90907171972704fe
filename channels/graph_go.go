package channels

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
)

// Graphs as Go data: what a Go program sends and receives in place of
// lists, dicts, sets and objects. A slice or array becomes a list, a map
// a dict, Set a set, FrozenSet a frozenset, Global a class or function
// named by module and qualified name; Value gives them back the same way
// ([]any for a list, map[string]any for a dict whose keys are all str and
// Dict otherwise, *Reduced for an object), keeping shared references and
// cycles: a list that contains itself comes back as a []any that does.

// Set is a Python set as Go data.
type Set []any

// FrozenSet is a Python frozenset as Go data.
type FrozenSet []any

// Dict is a Python dict whose keys are not all str, as Go data: keys and
// values in insertion order.
type Dict struct {
	Keys, Values []any
}

// Global names a class or function by module and qualified name, as it
// crosses: the receiving interpreter imports it.
type Global struct {
	Module, Name string
}

// Reduced is an object as __reduce_ex__ described it: rebuilt by calling
// Callable with Args, then given State, ListItems and DictItems.
type Reduced struct {
	Callable  any
	Args      Tuple
	State     any
	ListItems any
	DictItems any
}

// errNeedsGraph tells ItemOf that the value holds something only a
// graph can carry.
var errNeedsGraph = errors.New("channels: needs a graph")

// needsGraph reports whether x is Go data that crosses as a graph.
func needsGraph(x any) bool {
	switch x.(type) {
	case Set, FrozenSet, Dict, Global, *Reduced:
		return true
	}
	switch reflect.ValueOf(x).Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return true
	}
	return false
}

// goGraph converts Go data to a graph.
type goGraph struct {
	b    *GraphBuilder
	seen map[goIdentity]int
}

// goIdentity is what makes two Go values the same object: a map's
// pointer, or a slice's first element and length.
type goIdentity struct {
	p    uintptr
	n    int
	kind reflect.Kind
}

// graphOf converts x, which holds a slice, map or other graph-only
// value somewhere, to a graph item.
func graphOf(x any, limit int64) (Item, error) {
	g := &goGraph{b: NewGraphBuilder(limit), seen: map[goIdentity]int{}}
	root, err := g.item(x, 0)
	if err != nil {
		return Item{}, err
	}
	return g.b.Finish(root)
}

// node reserves a node for a value with an identity, or returns the
// reference to the one it already has.
func (g *goGraph) node(rv reflect.Value, kind NodeKind) (ref Item, fresh bool, idx int, err error) {
	var id goIdentity
	switch rv.Kind() {
	case reflect.Map:
		id = goIdentity{p: rv.Pointer(), kind: reflect.Map}
	case reflect.Slice:
		if rv.Len() > 0 {
			id = goIdentity{p: rv.Pointer(), n: rv.Len(), kind: reflect.Slice}
		}
	}
	if id.p != 0 {
		if i, ok := g.seen[id]; ok {
			return Ref(i), false, i, nil
		}
	}
	i, err := g.b.Add(kind)
	if err != nil {
		return Item{}, false, 0, err
	}
	if id.p != 0 {
		g.seen[id] = i
	}
	return Ref(i), true, i, nil
}

func (g *goGraph) items(rv reflect.Value, depth int) ([]Item, error) {
	items := make([]Item, rv.Len())
	for i := range items {
		x, err := g.item(rv.Index(i).Interface(), depth+1)
		if err != nil {
			return nil, err
		}
		items[i] = x
	}
	return items, nil
}

func (g *goGraph) seq(x any, kind NodeKind, depth int) (Item, error) {
	rv := reflect.ValueOf(x)
	ref, fresh, i, err := g.node(rv, kind)
	if err != nil || !fresh {
		return ref, err
	}
	items, err := g.items(rv, depth)
	if err != nil {
		return Item{}, err
	}
	return ref, g.b.SetItems(i, items)
}

func (g *goGraph) item(x any, depth int) (Item, error) {
	if depth >= maxDepth {
		return Item{}, fmt.Errorf("channels: values nested more than %d deep are not shareable", maxDepth)
	}
	switch x := x.(type) {
	case Tuple:
		items, err := g.items(reflect.ValueOf(x), depth)
		if err != nil {
			return Item{}, err
		}
		return tupleOwning(items), nil
	case Set:
		return g.seq(x, NodeSet, depth)
	case FrozenSet:
		return g.seq(x, NodeFrozenSet, depth)
	case Global:
		if x.Module == "" || x.Name == "" {
			return Item{}, fmt.Errorf("channels: a Global needs a module and a name")
		}
		i, err := g.b.Add(NodeGlobal)
		if err != nil {
			return Item{}, err
		}
		return Ref(i), g.b.SetGlobal(i, x.Module, x.Name)
	case Dict:
		if len(x.Keys) != len(x.Values) {
			return Item{}, fmt.Errorf("channels: a Dict with %d keys and %d values", len(x.Keys), len(x.Values))
		}
		i, err := g.b.Add(NodeDict)
		if err != nil {
			return Item{}, err
		}
		items := make([]Item, 0, 2*len(x.Keys))
		for j := range x.Keys {
			k, err := g.item(x.Keys[j], depth+1)
			if err != nil {
				return Item{}, err
			}
			v, err := g.item(x.Values[j], depth+1)
			if err != nil {
				return Item{}, err
			}
			items = append(items, k, v)
		}
		return Ref(i), g.b.SetItems(i, items)
	case *Reduced:
		if x == nil {
			return Item{}, fmt.Errorf("channels: a nil *Reduced is not shareable")
		}
		i, err := g.b.Add(NodeReduce)
		if err != nil {
			return Item{}, err
		}
		items := make([]Item, reduceItems)
		for j, part := range []any{x.Callable, x.Args, x.State, x.ListItems, x.DictItems} {
			if items[j], err = g.item(part, depth+1); err != nil {
				return Item{}, err
			}
		}
		return Ref(i), g.b.SetItems(i, items)
	case []byte:
		return Bytes(x), g.b.Account(int64(len(x)))
	case string:
		return Str(x), g.b.Account(int64(len(x)))
	}
	rv := reflect.ValueOf(x)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		return g.seq(x, NodeList, depth)
	case reflect.Map:
		return g.dict(rv, depth)
	}
	return itemOf(x, depth)
}

// dict converts a Go map, its keys sorted when they are strings or
// numbers (Go's map order is random; a dict's is not).
func (g *goGraph) dict(rv reflect.Value, depth int) (Item, error) {
	ref, fresh, i, err := g.node(rv, NodeDict)
	if err != nil || !fresh {
		return ref, err
	}
	keys := rv.MapKeys()
	sortKeys(keys)
	items := make([]Item, 0, 2*len(keys))
	for _, k := range keys {
		kx, err := g.item(k.Interface(), depth+1)
		if err != nil {
			return Item{}, err
		}
		vx, err := g.item(rv.MapIndex(k).Interface(), depth+1)
		if err != nil {
			return Item{}, err
		}
		items = append(items, kx, vx)
	}
	return ref, g.b.SetItems(i, items)
}

// sortKeys orders map keys of one ordered kind; others keep Go's order.
func sortKeys(keys []reflect.Value) {
	if len(keys) < 2 {
		return
	}
	switch keys[0].Kind() {
	case reflect.String:
		sort.Slice(keys, func(a, b int) bool { return keys[a].String() < keys[b].String() })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		sort.Slice(keys, func(a, b int) bool { return keys[a].Int() < keys[b].Int() })
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		sort.Slice(keys, func(a, b int) bool { return keys[a].Uint() < keys[b].Uint() })
	case reflect.Float32, reflect.Float64:
		sort.Slice(keys, func(a, b int) bool { return keys[a].Float() < keys[b].Float() })
	}
}

// goValue converts the graph to Go data.
func (g *Graph) goValue() any {
	made := make([]any, len(g.nodes))
	done := make([]bool, len(g.nodes))
	tuples := map[uintptr]Tuple{}
	var value func(x Item) any
	var node func(i int) any
	value = func(x Item) any {
		switch x.kind {
		case KindRef:
			return node(int(x.n))
		case KindTuple:
			if t, ok := tuples[x.TupleKey()]; ok {
				return t
			}
			items := x.tuple()
			t := make(Tuple, len(items))
			for i, y := range items {
				t[i] = value(y)
			}
			tuples[x.TupleKey()] = t
			return t
		}
		return x.Value()
	}
	node = func(i int) any {
		if done[i] || made[i] != nil {
			return made[i]
		}
		n := &g.nodes[i]
		switch n.Kind {
		case NodeList:
			l := make([]any, n.Len())
			made[i] = l
			for j := range l {
				l[j] = value(n.At(j))
			}
		case NodeSet, NodeFrozenSet:
			s := make([]any, n.Len())
			if n.Kind == NodeSet {
				made[i] = Set(s)
			} else {
				made[i] = FrozenSet(s)
			}
			for j := range s {
				s[j] = value(n.At(j))
			}
		case NodeTuple:
			t := make(Tuple, len(n.Items))
			made[i] = t
			for j, x := range n.Items {
				t[j] = value(x)
			}
		case NodeDict:
			strKeys := true
			for j := 0; j < len(n.Items); j += 2 {
				strKeys = strKeys && n.Items[j].kind == KindStr
			}
			if strKeys {
				m := make(map[string]any, len(n.Items)/2)
				made[i] = m
				for j := 0; j < len(n.Items); j += 2 {
					m[n.Items[j].str()] = value(n.Items[j+1])
				}
			} else {
				d := Dict{Keys: make([]any, len(n.Items)/2), Values: make([]any, len(n.Items)/2)}
				made[i] = d
				for j := 0; j < len(n.Items); j += 2 {
					d.Keys[j/2], d.Values[j/2] = value(n.Items[j]), value(n.Items[j+1])
				}
			}
		case NodeGlobal:
			made[i] = n.Global()
		case NodeReduce:
			r := &Reduced{}
			made[i] = r
			r.Callable = value(n.Items[0])
			r.Args, _ = value(n.Items[1]).(Tuple)
			r.State, r.ListItems, r.DictItems = value(n.Items[2]), value(n.Items[3]), value(n.Items[4])
		}
		done[i] = true
		return made[i]
	}
	return value(g.root)
}
