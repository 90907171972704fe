package runtime

import (
	"sync"

	"github.com/parallel-py/parallel/channels"
	"github.com/parallel-py/parallel/interp"
)

// The receiving half of copy-on-send (copy.go): a graph becomes new
// objects of the receiving interpreter. Lists, dicts, sets and reduced
// objects are made before their contents, so that a reference back to
// one (a cycle) finds it; each is filled after the objects it holds are
// complete, so that an object used as a dict key or set member has its
// state before it is hashed, as pickle's order gives.

// Node states while rebuilding.
const (
	nodeUnmade uint8 = iota
	nodeMaking       // its contents are being made first (tuples, frozensets, constructor arguments)
	nodeMade         // the object exists (its contents may still be coming)
)

// rebuilder makes the objects of one graph.
type rebuilder struct {
	in    *interp.Interp
	g     *channels.Graph
	objs  []interp.Value // one reference each, dropped at the end
	state []uint8
	// tuples holds the object made for each tuple item, by TupleKey.
	tuples map[uintptr]interp.Value
	// scratch is a stack of the items of tuples being made.
	scratch []interp.Value
	// ints is where intList cuts small lists' items from: one array for
	// all of a graph's short lists of ints (made when the first is).
	ints     []interp.Value
	intsMade bool
	// objs and state start in these for graphs of a few nodes.
	objsBuf  [smallGraph]interp.Value
	stateBuf [smallGraph]uint8
}

// smallGraph is the most nodes a graph may have for its rebuilder to
// keep their objects without an allocation.
const smallGraph = 32

// rebuildGraph returns the object the graph stands for, new in in.
func rebuildGraph(in *interp.Interp, g *channels.Graph) (interp.Value, error) {
	r := rebuilders.Get().(*rebuilder)
	r.in, r.g = in, g
	if n := g.Len(); n <= smallGraph {
		r.objs, r.state = r.objsBuf[:n], r.stateBuf[:n]
	} else {
		r.objs, r.state = make([]interp.Value, n), make([]uint8, n)
	}
	v, err := r.value(g.Root())
	for _, o := range r.objs {
		in.XDecRef(o)
	}
	for _, t := range r.tuples {
		in.DecRef(t)
	}
	clear(r.objs)
	clear(r.state)
	if len(r.tuples) > 64 {
		r.tuples = nil
	} else {
		clear(r.tuples)
	}
	r.in, r.g, r.objs, r.state = nil, nil, nil, nil
	r.ints, r.intsMade = nil, false
	if cap(r.scratch) > 1024 {
		r.scratch = nil
	}
	rebuilders.Put(r)
	return v, err
}

// rebuilders keeps rebuilders between rebuilds, so that rebuilding a
// small graph allocates only its objects.
var rebuilders = sync.Pool{New: func() any { return &rebuilder{} }}

// value returns a new reference to the object for x.
func (r *rebuilder) value(x channels.Item) (interp.Value, error) {
	switch x.Kind() {
	case channels.KindRef:
		v, err := r.node(x.RefIndex())
		if err != nil {
			return interp.Value{}, err
		}
		interp.IncRef(v)
		return v, nil
	case channels.KindTuple:
		key := x.TupleKey()
		if v, ok := r.tuples[key]; ok {
			interp.IncRef(v)
			return v, nil
		}
		// The items go on the scratch stack (tuples inside push above
		// them), to be copied by NewTuple.
		base := len(r.scratch)
		for i := range x.Len() {
			v, err := r.value(x.At(i))
			if err != nil {
				decRefAll(r.in, r.scratch[base:])
				clear(r.scratch[base:])
				r.scratch = r.scratch[:base]
				return interp.Value{}, err
			}
			r.scratch = append(r.scratch, v)
		}
		items := r.scratch[base:]
		t, err := r.in.NewTuple(items...)
		decRefAll(r.in, items)
		clear(items)
		r.scratch = r.scratch[:base]
		if err != nil || key == 0 {
			return t, err
		}
		if r.tuples == nil {
			r.tuples = map[uintptr]interp.Value{}
		}
		interp.IncRef(t)
		r.tuples[key] = t
		return t, nil
	}
	return leafToPython(r.in, x)
}

// leafToPython is itemToPython for an item that is no reference, with
// the common kinds made here: itemToPython's defers are not open-coded,
// so every call to it pays for a deferred call, more than a small int
// costs to make.
func leafToPython(in *interp.Interp, x channels.Item) (interp.Value, error) {
	switch x.Kind() {
	case channels.KindInt:
		return interp.Int(x.AsInt()), nil
	case channels.KindFloat:
		return interp.Float(x.AsFloat()), nil
	case channels.KindNone:
		return interp.None, nil
	case channels.KindBool:
		return interp.Bool(x.AsBool()), nil
	case channels.KindStr:
		return strToPython(in, x)
	}
	return itemToPython(in, x)
}

// values makes n objects, item i being at(i); on error none are kept.
func (r *rebuilder) values(n int, at func(int) channels.Item) ([]interp.Value, error) {
	vals := make([]interp.Value, 0, n)
	for i := range n {
		v, err := r.value(at(i))
		if err != nil {
			decRefAll(r.in, vals)
			return nil, err
		}
		vals = append(vals, v)
	}
	return vals, nil
}

// node returns the object of node i, borrowed (r.objs owns it).
func (r *rebuilder) node(i int) (interp.Value, error) {
	switch r.state[i] {
	case nodeMade:
		return r.objs[i], nil
	case nodeMaking:
		return interp.Value{}, r.in.Raise(interp.ValueError, "cannot rebuild the shared object: it refers to itself through a tuple, a frozenset or its constructor's arguments")
	}
	r.state[i] = nodeMaking
	n := r.g.Node(i)
	var err error
	switch n.Kind {
	case channels.NodeList:
		if n.Ints != nil {
			err = r.intList(i, n.Ints)
		} else {
			err = r.fillList(i, n.Items)
		}
	case channels.NodeDict:
		err = r.fillDict(i, n.Items)
	case channels.NodeSet:
		if err = r.made(i).set(r.in.NewSet(nil)); err == nil {
			err = r.each(n, func(v interp.Value) error { return r.in.SetAdd(r.objs[i], v) })
		}
	case channels.NodeTuple, channels.NodeFrozenSet:
		var items []interp.Value
		if items, err = r.values(n.Len(), n.At); err == nil {
			if n.Kind == channels.NodeTuple {
				err = r.made(i).set(r.in.NewTuple(items...))
			} else {
				err = r.made(i).set(r.in.NewFrozenSet(items))
			}
			decRefAll(r.in, items)
		}
	case channels.NodeGlobal:
		gl := n.Global()
		err = r.made(i).set(r.global(gl.Module, gl.Name))
	case channels.NodeReduce:
		err = r.reduce(i, n.Items)
	}
	if err != nil {
		return interp.Value{}, err
	}
	return r.objs[i], nil
}

// made returns what records node i's object (a new reference, or the
// error making it) as made: r.made(i).set(r.in.NewList()). A value
// with a method rather than a closure, so that it costs no allocation.
func (r *rebuilder) made(i int) nodeSetter { return nodeSetter{r, i} }

// A nodeSetter records one node's object as made.
type nodeSetter struct {
	r *rebuilder
	i int
}

func (m nodeSetter) set(v interp.Value, err error) error {
	if err != nil {
		return err
	}
	m.r.objs[m.i], m.r.state[m.i] = v, nodeMade
	return nil
}

// each makes the object of each item of n and hands it to add
// (borrowed).
func (r *rebuilder) each(n *channels.Node, add func(v interp.Value) error) error {
	for j := range n.Len() {
		v, err := r.value(n.At(j))
		if err != nil {
			return err
		}
		err = add(v)
		r.in.DecRef(v)
		if err != nil {
			return err
		}
	}
	return nil
}

// plainItems reports whether items hold no reference to a node, so that
// making them cannot reach back to the container being made.
func plainItems(items []channels.Item) bool {
	for _, x := range items {
		if k := x.Kind(); k == channels.KindRef || k == channels.KindTuple {
			return false
		}
	}
	return true
}

// nones is a run of None, never written: the placeholders of lists of up
// to its length, without an allocation for them.
var nones = func() (n [1024]interp.Value) {
	for i := range n {
		n[i] = interp.None
	}
	return n
}()

// intList makes a list of ints: small ints are values, not objects, so
// making them can neither fail nor reach back to the list.
func (r *rebuilder) intList(i int, ints []int64) error {
	vals := r.intValues(len(ints))
	for j, n := range ints {
		vals[j] = interp.Int(n)
	}
	return r.made(i).set(r.in.NewListOwning(vals))
}

// shortList is the longest list whose items intValues cuts from the
// graph's shared array.
const shortList = 16

// intValues returns room for n items of a list of ints. A short list's
// items are cut (capacity and all) from one array sized for all the
// graph's short lists of ints, so that a record of many small lists
// costs one allocation for their items; the array lives as long as one
// of them does, which is no longer than the graph's size in values.
func (r *rebuilder) intValues(n int) []interp.Value {
	if n > shortList {
		return make([]interp.Value, n)
	}
	if !r.intsMade {
		r.intsMade = true
		total := 0
		for j := range r.g.Len() {
			if k := len(r.g.Node(j).Ints); k <= shortList {
				total += k
			}
		}
		if total > n {
			r.ints = make([]interp.Value, total)
		}
	}
	if len(r.ints) < n {
		return make([]interp.Value, n)
	}
	s := r.ints[:n:n]
	r.ints = r.ints[n:]
	return s
}

// fillList makes the list at its full length, holding None, before its
// items (which may refer back to it), then puts each in place: one
// allocation for the items instead of a list grown by appends.
func (r *rebuilder) fillList(i int, items []channels.Item) error {
	if plainItems(items) {
		// Nothing in it can refer back to the list: make the items
		// first and hand them to the list without a copy.
		vals := make([]interp.Value, len(items))
		for j, x := range items {
			v, err := leafToPython(r.in, x)
			if err != nil {
				decRefAll(r.in, vals[:j])
				return err
			}
			vals[j] = v
		}
		return r.made(i).set(r.in.NewListOwning(vals))
	}
	var placeholders []interp.Value
	if len(items) <= len(nones) {
		placeholders = nones[:len(items)]
	} else {
		placeholders = make([]interp.Value, len(items))
		for j := range placeholders {
			placeholders[j] = interp.None
		}
	}
	if err := r.made(i).set(r.in.NewList(placeholders...)); err != nil {
		return err
	}
	l := interp.AsList(r.objs[i])
	for j, x := range items {
		v, err := r.value(x)
		if err != nil {
			return err
		}
		r.in.DecRef(l.Replace(j, v))
		r.in.DecRef(v)
	}
	return nil
}

// fillDict makes the dict at the size it will have, then its items.
func (r *rebuilder) fillDict(i int, items []channels.Item) error {
	if err := r.made(i).set(r.in.NewDictSized(len(items) / 2)); err != nil {
		return err
	}
	return r.setPairs(r.objs[i], items, r.dictSet)
}

// dictSet stores k: v in the dict obj (setPairs' set for fillDict).
func (r *rebuilder) dictSet(obj, k, v interp.Value) error {
	return r.in.DictSet(interp.AsDict(obj), k, v)
}

// setPairs makes each key and value of items (alternating) and stores
// them in obj with set.
func (r *rebuilder) setPairs(obj interp.Value, items []channels.Item, set func(obj, k, v interp.Value) error) error {
	for j := 0; j+1 < len(items); j += 2 {
		k, err := r.value(items[j])
		if err != nil {
			return err
		}
		v, err := r.value(items[j+1])
		if err != nil {
			r.in.DecRef(k)
			return err
		}
		err = set(obj, k, v)
		r.in.DecRef(k)
		r.in.DecRef(v)
		if err != nil {
			return err
		}
	}
	return nil
}

// global imports module and follows name in it.
func (r *rebuilder) global(module, name string) (interp.Value, error) {
	v, err := lookupGlobal(r.in, module, name)
	if err != nil && interp.ErrorIs(err, interp.ExcType("AttributeError")) {
		r.in.DiscardError(err)
		return interp.Value{}, r.in.Raise(interp.ExcType("AttributeError"), "cannot rebuild the shared object: %s has no attribute %s here", module, name)
	}
	return v, err
}

// reduce makes node i's object by calling its callable with its
// arguments, then gives it its state, list items and dict items.
func (r *rebuilder) reduce(i int, items []channels.Item) error {
	callable, err := r.value(items[0])
	if err != nil {
		return err
	}
	defer r.in.DecRef(callable)
	argv, err := r.value(items[1])
	if err != nil {
		return err
	}
	defer r.in.DecRef(argv)
	args, _ := interp.TupleItems(argv)
	if err := r.made(i).set(r.in.Call(callable, args, nil)); err != nil {
		return err
	}
	obj := r.objs[i]
	if items[2].Kind() != channels.KindNone {
		state, err := r.value(items[2])
		if err != nil {
			return err
		}
		err = r.setState(obj, state)
		r.in.DecRef(state)
		if err != nil {
			return err
		}
	}
	if ref := items[3].RefIndex(); ref >= 0 {
		if err := r.each(r.g.Node(ref), func(v interp.Value) error {
			res, err := r.in.CallMethod(obj, "append", []interp.Value{v}, nil)
			r.in.XDecRef(res)
			return err
		}); err != nil {
			return err
		}
	}
	if ref := items[4].RefIndex(); ref >= 0 {
		return r.setPairs(obj, r.g.Node(ref).Items, r.in.SetItem)
	}
	return nil
}

// setState gives obj its state as pickle does: obj.__setstate__(state)
// when there is one, else state is the instance dict's items, or a
// (dict, slots) pair whose slots are set as attributes.
func (r *rebuilder) setState(obj, state interp.Value) error {
	setstate, err := r.in.GetAttrString(obj, "__setstate__")
	if err == nil {
		defer r.in.DecRef(setstate)
		res, err := r.in.Call(setstate, []interp.Value{state}, nil)
		r.in.XDecRef(res)
		return err
	}
	if !interp.ErrorIs(err, interp.ExcType("AttributeError")) {
		return err
	}
	r.in.DiscardError(err)
	dictState, slotState := state, interp.None
	if pair, ok := interp.TupleItems(state); ok && len(pair) == 2 {
		dictState, slotState = pair[0], pair[1]
	}
	if d := interp.AsDict(dictState); d != nil {
		instDict, err := r.in.GetAttrString(obj, "__dict__")
		if err != nil {
			return err
		}
		defer r.in.DecRef(instDict)
		keys, values := interp.DictItems(d)
		for j := range keys {
			if err := r.in.SetItem(instDict, keys[j], values[j]); err != nil {
				return err
			}
		}
	} else if !dictState.IsNone() {
		return r.in.Raise(interp.ExcType("UnpicklingError"), "state is not a dictionary")
	}
	if d := interp.AsDict(slotState); d != nil {
		keys, values := interp.DictItems(d)
		for j := range keys {
			if err := r.in.SetAttr(obj, keys[j], values[j]); err != nil {
				return err
			}
		}
	}
	return nil
}
