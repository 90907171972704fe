package modules

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// groupby and its _grouper, and tee with its _tee iterators sharing a
// chain of _tee_dataobject buffers, as CPython 3.12 has them.

// ---- groupby ----

// groupbyObject groups the items of it by key. currkey and currvalue are
// the item drawn last and its key (nil once a grouper consumed it);
// tgtkey is the key of the current group; current is the grouper of the
// current group (not a reference: only compared, as CPython's borrowed
// pointer is).
type groupbyObject struct {
	alloc.Header
	alloc.GCLink
	it, keyfunc                Value // keyfunc is None for identity
	tgtkey, currkey, currvalue Value
	current                    unsafe.Pointer
}

// grouperObject yields the items of its parent's group with key tgtkey
// while it is the parent's current grouper.
type grouperObject struct {
	alloc.Header
	alloc.GCLink
	parent, tgtkey Value
}

var groupbyParams = interp.Params{Func: "groupby", Names: []string{"iterable", "key"}, Required: 1}

var groupbyType = iterType[groupbyObject]("groupby", interp.TypeSpec{
	New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		var iterable, key Value
		if err := in.Unpack(&groupbyParams, args, kwnames, &iterable, &key); err != nil {
			return Value{}, err
		}
		if key.IsNil() {
			key = interp.None
		}
		it, err := in.Iter(iterable)
		if err != nil {
			return Value{}, err
		}
		o, err := interp.NewObject[groupbyObject](in, t)
		if err != nil {
			in.DecRef(it)
			return Value{}, err
		}
		interp.IncRef(key)
		o.it, o.keyfunc = it, key
		return interp.ValueOf(o), nil
	},
	Dealloc: func(in *interp.Interp, v Value) {
		o := interp.ObjectOf[groupbyObject](v)
		releaseAll(in, []Value{o.it, o.keyfunc, o.tgtkey, o.currkey, o.currvalue})
	},
	Traverse: func(v Value, visit func(Value)) {
		o := interp.ObjectOf[groupbyObject](v)
		visitAll([]Value{o.it, o.keyfunc, o.tgtkey, o.currkey, o.currvalue}, visit)
	},
	Next: groupbyNext,
})

// groupbyStep draws the next item and computes its key; ok is false
// when the iterator is exhausted.
func groupbyStep(in *interp.Interp, o *groupbyObject) (bool, error) {
	if o.it.IsNil() {
		return false, nil
	}
	value, ok, err := in.Next(o.it)
	if err != nil || !ok {
		return false, err
	}
	key := value
	if o.keyfunc.IsNone() {
		interp.IncRef(key)
	} else if key, err = callOne(in, o.keyfunc, value); err != nil {
		in.DecRef(value)
		return false, err
	}
	oldValue, oldKey := o.currvalue, o.currkey
	o.currvalue, o.currkey = value, key
	in.XDecRef(oldValue)
	in.XDecRef(oldKey)
	return true, nil
}

func groupbyNext(in *interp.Interp, v Value) (Value, bool, error) {
	o := interp.ObjectOf[groupbyObject](v)
	o.current = nil
	// Skip to the first item whose key differs from the group's.
	for {
		if !o.currkey.IsNil() {
			if o.tgtkey.IsNil() {
				break
			}
			tgt, cur := o.tgtkey, o.currkey
			interp.IncRef(tgt)
			interp.IncRef(cur)
			eq, err := in.Equal(tgt, cur)
			in.DecRef(tgt)
			in.DecRef(cur)
			if err != nil {
				return Value{}, false, err
			}
			if !eq {
				break
			}
		}
		ok, err := groupbyStep(in, o)
		if err != nil || !ok {
			return Value{}, false, err
		}
	}
	key := o.currkey
	interp.IncRef(key)
	defer in.DecRef(key)
	old := o.tgtkey
	interp.IncRef(key)
	o.tgtkey = key
	in.XDecRef(old)
	g, err := interp.NewObject[grouperObject](in, grouperType)
	if err != nil {
		return Value{}, false, err
	}
	interp.IncRef(v)
	interp.IncRef(key)
	g.parent, g.tgtkey = v, key
	o.current = unsafe.Pointer(g)
	gv := interp.ValueOf(g)
	r, err := in.NewTuple(key, gv)
	in.DecRef(gv)
	return r, err == nil, err
}

var grouperType *interp.Type

func init() {
	grouperType = iterType[grouperObject]("_grouper", interp.TypeSpec{
		Construct: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
			if err := in.NoKeywords("_grouper", kwnames); err != nil {
				return Value{}, err
			}
			if err := in.CheckArgCount("_grouper", args, nil, 2, 2); err != nil {
				return Value{}, err
			}
			if !interp.IsInstance(args[0], groupbyType) {
				return Value{}, in.Raise(interp.TypeError, "_grouper() argument 1 must be itertools.groupby, not %s", args[0].Type().Name)
			}
			g, err := interp.NewObject[grouperObject](in, grouperType)
			if err != nil {
				return Value{}, err
			}
			interp.IncRef(args[0])
			interp.IncRef(args[1])
			g.parent, g.tgtkey = args[0], args[1]
			interp.ObjectOf[groupbyObject](args[0]).current = unsafe.Pointer(g)
			return interp.ValueOf(g), nil
		},
		Dealloc: func(in *interp.Interp, v Value) {
			g := interp.ObjectOf[grouperObject](v)
			in.XDecRef(g.parent)
			in.XDecRef(g.tgtkey)
		},
		Traverse: func(v Value, visit func(Value)) {
			g := interp.ObjectOf[grouperObject](v)
			visit(g.parent)
			visit(g.tgtkey)
		},
		Next: func(in *interp.Interp, v Value) (Value, bool, error) {
			g := interp.ObjectOf[grouperObject](v)
			if g.parent.IsNil() {
				return Value{}, false, nil
			}
			o := interp.ObjectOf[groupbyObject](g.parent)
			if o.current != unsafe.Pointer(g) {
				return Value{}, false, nil
			}
			if o.currvalue.IsNil() {
				ok, err := groupbyStep(in, o)
				if err != nil || !ok {
					return Value{}, false, err
				}
			}
			// __eq__ may run next() on this group again, which takes the
			// current item and key: hold the keys while comparing, and
			// end the group if the item went meanwhile, as CPython does.
			tgt, cur := g.tgtkey, o.currkey
			interp.IncRef(tgt)
			interp.IncRef(cur)
			eq, err := in.Equal(tgt, cur)
			in.DecRef(tgt)
			in.DecRef(cur)
			if err != nil || !eq || o.currvalue.IsNil() {
				return Value{}, false, err
			}
			r := o.currvalue
			o.currvalue = Value{}
			in.ClearRef(&o.currkey)
			return r, true, nil
		},
	})
}

// ---- tee ----

// teeLinkCells is how many items one _tee_dataobject holds, as in
// CPython.
const teeLinkCells = 57

// teeDataObject buffers items of the shared iterator: numread of them in
// values, the next buffer in next once this one is full.
type teeDataObject struct {
	alloc.Header
	alloc.GCLink
	it      Value
	values  [teeLinkCells]Value
	numread int
	running bool
	next    Value
}

// teeObject is one of tee's iterators: the buffer it reads and its
// position in it.
type teeObject struct {
	alloc.Header
	alloc.GCLink
	data  Value
	index int
}

var teeDataType = interp.NewType[teeDataObject](interp.TypeSpec{
	Name: "_tee_dataobject", Module: "itertools",
	Construct: teeDataNew,
	Dealloc: func(in *interp.Interp, v Value) {
		d := interp.ObjectOf[teeDataObject](v)
		in.XDecRef(d.it)
		releaseAll(in, d.values[:d.numread])
		// Release the rest of the chain here, one buffer at a time,
		// rather than recursively through each dealloc.
		next := d.next
		d.next = Value{}
		for !next.IsNil() && next.Header().Refs() == 1 {
			nd := interp.ObjectOf[teeDataObject](next)
			after := nd.next
			nd.next = Value{}
			in.DecRef(next)
			next = after
		}
		in.XDecRef(next)
	},
	Traverse: func(v Value, visit func(Value)) {
		d := interp.ObjectOf[teeDataObject](v)
		visit(d.it)
		visitAll(d.values[:d.numread], visit)
		visit(d.next)
	},
	Clear: func(in *interp.Interp, v Value) {
		d := interp.ObjectOf[teeDataObject](v)
		in.ClearRef(&d.it)
		for i := range d.values[:d.numread] {
			in.ClearRef(&d.values[i])
		}
		d.numread = 0
		in.ClearRef(&d.next)
	},
})

// newTeeData makes an empty buffer over it (a new reference is taken).
func newTeeData(in *interp.Interp, it Value) (Value, error) {
	d, err := interp.NewObject[teeDataObject](in, teeDataType)
	if err != nil {
		return Value{}, err
	}
	interp.IncRef(it)
	d.it = it
	return interp.ValueOf(d), nil
}

// teeDataItem returns item i of buffer d, drawing it from the iterator
// when d's readers have all read the items before it.
func teeDataItem(in *interp.Interp, d *teeDataObject, i int) (Value, bool, error) {
	if i < d.numread {
		interp.IncRef(d.values[i])
		return d.values[i], true, nil
	}
	if d.running {
		return Value{}, false, in.Raise(interp.RuntimeError, "cannot re-enter the tee iterator")
	}
	if d.it.IsNil() {
		return Value{}, false, nil
	}
	d.running = true
	item, ok, err := in.Next(d.it)
	d.running = false
	if err != nil || !ok {
		return Value{}, false, err
	}
	d.values[d.numread] = item
	d.numread++
	interp.IncRef(item)
	return item, true, nil
}

var teeType *interp.Type

func init() {
	teeType = interp.NewType[teeObject](interp.TypeSpec{
		Name: "_tee", Module: "itertools",
		Construct: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
			if err := in.NoKeywords("_tee", kwnames); err != nil {
				return Value{}, err
			}
			if err := in.CheckArgCount("_tee", args, nil, 1, 1); err != nil {
				return Value{}, err
			}
			it, err := in.Iter(args[0])
			if err != nil {
				return Value{}, err
			}
			defer in.DecRef(it)
			return teeFromIterator(in, it)
		},
		Dealloc:  func(in *interp.Interp, v Value) { in.XDecRef(interp.ObjectOf[teeObject](v).data) },
		Traverse: func(v Value, visit func(Value)) { visit(interp.ObjectOf[teeObject](v).data) },
		Clear:    func(in *interp.Interp, v Value) { in.ClearRef(&interp.ObjectOf[teeObject](v).data) },
		Iter:     interp.SelfIter,
		Next: func(in *interp.Interp, v Value) (Value, bool, error) {
			o := interp.ObjectOf[teeObject](v)
			if o.data.IsNil() {
				return Value{}, false, nil
			}
			d := interp.ObjectOf[teeDataObject](o.data)
			if o.index >= teeLinkCells {
				if d.next.IsNil() {
					next, err := newTeeData(in, d.it)
					if err != nil {
						return Value{}, false, err
					}
					d.next = next
				}
				next := d.next
				interp.IncRef(next)
				old := o.data
				o.data, o.index = next, 0
				in.DecRef(old)
				d = interp.ObjectOf[teeDataObject](next)
			}
			item, ok, err := teeDataItem(in, d, o.index)
			if err == nil && ok {
				o.index++
			}
			return item, ok, err
		},
	})
}

// teeFromIterator makes a _tee over iterator it: a copy of it when it is
// a _tee already.
func teeFromIterator(in *interp.Interp, it Value) (Value, error) {
	if it.Type() == teeType {
		return teeCopy(in, it)
	}
	d, err := newTeeData(in, it)
	if err != nil {
		return Value{}, err
	}
	o, err := interp.NewObject[teeObject](in, teeType)
	if err != nil {
		in.DecRef(d)
		return Value{}, err
	}
	o.data = d
	return interp.ValueOf(o), nil
}

// teeCopy is _tee.__copy__: a new reader at the same position.
func teeCopy(in *interp.Interp, v Value) (Value, error) {
	src := interp.ObjectOf[teeObject](v)
	o, err := interp.NewObject[teeObject](in, teeType)
	if err != nil {
		return Value{}, err
	}
	interp.IncRef(src.data)
	o.data, o.index = src.data, src.index
	return interp.ValueOf(o), nil
}

// teeFunc is itertools.tee(iterable, n=2, /).
func teeFunc(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, in.Raise(interp.TypeError, "itertools.tee() takes no keyword arguments")
	}
	if err := in.CheckArgCount("tee", args, nil, 1, 2); err != nil {
		return Value{}, err
	}
	n := 2
	if len(args) == 2 {
		var err error
		if n, err = in.AsSsize(args[1]); err != nil {
			return Value{}, err
		}
	}
	if n < 0 {
		return Value{}, in.Raise(interp.ValueError, "n must be >= 0")
	}
	if n == 0 {
		return in.NewTuple()
	}
	it, err := in.Iter(args[0])
	if err != nil {
		return Value{}, err
	}
	copyFn, err := in.LookupAttr(it, interp.ImmortalStr("__copy__"))
	if err != nil {
		in.DecRef(it)
		return Value{}, err
	}
	first := it
	if copyFn.IsNil() {
		first, err = teeFromIterator(in, it)
		in.DecRef(it)
		if err != nil {
			return Value{}, err
		}
		if copyFn, err = in.GetAttrString(first, "__copy__"); err != nil {
			in.DecRef(first)
			return Value{}, err
		}
	}
	defer in.DecRef(copyFn)
	items := []Value{first}
	for i := 1; i < n; i++ {
		c, err := in.Call(copyFn, nil, nil)
		if err != nil {
			releaseAll(in, items)
			return Value{}, err
		}
		items = append(items, c)
	}
	return newTupleOwned(in, items)
}

func init() {
	teeType.AddMethod("__copy__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("_tee.__copy__", args, kwnames); err != nil {
			return Value{}, err
		}
		return teeCopy(in, args[0])
	})
	itertoolsTable.fn("tee", teeFunc)
	itertoolsTable.typ("_grouper", grouperType)
	itertoolsTable.typ("_tee", teeType)
	itertoolsTable.typ("_tee_dataobject", teeDataType)
}
