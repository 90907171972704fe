package channels

import (
	"fmt"
	"unsafe"
)

// Copied objects. Lists, dicts, sets and instances belong to the
// interpreter that made them, so they cannot cross as they are; they
// cross as a Graph: a structural copy made in the sending interpreter and
// rebuilt, object by object, in the receiving one. Each mutable object
// (and each tuple or frozenset that holds one) is a Node; an item inside
// a node that stands for another node is a reference (KindRef) to it by
// index, so that an object reached twice is copied once and comes out as
// one object, and cycles survive. Instances of classes go by the
// reduction protocol (__reduce_ex__), with the callable named by module
// and qualified name and imported again on the receiving side: no bytes
// are pickled, and the receiver runs only code its own modules define.

// NodeKind says what a Node of a Graph rebuilds.
type NodeKind uint8

// The node kinds.
const (
	// NodeList is a list of its Items.
	NodeList NodeKind = 1 + iota
	// NodeDict is a dict: Items are key, value, key, value, ...
	NodeDict
	// NodeSet is a set of its Items.
	NodeSet
	// NodeFrozenSet is a frozenset of its Items.
	NodeFrozenSet
	// NodeTuple is a tuple that holds references: one that sits in a
	// graph, so that it keeps its identity when it is reached twice.
	NodeTuple
	// NodeGlobal is a class or function named by a module and a
	// qualified name (Node.Global), imported on the receiving side.
	NodeGlobal
	// NodeReduce is an object rebuilt as __reduce_ex__ described it:
	// Items are the callable, its arguments (a tuple), the state, the
	// list items and the dict items (each None when absent; the last
	// two are references to a list node and a dict node).
	NodeReduce
)

// reduceItems is the length of a NodeReduce's Items.
const reduceItems = 5

var nodeKindNames = [...]string{"", "list", "dict", "set", "frozenset", "tuple", "global", "reduce"}

// String names the kind.
func (k NodeKind) String() string {
	if k > 0 && int(k) < len(nodeKindNames) {
		return nodeKindNames[k]
	}
	return fmt.Sprintf("NodeKind(%d)", uint8(k))
}

// mutable reports whether the receiver makes the node's object before
// its contents (so that references back to it, in a cycle, find it).
func (k NodeKind) mutable() bool {
	return k == NodeList || k == NodeDict || k == NodeSet || k == NodeReduce
}

// A Node is one object of a Graph. Its Items may hold references to
// other nodes of the same graph. Nodes are read-only once the graph is
// built.
type Node struct {
	Kind  NodeKind
	Items []Item
	// Ints, when not nil, are a list's, set's or frozenset's items when
	// all are ints that fit int64, in place of Items (which is then
	// nil): 8 bytes an item instead of 24, and nothing for the
	// collector to scan. Len and At read either form.
	Ints []int64
	// global names a NodeGlobal's object (nil for the other kinds): a
	// pointer rather than two strings, so that every other node is 24
	// bytes smaller (a record's graph is mostly list nodes).
	global *Global
}

// Global returns the names of a NodeGlobal's object (the zero Global for
// the other kinds).
func (n *Node) Global() Global {
	if n.global == nil {
		return Global{}
	}
	return *n.global
}

// Len is the number of the node's items, in Items or Ints.
func (n *Node) Len() int {
	if n.Ints != nil {
		return len(n.Ints)
	}
	return len(n.Items)
}

// At is item j of the node, from Items or Ints.
func (n *Node) At(j int) Item {
	if n.Ints != nil {
		return Int(n.Ints[j])
	}
	return n.Items[j]
}

// A Graph is a structural copy of objects: its nodes and the root item
// that refers to them. It is immutable once built, so one graph may be
// rebuilt by any number of receivers.
type Graph struct {
	nodes []Node
	root  Item
	size  int64
}

// Root is the item the graph stands for (usually a reference to node 0).
func (g *Graph) Root() Item { return g.root }

// Len is the number of nodes.
func (g *Graph) Len() int { return len(g.nodes) }

// Node returns node i; its Items must not be changed.
func (g *Graph) Node(i int) *Node { return &g.nodes[i] }

// Size is the number of bytes the graph was accounted as while it was
// built (24 per item plus the bytes of its strs, bytes and big ints).
func (g *Graph) Size() int64 { return g.size }

// Ref is an item that refers to node i of the graph it sits in. It has
// a meaning only inside a graph's nodes and root.
func Ref(i int) Item { return Item{kind: KindRef, n: uint64(i)} }

// RefIndex returns the node index of a KindRef item (-1 for others).
func (it Item) RefIndex() int {
	if it.kind != KindRef {
		return -1
	}
	return int(it.n)
}

// Graph returns the graph of a KindGraph item (nil for other kinds).
func (it Item) Graph() *Graph {
	if it.kind != KindGraph {
		return nil
	}
	return (*Graph)(it.p)
}

// A TooLargeError is what building an item that passes the size limit
// returns: the item is refused before it can exhaust memory.
type TooLargeError struct {
	Limit int64 // the limit, in bytes
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the object is too large to share: more than %d bytes (the limit per item)", e.Limit)
}

// itemBytes is what one item counts toward a size limit.
const itemBytes = int64(unsafe.Sizeof(Item{}))

// A GraphBuilder builds a Graph node by node, counting its size against
// a limit. Add reserves a node (so that a reference to it can be made
// before its contents are known), SetItems fills it, Finish seals it.
// The zero GraphBuilder has no limit.
type GraphBuilder struct {
	nodes   []Node
	size    int64
	limit   int64
	handles bool
	// arena is where NewItems cuts the nodes' item slices from, so that
	// a graph of many small nodes makes a few allocations, not one per
	// node.
	arena []Item
	// intArena is the same for NewInts. chunk and intChunk are the
	// sizes of the last chunk made of each, which the next doubles (up
	// to maxChunk): counted apart, so that a record's first chunk of
	// ints is not sized after its items.
	intArena []int64
	chunk    int
	intChunk int
}

// NewGraphBuilder starts a graph whose size may not pass limit bytes
// (0: no limit).
func NewGraphBuilder(limit int64) *GraphBuilder { return &GraphBuilder{limit: limit} }

// Reset makes b a new builder whose size may not pass limit bytes, as
// NewGraphBuilder would: for a builder kept in a struct rather than
// allocated once a graph.
func (b *GraphBuilder) Reset(limit int64) { *b = GraphBuilder{limit: limit} }

// Account adds n bytes to the graph's size, failing with a
// *TooLargeError once it passes the limit.
func (b *GraphBuilder) Account(n int64) error {
	b.size += n
	if b.limit > 0 && b.size > b.limit {
		return &TooLargeError{Limit: b.limit}
	}
	return nil
}

// Add reserves a node of the kind and returns its index.
func (b *GraphBuilder) Add(kind NodeKind) (int, error) {
	if err := b.Account(itemBytes); err != nil {
		return 0, err
	}
	b.nodes = append(b.nodes, Node{Kind: kind})
	return len(b.nodes) - 1, nil
}

// Reserve makes room for n more nodes (up to a bound), as a hint: a
// caller that knows a container's nodes are coming saves the growing.
func (b *GraphBuilder) Reserve(n int) {
	n = min(n, 64)
	if free := cap(b.nodes) - len(b.nodes); free < n {
		nodes := make([]Node, len(b.nodes), len(b.nodes)+max(n, 4))
		copy(nodes, b.nodes)
		b.nodes = nodes
	}
}

// Arena chunks: small item slices are cut from chunks of at least
// minArena items; a slice of more than maxArenaCut items gets its own
// array, so that a big node wastes no chunk.
const (
	minArena    = 32
	maxArenaCut = 64
	maxChunk    = 1024
)

// nextChunk is the size of the next arena chunk, for a cut of n, given
// *chunk, the size of the arena's last one.
func nextChunk(chunk *int, n int) int {
	*chunk = min(max(minArena, 2**chunk), maxChunk)
	return max(*chunk, n)
}

// NewItems returns n zero items (None) for a node's SetItems or for
// Tuple, cut from the builder's arena.
func (b *GraphBuilder) NewItems(n int) []Item { return cutArena(&b.arena, &b.chunk, n) }

// NewInts returns n zero ints for a node's SetInts, cut from the
// builder's arena of ints as NewItems cuts items.
func (b *GraphBuilder) NewInts(n int) []int64 { return cutArena(&b.intArena, &b.intChunk, n) }

// cutArena cuts n zero elements from *arena, starting a new chunk when
// it has too few; a cut past maxArenaCut gets a slice of its own.
func cutArena[T any](arena *[]T, chunk *int, n int) []T {
	if n > maxArenaCut {
		return make([]T, n)
	}
	if n > len(*arena) {
		*arena = make([]T, nextChunk(chunk, n))
	}
	s := (*arena)[:n:n]
	*arena = (*arena)[n:]
	return s
}

// Tuple returns a tuple item of items (from NewItems, or any slice the
// caller no longer changes), which it takes over.
func (b *GraphBuilder) Tuple(items []Item) Item { return tupleOwning(items) }

// SetItems gives node i its items, which the builder takes over.
func (b *GraphBuilder) SetItems(i int, items []Item) error {
	if err := b.Account(itemBytes * int64(len(items))); err != nil {
		return err
	}
	for _, x := range items {
		if x.hasHandles() {
			b.handles = true
			break
		}
	}
	b.nodes[i].Items = items
	return nil
}

// SetInts gives node i (a list, set or frozenset) its items as ints,
// which the builder takes over; they count toward the size as items
// do, so that the limit means the same whichever form a node takes.
func (b *GraphBuilder) SetInts(i int, ints []int64) error {
	if err := b.Account(itemBytes * int64(len(ints))); err != nil {
		return err
	}
	if ints == nil {
		ints = []int64{}
	}
	b.nodes[i].Ints = ints
	return nil
}

// SetGlobal names node i's object.
func (b *GraphBuilder) SetGlobal(i int, module, name string) error {
	if err := b.Account(int64(len(module) + len(name))); err != nil {
		return err
	}
	b.nodes[i].global = &Global{Module: module, Name: name}
	return nil
}

// Finish seals the graph with its root and returns it as an item; the
// builder must not be used afterwards. A graph must be well formed:
// every reference names a node, NodeReduce nodes have their five items
// and NodeGlobal nodes their names; a malformed one is an error.
func (b *GraphBuilder) Finish(root Item) (Item, error) {
	g := &Graph{nodes: b.nodes, root: root, size: b.size}
	b.nodes, b.arena, b.intArena = nil, nil, nil
	if err := g.check(); err != nil {
		return Item{}, err
	}
	it := Item{kind: KindGraph, p: unsafe.Pointer(g)}
	if b.handles || root.hasHandles() {
		it.aux = 1
	}
	return it, nil
}

// check verifies that the graph is well formed, so that receivers can
// follow it without checking as they go.
func (g *Graph) check() error {
	// A tuple reached twice is one item: look at it once, or a tuple
	// of tuples of ... would take exponential time. The map is made
	// only when there is a tuple to look into.
	var seen map[unsafe.Pointer]bool
	for i := range g.nodes {
		n := &g.nodes[i]
		switch n.Kind {
		case NodeReduce:
			if len(n.Items) != reduceItems {
				return fmt.Errorf("channels: reduce node %d has %d items, not %d", i, len(n.Items), reduceItems)
			}
		case NodeGlobal:
			if gl := n.Global(); gl.Module == "" || gl.Name == "" {
				return fmt.Errorf("channels: global node %d has no name", i)
			}
		case NodeDict:
			if len(n.Items)%2 != 0 {
				return fmt.Errorf("channels: dict node %d has an odd number of items", i)
			}
		case NodeList, NodeSet, NodeFrozenSet, NodeTuple:
		default:
			return fmt.Errorf("channels: node %d has kind %d", i, n.Kind)
		}
		if n.Ints != nil {
			if k := n.Kind; k != NodeList && k != NodeSet && k != NodeFrozenSet {
				return fmt.Errorf("channels: %s node %d has ints", k, i)
			}
			if n.Items != nil {
				return fmt.Errorf("channels: node %d has both items and ints", i)
			}
		}
		for _, x := range n.Items {
			if err := g.checkItem(x, &seen); err != nil {
				return err
			}
		}
	}
	return g.checkItem(g.root, &seen)
}

// checkItem checks one item of the graph: its references name nodes,
// and it holds no graph (tuples once each, remembered in seen).
func (g *Graph) checkItem(x Item, seen *map[unsafe.Pointer]bool) error {
	switch x.kind {
	case KindRef:
		if int(x.n) >= len(g.nodes) {
			return fmt.Errorf("channels: a reference to node %d of a graph of %d nodes", x.n, len(g.nodes))
		}
	case KindTuple:
		items := x.tuple()
		nested := len(items) > 8
		for _, y := range items {
			if y.kind == KindTuple {
				nested = true
				break
			}
		}
		// Only a tuple that holds tuples can make the walk exponential,
		// and only a long one costly: a short flat one is checked each
		// time it is reached, without a map.
		if nested {
			if *seen == nil {
				*seen = map[unsafe.Pointer]bool{}
			} else if (*seen)[x.p] {
				return nil
			}
			(*seen)[x.p] = true
		}
		for _, y := range items {
			if err := g.checkItem(y, seen); err != nil {
				return err
			}
		}
	case KindGraph, KindUnbound:
		return fmt.Errorf("channels: a %s item inside a graph", x.kind)
	}
	return nil
}

// graphHandles calls f for each counted handle in the graph.
func (g *Graph) graphHandles(f func(Handle)) {
	g.root.handles(f)
	for i := range g.nodes {
		for _, x := range g.nodes[i].Items {
			x.handles(f)
		}
	}
}

// Mutable reports whether a receiver makes node i's object before its
// contents: lists, dicts, sets and reduced objects are made first and
// filled after, so that a cycle back to them finds them; tuples,
// frozensets and globals are made from contents already made.
func (g *Graph) Mutable(i int) bool { return g.nodes[i].Kind.mutable() }

// TupleKey identifies a non-empty tuple item by its items: one tuple
// reached twice in a graph is one item with one key, so that a receiver
// can make one object of it (0 for other items).
func (it Item) TupleKey() uintptr {
	if it.kind != KindTuple {
		return 0
	}
	return uintptr(it.p)
}
