package alloc

// Free lists kept outside this package (an interpreter keeping dead
// objects' memory with their class, say) zero what they keep as Pool.Put
// does. In rcdebug builds they should also keep a pooled object marked
// freed, so that a use after free is still reported until Account starts
// the object again; the two functions below do that, and nothing in
// normal builds.

// CheckFreed reports (in rcdebug builds) an object h that is about to be
// kept in a free list while it is still live: one that was accounted and
// not given back with Free.
func CheckFreed(h *Header) {
	if Debug {
		checkPut(h)
	}
}

// Repoison marks the zeroed Header h freed again, as old (its value
// before zeroing) was, in rcdebug builds. An object never accounted
// (old has no Allocator) stays as it is: it was never live.
func Repoison(h *Header, old Header) {
	if Debug && old.dbg.allocator() != nil {
		repoison(h, old)
	}
}
