package interp

import (
	"math/big"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// memoryview over the buffers the interpreter has: bytes (read-only)
// and bytearray (writable), one-dimensional with format 'B'. A view
// owns a reference to its exporter and reads the exporter's buffer on
// every access (start, length and step locate its items), so a slice of
// a view is another view of the same buffer. While a view of a
// bytearray is alive and not released, the bytearray counts it as an
// export and refuses to change size, as CPython's buffer protocol does;
// so does a BytesIO whose getbuffer() made the view (the view's object
// is then the BytesIO's _BytesIOBuffer, bytesio.go).

// MemoryView is a memoryview object.
type MemoryView struct {
	alloc.Header
	obj      Value // the exporter (owned); nil once released
	start    int   // offset of item 0 in the exporter's buffer
	length   int   // number of items (bytes)
	step     int   // distance between items, in bytes (the stride)
	readonly bool
	format   string // "B", or "@B" after cast('@B'), or a wider integer format
	// itemsize is the bytes per item of a view cast to a wider integer
	// format ('I', 'Q', ...; 0 means 1). Such views support len,
	// indexing, tolist, tobytes and nbytes; the rest raise
	// NotImplementedError.
	itemsize int
	hashed   bool
	hash     int64
}

// memIterator iterates a view: length is the view's length when the
// iterator was made; view is dropped once exhausted.
type memIterator struct {
	alloc.Header
	view   Value
	index  int
	length int
}

var (
	memoryviewType   = newBuiltinType("memoryview", objectType, 0)
	memIteratorType  = newBuiltinType("memory_iterator", objectType, 0)
	memoryviewSize   = unsafe.Sizeof(MemoryView{})
	memIteratorSize  = unsafe.Sizeof(memIterator{})
	mvReleasedMsg    = "operation forbidden on released memoryview object"
	mvDifferentShape = "memoryview assignment: lvalue and rvalue have different structures"
)

// isReleasedView reports whether v is a memoryview that was released:
// CPython's buffer consumers raise ValueError for it rather than the
// TypeError of a non-buffer.
func isReleasedView(v Value) bool {
	return v.Type() == memoryviewType && asObject[MemoryView](v).obj.IsNil()
}

// unusableView reports whether v is a memoryview that cannot answer a
// simple buffer request: released, or not contiguous.
func unusableView(v Value) bool {
	if v.Type() != memoryviewType {
		return false
	}
	_, ok := asObject[MemoryView](v).simple()
	return !ok
}

// viewBufferError is the error of a simple buffer request on a view
// that cannot answer it (nil for any other value): ValueError once
// released, BufferError when not contiguous.
func (in *Interp) viewBufferError(v Value) error {
	switch {
	case isReleasedView(v):
		return in.releasedViewError()
	case unusableView(v):
		return in.raise(exceptionTypes["BufferError"], "memoryview: underlying buffer is not C-contiguous")
	}
	return nil
}

// bytesDataFull is bytesData for the consumers that accept any buffer
// and copy it (bytes(), bytearray(), ==, %s): a non-contiguous view's
// bytes too, as a copy.
func bytesDataFull(v Value) ([]byte, bool) {
	if v.Type() == memoryviewType {
		return asObject[MemoryView](v).contents()
	}
	return bytesData(v)
}

// releasedViewError is the ValueError of an operation on a released view.
func (in *Interp) releasedViewError() error {
	return in.raise(valueErrorType, "%s", mvReleasedMsg)
}

// bufferExportsError is the BufferError of resizing an exported
// bytearray.
func (in *Interp) bufferExportsError() error {
	return in.raise(exceptionTypes["BufferError"], "Existing exports of data: object cannot be re-sized")
}

// baCanResize checks that bytearray o may take the size n: not while a
// memoryview exports its buffer (a same-size change is allowed).
func (in *Interp) baCanResize(o *ByteArray, n int) error {
	if o.exports > 0 && n != len(o.b) {
		return in.bufferExportsError()
	}
	return nil
}

// base returns the exporter's whole buffer (a bytearray's live one);
// ok is false once released or, defensively, if the view's items no
// longer lie inside it.
func (m *MemoryView) base() (buf []byte, ok bool) {
	if m.obj.IsNil() {
		return nil, false
	}
	if m.obj.Type() == bytesIOBufferType {
		buf = bioOf(asObject[bytesIOBuffer](m.obj).bio).buf
	} else {
		buf, _ = bytesData(m.obj)
	}
	if m.length > 0 {
		last := m.start + (m.length-1)*m.step
		if m.start < 0 || m.start >= len(buf) || last < 0 || last >= len(buf) {
			return nil, false
		}
	}
	return buf, true
}

// contents returns the view's bytes: a part of the exporter's buffer
// when the view is contiguous (capped, so appending to it copies), else a
// copy. ok is false once released.
func (m *MemoryView) contents() ([]byte, bool) {
	buf, ok := m.base()
	if !ok {
		return nil, false
	}
	if m.length == 0 {
		return []byte{}, true
	}
	if m.step == 1 {
		end := m.start + m.length
		return buf[m.start:end:end], true
	}
	out := make([]byte, m.length)
	for i := range out {
		out[i] = buf[m.start+i*m.step]
	}
	return out, true
}

// simple is contents for a simple buffer request: ok is false too when
// the view is not contiguous.
func (m *MemoryView) simple() ([]byte, bool) {
	if m.length > 1 && m.step != 1 {
		return nil, false
	}
	return m.contents()
}

// mvData is contents for the view's own operations: the released
// ValueError, and NotImplementedError should the exporter have changed
// size under the view (the export count prevents it).
func (in *Interp) mvData(m *MemoryView) ([]byte, error) {
	if m.obj.IsNil() {
		return nil, in.releasedViewError()
	}
	b, ok := m.contents()
	if !ok {
		return nil, in.raise(notImplementedErrorType, "a memoryview whose exporter changed size is not implemented yet")
	}
	return b, nil
}

// mvLive returns the view's object, or the released ValueError.
func (in *Interp) mvLive(v Value) (*MemoryView, error) {
	m := asObject[MemoryView](v)
	if m.obj.IsNil() {
		return nil, in.releasedViewError()
	}
	return m, nil
}

// newMemoryView makes a view of obj (a bytes or bytearray, borrowed).
func (in *Interp) newMemoryView(obj Value, start, length, step int, readonly bool, format string) (Value, error) {
	m := &MemoryView{obj: obj, start: start, length: length, step: step, readonly: readonly, format: format}
	if err := in.account(&m.Header, memoryviewType, memoryviewSize); err != nil {
		return Value{}, err
	}
	incRef(obj)
	if isByteArray(obj) {
		asObject[ByteArray](obj).exports++
	} else if obj.Type() == bytesIOBufferType {
		bioOf(asObject[bytesIOBuffer](obj).bio).exports++
	}
	return valueOf(m), nil
}

// mvRelease lets go of the exporter (idempotent).
func (in *Interp) mvRelease(m *MemoryView) {
	obj := m.obj
	if obj.IsNil() {
		return
	}
	m.obj = Value{}
	if isByteArray(obj) {
		asObject[ByteArray](obj).exports--
	} else if obj.Type() == bytesIOBufferType {
		bioOf(asObject[bytesIOBuffer](obj).bio).exports--
	}
	in.decRef(obj)
}

// mvDerive makes a view of the same exporter as m with other bounds.
func (in *Interp) mvDerive(m *MemoryView, start, length, step int, readonly bool, format string) (Value, error) {
	return in.newMemoryView(m.obj, start, length, step, readonly, format)
}

// memoryviewConstruct is memoryview(object).
func memoryviewConstruct(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	if len(args) > 1 {
		kw := ""
		if len(args) == len(kwnames) {
			kw = "keyword "
		}
		return Value{}, in.raise(typeErrorType, "memoryview() takes at most 1 %sargument (%d given)", kw, len(args))
	}
	var x Value
	if err := in.parseArgs("memoryview", args, kwnames, []string{"object"}, 1, &x); err != nil {
		return Value{}, err
	}
	if x.Type() == memoryviewType {
		m, err := in.mvLive(x)
		if err != nil {
			return Value{}, err
		}
		return in.mvDerive(m, m.start, m.length, m.step, m.readonly, m.format)
	}
	b, ok := bytesData(x)
	if !ok {
		return Value{}, in.raise(typeErrorType, "memoryview: a bytes-like object is required, not '%s'", x.Type().Name)
	}
	return in.newMemoryView(x, 0, len(b), 1, !isByteArray(x), "B")
}

// isIndexLike reports whether v is an int or has __index__ (PyIndex_Check).
func (in *Interp) isIndexLike(v Value) bool {
	return isInt(v) || v.Type().Flags&TypeHeapType != 0 && in.hasSpecial(v, "__index__")
}

// mvIndex converts the index key (index-like) and checks it against the
// view's length (on dimension dim).
func (in *Interp) mvIndex(m *MemoryView, key Value, dim int) (int, error) {
	i, fits, err := in.bytesIndex(key)
	if err != nil {
		return 0, err
	}
	if !fits {
		return 0, in.raise(indexErrorType, "cannot fit 'int' into an index-sized integer")
	}
	if i < 0 {
		i += int64(m.length)
	}
	if i < 0 || i >= int64(m.length) {
		return 0, in.raise(indexErrorType, "index out of bounds on dimension %d", dim)
	}
	return int(i), nil
}

// mvTupleKind classifies a tuple subscript: all index-like (multiIndex)
// or all slices (multiSlice); an empty tuple is both, as in CPython.
func (in *Interp) mvTupleKind(key Value) (items []Value, multiIndex, multiSlice bool) {
	if key.Type() != tupleType && !key.Type().IsSubtype(tupleType) {
		return nil, false, false
	}
	items = asObject[Tuple](key).items
	multiIndex, multiSlice = true, true
	for _, x := range items {
		if !in.isIndexLike(x) {
			multiIndex = false
		}
		if x.Type() != sliceType {
			multiSlice = false
		}
	}
	return items, multiIndex, multiSlice
}

// mvTupleIndex resolves m[i,] (a one-element tuple of a 1-D view).
func (in *Interp) mvTupleIndex(m *MemoryView, items []Value) (int, error) {
	if len(items) < 1 {
		return 0, in.raise(notImplementedErrorType, "sub-views are not implemented")
	}
	if len(items) > 1 {
		return 0, in.raise(typeErrorType, "cannot index 1-dimension view with %d-element tuple", len(items))
	}
	return in.mvIndex(m, items[0], 1)
}

// mvItem reads item i of the view (re-checked: converting the index may
// have run code that released the view).
func (in *Interp) mvItem(v Value, i int) (Value, error) {
	m, err := in.mvLive(v)
	if err != nil {
		return Value{}, err
	}
	buf, ok := m.base()
	if !ok || i >= m.length {
		return Value{}, in.raise(notImplementedErrorType, "a memoryview whose exporter changed size is not implemented yet")
	}
	return Int(int64(buf[m.start+i*m.step])), nil
}

func memoryviewGetItem(in *Interp, v, key Value) (Value, error) {
	m, err := in.mvLive(v)
	if err != nil {
		return Value{}, err
	}
	if in.isIndexLike(key) {
		i, err := in.mvIndex(m, key, 1)
		if err != nil {
			return Value{}, err
		}
		return in.mvItem(v, i)
	}
	if key.Type() == sliceType {
		start, stop, step, err := in.sliceIndices(asObject[Slice](key), m.length)
		if err != nil {
			return Value{}, err
		}
		if m, err = in.mvLive(v); err != nil {
			return Value{}, err
		}
		n := sliceLen(start, stop, step)
		first := m.start
		if n > 0 {
			first = m.start + start*m.step
		}
		return in.mvDerive(m, first, n, m.step*step, m.readonly, m.format)
	}
	items, multiIndex, multiSlice := in.mvTupleKind(key)
	switch {
	case multiIndex:
		i, err := in.mvTupleIndex(m, items)
		if err != nil {
			return Value{}, err
		}
		return in.mvItem(v, i)
	case multiSlice:
		return Value{}, in.raise(notImplementedErrorType, "multi-dimensional slicing is not implemented")
	}
	return Value{}, in.raise(typeErrorType, "memoryview: invalid slice key")
}

// mvPackByte converts the value stored by m[i] = value for format 'B',
// with the messages of CPython's struct packing.
func (in *Interp) mvPackByte(m *MemoryView, value Value) (byte, error) {
	i, fits, err := in.bytesIndex(value)
	if err != nil {
		e, ok := err.(*Exception)
		if !ok {
			return 0, err
		}
		switch t := valueOf(e).Type(); {
		case t.IsSubtype(typeErrorType):
			in.decRef(valueOf(e))
			return 0, in.raise(typeErrorType, "memoryview: invalid type for format '%s'", m.format)
		case t.IsSubtype(valueErrorType) || t.IsSubtype(overflowErrorType):
			in.decRef(valueOf(e))
			return 0, in.raise(valueErrorType, "memoryview: invalid value for format '%s'", m.format)
		}
		return 0, err
	}
	if !fits || i < 0 || i > 255 {
		return 0, in.raise(valueErrorType, "memoryview: invalid value for format '%s'", m.format)
	}
	return byte(i), nil
}

// mvStore writes c at item i of the view (re-checked after the
// conversions that ran code).
func (in *Interp) mvStore(v Value, i int, c byte) error {
	m, err := in.mvLive(v)
	if err != nil {
		return err
	}
	buf, ok := m.base()
	if !ok || i >= m.length {
		return in.raise(notImplementedErrorType, "a memoryview whose exporter changed size is not implemented yet")
	}
	buf[m.start+i*m.step] = c
	return nil
}

func memoryviewSetItem(in *Interp, v, key, value Value) error {
	m, err := in.mvLive(v)
	if err != nil {
		return err
	}
	if m.readonly {
		return in.raise(typeErrorType, "cannot modify read-only memory")
	}
	if value.IsNil() {
		return in.raise(typeErrorType, "cannot delete memory")
	}
	if in.isIndexLike(key) {
		i, err := in.mvIndex(m, key, 1)
		if err != nil {
			return err
		}
		c, err := in.mvPackByte(m, value)
		if err != nil {
			return err
		}
		return in.mvStore(v, i, c)
	}
	if key.Type() == sliceType {
		// The source buffer is taken first, then the slice resolved.
		src, ok := bytesDataFull(value)
		if !ok {
			return in.bytesLikeRequired(value)
		}
		src = append([]byte(nil), src...) // it may overlap the target
		start, stop, step, err := in.sliceIndices(asObject[Slice](key), m.length)
		if err != nil {
			return err
		}
		n := sliceLen(start, stop, step)
		if n != len(src) {
			return in.raise(valueErrorType, "%s", mvDifferentShape)
		}
		for j, c := range src {
			if err := in.mvStore(v, start+j*step, c); err != nil {
				return err
			}
		}
		return nil
	}
	items, multiIndex, multiSlice := in.mvTupleKind(key)
	switch {
	case multiIndex:
		i, err := in.mvTupleIndex(m, items)
		if err != nil {
			return err
		}
		c, err := in.mvPackByte(m, value)
		if err != nil {
			return err
		}
		return in.mvStore(v, i, c)
	case multiSlice:
		return in.raise(notImplementedErrorType, "memoryview slice assignments are currently restricted to ndim = 1")
	}
	return in.raise(typeErrorType, "memoryview: invalid slice key")
}

// mvCompare is == and != (the only comparisons a memoryview has): equal
// to any buffer of the same length and bytes; a released view is equal
// only to itself.
func mvCompare(in *Interp, a, b Value, op CompareOp) (Value, error) {
	if op != CmpEQ && op != CmpNE {
		return NotImplemented, nil
	}
	var equal bool
	if isReleasedView(a) || isReleasedView(b) {
		equal = a.Is(b)
	} else {
		x, _ := asObject[MemoryView](a).contents()
		y, ok := bytesDataFull(b)
		if !ok {
			return NotImplemented, nil
		}
		equal = string(x) == string(y)
	}
	return Bool(equal == (op == CmpEQ)), nil
}

// mvHash is hash(view): a read-only view hashes as the bytes it holds;
// the hash is kept, so it survives release.
func mvHash(in *Interp, v Value) (int64, error) {
	m := asObject[MemoryView](v)
	if m.hashed {
		return m.hash, nil
	}
	if m.obj.IsNil() {
		return 0, in.releasedViewError()
	}
	if !m.readonly {
		return 0, in.raise(valueErrorType, "cannot hash writable memoryview object")
	}
	if _, err := in.Hash(m.obj); err != nil {
		return 0, err
	}
	b, err := in.mvData(m)
	if err != nil {
		return 0, err
	}
	m.hash, m.hashed = hashString(string(b)), true
	return m.hash, nil
}

func init() {
	t := memoryviewType
	t.construct = memoryviewConstruct
	t.dealloc = func(in *Interp, v Value) {
		m := asObject[MemoryView](v)
		in.mvRelease(m)
		*m = MemoryView{Header: m.Header}
		in.heap.Free(&m.Header, memoryviewSize)
	}
	t.repr = func(in *Interp, v Value) (Value, error) {
		if asObject[MemoryView](v).obj.IsNil() {
			return in.NewStr("<released memory at 0x" + hexAddr(v) + ">")
		}
		return in.NewStr("<memory at 0x" + hexAddr(v) + ">")
	}
	t.hash = mvHash
	t.compare = mvCompare
	t.length = func(in *Interp, v Value) (int, error) {
		m, err := in.mvLive(v)
		if err != nil {
			return 0, err
		}
		if m.itemsize > 1 {
			return m.length / m.itemsize, nil
		}
		return m.length, nil
	}
	t.boolean = func(in *Interp, v Value) (bool, error) {
		m, err := in.mvLive(v)
		if err != nil {
			return false, err
		}
		return m.length > 0, nil
	}
	t.getitem = func(in *Interp, v, key Value) (Value, error) {
		if m := asObject[MemoryView](v); m.itemsize > 1 && !m.obj.IsNil() {
			return in.mvWideItem(m, key)
		}
		return memoryviewGetItem(in, v, key)
	}
	t.setitem = func(in *Interp, v, key, value Value) error {
		if m := asObject[MemoryView](v); m.itemsize > 1 {
			return in.raise(notImplementedErrorType, "assigning to a memoryview of format '%s' is not implemented yet", m.format)
		}
		return memoryviewSetItem(in, v, key, value)
	}
	t.iter = func(in *Interp, v Value) (Value, error) {
		m, err := in.mvLive(v)
		if err != nil {
			return Value{}, err
		}
		it := &memIterator{view: v, length: m.length}
		if err := in.account(&it.Header, memIteratorType, memIteratorSize); err != nil {
			return Value{}, err
		}
		incRef(v)
		return valueOf(it), nil
	}
	memIteratorType.iter = selfIter
	memIteratorType.next = func(in *Interp, v Value) (Value, bool, error) {
		it := asObject[memIterator](v)
		if it.view.IsNil() {
			return Value{}, false, nil
		}
		if it.index < it.length {
			r, err := in.mvItem(it.view, it.index)
			if err != nil {
				return Value{}, false, err
			}
			it.index++
			return r, true, nil
		}
		in.clearField(&it.view)
		return Value{}, false, nil
	}
	memIteratorType.dealloc = func(in *Interp, v Value) {
		it := asObject[memIterator](v)
		in.clearField(&it.view)
		in.heap.Free(&it.Header, memIteratorSize)
	}
	defMemoryviewAttrs()
	defMemoryviewMethods()
}

// defMemoryviewAttrs defines the read-only attributes.
func defMemoryviewAttrs() {
	attr := func(name string, get func(in *Interp, m *MemoryView) (Value, error)) {
		defGetSet(memoryviewType, name, func(in *Interp, v Value) (Value, error) {
			m, err := in.mvLive(v)
			if err != nil {
				return Value{}, err
			}
			return get(in, m)
		}, nil)
	}
	attr("obj", func(in *Interp, m *MemoryView) (Value, error) {
		incRef(m.obj)
		return m.obj, nil
	})
	attr("nbytes", func(in *Interp, m *MemoryView) (Value, error) { return Int(int64(m.length)), nil })
	attr("readonly", func(in *Interp, m *MemoryView) (Value, error) { return Bool(m.readonly), nil })
	attr("itemsize", func(in *Interp, m *MemoryView) (Value, error) { return Int(int64(max(m.itemsize, 1))), nil })
	attr("format", func(in *Interp, m *MemoryView) (Value, error) { return in.NewStr(m.format) })
	attr("ndim", func(in *Interp, m *MemoryView) (Value, error) { return Int(1), nil })
	attr("shape", func(in *Interp, m *MemoryView) (Value, error) { return in.NewTuple(Int(int64(m.length))) })
	attr("strides", func(in *Interp, m *MemoryView) (Value, error) { return in.NewTuple(Int(int64(m.step))) })
	attr("suboffsets", func(in *Interp, m *MemoryView) (Value, error) { return in.NewTuple() })
	// One dimension: C and Fortran order are the same, and a view of at
	// most one item is contiguous whatever its stride.
	contiguous := func(in *Interp, m *MemoryView) (Value, error) { return Bool(m.length <= 1 || m.step == 1), nil }
	attr("c_contiguous", contiguous)
	attr("f_contiguous", contiguous)
	attr("contiguous", contiguous)
}

// mvMethod defines a method whose view must not be released.
func mvMethod(name string, fn func(in *Interp, m *MemoryView, args []Value, kwnames []Value) (Value, error)) {
	defMethod(memoryviewType, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return fn(in, asObject[MemoryView](args[0]), args, kwnames)
	})
}

func defMemoryviewMethods() {
	mvMethod("tobytes", func(in *Interp, m *MemoryView, args []Value, kwnames []Value) (Value, error) {
		var order Value
		if err := in.parseArgs("tobytes", args[1:], kwnames, []string{"order"}, 0, &order); err != nil {
			return Value{}, err
		}
		if !order.IsNil() && !order.IsNone() {
			if !isStrValue(order) {
				return Value{}, in.raise(typeErrorType, "tobytes() argument 'order' must be str or None, not %s", order.Type().Name)
			}
			if s := order.GoString(); s != "C" && s != "F" && s != "A" {
				return Value{}, in.raise(valueErrorType, "order must be 'C', 'F' or 'A'")
			}
		}
		b, err := in.mvData(m)
		if err != nil {
			return Value{}, err
		}
		return in.newBytesKind(false, b)
	})
	mvMethod("tolist", func(in *Interp, m *MemoryView, args []Value, kwnames []Value) (Value, error) {
		if err := in.bytesNoArgs("memoryview.tolist", args, kwnames); err != nil {
			return Value{}, err
		}
		b, err := in.mvData(m)
		if err != nil {
			return Value{}, err
		}
		if m.itemsize > 1 {
			items := make([]Value, len(b)/m.itemsize)
			for i := range items {
				if items[i], err = in.mvDecodeInt(b[i*m.itemsize:(i+1)*m.itemsize], m.format); err != nil {
					for _, x := range items[:i] {
						in.decRef(x)
					}
					return Value{}, err
				}
			}
			r, err := in.NewList(items...)
			for _, x := range items {
				in.decRef(x)
			}
			return r, err
		}
		items := make([]Value, len(b))
		for i, c := range b {
			items[i] = Int(int64(c))
		}
		return in.NewList(items...)
	})
	mvMethod("hex", func(in *Interp, m *MemoryView, args []Value, kwnames []Value) (Value, error) {
		var sepv, perv Value
		if err := in.parseArgs("hex", args[1:], kwnames, []string{"sep", "bytes_per_sep"}, 0, &sepv, &perv); err != nil {
			return Value{}, err
		}
		b, err := in.mvData(m)
		if err != nil {
			return Value{}, err
		}
		b = append([]byte(nil), b...) // the separator's __len__ may run code
		s, err := in.bytesHex(b, sepv, perv)
		if err != nil {
			return Value{}, err
		}
		return in.NewStr(s)
	})
	mvMethod("release", func(in *Interp, m *MemoryView, args []Value, kwnames []Value) (Value, error) {
		if err := in.bytesNoArgs("memoryview.release", args, kwnames); err != nil {
			return Value{}, err
		}
		in.mvRelease(m)
		return None, nil
	})
	mvMethod("__enter__", func(in *Interp, m *MemoryView, args []Value, kwnames []Value) (Value, error) {
		if err := in.bytesNoArgs("memoryview.__enter__", args, kwnames); err != nil {
			return Value{}, err
		}
		if _, err := in.mvLive(args[0]); err != nil {
			return Value{}, err
		}
		incRef(args[0])
		return args[0], nil
	})
	mvMethod("__exit__", func(in *Interp, m *MemoryView, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.raise(typeErrorType, "memoryview.__exit__() takes no keyword arguments")
		}
		in.mvRelease(m)
		return None, nil
	})
	mvMethod("toreadonly", func(in *Interp, m *MemoryView, args []Value, kwnames []Value) (Value, error) {
		if err := in.bytesNoArgs("memoryview.toreadonly", args, kwnames); err != nil {
			return Value{}, err
		}
		if _, err := in.mvLive(args[0]); err != nil {
			return Value{}, err
		}
		return in.mvDerive(m, m.start, m.length, m.step, true, m.format)
	})
	mvMethod("cast", mvCast)
	defMethod(memoryviewType, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return Value{}, in.raise(typeErrorType, "cannot pickle 'memoryview' object")
	})
}

// mvNativeFormats are the single-character native struct formats a view
// may be cast to.
const mvNativeFormats = "?cbBhHiIlLqQnNfdeP"

// mvCast is memoryview.cast(format, shape): only to 'B' (or '@B'), one
// dimension; other formats and shapes are not implemented.
func mvCast(in *Interp, m *MemoryView, args []Value, kwnames []Value) (Value, error) {
	var format, shape Value
	if err := in.parseArgs("cast", args[1:], kwnames, []string{"format", "shape"}, 1, &format, &shape); err != nil {
		return Value{}, err
	}
	if !isStrValue(format) {
		return Value{}, in.raise(typeErrorType, "cast() argument 'format' must be str, not %s", format.Type().Name)
	}
	if _, err := in.mvLive(args[0]); err != nil {
		return Value{}, err
	}
	if m.length > 1 && m.step != 1 {
		return Value{}, in.raise(typeErrorType, "memoryview: casts are restricted to C-contiguous views")
	}
	var dims []Value
	if !shape.IsNil() {
		if m.length == 0 {
			return Value{}, in.raise(typeErrorType, "memoryview: cannot cast view with zeros in shape or strides")
		}
		switch {
		case shape.Type() == listType || shape.Type().IsSubtype(listType):
			dims = asObject[List](shape).items
		case shape.Type() == tupleType || shape.Type().IsSubtype(tupleType):
			dims = asObject[Tuple](shape).items
		default:
			return Value{}, in.raise(typeErrorType, "shape must be a list or a tuple")
		}
		if len(dims) > 64 {
			return Value{}, in.raise(valueErrorType, "memoryview: number of dimensions must not exceed 64")
		}
	}
	f := format.GoString()
	for i := 0; i < len(f); i++ {
		if f[i] >= 0x80 {
			return Value{}, in.raise(notImplementedErrorType, "memoryview.cast with a non-ASCII format is not implemented yet")
		}
	}
	c := f
	if len(c) == 2 && c[0] == '@' {
		c = c[1:]
	}
	if len(c) != 1 || !containsByte(mvNativeFormats, c[0]) {
		return Value{}, in.raise(valueErrorType, "memoryview: destination format must be a native single character format prefixed with an optional '@'")
	}
	if size := mvIntFormatSize(c[0]); size > 1 && shape.IsNil() {
		// re's compiler reads its charset bitmaps through cast('I').
		if m.itemsize > 1 || m.step != 1 {
			return Value{}, in.raise(typeErrorType, "memoryview: cannot cast between two non-byte formats")
		}
		if m.length%size != 0 {
			return Value{}, in.raise(typeErrorType, "memoryview: length is not a multiple of itemsize")
		}
		v, err := in.mvDerive(m, m.start, m.length, 1, m.readonly, f)
		if err == nil {
			asObject[MemoryView](v).itemsize = size
		}
		return v, err
	}
	if c != "B" {
		return Value{}, in.raise(notImplementedErrorType, "memoryview.cast is not implemented yet")
	}
	if !shape.IsNil() {
		product := int64(1)
		for _, d := range dims {
			if !isInt(d) {
				return Value{}, in.raise(typeErrorType, "memoryview.cast(): elements of shape must be integers")
			}
			n, fits, err := in.bytesIndex(d)
			if err != nil {
				return Value{}, err
			}
			if !fits {
				return Value{}, in.raise(overflowErrorType, "Python int too large to convert to C ssize_t")
			}
			if n <= 0 {
				return Value{}, in.raise(valueErrorType, "memoryview.cast(): elements of shape must be integers > 0")
			}
			if product > (1<<63-1)/n {
				return Value{}, in.raise(valueErrorType, "memoryview.cast(): product(shape) > SSIZE_MAX")
			}
			product *= n
		}
		if product != int64(m.length) {
			return Value{}, in.raise(typeErrorType, "memoryview: product(shape) * itemsize != buffer size")
		}
		if len(dims) != 1 {
			return Value{}, in.raise(notImplementedErrorType, "memoryview.cast to %d dimensions is not implemented yet", len(dims))
		}
	}
	return in.mvDerive(m, m.start, m.length, 1, m.readonly, f)
}

// containsByte reports whether s holds c.
func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// mvIntFormatSize is the size of a native integer struct format (0 for
// the others).
func mvIntFormatSize(c byte) int {
	switch c {
	case 'h', 'H':
		return 2
	case 'i', 'I':
		return 4
	case 'l', 'L', 'q', 'Q', 'n', 'N':
		return 8
	}
	return 0
}

// mvDecodeInt reads one native (little-endian) integer item of format.
func (in *Interp) mvDecodeInt(b []byte, format string) (Value, error) {
	var u uint64
	for i := len(b) - 1; i >= 0; i-- {
		u = u<<8 | uint64(b[i])
	}
	if c := format[len(format)-1]; c >= 'a' && c <= 'z' { // h, i, l, q, n: signed
		shift := 64 - 8*uint(len(b))
		return Int(int64(u<<shift) >> shift), nil
	}
	if u > 1<<63-1 {
		return in.newInt(new(big.Int).SetUint64(u))
	}
	return Int(int64(u)), nil
}

// mvWideItem is m[key] for a view of a wider integer format.
func (in *Interp) mvWideItem(m *MemoryView, key Value) (Value, error) {
	if key.Type() == sliceType {
		return Value{}, in.raise(notImplementedErrorType, "slicing a memoryview of format '%s' is not implemented yet", m.format)
	}
	n := m.length / m.itemsize
	i, ok, err := in.seqIndex(valueOf(m), key, n)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		return Value{}, in.raise(indexErrorType, "index out of bounds on dimension 1")
	}
	b, err := in.mvData(m)
	if err != nil {
		return Value{}, err
	}
	return in.mvDecodeInt(b[i*m.itemsize:(i+1)*m.itemsize], m.format)
}
