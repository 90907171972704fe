package interp

import "unsafe"

// Classes derived from the lazy iterators zip, map, filter and reversed
// (class Z(zip)): an instance is the iterator's Go struct with an
// instance dict after it, so next() and __reduce__ read it unchanged.
// This file owns their __new__ slots and methods, with CPython's rules
// for keyword arguments: zip's strict is always a keyword, while map,
// filter and reversed refuse keywords unless the class has an __init__
// of its own to take them.

func init() {
	subclassDictOffsets[zipType] = unsafe.Offsetof(subInstance[zipObject]{}.dict)
	subclassDictOffsets[mapType] = unsafe.Offsetof(subInstance[mapObject]{}.dict)
	subclassDictOffsets[filterType] = unsafe.Offsetof(subInstance[filterObject]{}.dict)
	subclassDictOffsets[reversedType] = unsafe.Offsetof(subInstance[reversedIter]{}.dict)

	zipType.new = newZip
	mapType.new = keywordsForInit(mapType, "map", newMap)
	filterType.new = keywordsForInit(filterType, "filter", newFilter)
	reversedType.new = keywordsForInit(reversedType, "reversed", reversedNew)
	for _, t := range []*Type{zipType, mapType, filterType, reversedType} {
		defLayoutNew(t, t.new)
	}

	// A reversed object holds its sequence, which may hold it back.
	reversedType.traverse = func(v Value, visit func(Value)) {
		visitSome(visit, asObject[reversedIter](v).seq)
	}
	reversedType.clear = func(in *Interp, v Value) {
		in.clearField(&asObject[reversedIter](v).seq)
	}
}

// keywordsForInit wraps the __new__ of base, which takes no keyword
// arguments: for a class whose __init__ is not base's (object's), the
// keywords are left to that __init__ and newFn does not see them.
func keywordsForInit(base *Type, name string, newFn func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error)) func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	return func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			if in.refusesKeywords(t, base, "__init__") {
				return Value{}, in.raise(typeErrorType, "%s() takes no keyword arguments", name)
			}
			args, kwnames = args[:len(args)-len(kwnames)], nil
		}
		return newFn(in, t, args, kwnames)
	}
}

// reversedNew is reversed.__new__(t, seq): seq.__reversed__() when seq
// has one (then not an instance of t, so no __init__ runs), else a
// reversed object of type t over seq.
func reversedNew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	if err := in.checkArgCount("reversed", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	return in.reversed(t, args[0])
}
