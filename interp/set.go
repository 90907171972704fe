package interp

import (
	"sync"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/compile"
)

// Set is a set or a frozenset. Its table is laid out exactly as CPython
// 3.12's: open addressing over a power-of-two table of at least 8 slots,
// a run of linear probes before each perturbed jump, dummy entries left by
// deletions, and the same growth rule, so that a set of ints (or of any
// values whose hashes match CPython's) iterates in CPython's order. The
// set owns a reference to each key.
type Set struct {
	alloc.Header
	alloc.GCLink
	table  []setEntry // len is mask+1
	fill   int        // active and dummy entries
	used   int        // active entries
	finger int        // where pop() starts searching
	hash   int64      // a frozenset's hash, once hashed
	hashed bool
}

// setEntry is one slot: key nil means never used, setDummy a deleted key.
type setEntry struct {
	key  Value
	hash int64
}

var (
	setType         = newBuiltinType("set", objectType, TypeBaseType)
	frozensetType   = newBuiltinType("frozenset", objectType, TypeBaseType)
	setIteratorType = newBuiltinType("set_iterator", objectType, 0)
)

const (
	setMinSize      = 8
	setLinearProbes = 9
	setPerturbShift = 5
	setSize         = unsafe.Sizeof(Set{})
	setEntrySize    = unsafe.Sizeof(setEntry{})
)

// setDummy marks a deleted slot. It is never seen by Python code, so it
// needs no type.
var setDummy = func() Value {
	h := &alloc.Header{}
	alloc.MakeImmortal(h)
	return objectValue(h)
}()

func (e *setEntry) active() bool { return !e.key.IsNil() && e.key.p != setDummy.p }

// isAnySet reports whether v is a set or a frozenset (PyAnySet_Check).
func isAnySet(v Value) bool {
	t := v.Type()
	return t == setType || t == frozensetType || t.IsSubtype(setType) || t.IsSubtype(frozensetType)
}

// isMutableSet reports whether v is a set (PySet_Check), not a frozenset.
func isMutableSet(v Value) bool { return v.Type() == setType || v.Type().IsSubtype(setType) }

// newSetObject makes an empty set of type t (set, frozenset or a
// subclass) with the minimal table.
func (in *Interp) newSetObject(t *Type) (*Set, error) {
	var s *Set
	if t == setType || t == frozensetType {
		s = in.free.sets.get()
	} else {
		s = newInstanceStruct[Set](t)
	}
	if err := in.account(&s.Header, t, setSize+setMinSize*setEntrySize); err != nil {
		return nil, err
	}
	s.Header.SetFlags(alloc.FlagContainer)
	s.table = in.free.setTables.get(setMinSize)
	return s, nil
}

// Set structs of exact sets and frozensets, and set tables, are
// recycled (in.free, recycle.go): nqueens builds and drops two small
// sets per permutation. A table is given back when its set dies or
// outgrows it: the code that holds a table across a call that may run
// Python code checks afterwards that the set still uses it
// (setSameTable, or re-reading s.table), so a recycled one is never
// read as the set's.

// makeNewSet is CPython's make_new_set: a set of type t holding the
// items of iterable (nil: empty). Sets and frozensets are copied table
// and all, dicts by their stored hashes, other iterables item by item.
// Dict views build their set results with it.
func (in *Interp) makeNewSet(t *Type, iterable Value) (Value, error) {
	s, err := in.newSetObject(t)
	if err != nil {
		return Value{}, err
	}
	if !iterable.IsNil() {
		if err := in.setUpdateInternal(s, iterable); err != nil {
			in.decRef(valueOf(s))
			return Value{}, err
		}
	}
	return valueOf(s), nil
}

// setBaseType is the type of the results of set operations on a value
// of type t: set for sets (and their subclasses), else frozenset.
func setBaseType(t *Type) *Type {
	if t == setType || t.IsSubtype(setType) {
		return setType
	}
	return frozensetType
}

// setCopy is set_copy: a new set of so's base type with so's table.
func (in *Interp) setCopy(so Value) (Value, error) {
	return in.makeNewSet(setBaseType(so.Type()), so)
}

// resizeSetTable accounts a change of s's table from oldLen to newLen
// entries.
func (in *Interp) resizeSetTable(s *Set, oldLen, newLen int) error {
	if s.Header.Has(alloc.FlagImmortal) {
		return nil // constants are never accounted (nor changed)
	}
	if err := in.heap.Resize(&s.Header, uintptr(oldLen)*setEntrySize, uintptr(newLen)*setEntrySize); err != nil {
		return in.memoryError()
	}
	return nil
}

// setSameTable reports whether the set still uses table (a comparison may
// have run code that resized or cleared it).
func setSameTable(s *Set, table []setEntry) bool {
	return unsafe.SliceData(s.table) == unsafe.SliceData(table)
}

// setLookup finds key: the index of its entry, or -1 when absent. A
// key's __eq__ may change the set; the search then starts again, as
// CPython's set_lookkey does.
func (in *Interp) setLookup(s *Set, key Value, hash int64) (int, error) {
restart:
	table := s.table
	mask := uint64(len(table) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for {
		probes := uint64(0)
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; j <= i+probes; j++ {
			e := &table[j]
			if e.key.IsNil() {
				return -1, nil
			}
			if e.hash != hash || e.key.p == setDummy.p {
				continue
			}
			start := e.key
			if start.Is(key) {
				return int(j), nil
			}
			incRef(start)
			eq, err := in.keysEqual(start, key)
			in.decRef(start)
			if err != nil {
				return -1, err
			}
			// The comparison may have changed the set: look again
			// before trusting j, as set_lookkey does.
			if !setSameTable(s, table) || table[j].key != start {
				goto restart
			}
			if eq {
				return int(j), nil
			}
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// quickHash is key's hash when it needs no call: key is an unboxed int,
// or an exact str whose hash is cached; ok is false otherwise.
func quickHash(key Value) (h int64, ok bool) {
	switch {
	case key.IsSmallInt():
		h = key.SmallInt()
		if h >= hashModulus || h <= -hashModulus {
			h %= hashModulus
		}
		if h == -1 {
			h = -2
		}
		return h, true
	case key.IsObject() && key.Type() == strType:
		if o := asObject[Str](key); o.hashed {
			return o.hash, true
		}
	}
	return 0, false
}

// setHash is key's hash for a set operation: quickHash's without a
// call when it can, else Hash's.
func (in *Interp) setHash(key Value) (int64, error) {
	if h, ok := quickHash(key); ok {
		return h, nil
	}
	return in.Hash(key)
}

// quickEqual compares a and b when that needs no call: each an unboxed
// int or an exact str; known is false otherwise.
func quickEqual(a, b Value) (eq, known bool) {
	aStr := a.IsObject() && a.Type() == strType
	bStr := b.IsObject() && b.Type() == strType
	switch {
	case a.IsSmallInt():
		if b.IsSmallInt() {
			return a.n == b.n, true
		}
		return false, bStr
	case aStr:
		if bStr {
			return a.GoString() == b.GoString(), true
		}
		return false, b.IsSmallInt()
	}
	return false, false
}

// containsQuick is `key in container` for an exact set, frozenset,
// tuple or list and a key whose hash and comparisons run no code
// (quickHash, quickEqual); known is false when it cannot tell so, and
// the caller asks the container's type.
func containsQuick(container, key Value) (found, known bool) {
	if !container.IsObject() {
		return false, false
	}
	var items []Value
	switch container.Type() {
	case setType, frozensetType:
		hash, ok := quickHash(key)
		if !ok {
			return false, false
		}
		return setFindQuick(asObject[Set](container), key, hash)
	case tupleType:
		items = asObject[Tuple](container).items
	case listType:
		items = asObject[List](container).items
	default:
		return false, false
	}
	for _, item := range items {
		eq, ok := quickEqual(item, key)
		if !ok {
			return false, false
		}
		if eq {
			return true, true
		}
	}
	return false, true
}

// containsSet is CONTAINS_OP_SET's work past the fast loop's guard (the
// container, on top of the stack, an exact set or frozenset), with f.pc
// past the instruction: with a key that quickHash and quickEqual answer
// for, the operands are released and the result pushed, or taken by the
// jump after the instruction (pushOrJump); else execContainsOp's way.
//
//go:noinline
func (in *Interp) containsSet(f *frame, oparg int) error {
	s := slotPairAt(f.slots, f.sp-2)
	key, container := s[0], s[1]
	hash, ok := quickHash(key)
	if !ok {
		return in.execContainsOp(f, oparg)
	}
	found, known := setFindQuick(asObject[Set](container), key, hash)
	if !known {
		return in.execContainsOp(f, oparg)
	}
	f.sp -= 2
	s[0] = Value{}
	s[1] = Value{}
	// The set and the key, which the stack held, released in the generic
	// form's order (container first) before the jump leaves the
	// instruction.
	if alloc.DecRef((*alloc.Header)(container.p)) {
		in.dealloc(container)
	}
	if alloc.DecRef((*alloc.Header)(key.p)) {
		in.dealloc(key)
	}
	pushOrJump(f, found != (oparg == 1))
	return nil
}

// setFindQuick is setLookup for a key whose equality with any int or
// exact str needs no call; known is false when the probe meets a stored
// key with the same hash of another kind, whose __eq__ may run code.
func setFindQuick(s *Set, key Value, hash int64) (found, known bool) {
	table := s.table
	mask := uint64(len(table) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for {
		probes := uint64(0)
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; j <= i+probes; j++ {
			e := &table[j]
			if e.key.IsNil() {
				return false, true
			}
			if e.hash != hash || e.key.p == setDummy.p {
				continue
			}
			if e.key.Is(key) {
				return true, true
			}
			eq, ok := quickEqual(e.key, key)
			if !ok {
				return false, false
			}
			if eq {
				return true, true
			}
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// setContainsEntry reports whether key (with its hash) is in s.
func (in *Interp) setContainsEntry(s *Set, key Value, hash int64) (bool, error) {
	i, err := in.setLookup(s, key, hash)
	return i >= 0, err
}

// setAddEntry adds key to s unless an equal key is there (set_add_entry):
// the last dummy on the probe path is reused, and the table grows when
// it becomes 3/5 full.
func (in *Interp) setAddEntry(s *Set, key Value, hash int64) error {
	// Hold key while comparisons run arbitrary code.
	incRef(key)
restart:
	table := s.table
	mask := uint64(len(table) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	free := -1
	for {
		probes := uint64(0)
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; j <= i+probes; j++ {
			e := &table[j]
			if e.key.IsNil() {
				if free >= 0 {
					s.used++
					table[free] = setEntry{key, hash}
					return nil
				}
				s.fill++
				s.used++
				*e = setEntry{key, hash}
				if uint64(s.fill)*5 < mask*3 {
					return nil
				}
				n := s.used * 4
				if s.used > 50000 {
					n = s.used * 2
				}
				return in.setResize(s, n)
			}
			if e.key.p == setDummy.p {
				// CPython 3.12 keeps the last dummy on the probe path, not
				// the first (checked against it on random tables).
				free = int(j)
				continue
			}
			if e.hash != hash {
				continue
			}
			start := e.key
			if start.Is(key) {
				in.decRef(key)
				return nil
			}
			incRef(start)
			eq, err := in.keysEqual(start, key)
			in.decRef(start)
			if err != nil {
				in.decRef(key)
				return err
			}
			if !setSameTable(s, table) || table[j].key != start {
				goto restart
			}
			if eq {
				in.decRef(key)
				return nil
			}
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// setAddKey hashes key and adds it.
func (in *Interp) setAddKey(s *Set, key Value) error {
	hash, err := in.setHash(key)
	if err != nil {
		return err
	}
	return in.setAddEntry(s, key, hash)
}

// setInsertClean puts a key known to be absent into a table without
// dummies (set_insert_clean).
func setInsertClean(table []setEntry, key Value, hash int64) {
	mask := uint64(len(table) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for {
		if table[i].key.IsNil() {
			table[i] = setEntry{key, hash}
			return
		}
		if i+setLinearProbes <= mask {
			for j := i + 1; j <= i+setLinearProbes; j++ {
				if table[j].key.IsNil() {
					table[j] = setEntry{key, hash}
					return
				}
			}
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// setResize rebuilds the table with the smallest power of two from 8
// that exceeds minUsed, dropping the dummies (set_table_resize).
func (in *Interp) setResize(s *Set, minUsed int) error {
	size := setMinSize
	for size <= minUsed {
		size <<= 1
		if size > 1<<40 {
			return in.memoryError()
		}
	}
	if err := in.resizeSetTable(s, len(s.table), size); err != nil {
		return err
	}
	old := s.table
	if size == len(old) && size <= setRehashInPlaceMax {
		// Only dummies to drop (add/discard churn, as in nqueens): rehash
		// into the same table from a copy on the stack, no allocation.
		var buf [setRehashInPlaceMax]setEntry
		keep := buf[:0]
		for i := range old {
			if old[i].active() {
				keep = append(keep, old[i])
			}
		}
		clear(old)
		s.fill = s.used
		for _, e := range keep {
			setInsertClean(old, e.key, e.hash)
		}
		return nil
	}
	table := in.free.setTables.get(size)
	if s.fill == s.used {
		for i := range old {
			if !old[i].key.IsNil() {
				setInsertClean(table, old[i].key, old[i].hash)
			}
		}
	} else {
		s.fill = s.used
		for i := range old {
			if old[i].active() {
				setInsertClean(table, old[i].key, old[i].hash)
			}
		}
	}
	s.table = table
	in.free.setTables.put(old)
	return nil
}

// setRehashInPlaceMax is the largest table setResize rehashes in place.
const setRehashInPlaceMax = 64

// setDiscardEntry removes key, leaving a dummy; found is false when it
// was absent.
func (in *Interp) setDiscardEntry(s *Set, key Value, hash int64) (found bool, err error) {
	i, err := in.setLookup(s, key, hash)
	if err != nil || i < 0 {
		return false, err
	}
	old := s.table[i].key
	s.table[i] = setEntry{setDummy, -1}
	s.used--
	in.decRef(old)
	return true, nil
}

// setDiscardKey hashes key and removes it.
func (in *Interp) setDiscardKey(s *Set, key Value) (bool, error) {
	hash, err := in.setHash(key)
	if err != nil {
		return false, err
	}
	return in.setDiscardEntry(s, key, hash)
}

// setClear empties s back to the minimal table. The keys are released
// only once the set is empty, since releasing one may run code that
// looks at the set.
func (in *Interp) setClear(s *Set) error {
	old := s.table
	if s.fill == 0 && len(old) == setMinSize {
		return nil
	}
	if err := in.resizeSetTable(s, len(old), setMinSize); err != nil {
		return err
	}
	s.table = make([]setEntry, setMinSize)
	s.fill, s.used = 0, 0
	s.hashed = false
	for i := range old {
		if old[i].active() {
			in.decRef(old[i].key)
		}
	}
	return nil
}

// next returns the next active entry at or after *pos, advancing it
// (set_next); it re-reads the table, which code run meanwhile may have
// replaced.
func (s *Set) next(pos *int) (setEntry, bool) {
	for *pos < len(s.table) {
		e := s.table[*pos]
		*pos++
		if e.active() {
			return e, true
		}
	}
	return setEntry{}, false
}

// setMerge adds the keys of other to s (set_merge): one resize up front,
// then a straight copy of the table when s is empty and the sizes agree,
// clean insertion when s is empty, normal insertion otherwise.
func (in *Interp) setMerge(s, other *Set) error {
	if s == other || other.used == 0 {
		return nil
	}
	if (s.fill+other.used)*5 >= (len(s.table)-1)*3 {
		if err := in.setResize(s, (s.used+other.used)*2); err != nil {
			return err
		}
	}
	if s.fill == 0 && len(s.table) == len(other.table) && other.fill == other.used {
		for i, e := range other.table {
			if !e.key.IsNil() {
				incRef(e.key)
				s.table[i] = e
			}
		}
		s.fill, s.used = other.fill, other.used
		return nil
	}
	if s.fill == 0 {
		s.fill, s.used = other.used, other.used
		for _, e := range other.table {
			if e.active() {
				incRef(e.key)
				setInsertClean(s.table, e.key, e.hash)
			}
		}
		return nil
	}
	for i := 0; i < len(other.table); i++ {
		if e := other.table[i]; e.active() {
			if err := in.setAddEntry(s, e.key, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// setUpdateInternal adds the items of an iterable to s
// (set_update_internal).
func (in *Interp) setUpdateInternal(s *Set, other Value) error {
	if isAnySet(other) {
		return in.setMerge(s, asObject[Set](other))
	}
	if other.Type() == dictType {
		d := asObject[Dict](other)
		if (s.fill+d.used)*5 >= (len(s.table)-1)*3 {
			if err := in.setResize(s, (s.used+d.used)*2); err != nil {
				return err
			}
		}
		for i := 0; i < len(d.entries); i++ {
			e := d.entries[i]
			if e.key.IsNil() {
				continue
			}
			if err := in.setAddEntry(s, e.key, e.hash); err != nil {
				return err
			}
		}
		return nil
	}
	it, err := in.getIter(other)
	if err != nil {
		return err
	}
	defer in.decRef(it)
	for {
		key, ok, err := in.iterNext(it)
		if err != nil || !ok {
			return err
		}
		err = in.setAddKey(s, key)
		in.decRef(key)
		if err != nil {
			return err
		}
	}
}

// setShuffleBits spreads an entry's hash for frozenset's hash (CPython's
// _shuffle_bits).
func setShuffleBits(h uint64) uint64 {
	return ((h ^ 89869747) ^ (h << 16)) * 3644798167
}

// frozensetHashOf is CPython's frozenset hash: the xor of the shuffled
// hashes of the keys, mixed with the size.
func frozensetHashOf(s *Set) int64 {
	var h uint64
	for i := range s.table {
		if e := &s.table[i]; e.active() {
			h ^= setShuffleBits(uint64(e.hash))
		}
	}
	h ^= (uint64(s.used) + 1) * 1927868237
	h ^= (h >> 11) ^ (h >> 25)
	h = h*69069 + 907133923
	if int64(h) == -1 {
		h = 590923713
	}
	return int64(h)
}

func frozensetHash(in *Interp, v Value) (int64, error) {
	s := asObject[Set](v)
	if !s.hashed {
		// Immortal frozensets are hashed when built; only the owner of a
		// mortal one writes here.
		s.hash, s.hashed = frozensetHashOf(s), true
	}
	return s.hash, nil
}

func setDealloc(in *Interp, v Value) {
	s := asObject[Set](v)
	exact := s.Header.Type == unsafe.Pointer(setType) || s.Header.Type == unsafe.Pointer(frozensetType)
	table := s.table
	s.table = nil
	for i := range table {
		if table[i].active() {
			in.decRef(table[i].key)
		}
	}
	*s = Set{Header: s.Header}
	in.heap.Free(&s.Header, setSize+uintptr(len(table))*setEntrySize)
	in.free.setTables.put(table)
	if exact {
		in.free.sets.put(s)
	}
}

// buildSet is BUILD_SET: a set of items (borrowed), added in order.
func (in *Interp) buildSet(items []Value) (Value, error) { return in.buildSetOf(setType, items) }

// buildSetOf is a set or frozenset (t) of items, added in order.
func (in *Interp) buildSetOf(t *Type, items []Value) (Value, error) {
	s, err := in.newSetObject(t)
	if err != nil {
		return Value{}, err
	}
	for _, item := range items {
		if err := in.setAddKey(s, item); err != nil {
			in.decRef(valueOf(s))
			return Value{}, err
		}
	}
	return valueOf(s), nil
}

// setAddItem is SET_ADD: set.add(item).
func (in *Interp) setAddItem(set, item Value) error {
	return in.setAddKey(asObject[Set](set), item)
}

// setUpdateFrom is SET_UPDATE: set.update(iterable).
func (in *Interp) setUpdateFrom(set, iterable Value) error {
	return in.setUpdateInternal(asObject[Set](set), iterable)
}

// setIterator walks a set's table, noticing a change of size.
type setIterator struct {
	alloc.Header
	set  Value // nil once exhausted
	used int   // the set's size when the iterator started
	pos  int
	left int
}

const setIteratorSize = unsafe.Sizeof(setIterator{})

func setIter(in *Interp, v Value) (Value, error) {
	s := asObject[Set](v)
	it := &setIterator{set: v, used: s.used, left: s.used}
	if err := in.account(&it.Header, setIteratorType, setIteratorSize); err != nil {
		return Value{}, err
	}
	incRef(v)
	return valueOf(it), nil
}

func setIterNext(in *Interp, v Value) (Value, bool, error) {
	it := asObject[setIterator](v)
	if it.set.IsNil() {
		return Value{}, false, nil
	}
	s := asObject[Set](it.set)
	if it.used != s.used {
		it.used = -1 // stays broken, as CPython's does
		return Value{}, false, in.raise(runtimeErrorType, "Set changed size during iteration")
	}
	e, ok := s.next(&it.pos)
	if !ok {
		in.decRef(it.set)
		it.set = Value{}
		return Value{}, false, nil
	}
	it.left--
	incRef(e.key)
	return e.key, true, nil
}

func init() {
	for _, t := range []*Type{setType, frozensetType} {
		// Instances are Set structs, not object's: a class deriving from
		// set must not get object's layout (and its dealloc).
		t.layout = t
		t.dealloc = setDealloc
		t.iter = setIter
		t.length = func(in *Interp, v Value) (int, error) { return asObject[Set](v).used, nil }
		t.boolean = func(in *Interp, v Value) (bool, error) { return asObject[Set](v).used > 0, nil }
	}
	frozensetType.hash = frozensetHash
	setIteratorType.iter = selfIter
	setIteratorType.next = setIterNext
	setIteratorType.dealloc = func(in *Interp, v Value) {
		it := asObject[setIterator](v)
		in.xdecRef(it.set)
		*it = setIterator{Header: it.Header}
		in.heap.Free(&it.Header, setIteratorSize)
	}
	defMethod(setIteratorType, "__length_hint__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		it := asObject[setIterator](args[0])
		if it.set.IsNil() || it.used != asObject[Set](it.set).used {
			return Int(0), nil
		}
		return Int(int64(it.left)), nil
	})
}

// constSets builds frozenset constants. Building one hashes and compares
// its items, which needs an interpreter; this one is private to it.
var constSets struct {
	sync.Mutex
	in *Interp
}

// immortalFrozenSet makes the immortal frozenset of a code constant, ok
// false when an item cannot be made or hashed. CPython's compiler builds
// the frozenset from the items in source order and then, when it merges
// constants, rebuilds it from its own iteration order; the table here is
// built the same two ways so that iteration order matches.
func immortalFrozenSet(k compile.ConstFrozenSet) (Value, bool) {
	items := make([]Value, len(k))
	for i, c := range k {
		v, ok := immortalConst(c)
		if !ok {
			return None, false
		}
		items[i] = v
	}
	constSets.Lock()
	defer constSets.Unlock()
	if constSets.in == nil {
		constSets.in = New(Options{})
	}
	in := constSets.in
	build := func(items []Value) (*Set, bool) {
		s, err := in.newSetObject(frozensetType)
		if err != nil {
			return nil, false
		}
		for _, item := range items {
			if err := in.setAddKey(s, item); err != nil {
				if e, ok := err.(*Exception); ok {
					in.decRef(valueOf(e))
				}
				in.decRef(valueOf(s))
				return nil, false
			}
		}
		return s, true
	}
	first, ok := build(items)
	if !ok {
		return None, false
	}
	var order []Value
	for pos := 0; ; {
		e, ok := first.next(&pos)
		if !ok {
			break
		}
		order = append(order, e.key)
	}
	second, ok := build(order)
	in.decRef(valueOf(first))
	if !ok {
		return None, false
	}
	o := &Set{table: append([]setEntry(nil), second.table...), fill: second.fill, used: second.used}
	in.decRef(valueOf(second))
	o.Header.Type = unsafe.Pointer(frozensetType)
	alloc.MakeImmortal(&o.Header)
	o.hash, o.hashed = frozensetHashOf(o), true
	return valueOf(o), true
}
