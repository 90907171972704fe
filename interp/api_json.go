package interp

// More of the exported API, for the _json module (interp/modules/json*.go),
// whose scanner and encoder recurse in Go over nested data and key their
// circular-reference markers by id().

// EnterRecursiveCall counts one level of Go recursion through nested
// data, as CPython's Py_EnterRecursiveCall does: past the limit it
// returns RecursionError "maximum recursion depth exceeded" followed by
// where (" while encoding a JSON object"). Pair a nil answer with
// LeaveRecursiveCall.
func (in *Interp) EnterRecursiveCall(where string) error { return in.enterCall(where) }

// LeaveRecursiveCall undoes an EnterRecursiveCall that succeeded.
func (in *Interp) LeaveRecursiveCall() { in.leaveCall() }

// ID is id(v), a new reference.
func (in *Interp) ID(v Value) (Value, error) { return builtinID(in, []Value{v}, nil) }

// NewStrASCII returns a new str holding s, which the caller has checked
// is all ASCII: it skips NewStr's scan for the length, and one-character
// results are the shared strs.
func (in *Interp) NewStrASCII(s string) (Value, error) { return in.newStrText(s, len(s), true) }

// NewStrCounted returns a new str holding s (valid WTF-8) whose code point
// count n and ASCII-ness the caller already knows, as a scanner that has
// just walked s does: it skips NewStr's scan.
func (in *Interp) NewStrCounted(s string, n int, ascii bool) (Value, error) {
	return in.newStrText(s, n, ascii)
}

// StrOffset returns the byte offset in v.GoString() of code point i of
// the str v (its length in bytes when i is past the end), using and
// building the str's index as indexing does.
func (in *Interp) StrOffset(v Value, i int) int {
	o := asObject[Str](v)
	if i >= o.length {
		return len(o.s)
	}
	return in.cpOffset(o, i)
}

// DictNext is PyDict_Next: the item at or after position *pos of d's
// entries, borrowed, advancing *pos past it; ok is false at the end. A
// change to d between calls does not fail: the walk goes on over what
// the entries then hold, as CPython's does.
func DictNext(d *Dict, pos *int) (key, value Value, ok bool) {
	for i := *pos; i < len(d.entries); i++ {
		if e := &d.entries[i]; !e.key.IsNil() {
			*pos = i + 1
			return e.key, e.value, true
		}
	}
	*pos = len(d.entries)
	return Value{}, Value{}, false
}

// NewListOwned returns a new list of items, taking over the caller's
// references to them (released when it fails), so that a caller that
// gathered the items first makes the list at its size in one step.
func (in *Interp) NewListOwned(items []Value) (Value, error) {
	l, err := in.newListSized(len(items))
	if err != nil {
		for _, v := range items {
			in.decRef(v)
		}
		return Value{}, err
	}
	copy(l.items, items)
	return valueOf(l), nil
}
