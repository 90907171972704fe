package interp

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// What New builds once per process and shares, read-only, with every
// interpreter: the accounting class table of the built-in types, and
// namespace templates (the builtins module's, sys's) whose keys are
// interned names and whose values are immortal. A template is copied
// into each interpreter's own dict in one step, so every interpreter
// still has its own mutable namespace while nothing is hashed, probed
// or grown item by item.
//
// Only immortal objects are shared, and only ones that CPython makes
// immutable (strs, ints, tuples, frozensets, struct sequences of
// immortal types, built-in functions and types); nothing here writes to
// them once they are shared, so interpreters on other goroutines may
// read them at any time.

// onceByKey caches a value built from package-level tables that are
// complete once package initialization is over. The key is a summary
// of those tables (their lengths): should an interpreter be made while
// they are still being filled (during package initialization), a later
// New sees a different key and builds the value again.
type onceByKey[T any] struct {
	mu sync.Mutex
	p  atomic.Pointer[keyed[T]]
}

type keyed[T any] struct {
	key int
	v   T
}

// get returns the value built for key, calling build the first time.
func (c *onceByKey[T]) get(key int, build func() (T, error)) (T, error) {
	if k := c.p.Load(); k != nil && k.key == key {
		return k.v, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if k := c.p.Load(); k != nil && k.key == key {
		return k.v, nil
	}
	v, err := build()
	if err != nil {
		return v, err
	}
	c.p.Store(&keyed[T]{key, v})
	return v, nil
}

// classTable is the accounting class table of builtinTypes.
var classTable onceByKey[*alloc.ClassTable]

// builtinClassTable returns the class table every interpreter's
// allocator starts with: ClassOther, then one class per built-in type
// in builtinTypes' order, which is the class newBuiltinType gave it.
// Classes are never registered afterwards: a class made at run time is
// counted under its built-in layout's class. Types are sealed by then
// (typesSealed), so the table does not change.
func builtinClassTable() *alloc.ClassTable {
	t, _ := classTable.get(len(builtinTypes), func() (*alloc.ClassTable, error) {
		names := make([]string, len(builtinTypes))
		for i, t := range builtinTypes {
			if t.class != alloc.Class(i+1) {
				panic(fmt.Sprintf("interp: accounting class of %s is %d, want %d", t.Name, t.class, i+1))
			}
			names[i] = t.Name
		}
		return alloc.NewClassTable(names...), nil
	})
	return t
}

// A nsTemplate is a module's namespace as every interpreter starts it:
// entries in insertion order whose keys are interned strs and whose
// values are immortal, first the attributes newModule sets (__name__,
// __doc__, ...), and, once sealed, the dict's index table too, so that
// an interpreter's own copy is two slice copies. It never changes once
// sealed.
type nsTemplate struct {
	entries []dictEntry
	index   map[string]int // entry of each name
	indices []int32        // the index table, made by seal
	// private says that the keys are the template's own strs, not the
	// interned names: dicts then share the arrays (cow.go).
	private bool
}

// newNSTemplate starts an empty namespace of about n names.
func newNSTemplate(n int) *nsTemplate {
	return &nsTemplate{entries: make([]dictEntry, 0, n), index: make(map[string]int, n)}
}

// newModuleTemplate starts the namespace of the module name with the
// attributes newModule gives a module; n is the expected size.
func newModuleTemplate(name string, n int) *nsTemplate {
	t := newNSTemplate(n)
	t.set("__name__", internName(name))
	for _, k := range []string{"__doc__", "__package__", "__loader__", "__spec__"} {
		t.set(k, None)
	}
	return t
}

// set binds name to v, which must be immortal or unboxed: a new name
// goes last, a known one keeps its place, as a dict assignment does.
func (t *nsTemplate) set(name string, v Value) {
	if t.indices != nil {
		panic("interp: namespace template changed after sealing")
	}
	if v.IsObject() && !v.Header().Has(alloc.FlagImmortal) {
		panic("interp: namespace template value " + name + " is not immortal")
	}
	if i, ok := t.index[name]; ok {
		t.entries[i].value = v
		return
	}
	k := internName(name)
	t.index[name] = len(t.entries)
	t.entries = append(t.entries, dictEntry{asObject[Str](k).hash, k, v})
}

// get returns the value of name; ok is false when the template lacks it.
func (t *nsTemplate) get(name string) (Value, bool) {
	if i, ok := t.index[name]; ok {
		return t.entries[i].value, true
	}
	return Value{}, false
}

// seal makes the index table: the one a dict that had the entries set
// in order has (dictGrowFor's size for them, no deleted slots).
func (t *nsTemplate) seal() *nsTemplate {
	d := &Dict{indices: make([]int32, dictTableSize(len(t.entries)))}
	for i := range d.indices {
		d.indices[i] = emptySlot
	}
	for ix, e := range t.entries {
		d.insertIndex(e.hash, int32(ix))
	}
	t.indices = d.indices
	// The entry array gets the capacity fillDict accounts a copy with:
	// dicts share it (cow.go) and dict.go sizes them by its capacity.
	t.entries = append(make([]dictEntry, 0, len(t.indices)*2/3), t.entries...)
	return t
}

// dictTableSize is the index table size dictGrowFor gives a dict of n
// entries: the least power of two from minIndices whose two thirds
// exceed n.
func dictTableSize(n int) int {
	size := minIndices
	for size*2/3 < n+1 {
		size *= 2
	}
	return size
}

// newModuleFrom makes a module whose namespace is a copy of t (sealed).
func (in *Interp) newModuleFrom(t *nsTemplate) (*Module, error) {
	m, err := in.allocModule(moduleType)
	if err != nil {
		return nil, err
	}
	if err := in.fillDict(m.Dict(), t); err != nil {
		in.decRef(valueOf(m))
		return nil, err
	}
	return m, nil
}

// newDictFrom makes a dict that is a copy of t (sealed).
func (in *Interp) newDictFrom(t *nsTemplate) (Value, error) {
	d, err := in.NewDict()
	if err != nil {
		return Value{}, err
	}
	if err := in.fillDict(asObject[Dict](d), t); err != nil {
		in.decRef(d)
		return Value{}, err
	}
	return d, nil
}

// fillDict makes the empty dict d a copy of t, which must be sealed:
// the interpreter's own (and accounted to it), or, when t's keys are
// private, a copy-on-write one (cow.go) accounted as a copy from the
// start; the keys and values are the immortal ones t holds.
func (in *Interp) fillDict(d *Dict, t *nsTemplate) error {
	size := len(t.indices)
	capacity := size * 2 / 3
	if err := in.heap.Resize(&d.Header, 0, uintptr(size)*4+uintptr(capacity)*unsafe.Sizeof(dictEntry{})); err != nil {
		return in.memoryError()
	}
	// Keys and values are immortal (set checked): no references to
	// take.
	if t.private {
		d.indices, d.entries, d.shared = t.indices, t.entries, true
	} else {
		d.indices = append(make([]int32, 0, size), t.indices...)
		d.entries = append(make([]dictEntry, 0, capacity), t.entries...)
	}
	d.used, d.fill = len(t.entries), len(t.entries)
	d.Version++
	return nil
}

// builtinsNS is the builtins namespace template.
var builtinsNS onceByKey[*nsTemplate]

// builtinsTemplate returns the builtins namespace: the builtin
// functions, the other builtin objects (by name, so that the order is
// the same in every interpreter), the types CPython's builtins holds
// and the exceptions, then the constants.
func builtinsTemplate() *nsTemplate {
	key := len(builtinFuncs) | len(builtinObjects)<<20 | len(builtinTypes)<<40
	t, _ := builtinsNS.get(key, func() (*nsTemplate, error) {
		t := newModuleTemplate("builtins", len(builtinFuncs)+len(builtinObjects)+len(builtinTypeNames)+80)
		for _, fn := range builtinFuncs {
			t.set(asObject[Builtin](fn).name, fn)
		}
		names := make([]string, 0, len(builtinObjects))
		for name := range builtinObjects {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			t.set(name, builtinObjects[name])
		}
		for _, bt := range builtinTypes {
			if bt.Module == "builtins" && (builtinTypeNames[bt.Name] || bt.IsSubtype(baseExceptionType)) {
				t.set(bt.Name, valueOf(bt))
			}
		}
		for _, c := range []struct {
			name string
			v    Value
		}{{"None", None}, {"Ellipsis", ellipsisObject}, {"NotImplemented", NotImplemented}, {"False", False}, {"True", True}, {"__debug__", True}} {
			t.set(c.name, c.v)
		}
		return t.seal().privateKeys(), nil
	})
	return t
}

// immortalStructSeq makes a struct sequence of type t shared by every
// interpreter; its items must be immortal or unboxed. It is not tracked
// by any cycle finder: immortal objects are outside every heap.
func immortalStructSeq(t *Type, items ...Value) Value {
	meta := structSeqMetas[t]
	if meta == nil || len(items) != len(meta.fields) {
		panic("interp: bad immortal struct sequence for " + t.Name)
	}
	all := make([]Value, len(items))
	for i, v := range items {
		if v.IsObject() && !v.Header().Has(alloc.FlagImmortal) {
			panic("interp: immortal struct sequence " + t.Name + " holds a mortal item")
		}
		all[i] = v
	}
	o := &structSeq{}
	o.Header.Type = unsafe.Pointer(t)
	o.items, o.hidden = all[:meta.visible:meta.visible], all[meta.visible:]
	alloc.MakeImmortal(&o.Header)
	return valueOf(o)
}

// immortalTuple makes a tuple of immortal or unboxed items shared by
// every interpreter.
func immortalTuple(items ...Value) Value {
	if len(items) == 0 {
		return emptyTuple
	}
	for _, v := range items {
		if v.IsObject() && !v.Header().Has(alloc.FlagImmortal) {
			panic("interp: immortal tuple holds a mortal item")
		}
	}
	o := &Tuple{items: append([]Value(nil), items...)}
	o.Header.Type = unsafe.Pointer(tupleType)
	alloc.MakeImmortal(&o.Header)
	return valueOf(o)
}

// shareFrozenSet returns an immortal copy of the frozenset s, whose
// items are immortal: the same table, so the same iteration order.
// s stays the caller's.
func shareFrozenSet(s *Set) Value {
	for _, e := range s.table {
		if e.active() && e.key.IsObject() && !e.key.Header().Has(alloc.FlagImmortal) {
			panic("interp: shared frozenset holds a mortal item")
		}
	}
	o := &Set{table: append([]setEntry(nil), s.table...), fill: s.fill, used: s.used}
	o.Header.Type = unsafe.Pointer(frozensetType)
	alloc.MakeImmortal(&o.Header)
	o.hash, o.hashed = frozensetHashOf(o), true
	return valueOf(o)
}
