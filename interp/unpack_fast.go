package interp

import "github.com/parallel-py/parallel/interp/bytecode"

// execUnpackEx is UNPACK_EX (a, *b, c = v): before items, a list of the
// middle, after items, pushed so that the first is on top. An exact list
// or tuple is unpacked straight onto the stack; anything else goes
// through unpackEx's iteration. v is borrowed.
func (in *Interp) execUnpackEx(f *frame, v Value, before, after int) error {
	items, ok := seqItems(v)
	if !ok {
		out, err := in.unpackEx(v, before, after)
		for i := len(out) - 1; err == nil && i >= 0; i-- {
			f.push(out[i])
		}
		return err
	}
	if len(items) < before+after {
		return in.raise(valueErrorType, "not enough values to unpack (expected at least %d, got %d)", before+after, len(items))
	}
	rest, err := in.newListSized(len(items) - before - after)
	if err != nil {
		return err
	}
	copy(rest.items, items[before:len(items)-after])
	for _, x := range rest.items {
		incRef(x)
	}
	for i := len(items) - 1; i >= len(items)-after; i-- {
		incRef(items[i])
		f.push(items[i])
	}
	f.push(valueOf(rest))
	for i := before - 1; i >= 0; i-- {
		incRef(items[i])
		f.push(items[i])
	}
	return nil
}

// unpackItems returns the items UNPACK_SEQUENCE_TWO_TUPLE, _TUPLE or
// _LIST (op) unpacks from v when v is of the type the form expects, or
// nil (the caller also checks the count).
func unpackItems(v Value, op bytecode.Op) []Value {
	if !v.IsObject() {
		return nil
	}
	switch t := v.Type(); {
	case t == tupleType && op != bytecode.UNPACK_SEQUENCE_LIST:
		return asObject[Tuple](v).items
	case t == listType && op == bytecode.UNPACK_SEQUENCE_LIST:
		return asObject[List](v).items
	}
	return nil
}
