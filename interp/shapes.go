package interp

import "unsafe"

// Shapes (hidden classes) of instance dicts; see "Shapes" in
// docs/design/specialization.md.
//
// A shape names a sequence of str keys. A dict whose shape is s holds
// exactly s's keys, entry i holding the i-th, with no deleted entries
// between them: the entry array is s's sequence. Shapes form one tree
// per class (rooted in Type.shapes), each node a root's path of
// insertions, so instances that set their attributes in the same order
// share one node, and the specializer can guard on a pointer: a cached
// shape proves where a name is (or that it is absent) without a probe.
//
// The dict stays an ordinary dict (its index table is kept, every dict
// operation works as before); the shape is a fact about it that dict.go
// keeps true: inserting a str key moves the dict to the child shape,
// anything else (a delete, popitem, clear, a non-str key, a tree that
// grew too big) drops the shape for good, as CPython turns a split dict
// into a combined one.

// Limits of one class's shape tree: CPython's shared keys stop at 30
// names; the node count bounds classes whose instances add attributes
// in many orders.
const (
	maxShapeKeys  = 30
	maxShapeNodes = 256
)

type shape struct {
	parent *shape
	root   *shape
	name   string // the key this node adds ("" at a root)
	hash   int64  // its hash
	n      int    // number of keys: the new key's entry index is n-1
	next   []*shape
	// At a root: nodes in the tree, and the most keys of any node (the
	// size of the dict made with an instance, newInstanceBlock).
	nodes, maxKeys int
}

// rootShape returns the empty shape of t's instance dicts, nil when t
// gets none: built-in types are shared by every interpreter, and a shape
// tree is written by the one interpreter that owns its class.
func rootShape(t *Type) *shape {
	if t.Flags&TypeHeapType == 0 {
		return nil
	}
	if t.shapes == nil {
		s := &shape{nodes: 1}
		s.root = s
		t.shapes = s
	}
	return t.shapes
}

// child returns the shape after inserting key, nil when that leaves the
// shapes (a key that is not an exact str, or a tree at its limits).
func (s *shape) child(key Value) *shape {
	if !key.IsObject() || key.Type() != strType {
		return nil
	}
	k := asObject[Str](key)
	for _, c := range s.next {
		if c.name == k.s {
			return c
		}
	}
	if s.n >= maxShapeKeys || s.root.nodes >= maxShapeNodes || !k.hashed {
		return nil
	}
	c := &shape{parent: s, root: s.root, name: k.s, hash: k.hash, n: s.n + 1}
	s.next = append(s.next, c)
	s.root.nodes++
	s.root.maxKeys = max(s.root.maxKeys, c.n)
	return c
}

// existingChild returns the child of s that inserts key, nil when the
// tree has none yet. A child is made only by an insert that found its
// key absent (dictSetHashed), so one existing proves key is not among
// s's keys: a store can append without a probe.
func (s *shape) existingChild(key Value) *shape {
	k := asObject[Str](key).s
	for _, c := range s.next {
		if c.name == k {
			return c
		}
	}
	return nil
}

// shapeChild is existingChild of d's shape, nil for a dict without one.
func (d *Dict) shapeChild(key Value) *shape {
	if d.shape == nil {
		return nil
	}
	return d.shape.existingChild(key)
}

// index returns the entry index of name in dicts of shape s, -1 when
// they do not have it.
func (s *shape) index(name string) int {
	for c := s; c.parent != nil; c = c.parent {
		if c.name == name {
			return c.n - 1
		}
	}
	return -1
}

// newInstanceDict returns a new empty dict for an instance of t,
// carrying t's root shape. For a plain class's instance, whose traverse
// knows private dicts (gcOps.Traverse, objectType.traverse), it is
// private (flagDictPrivate), as the dict made in an instance's block.
func (in *Interp) newInstanceDict(t *Type) (Value, error) {
	if t.dictOffset == unsafe.Offsetof(Instance{}.dict) && sameTraverse(t.traverse, objectType.traverse) {
		d := in.free.dicts.get()
		if !in.accountPrivateDict(d, dictSize) {
			return Value{}, in.memoryError()
		}
		d.recycle = dictOwnStruct
		d.shape = rootShape(t)
		return valueOf(d), nil
	}
	v, err := in.NewDict()
	if err == nil {
		asObject[Dict](v).shape = rootShape(t)
	}
	return v, err
}

// newAttrHint is the entry index a STORE_ATTR_WITH_HINT way holds for
// a name its instances' dicts do not have yet (a store that adds it).
const newAttrHint = 1<<32 - 1

// storeAttrAppend is STORE_ATTR_WITH_HINT's store of a new attribute,
// once the type's version has passed: when d's shape tree already
// leads on by name, it appends name and value to d, taking the
// caller's reference to value, and reports true; false leaves d and
// value as they were, for storeAttrCached (no shape, no such insert
// seen yet, or no memory to grow d: it raises).
func (in *Interp) storeAttrAppend(d *Dict, name, value Value) bool {
	next := d.shapeChild(name)
	return next != nil && in.appendShaped(d, next, name, value)
}

// appendShaped is dictAppendShaped reporting success, with the usual
// case inline: the dict has room for one more entry (an instance's
// dict made in its block is sized for its class's attributes), so
// neither growth nor copy-on-write applies.
func (in *Interp) appendShaped(d *Dict, next *shape, key, value Value) bool {
	n := len(d.entries)
	if d.shared || n >= cap(d.entries) || max(d.fill, n)+1 > len(d.indices)*2/3 {
		return in.dictAppendShaped(d, next, key, value) == nil
	}
	incRef(key)
	d.keysVersion = 0
	d.entries = d.entries[:n+1]
	*entryAt(d, uint64(n)) = dictEntry{next.hash, key, value}
	d.insertIndex(next.hash, int32(n))
	d.used++
	d.Version++
	d.shape = next
	return true
}

// dictAppendShaped inserts key (absent: d's shape proves it) as the
// entry of next, a child of d's shape, taking a reference to key and,
// unless it fails, the caller's reference to value. It skips
// dictSetHashed's probe.
func (in *Interp) dictAppendShaped(d *Dict, next *shape, key, value Value) error {
	d.own()
	if err := in.dictGrowFor(d, d.used+1); err != nil {
		return err
	}
	incRef(key)
	d.keysVersion = 0
	d.entries = append(d.entries, dictEntry{next.hash, key, value})
	d.insertIndex(next.hash, int32(len(d.entries)-1))
	d.used++
	d.Version++
	d.shape = next
	return nil
}

// sameStr is a == b, deciding at once for two strings that share
// their bytes (a shape's name and the interned name of the store that
// made it).
func sameStr(a, b string) bool {
	return len(a) == len(b) && (unsafe.StringData(a) == unsafe.StringData(b) || a == b)
}

// noShape is the shape a cache holds when the dict it was filled from
// had none: no dict ever carries it, so a shape guard against it fails
// where a nil one would pass for every unshaped dict.
var noShape = &shape{}

// cacheShape returns d's shape as an attribute cache keeps it: noShape
// for a dict without one.
func cacheShape(d *Dict) *shape {
	if d.shape == nil {
		return noShape
	}
	return d.shape
}
