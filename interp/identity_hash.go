package interp

// identityHash is object.__hash__: from the object's address, as
// CPython's _Py_HashPointer (the address rotated by 4 bits).
func identityHash(in *Interp, v Value) (int64, error) {
	if in.det != nil {
		return in.det.identityHash(v), nil
	}
	return pointerHash(v), nil
}

// pointerHash is identityHash outside the deterministic scheduler.
func pointerHash(v Value) int64 {
	p := uint64(uintptr(v.p))
	return int64(p>>4 | p<<60)
}

// noneHash is hash(None): a constant in CPython 3.12.
const noneHash = 4238894112

func init() {
	objectType.hash = identityHash
	typeType.hash = identityHash
	noneType.hash = func(in *Interp, v Value) (int64, error) { return noneHash, nil }
	// Built-in types whose instances compare by identity hash by it too;
	// a nil hash slot would make them unhashable.
	for _, t := range []*Type{
		notImplType, ellipsisType, functionType, builtinFunctionType,
		methodDescrType, getsetDescrType, memberType, codeType, moduleType,
		cellType, generatorType, staticMethodType, classMethodType,
		propertyType, superType, seqIterType, rangeIteratorType,
		listIteratorType, tupleIteratorType,
	} {
		if t.hash == nil {
			t.hash = identityHash
		}
	}
	boundMethodType.hash = func(in *Interp, v Value) (int64, error) {
		m := asObject[BoundMethod](v)
		h1, _ := identityHash(in, m.self)
		h2, err := in.Hash(m.fn)
		if err != nil {
			return 0, err
		}
		h := h1 ^ h2
		if h == -1 {
			h = -2
		}
		return h, nil
	}
}

func init() {
	// Exceptions hash and compare by identity, and have a __dict__.
	for _, t := range exceptionTypes {
		t.hash = identityHash
	}
	baseExceptionType.attrs["__dict__"] = instanceAttrDescrs["__dict__"]
}

// inheritedHash is the hash a built-in type without a hash slot of its
// own gets from its bases, as CPython's inherit_slots copies tp_hash
// with tp_richcompare: a type that defines neither hashes as its base
// does (a file, a coroutine or a socket by identity, like object), one
// that compares by value without a hash (list) is unhashable, and so are
// its subtypes. The slot is looked up here rather than copied into the
// type so that a class's own __hash__ further along its MRO still wins
// (slotSource takes a built-in type's slot as its own).
func inheritedHash(t *Type) func(in *Interp, v Value) (int64, error) {
	for b := t; b != nil; b = b.Base {
		if b.hash != nil {
			return b.hash
		}
		if b.compare != nil {
			return nil
		}
	}
	return nil
}
