package interp

// The pattern-matching instructions of the match statement (PEP 634):
// MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS and MATCH_CLASS, with CPython
// 3.12's semantics. GET_LEN, the fourth instruction patterns use, is
// plain len().
//
// Which objects count as sequences and mappings is a property of their
// type, as in CPython: the TypeSequence and TypeMapping flags, set on the
// built-in types below and inherited by subclasses through their primary
// base. str, bytes and bytearray are deliberately not sequences here.

import (
	"github.com/parallel-py/parallel/interp/bytecode"
)

func init() {
	for _, t := range []*Type{listType, tupleType, rangeType, memoryviewType} {
		t.Flags |= TypeSequence
	}
	for _, t := range []*Type{dictType, mappingProxyType} {
		t.Flags |= TypeMapping
	}
	// The built-ins whose class pattern takes one positional sub-pattern
	// matched against the subject itself: int(x), str(s), ...
	for _, t := range []*Type{boolType, bytearrayType, bytesType, dictType, floatType,
		frozensetType, intType, listType, setType, strType, tupleType} {
		t.Flags |= TypeMatchSelf
	}
}

// abcTPFlags are the bits of collections.abc's __abc_tpflags__ class
// attribute (CPython's Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING).
const (
	abcTPFlagSequence = 1 << 5
	abcTPFlagMapping  = 1 << 6
)

// primaryBase is the base a type inherits its flags from (CPython's
// tp_base, the "best base"): the first base with the class's instance
// layout.
func primaryBase(t *Type) *Type {
	if t.Flags&TypeHeapType == 0 {
		return t.Base
	}
	for _, b := range t.Bases {
		if b.layout == t.layout {
			return b
		}
	}
	return t.Base
}

// collectionFlags returns t's TypeSequence or TypeMapping flag, inherited
// along primary bases as CPython's type creation copies it. An ABCMeta
// class that defines __abc_tpflags__ (collections.abc.Sequence and
// Mapping do) gets the flags it names, as CPython's abc module gives them
// at class creation. ABCMeta.register does not set them (yet).
func (in *Interp) collectionFlags(t *Type) TypeFlags {
	const both = TypeSequence | TypeMapping
	for ; t != nil; t = primaryBase(t) {
		if f := t.Flags & both; f != 0 {
			return f
		}
		if t.Flags&TypeHeapType == 0 || t.dict == nil || !abcMeta((*Type)(t.Header.Type)) {
			continue
		}
		v, ok, err := in.DictGet(t.dict, internName("__abc_tpflags__"))
		if err != nil {
			in.decRef(valueOf(err.(*Exception)))
			continue
		}
		if ok && v.IsSmallInt() {
			var f TypeFlags
			if v.SmallInt()&abcTPFlagSequence != 0 {
				f |= TypeSequence
			}
			if v.SmallInt()&abcTPFlagMapping != 0 {
				f |= TypeMapping
			}
			if f != 0 {
				return f
			}
		}
	}
	return 0
}

// abcMeta reports whether meta is abc.ABCMeta or derives from it: only
// ABCMeta's class creation reads __abc_tpflags__. (With no _abc module
// abc.ABCMeta is _py_abc's, which leaves the attribute in the class.)
func abcMeta(meta *Type) bool {
	for _, m := range meta.MRO {
		if m.Name == "ABCMeta" && m.Flags&TypeHeapType != 0 {
			return true
		}
	}
	return false
}

// matchSelf reports whether t's class pattern matches one positional
// sub-pattern against the subject itself (CPython's _Py_TPFLAGS_MATCH_SELF,
// inherited like the collection flags).
func matchSelf(t *Type) bool {
	for ; t != nil; t = primaryBase(t) {
		if t.Flags&TypeMatchSelf != 0 {
			return true
		}
	}
	return false
}

// execMatch runs the pattern-matching instruction op on f's stack.
func (in *Interp) execMatch(f *frame, op bytecode.Op, oparg int) error {
	switch op {
	case bytecode.MATCH_SEQUENCE: // (subject -- subject, res)
		f.push(Bool(in.collectionFlags(f.top().Type())&TypeSequence != 0))
	case bytecode.MATCH_MAPPING: // (subject -- subject, res)
		f.push(Bool(in.collectionFlags(f.top().Type())&TypeMapping != 0))
	case bytecode.MATCH_KEYS: // (subject, keys -- subject, keys, values_or_none)
		r, err := in.matchKeys(f.slots[f.sp-2], f.top())
		if err != nil {
			return err
		}
		f.push(r)
	case bytecode.MATCH_CLASS: // (subject, type, names -- attrs)
		names := f.pop()
		cls := f.pop()
		subject := f.pop()
		r, err := in.matchClass(subject, cls, names, oparg)
		in.decRef(names)
		in.decRef(cls)
		in.decRef(subject)
		if err != nil {
			return err
		}
		f.push(r)
	}
	return nil
}

// matchKeys looks the keys (a tuple) up in the mapping subject and
// returns the tuple of their values, or None when one is missing. It
// calls subject.get(key, sentinel), as CPython does, so that dict
// subclasses with __missing__ (defaultdict) neither create keys nor
// claim them.
func (in *Interp) matchKeys(subject, keys Value) (Value, error) {
	ks := asObject[Tuple](keys).items
	if len(ks) == 0 {
		return emptyTuple, nil
	}
	get, err := in.getAttrString(subject, "get")
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(get)
	seen, err := in.NewDict()
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(seen)
	dummy, err := in.Call(valueOf(objectType), nil, nil)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(dummy)
	values := make([]Value, 0, len(ks))
	release := func() {
		for _, v := range values {
			in.decRef(v)
		}
	}
	for _, key := range ks {
		seenDict := asObject[Dict](seen)
		_, dup, err := in.DictGet(seenDict, key)
		if err == nil && !dup {
			err = in.DictSet(seenDict, key, None)
		}
		if err == nil && dup {
			var r Value
			if r, err = in.Repr(key); err == nil {
				err = in.raise(valueErrorType, "mapping pattern checks duplicate key (%s)", r.GoString())
				in.decRef(r)
			}
		}
		if err != nil {
			release()
			return Value{}, err
		}
		v, err := in.Call(get, []Value{key, dummy}, nil)
		if err != nil {
			release()
			return Value{}, err
		}
		if v.p == dummy.p {
			in.decRef(v)
			release()
			return None, nil
		}
		values = append(values, v)
	}
	t, err := in.NewTuple(values...)
	release()
	return t, err
}

// matchClass is the isinstance check and attribute extraction of a class
// pattern: it returns the tuple of the nargs positional attributes
// (through __match_args__) and of the attributes named by names, or None
// when the subject does not match.
func (in *Interp) matchClass(subject, cls, names Value, nargs int) (Value, error) {
	if !cls.Type().IsSubtype(typeType) {
		return Value{}, in.raise(typeErrorType, "called match pattern must be a class")
	}
	t := (*Type)(cls.p)
	if ok, err := in.IsInstance(subject, cls); err != nil || !ok {
		if err != nil {
			return Value{}, err
		}
		return None, nil
	}
	var attrs []Value
	release := func() {
		for _, v := range attrs {
			in.decRef(v)
		}
	}
	seen := map[string]bool{}
	// attr fetches one attribute; ok is false when the subject lacks it.
	attr := func(name Value) (ok bool, err error) {
		s := name.GoString()
		if seen[s] {
			r, err := in.Repr(name)
			if err != nil {
				return false, err
			}
			defer in.decRef(r)
			return false, in.raise(typeErrorType, "%s() got multiple sub-patterns for attribute %s", t.Name, r.GoString())
		}
		seen[s] = true
		v, err := in.lookupAttr(subject, name)
		if err != nil || v.IsNil() {
			return false, err
		}
		attrs = append(attrs, v)
		return true, nil
	}
	if nargs > 0 {
		matchArgs, err := in.getAttrString(cls, "__match_args__")
		self := false
		switch {
		case err == nil:
			if matchArgs.Type() != tupleType {
				err = in.raise(typeErrorType, "%s.__match_args__ must be a tuple (got %s)", t.Name, matchArgs.Type().Name)
				in.decRef(matchArgs)
				return Value{}, err
			}
		case in.isAttributeError(err):
			// The built-ins' own behaviour only applies while no
			// __match_args__ is defined, as for a subclass that
			// defines one.
			in.decRef(valueOf(err.(*Exception)))
			matchArgs, self = emptyTuple, matchSelf(t)
		default:
			return Value{}, err
		}
		defer in.decRef(matchArgs)
		args := asObject[Tuple](matchArgs).items
		allowed := len(args)
		if self {
			allowed = 1
		}
		if allowed < nargs {
			plural := "s"
			if allowed == 1 {
				plural = ""
			}
			return Value{}, in.raise(typeErrorType, "%s() accepts %d positional sub-pattern%s (%d given)", t.Name, allowed, plural, nargs)
		}
		if self {
			incRef(subject)
			attrs = append(attrs, subject)
		} else {
			for _, name := range args[:nargs] {
				if name.Type() != strType {
					release()
					return Value{}, in.raise(typeErrorType, "__match_args__ elements must be strings (got %s)", name.Type().Name)
				}
				if ok, err := attr(name); !ok {
					release()
					if err != nil {
						return Value{}, err
					}
					return None, nil
				}
			}
		}
	}
	for _, name := range asObject[Tuple](names).items {
		if ok, err := attr(name); !ok {
			release()
			if err != nil {
				return Value{}, err
			}
			return None, nil
		}
	}
	r, err := in.NewTuple(attrs...)
	release()
	return r, err
}
