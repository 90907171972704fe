package interp

import "syscall"

// The methods of _io.FileIO (unbuffered), with CPython's messages, and
// what the binary files share.

func rawOfValue(v Value) *rawFile { return asObject[rawFile](v) }

func bufOf(v Value) *bufferedFile { return asObject[bufferedFile](v) }

// bytesLike returns the bytes of a bytes-like argument: bytes,
// bytearray, a contiguous memoryview, an exporter such as array.array
// (borrowed: do not keep or change them, nor use them after running
// Python code).
func (in *Interp) bytesLike(v Value) ([]byte, error) {
	if b, ok := bytesData(v); ok {
		return b, nil
	}
	if err := in.viewBufferError(v); err != nil {
		return nil, err
	}
	return nil, in.raise(typeErrorType, "a bytes-like object is required, not '%s'", v.Type().Name)
}

// writableBuffer returns the live bytes of the writable buffer a
// readinto method fills: a bytearray, a writable contiguous memoryview,
// a writable exporter such as array.array; else the TypeError of
// CPython's "w*" argument of method fname.
func (in *Interp) writableBuffer(fname string, v Value) ([]byte, error) {
	switch t := v.Type(); {
	case isByteArray(v):
		return asObject[ByteArray](v).b, nil
	case t == memoryviewType:
		m := asObject[MemoryView](v)
		if m.obj.IsNil() {
			return nil, in.releasedViewError()
		}
		if !m.readonly {
			if b, ok := m.simple(); ok {
				return b, nil
			}
			return nil, in.raise(exceptionTypes["BufferError"], "memoryview: underlying buffer is not C-contiguous")
		}
	default:
		if e := exporterOf(t); e != nil && !e.ReadOnly {
			return e.Bytes(v), nil
		}
	}
	return nil, in.raise(typeErrorType, "%s() argument must be read-write bytes-like object, not %s", fname, v.Type().Name)
}

// newBytesCopy makes a bytes object from b, which the caller may keep
// using.
func (in *Interp) newBytesCopy(b []byte) (Value, error) {
	return in.newBytes(append([]byte(nil), b...))
}

// reprName is " name=<repr>" for a file's repr.
func (in *Interp) reprName(name Value) (string, error) {
	r, err := in.Repr(name)
	if err != nil {
		return "", err
	}
	defer in.decRef(r)
	return " name=" + r.GoString(), nil
}

// rawModeString is FileIO's mode: rb, wb, ab, xb, with + for updating.
func rawModeString(r *rawFile) string {
	switch {
	case r.created:
		if r.readable {
			return "xb+"
		}
		return "xb"
	case r.appending:
		if r.readable {
			return "ab+"
		}
		return "ab"
	case r.readable:
		if r.writable {
			return "rb+"
		}
		return "rb"
	}
	return "wb"
}

func init() {
	raw := []*Type{fileIOType}

	// FileIO.
	fileIOType.repr = func(in *Interp, v Value) (Value, error) {
		r := rawOfValue(v)
		if r.closed {
			return in.NewStr("<_io.FileIO [closed]>")
		}
		name, err := in.reprName(r.name)
		if err != nil {
			return Value{}, err
		}
		closefd := "False"
		if r.closefd {
			closefd = "True"
		}
		return in.NewStr("<_io.FileIO" + name + " mode='" + rawModeString(r) + "' closefd=" + closefd + ">")
	}
	rawCheck := func(in *Interp, r *rawFile, read bool) error {
		switch {
		case r.closed:
			return in.closedFile("I/O operation on closed file")
		case read && !r.readable:
			return in.unsupported("File not open for reading")
		case !read && !r.writable:
			return in.unsupported("File not open for writing")
		}
		return nil
	}
	fileMethod(raw, "read", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		r := rawOfValue(self)
		n, err := in.sizeArg(args, 0)
		if err != nil {
			return Value{}, err
		}
		if err := rawCheck(in, r, true); err != nil {
			return Value{}, err
		}
		if n < 0 {
			data, err := in.rawReadAll(r)
			if err != nil {
				return Value{}, err
			}
			return in.newBytes(data)
		}
		buf := make([]byte, n)
		got, err := in.rawRead(r, buf)
		if err != nil {
			return Value{}, err
		}
		return in.newBytes(buf[:got])
	})
	fileMethod(raw, "readall", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		r := rawOfValue(self)
		if err := rawCheck(in, r, true); err != nil {
			return Value{}, err
		}
		data, err := in.rawReadAll(r)
		if err != nil {
			return Value{}, err
		}
		return in.newBytes(data)
	})
	fileMethod(raw, "readinto", 1, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		r := rawOfValue(self)
		if err := rawCheck(in, r, true); err != nil {
			return Value{}, err
		}
		dst, err := in.writableBuffer("readinto", args[0])
		if err != nil {
			return Value{}, err
		}
		n, err := in.rawRead(r, dst)
		return Int(int64(n)), err
	})
	fileMethod(raw, "write", 1, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		r := rawOfValue(self)
		if err := rawCheck(in, r, false); err != nil {
			return Value{}, err
		}
		p, err := in.bytesLike(args[0])
		if err != nil {
			return Value{}, err
		}
		return Int(int64(len(p))), in.rawWrite(r, p)
	})
	fileMethod(raw, "readline", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		limit, err := in.sizeArg(args, 0)
		if err != nil {
			return Value{}, err
		}
		r := rawOfValue(self)
		if err := rawCheck(in, r, true); err != nil {
			return Value{}, err
		}
		line, err := in.rawReadLine(r, limit)
		if err != nil {
			return Value{}, err
		}
		return in.newBytes(line)
	})
	fileMethod(raw, "seek", 1, 2, func(in *Interp, self Value, args []Value) (Value, error) {
		r := rawOfValue(self)
		off, whence, err := in.seekArgs(args)
		if err != nil {
			return Value{}, err
		}
		if r.closed {
			return Value{}, in.closedFile("I/O operation on closed file")
		}
		if whence < 0 || whence > 2 {
			return Value{}, in.newOSError(syscall.EINVAL, Value{})
		}
		pos, err := in.rawSeek(r, off, int(whence))
		return Int(pos), err
	})
	fileMethod(raw, "tell", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		r := rawOfValue(self)
		if r.closed {
			return Value{}, in.closedFile("I/O operation on closed file")
		}
		pos, err := in.rawSeek(r, 0, 1)
		return Int(pos), err
	})
	fileMethod(raw, "truncate", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		r := rawOfValue(self)
		if err := rawCheck(in, r, false); err != nil {
			return Value{}, err
		}
		pos, err := in.rawSeek(r, 0, 1)
		if err != nil {
			return Value{}, err
		}
		if len(args) > 0 && !args[0].IsNone() {
			if pos, err = in.fileOffset(args[0]); err != nil {
				return Value{}, err
			}
		}
		return Int(pos), in.rawTruncate(r, pos)
	})
	fileMethod(raw, "close", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		return None, in.rawClose(rawOfValue(self))
	})
	fileMethod(raw, "flush", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		if rawOfValue(self).closed {
			return Value{}, in.closedFile("")
		}
		return None, nil
	})
	fileGetter(raw, "closefd", func(in *Interp, v Value) (Value, error) { return Bool(rawOfValue(v).closefd), nil })
	fileGetter(raw, "mode", func(in *Interp, v Value) (Value, error) { return in.NewStr(rawModeString(rawOfValue(v))) })
	// name is an ordinary attribute of a FileIO in CPython (tempfile
	// sets it).
	for _, t := range raw {
		defGetSet(t, "name", func(in *Interp, v Value) (Value, error) {
			n := rawOfValue(v).name
			if n.IsNil() {
				return Value{}, in.raise(attributeErrorType, "'%s' object has no attribute 'name'", v.Type().Name)
			}
			incRef(n)
			return n, nil
		}, func(in *Interp, v, value Value) error {
			if value.IsNil() {
				return in.raise(notImplementedErrorType, "deleting a file's name attribute is not implemented yet")
			}
			r := rawOfValue(v)
			old := r.name
			incRef(value)
			r.name = value
			in.xdecRef(old)
			return nil
		})
	}
	fileGetter(raw, "closed", func(in *Interp, v Value) (Value, error) { return Bool(rawOfValue(v).closed), nil })
	fileRawQueries(raw, rawOfValue, "I/O operation on closed file")
	fileIOType.next = func(in *Interp, v Value) (Value, bool, error) {
		r := rawOfValue(v)
		if err := rawCheck(in, r, true); err != nil {
			return Value{}, false, err
		}
		line, err := in.rawReadLine(r, -1)
		if err != nil || len(line) == 0 {
			return Value{}, false, err
		}
		b, err := in.newBytes(line)
		return b, err == nil, err
	}

	// What IOBase gives every file.
	fileIOType.iter = func(in *Interp, v Value) (Value, error) {
		if rawOfValue(v).closed {
			return Value{}, in.closedFile("")
		}
		incRef(v)
		return v, nil
	}
	fileCommon(raw,
		func(in *Interp, v Value) (bool, error) { return rawOfValue(v).closed, nil },
		func(in *Interp, v Value) (Value, bool, error) { return fileIOType.next(in, v) },
		func(in *Interp, self, item Value) error {
			p, err := in.bytesLike(item)
			if err != nil {
				return err
			}
			if err := rawCheck(in, rawOfValue(self), false); err != nil {
				return err
			}
			return in.rawWrite(rawOfValue(self), p)
		},
		func(in *Interp, v Value) error { return in.rawClose(rawOfValue(v)) })
}

// seekArgs converts seek(offset, whence=0)'s arguments.
func (in *Interp) seekArgs(args []Value) (off, whence int64, err error) {
	if off, err = in.fileOffset(args[0]); err != nil {
		return 0, 0, err
	}
	if len(args) > 1 {
		if whence, err = in.fileOffset(args[1]); err != nil {
			return 0, 0, err
		}
	}
	return off, whence, nil
}

// rawReadLine reads a line from an unbuffered file a byte at a time, as
// IOBase.readline does without peek.
func (in *Interp) rawReadLine(r *rawFile, limit int) ([]byte, error) {
	var line []byte
	var one [1]byte
	for limit < 0 || len(line) < limit {
		n, err := in.rawRead(r, one[:])
		if err != nil {
			return nil, err
		}
		if n == 0 {
			break
		}
		line = append(line, one[0])
		if one[0] == '\n' {
			break
		}
	}
	return line, nil
}
