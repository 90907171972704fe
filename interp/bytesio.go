package interp

import (
	"bytes"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// io.BytesIO: an in-memory binary file over a growable byte slice, and
// getbuffer(), a memoryview of that slice: the view's object is a
// _BytesIOBuffer, through which the view reads the BytesIO's live bytes
// (memoryview.go), and while views
// exist the BytesIO refuses writes, truncation and closing, as CPython's
// does (the views' count is kept by memoryview.go).

// bytesIO is an _io.BytesIO.
type bytesIO struct {
	alloc.Header
	alloc.GCLink
	dict  Value
	slots []Value // must follow dict

	buf     []byte
	pos     int
	closed  bool
	exports int // live memoryviews from getbuffer()
}

// bytesIOBuffer is the object a getbuffer() view exports from.
type bytesIOBuffer struct {
	alloc.Header
	bio Value // owned *bytesIO
}

var (
	bytesIOType       = newIOTypeBase("BytesIO", bufferedIOBaseType)
	bytesIOBufferType = newIOTypeBase("_BytesIOBuffer", objectType)
)

const (
	bytesIOSize       = unsafe.Sizeof(bytesIO{})
	bytesIOBufferSize = unsafe.Sizeof(bytesIOBuffer{})
)

func bioOf(v Value) *bytesIO { return asObject[bytesIO](v) }

// bioCheck raises the ValueError of an operation on a closed BytesIO.
func (in *Interp) bioCheck(b *bytesIO) error {
	if b.closed {
		return in.closedFile("")
	}
	return nil
}

// bioCheckExports raises the BufferError of resizing a BytesIO a view
// exports.
func (in *Interp) bioCheckExports(b *bytesIO) error {
	if b.exports > 0 {
		return in.bufferExportsError()
	}
	return nil
}

// read consumes up to n bytes (all when n < 0); the result aliases buf.
func (b *bytesIO) read(n int) []byte {
	if b.pos >= len(b.buf) {
		return nil
	}
	rest := b.buf[b.pos:]
	if n >= 0 && n < len(rest) {
		rest = rest[:n]
	}
	b.pos += len(rest)
	return rest
}

// readLine consumes a line of at most limit bytes (no limit when < 0).
func (b *bytesIO) readLine(limit int) []byte {
	if b.pos >= len(b.buf) {
		return nil
	}
	rest := b.buf[b.pos:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i+1]
	}
	if limit >= 0 && limit < len(rest) {
		rest = rest[:limit]
	}
	b.pos += len(rest)
	return rest
}

// write writes p at the position, padding a gap after the end with
// zero bytes.
func (b *bytesIO) write(p []byte) {
	if len(p) == 0 {
		return
	}
	end := b.pos + len(p)
	if end > len(b.buf) {
		b.buf = append(b.buf, make([]byte, end-len(b.buf))...)
	}
	copy(b.buf[b.pos:], p)
	b.pos = end
}

// bioWrite is write(p) with its checks.
func (in *Interp) bioWrite(b *bytesIO, v Value) (int, error) {
	if err := in.bioCheck(b); err != nil {
		return 0, err
	}
	if err := in.bioCheckExports(b); err != nil {
		return 0, err
	}
	p, err := in.bytesLike(v)
	if err != nil {
		return 0, err
	}
	b.write(p)
	return len(p), nil
}

func bytesIONew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	b := &bytesIO{}
	if err := in.account(&b.Header, t, bytesIOSize); err != nil {
		return Value{}, err
	}
	return valueOf(b), nil
}

// bytesIOInit is BytesIO.__init__(initial_bytes=b”).
func bytesIOInit(in *Interp, self Value, args []Value, kwnames []Value) error {
	var initial Value
	if err := in.parseArgs("BytesIO", args, kwnames, []string{"initial_bytes"}, 0, &initial); err != nil {
		return err
	}
	b := bioOf(self)
	// As in CPython, the old contents go before the exports are checked.
	b.buf, b.pos = b.buf[:0], 0
	if err := in.bioCheckExports(b); err != nil {
		return err
	}
	if !initial.IsNil() && !initial.IsNone() {
		p, err := in.bytesLike(initial)
		if err != nil {
			return err
		}
		b.buf = append([]byte(nil), p...)
	}
	return nil
}

func init() {
	t := bytesIOType
	types := []*Type{t}
	t.new, t.init = bytesIONew, bytesIOInit
	t.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		v, err := bytesIONew(in, t, args, kwnames)
		if err != nil {
			return Value{}, err
		}
		if err := bytesIOInit(in, v, args, kwnames); err != nil {
			in.decRef(v)
			return Value{}, err
		}
		return v, nil
	}
	t.dealloc = func(in *Interp, v Value) {
		b := bioOf(v)
		in.xdecRef(b.dict)
		*b = bytesIO{Header: b.Header}
		in.heap.Free(&b.Header, bytesIOSize)
	}
	bytesIOBufferType.dealloc = func(in *Interp, v Value) {
		o := asObject[bytesIOBuffer](v)
		in.xdecRef(o.bio)
		*o = bytesIOBuffer{Header: o.Header}
		in.heap.Free(&o.Header, bytesIOBufferSize)
	}
	bytesIOBufferType.Flags &^= TypeBaseType
	// As CPython's, iter() does not check for a closed file; next()
	// does.
	t.iter = selfIter
	t.next = func(in *Interp, v Value) (Value, bool, error) {
		if v.Type() != bytesIOType {
			return in.ioNextLine(v)
		}
		b := bioOf(v)
		if err := in.bioCheck(b); err != nil {
			return Value{}, false, err
		}
		line := b.readLine(-1)
		if len(line) == 0 {
			return Value{}, false, nil
		}
		r, err := in.newBytesCopy(line)
		return r, err == nil, err
	}
	for _, name := range []string{"read", "read1"} {
		fileMethod(types, name, 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
			n, err := in.sizeArg(args, 0)
			if err != nil {
				return Value{}, err
			}
			b := bioOf(self)
			if err := in.bioCheck(b); err != nil {
				return Value{}, err
			}
			return in.newBytesCopy(b.read(n))
		})
	}
	fileMethod(types, "readline", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		n, err := in.sizeArg(args, 0)
		if err != nil {
			return Value{}, err
		}
		b := bioOf(self)
		if err := in.bioCheck(b); err != nil {
			return Value{}, err
		}
		return in.newBytesCopy(b.readLine(n))
	})
	for _, name := range []string{"readinto", "readinto1"} {
		fileMethod(types, name, 1, 1, func(in *Interp, self Value, args []Value) (Value, error) {
			b := bioOf(self)
			if err := in.bioCheck(b); err != nil {
				return Value{}, err
			}
			dst, err := in.writableBuffer("readinto", args[0])
			if err != nil {
				return Value{}, err
			}
			// copy allows dst to be a view of this BytesIO itself.
			return Int(int64(copy(dst, b.read(len(dst))))), nil
		})
	}
	fileMethod(types, "write", 1, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		n, err := in.bioWrite(bioOf(self), args[0])
		return Int(int64(n)), err
	})
	fileMethod(types, "getvalue", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		b := bioOf(self)
		if err := in.bioCheck(b); err != nil {
			return Value{}, err
		}
		return in.newBytesCopy(b.buf)
	})
	fileMethod(types, "getbuffer", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		b := bioOf(self)
		if err := in.bioCheck(b); err != nil {
			return Value{}, err
		}
		o := &bytesIOBuffer{}
		if err := in.account(&o.Header, bytesIOBufferType, bytesIOBufferSize); err != nil {
			return Value{}, err
		}
		incRef(self)
		o.bio = self
		defer in.decRef(valueOf(o))
		return in.newMemoryView(valueOf(o), 0, len(b.buf), 1, false, "B")
	})
	fileMethod(types, "tell", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		b := bioOf(self)
		if err := in.bioCheck(b); err != nil {
			return Value{}, err
		}
		return Int(int64(b.pos)), nil
	})
	fileMethod(types, "seek", 1, 2, func(in *Interp, self Value, args []Value) (Value, error) {
		off, whence, err := in.seekArgs(args)
		if err != nil {
			return Value{}, err
		}
		b := bioOf(self)
		if err := in.bioCheck(b); err != nil {
			return Value{}, err
		}
		switch {
		case whence < 0 || whence > 2:
			return Value{}, in.raise(valueErrorType, "invalid whence (%d, should be 0, 1 or 2)", whence)
		case off < 0 && whence == 0:
			return Value{}, in.raise(valueErrorType, "negative seek value %d", off)
		}
		switch whence {
		case 1:
			off += int64(b.pos)
		case 2:
			off += int64(len(b.buf))
		}
		if off < 0 {
			off = 0
		}
		if off > 1<<40 {
			return Value{}, in.raise(overflowErrorType, "new position too large")
		}
		b.pos = int(off)
		return Int(off), nil
	})
	fileMethod(types, "truncate", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		b := bioOf(self)
		if err := in.bioCheck(b); err != nil {
			return Value{}, err
		}
		if err := in.bioCheckExports(b); err != nil {
			return Value{}, err
		}
		size := int64(b.pos)
		if len(args) > 0 && !args[0].IsNone() {
			var err error
			if size, err = in.fileOffset(args[0]); err != nil {
				return Value{}, err
			}
			if size < 0 {
				return Value{}, in.raise(valueErrorType, "negative size value %d", size)
			}
		}
		if size < int64(len(b.buf)) {
			b.buf = b.buf[:size]
		}
		return Int(size), nil
	})
	closeFn := func(in *Interp, v Value) error {
		b := bioOf(v)
		if err := in.bioCheckExports(b); err != nil {
			return err
		}
		b.closed, b.buf = true, nil
		return nil
	}
	fileMethod(types, "close", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		return None, closeFn(in, self)
	})
	for _, name := range []string{"readable", "writable", "seekable"} {
		fileMethod(types, name, 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
			if err := in.bioCheck(bioOf(self)); err != nil {
				return Value{}, err
			}
			return True, nil
		})
	}
	fileMethod(types, "flush", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		return None, in.bioCheck(bioOf(self))
	})
	fileMethod(types, "isatty", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		return False, in.bioCheck(bioOf(self))
	})
	fileMethod(types, "fileno", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		return Value{}, in.unsupported("fileno")
	})
	fileGetter(types, "closed", func(in *Interp, v Value) (Value, error) { return Bool(bioOf(v).closed), nil })
	fileCommon(types,
		func(in *Interp, v Value) (bool, error) { return bioOf(v).closed, nil },
		func(in *Interp, v Value) (Value, bool, error) {
			line := bioOf(v).readLine(-1)
			if len(line) == 0 {
				return Value{}, false, nil
			}
			r, err := in.newBytesCopy(line)
			return r, err == nil, err
		},
		func(in *Interp, self, line Value) error {
			_, err := in.bioWrite(bioOf(self), line)
			return err
		},
		closeFn)
	// BytesIO's own readlines stops once the hint is reached, where
	// IOBase's goes past it.
	fileMethod(types, "readlines", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		hint, err := in.sizeArg(args, 0)
		if err != nil {
			return Value{}, err
		}
		b := bioOf(self)
		if err := in.bioCheck(b); err != nil {
			return Value{}, err
		}
		var lines []Value
		total := 0
		for {
			line := b.readLine(-1)
			if len(line) == 0 {
				break
			}
			v, err := in.newBytesCopy(line)
			if err != nil {
				in.releaseAll(lines)
				return Value{}, err
			}
			lines = append(lines, v)
			total += len(line)
			if hint > 0 && total >= hint {
				break
			}
		}
		l, err := in.NewList(lines...)
		in.releaseAll(lines)
		return l, err
	})
}
