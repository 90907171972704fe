package interp

// More of the exported API, for the _testcapi module
// (interp/modules/testcapi*.go), whose functions reach C-API operations
// that Python code cannot name: a dict lookup with a hash the caller
// gives, and the generator type test of the "O!" argument format.

// DictGetKnownHash is CPython's _PyDict_GetItem_KnownHash: d[key] looked
// up under hash as given (not hash(key)), borrowed; ok is false when no
// key with that hash compares equal. Comparing keys may run Python code
// and raise.
func (in *Interp) DictGetKnownHash(d *Dict, key Value, hash int64) (v Value, ok bool, err error) {
	_, ix, err := in.dictLookup(d, key, hash)
	if err != nil || ix < 0 {
		return Value{}, false, err
	}
	return d.entries[ix].value, true, nil
}

// IsGenerator reports whether v is a generator (PyGen_Check; coroutines
// and async generators are not).
func IsGenerator(v Value) bool { return v.Type() == generatorType }
