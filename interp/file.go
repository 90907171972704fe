package interp

import (
	"errors"
	"io"
	"os"
	"strings"
	"syscall"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// File objects and open(), in CPython's three layers: a raw file
// (_io.FileIO) over a descriptor; a buffered binary file
// (_io.BufferedReader, BufferedWriter or BufferedRandom) over a raw file;
// and a text file (_io.TextIOWrapper) over a buffered one, which decodes
// and encodes and translates newlines. Each layer owns a reference to the
// one below, and closing or freeing the top closes them all. Python code
// builds the layers too, over other objects: a buffered file over any
// raw stream (io_buffered.go), a text file over any binary file
// (io_text.go); the Go code of a layer is used when the layer below is
// exactly the type open() makes, the methods of the object below
// otherwise.
//
// Over a buffered file, the text layer keeps no bytes of its own: it
// decodes straight out of the buffered layer's read buffer and consumes
// exactly the bytes it decoded, so a text file's tell() is the buffered
// file's position, the cookie CPython returns when its decoder holds no
// state.
//
// The interpreter's standard streams (sys.stdin, sys.stdout,
// sys.stderr) are the same objects over the io.Reader and io.Writers of
// Options, without buffering of their own (file_std.go).

// rawFile is an _io.FileIO: a file descriptor, or a standard stream.
type rawFile struct {
	alloc.Header
	alloc.GCLink
	dict  Value   // the instance __dict__ (CPython's file objects have one)
	slots []Value // a class's __slots__ values; must follow dict

	f    *os.File  // the open file; nil for a standard stream
	r    io.Reader // standard input
	w    io.Writer // standard output or error
	fd   int
	name Value // owned: the name given to open(), or the fd

	readable, writable, appending, created bool
	closefd, closed                        bool
	// owned tells that f is this file's to close (not a standard
	// stream's *os.File, which belongs to the embedder).
	owned bool
	// seekable is -1 until first asked, then 0 or 1.
	seekable int8
}

// bufferedFile is a BufferedReader, BufferedWriter or BufferedRandom over
// a raw stream: a FileIO, whose I/O is done in Go (fast), or any object
// with readinto, write, seek ... methods, which are called (io_buffered.go).
type bufferedFile struct {
	alloc.Header
	alloc.GCLink
	dict  Value
	slots []Value // must follow dict

	raw  Value    // owned; nil once detached or before __init__
	fast *rawFile // raw when its type is exactly FileIO, else nil

	// rbuf[rpos:] holds bytes read from raw but not yet consumed
	// (rbuf[:rpos] were consumed and allow a seek back inside the
	// buffer); wbuf holds bytes written but not yet passed to raw. Only
	// one of them is non-empty at a time.
	rbuf []byte
	rpos int
	wbuf []byte
	// size is the buffer size: reads fetch that much, writes are passed
	// on once that much has gathered; 0 writes through (standard streams).
	size int
	// absPos is the raw stream's position as last learnt (-1: unknown),
	// so that a seek inside the buffer needs no call to raw.tell().
	absPos int64

	canRead, canWrite bool // from the type: Reader, Writer or Random
	ok, detached      bool // initialized; raw given away by detach()
	busy              bool // in a call to the raw stream (bufEnter)
}

// textFile is a TextIOWrapper over a binary buffer: one of the Buffered
// types (fast: the text layer decodes straight out of its read buffer)
// or any object with read1/read, write, flush, seek ... methods, whose
// bytes the text layer keeps in rbuf and wpend (io_text.go).
type textFile struct {
	alloc.Header
	alloc.GCLink
	dict  Value
	slots []Value // must follow dict

	buffer Value         // owned; nil once detached or before __init__
	fast   *bufferedFile // buffer when exactly one of the Buffered types

	mode     string // the mode attribute open() sets ("" when unset)
	encoding string // as given, or the default's name
	codec    codec
	errors   string
	// pyDec and pyEnc (owned) are the codec registry's incremental
	// decoder and encoder, for a codec the codec layer does not have
	// (codec is then codecUnsupported; io_textcodec.go).
	pyDec, pyEnc Value
	// The registry decoder's snapshot (textSnapshot): its flags (owned)
	// and the bytes of the last chunk, the characters they gave, and
	// the characters pending from before it.
	snapFlags            Value
	snapInput            []byte
	snapChars, snapCarry int
	snapValid            bool

	// Newline handling (CPython's newline argument): universal splits
	// lines at \r, \n and \r\n; translate turns them into \n when
	// reading; readNL is the one terminator when not universal; writeNL
	// replaces \n when writing ("" leaves it).
	universal bool
	translate bool
	readNL    string
	writeNL   string

	lineBuffering bool
	writeThrough  bool
	// readable and writable are the buffer's answers at __init__ (CPython
	// makes a decoder and an encoder from them); seekable too.
	readable, writable, seekable bool
	hasRead1                     bool // the buffer has read1 (else read is used)
	chunkSize                    int  // _CHUNK_SIZE: how much to read at once
	ok, detached                 bool

	// Over another buffer: rbuf[rpos:] are bytes read and not decoded
	// yet, wpend bytes encoded and not yet written.
	rbuf  []byte
	rpos  int
	wpend []byte

	// pending holds text decoded ahead of what was read; inexact marks
	// text an error handler changed, whose byte length is unknown;
	// decoded is set once text was decoded, until a seek or a write
	// (reconfigure may not change the encoding then).
	pending string
	inexact bool
	decoded bool
	// seenNL records the kinds of newline read (the newlines attribute).
	seenNL uint8
	// iterating disables tell() while a for loop reads lines, as
	// CPython does.
	iterating bool
	// bomPending is set for utf-8-sig until the first read or write.
	bomPending bool
	// std is the fd of the interpreter's standard stream this is, or -1.
	std int
}

const (
	rawFileSize      = unsafe.Sizeof(rawFile{})
	bufferedFileSize = unsafe.Sizeof(bufferedFile{})
	textFileSize     = unsafe.Sizeof(textFile{})
)

// defaultBufferSize is io.DEFAULT_BUFFER_SIZE.
const defaultBufferSize = 8192

var (
	fileIOType         = newIOType("FileIO")
	bufferedReaderType = newIOType("BufferedReader")
	bufferedWriterType = newIOType("BufferedWriter")
	bufferedRandomType = newIOType("BufferedRandom")
	textIOWrapperType  = newIOType("TextIOWrapper")

	// unsupportedOperationType is io.UnsupportedOperation, an OSError
	// and a ValueError.
	unsupportedOperationType = newUnsupportedOperation()
)

func newIOType(name string) *Type {
	t := newBuiltinType(name, objectType, TypeBaseType)
	t.Module = "_io"
	return t
}

func newUnsupportedOperation() *Type {
	t := newBuiltinType("UnsupportedOperation", osErrorType, TypeBaseType)
	t.Module = "io"
	// Both bases share the exception layout, so the second one only
	// joins the MRO, as C3 orders it.
	t.Bases = []*Type{osErrorType, valueErrorType}
	t.MRO = []*Type{t, osErrorType, valueErrorType, exceptionTypes["Exception"], baseExceptionType, objectType}
	return t
}

func init() {
	t := unsupportedOperationType
	t.dealloc = exceptionDealloc
	t.repr = exceptionRepr
	t.construct = osErrorConstruct
	t.new = osErrorNew
	t.init = exceptionInit
	t.str = osErrorStr
	t.dictOffset = unsafe.Offsetof(Exception{}.dict)
	t.layout = baseExceptionType
	// The exceptions' cycle-finder slots are set in another file's init:
	// look them up when called.
	t.traverse = func(v Value, visit func(Value)) { osErrorType.traverse(v, visit) }
	t.clear = func(in *Interp, v Value) { osErrorType.clear(in, v) }

	builtinFuncs = append(builtinFuncs, newBuiltin("open", builtinOpen))

	fileIOType.dealloc = func(in *Interp, v Value) {
		r := asObject[rawFile](v)
		// A failure to close has nowhere to go from here.
		in.xdecRefErr(in.rawClose(r))
		in.xdecRef(r.name)
		in.xdecRef(r.dict)
		*r = rawFile{Header: r.Header}
		in.heap.Free(&r.Header, rawFileSize)
	}
	for _, t := range []*Type{bufferedReaderType, bufferedWriterType, bufferedRandomType} {
		t.dealloc = func(in *Interp, v Value) {
			b := asObject[bufferedFile](v)
			if !b.raw.IsNil() {
				if b.ok {
					in.xdecRefErr(in.bufferedClose(b))
				}
				in.decRef(b.raw)
			}
			in.xdecRef(b.dict)
			*b = bufferedFile{Header: b.Header}
			in.heap.Free(&b.Header, bufferedFileSize)
		}
	}
	textIOWrapperType.dealloc = func(in *Interp, v Value) {
		f := asObject[textFile](v)
		if !f.buffer.IsNil() {
			if f.std < 0 && f.ok {
				in.xdecRefErr(in.textClose(f))
			}
			in.decRef(f.buffer)
		}
		in.xdecRef(f.pyDec)
		in.xdecRef(f.pyEnc)
		in.xdecRef(f.snapFlags)
		in.xdecRef(f.dict)
		*f = textFile{Header: f.Header}
		in.heap.Free(&f.Header, textFileSize)
	}
}

// closedFile is the ValueError of an operation on a closed file; CPython
// words it slightly differently per method, hence the argument.
func (in *Interp) closedFile(msg string) error {
	if msg == "" {
		msg = "I/O operation on closed file."
	}
	return in.raise(valueErrorType, "%s", msg)
}

// unsupported raises io.UnsupportedOperation.
func (in *Interp) unsupported(msg string) error {
	return in.raise(unsupportedOperationType, "%s", msg)
}

// openMode is a parsed open() mode string.
type openMode struct {
	reading, writing, appending, creating, updating bool
	text, binary                                    bool
}

// parseOpenMode checks a mode string with CPython's messages.
func (in *Interp) parseOpenMode(mode string) (openMode, error) {
	var m openMode
	seen := map[rune]bool{}
	for _, c := range mode {
		if !strings.ContainsRune("rwxa+tb", c) || seen[c] {
			return m, in.raise(valueErrorType, "invalid mode: '%s'", mode)
		}
		seen[c] = true
		switch c {
		case 'r':
			m.reading = true
		case 'w':
			m.writing = true
		case 'a':
			m.appending = true
		case 'x':
			m.creating = true
		case '+':
			m.updating = true
		case 't':
			m.text = true
		case 'b':
			m.binary = true
		}
	}
	n := 0
	for _, b := range []bool{m.reading, m.writing, m.appending, m.creating} {
		if b {
			n++
		}
	}
	switch {
	case m.text && m.binary:
		return m, in.raise(valueErrorType, "can't have text and binary mode at once")
	case n > 1:
		return m, in.raise(valueErrorType, "must have exactly one of create/read/write/append mode")
	case n == 0:
		return m, in.raise(valueErrorType, "Must have exactly one of create/read/write/append mode and at most one plus")
	}
	return m, nil
}

// optionalStr checks an argument that must be str or None: "" and false
// when absent.
func (in *Interp) optionalStr(fname, arg string, v Value) (string, bool, error) {
	if v.IsNil() || v.IsNone() {
		return "", false, nil
	}
	if v.Type() != strType {
		return "", false, in.raise(typeErrorType, "%s() argument '%s' must be str or None, not %s", fname, arg, v.Type().Name)
	}
	return v.GoString(), true, nil
}

// builtinOpen is open(file, mode='r', buffering=-1, encoding=None,
// errors=None, newline=None, closefd=True, opener=None).
func builtinOpen(in *Interp, args []Value, kwnames []Value) (Value, error) {
	var file, modeArg, buffering, encArg, errArg, nlArg, closefdArg, opener Value
	if err := in.parseArgs("open", args, kwnames, []string{"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 1,
		&file, &modeArg, &buffering, &encArg, &errArg, &nlArg, &closefdArg, &opener); err != nil {
		return Value{}, err
	}
	mode := "r"
	if !modeArg.IsNil() {
		if modeArg.Type() != strType {
			return Value{}, in.raise(typeErrorType, "open() argument 'mode' must be str, not %s", modeArg.Type().Name)
		}
		mode = modeArg.GoString()
	}
	bufSize := int64(-1)
	if !buffering.IsNil() {
		n, err := in.Index(buffering)
		if err != nil {
			return Value{}, err
		}
		i, ok := IntValue(n)
		in.decRef(n)
		if !ok || i > 1<<31-1 || i < -1<<31 {
			return Value{}, in.raise(overflowErrorType, "Python int too large to convert to C int")
		}
		bufSize = i
	}
	// encoding and errors are checked as CPython's argument parsing
	// converts them to C strings.
	encoding, hasEncoding, err := in.optionalStr("open", "encoding", encArg)
	if err == nil {
		err = in.checkCodecArg(encoding)
	}
	if err != nil {
		return Value{}, err
	}
	errorsName, hasErrors, err := in.optionalStr("open", "errors", errArg)
	if err == nil {
		err = in.checkCodecArg(errorsName)
	}
	if err != nil {
		return Value{}, err
	}
	newline, hasNewline, err := in.optionalStr("open", "newline", nlArg)
	if err != nil {
		return Value{}, err
	}
	closefd := true
	if !closefdArg.IsNil() {
		if closefd, err = in.Truth(closefdArg); err != nil {
			return Value{}, err
		}
	}
	if opener.IsNone() {
		opener = Value{}
	}

	// The file: an fd, a str or bytes path, or an os.PathLike.
	var path Value
	isFD := false
	switch {
	case isInt(file):
		isFD = true
		path = file
		incRef(path)
	case file.Type() == strType || file.Type() == bytesType:
		path = file
		incRef(path)
	default:
		p, found, err := in.callSpecial(file, "__fspath__")
		if err != nil {
			return Value{}, err
		}
		if !found {
			return Value{}, in.raise(typeErrorType, "expected str, bytes or os.PathLike object, not %s", file.Type().Name)
		}
		if p.Type() != strType && p.Type() != bytesType {
			in.decRef(p)
			return Value{}, in.raise(typeErrorType, "expected %s.__fspath__() to return str or bytes, not %s", file.Type().Name, p.Type().Name)
		}
		path = p
	}
	defer in.decRef(path)

	m, err := in.parseOpenMode(mode)
	if err != nil {
		return Value{}, err
	}
	switch {
	case m.binary && hasEncoding:
		return Value{}, in.raise(valueErrorType, "binary mode doesn't take an encoding argument")
	case m.binary && hasErrors:
		return Value{}, in.raise(valueErrorType, "binary mode doesn't take an errors argument")
	case m.binary && hasNewline:
		return Value{}, in.raise(valueErrorType, "binary mode doesn't take a newline argument")
	case !m.binary && bufSize == 0:
		return Value{}, in.raise(valueErrorType, "can't have unbuffered text I/O")
	}
	if hasNewline && newline != "" && newline != "\n" && newline != "\r" && newline != "\r\n" {
		return Value{}, in.raise(valueErrorType, "illegal newline value: %s", newline)
	}

	rawV, err := in.openRaw(path, isFD, m, closefd, opener)
	if err != nil {
		return Value{}, err
	}
	raw := asObject[rawFile](rawV)
	if bufSize == 0 {
		return rawV, nil
	}
	size := defaultBufferSize
	if bufSize > 1 {
		size = int(bufSize)
	}
	bt := bufferedReaderType
	switch {
	case m.updating:
		bt = bufferedRandomType
	case raw.writable:
		bt = bufferedWriterType
	}
	bufV, err := in.newBuffered(bt, rawV, size)
	in.decRef(rawV)
	if err != nil {
		return Value{}, err
	}
	if m.binary {
		return bufV, nil
	}
	if !hasEncoding || encoding == "locale" {
		// "locale" (io.text_encoding's default) is the locale's
		// encoding, which is UTF-8 here, as is the default.
		encoding = "UTF-8"
	}
	if !hasErrors {
		errorsName = "strict"
	}
	nl := nlArg
	if nl.IsNil() {
		nl = None
	}
	txt, err := in.newText(bufV, mode, encoding, errorsName, nl, bufSize == 1, false, -1)
	if err != nil {
		in.xdecRefErr(in.bufferedClose(asObject[bufferedFile](bufV)))
		in.decRef(bufV)
		return Value{}, err
	}
	in.decRef(bufV)
	return txt, nil
}

// newRawFile allocates a FileIO of type t, closed until rawOpen opens it.
func (in *Interp) newRawFile(t *Type) (*rawFile, error) {
	r := &rawFile{fd: -1, seekable: -1, closed: true}
	if err := in.account(&r.Header, t, rawFileSize); err != nil {
		return nil, err
	}
	return r, nil
}

// openRaw opens the raw layer of open().
func (in *Interp) openRaw(path Value, isFD bool, m openMode, closefd bool, opener Value) (Value, error) {
	r, err := in.newRawFile(fileIOType)
	if err != nil {
		return Value{}, err
	}
	if err := in.rawOpen(r, path, isFD, m, closefd, opener); err != nil {
		in.decRef(valueOf(r))
		return Value{}, err
	}
	return valueOf(r), nil
}

// rawOpen opens the closed raw file r: a path with flags from the mode
// (through opener(path, flags) when there is one, which returns the
// fd), or an existing fd.
func (in *Interp) rawOpen(r *rawFile, path Value, isFD bool, m openMode, closefd bool, opener Value) error {
	r.fd, r.seekable, r.closefd, r.owned = -1, -1, closefd, false
	r.readable, r.writable, r.appending, r.created = false, false, false, false
	switch {
	case m.creating:
		r.created, r.writable = true, true
	case m.reading:
		r.readable = true
	case m.writing:
		r.writable = true
	case m.appending:
		r.appending, r.writable = true, true
	}
	if m.updating {
		r.readable, r.writable = true, true
	}
	if isFD {
		fd, ok := IntValue(path)
		if !ok || fd > 1<<31-1 || fd < -1<<31 {
			return in.raise(overflowErrorType, "Python int too large to convert to C int")
		}
		if fd < 0 {
			return in.raise(valueErrorType, "negative file descriptor")
		}
		f, err := fileFromFD(int(fd), closefd)
		if err != nil {
			return in.osErrorFrom(err, Value{})
		}
		r.f, r.owned = f, true
		r.fd = int(fd)
	} else {
		if !closefd {
			return in.raise(valueErrorType, "Cannot use closefd=False with file name")
		}
		var name string
		if path.Type() == strType {
			name = path.GoString()
		} else {
			name = string(asObject[Bytes](path).b)
		}
		if strings.IndexByte(name, 0) >= 0 {
			return in.raise(valueErrorType, "embedded null byte")
		}
		flags := os.O_RDONLY
		switch {
		case r.readable && r.writable:
			flags = os.O_RDWR
		case r.writable:
			flags = os.O_WRONLY
		}
		switch {
		case m.creating:
			flags |= os.O_CREATE | os.O_EXCL
		case m.writing:
			flags |= os.O_CREATE | os.O_TRUNC
		case m.appending:
			flags |= os.O_CREATE | os.O_APPEND
		}
		if !opener.IsNil() {
			fdv, err := in.Call(opener, []Value{path, Int(int64(flags | syscall.O_CLOEXEC))}, nil)
			if err != nil {
				return err
			}
			defer in.decRef(fdv)
			if !isInt(fdv) {
				return in.raise(typeErrorType, "expected an opener returning an integer file descriptor, not %s", fdv.Type().Name)
			}
			fd, ok := IntValue(fdv)
			if !ok || fd > 1<<31-1 || fd < -1<<31 {
				return in.raise(overflowErrorType, "Python int too large to convert to C int")
			}
			if fd < 0 {
				return in.raise(valueErrorType, "opener returned %d", fd)
			}
			f, ferr := fileFromFD(int(fd), true)
			if ferr != nil {
				return in.osErrorFrom(ferr, Value{})
			}
			r.f, r.owned, r.fd = f, true, int(fd)
		} else {
			f, err := os.OpenFile(name, flags|syscall.O_CLOEXEC, 0o666)
			if err != nil {
				var pe *os.PathError
				if errors.As(err, &pe) {
					err = pe.Err
				}
				return in.osErrorFrom(err, path)
			}
			// Opening a directory for reading succeeds; CPython refuses it.
			if st, err := f.Stat(); err == nil && st.IsDir() {
				f.Close()
				return in.newOSError(syscall.EISDIR, path)
			}
			r.f, r.owned = f, true
			r.fd = int(f.Fd())
		}
	}
	r.closed = false
	incRef(path)
	old := r.name
	r.name = path
	in.xdecRef(old)
	if r.appending {
		// CPython seeks to the end at once, so tell() starts there.
		r.f.Seek(0, io.SeekEnd)
	}
	return nil
}

// newBuffered wraps a raw file in a buffered file of type t (one of the
// Buffered types, or a class derived from one).
func (in *Interp) newBuffered(t *Type, raw Value, size int) (Value, error) {
	b := &bufferedFile{}
	if err := in.account(&b.Header, t, bufferedFileSize); err != nil {
		return Value{}, err
	}
	in.bufferedAttach(b, t, raw, size)
	return valueOf(b), nil
}

// bufferedAttach (re)initializes b over raw.
func (in *Interp) bufferedAttach(b *bufferedFile, t *Type, raw Value, size int) {
	incRef(raw)
	old := b.raw
	b.raw, b.fast = raw, nil
	if raw.Type() == fileIOType {
		b.fast = asObject[rawFile](raw)
	}
	in.xdecRef(old)
	b.size, b.absPos = size, -1
	b.rbuf, b.rpos, b.wbuf = nil, 0, nil
	b.canRead = t.IsSubtype(bufferedReaderType) || t.IsSubtype(bufferedRandomType)
	b.canWrite = t.IsSubtype(bufferedWriterType) || t.IsSubtype(bufferedRandomType)
	b.ok, b.detached = true, false
}

// newText wraps a buffered file from open() or a standard stream in a
// TextIOWrapper.
func (in *Interp) newText(buffer Value, mode, encoding, errorsName string, newline Value, lineBuffering, writeThrough bool, std int) (Value, error) {
	c, info, err := in.textCodecInfo(encoding, errorsName)
	if err != nil {
		return Value{}, err
	}
	if !info.IsNil() {
		defer in.decRef(info)
	}
	f := &textFile{}
	if err := in.account(&f.Header, textIOWrapperType, textFileSize); err != nil {
		return Value{}, err
	}
	b := asObject[bufferedFile](buffer)
	f.mode, f.std = mode, std
	f.readable, f.writable = b.canRead, b.canWrite
	if b.fast != nil {
		f.readable = f.readable && b.fast.readable
		f.writable = f.writable && b.fast.writable
		f.seekable = in.rawSeekable(b.fast)
	}
	f.hasRead1 = true
	in.textAttach(f, buffer, encoding, c, errorsName, newline, lineBuffering, writeThrough)
	if err := in.textSetCoders(f, info, errorsName); err != nil {
		in.decRef(valueOf(f))
		return Value{}, err
	}
	if (f.bomPending || !f.pyEnc.IsNil()) && f.seekable && f.writable {
		// Only a file at its start has a BOM to write.
		pos, err := in.bufferedTell(b)
		if err == nil && pos != 0 {
			f.bomPending = false
			err = in.textEncoderAt(f, pos)
		}
		in.xdecRefErr(err)
	}
	return valueOf(f), nil
}

// textAttach (re)initializes f over buffer with the checked arguments of
// TextIOWrapper (newline None, or a valid str).
func (in *Interp) textAttach(f *textFile, buffer Value, encoding string, c codec, errorsName string, newline Value, lineBuffering, writeThrough bool) {
	incRef(buffer)
	old := f.buffer
	f.buffer, f.fast = buffer, nil
	if isExactBuffered(buffer) {
		f.fast = asObject[bufferedFile](buffer)
	}
	in.xdecRef(old)
	f.encoding, f.codec, f.errors = encoding, c, errorsName
	f.lineBuffering, f.writeThrough = lineBuffering, writeThrough
	in.textSetNewline(f, newline)
	f.chunkSize = defaultBufferSize
	f.rbuf, f.rpos, f.wpend = nil, 0, nil
	f.pending, f.inexact, f.seenNL, f.iterating = "", false, 0, false
	f.bomPending = c == codecUTF8Sig
	f.ok, f.detached = true, false
}

// textSetNewline applies the newline argument (None or a valid str).
func (in *Interp) textSetNewline(f *textFile, newline Value) {
	f.universal, f.translate, f.readNL, f.writeNL = false, false, "", ""
	switch {
	case newline.IsNone():
		f.universal, f.translate = true, true
	case newline.GoString() == "":
		f.universal = true
	default:
		f.readNL = newline.GoString()
		f.writeNL = newline.GoString()
		if f.writeNL == "\n" {
			f.writeNL = ""
		}
	}
}

// isExactBuffered reports whether v is exactly one of the Buffered types
// (not a class derived from one, whose methods may be overridden).
func isExactBuffered(v Value) bool {
	t := v.Type()
	return t == bufferedReaderType || t == bufferedWriterType || t == bufferedRandomType
}
