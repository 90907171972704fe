package interp

// The part of the exported API that the _hashlib module needs: bytes
// objects whose size is checked before their memory is taken (an
// extendable-output digest or a derived key may be asked for gigabytes).

// AllocBytes returns a new bytes object of n zero bytes and its buffer,
// for the caller to fill before the object is used anywhere else. A
// size past the interpreter's limits is a MemoryError, raised before
// the buffer is allocated.
func (in *Interp) AllocBytes(n int) (Value, []byte, error) { return in.allocBytes(false, n) }
