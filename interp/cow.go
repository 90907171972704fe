package interp

// Copy-on-write namespaces. A dict made from a sealed namespace template
// with private keys (fillDict; the builtins module's) starts with the
// template's index table and entry array themselves rather than copies:
// the keys and values there are immortal, so the dict owns no references
// through them, and until the program changes the dict nothing tells the
// two apart. The first change (a set, a delete, a popitem, a rebuild,
// finalization's emptying) calls own, which copies both arrays; entry
// positions stay where they were, so the dict's Version and keysVersion
// move exactly as they would have without the sharing. Most interpreters
// never assign to a builtin, so their builtins namespace costs neither
// the copy nor the Go collector's scanning of it, and Close does not
// visit its entries.
//
// The bytes of the copy are accounted to the interpreter when the dict
// is made (as if it were copied then), so a MemoryLimit is met or missed
// at the same point, and own never fails. A shared entry array's
// capacity is the one an owned array of that table size has (seal makes
// it so), which every size computation in dict.go relies on. sys is not
// shared: New sets a score of its names at once, which would copy it
// anyway.

// own gives d its own index table and entry array if it still shares a
// template's. Every change to d.indices or d.entries must come after it.
func (d *Dict) own() {
	if !d.shared {
		return
	}
	d.indices = append(make([]int32, 0, len(d.indices)), d.indices...)
	d.entries = append(make([]dictEntry, 0, cap(d.entries)), d.entries...)
	d.shared = false
}

// privateKeys gives the sealed template t keys of its own: immortal strs
// equal to the interned names (same hash, so the index table stands) but
// not the same objects, and marks it private, so that dicts made from it
// share its arrays. The specializer's attribute-store hint writes an
// entry in place, without own, once the key at the hinted position is the
// very str the code names (interned); a private key never is, so such a
// store goes through DictSet, which owns the dict first. Lookups compare
// equal strs by content, as for any str key.
func (t *nsTemplate) privateKeys() *nsTemplate {
	for i := range t.entries {
		e := &t.entries[i]
		e.key = newImmortalStr(e.key.GoString())
	}
	t.private = true
	return t
}

// ownedEntries returns the entries whose keys and values d holds
// references to: none while it shares a template's (all immortal), so
// that freeing or emptying it does not visit them.
func (d *Dict) ownedEntries() []dictEntry {
	if d.shared {
		return nil
	}
	return d.entries
}
