package modules

import (
	"math"
	"strings"

	"github.com/parallel-py/parallel/interp"
)

// _testcapi's sequence_getitem, sequence_setitem and sequence_delitem:
// PySequence_GetItem, PySequence_SetItem and PySequence_DelItem, which
// reach an object's sequence slots (sq_item, sq_ass_item) rather than
// its subscript. A negative index gets len() added once (when the type
// has a length); what the slot then does with an index still negative
// depends on the slot:
//   - a class (a heap type) gets CPython's generic slot functions, which
//     call __getitem__ / __setitem__ / __delitem__ with the index, so the
//     method may add the length again (list's does);
//   - a built-in type's own slot either refuses it with IndexError (list,
//     tuple, str, bytes, deque, array) or adds the length again (range and
//     memoryview when reading, bytearray when writing).
// Mapping-only built-ins (dict, mappingproxy, ...) are "not a sequence".

type testcapiSeqOp int

const (
	testcapiGet testcapiSeqOp = iota
	testcapiSet
	testcapiDel
)

var testcapiSeqDunders = [...]string{"__getitem__", "__setitem__", "__delitem__"}

// testcapiMappingOnly lists the built-in types (besides the dict
// family) that CPython gives a subscript but no sequence item slot:
// reading for the first map, writing for the second.
var (
	testcapiMappingOnlyGet = map[string]bool{
		"mappingproxy": true, "types.GenericAlias": true, "types.UnionType": true,
		"re.Match": true, "_contextvars.Context": true,
	}
	testcapiMappingOnlySet = map[string]bool{"memoryview": true}
)

// testcapiWraps lists the built-in types whose own item slot adds the
// length to a negative index again.
var testcapiWraps = [...]map[string]bool{
	testcapiGet: {"range": true, "memoryview": true},
	testcapiSet: {"bytearray": true},
	testcapiDel: {"bytearray": true},
}

func testcapiSeqInit() {
	for _, f := range []struct {
		name  string
		op    testcapiSeqOp
		nargs int
	}{
		{"sequence_getitem", testcapiGet, 2},
		{"sequence_setitem", testcapiSet, 3},
		{"sequence_delitem", testcapiDel, 2},
	} {
		testcapiTable.fn(f.name, func(in *interp.Interp, args, kwnames []Value) (Value, error) {
			if err := testcapiTupleArgs(in, f.name, "", args, kwnames, f.nargs, f.nargs); err != nil {
				return Value{}, err
			}
			i, err := in.AsSsize(args[1])
			if err != nil {
				return Value{}, err
			}
			op := f.op
			var value Value
			if op == testcapiSet {
				// None stands for NULL, which makes the call a deletion.
				if value = args[2]; value.IsNone() {
					op, value = testcapiDel, Value{}
				}
			}
			return testcapiSeqItem(in, op, args[0], i, value)
		})
	}
}

// testcapiSeqItem is PySequence_GetItem / SetItem / DelItem(v, i).
func testcapiSeqItem(in *interp.Interp, op testcapiSeqOp, v Value, i int, value Value) (Value, error) {
	if v.IsNone() {
		// The argument stands for NULL here.
		return Value{}, in.Raise(interp.ExcType("SystemError"), "null argument to internal routine")
	}
	t := v.Type()
	name := testcapiSeqDunders[op]
	impl, err := in.LookupSpecial(t, name)
	if err != nil {
		return Value{}, err
	}
	// base is the built-in type whose own slot serves v, nil when a
	// class's generic slot does.
	base := t
	if t.Flags&interp.TypeHeapType != 0 {
		base = testcapiSeqSlotOwner(t, name, impl)
	}
	if base != nil && testcapiMappingOnly(base, op) {
		return Value{}, in.Raise(interp.TypeError, "%s is not a sequence", testcapiTpName(t))
	}
	if impl.IsNil() {
		if base == nil && op != testcapiGet {
			// __setitem__ and __delitem__ share the slot: a class with
			// the other one has it, and the call finds no method.
			o, err := in.LookupSpecial(t, testcapiSeqDunders[testcapiSet+testcapiDel-op])
			if err != nil {
				return Value{}, err
			}
			if !o.IsNil() {
				return Value{}, in.Raise(interp.AttributeError, "%s", name)
			}
		}
		switch op {
		case testcapiGet:
			return Value{}, in.Raise(interp.TypeError, "'%s' object does not support indexing", testcapiTpName(t))
		case testcapiSet:
			return Value{}, in.Raise(interp.TypeError, "'%s' object does not support item assignment", testcapiTpName(t))
		default:
			return Value{}, in.Raise(interp.TypeError, "'%s' object doesn't support item deletion", testcapiTpName(t))
		}
	}
	if i < 0 {
		lenImpl, err := in.LookupSpecial(t, "__len__")
		if err != nil {
			return Value{}, err
		}
		if !lenImpl.IsNil() {
			n, err := in.Len(v)
			if err != nil {
				return Value{}, err
			}
			i += n
		}
		if i < 0 && base != nil && !testcapiWraps[op][testcapiTpName(base)] {
			// The type's own slot refuses a negative index; an index the
			// subscript cannot wrap gets the type's IndexError.
			i = math.MinInt
		}
	}
	key := interp.Int(int64(i))
	switch op {
	case testcapiGet:
		return in.GetItem(v, key)
	case testcapiSet:
		err = in.SetItem(v, key, value)
	default:
		err = in.SetItem(v, key, Value{})
	}
	if err != nil {
		return Value{}, err
	}
	return interp.Int(0), nil
}

// testcapiMappingOnly reports whether built-in type t has a subscript
// but no sequence slot for op.
func testcapiMappingOnly(t *interp.Type, op testcapiSeqOp) bool {
	if t.IsSubtype(interp.DictType) {
		return true
	}
	if op == testcapiGet {
		return testcapiMappingOnlyGet[testcapiTpName(t)]
	}
	return testcapiMappingOnlySet[testcapiTpName(t)]
}

// testcapiTpName is a type's tp_name, which CPython's messages show: a
// built-in type's is qualified by its module unless that is builtins
// ("types.GenericAlias"), a class's is its bare name.
func testcapiTpName(t *interp.Type) string {
	if t.Flags&interp.TypeHeapType != 0 || t.Module == "" || t.Module == "builtins" || strings.Contains(t.Name, ".") {
		return t.Name
	}
	return t.Module + "." + t.Name
}

// testcapiSeqSlotOwner returns the built-in base whose own sequence
// slot class t keeps for name, or nil when t gets CPython's generic slot
// function. A class keeps a base's slot only when the method it finds
// (impl) wraps exactly that slot, which is so for deque, whose
// __getitem__ and __setitem__ are its sequence slots; other types'
// methods wrap their subscript.
func testcapiSeqSlotOwner(t *interp.Type, name string, impl Value) *interp.Type {
	if impl.IsNil() {
		return nil
	}
	for _, b := range t.MRO {
		if b.Flags&interp.TypeHeapType != 0 {
			continue
		}
		if own, ok := b.OwnAttr(name); ok && own.Is(impl) {
			if b == dequeType {
				return b
			}
			return nil
		}
	}
	return nil
}
