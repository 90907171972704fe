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
