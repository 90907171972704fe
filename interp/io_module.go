package interp

// The _io module, which Lib/io.py re-exports: the file types of file*.go,
// StringIO and BytesIO, and the base classes _IOBase, _RawIOBase,
// _BufferedIOBase and _TextIOBase. The base classes give a class derived
// from them in Python (io.py's IOBase and the stdlib's own streams) the
// default behaviour CPython's do, calling the class's own methods
// (read, readinto, write, flush ...) by name.

var (
	ioBaseType         = newIOTypeBase("_IOBase", objectType)
	rawIOBaseType      = newIOTypeBase("_RawIOBase", ioBaseType)
	bufferedIOBaseType = newIOTypeBase("_BufferedIOBase", ioBaseType)
	textIOBaseType     = newIOTypeBase("_TextIOBase", ioBaseType)
)

// newIOTypeBase makes a subclassable _io type derived from base.
func newIOTypeBase(name string, base *Type) *Type {
	t := newBuiltinType(name, base, TypeBaseType)
	t.Module = "_io"
	return t
}

// reparentIOType makes one of file*.go's types derive from an _io base
// class, as CPython's do, once both exist.
func reparentIOType(t, base *Type) {
	t.Base = base
	t.Bases = []*Type{base}
	t.MRO = []*Type{t}
	for b := base; b != nil; b = b.Base {
		t.MRO = append(t.MRO, b)
	}
}

// ioClosedName is the instance attribute where _IOBase.close records
// that a file is closed, named as CPython's is.
const ioClosedName = "__IOBase_closed"

// ioIsClosed is self.closed, for a class deriving from _IOBase.
func (in *Interp) ioIsClosed(v Value) (bool, error) {
	c, err := in.getAttrString(v, "closed")
	if err != nil {
		return false, err
	}
	defer in.decRef(c)
	return in.Truth(c)
}

// ioCheckClosed raises the ValueError of an operation on a closed file.
func (in *Interp) ioCheckClosed(v Value) error {
	closed, err := in.ioIsClosed(v)
	if err == nil && closed {
		err = in.closedFile("")
	}
	return err
}

// ioCallMethod calls v.name(args...).
func (in *Interp) ioCallMethod(v Value, name string, args ...Value) (Value, error) {
	m, err := in.getAttrString(v, name)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(m)
	return in.Call(m, args, nil)
}

// ioCheckAbility is _checkReadable and friends: self.what() must be true.
func (in *Interp) ioCheckAbility(v Value, what, msg string) error {
	r, err := in.ioCallMethod(v, what)
	if err != nil {
		return err
	}
	ok, err := in.Truth(r)
	in.decRef(r)
	if err == nil && !ok {
		err = in.unsupported(msg)
	}
	return err
}

func init() {
	for _, t := range []*Type{ioBaseType, rawIOBaseType, bufferedIOBaseType, textIOBaseType} {
		// Instances of classes derived from these are plain objects.
		t.layout = objectType
	}
	reparentIOType(fileIOType, rawIOBaseType)
	for _, t := range []*Type{bufferedReaderType, bufferedWriterType, bufferedRandomType} {
		reparentIOType(t, bufferedIOBaseType)
	}
	reparentIOType(textIOWrapperType, textIOBaseType)

	base := []*Type{ioBaseType}
	unsupportedMethod := func(types []*Type, name string, min, max int) {
		fileMethod(types, name, min, max, func(in *Interp, self Value, args []Value) (Value, error) {
			return Value{}, in.unsupported(name)
		})
	}
	defGetSet(ioBaseType, "closed", func(in *Interp, v Value) (Value, error) {
		c, err := in.lookupAttr(v, internName(ioClosedName))
		if err != nil || c.IsNil() {
			return False, err
		}
		return c, nil
	}, nil)
	fileMethod(base, "flush", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		return None, in.ioCheckClosed(self)
	})
	fileMethod(base, "close", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		c, err := in.lookupAttr(self, internName(ioClosedName))
		if err != nil {
			return Value{}, err
		}
		if !c.IsNil() {
			done, err := in.Truth(c)
			in.decRef(c)
			if err != nil || done {
				return None, err
			}
		}
		r, flushErr := in.ioCallMethod(self, "flush")
		if flushErr == nil {
			in.decRef(r)
		}
		if err := in.SetAttr(self, internName(ioClosedName), True); err != nil {
			in.xdecRefErr(flushErr)
			return Value{}, err
		}
		return None, flushErr
	})
	for _, name := range []string{"readable", "writable", "seekable"} {
		fileMethod(base, name, 0, 0, func(in *Interp, self Value, args []Value) (Value, error) { return False, nil })
	}
	fileMethod(base, "isatty", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		return False, in.ioCheckClosed(self)
	})
	unsupportedMethod(base, "fileno", 0, 0)
	unsupportedMethod(base, "seek", 1, 2)
	unsupportedMethod(base, "truncate", 0, 1)
	fileMethod(base, "tell", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		return in.ioCallMethod(self, "seek", Int(0), Int(1))
	})
	fileMethod(base, "_checkClosed", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		return None, in.ioCheckClosed(self)
	})
	for _, c := range []struct{ name, what, msg string }{
		{"_checkReadable", "readable", "File or stream is not readable."},
		{"_checkWritable", "writable", "File or stream is not writable."},
		{"_checkSeekable", "seekable", "File or stream is not seekable."},
	} {
		fileMethod(base, c.name, 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
			return None, in.ioCheckAbility(self, c.what, c.msg)
		})
	}
	fileMethod(base, "readline", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		limit, err := in.sizeArg(args, 0)
		if err != nil {
			return Value{}, err
		}
		var line []byte
		for limit < 0 || len(line) < limit {
			b, err := in.ioCallMethod(self, "read", Int(1))
			if err != nil {
				return Value{}, err
			}
			if b.Type() != bytesType && b.Type() != bytearrayType {
				defer in.decRef(b)
				return Value{}, in.raise(osErrorType, "read() should have returned a bytes object, not '%s'", b.Type().Name)
			}
			p, _ := in.bytesLike(b)
			line = append(line, p...)
			in.decRef(b)
			if len(p) == 0 || p[len(p)-1] == '\n' {
				break
			}
		}
		return in.newBytes(line)
	})
	ioBaseType.iter = func(in *Interp, v Value) (Value, error) {
		if err := in.ioCheckClosed(v); err != nil {
			return Value{}, err
		}
		incRef(v)
		return v, nil
	}
	ioBaseType.next = func(in *Interp, v Value) (Value, bool, error) {
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
	fileCommon(base,
		func(in *Interp, v Value) (bool, error) { return in.ioIsClosed(v) },
		func(in *Interp, v Value) (Value, bool, error) {
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
		},
		func(in *Interp, self, line Value) error {
			r, err := in.ioCallMethod(self, "write", line)
			if err == nil {
				in.decRef(r)
			}
			return err
		},
		func(in *Interp, v Value) error {
			r, err := in.ioCallMethod(v, "close")
			if err == nil {
				in.decRef(r)
			}
			return err
		})
	// __del__ closes a file that is still open, as CPython's finalizer
	// does; a file whose closed attribute fails is left alone.
	fileMethod(base, "__del__", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		closed, err := in.ioIsClosed(self)
		if err != nil || closed {
			in.xdecRefErr(err)
			return None, nil
		}
		return in.ioCallMethod(self, "close")
	})

	raw := []*Type{rawIOBaseType}
	fileMethod(raw, "read", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		n, err := in.sizeArg(args, 0)
		if err != nil {
			return Value{}, err
		}
		if n < 0 {
			return in.ioCallMethod(self, "readall")
		}
		b, err := in.newByteArray(make([]byte, n))
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(b)
		r, err := in.ioCallMethod(self, "readinto", b)
		if err != nil || r.IsNone() {
			return r, err
		}
		got, err := in.fileOffset(r)
		in.decRef(r)
		if err != nil {
			return Value{}, err
		}
		data := asObject[ByteArray](b).b
		if got < 0 || got > int64(len(data)) {
			return Value{}, in.raise(valueErrorType, "readinto returned %d outside buffer size %d", got, len(data))
		}
		return in.newBytesCopy(data[:got])
	})
	fileMethod(raw, "readall", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		var out []byte
		for first := true; ; first = false {
			b, err := in.ioCallMethod(self, "read", Int(defaultBufferSize))
			if err != nil {
				return Value{}, err
			}
			if b.IsNone() {
				if first {
					return b, nil
				}
				break
			}
			if b.Type() != bytesType {
				defer in.decRef(b)
				return Value{}, in.raise(typeErrorType, "read() should return bytes")
			}
			p := asObject[Bytes](b).b
			out = append(out, p...)
			in.decRef(b)
			if len(p) == 0 {
				break
			}
		}
		return in.newBytes(out)
	})
	for _, name := range []string{"readinto", "write"} {
		fileMethod(raw, name, 1, 1, func(in *Interp, self Value, args []Value) (Value, error) {
			return Value{}, in.raise(notImplementedErrorType, "")
		})
	}

	buffered := []*Type{bufferedIOBaseType}
	unsupportedMethod(buffered, "read", 0, 1)
	unsupportedMethod(buffered, "read1", 0, 1)
	unsupportedMethod(buffered, "write", 1, 1)
	unsupportedMethod(buffered, "detach", 0, 0)
	for _, c := range []struct{ name, read string }{{"readinto", "read"}, {"readinto1", "read1"}} {
		fileMethod(buffered, c.name, 1, 1, func(in *Interp, self Value, args []Value) (Value, error) {
			dst, err := in.writableBuffer(c.name, args[0])
			if err != nil {
				return Value{}, err
			}
			data, err := in.ioCallMethod(self, c.read, Int(int64(len(dst))))
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(data)
			p, err := in.bytesLike(data)
			if err != nil {
				return Value{}, err
			}
			// The read ran Python code: the target's bytes may have moved.
			if dst, err = in.writableBuffer(c.name, args[0]); err != nil {
				return Value{}, err
			}
			if len(p) > len(dst) {
				return Value{}, in.raise(valueErrorType, "read() returned too much data: %d bytes requested, %d returned", len(dst), len(p))
			}
			return Int(int64(copy(dst, p))), nil
		})
	}

	text := []*Type{textIOBaseType}
	unsupportedMethod(text, "read", 0, 1)
	unsupportedMethod(text, "write", 1, 1)
	unsupportedMethod(text, "detach", 0, 0)
	for _, name := range []string{"encoding", "errors", "newlines"} {
		defGetSet(textIOBaseType, name, func(in *Interp, v Value) (Value, error) { return None, nil }, nil)
	}

	registerModule("_io", func(in *Interp, m *Module) error {
		for name, t := range map[string]*Type{
			"_IOBase": ioBaseType, "_RawIOBase": rawIOBaseType, "_BufferedIOBase": bufferedIOBaseType,
			"_TextIOBase": textIOBaseType, "FileIO": fileIOType, "BufferedReader": bufferedReaderType,
			"BufferedWriter": bufferedWriterType, "BufferedRandom": bufferedRandomType,
			"BufferedRWPair": bufferedRWPairType, "TextIOWrapper": textIOWrapperType,
			"IncrementalNewlineDecoder": newlineDecoderType, "StringIO": stringIOType, "BytesIO": bytesIOType,
			"UnsupportedOperation": unsupportedOperationType,
			"BlockingIOError":      exceptionTypes["BlockingIOError"],
		} {
			if err := in.setGlobal(m, name, valueOf(t)); err != nil {
				return err
			}
		}
		if err := in.setGlobal(m, "DEFAULT_BUFFER_SIZE", Int(defaultBufferSize)); err != nil {
			return err
		}
		open, ok, err := in.DictGet(in.builtins, internName("open"))
		if err != nil {
			return err
		}
		if !ok {
			open = newBuiltin("open", builtinOpen)
		}
		if err := in.setGlobal(m, "open", open); err != nil {
			return err
		}
		for _, fn := range ioFuncs {
			if err := in.setGlobal(m, asObject[Builtin](fn).name, fn); err != nil {
				return err
			}
		}
		return nil
	})
}

// ioFuncs are the _io module's functions other than open.
var ioFuncs = []Value{
	newBuiltin("open_code", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		var path Value
		if err := in.parseArgs("open_code", args, kwnames, []string{"path"}, 1, &path); err != nil {
			return Value{}, err
		}
		if path.Type() != strType {
			return Value{}, in.raise(typeErrorType, "open_code() argument 'path' must be str, not %s", path.Type().Name)
		}
		mode, err := in.NewStr("rb")
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(mode)
		return builtinOpen(in, []Value{path, mode}, nil)
	}),
	newBuiltin("text_encoding", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		var enc, level Value
		if err := in.parseArgs("text_encoding", args, kwnames, []string{"encoding", "stacklevel"}, 1, &enc, &level); err != nil {
			return Value{}, err
		}
		if enc.IsNone() {
			// In UTF-8 mode (-X utf8, PYTHONUTF8=1) the default text
			// encoding is UTF-8 rather than the locale's.
			if in.flags.UTF8Mode != 0 {
				return in.NewStr("utf-8")
			}
			return in.NewStr("locale")
		}
		incRef(enc)
		return enc, nil
	}),
}

// cpythonHeapTypes are built-in types here that are heap types in
// CPython, whose __module__ Python code may set (io.py sets
// UnsupportedOperation's).
var cpythonHeapTypes = map[*Type]bool{unsupportedOperationType: true}

// setStaticTypeModule handles setting __module__ on such a type. Built-in
// types are shared by all interpreters, so only a no-op assignment of
// the module it already has is supported.
func (in *Interp) setStaticTypeModule(t *Type, name, value Value) (bool, error) {
	if !cpythonHeapTypes[t] || name.GoString() != "__module__" {
		return false, nil
	}
	if !value.IsNil() && value.Type() == strType && value.GoString() == t.Module {
		return true, nil
	}
	return true, in.raise(notImplementedErrorType, "setting __module__ of '%s' to another value is not implemented yet", t.Name)
}
