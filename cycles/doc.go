// Package cycles implements the cycle finder: it finds groups of container
// objects that refer to each other but that nothing else refers to, runs
// their finalizers (__del__), and frees them. Reference counting frees
// everything else; this package exists only for cycles.
//
// Like an Allocator, a Collector belongs to one interpreter and must only
// run while that interpreter's GIL is held. Package cycles may import alloc
// and nothing else of ours; the interpreter describes its objects through
// the Ops interface.
//
// # Algorithm
//
// The collector follows CPython 3.12's generational collector. Every
// tracked container sits in one of three generations, doubly linked through
// its alloc.GCLink; new containers go to generation 0. Collecting
// generation g takes generations 0..g together and:
//
//  1. copies each object's reference count into GCRefs;
//  2. traverses each object and subtracts one from GCRefs for every
//     reference it holds to an object of the set. What remains counts the
//     references from outside the set;
//  3. marks reachable every object whose GCRefs stays above zero and,
//     transitively, everything it refers to (without recursion: objects
//     are moved between two lists, as CPython's move_unreachable does);
//  4. moves the reachable objects to generation g+1 (generation 2 stays
//     where it is);
//  5. takes a reference on every unreachable object, so that nothing is
//     freed before the collector lets go, and runs the finalizers that
//     have not run yet, each at most once (PEP 442: FlagFinalized);
//  6. if any finalizer ran, computes reachability again among the garbage:
//     an object a finalizer stored somewhere (resurrected), and everything
//     it reaches, survives untouched and moves to the older generation;
//  7. calls Ops.Clear on every remaining object, then drops the
//     collector's reference on each (Ops.DecRef), which frees it. Each
//     object is first moved to the older generation, so an object that
//     something still holds after Clear stays tracked and alive, and the
//     collector never touches an object after that DecRef.
//
// Automatic collections follow CPython's counts and thresholds (700, 10,
// 10): Allocated counts container allocations (Untrack counts
// deallocations back), generation 0 is collected when its count passes its
// threshold, and an older generation when the number of collections of the
// generation below it passes its threshold; a full collection also waits
// until the objects that reached generation 2 since the last one are a
// quarter of those that were there (CPython's long_lived_pending
// heuristic, which keeps full collections from going quadratic).
//
// The collector is re-entrant-safe. Finalizers, Clear and the deallocs
// that DecRef starts run interpreter code: it may allocate and Track new
// objects (they go to generation 0 and are not part of the running
// collection), free and Untrack other objects, call Collect (which returns
// at once with an empty Result while a collection runs), and even Untrack a
// garbage object the collector holds (the collector then drops its
// reference at the end of the collection). If an Ops method panics, the
// collector puts every object it was working on back in the oldest
// generation, forgets its marks, and releases the references it held at the
// start of its next collection; the panic goes on.
//
// # Integrating it
//
// The interpreter must:
//
//   - give every container type an alloc.GCLink right after its Header and
//     set FlagContainer before calling Track;
//   - call Allocated once for every container it allocates, before the new
//     object is tracked. A collection may run inside it, with finalizers;
//     to run them only at safe points instead, set Options.Schedule and
//     call CollectDue from the eval breaker (recommended: CPython 3.12
//     does so);
//   - call Track once the object is fully built, and Untrack first thing
//     in its dealloc, before releasing what the object holds and before
//     Free; and Untrack before MakeImmortal (immortal objects are never
//     tracked; an immortal object found in a generation is dropped from
//     it);
//   - implement Ops: Traverse must report exactly the counted references
//     the object owns to other heap objects (not immortal ones, though
//     those are skipped anyway), must not change any count, allocate, run
//     Python code or untrack anything; Clear must leave a valid object;
//   - map the gc module onto Collect, SetEnabled, SetThresholds, Counts,
//     Stats, Objects, Freeze and Unfreeze. gc.collect returns
//     Collected+Uncollectable.
//
// # Incremental collection (not done yet)
//
// Today a collection of generation 2 examines the whole heap in one pause;
// Result.Pause and Stats record every pause. The goal (DESIGN.md) is to
// bound it, as CPython 3.14.0 did for a while, by splitting the old
// generation into increments. That will need:
//
//   - two old spaces, "pending" and "visited", and a bit in GCBits telling
//     which one an object is in (flipped wholesale when pending empties,
//     which ends one full scavenge);
//   - each automatic collection to take generation 0 plus an increment of
//     pending objects: the oldest pending object and everything it reaches
//     transitively that is still pending, so that a garbage cycle is never
//     split between two increments (splitting it would make its members
//     look referenced from outside). The increment's size is the work
//     budget: about the number of new objects plus about 1% of the heap,
//     so that scanning outpaces promotion;
//   - survivors of an increment to move to "visited", and garbage to be
//     handled exactly as now (steps 5 to 7 work on any set);
//   - optionally, a marking step at the start of each scavenge that marks
//     visited whatever the roots (modules, frames) reach, so that the
//     increments only look at the rest;
//   - Collect(1) to mean one increment, and Collect(2) to stay a full
//     collection.
//
// CPython reverted this in 3.13.0rc3 and again in 3.14.5 because total
// collection time and memory use grew on some programs while pauses
// shrank; measure both before switching (see
// /work/shared/research/cpython.md, section 4).
//
// Other things left: weak references (clearing them and running their
// callbacks before finalizers), gc.callbacks, gc.garbage and DEBUG_SAVEALL
// (Result.Uncollectable is always 0: with PEP 442 finalizers every
// unreachable object is collectable), and CPython's trick of untracking
// tuples and dicts that can never be part of a cycle.
package cycles
