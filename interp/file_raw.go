package interp

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// The byte I/O of the raw layer in Go: what FileIO's methods
// (file_binary.go) and the buffered layer over a FileIO (io_buffered.go)
// are built on.

// ioError converts an error of an I/O call into the Python exception.
func (in *Interp) ioError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return in.osErrorFrom(err, Value{})
}

// rawRead reads at most len(p) bytes; 0 means end of file.
func (in *Interp) rawRead(r *rawFile, p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	var rd io.Reader
	switch {
	case r.f != nil:
		rd = r.f
	case r.r != nil:
		rd = r.r
	default:
		return 0, in.newOSError(syscall.EBADF, Value{})
	}
	for tries := 0; ; tries++ {
		// A read may block (a pipe, a terminal, a socket's file): the
		// interpreter's other threads run meanwhile, as in CPython.
		var n int
		var err error
		in.allowThreadsIfHeld(func() { n, err = rd.Read(p) })
		switch {
		case n > 0 || err == io.EOF:
			// An error after some bytes comes back on the next read.
			return n, nil
		case err != nil:
			return 0, in.ioError(err)
		case tries == 100:
			// An io.Reader that keeps returning nothing has ended.
			return 0, nil
		}
	}
}

// rawReadAll reads to the end of the file.
func (in *Interp) rawReadAll(r *rawFile) ([]byte, error) {
	var out []byte
	chunk := make([]byte, defaultBufferSize)
	for {
		n, err := in.rawRead(r, chunk)
		out = append(out, chunk[:n]...)
		if err != nil {
			return out, err
		}
		if n == 0 {
			return out, nil
		}
		if len(chunk) < 1<<20 {
			chunk = make([]byte, 2*len(chunk))
		}
	}
}

// rawWrite writes all of p.
func (in *Interp) rawWrite(r *rawFile, p []byte) error {
	var err error
	switch {
	case r.f != nil:
		_, err = r.f.Write(p)
	case r.w != nil:
		_, err = r.w.Write(p)
	default:
		return in.newOSError(syscall.EBADF, Value{})
	}
	if err != nil {
		return in.ioError(err)
	}
	return nil
}

// rawFlush passes a flush on to a standard stream's writer when it has
// a Flush method (a bufio.Writer); files are written unbuffered.
func (in *Interp) rawFlush(r *rawFile) error {
	if fl, ok := r.w.(interface{ Flush() error }); ok {
		if err := fl.Flush(); err != nil {
			return in.ioError(err)
		}
	}
	return nil
}

// rawSeekable reports whether the raw file can seek.
func (in *Interp) rawSeekable(r *rawFile) bool {
	if r.seekable < 0 {
		r.seekable = 0
		if r.f != nil {
			if _, err := r.f.Seek(0, io.SeekCurrent); err == nil {
				r.seekable = 1
			}
		}
	}
	return r.seekable == 1
}

// rawSeek moves the raw file's position.
func (in *Interp) rawSeek(r *rawFile, off int64, whence int) (int64, error) {
	if r.f == nil {
		return 0, in.newOSError(syscall.ESPIPE, Value{})
	}
	if whence < 0 || whence > 2 {
		return 0, in.raise(valueErrorType, "invalid whence (%d, should be 0, 1 or 2)", whence)
	}
	pos, err := r.f.Seek(off, whence)
	if err != nil {
		return 0, in.ioError(err)
	}
	return pos, nil
}

// rawTruncate resizes the file to size.
func (in *Interp) rawTruncate(r *rawFile, size int64) error {
	if r.f == nil {
		return in.newOSError(syscall.ESPIPE, Value{})
	}
	if err := r.f.Truncate(size); err != nil {
		return in.ioError(err)
	}
	return nil
}

// rawClose closes the raw file: its *os.File when the file owns one (the
// descriptor itself when closefd, else a duplicate of it).
func (in *Interp) rawClose(r *rawFile) error {
	if r.closed {
		return nil
	}
	r.closed = true
	if r.f != nil && r.owned {
		if err := r.f.Close(); err != nil {
			return in.ioError(err)
		}
	}
	return nil
}

// xdecRefErr drops an exception that lost to another one.
func (in *Interp) xdecRefErr(err error) {
	if e, ok := err.(*Exception); ok {
		in.decRef(valueOf(e))
	}
}
