package runtime

import (
	"fmt"
	"math"
	"math/big"

	"github.com/parallel-py/parallel/channels"
	"github.com/parallel-py/parallel/interp"
)

// Values cross the Go/Python boundary by copy, in both directions:
//
//	Go                          Python
//	nil                         None
//	bool                        bool
//	int, int8 ... uint64        int
//	*big.Int                    int (ints beyond int64 come back so)
//	float32, float64            float (comes back as float64)
//	string                      str
//	[]byte                      bytes
//	[]any                       list
//	map[string]any              dict with str keys
//	Tuple                       tuple
//
// Python ints come back as int64 when they fit. Anything else, in
// either direction, is a *ConversionError naming the type; instances of
// subclasses (an IntEnum, a dict subclass) count as anything else, since
// converting them would lose what makes them differ.

// Tuple is a Python tuple on the Go side: []any is a list.
type Tuple []any

// maxNesting bounds how deeply containers may nest on their way across,
// so that a list that contains itself fails instead of recursing
// without end.
const maxNesting = 256

// toPython converts a Go value to a new reference. Errors other than
// *ConversionError are Python exceptions (MemoryError).
func toPython(in *interp.Interp, x any, depth int) (interp.Value, error) {
	if depth > maxNesting {
		return interp.Value{}, &ConversionError{GoType: fmt.Sprintf("%T", x), Reason: "nested too deeply"}
	}
	switch x := x.(type) {
	case nil:
		return interp.None, nil
	case bool:
		return interp.Bool(x), nil
	case int:
		return interp.Int(int64(x)), nil
	case int8:
		return interp.Int(int64(x)), nil
	case int16:
		return interp.Int(int64(x)), nil
	case int32:
		return interp.Int(int64(x)), nil
	case int64:
		return interp.Int(x), nil
	case uint:
		return uintToPython(in, uint64(x))
	case uint8:
		return interp.Int(int64(x)), nil
	case uint16:
		return interp.Int(int64(x)), nil
	case uint32:
		return interp.Int(int64(x)), nil
	case uint64:
		return uintToPython(in, x)
	case *big.Int:
		if x == nil {
			return interp.Value{}, &ConversionError{GoType: "*big.Int", Reason: "nil pointer"}
		}
		return in.NewInt(x)
	case float32:
		return interp.Float(float64(x)), nil
	case float64:
		return interp.Float(x), nil
	case string:
		return in.NewStr(x)
	case []byte:
		return in.NewBytes(x)
	case []any:
		items, err := itemsToPython(in, x, depth)
		if err != nil {
			return interp.Value{}, err
		}
		defer decRefAll(in, items)
		return in.NewList(items...)
	case Tuple:
		items, err := itemsToPython(in, x, depth)
		if err != nil {
			return interp.Value{}, err
		}
		defer decRefAll(in, items)
		return in.NewTuple(items...)
	case map[string]any:
		return mapToPython(in, x, depth)
	case channels.Handle:
		return handleToPython(in, x) // a queue or channel end (module_channels.go)
	case channels.Item:
		return itemToPython(in, x) // a copy made by exportOrCopy, among others
	}
	return interp.Value{}, &ConversionError{GoType: fmt.Sprintf("%T", x)}
}

func uintToPython(in *interp.Interp, x uint64) (interp.Value, error) {
	if x <= math.MaxInt64 {
		return interp.Int(int64(x)), nil
	}
	return in.NewInt(new(big.Int).SetUint64(x))
}

// itemsToPython converts each of xs to a new reference.
func itemsToPython(in *interp.Interp, xs []any, depth int) ([]interp.Value, error) {
	items := make([]interp.Value, 0, len(xs))
	for _, x := range xs {
		v, err := toPython(in, x, depth+1)
		if err != nil {
			decRefAll(in, items)
			return nil, err
		}
		items = append(items, v)
	}
	return items, nil
}

func mapToPython(in *interp.Interp, m map[string]any, depth int) (interp.Value, error) {
	d, err := in.NewDict()
	if err != nil {
		return interp.Value{}, err
	}
	for k, x := range m {
		err := setItem(in, d, k, x, depth)
		if err != nil {
			in.DecRef(d)
			return interp.Value{}, err
		}
	}
	return d, nil
}

// setItem stores d[k] = x, converting both.
func setItem(in *interp.Interp, d interp.Value, k string, x any, depth int) error {
	key, err := in.NewStr(k)
	if err != nil {
		return err
	}
	defer in.DecRef(key)
	v, err := toPython(in, x, depth+1)
	if err != nil {
		return err
	}
	defer in.DecRef(v)
	return in.DictSet(interp.AsDict(d), key, v)
}

func decRefAll(in *interp.Interp, vs []interp.Value) {
	for _, v := range vs {
		in.DecRef(v)
	}
}

// fromPython converts a Python value (borrowed) to Go. It runs no
// Python code, so the containers it walks cannot change under it.
func fromPython(v interp.Value, depth int) (any, error) {
	switch {
	case v.IsNone():
		return nil, nil
	case v.IsBool():
		return v.BoolValue(), nil
	case v.IsSmallInt():
		return v.SmallInt(), nil
	case v.IsFloat():
		return v.FloatValue(), nil
	}
	if depth > maxNesting {
		return nil, &ConversionError{PyType: v.Type().Name, Reason: "nested too deeply (does it contain itself?)"}
	}
	switch v.Type() {
	case interp.IntType:
		b := interp.BigIntOf(v)
		if b.IsInt64() {
			return b.Int64(), nil
		}
		return b, nil
	case interp.StrType:
		return v.GoString(), nil
	case interp.BytesType:
		b, _ := interp.BufferBytes(v)
		return append([]byte{}, b...), nil
	case interp.ListType:
		items, _ := interp.ListItems(v)
		return itemsFromPython(items, depth)
	case interp.TupleType:
		items, _ := interp.TupleItems(v)
		xs, err := itemsFromPython(items, depth)
		return Tuple(xs), err
	case interp.DictType:
		keys, values := interp.DictItems(interp.AsDict(v))
		m := make(map[string]any, len(keys))
		for i, k := range keys {
			if k.Type() != interp.StrType {
				return nil, &ConversionError{PyType: "dict", Reason: "key of type " + k.Type().Name + " is not a str"}
			}
			x, err := fromPython(values[i], depth+1)
			if err != nil {
				return nil, err
			}
			m[k.GoString()] = x
		}
		return m, nil
	}
	return nil, &ConversionError{PyType: v.Type().Name}
}

func itemsFromPython(items []interp.Value, depth int) ([]any, error) {
	xs := make([]any, len(items))
	for i, item := range items {
		x, err := fromPython(item, depth+1)
		if err != nil {
			return nil, err
		}
		xs[i] = x
	}
	return xs, nil
}
