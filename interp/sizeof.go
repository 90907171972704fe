package interp

// Object sizes as CPython 3.12 reports them on a 64-bit build: __sizeof__,
// type.__basicsize__ and __itemsize__, and what sys.getsizeof adds before
// the object. Our Go structs are laid out differently, but programs use
// these numbers to estimate memory (pympler-style walkers, caches with a
// size budget), and CPython's are the ones they are written against, so
// each built-in type reports CPython's layout filled with our contents:
// a list's capacity, a dict's table size, a str's widest character.

// layoutSize is a built-in type's tp_basicsize and tp_itemsize.
type layoutSize struct{ basic, item int64 }

// builtinSizes are CPython 3.12's sizes of the built-in types whose
// instances have no __sizeof__ of their own, or whose own method starts
// from them. A built-in type missing here has no known size:
// object.__sizeof__ raises NotImplementedError for it rather than guess.
var builtinSizes = map[*Type]layoutSize{
	objectType: {16, 0}, noneType: {16, 0}, notImplType: {16, 0}, ellipsisType: {16, 0},
	boolType: {24, 4}, intType: {24, 4}, floatType: {24, 0}, complexType: {32, 0},
	strType: {64, 0}, bytesType: {33, 1}, bytearrayType: {56, 0},
	tupleType: {24, 8}, listType: {40, 0}, dictType: {48, 0},
	setType: {200, 0}, frozensetType: {200, 0},
	rangeType: {48, 0}, sliceType: {40, 0}, moduleType: {56, 0},
	functionType: {144, 0}, builtinFunctionType: {56, 0}, boundMethodType: {48, 0},
	propertyType: {64, 0}, staticMethodType: {32, 0}, classMethodType: {32, 0},
	superType: {40, 0}, cellType: {24, 0}, namespaceType: {24, 0}, mappingProxyType: {24, 0},
	enumerateType: {56, 0}, zipType: {48, 0}, mapType: {32, 0}, filterType: {32, 0}, reversedType: {32, 0},
	listIteratorType: {32, 0}, tupleIteratorType: {32, 0}, rangeIteratorType: {40, 0},
	strASCIIIteratorType: {32, 0}, setIteratorType: {48, 0},
	dictKeysType: {24, 0}, dictValuesType: {24, 0}, dictItemsType: {24, 0},
	dictKeyIterType: {56, 0}, dictValueIterType: {56, 0}, dictItemIterType: {56, 0},
	// Variable-size objects whose items are not a length we keep: their
	// __basicsize__ and __itemsize__ are known, their __sizeof__ is not.
	typeType: {920, 40}, memoryviewType: {144, 8}, generatorType: {144, 8},
	frameObjectType: {120, 8}, codeType: {192, 2},
}

// exceptionSizes are the built-in exceptions whose struct is larger than
// BaseException's 72 bytes, by the base that adds the fields.
var exceptionSizes = map[string]int64{
	"AttributeError": 88, "BaseExceptionGroup": 88,
	"OSError": 112, "UnicodeDecodeError": 112, "UnicodeEncodeError": 112, "UnicodeTranslateError": 112,
	"ImportError": 104, "SyntaxError": 136,
	"NameError": 80, "StopIteration": 80, "SystemExit": 80,
}

// sizeOfType returns t's tp_basicsize and tp_itemsize; ok is false when
// its built-in layout's size is unknown. A class adds 8 bytes for each
// __slots__ member; its __dict__ and weak references live before the
// object in 3.12 (preHeaderSize), not in the basic size.
func sizeOfType(t *Type) (ts layoutSize, ok bool) {
	layout := t
	if t.Flags&TypeHeapType != 0 {
		layout = t.layout
	}
	if ts, ok = builtinSizes[layout]; !ok && layout.IsSubtype(baseExceptionType) {
		ts, ok = layoutSize{72, 0}, true
		for _, b := range t.MRO {
			if n, found := exceptionSizes[b.Name]; found && b.Flags&TypeHeapType == 0 {
				ts.basic = n
				break
			}
		}
	}
	if !ok {
		return layoutSize{}, false
	}
	if t.Flags&TypeHeapType != 0 {
		ts.basic += 8 * int64(t.slotCount())
	}
	return ts, true
}

// preHeaderSize is what sys.getsizeof adds to __sizeof__: the cycle
// finder's header for a container, and two words for a class whose
// instances gained a __dict__ or weak references their built-in base
// lacks (3.12's managed dict and weakref pointers).
func preHeaderSize(t *Type) int64 {
	var n int64
	if typeIsGC(t) {
		n = 16
	}
	if t.Flags&TypeHeapType != 0 && (managedDict(t) || managedWeakref(t)) {
		n += 16
	}
	return n
}

// managedWeakref reports whether class t gave its instances weak
// references their built-in layout lacks (Py_TPFLAGS_MANAGED_WEAKREF).
func managedWeakref(t *Type) bool {
	return t.Flags&TypeWeakrefs != 0 && t.layout.Flags&TypeWeakrefs == 0
}

// managedDict reports whether class t gave its instances a __dict__ their
// built-in layout lacks (3.12's Py_TPFLAGS_MANAGED_DICT).
func managedDict(t *Type) bool {
	l := t.layout
	return t.dictOffset != 0 && l.dictOffset == 0 && !l.IsSubtype(baseExceptionType)
}

// typeIsGC reports CPython's Py_TPFLAGS_HAVE_GC: every class is a
// container in 3.12, and so is every built-in type our cycle finder
// traverses except object itself, whose traverse only serves the
// classes that inherit it, and the types in untracedContainers.
func typeIsGC(t *Type) bool {
	return t.Flags&TypeHeapType != 0 || t.traverse != nil && t != objectType || untracedContainers[t]
}

// untracedContainers are built-in types, iterators and descriptors, that
// are containers in CPython but that our cycle finder does not traverse
// yet (a cycle through one of them is not collected).
var untracedContainers = map[*Type]bool{
	builtinFunctionType: true, methodDescrType: true, classMethodDescrType: true,
	getsetDescrType: true, memberType: true, memoryviewType: true, memIteratorType: true,
	listIteratorType: true, listRevIterType: true, tupleIteratorType: true,
	strIteratorType: true, strASCIIIteratorType: true, bytesIteratorType: true, bytearrayIteratorType: true,
	setIteratorType: true, dictKeyIterType: true, dictValueIterType: true, dictItemIterType: true,
	dictRevKeyIterType: true, dictRevValueIterType: true, dictRevItemIterType: true,
}

// sizeOf calls obj.__sizeof__ for sys.getsizeof and checks its answer as
// CPython's _PySys_GetSizeOf does: an int, not merely an index, that fits
// a Py_ssize_t and is not negative.
func (in *Interp) sizeOf(obj Value) (int64, error) {
	r, found, err := in.callSpecial(obj, "__sizeof__")
	if err == nil && !found {
		err = in.raise(typeErrorType, "Type %s doesn't define __sizeof__", obj.Type().Name)
	}
	if err != nil {
		return 0, err
	}
	defer in.decRef(r)
	if !r.Type().IsSubtype(intType) {
		return 0, in.raise(typeErrorType, "an integer is required")
	}
	n, err := in.seqSsizeArg(r, overflowSsize)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, in.raise(valueErrorType, "__sizeof__() should return >= 0")
	}
	return int64(n), nil
}

// objectSizeOf is object.__sizeof__: the basic size plus the items of a
// variable-size object.
func (in *Interp) objectSizeOf(v Value) (int64, error) {
	t := v.Type()
	ts, ok := sizeOfType(t)
	if !ok {
		return 0, in.raise(notImplementedErrorType, "__sizeof__ of '%s' objects is not implemented yet", t.Name)
	}
	n := ts.basic
	if ts.item != 0 {
		switch {
		case t.IsSubtype(tupleType):
			n += ts.item * int64(len(asObject[Tuple](v).items))
		case t.IsSubtype(bytesType):
			b, _ := bytesData(v)
			n += ts.item * int64(len(b))
		default:
			return 0, in.raise(notImplementedErrorType, "__sizeof__ of '%s' objects is not implemented yet", t.Name)
		}
	}
	return n, nil
}

// listSizeOf is list.__sizeof__: the struct and the allocated array.
func listSizeOf(v Value) int64 {
	ts, _ := sizeOfType(v.Type())
	return ts.basic + 8*int64(cap(asObject[List](v).items))
}

// dictSizeOf is dict.__sizeof__: the struct and, unless the dict is
// empty, a keys object of CPython's shape for the same table size: a
// 32-byte header, the index array (1 to 8 bytes a slot as the table
// grows) and two thirds of the slots as entries, 16 bytes each when every
// key is a str and 24 otherwise.
func dictSizeOf(v Value) int64 {
	ts, _ := sizeOfType(v.Type())
	d := asObject[Dict](v)
	n := int64(len(d.indices))
	if n == 0 {
		return ts.basic
	}
	var ix int64
	switch {
	case n <= 1<<7:
		ix = 1
	case n <= 1<<15:
		ix = 2
	case n <= 1<<31:
		ix = 4
	default:
		ix = 8
	}
	entry := int64(16)
	for _, e := range d.entries {
		if !e.key.IsNil() && e.key.Type() != strType {
			entry = 24
			break
		}
	}
	return ts.basic + 32 + n*ix + (2*n/3)*entry
}

// setSizeOf is set.__sizeof__: the struct, which holds eight slots, and
// a larger table once the set outgrows them.
func setSizeOf(v Value) int64 {
	ts, _ := sizeOfType(v.Type())
	n := ts.basic
	if m := len(asObject[Set](v).table); m > setMinSize {
		n += 16 * int64(m)
	}
	return n
}

// typeSizeOf is type.__sizeof__: a class is a PyHeapTypeObject, with the
// keys object its instances' dicts share when the class gave them a
// __dict__ (64 slots of str keys); a built-in type is a static
// PyTypeObject.
func typeSizeOf(v Value) int64 {
	t := (*Type)(v.p)
	if t.Flags&TypeHeapType == 0 {
		return 416
	}
	n := int64(920)
	if managedDict(t) {
		n += 32 + 64 + 42*16
	}
	return n
}

// strSizeOf is str.__sizeof__: an exact str is compact, its text right
// after a 40-byte header when ASCII and a 56-byte one otherwise; a
// subclass's text is a separate buffer after a 64-byte struct. The text
// takes 1, 2 or 4 bytes a character by the widest one, and a NUL. CPython
// may also hold a UTF-8 copy of non-ASCII text, made when something asks
// for it; that cache is not counted here.
func strSizeOf(v Value) int64 {
	o := strObj(v)
	kind := int64(1)
	if !o.ascii {
		for _, r := range o.s {
			switch {
			case r > 0xffff:
				kind = 4
			case r > 0xff && kind < 2:
				kind = 2
			}
			if kind == 4 {
				break
			}
		}
	}
	text := (int64(o.length) + 1) * kind
	if t := v.Type(); t != strType {
		ts, _ := sizeOfType(t)
		return ts.basic + text
	}
	if o.ascii {
		return 40 + text
	}
	return 56 + text
}

func init() {
	defMethod(objectType, "__sizeof__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methNoArgs("object.__sizeof__", args, kwnames); err != nil {
			return Value{}, err
		}
		n, err := in.objectSizeOf(args[0])
		if err != nil {
			return Value{}, err
		}
		return Int(n), nil
	})
	for t, size := range map[*Type]func(Value) int64{listType: listSizeOf, dictType: dictSizeOf, setType: setSizeOf, frozensetType: setSizeOf, typeType: typeSizeOf} {
		qual := t.Name + ".__sizeof__"
		defMethod(t, "__sizeof__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.methNoArgs(qual, args, kwnames); err != nil {
				return Value{}, err
			}
			return Int(size(args[0])), nil
		})
	}
	sizeGetter := func(item bool) func(in *Interp, v Value) (Value, error) {
		return func(in *Interp, v Value) (Value, error) {
			t := (*Type)(v.p)
			ts, ok := sizeOfType(t)
			if !ok {
				return Value{}, in.raise(notImplementedErrorType, "the size of '%s' objects is not implemented yet", t.Name)
			}
			if item {
				return Int(ts.item), nil
			}
			return Int(ts.basic), nil
		}
	}
	defGetSet(typeType, "__basicsize__", sizeGetter(false), nil)
	defGetSet(typeType, "__itemsize__", sizeGetter(true), nil)
}
