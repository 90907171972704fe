package modules

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The combinatoric iterators: product, permutations, combinations and
// combinations_with_replacement. Each reads its input into tuples when
// it is made, then steps an array of indices as CPython's do; the index
// arrays are accounted to the object.

// combObject is the state of the combinatoric iterators: the pool (a
// tuple, or for product a tuple of tuples), the indices (and
// permutations' cycles), r, and the last result's items.
type combObject struct {
	alloc.Header
	alloc.GCLink
	pool    Value
	pools   [][]Value // product: the items of each pool (borrowed from pool)
	indices []int
	cycles  []int
	r       int
	started bool
	stopped bool
}

const intSize = int(unsafe.Sizeof(int(0)))

func combDealloc(in *interp.Interp, v Value) {
	o := interp.ObjectOf[combObject](v)
	// Give back the index arrays' bytes (see newComb).
	_ = in.AccountBytes(v, -(len(o.indices)+len(o.cycles))*intSize)
	in.XDecRef(o.pool)
}

func combTraverse(v Value, visit func(Value)) { visit(interp.ObjectOf[combObject](v).pool) }

// newComb makes a combinatoric iterator of type t over pool (a new
// reference is taken) with nIndices indices and nCycles cycles.
func newComb(in *interp.Interp, t *interp.Type, pool Value, r, nIndices, nCycles int) (*combObject, error) {
	o, err := interp.NewObject[combObject](in, t)
	if err != nil {
		return nil, err
	}
	v := interp.ValueOf(o)
	interp.IncRef(pool)
	o.pool, o.r = pool, r
	if err := in.AccountBytes(v, (nIndices+nCycles)*intSize); err != nil {
		in.DecRef(v)
		return nil, err
	}
	o.indices, o.cycles = make([]int, nIndices), make([]int, nCycles)
	return o, nil
}

// poolItems returns the items of a combinatoric iterator's pool tuple.
func poolItems(o *combObject) []Value {
	items, _ := interp.TupleItems(o.pool)
	return items
}

// resultTuple makes the tuple of pool items at indices (the first r).
func resultTuple(in *interp.Interp, pool []Value, indices []int) (Value, bool, error) {
	items := make([]Value, len(indices))
	for i, j := range indices {
		items[i] = pool[j]
	}
	t, err := in.NewTuple(items...)
	return t, err == nil, err
}

// ---- product ----

var productType = iterType[combObject]("product", interp.TypeSpec{
	New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		repeat := 1
		if len(kwnames) > 0 {
			var rv Value
			p := interp.Params{Func: "product", Names: []string{"repeat"}, KwOnly: 1}
			if err := in.Unpack(&p, args[len(args)-len(kwnames):], kwnames, &rv); err != nil {
				return Value{}, err
			}
			if !rv.IsNil() {
				var err error
				if repeat, err = in.AsSsize(rv); err != nil {
					return Value{}, err
				}
				if repeat < 0 {
					return Value{}, in.Raise(interp.ValueError, "repeat argument cannot be negative")
				}
			}
		}
		pos := positional(args, kwnames)
		if repeat == 0 {
			pos = nil // CPython does not even read the iterables
		} else if len(pos) > int(^uint(0)>>1)/intSize/repeat {
			return Value{}, in.Raise(interp.OverflowError, "repeat argument too large")
		}
		pools := make([]Value, 0, len(pos)*repeat)
		for _, a := range pos {
			p, err := tupleOf(in, a)
			if err != nil {
				releaseAll(in, pools)
				return Value{}, err
			}
			pools = append(pools, p)
		}
		for k := 1; k < repeat; k++ {
			for _, p := range pools[:len(pos)] {
				interp.IncRef(p)
				pools = append(pools, p)
			}
		}
		poolTuple, err := newTupleOwned(in, pools)
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(poolTuple)
		o, err := newComb(in, t, poolTuple, 0, len(pools), 0)
		if err != nil {
			return Value{}, err
		}
		ps, _ := interp.TupleItems(poolTuple)
		o.pools = make([][]Value, len(ps))
		for i, p := range ps {
			o.pools[i], _ = interp.TupleItems(p)
		}
		return interp.ValueOf(o), nil
	},
	Dealloc:  combDealloc,
	Traverse: combTraverse,
	Next: func(in *interp.Interp, v Value) (Value, bool, error) {
		o := interp.ObjectOf[combObject](v)
		if o.stopped {
			return Value{}, false, nil
		}
		if !o.started {
			o.started = true
			for _, p := range o.pools {
				if len(p) == 0 {
					o.stopped = true
					return Value{}, false, nil
				}
			}
		} else {
			// Advance the rightmost index that can be, resetting those
			// after it: an odometer.
			i := len(o.pools) - 1
			for ; i >= 0; i-- {
				o.indices[i]++
				if o.indices[i] < len(o.pools[i]) {
					break
				}
				o.indices[i] = 0
			}
			if i < 0 {
				o.stopped = true
				return Value{}, false, nil
			}
		}
		items := make([]Value, len(o.pools))
		for i, p := range o.pools {
			items[i] = p[o.indices[i]]
		}
		t, err := in.NewTuple(items...)
		return t, err == nil, err
	},
})

// ---- permutations ----

var permutationsParams = interp.Params{Func: "permutations", Names: []string{"iterable", "r"}, Required: 1}

var permutationsType = iterType[combObject]("permutations", interp.TypeSpec{
	New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		var iterable, rv Value
		if err := in.Unpack(&permutationsParams, args, kwnames, &iterable, &rv); err != nil {
			return Value{}, err
		}
		pool, err := tupleOf(in, iterable)
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(pool)
		items, _ := interp.TupleItems(pool)
		n, r := len(items), len(items)
		if !rv.IsNil() && !rv.IsNone() {
			if !interp.IsInt(rv) {
				return Value{}, in.Raise(interp.TypeError, "Expected int as r")
			}
			if r, err = in.AsSsize(rv); err != nil {
				return Value{}, err
			}
		}
		if r < 0 {
			return Value{}, in.Raise(interp.ValueError, "r must be non-negative")
		}
		o, err := newComb(in, t, pool, r, n, min(r, n))
		if err != nil {
			return Value{}, err
		}
		for i := range o.indices {
			o.indices[i] = i
		}
		for i := range o.cycles {
			o.cycles[i] = n - i
		}
		o.stopped = r > n
		return interp.ValueOf(o), nil
	},
	Dealloc:  combDealloc,
	Traverse: combTraverse,
	Next: func(in *interp.Interp, v Value) (Value, bool, error) {
		o := interp.ObjectOf[combObject](v)
		pool := poolItems(o)
		n, r := len(pool), o.r
		if o.stopped {
			return Value{}, false, nil
		}
		if !o.started {
			o.started = true
			return resultTuple(in, pool, o.indices[:r])
		}
		if n == 0 {
			o.stopped = true
			return Value{}, false, nil
		}
		// Decrement the rightmost cycle that can be; an exhausted one
		// rotates its index to the end and resets.
		i := r - 1
		for ; i >= 0; i-- {
			o.cycles[i]--
			if o.cycles[i] == 0 {
				first := o.indices[i]
				copy(o.indices[i:], o.indices[i+1:])
				o.indices[n-1] = first
				o.cycles[i] = n - i
				continue
			}
			j := o.cycles[i]
			o.indices[i], o.indices[n-j] = o.indices[n-j], o.indices[i]
			break
		}
		if i < 0 {
			o.stopped = true
			return Value{}, false, nil
		}
		return resultTuple(in, pool, o.indices[:r])
	},
})

// ---- combinations and combinations_with_replacement ----

// newCombinations parses (iterable, r) for both combination types.
func newCombinations(in *interp.Interp, t *interp.Type, params *interp.Params, args, kwnames []Value, replace bool) (Value, error) {
	var iterable, rv Value
	if err := in.Unpack(params, args, kwnames, &iterable, &rv); err != nil {
		return Value{}, err
	}
	r, err := in.AsSsize(rv)
	if err != nil {
		return Value{}, err
	}
	pool, err := tupleOf(in, iterable)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(pool)
	if r < 0 {
		return Value{}, in.Raise(interp.ValueError, "r must be non-negative")
	}
	items, _ := interp.TupleItems(pool)
	n := len(items)
	o, err := newComb(in, t, pool, r, r, 0)
	if err != nil {
		return Value{}, err
	}
	if replace {
		o.stopped = n == 0 && r > 0
	} else {
		for i := range o.indices {
			o.indices[i] = i
		}
		o.stopped = r > n
	}
	return interp.ValueOf(o), nil
}

var (
	combinationsParams = interp.Params{Func: "combinations", Names: []string{"iterable", "r"}, Required: 2}
	cwrParams          = interp.Params{Func: "combinations_with_replacement", Names: []string{"iterable", "r"}, Required: 2}
)

var combinationsType = iterType[combObject]("combinations", interp.TypeSpec{
	New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		return newCombinations(in, t, &combinationsParams, args, kwnames, false)
	},
	Dealloc:  combDealloc,
	Traverse: combTraverse,
	Next: func(in *interp.Interp, v Value) (Value, bool, error) {
		o := interp.ObjectOf[combObject](v)
		pool := poolItems(o)
		n, r := len(pool), o.r
		if o.stopped {
			return Value{}, false, nil
		}
		if !o.started {
			o.started = true
			return resultTuple(in, pool, o.indices)
		}
		// The rightmost index not at its maximum (n-r+i) steps up, and
		// those after it follow it.
		i := r - 1
		for i >= 0 && o.indices[i] == i+n-r {
			i--
		}
		if i < 0 {
			o.stopped = true
			return Value{}, false, nil
		}
		o.indices[i]++
		for j := i + 1; j < r; j++ {
			o.indices[j] = o.indices[j-1] + 1
		}
		return resultTuple(in, pool, o.indices)
	},
})

var cwrType = iterType[combObject]("combinations_with_replacement", interp.TypeSpec{
	New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		return newCombinations(in, t, &cwrParams, args, kwnames, true)
	},
	Dealloc:  combDealloc,
	Traverse: combTraverse,
	Next: func(in *interp.Interp, v Value) (Value, bool, error) {
		o := interp.ObjectOf[combObject](v)
		pool := poolItems(o)
		n, r := len(pool), o.r
		if o.stopped {
			return Value{}, false, nil
		}
		if !o.started {
			o.started = true
			return resultTuple(in, pool, o.indices)
		}
		// The rightmost index below n-1 steps up, and those after it
		// take its value.
		i := r - 1
		for i >= 0 && o.indices[i] == n-1 {
			i--
		}
		if i < 0 {
			o.stopped = true
			return Value{}, false, nil
		}
		o.indices[i]++
		for j := i + 1; j < r; j++ {
			o.indices[j] = o.indices[i]
		}
		return resultTuple(in, pool, o.indices)
	},
})
