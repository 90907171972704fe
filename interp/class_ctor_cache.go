package interp

// Calling a class (heapConstruct) looks up __new__ and __init__ through
// its MRO, and object.__new__ with arguments checks which of the two the
// class overrides: four walks of the MRO per instance made outside the
// specialized CALL_ALLOC_AND_ENTER_INIT path (a class called from Go,
// map(cls, ...), a call the specializer gave up on). A class remembers
// the answers for as long as its Version and its namespace's Version stay
// those the walks saw, as its lookup cache does (type_lookup_cache.go):
// a change to __new__ or __init__ anywhere in the MRO changes one of them.

// classStamp is the state of a class that a per-class cache of MRO
// lookups holds for: the class's Version and its namespace's Version
// when the lookups began. The zero stamp is no class's.
type classStamp struct {
	tversion uint32
	dversion uint64
}

// stampOf returns t's stamp, and whether t can keep a cache of its own
// (a class with a version and a namespace).
func stampOf(t *Type) (s classStamp, ok bool) {
	if t.Version == 0 || t.dict == nil || t.Flags&TypeHeapType == 0 {
		return classStamp{}, false
	}
	return classStamp{t.Version, t.dict.Version}, true
}

// ctorCache is what calling a class needs from its MRO.
type ctorCache struct {
	stamp classStamp // when filled; zero: empty
	// newAttr and initAttr are __new__ and __init__ as lookupString
	// finds them, borrowed from the namespace that holds them.
	newAttr, initAttr Value
	// overridesNew and overridesInit: a class in the MRO defines the
	// name in its own namespace (overrides).
	overridesNew, overridesInit bool
}

// Interned names of the constructor dunders.
var dunderNewName, dunderInitName Value

func init() {
	dunderNewName = internName("__new__")
	dunderInitName = internName("__init__")
}

// ctorOf returns t's constructor facts, from its cache when that is
// still valid. The result is a copy: the values stay borrowed, valid
// until the class or a base changes.
func (in *Interp) ctorOf(t *Type) (ctorCache, error) {
	c := t.ctor
	stamp, cacheable := stampOf(t)
	if cacheable && c.stamp == stamp {
		return c, nil
	}
	var err error
	if c.newAttr, err = in.lookup(t, dunderNewName); err != nil {
		return ctorCache{}, err
	}
	if c.initAttr, err = in.lookup(t, dunderInitName); err != nil {
		return ctorCache{}, err
	}
	c.overridesNew = in.overridesName(t, dunderNewName)
	c.overridesInit = in.overridesName(t, dunderInitName)
	// The stamp read before the lookups: one that ran code changing a
	// namespace leaves the cache stale at once, never wrong.
	c.stamp = stamp
	if now, _ := stampOf(t); cacheable && now == stamp {
		t.ctor = c
	}
	return c, nil
}

// validFor reports whether c, returned by ctorOf(t), still holds: t
// has not changed since (a Python __new__ may have changed it).
func (c *ctorCache) validFor(t *Type) bool {
	now, ok := stampOf(t)
	return ok && c.stamp == now
}
