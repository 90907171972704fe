package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Dict is a dict object: CPython's compact layout, an open-addressing
// index table over an insertion-ordered entry array, so iteration follows
// insertion order and the table stays small. The dict owns references to
// its keys and values.
type Dict struct {
	alloc.Header
	alloc.GCLink
	indices []int32     // slots: emptySlot, deletedSlot, or an entry index
	entries []dictEntry // in insertion order; deleted entries have a nil key
	used    int         // live entries
	fill    int         // slots that are not emptySlot (live or deleted)

	// Version changes on every mutation; the specializer guards cached
	// lookups (globals, builtins, instance dicts) with it.
	Version uint64
	// keysVersion, when not 0, names the dict's current set of keys and
	// their entry positions (CPython's dk_version): the specializer
	// assigns one (newKeysVersion, adaptive.go) and every change of the keys or
	// of where their entries sit sets it back to 0, so a cached entry
	// index stays valid while the version matches. Updating a value
	// keeps it.
	keysVersion uint32
	// shared says that indices and entries are still a namespace
	// template's (cow.go): every change to them calls own first.
	shared bool
	// recycle says what of the dict goes back to the recyclers when it
	// dies (dict_recycle.go): dictOwnStruct, dictOwnTables.
	recycle uint8
	// shape, when set, is the sequence of str keys the entries hold, in
	// order and without holes (shapes.go): set on instance dicts, moved
	// along by inserts, dropped by anything else that changes the keys.
	shape *shape
}

type dictEntry struct {
	hash       int64
	key, value Value
}

const (
	emptySlot   = -1
	deletedSlot = -2
	minIndices  = 8
)

var dictType = newBuiltinType("dict", objectType, TypeBaseType)

const dictSize = unsafe.Sizeof(Dict{})

func init() {
	// Instances are Dict structs, also a subclass's (newBuiltinType
	// would give object's layout).
	dictType.layout = dictType
	dictType.dealloc = dictDealloc
	dictType.repr = dictRepr
	dictType.boolean = func(in *Interp, v Value) (bool, error) { return asObject[Dict](v).used > 0, nil }
}

// NewDict returns a new empty dict.
func (in *Interp) NewDict() (Value, error) {
	d := in.free.dicts.get()
	if err := in.account(&d.Header, dictType, dictSize); err != nil {
		return Value{}, err
	}
	d.recycle = dictOwnStruct
	d.Header.SetFlags(alloc.FlagContainer)
	return valueOf(d), nil
}

// Len returns the number of items.
func (d *Dict) Len() int { return d.used }

// keysEqual compares a stored key with a probe key: identity, then the
// string fast path, then Python equality (which may raise).
func (in *Interp) keysEqual(stored, key Value) (bool, error) {
	if stored.Is(key) {
		return true, nil
	}
	if stored.Type() == strType && key.Type() == strType {
		return stored.GoString() == key.GoString(), nil
	}
	// The comparison may run Python code that deletes the stored key
	// from its dict (its last reference): hold it meanwhile.
	incRef(stored)
	defer in.decRef(stored)
	r, err := in.RichCompare(stored, key, CmpEQ)
	if err != nil {
		return false, err
	}
	defer in.decRef(r)
	return in.Truth(r)
}

// dictLookup finds key: the slot index where it is (or where it would
// go) and the entry index, -1 when absent. A key's __eq__ may mutate the
// dict; the search then starts again, as CPython's does.
func (in *Interp) dictLookup(d *Dict, key Value, hash int64) (slot, entry int, err error) {
	for {
		slot, entry, restart, err := in.dictProbe(d, key, hash)
		if !restart {
			return slot, entry, err
		}
	}
}

func (in *Interp) dictProbe(d *Dict, key Value, hash int64) (slot, entry int, restart bool, err error) {
	if len(d.indices) == 0 {
		return -1, -1, false, nil
	}
	mask := uint64(len(d.indices) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	free := -1
	for {
		ix := d.indices[i]
		switch {
		case ix == emptySlot:
			if free >= 0 {
				return free, -1, false, nil
			}
			return int(i), -1, false, nil
		case ix == deletedSlot:
			if free < 0 {
				free = int(i)
			}
		default:
			e := &d.entries[ix]
			if e.hash == hash {
				if e.key == key { // identity, without keysEqual's call
					return int(i), int(ix), false, nil
				}
				version := d.Version
				eq, err := in.keysEqual(e.key, key)
				if err != nil {
					return -1, -1, false, err
				}
				if d.Version != version {
					return -1, -1, true, nil
				}
				if eq {
					return int(i), int(ix), false, nil
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// dictHash is Hash with the hashes of the commonest keys found without
// the call through the type's slot: unboxed ints (copy.deepcopy's memo
// is keyed by id()) and strs that know theirs.
func (in *Interp) dictHash(key Value) (int64, error) {
	if key.p == intTag {
		if key.n < hashModulus { // a non-negative int below the modulus is its own hash
			return int64(key.n), nil
		}
		h := int64(key.n) % hashModulus // as intHash
		if h == -1 {
			h = -2
		}
		return h, nil
	}
	if key.IsObject() {
		switch key.Type() {
		case strType:
			if o := asObject[Str](key); o.hashed {
				return o.hash, nil
			}
		case typeType:
			// Classes key dispatch tables (copy's, pickle's, functools'
			// singledispatch): identityHash without its two calls.
			if in.det == nil {
				return pointerHash(key), nil
			}
		}
	}
	return in.Hash(key)
}

// noHash is no key's hash (CPython's hashes avoid -1): dictFindEntry's
// cue to find the key's hash itself.
const noHash = -1

// DictGet returns d[key] as a borrowed value; ok is false when absent.
// dictFindEntry answers unless key's hash or an entry with that hash
// needs code; it is DictGet's one call then.
func (in *Interp) DictGet(d *Dict, key Value) (v Value, ok bool, err error) {
	if ix, _, plain := dictFindEntry(d, key, noHash); plain {
		if ix < 0 {
			return Value{}, false, nil
		}
		return d.entries[ix].value, true, nil
	}
	return in.dictGetSlow(d, key)
}

// dictGetSlow is DictGet for a key whose hash, or whose comparison
// with an entry, may run code.
func (in *Interp) dictGetSlow(d *Dict, key Value) (v Value, ok bool, err error) {
	hash, err := in.dictHash(key)
	if err != nil {
		return Value{}, false, err
	}
	ix, _, plain := dictFindEntry(d, key, hash)
	if plain {
		if ix < 0 {
			return Value{}, false, nil
		}
		return d.entries[ix].value, true, nil
	}
	_, ix, err = in.dictLookup(d, key, hash)
	if err != nil || ix < 0 {
		return Value{}, false, err
	}
	return d.entries[ix].value, true, nil
}

// DictSet sets d[key] = value, taking references to both. As DictGet,
// it finds a plain key's entry without the calls of dictHash and
// dictLookup.
func (in *Interp) DictSet(d *Dict, key, value Value) error {
	ix, hash, plain := dictFindEntry(d, key, noHash)
	if plain {
		return in.dictSetAt(d, key, hash, value, ix)
	}
	if hash == noHash {
		var err error
		if hash, err = in.dictHash(key); err != nil {
			return err
		}
	}
	return in.dictSetHashed(d, key, hash, value)
}

// dictSetHashed is DictSet for a key whose hash is known.
func (in *Interp) dictSetHashed(d *Dict, key Value, hash int64, value Value) error {
	_, ix, err := in.dictLookup(d, key, hash)
	if err != nil {
		return err
	}
	return in.dictSetAt(d, key, hash, value, ix)
}

// dictSetAt is DictSet once key's entry was searched for: ix is its
// index, -1 when key is new to d.
func (in *Interp) dictSetAt(d *Dict, key Value, hash int64, value Value, ix int) error {
	d.own()
	incRef(value)
	if ix >= 0 {
		old := d.entries[ix].value
		d.entries[ix].value = value
		d.Version++
		in.decRef(old)
		return nil
	}
	if err := in.dictGrowFor(d, d.used+1); err != nil {
		in.decRef(value)
		return err
	}
	incRef(key)
	d.keysVersion = 0
	if d.shape != nil {
		d.shape = d.shape.child(key)
	}
	d.entries = append(d.entries, dictEntry{hash, key, value})
	d.insertIndex(hash, int32(len(d.entries)-1))
	d.used++
	d.Version++
	return nil
}

// DictDelete removes key; ok is false when it was absent.
func (in *Interp) DictDelete(d *Dict, key Value) (ok bool, err error) {
	hash, err := in.dictHash(key)
	if err != nil {
		return false, err
	}
	v, ok, err := in.dictPopHashed(d, key, hash)
	if ok {
		in.decRef(v)
	}
	return ok, err
}

// dictPopHashed removes key, whose hash is known, handing over the
// reference d held to its value; ok is false when it was absent.
func (in *Interp) dictPopHashed(d *Dict, key Value, hash int64) (v Value, ok bool, err error) {
	slot, ix, err := in.dictLookup(d, key, hash)
	if err != nil || ix < 0 {
		return Value{}, false, err
	}
	d.own()
	e := d.entries[ix]
	d.keysVersion = 0
	d.shape = nil
	d.entries[ix] = dictEntry{}
	d.indices[slot] = deletedSlot
	d.used--
	d.Version++
	in.decRef(e.key)
	return e.value, true, nil
}

// insertIndex puts entry ix into the first free slot of hash's probe
// sequence (the table has room and no equal key).
func (d *Dict) insertIndex(hash int64, ix int32) {
	mask := uint64(len(d.indices) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for d.indices[i] >= 0 {
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
	if d.indices[i] == emptySlot {
		d.fill++
	}
	d.indices[i] = ix
}

// slotOf returns the slot that holds entry ix, whose hash is hash.
func (d *Dict) slotOf(hash int64, ix int32) int {
	mask := uint64(len(d.indices) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for d.indices[i] != ix {
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
	return int(i)
}

// dictGrowFor makes room for n live entries, rebuilding the index table
// (and compacting deleted entries) when it would be more than 2/3 full
// or its entries' array is.
// Counting the deleted slots keeps an empty slot in every probe sequence,
// so a search always ends (popitem drops entries but not their slots).
// The entries' array is 2/3 of the index slots but in an instance's
// block, where it holds only as many as its class's instances have had
// attributes (instance_blocks.go); a new entry goes after the last one,
// even when deleted ones leave fewer live.
//
// The check is all most calls do (every insertion asks): it inlines
// into them, and dictGrow, the growth, is a call.
func (in *Interp) dictGrowFor(d *Dict, n int) error {
	if d.fill < len(d.indices)*2/3 && len(d.entries) < cap(d.entries) {
		return nil
	}
	return in.dictGrow(d, n)
}

// dictGrow is dictGrowFor's growth: new tables for n live entries.
func (in *Interp) dictGrow(d *Dict, n int) error {
	size := minIndices
	for size*2/3 < n+1 {
		size *= 2
	}
	oldBytes := uintptr(len(d.indices))*4 + uintptr(cap(d.entries))*unsafe.Sizeof(dictEntry{})
	newBytes := uintptr(size)*4 + uintptr(size*2/3)*unsafe.Sizeof(dictEntry{})
	if err := in.heap.Resize(&d.Header, oldBytes, newBytes); err != nil {
		return in.memoryError()
	}
	// The old tables are not recycled (see dict_recycle.go).
	indices, live := in.newDictTables(size)
	if d.used == len(d.entries) {
		// No deleted entries (the usual growth): one bulk copy, not an
		// append with its write barriers per entry.
		live = append(live, d.entries...)
	} else {
		for _, e := range d.entries {
			if !e.key.IsNil() {
				live = append(live, e)
			}
		}
	}
	d.keysVersion = 0
	d.entries, d.shared = live, false
	d.indices = indices
	d.recycle |= dictOwnTables
	d.fill = 0
	for ix, e := range d.entries {
		d.insertIndex(e.hash, int32(ix))
	}
	return nil
}

func dictDealloc(in *Interp, v Value) {
	d := asObject[Dict](v)
	for _, e := range d.ownedEntries() {
		if !e.key.IsNil() {
			in.decRef(e.key)
			in.decRef(e.value)
		}
	}
	in.heap.Free(&d.Header, dictSize+uintptr(len(d.indices))*4+uintptr(cap(d.entries))*unsafe.Sizeof(dictEntry{}))
	indices, entries, recycle := d.indices, d.entries, d.recycle
	d.entries, d.indices = nil, nil
	d.keysVersion = 0
	d.shape = nil
	d.shared = false
	d.recycle = 0
	in.recycleDict(d, recycle, indices, entries) // last: d may be another's now
	if recycle&dictInBlock != 0 {
		in.blockDictDied(d)
	}
}

// dictRepr is repr() of a dict: {k: v, ...}.
func dictRepr(in *Interp, v Value) (Value, error) {
	d := asObject[Dict](v)
	if !in.reprEnter(v) {
		return in.NewStr("{...}")
	}
	defer in.reprLeave()
	b := []byte{'{'}
	first := true
	for i := 0; i < len(d.entries); i++ {
		e := d.entries[i]
		if e.key.IsNil() {
			continue
		}
		// A __repr__ may change the dict: hold the pair while it runs.
		incRef(e.key)
		incRef(e.value)
		if !first {
			b = append(b, ", "...)
		}
		first = false
		for j, x := range [2]Value{e.key, e.value} {
			r, err := in.Repr(x)
			if err != nil {
				in.decRef(e.key)
				in.decRef(e.value)
				return Value{}, err
			}
			b = append(b, r.GoString()...)
			in.decRef(r)
			if j == 0 {
				b = append(b, ": "...)
			}
		}
		in.decRef(e.key)
		in.decRef(e.value)
	}
	b = append(b, '}')
	return in.NewStr(string(b))
}

func init() {
	dictType.length = func(in *Interp, v Value) (int, error) { return asObject[Dict](v).used, nil }
	dictType.getitem = func(in *Interp, v, key Value) (Value, error) {
		r, ok, err := in.DictGet(asObject[Dict](v), key)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			// A class derived from dict may supply missing keys.
			if v.Type() != dictType {
				if r, found, err := in.callSpecial(v, "__missing__", key); found || err != nil {
					return r, err
				}
			}
			return Value{}, in.keyError(key)
		}
		incRef(r)
		return r, nil
	}
	dictType.setitem = func(in *Interp, v, key, value Value) error {
		if value.IsNil() {
			ok, err := in.DictDelete(asObject[Dict](v), key)
			if err == nil && !ok {
				err = in.keyError(key)
			}
			return err
		}
		return in.DictSet(asObject[Dict](v), key, value)
	}
	dictType.contains = func(in *Interp, v, key Value) (bool, error) {
		_, ok, err := in.DictGet(asObject[Dict](v), key)
		return ok, err
	}
}

// dictClear empties d, releasing its keys and values after it is empty
// (a release may run code that looks at the dict).
func (in *Interp) dictClear(d *Dict) {
	entries, indices := d.entries, d.indices
	if entries == nil && indices == nil {
		return
	}
	owned := d.ownedEntries()
	in.heap.Resize(&d.Header, uintptr(len(indices))*4+uintptr(cap(entries))*unsafe.Sizeof(dictEntry{}), 0)
	d.entries, d.indices = nil, nil
	d.recycle &^= dictOwnTables
	d.keysVersion = 0
	if d.shape != nil {
		d.shape = d.shape.root // empty: the root's sequence
	}
	d.shared = false
	d.used, d.fill = 0, 0
	d.Version++
	for _, e := range owned {
		if !e.key.IsNil() {
			in.decRef(e.key)
			in.decRef(e.value)
		}
	}
}

// dictCopy returns a new dict with src's items in src's order; no
// Python code runs, the hashes are known and the keys distinct.
func (in *Interp) dictCopy(src *Dict) (Value, error) {
	v, err := in.NewDict()
	if err != nil || src.used == 0 {
		return v, err
	}
	d := asObject[Dict](v)
	if err := in.dictGrowFor(d, src.used); err != nil {
		in.decRef(v)
		return Value{}, err
	}
	for _, e := range src.entries {
		if e.key.IsNil() {
			continue
		}
		incRef(e.key)
		incRef(e.value)
		d.entries = append(d.entries, e)
		d.insertIndex(e.hash, int32(len(d.entries)-1))
		d.used++
	}
	d.Version++
	return v, nil
}

// dictPopLast takes the last item out of d (popitem), handing over the
// references d held; ok is false when d is empty. As in CPython, the
// entries after the last live one are dropped, so the next insertion
// reuses their place.
func (in *Interp) dictPopLast(d *Dict) (key, value Value, ok bool) {
	i := len(d.entries) - 1
	for i >= 0 && d.entries[i].key.IsNil() {
		i--
	}
	if i < 0 {
		return Value{}, Value{}, false
	}
	d.own()
	e := d.entries[i]
	d.indices[d.slotOf(e.hash, int32(i))] = deletedSlot
	d.keysVersion = 0
	d.shape = nil
	d.entries[i] = dictEntry{}
	d.entries = d.entries[:i]
	d.used--
	d.Version++
	return e.key, e.value, true
}
