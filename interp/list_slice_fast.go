package interp

// BINARY_SLICE and STORE_SLICE on an exact list whose bounds are unboxed
// ints or None: x[a:b] and x[a:b] = y without a slice object. Such bounds
// run no __index__, so unpacking them cannot fail or change the list;
// anything else (a list subclass, which may override __getitem__, a
// bool, a big int, an object with __index__) takes the generic path
// through a slice object.

// plainSliceBounds unpacks a:b when each bound is an unboxed int or None.
func plainSliceBounds(start, stop Value) (u unpackedSlice, ok bool) {
	u.step = 1
	switch {
	case start.IsNone():
		u.noStart = true
	case start.IsSmallInt():
		u.start = start.SmallInt()
	default:
		return u, false
	}
	switch {
	case stop.IsNone():
		u.noStop = true
	case stop.IsSmallInt():
		u.stop = stop.SmallInt()
	default:
		return u, false
	}
	return u, true
}

// listSliceFast is container[start:stop] for BINARY_SLICE when container
// is an exact list and the bounds are plain; ok is false otherwise, and
// the caller takes the generic path. References are borrowed.
func (in *Interp) listSliceFast(container, start, stop Value) (r Value, ok bool, err error) {
	if container.Type() != listType {
		return Value{}, false, nil
	}
	u, ok := plainSliceBounds(start, stop)
	if !ok {
		return Value{}, false, nil
	}
	r, err = in.listSliceUnpacked(asObject[List](container), u)
	return r, true, err
}

// listStoreSliceFast is container[start:stop] = v for STORE_SLICE when
// container is an exact list and the bounds are plain; ok is false
// otherwise. References are borrowed.
func (in *Interp) listStoreSliceFast(v, container, start, stop Value) (ok bool, err error) {
	if container.Type() != listType {
		return false, nil
	}
	u, ok := plainSliceBounds(start, stop)
	if !ok {
		return false, nil
	}
	return true, in.listAssignUnpacked(asObject[List](container), u, v)
}
