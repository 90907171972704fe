package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/cycles"
)

// Instances of classes are made in blocks, and the blocks of dead
// instances are kept with their class for its next instances.
//
// A block is one Go allocation holding the Instance and what it will
// need: for a class whose instances have had attributes, its dict and the
// dict's first tables (the dict stays a separate object, accounted on its
// own, but private to its instance until something asks for it:
// flagDictPrivate); for a class with __slots__ and no dict, the slot
// values. The chain instance -> dict -> entry that every attribute
// load follows then stays within adjacent cache lines, and making an
// instance costs one allocation, not four. The dict's entries are as
// many as the most keys the class's shape tree has seen (at most
// maxShapeKeys: logging's LogRecord has 23), rounded up to one of the
// kinds' sizes (1 to 7, 9, 10, 21, 42) that best fill Go's size
// classes; its index table is dictGrow's for them (8 to 64 slots).
//
// Programs that make and drop instances by the million (raytrace's
// vectors, deltablue's constraints) otherwise leave every block to Go's
// collector, which then spends a sixth of the run marking. So when an
// instance of a heap class dies, its block goes to a free list in the
// class (Type.freeBlocks; the interpreter that owns a class is the only
// one that makes or frees its instances), zeroed, if
//   - the instance was made in a block (its kind is in its header flags,
//     flagBlockMask: __class__ assignment can give it a class whose
//     blocks are of another kind, and a free list holds one kind);
//   - the block's dict is dead too. An instance holds its dict, so
//     usually the dict dies in the instance's dealloc; but `d =
//     obj.__dict__` can keep it alive after the instance, and then the
//     block is left to Go's collector. A dict that died earlier
//     (`obj.__dict__ = {}`, the cycle finder's clear) or was never
//     accounted has a count of 0: that is the test. Tables a dict grew
//     into are its own and recycled with it (dict_recycle.go); the
//     block's first tables are only ever used by its own dict.
// A class's free list is bounded (maxFreeBlockBytes) and dies with the
// class. The blocks hold no references once zeroed, so the list keeps
// nothing alive.

// Block kinds, stored in an instance's header flags (flagBlockMask).
// The dict kinds, blockDictMin and up, are named for the entries they
// hold; their index tables are dictGrow's sizes for that many (8, 16,
// 32 and 64 slots).
const (
	blockNone   = iota
	blockPlain  // Instance alone
	blockSlots2 // instanceSlots2
	blockSlots4
	blockSlots8
	blockDict1 // dictBlock1
	blockDict2
	blockDict3
	blockDict4
	blockDict5
	blockDict6
	blockDict7
	blockDict9
	blockDict10
	blockDict21
	blockDict42

	blockDictMin = blockDict1
)

// flagBlockShift places an instance's block kind in four header flag
// bits above the ones weakref.go and deterministic.go use.
const (
	flagBlockShift = 10
	flagBlockMask  = alloc.Flags(15) << flagBlockShift
)

// maxFreeBlockBytes bounds the memory one class's free list keeps. A
// list never holds more than its class's instances once took, so the
// bound matters only for a class with many at once; but those are the
// ones whose instances die in batches (a tree or a chain dropped whole)
// and are made again: binary_trees' 16,383-node trees (1.8 MB of
// blocks) each took fresh memory past a 64 KB list, 3,000 more page
// faults (peak RSS 46 MB, not 34).
const maxFreeBlockBytes = 2 << 20

type instanceSlots2 struct {
	o Instance
	s [2]Value
}

type instanceSlots4 struct {
	o Instance
	s [4]Value
}

type instanceSlots8 struct {
	o Instance
	s [8]Value
}

// dictBlock is the block of a dict kind: E is the entries' array, I the
// index table's. Its entries are as many as its class's instances have
// had attributes, not the two thirds of the index slots dictGrow would
// give (dictGrowFor asks for both): a 7-attribute instance takes a
// 552-byte block (Go's size class 576), where room for 10 entries took
// 672 (704).
type dictBlock[E, I any] struct {
	o    Instance
	d    Dict
	ents E
	idx  I
}

type (
	dictBlock1  = dictBlock[[1]dictEntry, [8]int32]
	dictBlock2  = dictBlock[[2]dictEntry, [8]int32]
	dictBlock3  = dictBlock[[3]dictEntry, [8]int32]
	dictBlock4  = dictBlock[[4]dictEntry, [8]int32]
	dictBlock5  = dictBlock[[5]dictEntry, [8]int32]
	dictBlock6  = dictBlock[[6]dictEntry, [16]int32]
	dictBlock7  = dictBlock[[7]dictEntry, [16]int32]
	dictBlock9  = dictBlock[[9]dictEntry, [16]int32]
	dictBlock10 = dictBlock[[10]dictEntry, [16]int32]
	dictBlock21 = dictBlock[[21]dictEntry, [32]int32]
	dictBlock42 = dictBlock[[42]dictEntry, [64]int32]
)

// blockDictOffset and blockEntsOffset place a dict kind's Dict and its
// entries in its block, the same for every kind; the index table
// follows the entries.
const (
	blockDictOffset = unsafe.Offsetof(dictBlock1{}.d)
	blockEntsOffset = unsafe.Offsetof(dictBlock1{}.ents)
)

// blockDictSizes are the entries and index slots of each dict kind.
var blockDictSizes = [...]struct{ ents, idx uint8 }{
	blockDict1:  {1, 8},
	blockDict2:  {2, 8},
	blockDict3:  {3, 8},
	blockDict4:  {4, 8},
	blockDict5:  {5, 8},
	blockDict6:  {6, 16},
	blockDict7:  {7, 16},
	blockDict9:  {9, 16},
	blockDict10: {10, 16},
	blockDict21: {21, 32},
	blockDict42: {42, 64},
}

// blockSizes are the Go sizes of the block kinds.
var blockSizes = [...]uintptr{
	blockPlain:  unsafe.Sizeof(Instance{}),
	blockSlots2: unsafe.Sizeof(instanceSlots2{}),
	blockSlots4: unsafe.Sizeof(instanceSlots4{}),
	blockSlots8: unsafe.Sizeof(instanceSlots8{}),
	blockDict1:  unsafe.Sizeof(dictBlock1{}),
	blockDict2:  unsafe.Sizeof(dictBlock2{}),
	blockDict3:  unsafe.Sizeof(dictBlock3{}),
	blockDict4:  unsafe.Sizeof(dictBlock4{}),
	blockDict5:  unsafe.Sizeof(dictBlock5{}),
	blockDict6:  unsafe.Sizeof(dictBlock6{}),
	blockDict7:  unsafe.Sizeof(dictBlock7{}),
	blockDict9:  unsafe.Sizeof(dictBlock9{}),
	blockDict10: unsafe.Sizeof(dictBlock10{}),
	blockDict21: unsafe.Sizeof(dictBlock21{}),
	blockDict42: unsafe.Sizeof(dictBlock42{}),
}

// blockDictKinds maps a class's most attributes (up to 42) to the dict
// kind that holds them.
var blockDictKinds = func() (k [43]uint8) {
	kind := uint8(blockDictMin)
	for n := 1; n < len(k); n++ {
		for int(blockDictSizes[kind].ents) < n {
			kind++
		}
		k[n] = kind
	}
	return k
}()

// freeBlocks is a class's free list of dead instances' blocks, all of
// one kind.
type freeBlocks struct {
	kind   uint8
	blocks []*Instance
}

// blockKind returns the kind of block for a new instance of t, which has
// nslots __slots__ values: blockNone for a type that is not a class (its
// instances are not recycled).
func blockKind(t *Type, nslots int) uint8 {
	if t.Flags&TypeHeapType == 0 {
		return blockNone
	}
	if root := t.shapes; root != nil && root.maxKeys > 0 && t.dictOffset == unsafe.Offsetof(Instance{}.dict) {
		return blockDictKinds[min(root.maxKeys, len(blockDictKinds)-1)]
	}
	switch {
	case nslots == 0:
		return blockPlain
	case nslots <= 2:
		return blockSlots2
	case nslots <= 4:
		return blockSlots4
	case nslots <= 8:
		return blockSlots8
	}
	return blockNone
}

// newInstanceBlock returns a zero Instance for t, in a block of the
// given kind: a recycled one when t keeps one.
func newInstanceBlock(t *Type, kind uint8) *Instance {
	if f := &t.freeBlocks; f.kind == kind {
		if n := len(f.blocks); n > 0 {
			o := f.blocks[n-1]
			f.blocks[n-1] = nil
			f.blocks = f.blocks[:n-1]
			return o
		}
	}
	switch kind {
	case blockSlots2:
		return &new(instanceSlots2).o
	case blockSlots4:
		return &new(instanceSlots4).o
	case blockSlots8:
		return &new(instanceSlots8).o
	case blockDict1:
		return &new(dictBlock1).o
	case blockDict2:
		return &new(dictBlock2).o
	case blockDict3:
		return &new(dictBlock3).o
	case blockDict4:
		return &new(dictBlock4).o
	case blockDict5:
		return &new(dictBlock5).o
	case blockDict6:
		return &new(dictBlock6).o
	case blockDict7:
		return &new(dictBlock7).o
	case blockDict9:
		return &new(dictBlock9).o
	case blockDict10:
		return &new(dictBlock10).o
	case blockDict21:
		return &new(dictBlock21).o
	case blockDict42:
		return &new(dictBlock42).o
	}
	return &Instance{}
}

// blockSlots returns the slot values of the block of o, of a slots kind.
func blockSlots(o *Instance, kind uint8) []Value {
	p := unsafe.Pointer(o)
	switch kind {
	case blockSlots2:
		return (*instanceSlots2)(p).s[:]
	case blockSlots4:
		return (*instanceSlots4)(p).s[:]
	default:
		return (*instanceSlots8)(p).s[:]
	}
}

// blockDict returns the dict of the block of o, of a dict kind, and the
// dict's first tables.
func blockDict(o *Instance, kind uint8) (*Dict, []dictEntry, []int32) {
	p := unsafe.Pointer(o)
	sz := blockDictSizes[kind]
	ents := unsafe.Add(p, blockEntsOffset)
	idx := unsafe.Add(ents, uintptr(sz.ents)*unsafe.Sizeof(dictEntry{}))
	return (*Dict)(unsafe.Add(p, blockDictOffset)),
		unsafe.Slice((*dictEntry)(ents), sz.ents)[:0],
		unsafe.Slice((*int32)(idx), sz.idx)
}

// initInstanceBlock sets up the new instance o of t, just accounted, in
// a block of the given kind: its __slots__ values (nslots of them) and,
// for a dict kind, its dict.
func (in *Interp) initInstanceBlock(o *Instance, t *Type, kind uint8, nslots int) {
	o.Header.SetFlags(alloc.FlagContainer | alloc.Flags(kind)<<flagBlockShift)
	switch kind {
	case blockSlots2, blockSlots4, blockSlots8:
		o.slots = blockSlots(o, kind)[:nslots:nslots]
		return
	}
	if nslots > 0 {
		o.slots = make([]Value, nslots)
	}
	if kind >= blockDictMin {
		d, ents, idx := blockDict(o, kind)
		in.attachInstanceDict(o, t, d, ents, idx)
	}
}

// emptyIndices are the first index tables of a block's dict, every slot
// empty: assigned whole, they cost a few vector stores where a loop
// over the slots cost four instructions a slot.
var (
	emptyIndices8  = [8]int32{emptySlot, emptySlot, emptySlot, emptySlot, emptySlot, emptySlot, emptySlot, emptySlot}
	emptyIndices16 = [16]int32(append(emptyIndices8[:], emptyIndices8[:]...))
	emptyIndices32 = [32]int32(append(emptyIndices16[:], emptyIndices16[:]...))
	emptyIndices64 = [64]int32(append(emptyIndices32[:], emptyIndices32[:]...))
)

// setEmptyIndices empties idx, a block's first index table.
func setEmptyIndices(idx []int32) {
	switch len(idx) {
	case 8:
		*(*[8]int32)(idx) = emptyIndices8
	case 16:
		*(*[16]int32)(idx) = emptyIndices16
	case 32:
		*(*[32]int32)(idx) = emptyIndices32
	default:
		*(*[64]int32)(idx) = emptyIndices64
	}
}

// newPlainInstance is object.__new__(t) without arguments for a class
// whose instances hold nslots __slots__ values, called the way
// CALL_ALLOC_AND_ENTER_INIT's guards allow (allocInitTarget: a heap
// class of object's layout, object's __new__, an __init__ that takes
// the arguments). For the usual classes, whose instances get a dict or
// a few __slots__ values, it is objectNew's work in one piece: no
// argument checks, no walk of the MRO for the slots, the block's dict
// set up inline.
func (in *Interp) newPlainInstance(t *Type, nslots int) (Value, error) {
	kind := blockKind(t, nslots)
	if kind == blockNone || nslots != 0 && kind >= blockDictMin || t.Flags&TypeAbstract != 0 {
		return objectNew(in, t, nil, nil)
	}
	o := newInstanceBlock(t, kind)
	o.Header.Type = unsafe.Pointer(t)
	if err := in.accountInstance(&o.Header, t, instanceSize); err != nil {
		return Value{}, err
	}
	o.Header.SetFlags(alloc.FlagContainer | alloc.Flags(kind)<<flagBlockShift)
	switch kind {
	case blockPlain:
		return valueOf(o), nil // no attributes yet: the first store makes its dict
	case blockSlots2, blockSlots4, blockSlots8:
		o.slots = blockSlots(o, kind)[:nslots:nslots]
		return valueOf(o), nil
	}
	d, ents, idx := blockDict(o, kind)
	setEmptyIndices(idx)
	tables := uintptr(len(idx))*4 + uintptr(cap(ents))*unsafe.Sizeof(dictEntry{})
	if in.accountPrivateDict(d, dictSize+tables) {
		d.indices, d.entries = idx, ents
		d.shape = t.shapes
		d.recycle = dictInBlock
		o.dict = valueOf(d)
	}
	return valueOf(o), nil
}

// attachInstanceDict gives the new instance o of t the dict d made with
// it (newInstanceBlock), empty and of t's root shape and private to o,
// accounting it and its tables at once (the bytes dictDealloc frees).
// On a failure o keeps no dict: the first store makes one.
func (in *Interp) attachInstanceDict(o *Instance, t *Type, d *Dict, ents []dictEntry, idx []int32) {
	tables := uintptr(len(idx))*4 + uintptr(cap(ents))*unsafe.Sizeof(dictEntry{})
	if sameTraverse(t.traverse, objectType.traverse) {
		if !in.accountPrivateDict(d, dictSize+tables) {
			return
		}
	} else if in.account(&d.Header, dictType, dictSize+tables) != nil {
		return // a traverse that does not know private dicts: an ordinary one
	} else {
		d.Header.SetFlags(alloc.FlagContainer)
	}
	setEmptyIndices(idx)
	d.indices, d.entries = idx, ents
	d.shape = t.shapes
	d.recycle = dictInBlock
	o.dict = valueOf(d)
}

// flagDictPrivate marks the dict made in an instance's block while no
// code but its instance's has seen it: the cycle finder does not track
// it, and the instance's traverse visits the dict's values as its own,
// the way CPython 3.12 treats an instance's inline values before
// anything asks for its __dict__. Such a dict is not a container for
// the finder (no FlagContainer): it costs no link and unlink in the
// young generation, no examination in each young collection, and it
// does not count toward generation 0's threshold, so an instance with
// its dict counts as one allocation, as in CPython.
//
// Every path that hands the dict's Value to code that may keep it (the
// __dict__ getter: vars(), copy and pickle go through it) calls
// publishDict first, which makes it an ordinary tracked dict for good.
// A path that missed that would cost at most a leak, never a wrong
// free: the instance visits the dict's values only while the dict's
// count is 1, the reference its instance holds (privateDict), so a
// dict held elsewhere keeps its values reachable.
//
// It shares its bit with flagTupleInline, which only tuples carry: the
// code that reads that bit on any object does so only for containers,
// and a private dict is none.
const flagDictPrivate = flagTupleInline

// accountPrivateDict accounts the dict d made in an instance's block,
// of size bytes with its first tables, as a private dict
// (flagDictPrivate), and reports whether the memory limit allowed it.
func (in *Interp) accountPrivateDict(d *Dict, size uintptr) bool {
	h := &d.Header
	h.Type = unsafe.Pointer(dictType)
	if !in.heap.TryAccount(h, dictType.class, size) {
		if err := in.heap.Account(h, dictType.class, size); err != nil {
			return false
		}
	}
	h.SetFlags(flagDictPrivate)
	return true
}

// privateDict returns the dict in dv, an instance's __dict__ field,
// when it is private (flagDictPrivate) and only the instance holds it:
// its values are then the instance's to visit. It returns nil for
// anything else.
func privateDict(dv Value) *Dict {
	h := dv.Header()
	if h == nil || h.Flags()&flagDictPrivate == 0 || h.Refs() != 1 {
		return nil
	}
	return asObject[Dict](dv)
}

// visitPrivateValues calls visit for each value of the private dict d
// that is a container. Its keys are attribute names, strs, which are
// never containers.
func visitPrivateValues(d *Dict, visit func(*alloc.Header)) {
	for _, e := range d.ownedEntries() {
		if h := e.value.Header(); !e.key.IsNil() && h != nil && h.Flags()&alloc.FlagContainer != 0 {
			visit(h)
		}
	}
}

// publishDict makes the instance dict dv, about to be handed to code
// that may keep it, an ordinary container if it was private: tracked by
// the cycle finder from now on (counted as an allocation, as CPython
// counts the dict it materializes) and visited by its instance as a
// reference.
func (in *Interp) publishDict(dv Value) {
	h := dv.Header()
	if h == nil || h.Flags()&flagDictPrivate == 0 {
		return
	}
	h.ClearFlags(flagDictPrivate)
	if in.gc != nil {
		in.gc.TrackNew(h)
	}
}

// flagBlockClassHeld marks a dead instance whose block's dict is still
// alive but garbage the cycle finder is about to release: the instance's
// dict field then holds its class, with a reference, for the dict's
// dealloc to recycle the block into (blockDictDied).
const flagBlockClassHeld = alloc.Flags(1) << (flagBlockShift + 5)

// releaseBlockDict releases the dict of the dying instance o, whose
// block is of a dict kind, when o holds the last reference to its
// block's dict: it does what Interp.dealloc and dictDealloc would, but
// what zeroBlock clears when the block is recycled, and reports true.
// It changes nothing and reports false for a dict that lives on, one
// o no longer holds, or one whose death needs dealloc's slow path.
func (in *Interp) releaseBlockDict(o *Instance, kind uint8) bool {
	d, _, _ := blockDict(o, kind)
	h := &d.Header
	if o.dict.p != unsafe.Pointer(d) || h.Refs() != 1 || d.shared ||
		h.Flags()&(flagWeakrefs|flagDetHashed|alloc.FlagImmortal) != 0 {
		return false
	}
	alloc.DecRef(h)
	if h.Flags()&alloc.FlagContainer != 0 && !in.gc.TryUntrack(h) {
		in.gc.Untrack(h)
	}
	o.dict = Value{}
	for _, e := range d.entries {
		if !e.key.IsNil() {
			in.decRef(e.key)
			in.decRef(e.value)
		}
	}
	in.heap.Free(h, dictSize+uintptr(len(d.indices))*4+uintptr(cap(d.entries))*unsafe.Sizeof(dictEntry{}))
	if r := d.recycle &^ dictInBlock; r != 0 {
		// Tables it grew into: dictDealloc's recycling.
		indices, entries := d.indices, d.entries
		d.indices, d.entries = nil, nil
		in.recycleDict(d, r, indices, entries)
	}
	return true
}

// recycleInstance keeps the block of the instance o of t, just freed,
// in t's free list when it can be reused (see the top of this file),
// and reports whether it did.
func (in *Interp) recycleInstance(t *Type, o *Instance, kind uint8) bool {
	if t.Header.Flags()&alloc.FlagImmortal != 0 {
		return false // a class other interpreters may see
	}
	if kind >= blockDictMin {
		d, _, _ := blockDict(o, kind)
		if d.Header.Refs() != 0 || d.Header.Flags()&alloc.FlagImmortal != 0 {
			if cycles.Held(&d.Header) {
				// The instance died in a collection, and its dict
				// goes next: the dict finishes the job.
				incRef(valueOf(t))
				o.dict = Value{p: unsafe.Pointer(t)}
				o.Header.SetFlags(flagBlockClassHeld)
			}
			return false // else the dict lives on: Go's collector frees the block
		}
	}
	f := &t.freeBlocks
	if f.kind != kind {
		if len(f.blocks) > 0 && kind != blockKind(t, t.slotCount()) {
			return false // a kind t no longer makes
		}
		clear(f.blocks)
		f.blocks = f.blocks[:0]
		f.kind = kind
	}
	size := blockSizes[kind]
	if uintptr(len(f.blocks)+1)*size > maxFreeBlockBytes {
		return false
	}
	zeroBlock(o, kind)
	f.blocks = append(f.blocks, o)
	return true
}

// blockDictDied recycles the block of the dict d, just freed, when its
// instance died first in a collection (flagBlockClassHeld).
func (in *Interp) blockDictDied(d *Dict) {
	o := (*Instance)(unsafe.Add(unsafe.Pointer(d), -int(blockDictOffset)))
	if o.Header.Flags()&flagBlockClassHeld == 0 {
		return // the instance lives, or its block is left to Go
	}
	t := (*Type)(o.dict.p)
	o.dict = Value{}
	o.Header.ClearFlags(flagBlockClassHeld)
	in.recycleInstance(t, o, uint8((o.Header.Flags()&flagBlockMask)>>flagBlockShift))
	in.decRef(valueOf(t))
}

// zeroBlock zeroes the block of o, whose objects are dead, keeping an
// rcdebug build's marks that they are freed.
func zeroBlock(o *Instance, kind uint8) {
	oh := o.Header
	alloc.CheckFreed(&o.Header)
	var d *Dict
	var dh alloc.Header
	if kind >= blockDictMin {
		d, _, _ = blockDict(o, kind)
		alloc.CheckFreed(&d.Header)
		dh = d.Header
	}
	p := unsafe.Pointer(o)
	switch kind {
	case blockPlain:
		*o = Instance{}
	case blockSlots2:
		*(*instanceSlots2)(p) = instanceSlots2{}
	case blockSlots4:
		*(*instanceSlots4)(p) = instanceSlots4{}
	case blockSlots8:
		*(*instanceSlots8)(p) = instanceSlots8{}
	case blockDict1:
		*(*dictBlock1)(p) = dictBlock1{}
	case blockDict2:
		*(*dictBlock2)(p) = dictBlock2{}
	case blockDict3:
		*(*dictBlock3)(p) = dictBlock3{}
	case blockDict4:
		*(*dictBlock4)(p) = dictBlock4{}
	case blockDict5:
		*(*dictBlock5)(p) = dictBlock5{}
	case blockDict6:
		*(*dictBlock6)(p) = dictBlock6{}
	case blockDict7:
		*(*dictBlock7)(p) = dictBlock7{}
	case blockDict9:
		*(*dictBlock9)(p) = dictBlock9{}
	case blockDict10:
		*(*dictBlock10)(p) = dictBlock10{}
	case blockDict21:
		*(*dictBlock21)(p) = dictBlock21{}
	case blockDict42:
		*(*dictBlock42)(p) = dictBlock42{}
	}
	alloc.Repoison(&o.Header, oh)
	if d != nil {
		alloc.Repoison(&d.Header, dh)
	}
}
