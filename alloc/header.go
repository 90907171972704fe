package alloc

import "unsafe"

// Header begins every heap object. The interpreter declares each object
// type as a Go struct whose first field is a Header, so a pointer to the
// Header is also a pointer to the object, and Go's collector sees a real
// pointer to the start of the allocation.
//
// A Header is 16 bytes (24 when built with rcdebug, which adds the owning
// Allocator). Its count and flags are written only by the interpreter that
// owns the object, except for immortal objects, which nobody writes once
// they are shared.
type Header struct {
	dbg debugLink // zero-sized unless built with rcdebug

	// Type is the object's type: the interpreter's *Type, opaque to alloc.
	Type unsafe.Pointer

	refs  int32 // reference count; meaningless when FlagImmortal is set
	class Class // accounting class, set by Allocator.Account
	flags Flags
}

// HeaderSize is the size of a Header in this build.
const HeaderSize = unsafe.Sizeof(Header{})

// Flags are the bits of a Header's flag word.
type Flags uint16

const (
	// FlagImmortal marks an object whose count is never read or written:
	// IncRef and DecRef return at once. Immortal objects may be seen by
	// several interpreters.
	FlagImmortal Flags = 1 << iota
	// FlagContainer marks an object that can refer to other objects and
	// embeds a GCLink right after its Header, for the cycle finder.
	FlagContainer
	// FlagFinalized marks an object whose finalizer (__del__) has run,
	// so that a resurrected object is not finalized twice.
	FlagFinalized
	// FlagFreed marks an object returned to its allocator. Only rcdebug
	// builds set it; IncRef and DecRef then report any use after free.
	FlagFreed

	// FlagUser is the lowest flag left to the interpreter: alloc gives no
	// meaning to it or to the bits above it.
	FlagUser Flags = 1 << 8
)

// Refs returns the object's reference count. It is meaningless for an
// immortal object.
func (h *Header) Refs() int32 { return h.refs }

// Class returns the accounting class the object was counted under.
func (h *Header) Class() Class { return h.class }

// Flags returns the object's flags.
func (h *Header) Flags() Flags { return h.flags }

// Has reports whether every flag in f is set.
func (h *Header) Has(f Flags) bool { return h.flags&f == f }

// SetFlags sets the flags in f. It must not be called on an immortal
// object that other interpreters may already see.
func (h *Header) SetFlags(f Flags) { h.flags |= f }

// ClearFlags clears the flags in f, with the same restriction as SetFlags.
func (h *Header) ClearFlags(f Flags) { h.flags &^= f }

// IncRef takes a new reference to the object. It does nothing to an
// immortal object. Counts are not atomic: only the interpreter that owns
// the object may call it.
func IncRef(h *Header) {
	if h.flags&FlagImmortal != 0 {
		return
	}
	if Debug && h.flags&FlagFreed != 0 {
		misuse(h, "IncRef on a freed object")
		return
	}
	h.refs++
}

// DecRef releases a reference to the object and reports whether it was
// the last: the caller must then run the type's dealloc, which releases
// what the object owns, and give the object back with Allocator.Free.
// It does nothing to an immortal object.
func DecRef(h *Header) (dead bool) {
	if h.flags&FlagImmortal != 0 {
		return false
	}
	if Debug && (h.flags&FlagFreed != 0 || h.refs <= 0) {
		badDecRef(h)
		return false
	}
	h.refs--
	return h.refs == 0
}

// MakeImmortal makes the object immortal. It must happen before the
// object is shared with another interpreter. An immortal object is outside
// every allocator's accounting: if it was counted by Account, call Free
// after MakeImmortal, which then only takes it out of the counts.
func MakeImmortal(h *Header) { h.flags |= FlagImmortal }

// GCLink holds what the cycle finder (package cycles) keeps in every
// container object. A container type embeds it right after its Header
// and sets FlagContainer. alloc never reads or writes a GCLink.
//
// GCNext and GCPrev link the object into one of the finder's doubly-linked
// lists (a generation, or a working list during a collection); they are
// real Go pointers, so a tracked object stays reachable for Go's collector
// until the finder unlinks it, which its dealloc must have done before
// Free. GCRefs is the finder's scratch count (the object's count minus the
// references found inside the list being examined); GCBits holds the
// finder's own marks. The names carry a GC prefix because they are
// promoted into every container type, beside Header's methods.
type GCLink struct {
	GCNext, GCPrev *Header
	GCRefs         int32
	GCBits         uint32
}

// Link returns the GCLink that follows h. h must begin a container object:
// one whose Go struct has a GCLink as its second field.
func Link(h *Header) *GCLink {
	return (*GCLink)(unsafe.Add(unsafe.Pointer(h), HeaderSize))
}
