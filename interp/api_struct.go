package interp

// More of the exported API, for the array module (interp/modules/
// array*.go), whose subscripts take slices: slice objects resolved
// against a length as the built-in sequences resolve them.

// IsSlice reports whether v is a slice object.
func IsSlice(v Value) bool { return v.Type() == sliceType }

// SliceIndices resolves the slice v against a sequence of length n as
// CPython's PySlice_Unpack and PySlice_AdjustIndices do: the first
// index, the bound, the step and how many items they select. The
// slice's parts are converted first (their __index__ may run code).
func (in *Interp) SliceIndices(v Value, n int) (start, stop, step, length int, err error) {
	start, stop, step, err = in.sliceIndices(asObject[Slice](v), n)
	if err != nil {
		return 0, 0, 0, 0, err
	}
	return start, stop, step, sliceLen(start, stop, step), nil
}
