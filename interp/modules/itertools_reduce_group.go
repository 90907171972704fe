package modules

import (
	"unsafe"

	"github.com/parallel-py/parallel/interp"
)

// Copy and pickle support of groupby and its _grouper, and of tee's
// _tee and _tee_dataobject (whose constructor rebuilds a buffer from its
// reduction), as CPython 3.12 has them.

// teeDataNew is _tee_dataobject(iterable, values, next): a buffer
// holding values, full (57 of them) when it links to next.
func teeDataNew(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, in.Raise(interp.TypeError, "teedataobject() takes no keyword arguments")
	}
	if err := in.CheckArgCount("teedataobject", args, nil, 3, 3); err != nil {
		return Value{}, err
	}
	values, ok := interp.ListItems(args[1])
	if !ok {
		return Value{}, in.Raise(interp.TypeError, "teedataobject() argument 2 must be list, not %s", args[1].Type().Name)
	}
	next := args[2]
	switch {
	case len(values) > teeLinkCells,
		len(values) < teeLinkCells && !next.IsNone(),
		!next.IsNone() && next.Type() != t:
		return Value{}, in.Raise(interp.ValueError, "Invalid arguments")
	}
	d, err := interp.NewObject[teeDataObject](in, t)
	if err != nil {
		return Value{}, err
	}
	interp.IncRef(args[0])
	d.it = args[0]
	for i, x := range values {
		interp.IncRef(x)
		d.values[i] = x
	}
	d.numread = len(values)
	if !next.IsNone() {
		interp.IncRef(next)
		d.next = next
	}
	return interp.ValueOf(d), nil
}

func init() {
	addReduce(groupbyType, func(in *interp.Interp, self Value) (Value, error) {
		o := interp.ObjectOf[groupbyObject](self)
		args := []Value{o.it, o.keyfunc}
		if o.tgtkey.IsNil() || o.currkey.IsNil() || o.currvalue.IsNil() {
			return reduceType(in, self, args, Value{})
		}
		return reduceTypeState(in, self, args, o.currkey, o.currvalue, o.tgtkey)
	})
	addSetState(groupbyType, func(in *interp.Interp, self, state Value) error {
		items, err := stateTuple(in, state, 3, 3)
		if err != nil {
			return err
		}
		o := interp.ObjectOf[groupbyObject](self)
		setField(in, &o.currkey, items[0])
		setField(in, &o.currvalue, items[1])
		setField(in, &o.tgtkey, items[2])
		return nil
	})

	// A grouper that is no longer its parent's current one is exhausted.
	addReduce(grouperType, func(in *interp.Interp, self Value) (Value, error) {
		g := interp.ObjectOf[grouperObject](self)
		if g.parent.IsNil() || interp.ObjectOf[groupbyObject](g.parent).current != unsafe.Pointer(g) {
			it, err := in.Builtin("iter")
			if err != nil {
				return Value{}, err
			}
			defer in.DecRef(it)
			e, err := in.NewTuple()
			if err != nil {
				return Value{}, err
			}
			defer in.DecRef(e)
			return reduceValue(in, it, []Value{e}, Value{})
		}
		return reduceType(in, self, []Value{g.parent, g.tgtkey}, Value{})
	})

	// A _tee reduces to a _tee over nothing whose state is its buffer and
	// position.
	addReduce(teeType, func(in *interp.Interp, self Value) (Value, error) {
		o := interp.ObjectOf[teeObject](self)
		e, err := in.NewTuple()
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(e)
		if o.data.IsNil() {
			return reduceType(in, self, []Value{e}, Value{})
		}
		return reduceTypeState(in, self, []Value{e}, o.data, interp.Int(int64(o.index)))
	})
	addSetState(teeType, func(in *interp.Interp, self, state Value) error {
		items, err := stateTuple(in, state, 2, 2)
		if err != nil {
			return err
		}
		if items[0].Type() != teeDataType {
			return in.Raise(interp.TypeError, "argument 1 must be itertools._tee_dataobject, not %s", items[0].Type().Name)
		}
		index, err := cIntState(in, items[1])
		if err != nil {
			return err
		}
		if index < 0 || index > teeLinkCells {
			return in.Raise(interp.ValueError, "Index out of range")
		}
		o := interp.ObjectOf[teeObject](self)
		setField(in, &o.data, items[0])
		o.index = index
		return nil
	})
	// tee's iterators can be weakly referenced, as CPython's.
	teeType.Flags |= interp.TypeWeakrefs

	addReduce(teeDataType, func(in *interp.Interp, self Value) (Value, error) {
		d := interp.ObjectOf[teeDataObject](self)
		values, err := in.NewList(d.values[:d.numread]...)
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(values)
		return reduceType(in, self, []Value{orNone(d.it), values, orNone(d.next)}, Value{})
	})
}
