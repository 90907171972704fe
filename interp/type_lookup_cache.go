package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// A class remembers its last MRO lookups (CPython's method cache, kept
// per class here: classes belong to one interpreter, while the built-in
// types every interpreter shares must stay read-only). A lookup through a
// class otherwise probes the namespace of every class in its MRO and
// then a built-in type's Go map: getattr(obj, "__deepcopy__", None),
// hasattr and every attribute load that the specializer does not handle
// pay that walk, present or missing.
//
// An entry is valid while the class's Version and its own namespace's
// Version are those the lookup saw before it began: a change to a class's
// namespace through type.__setattr__ gives it and its subclasses new
// versions (typeModified), and the namespace's Version also catches a
// change written to the class's own dict directly (class creation, the
// __module__ and __doc__ setters). Only immortal strs are keys, so a key's
// address names it for good; the value is borrowed from the namespace
// that holds it, which cannot let go of it without a version changing.

// lookupCacheSize is the number of entries of a class's cache, a power
// of two.
const lookupCacheSize = 16

type lookupEntry struct {
	name     unsafe.Pointer // the immortal str looked up; nil: unused
	tversion uint32         // the class's Version
	dversion uint64         // its namespace's Version
	value    Value          // borrowed; nil: not found
}

// lookupCache is a class's cache: entries keyed by immortal strs, and
// entries keyed by the Go strings of lookupString, whose callers pass
// constants, so that the string's address names it and a hit costs a
// pointer comparison (a string at a reused address is still compared by
// content).
type lookupCache struct {
	byValue  [lookupCacheSize]lookupEntry
	byString [lookupCacheSize]lookupStringEntry
}

type lookupStringEntry struct {
	name     string
	tversion uint32
	dversion uint64
	value    Value
}

// lookupCached is lookup through the cache of class t (t.dict set,
// Version not 0) for the immortal str name.
func (in *Interp) lookupCached(t *Type, name Value) (Value, error) {
	c := t.lookupCache
	if c == nil {
		c = new(lookupCache)
		t.lookupCache = c
	}
	// Fibonacci hashing of the address: strs are 8-aligned and nearby.
	e := &c.byValue[cacheSlot(name.p)]
	tv, dv := t.Version, t.dict.Version
	if e.name == name.p && e.tversion == tv && e.dversion == dv {
		return e.value, nil
	}
	v, err := in.lookupMRO(t, name)
	if err != nil {
		return v, err
	}
	// The versions read before the walk: if the walk ran code that
	// changed a namespace, the entry is stale at once, never wrong.
	*e = lookupEntry{name: name.p, tversion: tv, dversion: dv, value: v}
	return v, nil
}

// lookupStringCached is lookupString through the cache of class t
// (t.dict set, Version not 0).
func (in *Interp) lookupStringCached(t *Type, name string) (Value, error) {
	c := t.lookupCache
	if c == nil {
		c = new(lookupCache)
		t.lookupCache = c
	}
	e := &c.byString[cacheSlot(unsafe.Pointer(unsafe.StringData(name)))]
	tv, dv := t.Version, t.dict.Version
	if e.tversion == tv && e.dversion == dv && e.name == name && e.name != "" {
		return e.value, nil
	}
	v, err := in.lookupMRO(t, internName(name))
	if err != nil {
		return v, err
	}
	*e = lookupStringEntry{name: name, tversion: tv, dversion: dv, value: v}
	return v, nil
}

// cacheSlot is the entry of a cache for a key at address p: Fibonacci
// hashing, since keys are 8-aligned and often near each other.
func cacheSlot(p unsafe.Pointer) uint64 {
	return (uint64(uintptr(p)) * 0x9e3779b97f4a7c15) >> (64 - 4)
}

// cacheableName reports whether name can key a lookup cache: an
// immortal str (every name in code and every name Go code interns).
func cacheableName(name Value) bool {
	return name.IsObject() && name.Type() == strType && name.Header().Has(alloc.FlagImmortal)
}
