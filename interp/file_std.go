package interp

import "os"

// The standard streams: sys.stdin, sys.stdout and sys.stderr (and their
// __stdin__, __stdout__, __stderr__ copies) are text files over the
// interpreter's Options.Stdin, Stdout and Stderr. Output passes straight
// through to the io.Writer, unbuffered here (the embedder's writer may
// buffer, and flush() flushes it), so print(), which writes to the
// writer directly when sys.stdout is the interpreter's own, and
// sys.stdout.write() interleave as written.

// stdStreams describe the standard streams as CPython 3.12 sets it up in
// a UTF-8 locale on POSIX.
var stdStreams = []struct {
	fd       int
	name     string // sys's name for it
	dunder   string // sys's name for the original (__stdout__)
	fileName string // the file's name attribute
	mode     string
	errors   string
}{
	{0, "stdin", "__stdin__", "<stdin>", "r", "surrogateescape"},
	{1, "stdout", "__stdout__", "<stdout>", "w", "surrogateescape"},
	{2, "stderr", "__stderr__", "<stderr>", "w", "backslashreplace"},
}

// initStdStreams creates the standard streams and puts them in sys.
func (in *Interp) initStdStreams(sys *Module) error {
	// The three streams' objects in one Go allocation (see stdStream).
	blocks := new([3]stdStream)
	for i, s := range stdStreams {
		v, err := in.newStdStream(&blocks[i], s.fd, s.fileName, s.mode, s.errors)
		if err != nil {
			return err
		}
		err = in.setGlobal(sys, s.name, v)
		if err == nil {
			err = in.setGlobal(sys, s.dunder, v)
		}
		in.decRef(v)
		if err != nil {
			return err
		}
	}
	return nil
}

// stdStream holds the three objects of a standard stream (the raw file,
// its buffered file and the TextIOWrapper over that), so that the
// streams are made in one Go allocation rather than nine: each is still
// its own object, accounted, counted and deallocated on its own (their
// deallocs zero them and keep nothing in a free list), and Go's
// collector frees the block once none of its objects is referred to.
type stdStream struct {
	raw  rawFile
	buf  bufferedFile
	text textFile
}

// newStdStream makes the text file of standard stream fd in the zero s,
// as open() and TextIOWrapper would make it (newBuffered, newText), less
// the codec lookup: the codec is the codec layer's UTF-8, whose decoder
// and encoder need no objects.
func (in *Interp) newStdStream(s *stdStream, fd int, name, mode, errors string) (Value, error) {
	r := &s.raw
	r.fd, r.seekable = fd, -1
	size := 0 // output writes through
	if fd == 0 {
		r.readable, r.r = true, in.stdin
		size = defaultBufferSize
	} else {
		w := in.stdout
		if fd == 2 {
			w = in.stderr
		}
		r.writable, r.w = true, w
	}
	// An *os.File is used as a file, so fileno, isatty and seekable tell
	// the truth about it; it is never closed.
	if f, ok := r.r.(*os.File); ok && f != nil {
		r.f = f
	}
	if f, ok := r.w.(*os.File); ok && f != nil {
		r.f = f
	}
	if err := in.account(&r.Header, fileIOType, rawFileSize); err != nil {
		return Value{}, err
	}
	// The name is immortal, shared by every interpreter's stream.
	r.name = internName(name)
	bt := bufferedWriterType
	if fd == 0 {
		bt = bufferedReaderType
	}
	b := &s.buf
	err := in.account(&b.Header, bt, bufferedFileSize)
	if err == nil {
		in.bufferedAttach(b, bt, valueOf(r), size)
	}
	in.decRef(valueOf(r))
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(valueOf(b))
	lineBuffering := fd == 2
	if r.f != nil && fd == 1 && isTerminal(r.f) {
		lineBuffering = true
	}
	f := &s.text
	if err := in.account(&f.Header, textIOWrapperType, textFileSize); err != nil {
		return Value{}, err
	}
	f.mode, f.std = mode, fd
	f.readable, f.writable = b.canRead && r.readable, b.canWrite && r.writable
	f.seekable = in.rawSeekable(r)
	f.hasRead1 = true
	in.textAttach(f, valueOf(b), "utf-8", codecUTF8, errors, internName("\n"), lineBuffering, false)
	return valueOf(f), nil
}

// writeText writes s to v when v is a TextIOWrapper (a standard stream,
// a file from open(), one made from Python), as v.write(s) would,
// without a call through Python; handled is false, and nothing is done,
// when v is something else. print() uses it for its file argument.
func (in *Interp) writeText(v Value, s string) (handled bool, err error) {
	if v.IsNil() || v.Type() != textIOWrapperType {
		return false, nil
	}
	f := textOf(v)
	if err := in.textCheckWritable(f); err != nil {
		return true, err
	}
	return true, in.textWrite(f, s)
}

// flushText flushes v when it is a TextIOWrapper, as v.flush() would
// (print's flush=True); handled is false when v is something else.
func (in *Interp) flushText(v Value) (handled bool, err error) {
	if v.IsNil() || v.Type() != textIOWrapperType {
		return false, nil
	}
	f := textOf(v)
	if err := in.textAttached(f); err != nil {
		return true, err
	}
	return true, in.textFlush(f)
}
