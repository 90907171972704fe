package runtime

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/parallel-py/parallel/channels"
	"github.com/parallel-py/parallel/interp"
)

// Copy-on-send: what a queue or channel does with an object that is not
// shareable as it is. The sending interpreter walks the object under its
// GIL and builds a channels.Graph (lists, dicts, sets and frozensets node
// by node; classes and functions by module and qualified name; any other
// object as its __reduce_ex__(4) describes it, as pickle would, but into
// Go data rather than bytes); the receiving interpreter rebuilds new
// objects from it (rebuild.go). Objects reached twice are copied once and
// cycles survive. Anything that cannot be copied is a *notShareable
// naming its type and where it sits.

// maxCopyDepth bounds how deeply a copy may nest: the walk recurses on
// the Go stack, and pickle stops at a similar depth.
const maxCopyDepth = 2000

// memoInline is how many identities the copier remembers in a table
// scanned in order before it makes a map: most copies are of a few
// containers, and a short scan costs less than making a map.
const memoInline = 16

// copier builds the graph of one object.
type copier struct {
	in *interp.Interp
	// b is kept with the copier, so that it costs no allocation.
	b channels.GraphBuilder
	// memo maps the identity of each object copied so far (tuples,
	// containers, objects, globals) to its item, so that an object
	// reached twice is one node: the first memoInline in memoIDs and
	// memoItems, the rest in memo (made when they overflow).
	memoN     int
	memoIDs   [memoInline]uintptr
	memoItems [memoInline]channels.Item
	memo      map[uintptr]channels.Item
	// keep holds a reference to every memoized object and to every value
	// Python code returned during the walk, so that no identity in memo
	// is freed and reused while the walk runs. It starts in keepBuf.
	keep    []interp.Value
	keepBuf [32]interp.Value
	// scratch is a stack of values the walk reads containers into
	// (a dict's pairs), reused from container to container.
	scratch []interp.Value
}

// itemToSend converts obj (borrowed) to the item a put or send carries:
// as it is when it is shareable, else a copy when copying is allowed.
// The item's size is checked against limit (0: none).
func itemToSend(in *interp.Interp, obj interp.Value, limit int64, allowCopy bool) (channels.Item, error) {
	if x, ok := unboxedItem(obj); ok {
		// An int, float, bool or None, before plainItem's frame (which
		// its tuple and error cases make large) is set up.
		return x, nil
	}
	item, err := plainItem(in, obj, 0, !allowCopy)
	if err == nil {
		if limit > 0 && item.Kind() >= channels.KindBigInt {
			if n := itemSize(item); n > limit {
				return channels.Item{}, &channels.TooLargeError{Limit: limit}
			}
		}
		return item, nil
	}
	if err != errNotPlain {
		return channels.Item{}, err
	}
	return copyObject(in, obj, limit)
}

// exportOrCopy converts a call's argument or result (borrowed) for the
// other interpreter: as plain Go data when it is shareable, else as a
// copy (a channels.Item holding a graph, which toPython rebuilds), as
// CPython 3.14's Interpreter.call pickles what is not shareable.
func exportOrCopy(in *interp.Interp, v interp.Value) (any, error) {
	if isShareable(in, v) {
		return exportShareable(in, v, 0)
	}
	var limit int64
	if it, err := hostOf(in); err == nil {
		limit = it.rt.maxItem
	}
	return copyObject(in, v, limit)
}

// itemSize is what a plain item counts toward the size limit.
func itemSize(x channels.Item) int64 {
	const itemBytes = 24
	switch x.Kind() {
	case channels.KindStr, channels.KindBytes, channels.KindBuffer:
		return itemBytes + int64(len(x.BytesView()))
	case channels.KindBigInt:
		return itemBytes + int64(x.AsBigInt().BitLen()/8)
	case channels.KindTuple:
		n := int64(itemBytes)
		for i := range x.Len() {
			n += itemSize(x.At(i))
		}
		return n
	}
	return itemBytes
}

// copyObject builds the graph of obj (borrowed).
func copyObject(in *interp.Interp, obj interp.Value, limit int64) (channels.Item, error) {
	c := copiers.Get().(*copier)
	c.in = in
	c.b.Reset(limit)
	root, err := c.item(obj, 0)
	for _, v := range c.keep {
		in.DecRef(v)
	}
	var x channels.Item
	if err == nil {
		x, err = c.b.Finish(root)
	}
	c.reset()
	copiers.Put(c)
	return x, err
}

// copiers keeps copiers between copies: a copier's tables are most of
// what a small copy would allocate.
var copiers = sync.Pool{New: func() any {
	c := &copier{}
	c.keep = c.keepBuf[:0]
	return c
}}

// reset empties c for the next copy, keeping its tables unless they grew
// big, and dropping what they point at so that the pool keeps nothing
// alive.
func (c *copier) reset() {
	c.in = nil
	c.b.Reset(0)
	clear(c.memoItems[:c.memoN])
	c.memoN = 0
	if len(c.memo) > 1024 {
		c.memo = nil
	} else {
		clear(c.memo)
	}
	clear(c.keep)
	if cap(c.keep) > 1024 {
		c.keep = c.keepBuf[:0]
	} else {
		c.keep = c.keep[:0]
	}
	clear(c.scratch[:cap(c.scratch)])
	if cap(c.scratch) > 1024 {
		c.scratch = nil
	} else {
		c.scratch = c.scratch[:0]
	}
}

// memoized returns the item of an object copied before.
func (c *copier) memoized(id uintptr) (channels.Item, bool) {
	for j := range c.memoN {
		if c.memoIDs[j] == id {
			return c.memoItems[j], true
		}
	}
	if c.memo != nil {
		x, ok := c.memo[id]
		return x, ok
	}
	return channels.Item{}, false
}

// hold keeps a new reference to v until the walk ends.
func (c *copier) hold(v interp.Value) {
	if v.IsObject() {
		interp.IncRef(v)
		c.keep = append(c.keep, v)
	}
}

// snapshot returns items (borrowed from a container) safe to walk while
// Python code runs: as they are when none is a heap object, else a copy
// on the scratch stack whose objects are held. The caller pops the
// stack back to base (the stack's height before) when it is done.
func (c *copier) snapshot(items []interp.Value) (vals []interp.Value, base int) {
	base = len(c.scratch)
	for _, v := range items {
		if v.IsObject() {
			c.scratch = append(c.scratch, items...)
			s := c.scratch[base:len(c.scratch):len(c.scratch)]
			for _, w := range s {
				c.hold(w)
			}
			return s, base
		}
	}
	return items, base
}

// remember memoizes v's item; v is held so that its identity stays its.
func (c *copier) remember(v interp.Value, x channels.Item) {
	c.hold(v)
	id := interp.Identity(v)
	if c.memoN < memoInline {
		c.memoIDs[c.memoN], c.memoItems[c.memoN] = id, x
		c.memoN++
		return
	}
	if c.memo == nil {
		c.memo = map[uintptr]channels.Item{}
	}
	c.memo[id] = x
}

// refused is the error for a value that cannot be copied.
func (c *copier) refused(v interp.Value, reason string) error {
	return &notShareable{repr: "'" + v.Type().Name + "' object", reason: reason}
}

// at puts a place in front of the place a *notShareable names.
func at(err error, place string) error {
	var ns *notShareable
	if errors.As(err, &ns) {
		ns.index = place + ns.index
	}
	return err
}

func (c *copier) item(v interp.Value, depth int) (channels.Item, error) {
	if x, ok := unboxedItem(v); ok {
		return x, nil
	}
	if depth > maxCopyDepth {
		return channels.Item{}, c.refused(v, fmt.Sprintf("objects nested more than %d deep cannot be copied", maxCopyDepth))
	}
	t := v.Type()
	switch t {
	case interp.StrType:
		s := v.GoString()
		return channels.StrCounted(s, interp.StrLen(v)), c.b.Account(int64(len(s)))
	case interp.IntType:
		x := interp.BigIntOf(v)
		return channels.BigInt(x), c.b.Account(int64(x.BitLen() / 8))
	case interp.BytesType:
		b, _ := interp.BufferBytes(v)
		return channels.Bytes(b), c.b.Account(int64(len(b)))
	}
	if x, ok := c.memoized(interp.Identity(v)); ok {
		return x, nil
	}
	switch t {
	case interp.TupleType:
		items, _ := interp.TupleItems(v)
		vals, base := c.snapshot(items)
		xs, err := c.items(vals, depth, indexPlace)
		c.scratch = c.scratch[:base]
		if err != nil {
			return channels.Item{}, err
		}
		if err := c.b.Account(24 * int64(len(xs))); err != nil {
			return channels.Item{}, err
		}
		x := c.b.Tuple(xs)
		c.remember(v, x)
		return x, nil
	case interp.ListType:
		items, _ := interp.ListItems(v)
		return c.seq(v, channels.NodeList, items, depth)
	case interp.SetType, interp.FrozenSetType:
		items, _ := interp.SetItems(v)
		kind := channels.NodeSet
		if t == interp.FrozenSetType {
			kind = channels.NodeFrozenSet
		}
		return c.seq(v, kind, items, depth)
	case interp.DictType:
		return c.dict(v, depth, keyPlace)
	}
	if h, ok, err := handleOf(c.in, v); ok || err != nil {
		return channels.HandleItem(h), err
	}
	if interp.AsType(v) != nil || interp.IsFunction(v) || t.Name == "builtin_function_or_method" {
		return c.global(v, "", "")
	}
	if t.Name == "module" {
		return channels.Item{}, c.refused(v, "modules cannot be copied")
	}
	return c.reduce(v, depth)
}

// A placeFunc names the place of item i of a container in an error.
type placeFunc func(c *copier, items []interp.Value, i int) string

func indexPlace(_ *copier, _ []interp.Value, i int) string { return fmt.Sprintf("[%d]", i) }

func memberPlace(_ *copier, _ []interp.Value, _ int) string { return "{...}" }

// keyPlace names a dict value by its key's repr (or for keys, which
// alternate with values in items, as a key).
func keyPlace(c *copier, items []interp.Value, i int) string {
	if i%2 == 0 {
		return "{key}"
	}
	r, err := c.in.Repr(items[i-1])
	if err != nil {
		c.in.DiscardError(err)
		return "[...]"
	}
	defer c.in.DecRef(r)
	return "[" + r.GoString() + "]"
}

// attrPlace names an instance attribute (the state dict's key).
func attrPlace(c *copier, items []interp.Value, i int) string {
	if i%2 == 1 && items[i-1].IsObject() && items[i-1].Type() == interp.StrType {
		return "." + items[i-1].GoString()
	}
	return keyPlace(c, items, i)
}

// items converts the values of a container.
func (c *copier) items(vals []interp.Value, depth int, place placeFunc) ([]channels.Item, error) {
	xs := c.b.NewItems(len(vals))
	for i, w := range vals {
		x, err := c.item(w, depth+1)
		if err != nil {
			return nil, at(err, place(c, vals, i))
		}
		xs[i] = x
	}
	return xs, nil
}

// seq copies a list, set or frozenset: a node made before its items, so
// that the items may refer back to it.
func (c *copier) seq(v interp.Value, kind channels.NodeKind, items []interp.Value, depth int) (channels.Item, error) {
	i, err := c.b.Add(kind)
	if err != nil {
		return channels.Item{}, err
	}
	ref := channels.Ref(i)
	c.remember(v, ref)
	if ints, ok := smallInts(&c.b, items); ok {
		return ref, c.b.SetInts(i, ints)
	}
	place := indexPlace
	if kind != channels.NodeList {
		place = memberPlace
	}
	vals, base := c.snapshot(items)
	xs, err := c.items(vals, depth, place)
	c.scratch = c.scratch[:base]
	if err != nil {
		return channels.Item{}, err
	}
	return ref, c.b.SetItems(i, xs)
}

// smallInts returns items as int64s when all are small ints (values,
// not objects): the compact form of a node (channels.Node.Ints).
func smallInts(b *channels.GraphBuilder, items []interp.Value) ([]int64, bool) {
	if len(items) == 0 {
		return nil, false
	}
	for _, v := range items {
		if !v.IsSmallInt() {
			return nil, false
		}
	}
	ints := b.NewInts(len(items))
	for j, v := range items {
		ints[j] = v.SmallInt()
	}
	return ints, true
}

// dict copies a dict as a node of keys and values.
func (c *copier) dict(v interp.Value, depth int, place placeFunc) (channels.Item, error) {
	// The pairs go on the scratch stack, held: a copy of the dict's
	// contents that Python code run during the walk cannot change.
	// Containers inside push above them, and may move the stack, which
	// leaves kv as it is.
	base := len(c.scratch)
	c.scratch = interp.DictPairs(interp.AsDict(v), c.scratch)
	kv := c.scratch[base:len(c.scratch):len(c.scratch)]
	containers := 0
	for j, w := range kv {
		c.hold(w)
		if j%2 == 1 && w.IsObject() {
			switch w.Type() {
			case interp.ListType, interp.DictType, interp.SetType:
				containers++
			}
		}
	}
	// A record's values are containers too: room for their nodes at
	// once rather than by doubling.
	c.b.Reserve(1 + containers)
	i, err := c.b.Add(channels.NodeDict)
	if err != nil {
		c.scratch = c.scratch[:base]
		return channels.Item{}, err
	}
	ref := channels.Ref(i)
	c.remember(v, ref)
	xs, err := c.items(kv, depth, place)
	c.scratch = c.scratch[:base]
	if err != nil {
		return channels.Item{}, err
	}
	return ref, c.b.SetItems(i, xs)
}

// strAttr returns v.name when it is a str ("" when it is missing or not
// a str).
func (c *copier) strAttr(v interp.Value, name string) (string, error) {
	a, err := c.in.GetAttrString(v, name)
	if err != nil {
		if interp.ErrorIs(err, interp.ExcType("AttributeError")) {
			c.in.DiscardError(err)
			return "", nil
		}
		return "", err
	}
	defer c.in.DecRef(a)
	if !a.IsObject() || a.Type() != interp.StrType {
		return "", nil
	}
	return a.GoString(), nil
}

// global copies a class or function as its module and qualified name
// (given, or read from v), after checking that importing the module and
// following the name finds v itself, so that the receiver finds the
// same definition in its own copy of the module.
func (c *copier) global(v interp.Value, module, name string) (channels.Item, error) {
	var err error
	if name == "" {
		if name, err = c.strAttr(v, "__qualname__"); err == nil && name == "" {
			name, err = c.strAttr(v, "__name__")
		}
		if err != nil {
			return channels.Item{}, err
		}
	}
	if module == "" {
		if module, err = c.strAttr(v, "__module__"); err != nil {
			return channels.Item{}, err
		}
	}
	what := fmt.Sprintf("it is not importable by module and qualified name (%s.%s)", module, name)
	if module == "" || name == "" || strings.Contains(name, "<locals>") {
		return channels.Item{}, c.refused(v, what)
	}
	found, err := lookupGlobal(c.in, module, name)
	if err != nil {
		if !interp.ErrorIs(err, interp.ExcType("Exception")) {
			return channels.Item{}, err
		}
		c.in.DiscardError(err)
		return channels.Item{}, c.refused(v, what)
	}
	same := interp.Identity(found) == interp.Identity(v)
	c.in.DecRef(found)
	if !same {
		return channels.Item{}, c.refused(v, fmt.Sprintf("it is not the object found as %s.%s", module, name))
	}
	i, err := c.b.Add(channels.NodeGlobal)
	if err != nil {
		return channels.Item{}, err
	}
	ref := channels.Ref(i)
	c.remember(v, ref)
	return ref, c.b.SetGlobal(i, module, name)
}

// lookupGlobal imports module and follows the dotted name in it.
func lookupGlobal(in *interp.Interp, module, name string) (interp.Value, error) {
	obj, err := in.ImportModule(module)
	if err != nil {
		return interp.Value{}, err
	}
	for _, part := range strings.Split(name, ".") {
		next, err := in.GetAttrString(obj, part)
		in.DecRef(obj)
		if err != nil {
			return interp.Value{}, err
		}
		obj = next
	}
	return obj, nil
}

// reduce copies any other object as __reduce_ex__(4) describes it: a
// callable and its arguments to make it, then its state, list items and
// dict items.
func (c *copier) reduce(v interp.Value, depth int) (channels.Item, error) {
	if v.Type().Name == "method" {
		r, err := c.methodReduction(v)
		if err != nil {
			return channels.Item{}, err
		}
		c.keep = append(c.keep, r)
		return c.reduced(v, r, depth)
	}
	r, err := c.in.CallMethod(v, "__reduce_ex__", []interp.Value{interp.Int(4)}, nil)
	if err != nil {
		if !interp.ErrorIs(err, interp.ExcType("Exception")) {
			return channels.Item{}, err
		}
		reason := c.in.ExceptionMessage(err)
		c.in.DiscardError(err)
		return channels.Item{}, c.refused(v, reason)
	}
	c.keep = append(c.keep, r)
	return c.reduced(v, r, depth)
}

// methodReduction is what CPython's method.__reduce__ returns, which
// our methods lack: (getattr, (obj.__self__, obj.__func__.__name__)).
func (c *copier) methodReduction(v interp.Value) (interp.Value, error) {
	self, err := c.in.GetAttrString(v, "__self__")
	if err != nil {
		return interp.Value{}, err
	}
	defer c.in.DecRef(self)
	name, err := c.in.GetAttrString(v, "__name__")
	if err != nil {
		return interp.Value{}, err
	}
	defer c.in.DecRef(name)
	getattr, err := lookupGlobal(c.in, "builtins", "getattr")
	if err != nil {
		return interp.Value{}, err
	}
	defer c.in.DecRef(getattr)
	args, err := c.in.NewTuple(self, name)
	if err != nil {
		return interp.Value{}, err
	}
	defer c.in.DecRef(args)
	return c.in.NewTuple(getattr, args)
}

// reduced copies v as its reduction r (borrowed) describes it.
func (c *copier) reduced(v, r interp.Value, depth int) (channels.Item, error) {
	if r.IsObject() && r.Type() == interp.StrType {
		// A singleton named by the string, in the object's module.
		module, err := c.strAttr(v, "__module__")
		if err != nil {
			return channels.Item{}, err
		}
		return c.global(v, module, r.GoString())
	}
	parts, ok := interp.TupleItems(r)
	if !ok || len(parts) < 2 || len(parts) > 6 {
		return channels.Item{}, c.refused(v, "__reduce_ex__ did not return a string or a tuple of 2 to 6 items")
	}
	if len(parts) == 6 && !parts[5].IsNone() {
		return channels.Item{}, c.refused(v, "copying objects whose reduction has a state setter is not implemented yet")
	}
	if args, ok := interp.TupleItems(parts[1]); !ok {
		return channels.Item{}, c.refused(v, "__reduce_ex__ returned arguments that are not a tuple")
	} else if len(args) > 0 && interp.Identity(args[0]) == interp.Identity(v) {
		return channels.Item{}, c.refused(v, "it is its own constructor argument")
	}
	i, err := c.b.Add(channels.NodeReduce)
	if err != nil {
		return channels.Item{}, err
	}
	ref := channels.Ref(i)
	c.remember(v, ref)
	xs := make([]channels.Item, 5)
	if xs[0], err = c.item(parts[0], depth+1); err != nil {
		return channels.Item{}, at(err, ".__reduce_ex__()[0]")
	}
	if xs[1], err = c.item(parts[1], depth+1); err != nil {
		return channels.Item{}, at(err, ".__reduce_ex__()[1]")
	}
	if len(parts) > 2 && !parts[2].IsNone() {
		state := parts[2]
		if state.IsObject() && state.Type() == interp.DictType {
			if _, seen := c.memoized(interp.Identity(state)); !seen {
				xs[2], err = c.dict(state, depth+1, attrPlace)
			} else {
				xs[2], err = c.item(state, depth+1)
			}
		} else {
			xs[2], err = c.item(state, depth+1)
			err = at(err, ".__reduce_ex__()[2]")
		}
		if err != nil {
			return channels.Item{}, err
		}
	}
	for k := 3; k <= 4 && k < len(parts); k++ {
		if parts[k].IsNone() {
			continue
		}
		if xs[k], err = c.iterated(v, parts[k], k == 4, depth); err != nil {
			return channels.Item{}, err
		}
	}
	return ref, c.b.SetItems(i, xs)
}

// iterated copies a reduction's list items or dict items (an iterator)
// as a list node, or a dict node of its pairs.
func (c *copier) iterated(v, iterable interp.Value, pairs bool, depth int) (channels.Item, error) {
	it, err := c.in.Iter(iterable)
	if err != nil {
		return channels.Item{}, err
	}
	c.keep = append(c.keep, it)
	var vals []interp.Value
	for {
		x, ok, err := c.in.Next(it)
		if err != nil {
			return channels.Item{}, err
		}
		if !ok {
			break
		}
		c.keep = append(c.keep, x)
		if !pairs {
			vals = append(vals, x)
			continue
		}
		kv, ok := interp.TupleItems(x)
		if !ok || len(kv) != 2 {
			return channels.Item{}, c.refused(v, "__reduce_ex__'s dict items are not pairs")
		}
		vals = append(vals, kv[0], kv[1])
	}
	kind, place := channels.NodeList, indexPlace
	if pairs {
		kind, place = channels.NodeDict, keyPlace
	}
	i, err := c.b.Add(kind)
	if err != nil {
		return channels.Item{}, err
	}
	xs, err := c.items(vals, depth, place)
	if err != nil {
		return channels.Item{}, err
	}
	return channels.Ref(i), c.b.SetItems(i, xs)
}
