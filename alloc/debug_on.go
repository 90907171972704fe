//go:build rcdebug

package alloc

// Debug is true in builds with the rcdebug tag: freed objects are poisoned
// and misuse of counts is recorded (see Allocator.Reports).
const Debug = true

// debugLink is the rcdebug part of a Header: the Allocator that accounted
// the object, so that IncRef and DecRef, which take no allocator, know
// where to report.
type debugLink struct {
	a *Allocator
}

func (d *debugLink) allocator() *Allocator     { return d.a }
func (d *debugLink) setAllocator(a *Allocator) { d.a = a }
