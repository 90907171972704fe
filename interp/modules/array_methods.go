package modules

import (
	"math"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The array type's definition, its methods and attributes, and its
// iterator type.

// arrayIterObject iterates an array; ao is dropped once exhausted.
type arrayIterObject struct {
	alloc.Header
	alloc.GCLink
	ao    Value
	index int
}

func init() {
	arrayType = interp.NewType[arrayObject](interp.TypeSpec{
		Name:         "array",
		Module:       "array",
		Doc:          arrayDoc,
		Subclassable: true,
		New:          arrayNew,
		Dealloc:      arrayDealloc,
		Repr:         arrayRepr,
		Compare:      arrayCompare,
		Len:          func(in *interp.Interp, v Value) (int, error) { return arrayOf(v).n(), nil },
		Iter:         newArrayIter,
		GetItem:      arrayGetItem,
		SetItem:      arraySetItem,
		Contains:     arrayContains,
		Number: &interp.NumberSpec{
			Binary: map[interp.BinaryOp]func(in *interp.Interp, a, b Value) (Value, error){
				interp.OpAdd: arrayConcat,
				interp.OpMul: arrayRepeat,
			},
			InPlace: map[interp.BinaryOp]func(in *interp.Interp, a, b Value) (Value, error){
				interp.OpAdd: arrayInplaceConcat,
				interp.OpMul: arrayInplaceRepeat,
			},
		},
	})
	arrayType.Flags |= interp.TypeSequence | interp.TypeWeakrefs
	arrayIterType = interp.NewType[arrayIterObject](interp.TypeSpec{
		Name:   "arrayiterator",
		Module: "array",
		Dealloc: func(in *interp.Interp, v Value) {
			in.ClearRef(&interp.ObjectOf[arrayIterObject](v).ao)
		},
		Traverse: func(v Value, visit func(Value)) { visit(interp.ObjectOf[arrayIterObject](v).ao) },
		Clear: func(in *interp.Interp, v Value) {
			in.ClearRef(&interp.ObjectOf[arrayIterObject](v).ao)
		},
		Iter: interp.SelfIter,
		Next: arrayIterNext,
	})
	interp.RegisterBuffer(arrayType, interp.BufferExporter{
		Bytes: func(v Value) []byte { return arrayOf(v).data },
		Format: func(v Value) (string, int) {
			d := arrayOf(v).desc
			return string(rune(d.code)), d.size
		},
	})
	arrayTable.set("__doc__", interp.ImmortalStr(arrayModuleDoc))
	arrayTable.set("typecodes", interp.ImmortalStr(arrayTypecodes))
	arrayTable.typ("ArrayType", arrayType)
	arrayTable.typ("array", arrayType)
	arrayTable.set("_array_reconstructor", arrayReconstructorValue)
	genericAliasable(arrayType)
	defArrayMethods(arrayType)
	defArrayIterMethods(arrayIterType)
}

// arrayMeth adds a method; fn receives the array and the arguments
// (without self).
func arrayMeth(t *interp.Type, name string, fn func(in *interp.Interp, self Value, a *arrayObject, args, kwnames []Value) (Value, error)) {
	t.AddMethod(name, func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		return fn(in, args[0], arrayOf(args[0]), args[1:], kwnames)
	})
}

// arrayNoArgs adds a method that takes no arguments.
func arrayNoArgs(t *interp.Type, name string, fn func(in *interp.Interp, self Value, a *arrayObject) (Value, error)) {
	qual := "array." + name
	t.AddMethod(name, func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs(qual, args, kwnames); err != nil {
			return Value{}, err
		}
		return fn(in, args[0], arrayOf(args[0]))
	})
}

// arrayOneArg adds a method that takes exactly one argument.
func arrayOneArg(t *interp.Type, name string, fn func(in *interp.Interp, self Value, a *arrayObject, x Value) (Value, error)) {
	qual := "array." + name
	t.AddMethod(name, func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethOneArg(qual, args, kwnames); err != nil {
			return Value{}, err
		}
		return fn(in, args[0], arrayOf(args[0]), args[1])
	})
}

// arrayPosArgs checks a positional-only method's arguments (between lo
// and hi of them).
func arrayPosArgs(in *interp.Interp, name string, args, kwnames []Value, lo, hi int) error {
	if err := in.NoKeywords("array."+name, kwnames); err != nil {
		return err
	}
	return in.CheckArgCount(name, args, nil, lo, hi)
}

var (
	arrayExtendParams   = interp.Params{Func: "extend", Names: []string{"bb"}, PosOnly: 1, Required: 1}
	arrayFromfileParams = interp.Params{Func: "fromfile", Names: []string{"f", "n"}, PosOnly: 2, Required: 2}
	arrayTofileParams   = interp.Params{Func: "tofile", Names: []string{"f"}, PosOnly: 1, Required: 1}
	arrayReduceParams   = interp.Params{Func: "__reduce_ex__", Names: []string{"value"}, PosOnly: 1, Required: 1}
)

// arrayBufFormat is PyBUF_FORMAT, the buffer request flag for the items'
// format.
const arrayBufFormat = 4

// arrayBlockSize is the size of the writes of tofile.
const arrayBlockSize = 64 * 1024

func defArrayMethods(t *interp.Type) {
	t.AddGetSet("typecode", func(in *interp.Interp, obj Value) (Value, error) {
		return in.NewStr(string(rune(arrayOf(obj).desc.code)))
	}, nil)
	t.AddGetSet("itemsize", func(in *interp.Interp, obj Value) (Value, error) {
		return interp.Int(int64(arrayOf(obj).desc.size)), nil
	}, nil)
	arrayOneArg(t, "append", func(in *interp.Interp, self Value, a *arrayObject, x Value) (Value, error) {
		return interp.None, a.insert(in, self, a.n(), x)
	})
	arrayNoArgs(t, "buffer_info", func(in *interp.Interp, self Value, a *arrayObject) (Value, error) {
		var addr int64
		if cap(a.data) > 0 {
			addr = int64(uintptr(unsafe.Pointer(unsafe.SliceData(a.data))))
		}
		return in.NewTuple(interp.Int(addr), interp.Int(int64(a.n())))
	})
	arrayNoArgs(t, "byteswap", func(in *interp.Interp, self Value, a *arrayObject) (Value, error) {
		size := a.desc.size
		for off := 0; off < len(a.data); off += size {
			item := a.data[off : off+size]
			for i, j := 0, size-1; i < j; i, j = i+1, j-1 {
				item[i], item[j] = item[j], item[i]
			}
		}
		return interp.None, nil
	})
	arrayOneArg(t, "count", func(in *interp.Interp, self Value, a *arrayObject, x Value) (Value, error) {
		count := 0
		for i := 0; i < a.n(); i++ {
			item, err := a.item(in, i)
			if err != nil {
				return Value{}, err
			}
			eq, err := in.Equal(item, x)
			in.DecRef(item)
			if err != nil {
				return Value{}, err
			}
			if eq {
				count++
			}
		}
		return interp.Int(int64(count)), nil
	})
	arrayMeth(t, "extend", func(in *interp.Interp, self Value, a *arrayObject, args, kwnames []Value) (Value, error) {
		var bb Value
		if err := in.Unpack(&arrayExtendParams, args, kwnames, &bb); err != nil {
			return Value{}, err
		}
		return interp.None, a.extend(in, self, bb)
	})
	arrayOneArg(t, "frombytes", func(in *interp.Interp, self Value, a *arrayObject, x Value) (Value, error) {
		b, err := in.BufferSimple(x)
		if err != nil {
			return Value{}, err
		}
		return interp.None, a.frombytes(in, self, b)
	})
	arrayMeth(t, "fromfile", arrayFromfile)
	arrayOneArg(t, "fromlist", func(in *interp.Interp, self Value, a *arrayObject, x Value) (Value, error) {
		items, ok := interp.ListItems(x)
		if !ok {
			return Value{}, in.Raise(interp.TypeError, "arg must be list")
		}
		n := len(items)
		if n == 0 {
			return interp.None, nil
		}
		old := a.n()
		if err := a.resize(in, self, old+n); err != nil {
			return Value{}, err
		}
		for i := 0; i < n; i++ {
			items, _ = interp.ListItems(x)
			var err error
			if len(items) != n {
				err = in.Raise(interp.ValueError, "list changed size during iteration")
			} else {
				item := items[i]
				interp.IncRef(item)
				err = a.set(in, a.n()-n+i, item)
				in.DecRef(item)
			}
			if err != nil {
				_ = a.resize(in, self, old)
				return Value{}, err
			}
		}
		return interp.None, nil
	})
	arrayOneArg(t, "fromunicode", func(in *interp.Interp, self Value, a *arrayObject, x Value) (Value, error) {
		if !interp.IsStr(x) {
			return Value{}, in.Raise(interp.TypeError, "fromunicode() argument must be str, not %s", x.Type().Name)
		}
		if a.desc.kind != 'u' {
			return Value{}, in.Raise(interp.ValueError, "fromunicode() may only be called on unicode type arrays")
		}
		return interp.None, a.fromunicode(in, self, x)
	})
	arrayMeth(t, "index", func(in *interp.Interp, self Value, a *arrayObject, args, kwnames []Value) (Value, error) {
		if err := arrayPosArgs(in, "index", args, kwnames, 1, 3); err != nil {
			return Value{}, err
		}
		start, stop := 0, math.MaxInt
		var err error
		if len(args) > 1 {
			if start, err = clampedIndex(in, args[1]); err != nil {
				return Value{}, err
			}
		}
		if len(args) > 2 {
			if stop, err = clampedIndex(in, args[2]); err != nil {
				return Value{}, err
			}
		}
		if start < 0 {
			start = max(start+a.n(), 0)
		}
		if stop < 0 {
			stop += a.n()
		}
		i, err := arrayFind(in, a, args[0], start, stop)
		if err != nil {
			return Value{}, err
		}
		if i < 0 {
			return Value{}, in.Raise(interp.ValueError, "array.index(x): x not in array")
		}
		return interp.Int(int64(i)), nil
	})
	arrayMeth(t, "insert", func(in *interp.Interp, self Value, a *arrayObject, args, kwnames []Value) (Value, error) {
		if err := arrayPosArgs(in, "insert", args, kwnames, 2, 2); err != nil {
			return Value{}, err
		}
		i, err := in.AsSsize(args[0])
		if err != nil {
			return Value{}, err
		}
		return interp.None, a.insert(in, self, i, args[1])
	})
	arrayMeth(t, "pop", func(in *interp.Interp, self Value, a *arrayObject, args, kwnames []Value) (Value, error) {
		if err := arrayPosArgs(in, "pop", args, kwnames, 0, 1); err != nil {
			return Value{}, err
		}
		i := -1
		if len(args) > 0 {
			var err error
			if i, err = in.AsSsize(args[0]); err != nil {
				return Value{}, err
			}
		}
		n := a.n()
		if n == 0 {
			return Value{}, in.Raise(interp.IndexError, "pop from empty array")
		}
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return Value{}, in.Raise(interp.IndexError, "pop index out of range")
		}
		r, err := a.item(in, i)
		if err != nil {
			return Value{}, err
		}
		if err := a.deleteAt(in, self, i); err != nil {
			in.DecRef(r)
			return Value{}, err
		}
		return r, nil
	})
	arrayOneArg(t, "remove", func(in *interp.Interp, self Value, a *arrayObject, x Value) (Value, error) {
		i, err := arrayFind(in, a, x, 0, a.n())
		if err != nil {
			return Value{}, err
		}
		if i < 0 {
			return Value{}, in.Raise(interp.ValueError, "array.remove(x): x not in array")
		}
		return interp.None, a.deleteAt(in, self, i)
	})
	arrayNoArgs(t, "reverse", func(in *interp.Interp, self Value, a *arrayObject) (Value, error) {
		for i, j := 0, a.n()-1; i < j; i, j = i+1, j-1 {
			x, y := a.raw(i), a.raw(j)
			a.setRaw(i, y)
			a.setRaw(j, x)
		}
		return interp.None, nil
	})
	arrayNoArgs(t, "tobytes", func(in *interp.Interp, self Value, a *arrayObject) (Value, error) {
		return in.NewBytes(a.data)
	})
	arrayMeth(t, "tofile", func(in *interp.Interp, self Value, a *arrayObject, args, kwnames []Value) (Value, error) {
		var f Value
		if err := in.Unpack(&arrayTofileParams, args, kwnames, &f); err != nil {
			return Value{}, err
		}
		for off := 0; off < len(a.data); off += arrayBlockSize {
			b, err := in.NewBytes(a.data[off:min(off+arrayBlockSize, len(a.data))])
			if err != nil {
				return Value{}, err
			}
			r, err := in.CallMethod(f, "write", []Value{b}, nil)
			in.DecRef(b)
			if err != nil {
				return Value{}, err
			}
			in.DecRef(r)
		}
		return interp.None, nil
	})
	arrayNoArgs(t, "tolist", func(in *interp.Interp, self Value, a *arrayObject) (Value, error) {
		return a.tolist(in)
	})
	arrayNoArgs(t, "tounicode", func(in *interp.Interp, self Value, a *arrayObject) (Value, error) {
		if a.desc.kind != 'u' {
			return Value{}, in.Raise(interp.ValueError, "tounicode() may only be called on unicode type arrays")
		}
		return a.tounicode(in)
	})
	arrayNoArgs(t, "__copy__", func(in *interp.Interp, self Value, a *arrayObject) (Value, error) {
		return newArrayBytes(in, a.desc, a.data)
	})
	arrayOneArg(t, "__deepcopy__", func(in *interp.Interp, self Value, a *arrayObject, memo Value) (Value, error) {
		return newArrayBytes(in, a.desc, a.data)
	})
	arrayMeth(t, "__reduce_ex__", func(in *interp.Interp, self Value, a *arrayObject, args, kwnames []Value) (Value, error) {
		var value Value
		if err := in.Unpack(&arrayReduceParams, args, kwnames, &value); err != nil {
			return Value{}, err
		}
		return arrayReduceEx(in, self, value)
	})
	t.AddMethod("__buffer__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.NoKeywords("wrapper __buffer__", kwnames); err != nil {
			return Value{}, err
		}
		if len(args) != 2 {
			return Value{}, in.Raise(interp.TypeError, " expected 1 argument, got %d", len(args)-1)
		}
		flags, err := in.AsIndexSized(args[1])
		if err != nil {
			return Value{}, err
		}
		if flags&arrayBufFormat == 0 {
			// CPython's view then reads the items' first bytes as 'B'.
			return Value{}, in.Raise(interp.NotImplementedError, "array.__buffer__ without PyBUF_FORMAT is not implemented yet")
		}
		return callBuiltin(in, "memoryview", args[0])
	})
	t.AddMethod("__release_buffer__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.NoKeywords("wrapper __release_buffer__", kwnames); err != nil {
			return Value{}, err
		}
		if len(args) != 2 {
			return Value{}, in.Raise(interp.TypeError, " expected 1 argument, got %d", len(args)-1)
		}
		if args[1].Type().Name != "memoryview" {
			return Value{}, in.Raise(interp.TypeError, "expected a memoryview object")
		}
		obj, err := in.GetAttrString(args[1], "obj")
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(obj)
		if !obj.Is(args[0]) {
			return Value{}, in.Raise(interp.ValueError, "memoryview's buffer is not this object")
		}
		return interp.None, nil // exports are not counted
	})
	arrayNoArgs(t, "__sizeof__", func(in *interp.Interp, self Value, a *arrayObject) (Value, error) {
		return interp.Int(int64(64 + a.allocated*a.desc.size)), nil
	})
}

// builtinAttr returns builtins.name.
func builtinAttr(in *interp.Interp, name string) (Value, error) {
	builtins, err := in.ImportModule("builtins")
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(builtins)
	return in.GetAttrString(builtins, name)
}

// callBuiltin calls the built-in name with args.
func callBuiltin(in *interp.Interp, name string, args ...Value) (Value, error) {
	fn, err := builtinAttr(in, name)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(fn)
	return in.Call(fn, args, nil)
}

// clampedIndex is the "slice index" argument format: an int (through
// __index__) clamped to the range of a Go int.
func clampedIndex(in *interp.Interp, v Value) (int, error) {
	isIndex, err := hasIndex(in, v)
	if err != nil {
		return 0, err
	}
	if !isIndex {
		return 0, in.Raise(interp.TypeError, "slice indices must be integers or have an __index__ method")
	}
	n, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(n)
	if i, ok := interp.IntValue(n); ok {
		return int(i), nil
	}
	if interp.BigIntOf(n).Sign() < 0 {
		return math.MinInt, nil
	}
	return math.MaxInt, nil
}

// arrayFromfile is fromfile(f, n): n items read with f.read.
func arrayFromfile(in *interp.Interp, self Value, a *arrayObject, args, kwnames []Value) (Value, error) {
	var f, nv Value
	if err := in.Unpack(&arrayFromfileParams, args, kwnames, &f, &nv); err != nil {
		return Value{}, err
	}
	n, err := in.AsSsize(nv)
	if err != nil {
		return Value{}, err
	}
	if n < 0 {
		return Value{}, in.Raise(interp.ValueError, "negative count")
	}
	if n > math.MaxInt/a.desc.size {
		return Value{}, in.NoMemory()
	}
	nbytes := n * a.desc.size
	b, err := in.CallMethod(f, "read", []Value{interp.Int(int64(nbytes))}, nil)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(b)
	if !interp.IsBytes(b) {
		return Value{}, in.Raise(interp.TypeError, "read() didn't return bytes")
	}
	data, _ := interp.BufferBytes(b)
	short := len(data) != nbytes
	if err := a.frombytes(in, self, data); err != nil {
		return Value{}, err
	}
	if short {
		return Value{}, in.Raise(interp.ExcType("EOFError"), "read() didn't return enough bytes")
	}
	return interp.None, nil
}

// deleteAt removes item i.
func (a *arrayObject) deleteAt(in *interp.Interp, v Value, i int) error {
	size := a.desc.size
	n := a.n()
	copy(a.data[i*size:], a.data[(i+1)*size:n*size])
	return a.resize(in, v, n-1)
}

// tolist returns the items as a list.
func (a *arrayObject) tolist(in *interp.Interp) (Value, error) {
	items := make([]Value, a.n())
	for i := range items {
		x, err := a.item(in, i)
		if err != nil {
			releaseAll(in, items[:i])
			return Value{}, err
		}
		items[i] = x
	}
	l, err := in.NewList(items...)
	releaseAll(in, items)
	return l, err
}

// tounicode returns the characters of a 'u' array as a str.
func (a *arrayObject) tounicode(in *interp.Interp) (Value, error) {
	rs := make([]rune, a.n())
	for i := range rs {
		r := uint32(a.raw(i))
		if r > 0x10ffff {
			return Value{}, in.Raise(interp.ValueError, "character U+%x is not in range [U+0000; U+10ffff]", r)
		}
		rs[i] = rune(r)
	}
	return in.NewStrRunes(rs)
}

// newArrayIter is iter(array).
func newArrayIter(in *interp.Interp, v Value) (Value, error) {
	it, err := interp.NewObject[arrayIterObject](in, arrayIterType)
	if err != nil {
		return Value{}, err
	}
	interp.IncRef(v)
	it.ao = v
	return interp.ValueOf(it), nil
}

func arrayIterNext(in *interp.Interp, v Value) (Value, bool, error) {
	it := interp.ObjectOf[arrayIterObject](v)
	if it.ao.IsNil() {
		return Value{}, false, nil
	}
	a := arrayOf(it.ao)
	if it.index < a.n() {
		x, err := a.item(in, it.index)
		if err != nil {
			return Value{}, false, err
		}
		it.index++
		return x, true, nil
	}
	in.ClearRef(&it.ao)
	return Value{}, false, nil
}

func defArrayIterMethods(t *interp.Type) {
	t.AddMethod("__reduce__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if len(args) > 1 || len(kwnames) > 0 {
			return Value{}, in.Raise(interp.TypeError, "__reduce__() takes no arguments")
		}
		it := interp.ObjectOf[arrayIterObject](args[0])
		iter, err := builtinAttr(in, "iter")
		if err != nil {
			return Value{}, err
		}
		if it.ao.IsNil() {
			empty, err := in.NewTuple()
			if err != nil {
				in.DecRef(iter)
				return Value{}, err
			}
			inner, err := newTupleOwned(in, []Value{empty})
			if err != nil {
				in.DecRef(iter)
				return Value{}, err
			}
			return newTupleOwned(in, []Value{iter, inner})
		}
		inner, err := in.NewTuple(it.ao)
		if err != nil {
			in.DecRef(iter)
			return Value{}, err
		}
		return newTupleOwned(in, []Value{iter, inner, interp.Int(int64(it.index))})
	})
	t.AddMethod("__setstate__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("arrayiterator.__setstate__", args, kwnames); err != nil {
			return Value{}, err
		}
		if !interp.IsInt(args[1]) {
			return Value{}, in.Raise(interp.TypeError, "an integer is required")
		}
		i, err := in.AsSsize(args[1])
		if err != nil {
			return Value{}, err
		}
		it := interp.ObjectOf[arrayIterObject](args[0])
		if !it.ao.IsNil() {
			it.index = min(max(i, 0), arrayOf(it.ao).n())
		}
		return interp.None, nil
	})
}
