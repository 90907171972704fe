package interp

// The buffer protocol for the Go modules' types. A type registered with
// RegisterBuffer exports its memory (array.array does) to every consumer
// of bytes-like objects: bytesData, through which bytes(), bytearray(),
// b''.join, file writes, struct and the codecs read a buffer, answers
// with the exporter's live bytes, and memoryview(obj) makes a view of
// the exporter's format. Also here: the buffer requests of the struct
// module (a simple request, a writable one).
//
// Exports are not counted: an exporter that changes size under a live
// view is not refused (CPython raises BufferError); the view reads the
// exporter's buffer afresh on each access, so it stays memory-safe.

// BufferExporter describes how instances of a type export their memory.
type BufferExporter struct {
	// Bytes returns the instance's live buffer, which writes through a
	// view or struct.pack_into change.
	Bytes func(v Value) []byte
	// Format returns the struct format of the items ("i") and their
	// size in bytes.
	Format func(v Value) (format string, itemsize int)
	// ReadOnly is set when the buffer must not be written.
	ReadOnly bool
}

// bufferExporter pairs a registered type with its exporter.
type bufferExporter struct {
	t *Type
	e *BufferExporter
}

// bufferExporters is written at package initialization only.
var bufferExporters []bufferExporter

// RegisterBuffer makes instances of t (and of its subclasses) export
// their memory as e describes. Call it at package initialization.
func RegisterBuffer(t *Type, e BufferExporter) {
	checkUnsealed("RegisterBuffer(" + t.Name + ")")
	if len(bufferExporters) == 0 {
		// memoryview.go's init has run by now (RegisterBuffer is called
		// from the modules' package initialization): wrap its
		// constructor so that a view of an exporter gets its format.
		construct := memoryviewType.construct
		memoryviewType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
			if len(args) == 1 && (len(kwnames) == 0 || kwnames[0].GoString() == "object") {
				if e := exporterOf(args[0].Type()); e != nil {
					return in.exporterView(args[0], e)
				}
			}
			return construct(in, t, args, kwnames)
		}
	}
	bufferExporters = append(bufferExporters, bufferExporter{t, &e})
}

// exporterOf returns the exporter of a registered type or of a class
// derived from one, or nil.
func exporterOf(t *Type) *BufferExporter {
	for _, x := range bufferExporters {
		if t == x.t || t.IsSubtype(x.t) {
			return x.e
		}
	}
	return nil
}

// exportedBytes is bytesData for the registered exporters.
func exportedBytes(v Value) ([]byte, bool) {
	if e := exporterOf(v.Type()); e != nil {
		return e.Bytes(v), true
	}
	return nil, false
}

// exporterView is memoryview(v) for a registered exporter. The views
// decode unsigned bytes and native integers wider than a byte; other
// formats ('b', 'f', 'd', 'u') would read wrong items, so they are
// refused.
func (in *Interp) exporterView(v Value, e *BufferExporter) (Value, error) {
	format, size := e.Format(v)
	wide := len(format) == 1 && size > 1 && mvIntFormatSize(format[0]) == size
	if format != "B" && !wide {
		return Value{}, in.raise(notImplementedErrorType, "memoryview of a buffer of format '%s' is not implemented yet", format)
	}
	b := e.Bytes(v)
	mv, err := in.newMemoryView(v, 0, len(b), 1, e.ReadOnly, format)
	if err == nil && wide {
		asObject[MemoryView](mv).itemsize = size
	}
	return mv, err
}

// BufferSimple returns the bytes of a bytes-like object for a simple
// (contiguous) buffer request, borrowed: do not keep them past a call
// that may run Python code. Errors are CPython's: TypeError "a
// bytes-like object is required, not 'str'", BufferError for a view
// that is not contiguous, ValueError for a released view.
func (in *Interp) BufferSimple(v Value) ([]byte, error) {
	if b, ok := bytesData(v); ok {
		return b, nil
	}
	return nil, in.bytesLikeRequired(v)
}

// BufferWritable returns the live bytes of a writable buffer: a
// bytearray, a writable contiguous memoryview, or a writable exporter.
// Anything else is TypeError "argument must be read-write bytes-like
// object, not bytes" (the "w*" argument format's message).
func (in *Interp) BufferWritable(v Value) ([]byte, error) {
	switch t := v.Type(); {
	case isByteArray(v):
		return asObject[ByteArray](v).b, nil
	case t == memoryviewType:
		if m := asObject[MemoryView](v); !m.readonly && !m.obj.IsNil() {
			if b, ok := m.simple(); ok {
				return b, nil
			}
		}
	default:
		if e := exporterOf(t); e != nil && !e.ReadOnly {
			return e.Bytes(v), nil
		}
	}
	return nil, in.raise(typeErrorType, "argument must be read-write bytes-like object, not %s", v.Type().Name)
}
