package channels

import (
	"fmt"
	"math"
	"math/big"
	"unsafe"
)

// Kind says what an Item holds.
type Kind uint8

// The kinds of Item. The zero Item is KindNone.
const (
	KindNone   Kind = iota // Python's None; Go's nil
	KindBool               // bool
	KindInt                // an int that fits int64
	KindBigInt             // an int beyond int64 (*big.Int)
	KindFloat              // float64
	KindStr                // str: a Go string of valid UTF-8 (or WTF-8)
	KindBytes              // bytes
	KindTuple              // a tuple of items
	KindHandle             // a Handle: a queue, a channel end, or an opaque object
	// KindBuffer is the contents of a bytes-like object sent as a
	// buffer (PEP 554's send_buffer): bytes that the receiver sees as
	// a read-only memoryview rather than as bytes.
	KindBuffer
	// KindUnbound is what Get returns in place of an item whose
	// interpreter was destroyed when the item's unbound op is
	// UnboundReplace (Python's UNBOUND). It never goes in.
	KindUnbound
	// KindGraph is a structural copy of objects that belong to one
	// interpreter (lists, dicts, sets, instances): a Graph of nodes.
	KindGraph
	// KindRef refers to a node of the graph it sits in (Graph.Node);
	// it has a meaning only inside a graph.
	KindRef
)

var kindNames = [...]string{"None", "bool", "int", "big int", "float", "str", "bytes", "tuple", "handle", "buffer", "unbound", "graph", "ref"}

// String names the kind as Python would.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// HandleKind says what a Handle names.
type HandleKind uint8

// The handle kinds a Registry counts references for, and the first of
// those it carries without looking (HandleOpaque and above: the
// embedding program's own objects, which it keeps alive by itself).
const (
	HandleQueue  HandleKind = 1 + iota // a Queue
	HandleRecv                         // the receiving end of a Channel
	HandleSend                         // the sending end of a Channel
	HandleOpaque HandleKind = 64
)

// A Handle names an object of a Registry: a queue, or one end of a
// channel, by its ID. It crosses as these two numbers; the receiving
// interpreter turns it back into its own object for the same ID.
type Handle struct {
	Kind HandleKind
	ID   int64
}

// counted reports whether a Registry keeps references for h.
func (h Handle) counted() bool { return h.Kind >= HandleQueue && h.Kind <= HandleSend }

// An Item is one value in a queue or channel: immutable Go data that
// belongs to no interpreter. Make one with the constructors (Int, Str,
// TupleOf, ...) or ItemOf; read it with Kind and the accessors. Items are
// values: copy them freely.
type Item struct {
	kind Kind
	// aux is the handle kind of a KindHandle item; for a tuple or a
	// graph, 1 when some item inside is a counted handle (so that puts
	// without handles never walk their items); for a str made by
	// StrCounted, its count of code points plus one (0: not known), so
	// that a receiver need not count them again.
	//
	// An Item has four fields and must keep to four: Go's compiler
	// keeps a struct of at most four fields in registers, and copies a
	// bigger one through memory with write barriers (a fifth field, for
	// the count, made a small int's put and get 50% slower).
	aux uint32
	// n is a bool, an int64, a float64's bits, a handle's ID, or the
	// length of a str, bytes or tuple.
	n uint64
	// p points at the bytes of a str or bytes (a Go string's, never
	// written), the first item of a tuple, or a *big.Int (never changed
	// once in). Items are 24 bytes, so queues copy little.
	p unsafe.Pointer
}

// isText reports whether p and n describe bytes: a str, bytes or
// buffer item. The accessors check the kind before they read p, so that
// asking an item for what it does not hold never reads memory as the
// wrong thing.
func (it Item) isText() bool {
	return it.kind == KindStr || it.kind == KindBytes || it.kind == KindBuffer
}

// str is the text of a str, bytes or buffer item ("" for other kinds).
func (it Item) str() string {
	if !it.isText() || it.p == nil {
		return ""
	}
	return unsafe.String((*byte)(it.p), int(it.n))
}

// tuple is the items of a tuple item (none for other kinds).
func (it Item) tuple() []Item {
	if it.kind != KindTuple || it.p == nil {
		return nil
	}
	return unsafe.Slice((*Item)(it.p), int(it.n))
}

// bigInt is the value of a KindBigInt item.
func (it Item) bigInt() *big.Int { return (*big.Int)(it.p) }

func textItem(k Kind, s string) Item {
	return Item{kind: k, n: uint64(len(s)), p: unsafe.Pointer(unsafe.StringData(s))}
}

// None is the None item (the zero Item).
func None() Item { return Item{} }

// Bool is a bool item.
func Bool(b bool) Item {
	if b {
		return Item{kind: KindBool, n: 1}
	}
	return Item{kind: KindBool}
}

// Int is an int item.
func Int(i int64) Item { return Item{kind: KindInt, n: uint64(i)} }

// BigInt is an int item of any size; an int that fits int64 becomes a
// KindInt. The item keeps a copy of x.
func BigInt(x *big.Int) Item {
	if x == nil {
		return Item{}
	}
	if x.IsInt64() {
		return Int(x.Int64())
	}
	return Item{kind: KindBigInt, p: unsafe.Pointer(new(big.Int).Set(x))}
}

// Float is a float item.
func Float(f float64) Item { return Item{kind: KindFloat, n: math.Float64bits(f)} }

// Str is a str item. The string is shared, not copied: Go strings are
// immutable, so every interpreter that receives it may point at the
// same bytes.
func Str(s string) Item { return textItem(KindStr, s) }

// StrCounted is Str for a caller that knows s's count of code points
// (an interpreter sending one of its strs): a receiver reads it back
// with StrChars instead of scanning the bytes, which for a long str is
// most of what receiving it costs.
func StrCounted(s string, chars int) Item {
	it := textItem(KindStr, s)
	if chars >= 0 && chars < math.MaxUint32 {
		it.aux = uint32(chars) + 1
	}
	return it
}

// StrChars is the count of code points a str item was made with by
// StrCounted; ok is false when it is not known (or it is not a str).
func (it Item) StrChars() (n int, ok bool) {
	if it.kind != KindStr || it.aux == 0 {
		return 0, false
	}
	return int(it.aux - 1), true
}

// Bytes is a bytes item holding a copy of b.
func Bytes(b []byte) Item { return textItem(KindBytes, string(b)) }

// BytesString is a bytes item whose contents are s, shared.
func BytesString(s string) Item { return textItem(KindBytes, s) }

// Buffer is a buffer item holding a copy of b.
func Buffer(b []byte) Item { return textItem(KindBuffer, string(b)) }

// TupleOf is a tuple item of a copy of items.
func TupleOf(items ...Item) Item {
	t := make([]Item, len(items))
	copy(t, items)
	return tupleOwning(t)
}

// tupleOwning is a tuple item that takes items over.
func tupleOwning(items []Item) Item {
	it := Item{kind: KindTuple, n: uint64(len(items))}
	if len(items) > 0 {
		it.p = unsafe.Pointer(&items[0])
	}
	for _, x := range items {
		if x.hasHandles() {
			it.aux = 1
			break
		}
	}
	return it
}

// TupleBuilder makes a tuple item from n items set one by one, without
// the copy TupleOf makes (the runtime fills it from a Python tuple).
type TupleBuilder struct{ items []Item }

// NewTupleBuilder starts a tuple of n items, each None until set.
func NewTupleBuilder(n int) *TupleBuilder { return &TupleBuilder{items: make([]Item, n)} }

// Set sets item i.
func (b *TupleBuilder) Set(i int, x Item) { b.items[i] = x }

// Item returns the tuple; the builder must not be used afterwards.
func (b *TupleBuilder) Item() Item {
	it := tupleOwning(b.items)
	b.items = nil
	return it
}

// HandleItem is an item that carries h.
func HandleItem(h Handle) Item { return Item{kind: KindHandle, aux: uint32(h.Kind), n: uint64(h.ID)} }

// unboundItem is the marker Get returns for UnboundReplace.
var unboundItem = Item{kind: KindUnbound}

// Kind says what the item holds.
func (it Item) Kind() Kind { return it.kind }

// IsUnbound reports whether the item is the UNBOUND marker that stands
// for an item whose interpreter was destroyed.
func (it Item) IsUnbound() bool { return it.kind == KindUnbound }

// AsBool returns a bool item's value.
func (it Item) AsBool() bool { return it.kind == KindBool && it.n != 0 }

// AsInt returns a KindInt item's value (the accessors of the scalar
// kinds return zero values for items of other kinds).
func (it Item) AsInt() int64 {
	if it.kind != KindInt {
		return 0
	}
	return int64(it.n)
}

// AsBigInt returns a new *big.Int of an int item (KindInt or KindBigInt;
// 0 for other kinds).
func (it Item) AsBigInt() *big.Int {
	if it.kind == KindBigInt {
		return new(big.Int).Set(it.bigInt())
	}
	return big.NewInt(it.AsInt())
}

// AsFloat returns a float item's value.
func (it Item) AsFloat() float64 {
	if it.kind != KindFloat {
		return 0
	}
	return math.Float64frombits(it.n)
}

// AsStr returns a str item's text, shared ("" for an item of another
// kind; AsStr of a bytes item is its contents).
func (it Item) AsStr() string { return it.str() }

// AsBytes returns a copy of a bytes or buffer item's contents.
func (it Item) AsBytes() []byte { return []byte(it.str()) }

// BytesView returns a bytes item's contents without copying them: the
// slice must not be written.
func (it Item) BytesView() []byte {
	if !it.isText() || it.n == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(it.p), int(it.n))
}

// Len is the number of items of a tuple item.
func (it Item) Len() int {
	if it.kind != KindTuple {
		return 0
	}
	return int(it.n)
}

// At returns item i of a tuple item; like a slice, it panics when i is
// out of range (always, for an item that is not a tuple).
func (it Item) At(i int) Item { return it.tuple()[i] }

// AsHandle returns a handle item's handle (the zero Handle for other
// kinds).
func (it Item) AsHandle() Handle {
	if it.kind != KindHandle {
		return Handle{}
	}
	return Handle{Kind: HandleKind(it.aux), ID: int64(it.n)}
}

// hasHandles reports whether the item is or holds a counted handle.
func (it Item) hasHandles() bool {
	switch it.kind {
	case KindHandle:
		return it.AsHandle().counted()
	case KindTuple, KindGraph:
		return it.aux != 0
	}
	return false
}

// handles calls f for each counted handle in the item.
func (it Item) handles(f func(Handle)) {
	switch it.kind {
	case KindHandle:
		if h := it.AsHandle(); h.counted() {
			f(h)
		}
	case KindTuple:
		if it.aux != 0 {
			for _, x := range it.tuple() {
				x.handles(f)
			}
		}
	case KindGraph:
		if it.aux != 0 {
			it.Graph().graphHandles(f)
		}
	}
}

// Tuple is a Python tuple as Go data, for ItemOf and Item.Value ([]any
// would be a list, which is not shareable).
type Tuple []any

// maxDepth bounds how deeply ItemOf follows nested tuples.
const maxDepth = 256

// ItemOf converts Go data to an item: nil, bool, the int types,
// *big.Int, float32 and float64, string, []byte, Tuple and Handle as
// they are; slices and arrays (as lists), maps (as dicts), Set, Global
// and anything holding them as a Graph (graph_go.go). Anything else is
// an error naming the Go type.
func ItemOf(x any) (Item, error) {
	it, err := itemOf(x, 0)
	if err == errNeedsGraph {
		return graphOf(x, 0)
	}
	return it, err
}

func itemOf(x any, depth int) (Item, error) {
	switch x := x.(type) {
	case nil:
		return Item{}, nil
	case bool:
		return Bool(x), nil
	case int:
		return Int(int64(x)), nil
	case int8:
		return Int(int64(x)), nil
	case int16:
		return Int(int64(x)), nil
	case int32:
		return Int(int64(x)), nil
	case int64:
		return Int(x), nil
	case uint:
		return uintItem(uint64(x)), nil
	case uint8:
		return Int(int64(x)), nil
	case uint16:
		return Int(int64(x)), nil
	case uint32:
		return Int(int64(x)), nil
	case uint64:
		return uintItem(x), nil
	case *big.Int:
		if x == nil {
			return Item{}, fmt.Errorf("channels: a nil *big.Int is not shareable")
		}
		return BigInt(x), nil
	case float32:
		return Float(float64(x)), nil
	case float64:
		return Float(x), nil
	case string:
		return Str(x), nil
	case []byte:
		return Bytes(x), nil
	case Handle:
		if x.Kind == 0 {
			return Item{}, fmt.Errorf("channels: a Handle of kind 0 is not shareable")
		}
		return HandleItem(x), nil
	case Tuple:
		if depth >= maxDepth {
			return Item{}, fmt.Errorf("channels: tuples nested more than %d deep are not shareable", maxDepth)
		}
		items := make([]Item, len(x))
		for i, e := range x {
			v, err := itemOf(e, depth+1)
			if err != nil {
				return Item{}, err
			}
			items[i] = v
		}
		return tupleOwning(items), nil
	case Item:
		return x, nil
	}
	if needsGraph(x) {
		return Item{}, errNeedsGraph
	}
	return Item{}, fmt.Errorf("channels: a Go %T is not shareable (want nil, bool, an int type, *big.Int, a float type, string, []byte, channels.Tuple, channels.Handle, a slice, a map, channels.Set or channels.Global)", x)
}

func uintItem(x uint64) Item {
	if x <= math.MaxInt64 {
		return Int(int64(x))
	}
	return Item{kind: KindBigInt, p: unsafe.Pointer(new(big.Int).SetUint64(x))}
}

// Value returns the item as Go data: nil, bool, int64, *big.Int (a
// copy), float64, string, []byte (a copy), Tuple, Handle; a graph as
// the Go data of graph_go.go ([]any, map[string]any, Dict, Set, Global,
// *Reduced); the UNBOUND marker comes back as Unbound{}.
func (it Item) Value() any {
	switch it.kind {
	case KindBool:
		return it.AsBool()
	case KindInt:
		return it.AsInt()
	case KindBigInt:
		return it.AsBigInt()
	case KindFloat:
		return it.AsFloat()
	case KindStr:
		return it.str()
	case KindBytes, KindBuffer:
		return it.AsBytes()
	case KindTuple:
		items := it.tuple()
		t := make(Tuple, len(items))
		for i, x := range items {
			t[i] = x.Value()
		}
		return t
	case KindHandle:
		return it.AsHandle()
	case KindUnbound:
		return Unbound{}
	case KindGraph:
		return it.Graph().goValue()
	}
	return nil
}

// Unbound is Item.Value of the UNBOUND marker.
type Unbound struct{}

// String shows the item as Python's repr would, for messages and tests.
func (it Item) String() string {
	switch it.kind {
	case KindNone:
		return "None"
	case KindBool:
		if it.AsBool() {
			return "True"
		}
		return "False"
	case KindInt:
		return fmt.Sprint(it.AsInt())
	case KindBigInt:
		return it.bigInt().String()
	case KindFloat:
		return fmt.Sprint(it.AsFloat())
	case KindStr:
		return fmt.Sprintf("%q", it.str())
	case KindBytes:
		return fmt.Sprintf("b%q", it.str())
	case KindBuffer:
		return fmt.Sprintf("buffer(b%q)", it.str())
	case KindTuple:
		s := "("
		for i, x := range it.tuple() {
			if i > 0 {
				s += ", "
			}
			s += x.String()
		}
		if it.Len() == 1 {
			s += ","
		}
		return s + ")"
	case KindHandle:
		h := it.AsHandle()
		return fmt.Sprintf("Handle(%d, %d)", h.Kind, h.ID)
	case KindUnbound:
		return "UNBOUND"
	case KindGraph:
		g := it.Graph()
		return fmt.Sprintf("graph(%d nodes, root %s)", g.Len(), g.Root())
	case KindRef:
		return fmt.Sprintf("ref(%d)", it.n)
	}
	return "?"
}
