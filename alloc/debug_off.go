//go:build !rcdebug

package alloc

// Debug is false in normal builds: every debug check compiles away and a
// Header is 16 bytes. Build with -tags rcdebug to turn the checks on.
const Debug = false

// debugLink is empty in normal builds.
type debugLink struct{}

func (d *debugLink) allocator() *Allocator   { return nil }
func (d *debugLink) setAllocator(*Allocator) {}
