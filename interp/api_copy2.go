package interp

// More of what runtime's copy-on-send needs (api_copy.go): a dict read
// as one slice of pairs, and a dict made at the size it will have.

// DictPairs appends the keys and values of d to dst, alternating (key,
// value, key, value, ...), borrowed: valid until d changes.
func DictPairs(d *Dict, dst []Value) []Value {
	for _, e := range d.entries {
		if !e.key.IsNil() {
			dst = append(dst, e.key, e.value)
		}
	}
	return dst
}

// NewDictSized returns a new empty dict with room for n items, so that
// filling it does not grow it.
func (in *Interp) NewDictSized(n int) (Value, error) {
	v, err := in.NewDict()
	if err != nil || n <= 0 {
		return v, err
	}
	if err := in.dictGrowFor(asObject[Dict](v), n); err != nil {
		in.decRef(v)
		return Value{}, err
	}
	return v, nil
}
