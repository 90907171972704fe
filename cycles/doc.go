// Package cycles implements the incremental cycle finder: trial deletion
// over the young generation, then the old generation in bounded
// increments, over container objects that know how to traverse their
// references. It runs finalizers (__del__) and returns freed memory to the
// allocator, and reports the pause time of every increment.
//
// Like an Allocator, a collector belongs to one interpreter and must only
// run while that interpreter's GIL is held. Package cycles may import alloc
// and nothing else of ours.
package cycles
