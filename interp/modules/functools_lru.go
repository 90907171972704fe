package modules

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// functools._lru_cache_wrapper, the C cache behind functools.lru_cache
// and functools.cache: a hash table of the results by call key, hashing
// each key once per call as CPython does, and for a bounded cache a
// list in order of use (least recent first) whose head is evicted.

// lruLink is one cached call: its key, the key's hash and the result
// (owned), in the use-order list of a bounded cache.
type lruLink struct {
	key, result Value
	hash        int64
	prev, next  *lruLink
	live        bool // false once out of the table
}

// lruObject is the cache wrapper. maxsize is -1 for an unbounded cache
// and 0 for none; root is the sentinel of the use-order list.
type lruObject struct {
	alloc.Header
	alloc.GCLink
	fn, cacheInfoType, dict Value
	typed                   bool
	maxsize                 int
	hits, misses            int
	table                   map[int64][]*lruLink
	size                    int
	root                    lruLink
}

// lruKwdMark separates the positional from the keyword arguments in a
// key, as CPython's private kwd_mark object does.
var lruKwdMark = interp.TypeValue(interp.NewType[struct{ alloc.Header }](interp.TypeSpec{Name: "_lru_cache_kwd_mark", Module: "functools"}))

var lruParams = interp.Params{Func: "lru_cache", Names: []string{"user_function", "maxsize", "typed", "cache_info_type"}, Required: 4}

// lruLinkSize is what one cached call adds to the wrapper's size.
const lruLinkSize = int(unsafe.Sizeof(lruLink{})) + 16

var lruType *interp.Type

func init() {
	lruType = interp.NewType[lruObject](interp.TypeSpec{
		Name: "_lru_cache_wrapper", Module: "functools",
		DictField: "dict",
		Construct: lruNew,
		Dealloc: func(in *interp.Interp, v Value) {
			o := interp.ObjectOf[lruObject](v)
			lruClear(in, v, o)
			in.XDecRef(o.fn)
			in.XDecRef(o.cacheInfoType)
		},
		Traverse: func(v Value, visit func(Value)) {
			o := interp.ObjectOf[lruObject](v)
			visit(o.fn)
			visit(o.cacheInfoType)
			for _, bucket := range o.table {
				for _, l := range bucket {
					visit(l.key)
					visit(l.result)
				}
			}
		},
		Clear: func(in *interp.Interp, v Value) {
			o := interp.ObjectOf[lruObject](v)
			lruClear(in, v, o)
			in.ClearRef(&o.fn)
			in.ClearRef(&o.cacheInfoType)
		},
		Call: lruCall,
		DescrGet: func(in *interp.Interp, descr, obj Value, owner *interp.Type) (Value, error) {
			if obj.IsNil() || obj.IsNone() {
				interp.IncRef(descr)
				return descr, nil
			}
			return in.NewMethod(descr, obj)
		},
	})
	noArgs := func(name string, fn func(in *interp.Interp, v Value, o *lruObject) (Value, error)) {
		lruType.AddMethod(name, func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.MethNoArgs("_lru_cache_wrapper."+name, args, kwnames); err != nil {
				return Value{}, err
			}
			return fn(in, args[0], interp.ObjectOf[lruObject](args[0]))
		})
	}
	noArgs("cache_info", func(in *interp.Interp, v Value, o *lruObject) (Value, error) {
		if o.cacheInfoType.IsNil() {
			return Value{}, in.Raise(interp.TypeError, "'NoneType' object is not callable")
		}
		maxsize := interp.Int(int64(o.maxsize))
		if o.maxsize == -1 {
			maxsize = interp.None
		}
		return in.Call(o.cacheInfoType, []Value{interp.Int(int64(o.hits)), interp.Int(int64(o.misses)), maxsize, interp.Int(int64(o.size))}, nil)
	})
	noArgs("cache_clear", func(in *interp.Interp, v Value, o *lruObject) (Value, error) {
		lruClear(in, v, o)
		return interp.None, nil
	})
	noArgs("__reduce__", func(in *interp.Interp, v Value, o *lruObject) (Value, error) {
		return in.GetAttrString(v, "__qualname__")
	})
	noArgs("__copy__", func(in *interp.Interp, v Value, o *lruObject) (Value, error) {
		interp.IncRef(v)
		return v, nil
	})
	lruType.AddMethod("__deepcopy__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		interp.IncRef(args[0])
		return args[0], nil
	})
	functoolsTable.typ("_lru_cache_wrapper", lruType)
}

func lruNew(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	var fn, maxsizeV, typedV, infoType Value
	if err := in.Unpack(&lruParams, args, kwnames, &fn, &maxsizeV, &typedV, &infoType); err != nil {
		return Value{}, err
	}
	typed, err := in.Truth(typedV)
	if err != nil {
		return Value{}, err
	}
	if !interp.IsCallable(fn) {
		return Value{}, in.Raise(interp.TypeError, "the first argument must be callable")
	}
	maxsize := -1
	if !maxsizeV.IsNone() {
		idx, err := in.LookupSpecial(maxsizeV.Type(), "__index__")
		if err != nil {
			return Value{}, err
		}
		if idx.IsNil() && !interp.IsInt(maxsizeV) {
			return Value{}, in.Raise(interp.TypeError, "maxsize should be integer or None")
		}
		if maxsize, err = in.AsIndexSized(maxsizeV); err != nil {
			return Value{}, err
		}
		maxsize = max(maxsize, 0)
	}
	o, err := interp.NewObject[lruObject](in, t)
	if err != nil {
		return Value{}, err
	}
	interp.IncRef(fn)
	interp.IncRef(infoType)
	o.fn, o.cacheInfoType, o.typed, o.maxsize = fn, infoType, typed, maxsize
	o.table = map[int64][]*lruLink{}
	o.root.prev, o.root.next = &o.root, &o.root
	return interp.ValueOf(o), nil
}

// lruClear empties the cache and its counters.
func lruClear(in *interp.Interp, v Value, o *lruObject) {
	var dropped []Value
	for _, bucket := range o.table {
		for _, l := range bucket {
			l.live = false
			dropped = append(dropped, l.key, l.result)
		}
	}
	if o.size > 0 {
		_ = in.AccountBytes(v, -o.size*lruLinkSize)
	}
	o.table = map[int64][]*lruLink{}
	o.size = 0
	o.root.prev, o.root.next = &o.root, &o.root
	o.hits, o.misses = 0, 0
	// Release last: a key's __del__ may use the cache.
	releaseAll(in, dropped)
}

// lruMakeKey is the key of a call: the one argument itself when it is
// an exact int or str, else a tuple of the positional arguments, then
// the keyword mark with each keyword's name and value, then (typed)
// the types of all the values.
func lruMakeKey(in *interp.Interp, o *lruObject, args, kwnames []Value) (Value, error) {
	npos := len(args) - len(kwnames)
	if !o.typed && len(kwnames) == 0 {
		if npos == 1 && (args[0].Type() == interp.IntType || args[0].Type() == interp.StrType) {
			interp.IncRef(args[0])
			return args[0], nil
		}
		return in.NewTuple(args...)
	}
	items := make([]Value, 0, len(args)+2*len(kwnames)+1+len(args))
	items = append(items, args[:npos]...)
	if len(kwnames) > 0 {
		items = append(items, lruKwdMark)
		for i, k := range kwnames {
			items = append(items, k, args[npos+i])
		}
	}
	if o.typed {
		for _, a := range args {
			items = append(items, interp.TypeValue(a.Type()))
		}
	}
	return in.NewTuple(items...)
}

// lruFind returns the live link of key (with its hash), or nil. Keys'
// __eq__ may change the table; a search is redone when it did.
func lruFind(in *interp.Interp, o *lruObject, key Value, hash int64) (*lruLink, error) {
	for attempt := 0; ; attempt++ {
		bucket := append([]*lruLink(nil), o.table[hash]...)
		changed := false
		for _, l := range bucket {
			if !l.live {
				continue
			}
			stored := l.key
			interp.IncRef(stored)
			eq, err := in.Equal(stored, key)
			in.DecRef(stored)
			if err != nil {
				return nil, err
			}
			if eq {
				if l.live {
					return l, nil
				}
				changed = true
				break
			}
		}
		if !changed || attempt > 100 {
			return nil, nil
		}
	}
}

// lruRemoveFromTable takes l out of the hash table.
func lruRemoveFromTable(o *lruObject, l *lruLink) {
	bucket := o.table[l.hash]
	for i, x := range bucket {
		if x == l {
			bucket = append(bucket[:i], bucket[i+1:]...)
			break
		}
	}
	if len(bucket) == 0 {
		delete(o.table, l.hash)
	} else {
		o.table[l.hash] = bucket
	}
	l.live = false
	o.size--
}

// unlink takes l out of the use-order list; appendLink puts it last
// (most recent).
func (o *lruObject) unlink(l *lruLink) {
	l.prev.next, l.next.prev = l.next, l.prev
	l.prev, l.next = nil, nil
}

func (o *lruObject) appendLink(l *lruLink) {
	last := o.root.prev
	l.prev, l.next = last, &o.root
	last.next, o.root.prev = l, l
}

func lruCall(in *interp.Interp, v Value, args, kwnames []Value) (Value, error) {
	o := interp.ObjectOf[lruObject](v)
	if o.fn.IsNil() {
		return Value{}, in.Raise(interp.TypeError, "'%s' object is not callable", v.Type().Name)
	}
	if o.maxsize == 0 {
		o.misses++
		return in.Call(o.fn, args, kwnames)
	}
	interp.IncRef(v) // the call may drop the last other reference
	defer in.DecRef(v)
	key, err := lruMakeKey(in, o, args, kwnames)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(key)
	hash, err := in.Hash(key)
	if err != nil {
		return Value{}, err
	}
	l, err := lruFind(in, o, key, hash)
	if err != nil {
		return Value{}, err
	}
	if l != nil {
		if o.maxsize > 0 {
			o.unlink(l)
			o.appendLink(l)
		}
		o.hits++
		interp.IncRef(l.result)
		return l.result, nil
	}
	o.misses++
	result, err := in.Call(o.fn, args, kwnames)
	if err != nil {
		return Value{}, err
	}
	if o.maxsize > 0 {
		// A bounded cache checks whether the call cached this key itself
		// (recursion) and keeps that entry.
		if again, err := lruFind(in, o, key, hash); err != nil || again != nil {
			if err != nil {
				in.DecRef(result)
				return Value{}, err
			}
			return result, nil
		}
		if o.size >= o.maxsize && o.root.next != &o.root {
			// Full: evict the least recently used entry.
			old := o.root.next
			o.unlink(old)
			lruRemoveFromTable(o, old)
			_ = in.AccountBytes(v, -lruLinkSize)
			defer in.DecRef(old.key)
			defer in.DecRef(old.result)
		}
	}
	// Storing looks the key up again, as CPython's dict insertion does
	// (running __eq__ against keys of the same hash); a key cached
	// meanwhile gets the new result.
	if again, err := lruFind(in, o, key, hash); err != nil || again != nil {
		if err != nil {
			in.DecRef(result)
			return Value{}, err
		}
		interp.IncRef(result)
		old := again.result
		again.result = result
		in.DecRef(old)
		return result, nil
	}
	if err := in.AccountBytes(v, lruLinkSize); err != nil {
		in.DecRef(result)
		return Value{}, err
	}
	interp.IncRef(key)
	interp.IncRef(result)
	nl := &lruLink{key: key, result: result, hash: hash, live: true}
	o.table[hash] = append(o.table[hash], nl)
	o.size++
	if o.maxsize > 0 {
		o.appendLink(nl)
	}
	return result, nil
}
