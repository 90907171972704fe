package interp

import (
	"math"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// The lazy iterator types of the builtins — enumerate, zip, map, filter
// and callable_iterator (iter(callable, sentinel)) — and the iter() and
// next() functions. Each iterator owns references to the iterators it
// draws from and produces one item per next, so it works over endless and
// one-shot iterables as CPython's do.

// enumerateObject counts the items of an iterator; index is the next
// count while it fits in int64, and big takes over (an int) once it does
// not.
type enumerateObject struct {
	alloc.Header
	alloc.GCLink
	it    Value
	index int64
	big   Value
}

// zipObject draws one item from each of its iterators per tuple.
type zipObject struct {
	alloc.Header
	alloc.GCLink
	iters  []Value
	strict bool
}

// mapObject calls fn with one item from each of its iterators.
type mapObject struct {
	alloc.Header
	alloc.GCLink
	fn    Value
	iters []Value
}

// filterObject yields the items of it for which fn (None: the item
// itself) is true.
type filterObject struct {
	alloc.Header
	alloc.GCLink
	fn Value
	it Value
}

// callIterObject calls fn until it returns sentinel; both are dropped
// (nil) once it has, so the iterator stays exhausted.
type callIterObject struct {
	alloc.Header
	alloc.GCLink
	fn       Value
	sentinel Value
}

// The iterator types but callable_iterator can be subclassed; their
// classes' instances are made in subclass_bytes.go (enumerate) and
// subclass_iter.go (zip, map, filter).
var (
	enumerateType    = newBuiltinType("enumerate", objectType, TypeBaseType)
	zipType          = newBuiltinType("zip", objectType, TypeBaseType)
	mapType          = newBuiltinType("map", objectType, TypeBaseType)
	filterType       = newBuiltinType("filter", objectType, TypeBaseType)
	callIterType     = newBuiltinType("callable_iterator", objectType, 0)
	enumerateObjSize = unsafe.Sizeof(enumerateObject{})
	zipObjSize       = unsafe.Sizeof(zipObject{})
	mapObjSize       = unsafe.Sizeof(mapObject{})
	filterObjSize    = unsafe.Sizeof(filterObject{})
	callIterObjSize  = unsafe.Sizeof(callIterObject{})
)

func init() {
	for _, t := range []*Type{enumerateType, zipType, mapType, filterType, callIterType} {
		t.layout = t // instances are Go structs of their own
	}
	enumerateType.construct = newEnumerate
	enumerateType.iter = selfIter
	enumerateType.next = enumerateNext
	enumerateType.dealloc = func(in *Interp, v Value) {
		e := asObject[enumerateObject](v)
		in.xdecRef(e.it)
		in.xdecRef(e.big)
		*e = enumerateObject{Header: e.Header}
		in.heap.Free(&e.Header, enumerateObjSize)
	}

	zipType.construct = newZip
	zipType.iter = selfIter
	zipType.next = zipNext
	zipType.dealloc = func(in *Interp, v Value) {
		z := asObject[zipObject](v)
		n := len(z.iters)
		for _, it := range z.iters {
			in.xdecRef(it)
		}
		*z = zipObject{Header: z.Header}
		in.heap.Free(&z.Header, zipObjSize+uintptr(n)*valueSize)
	}

	mapType.construct = newMap
	mapType.iter = selfIter
	mapType.next = mapNext
	mapType.dealloc = func(in *Interp, v Value) {
		m := asObject[mapObject](v)
		n := len(m.iters)
		in.xdecRef(m.fn)
		for _, it := range m.iters {
			in.xdecRef(it)
		}
		*m = mapObject{Header: m.Header}
		in.heap.Free(&m.Header, mapObjSize+uintptr(n)*valueSize)
	}

	filterType.construct = newFilter
	filterType.iter = selfIter
	filterType.next = filterNext
	filterType.dealloc = func(in *Interp, v Value) {
		f := asObject[filterObject](v)
		in.xdecRef(f.fn)
		in.xdecRef(f.it)
		*f = filterObject{Header: f.Header}
		in.heap.Free(&f.Header, filterObjSize)
	}

	callIterType.iter = selfIter
	callIterType.next = callIterNext
	callIterType.dealloc = func(in *Interp, v Value) {
		c := asObject[callIterObject](v)
		in.xdecRef(c.fn)
		in.xdecRef(c.sentinel)
		*c = callIterObject{Header: c.Header}
		in.heap.Free(&c.Header, callIterObjSize)
	}

	for _, t := range []*Type{enumerateType, zipType, mapType, filterType, callIterType} {
		defIteratorMethods(t)
	}
	builtinFuncs = append(builtinFuncs, newBuiltin("iter", builtinIter), newBuiltin("next", builtinNext))
}

// defIteratorMethods gives a built-in iterator type the __iter__ and
// __next__ methods that make it usable from Python code.
func defIteratorMethods(t *Type) {
	defMethod(t, "__iter__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__iter__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		incRef(args[0])
		return args[0], nil
	})
	defMethod(t, "__next__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__next__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		v, ok, err := t.next(in, args[0])
		if err != nil || ok {
			return v, err
		}
		return Value{}, in.stopIteration(None)
	})
}

// releaseAll drops the references in vs.
func (in *Interp) releaseAll(vs []Value) {
	for _, v := range vs {
		in.xdecRef(v)
	}
}

// iterators returns an iterator over each of vs, in order; on error the
// ones already made are released.
func (in *Interp) iterators(vs []Value) ([]Value, error) {
	its := make([]Value, len(vs))
	for i, v := range vs {
		it, err := in.getIter(v)
		if err != nil {
			in.releaseAll(its[:i])
			return nil, err
		}
		its[i] = it
	}
	return its, nil
}

// newEnumerate is enumerate(iterable, start=0), with the argument
// checks of CPython's hand-written vectorcall: start is converted before
// the iterable is iterated.
func newEnumerate(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	nkw := len(kwnames)
	npos := len(args) - nkw
	kwIs := func(i int, name string) error {
		if kwnames[i].GoString() != name {
			return in.raise(typeErrorType, "'%s' is an invalid keyword argument for enumerate()", kwnames[i].GoString())
		}
		return nil
	}
	var iterable, start Value
	switch {
	case len(args) == 2:
		iterable, start = args[0], args[1]
		switch nkw {
		case 1:
			if err := kwIs(0, "start"); err != nil {
				return Value{}, err
			}
		case 2:
			if kwnames[0].GoString() == "start" {
				if err := kwIs(1, "iterable"); err != nil {
					return Value{}, err
				}
				iterable, start = args[1], args[0]
			} else {
				if err := kwIs(0, "iterable"); err != nil {
					return Value{}, err
				}
				if err := kwIs(1, "start"); err != nil {
					return Value{}, err
				}
			}
		}
	case len(args) == 1:
		if nkw == 1 {
			if t != enumerateType && kwnames[0].GoString() != "iterable" {
				return Value{}, in.raise(typeErrorType, "enumerate() missing required argument 'iterable' (pos 1)")
			}
			if err := kwIs(0, "iterable"); err != nil {
				return Value{}, err
			}
		}
		iterable = args[0]
	case npos == 0:
		if t != enumerateType {
			// A class goes through __new__, whose message names the
			// position as argument clinic's does.
			return Value{}, in.raise(typeErrorType, "enumerate() missing required argument 'iterable' (pos 1)")
		}
		return Value{}, in.raise(typeErrorType, "enumerate() missing required argument 'iterable'")
	default:
		return Value{}, in.raise(typeErrorType, "enumerate() takes at most 2 arguments (%d given)", len(args))
	}
	e := newInstanceStruct[enumerateObject](t) // room for a class's dict
	if !start.IsNil() {
		s, err := in.indexValue(start)
		if err != nil {
			return Value{}, err
		}
		if s.IsSmallInt() {
			e.index = s.SmallInt()
		} else {
			e.big = s
		}
	}
	it, err := in.getIter(iterable)
	if err != nil {
		in.xdecRef(e.big)
		return Value{}, err
	}
	if err := in.account(&e.Header, t, enumerateObjSize); err != nil {
		in.decRef(it)
		in.xdecRef(e.big)
		return Value{}, err
	}
	e.Header.SetFlags(alloc.FlagContainer)
	e.it = it
	return valueOf(e), nil
}

func enumerateNext(in *Interp, v Value) (Value, bool, error) {
	e := asObject[enumerateObject](v)
	item, ok, err := in.iterNext(e.it)
	if err != nil || !ok {
		return Value{}, false, err
	}
	var idx Value
	switch {
	case e.big.IsNil() && e.index < math.MaxInt64:
		idx = Int(e.index)
		e.index++
	default:
		if e.big.IsNil() {
			e.big = Int(math.MaxInt64)
		}
		next, err := in.BinaryOp(OpAdd, e.big, Int(1))
		if err != nil {
			in.decRef(item)
			return Value{}, false, err
		}
		idx = e.big // the reference moves into the tuple below
		e.big = next
	}
	r, err := in.NewTuple(idx, item)
	in.decRef(idx)
	in.decRef(item)
	return r, err == nil, err
}

// newZip is zip(*iterables, strict=False).
func newZip(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	npos := len(args) - len(kwnames)
	strict := false
	if len(kwnames) > 1 {
		return Value{}, in.raise(typeErrorType, "zip() takes at most 1 keyword argument (%d given)", len(kwnames))
	}
	if len(kwnames) == 1 {
		if kwnames[0].GoString() != "strict" {
			return Value{}, in.raise(typeErrorType, "'%s' is an invalid keyword argument for zip()", kwnames[0].GoString())
		}
		b, err := in.Truth(args[npos])
		if err != nil {
			return Value{}, err
		}
		strict = b
	}
	its, err := in.iterators(args[:npos])
	if err != nil {
		return Value{}, err
	}
	z := newInstanceStruct[zipObject](t) // room for a class's dict
	if err := in.account(&z.Header, t, zipObjSize+uintptr(len(its))*valueSize); err != nil {
		in.releaseAll(its)
		return Value{}, err
	}
	z.Header.SetFlags(alloc.FlagContainer)
	z.iters, z.strict = its, strict
	return valueOf(z), nil
}

// zipArgRange names the arguments before the i-th (0-based) in zip's
// strict messages: "argument 1" or "arguments 1-3".
func zipArgRange(i int) string {
	if i == 1 {
		return "argument 1"
	}
	return sprintf("arguments 1-%d", i)
}

func zipNext(in *Interp, v Value) (Value, bool, error) {
	z := asObject[zipObject](v)
	n := len(z.iters)
	if n == 0 {
		return Value{}, false, nil
	}
	// The items wait on the Go stack (zip of up to four iterables) and
	// their references move into the tuple.
	var buf [4]Value
	items := buf[:0]
	if n > len(buf) {
		items = make([]Value, 0, n)
	}
	for i, it := range z.iters {
		item, ok, err := in.iterNext(it)
		if err != nil || !ok {
			in.releaseAll(items)
			if err == nil && z.strict {
				err = in.zipStrictCheck(z, i)
			}
			return Value{}, false, err
		}
		items = append(items, item)
	}
	t, err := in.newTupleSized(n)
	if err != nil {
		in.releaseAll(items)
		return Value{}, false, err
	}
	copy(t.items, items)
	return valueOf(t), true, nil
}

// zipStrictCheck runs when iterator i of a strict zip is exhausted: the
// lengths differ unless it is the first and all the others are
// exhausted too.
func (in *Interp) zipStrictCheck(z *zipObject, i int) error {
	if i > 0 {
		return in.raise(valueErrorType, "zip() argument %d is shorter than %s", i+1, zipArgRange(i))
	}
	for j := 1; j < len(z.iters); j++ {
		item, ok, err := in.iterNext(z.iters[j])
		if err != nil {
			return err
		}
		if ok {
			in.decRef(item)
			return in.raise(valueErrorType, "zip() argument %d is longer than %s", j+1, zipArgRange(j))
		}
	}
	return nil
}

// newMap is map(func, *iterables).
func newMap(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	if err := in.noKeywords("map", kwnames); err != nil {
		return Value{}, err
	}
	if len(args) < 2 {
		return Value{}, in.raise(typeErrorType, "map() must have at least two arguments.")
	}
	its, err := in.iterators(args[1:])
	if err != nil {
		return Value{}, err
	}
	m := newInstanceStruct[mapObject](t)
	if err := in.account(&m.Header, t, mapObjSize+uintptr(len(its))*valueSize); err != nil {
		in.releaseAll(its)
		return Value{}, err
	}
	m.Header.SetFlags(alloc.FlagContainer)
	incRef(args[0])
	m.fn, m.iters = args[0], its
	return valueOf(m), nil
}

func mapNext(in *Interp, v Value) (Value, bool, error) {
	m := asObject[mapObject](v)
	var buf [4]Value
	items := buf[:0]
	for _, it := range m.iters {
		item, ok, err := in.iterNext(it)
		if err != nil || !ok {
			in.releaseAll(items)
			return Value{}, false, err
		}
		items = append(items, item)
	}
	r, err := in.callCopied(m.fn, items)
	in.releaseAll(items)
	return r, err == nil, err
}

// newFilter is filter(function or None, iterable).
func newFilter(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	if err := in.noKeywords("filter", kwnames); err != nil {
		return Value{}, err
	}
	if err := in.checkArgCount("filter", args, nil, 2, 2); err != nil {
		return Value{}, err
	}
	it, err := in.getIter(args[1])
	if err != nil {
		return Value{}, err
	}
	f := newInstanceStruct[filterObject](t)
	if err := in.account(&f.Header, t, filterObjSize); err != nil {
		in.decRef(it)
		return Value{}, err
	}
	f.Header.SetFlags(alloc.FlagContainer)
	incRef(args[0])
	f.fn, f.it = args[0], it
	return valueOf(f), nil
}

func filterNext(in *Interp, v Value) (Value, bool, error) {
	f := asObject[filterObject](v)
	for {
		item, ok, err := in.iterNext(f.it)
		if err != nil || !ok {
			return Value{}, false, err
		}
		var keep bool
		if f.fn.IsNone() || f.fn.Is(valueOf(boolType)) {
			keep, err = in.Truth(item)
		} else {
			var r Value
			r, err = in.Call(f.fn, []Value{item}, nil)
			if err == nil {
				keep, err = in.Truth(r)
				in.decRef(r)
			}
		}
		if err != nil {
			in.decRef(item)
			return Value{}, false, err
		}
		if keep {
			return item, true, nil
		}
		in.decRef(item)
	}
}

func callIterNext(in *Interp, v Value) (Value, bool, error) {
	c := asObject[callIterObject](v)
	if c.fn.IsNil() {
		return Value{}, false, nil
	}
	r, err := in.Call(c.fn, nil, nil)
	if err != nil {
		if e, ok := err.(*Exception); ok && valueOf(e).Type().IsSubtype(stopIterationType) {
			in.decRef(valueOf(e))
			in.callIterExhausted(c)
			return Value{}, false, nil
		}
		return Value{}, false, err
	}
	if c.fn.IsNil() { // the call exhausted this iterator through next()
		return r, true, nil
	}
	// The sentinel is compared first, as CPython does; __eq__ may exhaust
	// this iterator, so it keeps its own reference meanwhile.
	sentinel := c.sentinel
	incRef(sentinel)
	eq, err := in.keysEqual(sentinel, r)
	in.decRef(sentinel)
	if err != nil {
		in.decRef(r)
		return Value{}, false, err
	}
	if eq {
		in.decRef(r)
		if !c.fn.IsNil() {
			in.callIterExhausted(c)
		}
		return Value{}, false, nil
	}
	return r, true, nil
}

// callIterExhausted drops a callable_iterator's callable and sentinel.
func (in *Interp) callIterExhausted(c *callIterObject) {
	fn, s := c.fn, c.sentinel
	c.fn, c.sentinel = Value{}, Value{}
	in.xdecRef(fn)
	in.xdecRef(s)
}

// builtinIter is iter(object) and iter(callable, sentinel).
func builtinIter(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.checkArgCount("iter", args, kwnames, 1, 2); err != nil {
		return Value{}, err
	}
	if len(args) == 1 {
		return in.getIter(args[0])
	}
	if args[0].Type().call == nil {
		return Value{}, in.raise(typeErrorType, "iter(object, sentinel): object must be callable")
	}
	c := &callIterObject{}
	if err := in.account(&c.Header, callIterType, callIterObjSize); err != nil {
		return Value{}, err
	}
	c.Header.SetFlags(alloc.FlagContainer)
	incRef(args[0])
	incRef(args[1])
	c.fn, c.sentinel = args[0], args[1]
	return valueOf(c), nil
}

// builtinNext is next(iterator[, default]). The StopIteration a
// generator or a class's __next__ raises reaches the caller as raised,
// value included, as in CPython.
func builtinNext(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.checkArgCount("next", args, kwnames, 1, 2); err != nil {
		return Value{}, err
	}
	it := args[0]
	t := it.Type()
	if t.next == nil {
		return Value{}, in.raise(typeErrorType, "'%s' object is not an iterator", t.Name)
	}
	var r Value
	var err error
	switch {
	case t == generatorType:
		r, err = in.genSend(asObject[Generator](it), None)
	case asyncSender(t) != nil:
		r, err = in.resultOrStop(asyncSender(t)(in, it, None))
	case t.Flags&TypeHeapType != 0:
		r, err = in.callSpecialResult(it, "__next__")
	default:
		var ok bool
		r, ok, err = t.next(in, it)
		if err == nil && !ok {
			err = in.stopIteration(None)
		}
	}
	if err != nil && len(args) == 2 {
		if e, ok := err.(*Exception); ok && valueOf(e).Type().IsSubtype(stopIterationType) {
			in.decRef(valueOf(e))
			incRef(args[1])
			return args[1], nil
		}
	}
	return r, err
}
