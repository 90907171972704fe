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
	for _, s := range stdStreams {
		v, err := in.newStdStream(s.fd, s.fileName, s.mode, s.errors)
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

// newStdStream makes the text file of standard stream fd.
func (in *Interp) newStdStream(fd int, name, mode, errors string) (Value, error) {
	r := &rawFile{fd: fd, seekable: -1}
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
	b, err := in.newBuffered(bt, valueOf(r), size)
	in.decRef(valueOf(r))
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(b)
	lineBuffering := fd == 2
	if r.f != nil && fd == 1 && isTerminal(r.f) {
		lineBuffering = true
	}
	return in.newText(b, mode, "utf-8", errors, internName("\n"), lineBuffering, false, fd)
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
