package interp

// The methods of BufferedReader, BufferedWriter and BufferedRandom, and
// their construction from Python (BufferedReader(raw, buffer_size)),
// with CPython's checks and messages, which differ per method.

// bufferedTypes are the three buffered types.
var bufferedTypes = []*Type{bufferedReaderType, bufferedWriterType, bufferedRandomType}

// bufferedNew is Buffered*.__new__: an object not yet initialized.
func bufferedNew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	b := &bufferedFile{absPos: -1}
	b.canRead = t.IsSubtype(bufferedReaderType) || t.IsSubtype(bufferedRandomType)
	b.canWrite = t.IsSubtype(bufferedWriterType) || t.IsSubtype(bufferedRandomType)
	if err := in.account(&b.Header, t, bufferedFileSize); err != nil {
		return Value{}, err
	}
	return valueOf(b), nil
}

// bufferedInit is Buffered*.__init__(raw, buffer_size=DEFAULT_BUFFER_SIZE).
func bufferedInit(in *Interp, self Value, args []Value, kwnames []Value) error {
	t := self.Type()
	kind := t.layout
	var raw, sizeArg Value
	if err := in.parseArgs(kind.Name, args, kwnames, []string{"raw", "buffer_size"}, 1, &raw, &sizeArg); err != nil {
		return err
	}
	b := bufOf(self)
	b.ok = false
	var checks []struct{ what, msg string }
	seekable := struct{ what, msg string }{"seekable", "File or stream is not seekable."}
	readable := struct{ what, msg string }{"readable", "File or stream is not readable."}
	writable := struct{ what, msg string }{"writable", "File or stream is not writable."}
	switch kind {
	case bufferedReaderType:
		checks = append(checks, readable)
	case bufferedWriterType:
		checks = append(checks, writable)
	default:
		checks = append(checks, seekable, readable, writable)
	}
	for _, c := range checks {
		if err := in.ioCheckAbility(raw, c.what, c.msg); err != nil {
			return err
		}
	}
	size := int64(defaultBufferSize)
	if !sizeArg.IsNil() {
		n, err := in.Index(sizeArg)
		if err != nil {
			return err
		}
		i, ok := IntValue(n)
		in.decRef(n)
		if !ok {
			return in.raise(overflowErrorType, "Python int too large to convert to C ssize_t")
		}
		size = i
	}
	if size <= 0 {
		return in.raise(valueErrorType, "buffer size must be strictly positive")
	}
	if size > 1<<32 {
		return in.memoryError()
	}
	in.bufferedAttach(b, t, raw, int(size))
	// CPython learns the raw position at once, ignoring a failure.
	if _, err := in.bufRawTell(b); err != nil {
		b.absPos = -1
		in.xdecRefErr(err)
	}
	return nil
}

// locked runs a method with its buffered file marked busy (bufEnter).
func locked(fn func(in *Interp, self Value, args []Value) (Value, error)) func(in *Interp, self Value, args []Value) (Value, error) {
	return func(in *Interp, self Value, args []Value) (Value, error) {
		leave, err := in.bufEnter(self, bufOf(self))
		if err != nil {
			return Value{}, err
		}
		defer leave()
		return fn(in, self, args)
	}
}

// bufReady returns the buffered file of a method's self, checked to be
// attached.
func (in *Interp) bufReady(v Value) (*bufferedFile, error) {
	b := bufOf(v)
	return b, in.bufAttached(b)
}

// bufReadSize converts read()'s size: an int or None; below -1 is an
// error.
func (in *Interp) bufReadSize(args []Value) (int, error) {
	n, err := in.sizeArg(args, 0)
	if err == nil && len(args) > 0 && !args[0].IsNone() {
		if m, _ := in.fileOffset(args[0]); m < -1 {
			return 0, in.raise(valueErrorType, "read length must be non-negative or -1")
		}
	}
	return n, err
}

// bufSelfFlush is self.flush() as close() and detach() call it: the
// method itself for a class that may override it.
func (in *Interp) bufSelfFlush(v Value) error {
	b := bufOf(v)
	if isExactBuffered(v) {
		closed, err := in.bufClosed(b)
		if err != nil {
			return err
		}
		if closed && b.canWrite {
			return in.closedFile("flush of closed file")
		}
		if err := in.bufferedFlush(b); err != nil {
			return err
		}
		return in.bufferedFlushRaw(b)
	}
	r, err := in.ioCallMethod(v, "flush")
	if err == nil {
		in.decRef(r)
	}
	return err
}

// bufferedCloseMethod is close(): nothing when closed, else self.flush()
// then raw.close().
func (in *Interp) bufferedCloseMethod(v Value) error {
	b, err := in.bufReady(v)
	if err != nil {
		return err
	}
	closed, err := in.bufClosed(b)
	if err != nil || closed {
		return err
	}
	return in.bufferedCloseRaw(b, in.bufSelfFlush(v))
}

func init() {
	buffered := bufferedTypes
	for _, t := range buffered {
		t.new = bufferedNew
		t.init = bufferedInit
		t.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
			v, err := bufferedNew(in, t, args, kwnames)
			if err != nil {
				return Value{}, err
			}
			if err := bufferedInit(in, v, args, kwnames); err != nil {
				in.decRef(v)
				return Value{}, err
			}
			return v, nil
		}
		t.repr = func(in *Interp, v Value) (Value, error) {
			name := "_io." + v.Type().Name
			if v.Type().Flags&TypeHeapType != 0 {
				name = v.Type().Name
			}
			n, err := in.lookupAttr(v, internName("name"))
			if err != nil {
				if !ErrorIs(err, valueErrorType) {
					return Value{}, err
				}
				in.xdecRefErr(err)
				n = Value{}
			}
			if n.IsNil() {
				return in.NewStr("<" + name + ">")
			}
			defer in.decRef(n)
			s, err := in.reprName(n)
			if err != nil {
				return Value{}, err
			}
			return in.NewStr("<" + name + s + ">")
		}
		t.iter = func(in *Interp, v Value) (Value, error) {
			b, err := in.bufReady(v)
			if err != nil {
				return Value{}, err
			}
			if closed, err := in.bufClosed(b); err != nil || closed {
				if err == nil {
					err = in.closedFile("")
				}
				return Value{}, err
			}
			incRef(v)
			return v, nil
		}
		t.next = func(in *Interp, v Value) (Value, bool, error) {
			if v.Type().Flags&TypeHeapType != 0 {
				return in.ioNextLine(v)
			}
			b := bufOf(v)
			if !b.canRead {
				return Value{}, false, in.unsupported("read")
			}
			if err := in.bufAttached(b); err != nil {
				return Value{}, false, err
			}
			if err := in.bufCheckOpen(b, "readline of closed file"); err != nil {
				return Value{}, false, err
			}
			leave, err := in.bufEnter(v, b)
			if err != nil {
				return Value{}, false, err
			}
			defer leave()
			line, err := in.bufferedReadLine(b, -1)
			if err != nil || len(line) == 0 {
				return Value{}, false, err
			}
			r, err := in.newBytes(line)
			return r, err == nil, err
		}
	}
	// reader is the preamble of the reading methods: the type must read
	// (else UnsupportedOperation(what)), and the file be attached and
	// open (else ValueError(closedMsg)).
	reader := func(in *Interp, v Value, what, closedMsg string) (*bufferedFile, error) {
		b := bufOf(v)
		if !b.canRead {
			return nil, in.unsupported(what)
		}
		if err := in.bufAttached(b); err != nil {
			return nil, err
		}
		return b, in.bufCheckOpen(b, closedMsg)
	}
	fileMethod(buffered, "read", 0, 1, locked(func(in *Interp, self Value, args []Value) (Value, error) {
		if b := bufOf(self); !b.canRead {
			return Value{}, in.unsupported("read")
		}
		if _, err := in.bufReady(self); err != nil {
			return Value{}, err
		}
		n, err := in.bufReadSize(args)
		if err != nil {
			return Value{}, err
		}
		b, err := reader(in, self, "read", "read of closed file")
		if err != nil {
			return Value{}, err
		}
		if n < 0 {
			data, none, err := in.bufferedReadAll(b)
			if err != nil || none {
				return None, err
			}
			return in.newBytes(data)
		}
		data, err := in.bufferedRead(b, n)
		if err != nil {
			return Value{}, err
		}
		return in.newBytes(data)
	}))
	fileMethod(buffered, "read1", 0, 1, locked(func(in *Interp, self Value, args []Value) (Value, error) {
		if b := bufOf(self); !b.canRead {
			return Value{}, in.unsupported("read1")
		}
		n, err := in.sizeArg(args, 0)
		if err != nil {
			return Value{}, err
		}
		b, err := reader(in, self, "read1", "read of closed file")
		if err != nil {
			return Value{}, err
		}
		if n < 0 {
			n = b.bufSize()
		}
		data, err := in.bufferedRead1(b, n)
		if err != nil {
			return Value{}, err
		}
		return in.newBytes(data)
	}))
	for _, t := range []*Type{bufferedReaderType, bufferedRandomType} {
		defMethod(t, "peek", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("peek", args[1:], kwnames, 0, 1); err != nil {
				return Value{}, err
			}
			if len(args) > 1 {
				if _, err := in.fileOffset(args[1]); err != nil {
					return Value{}, err
				}
			}
			b, err := reader(in, args[0], "peek", "peek of closed file")
			if err != nil {
				return Value{}, err
			}
			leave, err := in.bufEnter(args[0], b)
			if err != nil {
				return Value{}, err
			}
			defer leave()
			data, err := in.bufferedPeek(b)
			if err != nil {
				return Value{}, err
			}
			return in.newBytesCopy(data)
		})
	}
	fileMethod(buffered, "readline", 0, 1, locked(func(in *Interp, self Value, args []Value) (Value, error) {
		if b := bufOf(self); !b.canRead {
			return Value{}, in.unsupported("read")
		}
		limit, err := in.sizeArg(args, 0)
		if err != nil {
			return Value{}, err
		}
		b, err := reader(in, self, "read", "readline of closed file")
		if err != nil {
			return Value{}, err
		}
		line, err := in.bufferedReadLine(b, limit)
		if err != nil {
			return Value{}, err
		}
		return in.newBytes(line)
	}))
	for _, c := range []struct {
		name string
		one  bool
	}{{"readinto", false}, {"readinto1", true}} {
		fileMethod(buffered, c.name, 1, 1, locked(func(in *Interp, self Value, args []Value) (Value, error) {
			if b := bufOf(self); !b.canRead {
				// BufferedIOBase's readinto calls read, which a writer
				// does not have.
				if c.one {
					return Value{}, in.unsupported("read1")
				}
				return Value{}, in.unsupported("read")
			}
			dst, err := in.writableBuffer(c.name, args[0])
			if err != nil {
				return Value{}, err
			}
			b, err := reader(in, self, "read", "readinto of closed file")
			if err != nil {
				return Value{}, err
			}
			// The target may change size while Python code reads: read
			// into a copy of its size, then copy what came.
			tmp := dst
			if b.fast == nil {
				tmp = make([]byte, len(dst))
			}
			n, err := in.bufferedReadInto(b, tmp, c.one)
			if err != nil {
				return Value{}, err
			}
			if b.fast == nil {
				if dst, err = in.writableBuffer(c.name, args[0]); err != nil {
					return Value{}, err
				}
				n = copy(dst, tmp[:n])
			}
			return Int(int64(n)), nil
		}))
	}
	fileMethod(buffered, "write", 1, 1, locked(func(in *Interp, self Value, args []Value) (Value, error) {
		b := bufOf(self)
		if !b.canWrite {
			return Value{}, in.unsupported("write")
		}
		if err := in.bufAttached(b); err != nil {
			return Value{}, err
		}
		p, err := in.bytesLike(args[0])
		if err != nil {
			return Value{}, err
		}
		closed, err := in.bufClosed(b)
		if err != nil {
			return Value{}, err
		}
		if closed {
			return Value{}, in.closedFile("write to closed file")
		}
		if b.fast == nil {
			// p may change under Python code the write runs.
			p = append([]byte(nil), p...)
		}
		return Int(int64(len(p))), in.bufferedWrite(b, p)
	}))
	fileMethod(buffered, "flush", 0, 0, locked(func(in *Interp, self Value, args []Value) (Value, error) {
		b, err := in.bufReady(self)
		if err != nil {
			return Value{}, err
		}
		if !b.canWrite {
			return None, in.bufferedFlushRaw(b)
		}
		if err := in.bufCheckOpen(b, "flush of closed file"); err != nil {
			return Value{}, err
		}
		if err := in.bufferedFlush(b); err != nil {
			return Value{}, err
		}
		return None, in.bufferedFlushRaw(b)
	}))
	fileMethod(buffered, "seek", 1, 2, locked(func(in *Interp, self Value, args []Value) (Value, error) {
		b, err := in.bufReady(self)
		if err != nil {
			return Value{}, err
		}
		whence := int64(0)
		if len(args) > 1 {
			if whence, err = in.fileOffset(args[1]); err != nil {
				return Value{}, err
			}
		}
		if whence < 0 || whence > 4 {
			// SEEK_DATA and SEEK_HOLE (3 and 4) go to the raw stream.
			return Value{}, in.raise(valueErrorType, "whence value %d unsupported", whence)
		}
		if err := in.bufCheckOpen(b, "seek of closed file"); err != nil {
			return Value{}, err
		}
		seekable, err := in.bufSeekable(b)
		if err != nil {
			return Value{}, err
		}
		if !seekable {
			return Value{}, in.unsupported("File or stream is not seekable.")
		}
		off, err := in.fileOffset(args[0])
		if err != nil {
			return Value{}, err
		}
		pos, err := in.bufferedSeek(b, off, int(whence))
		return Int(pos), err
	}))
	fileMethod(buffered, "tell", 0, 0, locked(func(in *Interp, self Value, args []Value) (Value, error) {
		b, err := in.bufReady(self)
		if err != nil {
			return Value{}, err
		}
		if b.fast != nil && b.fast.closed {
			return Value{}, in.closedFile("I/O operation on closed file")
		}
		pos, err := in.bufferedTell(b)
		return Int(pos), err
	}))
	fileMethod(buffered, "truncate", 0, 1, locked(func(in *Interp, self Value, args []Value) (Value, error) {
		b, err := in.bufReady(self)
		if err != nil {
			return Value{}, err
		}
		var pos Value
		if len(args) > 0 {
			pos = args[0]
		}
		return in.bufferedTruncateMethod(b, pos)
	}))
	fileMethod(buffered, "close", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		return None, in.bufferedCloseMethod(self)
	})
	fileMethod(buffered, "detach", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		b, err := in.bufReady(self)
		if err != nil {
			return Value{}, err
		}
		if err := in.bufSelfFlush(self); err != nil {
			return Value{}, err
		}
		raw := b.raw
		b.raw, b.fast, b.detached, b.ok = Value{}, nil, true, false
		b.rbuf, b.rpos, b.wbuf = nil, 0, nil
		return raw, nil
	})
	fileGetter(buffered, "raw", func(in *Interp, v Value) (Value, error) {
		r := bufOf(v).raw
		if r.IsNil() {
			return None, nil
		}
		incRef(r)
		return r, nil
	})
	for _, name := range []string{"name", "mode"} {
		fileGetter(buffered, name, func(in *Interp, v Value) (Value, error) {
			b, err := in.bufReady(v)
			if err != nil {
				return Value{}, err
			}
			if b.fast != nil {
				if name == "name" {
					return in.getAttrString(b.raw, "name")
				}
				return in.NewStr(rawModeString(b.fast))
			}
			return in.getAttrString(b.raw, name)
		})
	}
	fileGetter(buffered, "closed", func(in *Interp, v Value) (Value, error) {
		b, err := in.bufReady(v)
		if err != nil {
			return Value{}, err
		}
		if b.fast != nil {
			return Bool(b.fast.closed), nil
		}
		return in.getAttrString(b.raw, "closed")
	})
	for _, name := range []string{"readable", "writable", "seekable", "fileno", "isatty"} {
		fileMethod(buffered, name, 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
			return in.bufferedQuery(bufOf(self), name)
		})
	}
	fileCommon(buffered,
		func(in *Interp, v Value) (bool, error) {
			b, err := in.bufReady(v)
			if err != nil {
				return false, err
			}
			return in.bufClosed(b)
		},
		func(in *Interp, v Value) (Value, bool, error) { return v.Type().next(in, v) },
		func(in *Interp, self, item Value) error {
			b := bufOf(self)
			if !b.canWrite {
				return in.unsupported("write")
			}
			p, err := in.bytesLike(item)
			if err != nil {
				return err
			}
			if err := in.bufCheckOpen(b, "write to closed file"); err != nil {
				return err
			}
			return in.bufferedWrite(b, append([]byte(nil), p...))
		},
		func(in *Interp, v Value) error { return in.bufferedCloseMethod(v) })
}

// bufferedTruncateMethod is truncate(pos) with its checks.
func (in *Interp) bufferedTruncateMethod(b *bufferedFile, pos Value) (Value, error) {
	if err := in.bufCheckOpen(b, "truncate of closed file"); err != nil {
		return Value{}, err
	}
	if !b.canWrite {
		return Value{}, in.unsupported("truncate")
	}
	return in.bufferedTruncate(b, pos)
}

// bufferedQuery is readable, writable, seekable, fileno or isatty of a
// buffered file: the raw stream's answer; a reader does not write nor a
// writer read (IOBase's answer, False).
func (in *Interp) bufferedQuery(b *bufferedFile, name string) (Value, error) {
	if name == "readable" && !b.canRead || name == "writable" && !b.canWrite {
		return False, nil
	}
	if err := in.bufAttached(b); err != nil {
		return Value{}, err
	}
	if b.fast != nil {
		return fileIOQuery(in, b.fast, name)
	}
	return in.ioCallMethod(b.raw, name)
}

// fileIOQuery answers readable, writable, seekable, fileno or isatty for
// a FileIO, as its method does.
func fileIOQuery(in *Interp, r *rawFile, name string) (Value, error) {
	if r.closed {
		return Value{}, in.closedFile("I/O operation on closed file")
	}
	switch name {
	case "readable":
		return Bool(r.readable), nil
	case "writable":
		return Bool(r.writable), nil
	case "seekable":
		return Bool(in.rawSeekable(r)), nil
	case "fileno":
		return Int(int64(r.fd)), nil
	}
	return Bool(r.f != nil && isTerminal(r.f)), nil
}

// ioNextLine is __next__ for a class derived from a file type: its own
// readline, and the end at an empty line.
func (in *Interp) ioNextLine(v Value) (Value, bool, error) {
	line, err := in.ioCallMethod(v, "readline")
	if err != nil {
		return Value{}, false, err
	}
	n, err := in.Len(line)
	if err != nil || n == 0 {
		in.decRef(line)
		return Value{}, false, err
	}
	return line, true, nil
}
