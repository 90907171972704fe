package alloc

import (
	"errors"
	"fmt"
	"math"
)

// ErrMemoryLimit is returned when an allocation would take an Allocator
// past its memory limit. The interpreter raises MemoryError for it.
var ErrMemoryLimit = errors.New("alloc: memory limit exceeded")

// Class identifies an accounting class, usually one per object type. Class
// values come from RegisterClass and are valid only with the Allocator that
// returned them.
type Class uint16

// ClassOther is the class every Allocator starts with. RegisterClass
// returns it once the class table is full.
const ClassOther Class = 0

// maxClasses bounds the class table: Class is 16 bits.
const maxClasses = 1 << 16

// maxReports bounds the misuse reports an Allocator keeps.
const maxReports = 1024

// Options configure a new Allocator.
type Options struct {
	// Limit is the most bytes that may be accounted live at once;
	// 0 means no limit.
	Limit int64

	// Classes, if not nil, are the classes the Allocator starts with
	// (ClassOther and then the table's names, numbered in order), so
	// that many allocators share one registry instead of each building
	// its own; RegisterClass adds classes after them.
	Classes *ClassTable
}

// An Allocator accounts the heap objects of one interpreter: it counts
// live objects and bytes per class and in total, enforces the memory
// limit, and, in rcdebug builds, collects reports of count misuse.
//
// The bytes it counts are the sizes its callers declare, not Go's heap:
// the interpreter passes each object's struct size plus the backing
// arrays it owns.
//
// An Allocator belongs to one interpreter and is not safe for concurrent
// use. Two Allocators share nothing they write and may be used from two
// goroutines; they may share a read-only ClassTable.
type Allocator struct {
	// working state, touched by every Account and Free
	bytes int64 // live bytes, all classes
	limit int64 // math.MaxInt64 when there is none
	peak  int64
	// counts is indexed by Class. It grows to the highest class
	// accounted so far, not to every class of the table: a new
	// interpreter uses a dozen of the table's hundreds, and clearing
	// counters it never touches was a measurable part of making one.
	counts []classCounts

	// class registry: the shared table's classes, then the ones this
	// allocator registered itself (names and byName hold only those)
	table  *ClassTable
	names  []string         // Class(len(table.names)+i) is names[i]
	byName map[string]Class // made on the first RegisterClass of a new name

	reports []Report // rcdebug only
}

// classCounts are one class's counters; its live objects are allocs -
// frees. Every Allocator has them for every class of its table, so they
// are kept small.
type classCounts struct {
	bytes  int64
	allocs uint64
	frees  uint64
}

// New returns an Allocator with no live objects and the classes of
// opts.Classes, or the one class ClassOther.
func New(opts Options) *Allocator {
	t := opts.Classes
	if t == nil {
		t = otherOnly
	}
	a := &Allocator{table: t}
	a.SetLimit(opts.Limit)
	return a
}

// SetLimit changes the memory limit; 0 means none. Objects already live
// stay live even if they exceed the new limit.
func (a *Allocator) SetLimit(limit int64) {
	if limit <= 0 {
		limit = math.MaxInt64
	}
	a.limit = limit
}

// RegisterClass returns the class named name, adding it if it is new.
// When all 65536 classes are taken it returns ClassOther.
func (a *Allocator) RegisterClass(name string) Class {
	if c, ok := a.table.byName[name]; ok {
		return c
	}
	if c, ok := a.byName[name]; ok {
		return c
	}
	n := a.numClasses()
	if n == maxClasses {
		return ClassOther
	}
	if a.byName == nil {
		a.byName = make(map[string]Class)
	}
	c := Class(n)
	a.names = append(a.names, name)
	a.byName[name] = c
	return c
}

// numClasses is the number of classes registered, the table's included.
func (a *Allocator) numClasses() int { return len(a.table.names) + len(a.names) }

// ClassName returns the name class was registered with.
func (a *Allocator) ClassName(c Class) string {
	if n := len(a.table.names); int(c) < n {
		return a.table.names[c]
	} else if int(c)-n < len(a.names) {
		return a.names[int(c)-n]
	}
	return fmt.Sprintf("(class %d)", c)
}

// Account counts a new object of size bytes as live under class and
// starts its header: count 1 (the caller's new reference), class set,
// flags clear. If the object would take the allocator past its limit,
// Account returns ErrMemoryLimit and changes nothing.
func (a *Allocator) Account(h *Header, class Class, size uintptr) error {
	if a.TryAccount(h, class, size) {
		return nil
	}
	n := a.bytes + int64(size)
	if n > a.limit {
		return ErrMemoryLimit
	}
	if int(class) >= len(a.counts) {
		a.growCounts(class)
	}
	c := &a.counts[class]
	c.bytes += int64(size)
	c.allocs++
	a.bytes = n
	if n > a.peak {
		a.peak = n
	}
	if Debug {
		a.checkAccount(h)
	}
	h.refs = 1
	h.class = class
	h.flags = 0
	return nil
}

// TryAccount is Account's common case, small enough to be inlined into
// an allocation path: it does what Account does and returns true, or,
// for an object past the limit, a class not counted before, or in an
// rcdebug build, does nothing and returns false, and the caller then
// calls Account.
func (a *Allocator) TryAccount(h *Header, class Class, size uintptr) bool {
	n := a.bytes + int64(size)
	if n > a.limit || int(class) >= len(a.counts) || Debug {
		return false
	}
	c := &a.counts[class]
	c.bytes += int64(size)
	c.allocs++
	a.bytes = n
	if n > a.peak {
		a.peak = n
	}
	h.refs = 1
	h.class = class
	h.flags = 0
	return true
}

// firstCounts is the first size of an Allocator's counters: enough for
// the classes a new interpreter uses (the highest is about 150), so that
// making one grows them once.
const firstCounts = 160

// growCounts makes room for the counters of class and a few after it;
// not double, since the classes a program uses are few and scattered.
func (a *Allocator) growCounts(class Class) {
	n := min(max(int(class)+1+16, firstCounts), a.numClasses())
	a.counts = append(a.counts, make([]classCounts, n-len(a.counts))...)
}

// Resize changes the bytes accounted to a live object from oldSize to
// newSize, as when a list's backing array grows. Growth that would take
// the allocator past its limit returns ErrMemoryLimit and changes nothing.
func (a *Allocator) Resize(h *Header, oldSize, newSize uintptr) error {
	d := int64(newSize) - int64(oldSize)
	n := a.bytes + d
	if d > 0 && n > a.limit {
		return ErrMemoryLimit
	}
	a.counts[h.class].bytes += d
	a.bytes = n
	if n > a.peak {
		a.peak = n
	}
	return nil
}

// Free stops counting the object, whose current size is size. The caller
// then puts the object back in its Pool or drops it. In rcdebug builds
// Free poisons the header (FlagFreed, nil Type) and reports a double free
// or a free of an object whose count is not zero.
func (a *Allocator) Free(h *Header, size uintptr) {
	if Debug && !a.checkFree(h) {
		return
	}
	c := &a.counts[h.class]
	c.bytes -= int64(size)
	c.frees++
	a.bytes -= int64(size)
}

// Bytes returns the bytes accounted live.
func (a *Allocator) Bytes() int64 { return a.bytes }

// Stats are an Allocator's counters at one moment.
type Stats struct {
	Live   int64  // live objects
	Bytes  int64  // live bytes
	Peak   int64  // the most live bytes so far
	Limit  int64  // the memory limit, 0 when there is none
	Allocs uint64 // objects accounted so far
	Frees  uint64 // objects freed so far

	Classes []ClassStats // indexed by Class
}

// ClassStats are one class's counters.
type ClassStats struct {
	Name   string
	Live   int64
	Bytes  int64
	Allocs uint64
	Frees  uint64
}

// Stats returns the allocator's counters, per class and in total.
func (a *Allocator) Stats() Stats {
	s := Stats{
		Bytes:   a.bytes,
		Peak:    a.peak,
		Classes: make([]ClassStats, a.numClasses()),
	}
	if a.limit != math.MaxInt64 {
		s.Limit = a.limit
	}
	for i := range s.Classes {
		s.Classes[i].Name = a.ClassName(Class(i))
	}
	for i, c := range a.counts {
		live := int64(c.allocs - c.frees)
		s.Classes[i] = ClassStats{
			Name:   a.ClassName(Class(i)),
			Live:   live,
			Bytes:  c.bytes,
			Allocs: c.allocs,
			Frees:  c.frees,
		}
		s.Live += live
		s.Allocs += c.allocs
		s.Frees += c.frees
	}
	return s
}

// A Baseline records the live objects of each class at one moment, to be
// compared later with LeaksSince.
type Baseline struct {
	live []int64 // indexed by Class
}

// Baseline returns the live counts of every class now.
func (a *Allocator) Baseline() Baseline {
	b := Baseline{live: make([]int64, len(a.counts))}
	for i, c := range a.counts {
		b.live[i] = int64(c.allocs - c.frees)
	}
	return b
}

// A Leak is a class with more live objects than at a baseline.
type Leak struct {
	Class    Class
	Name     string
	Baseline int64 // live objects at the baseline
	Live     int64 // live objects now
}

func (l Leak) String() string {
	return fmt.Sprintf("%s: %d live, %d at baseline", l.Name, l.Live, l.Baseline)
}

// LeaksSince returns the classes that have more live objects than at b,
// in class order; classes registered after b count from zero.
func (a *Allocator) LeaksSince(b Baseline) []Leak {
	var leaks []Leak
	for i, c := range a.counts {
		var before int64
		if i < len(b.live) {
			before = b.live[i]
		}
		if live := int64(c.allocs - c.frees); live > before {
			leaks = append(leaks, Leak{Class(i), a.ClassName(Class(i)), before, live})
		}
	}
	return leaks
}

// A Report describes one misuse of an object found by an rcdebug build.
type Report struct {
	Class string // the object's accounting class
	What  string // what happened, e.g. "IncRef on a freed object"
	Refs  int32  // the object's count at the time
	Stack string // the Go stack that did it, innermost call first
}

func (r Report) String() string {
	return fmt.Sprintf("%s: %s (count %d)\n%s", r.Class, r.What, r.Refs, r.Stack)
}

// Reports returns the misuse found so far, oldest first: at most the first
// 1024 reports. Normal builds never report.
func (a *Allocator) Reports() []Report {
	return append([]Report(nil), a.reports...)
}
