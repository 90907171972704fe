package modules

import (
	"strconv"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The helpers collections/__init__.py takes from _collections:
// _count_elements (Counter's counting loop) and _tuplegetter (the field
// descriptor of namedtuple classes).

func init() {
	collectionsTable.fn("_count_elements", countElements)
	collectionsTable.typ("_tuplegetter", tupleGetterType)
	tupleGetterType.AddMember("__doc__", "doc", false)
	tupleGetterType.AddMethod("__reduce__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("_tuplegetter.__reduce__", args, kwnames); err != nil {
			return Value{}, err
		}
		o := interp.ObjectOf[tupleGetterObject](args[0])
		doc := o.doc
		if doc.IsNil() {
			doc = interp.None
		}
		interp.IncRef(doc)
		a, err := newTupleOwned(in, []Value{interp.Int(int64(o.index)), doc})
		if err != nil {
			return Value{}, err
		}
		tv := interp.TypeValue(args[0].Type())
		interp.IncRef(tv)
		return newTupleOwned(in, []Value{tv, a})
	})
}

// countElements is _count_elements(mapping, iterable): mapping[x] =
// mapping.get(x, 0) + 1 for each x, straight on the dict when mapping is
// a dict whose get and __setitem__ are dict's.
func countElements(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.NoKeywords("_count_elements", kwnames); err != nil {
		return Value{}, err
	}
	if err := in.CheckArgCount("_count_elements", args, nil, 2, 2); err != nil {
		return Value{}, err
	}
	mapping := args[0]
	it, err := in.Iter(args[1])
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(it)
	if d := interp.AsDict(mapping); d != nil && usesDictMethod(in, mapping, "get") && usesDictMethod(in, mapping, "__setitem__") {
		for {
			x, ok, err := in.Next(it)
			if err != nil || !ok {
				return interp.None, err
			}
			old, found, err := in.DictGet(d, x)
			var n Value
			if err == nil {
				if !found {
					n = interp.Int(1)
				} else {
					interp.IncRef(old) // the addition may run code that drops it
					n, err = in.BinaryOp(interp.OpAdd, old, interp.Int(1))
					in.DecRef(old)
				}
			}
			if err == nil {
				err = in.DictSet(d, x, n)
				in.DecRef(n)
			}
			in.DecRef(x)
			if err != nil {
				return Value{}, err
			}
		}
	}
	get, err := in.GetAttrString(mapping, "get")
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(get)
	for {
		x, ok, err := in.Next(it)
		if err != nil || !ok {
			return interp.None, err
		}
		old, err := in.Call(get, []Value{x, interp.Int(0)}, nil)
		var n Value
		if err == nil {
			n, err = in.BinaryOp(interp.OpAdd, old, interp.Int(1))
			in.DecRef(old)
		}
		if err == nil {
			err = in.SetItem(mapping, x, n)
			in.DecRef(n)
		}
		in.DecRef(x)
		if err != nil {
			return Value{}, err
		}
	}
}

// usesDictMethod reports whether v's class takes name from dict.
func usesDictMethod(in *interp.Interp, v Value, name string) bool {
	m, err := in.LookupSpecial(v.Type(), name)
	if err != nil {
		in.DiscardError(err)
		return false
	}
	own, ok := interp.DictType.OwnAttr(name)
	return ok && m.Is(own)
}

// tupleGetterObject is _tuplegetter(index, doc): a data descriptor that
// reads item index of a tuple and refuses stores.
type tupleGetterObject struct {
	alloc.Header
	alloc.GCLink
	index int
	doc   Value
}

var tupleGetterType = interp.NewType[tupleGetterObject](interp.TypeSpec{
	Name:   "_tuplegetter",
	Module: "collections",
	New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		if err := in.NoKeywords("_tuplegetter", kwnames); err != nil {
			return Value{}, err
		}
		if err := in.CheckArgCount("_tuplegetter", args, nil, 2, 2); err != nil {
			return Value{}, err
		}
		i, err := in.AsSsize(args[0])
		if err != nil {
			return Value{}, err
		}
		o, err := interp.NewObject[tupleGetterObject](in, t)
		if err != nil {
			return Value{}, err
		}
		interp.IncRef(args[1])
		o.index, o.doc = i, args[1]
		return interp.ValueOf(o), nil
	},
	Dealloc:  func(in *interp.Interp, v Value) { in.XDecRef(interp.ObjectOf[tupleGetterObject](v).doc) },
	Traverse: func(v Value, visit func(Value)) { visit(interp.ObjectOf[tupleGetterObject](v).doc) },
	Clear:    func(in *interp.Interp, v Value) { in.ClearRef(&interp.ObjectOf[tupleGetterObject](v).doc) },
	Repr: func(in *interp.Interp, v Value) (Value, error) {
		o := interp.ObjectOf[tupleGetterObject](v)
		doc := o.doc
		if doc.IsNil() {
			doc = interp.None
		}
		d, err := reprString(in, doc)
		if err != nil {
			return Value{}, err
		}
		return in.NewStr(typeName(v) + "(" + strconv.Itoa(o.index) + ", " + d + ")")
	},
	DescrGet: func(in *interp.Interp, descr, obj Value, owner *interp.Type) (Value, error) {
		o := interp.ObjectOf[tupleGetterObject](descr)
		if obj.IsNil() || obj.IsNone() {
			interp.IncRef(descr)
			return descr, nil
		}
		items, ok := interp.TupleItems(obj)
		if !ok {
			return Value{}, in.Raise(interp.TypeError, "descriptor for index '%d' for tuple subclasses doesn't apply to '%s' object", o.index, obj.Type().Name)
		}
		if o.index < 0 || o.index >= len(items) {
			return Value{}, in.Raise(interp.IndexError, "tuple index out of range")
		}
		x := items[o.index]
		interp.IncRef(x)
		return x, nil
	},
	DescrSet: func(in *interp.Interp, descr, obj, value Value) error {
		if value.IsNil() {
			return in.Raise(interp.AttributeError, "can't delete attribute")
		}
		return in.Raise(interp.AttributeError, "can't set attribute")
	},
})
