package interp

import "syscall"

// The methods of the binary files: _io.FileIO (unbuffered) and the
// Buffered* types, with CPython's messages, which differ per type.

func rawOfValue(v Value) *rawFile { return asObject[rawFile](v) }

func bufOf(v Value) *bufferedFile { return asObject[bufferedFile](v) }

// bytesLike returns the bytes of a bytes or bytearray argument (borrowed:
// do not keep or change them).
func (in *Interp) bytesLike(v Value) ([]byte, error) {
	switch v.Type() {
	case bytesType:
		return asObject[Bytes](v).b, nil
	case bytearrayType:
		return asObject[ByteArray](v).b, nil
	}
	return nil, in.raise(typeErrorType, "a bytes-like object is required, not '%s'", v.Type().Name)
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
	buffered := []*Type{bufferedReaderType, bufferedWriterType, bufferedRandomType}
	all := append(append([]*Type{}, raw...), buffered...)

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
		if args[0].Type() != bytearrayType {
			return Value{}, in.raise(typeErrorType, "readinto() argument must be read-write bytes-like object, not %s", args[0].Type().Name)
		}
		n, err := in.rawRead(r, asObject[ByteArray](args[0]).b)
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

	// The buffered files.
	for _, t := range buffered {
		t.repr = func(in *Interp, v Value) (Value, error) {
			name, err := in.reprName(rawOf(bufOf(v)).name)
			if err != nil {
				return Value{}, err
			}
			return in.NewStr("<_io." + v.Type().Name + name + ">")
		}
		t.next = func(in *Interp, v Value) (Value, bool, error) {
			b := bufOf(v)
			if v.Type() == bufferedWriterType {
				return Value{}, false, in.unsupported("read")
			}
			if rawOf(b).closed {
				return Value{}, false, in.closedFile("readline of closed file")
			}
			line, err := in.bufferedReadLine(b, -1)
			if err != nil || len(line) == 0 {
				return Value{}, false, err
			}
			r, err := in.newBytes(line)
			return r, err == nil, err
		}
	}
	// bufCheck is the check of a buffered method: the type must have
	// the capability (else UnsupportedOperation(what)), and the file be
	// open (else ValueError(closedMsg)).
	bufCheck := func(in *Interp, v Value, read bool, what, closedMsg string) error {
		t := v.Type()
		if read && t == bufferedWriterType || !read && t == bufferedReaderType {
			return in.unsupported(what)
		}
		if rawOf(bufOf(v)).closed {
			return in.closedFile(closedMsg)
		}
		return nil
	}
	readSize := func(in *Interp, args []Value) (int, error) {
		n, err := in.sizeArg(args, 0)
		if err == nil && len(args) > 0 && !args[0].IsNone() {
			if m, _ := in.fileOffset(args[0]); m < -1 {
				return 0, in.raise(valueErrorType, "read length must be non-negative or -1")
			}
		}
		return n, err
	}
	fileMethod(buffered, "read", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		if self.Type() == bufferedWriterType {
			return Value{}, in.unsupported("read")
		}
		n, err := readSize(in, args)
		if err != nil {
			return Value{}, err
		}
		if err := bufCheck(in, self, true, "read", "read of closed file"); err != nil {
			return Value{}, err
		}
		data, err := in.bufferedRead(bufOf(self), n)
		if err != nil {
			return Value{}, err
		}
		return in.newBytes(data)
	})
	fileMethod(buffered, "read1", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		if self.Type() == bufferedWriterType {
			return Value{}, in.unsupported("read1")
		}
		n, err := readSize(in, args)
		if err != nil {
			return Value{}, err
		}
		if err := bufCheck(in, self, true, "read1", "read of closed file"); err != nil {
			return Value{}, err
		}
		b := bufOf(self)
		if len(b.available()) == 0 {
			if _, err := in.bufferedFill(b); err != nil {
				return Value{}, err
			}
		}
		avail := b.available()
		if n < 0 || n > len(avail) {
			n = len(avail)
		}
		r, err := in.newBytesCopy(avail[:n])
		if err == nil {
			b.rpos += n
		}
		return r, err
	})
	for _, t := range []*Type{bufferedReaderType, bufferedRandomType} {
		defMethod(t, "peek", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("peek", args[1:], kwnames, 0, 1); err != nil {
				return Value{}, err
			}
			self := args[0]
			if err := bufCheck(in, self, true, "peek", "peek of closed file"); err != nil {
				return Value{}, err
			}
			b := bufOf(self)
			if len(b.available()) == 0 {
				if _, err := in.bufferedFill(b); err != nil {
					return Value{}, err
				}
			}
			return in.newBytesCopy(b.available())
		})
	}
	fileMethod(buffered, "readline", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		if self.Type() == bufferedWriterType {
			return Value{}, in.unsupported("read")
		}
		limit, err := in.sizeArg(args, 0)
		if err != nil {
			return Value{}, err
		}
		if err := bufCheck(in, self, true, "read", "readline of closed file"); err != nil {
			return Value{}, err
		}
		line, err := in.bufferedReadLine(bufOf(self), limit)
		if err != nil {
			return Value{}, err
		}
		return in.newBytes(line)
	})
	fileMethod(buffered, "readinto", 1, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		if err := bufCheck(in, self, true, "read", "readinto of closed file"); err != nil {
			return Value{}, err
		}
		if args[0].Type() != bytearrayType {
			return Value{}, in.raise(typeErrorType, "readinto() argument must be read-write bytes-like object, not %s", args[0].Type().Name)
		}
		dst := asObject[ByteArray](args[0]).b
		data, err := in.bufferedRead(bufOf(self), len(dst))
		if err != nil {
			return Value{}, err
		}
		return Int(int64(copy(dst, data))), nil
	})
	fileMethod(buffered, "write", 1, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		if err := bufCheck(in, self, false, "write", "write to closed file"); err != nil {
			return Value{}, err
		}
		p, err := in.bytesLike(args[0])
		if err != nil {
			return Value{}, err
		}
		return Int(int64(len(p))), in.bufferedWrite(bufOf(self), p)
	})
	fileMethod(buffered, "flush", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		b := bufOf(self)
		if rawOf(b).closed {
			if self.Type() == bufferedReaderType {
				return Value{}, in.closedFile("")
			}
			return Value{}, in.closedFile("flush of closed file")
		}
		if err := in.bufferedFlush(b); err != nil {
			return Value{}, err
		}
		return None, in.rawFlush(rawOf(b))
	})
	fileMethod(buffered, "seek", 1, 2, func(in *Interp, self Value, args []Value) (Value, error) {
		off, whence, err := in.seekArgs(args)
		if err != nil {
			return Value{}, err
		}
		if whence < 0 || whence > 2 {
			return Value{}, in.raise(valueErrorType, "whence value %d unsupported", whence)
		}
		b := bufOf(self)
		if rawOf(b).closed {
			return Value{}, in.closedFile("seek of closed file")
		}
		pos, err := in.bufferedSeek(b, off, int(whence))
		return Int(pos), err
	})
	fileMethod(buffered, "tell", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		b := bufOf(self)
		if rawOf(b).closed {
			return Value{}, in.closedFile("I/O operation on closed file")
		}
		pos, err := in.bufferedTell(b)
		return Int(pos), err
	})
	fileMethod(buffered, "truncate", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		b := bufOf(self)
		if rawOf(b).closed {
			return Value{}, in.closedFile("truncate of closed file")
		}
		if !rawOf(b).writable {
			return Value{}, in.unsupported("truncate")
		}
		pos, err := in.bufferedTell(b)
		if err != nil {
			return Value{}, err
		}
		if len(args) > 0 && !args[0].IsNone() {
			if pos, err = in.fileOffset(args[0]); err != nil {
				return Value{}, err
			}
		}
		if _, err := in.bufferedSeek(b, 0, 1); err != nil {
			return Value{}, err
		}
		return Int(pos), in.rawTruncate(rawOf(b), pos)
	})
	fileMethod(buffered, "close", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		return None, in.bufferedClose(bufOf(self))
	})
	fileMethod(buffered, "detach", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		return Value{}, in.raise(notImplementedErrorType, "%s.detach() is not implemented yet", self.Type().Name)
	})
	fileGetter(buffered, "raw", func(in *Interp, v Value) (Value, error) {
		r := bufOf(v).raw
		incRef(r)
		return r, nil
	})
	fileGetter(buffered, "name", func(in *Interp, v Value) (Value, error) {
		n := rawOf(bufOf(v)).name
		incRef(n)
		return n, nil
	})
	fileGetter(buffered, "mode", func(in *Interp, v Value) (Value, error) { return in.NewStr(rawModeString(rawOf(bufOf(v)))) })
	fileGetter(buffered, "closed", func(in *Interp, v Value) (Value, error) { return Bool(rawOf(bufOf(v)).closed), nil })
	fileRawQueries(buffered, func(v Value) *rawFile { return rawOf(bufOf(v)) }, "I/O operation on closed file")

	// What every binary file has.
	for _, t := range all {
		t.iter = func(in *Interp, v Value) (Value, error) {
			var closed bool
			if v.Type() == fileIOType {
				closed = rawOfValue(v).closed
			} else {
				closed = rawOf(bufOf(v)).closed
			}
			if closed {
				return Value{}, in.closedFile("")
			}
			incRef(v)
			return v, nil
		}
	}
	closedOf := func(v Value) bool {
		if v.Type() == fileIOType {
			return rawOfValue(v).closed
		}
		return rawOf(bufOf(v)).closed
	}
	fileCommon(all, closedOf,
		func(in *Interp, v Value) (Value, bool, error) { return v.Type().next(in, v) },
		func(in *Interp, self, item Value) error {
			p, err := in.bytesLike(item)
			if err != nil {
				return err
			}
			if self.Type() == fileIOType {
				if err := rawCheck(in, rawOfValue(self), false); err != nil {
					return err
				}
				return in.rawWrite(rawOfValue(self), p)
			}
			if err := bufCheck(in, self, false, "write", "write to closed file"); err != nil {
				return err
			}
			return in.bufferedWrite(bufOf(self), p)
		},
		func(in *Interp, v Value) error {
			if v.Type() == fileIOType {
				return in.rawClose(rawOfValue(v))
			}
			return in.bufferedClose(bufOf(v))
		})
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
