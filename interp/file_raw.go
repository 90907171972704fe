package interp

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// The byte I/O of the raw and buffered layers, in Go: what FileIO's and
// the Buffered* types' methods (file_binary.go) and the text layer
// (file_text.go) are built on.

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
		n, err := rd.Read(p)
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

// rawOf returns a buffered file's raw file.
func rawOf(b *bufferedFile) *rawFile { return asObject[rawFile](b.raw) }

// bufferedFlush passes the pending writes to the raw file.
func (in *Interp) bufferedFlush(b *bufferedFile) error {
	if len(b.wbuf) == 0 {
		return nil
	}
	p := b.wbuf
	b.wbuf = b.wbuf[:0]
	return in.rawWrite(rawOf(b), p)
}

// bufferedDropRead forgets the bytes read ahead, moving the raw position
// back to the logical one, before a write or a seek.
func (in *Interp) bufferedDropRead(b *bufferedFile) error {
	unread := len(b.rbuf) - b.rpos
	b.rbuf, b.rpos = b.rbuf[:0], 0
	if unread > 0 && in.rawSeekable(rawOf(b)) {
		if _, err := in.rawSeek(rawOf(b), -int64(unread), io.SeekCurrent); err != nil {
			return err
		}
	}
	return nil
}

// bufferedAvailable returns the bytes read ahead and not consumed.
func (b *bufferedFile) available() []byte { return b.rbuf[b.rpos:] }

// bufferedFill reads up to a buffer's worth more bytes from the raw file,
// keeping the unconsumed ones; it returns how many came (0 at the end).
func (in *Interp) bufferedFill(b *bufferedFile) (int, error) {
	if err := in.bufferedFlush(b); err != nil {
		return 0, err
	}
	if b.rpos > 0 {
		n := copy(b.rbuf, b.rbuf[b.rpos:])
		b.rbuf, b.rpos = b.rbuf[:n], 0
	}
	size := max(b.size, defaultBufferSize)
	if cap(b.rbuf)-len(b.rbuf) < size {
		nb := make([]byte, len(b.rbuf), len(b.rbuf)+size)
		copy(nb, b.rbuf)
		b.rbuf = nb
	}
	n, err := in.rawRead(rawOf(b), b.rbuf[len(b.rbuf):len(b.rbuf)+size])
	b.rbuf = b.rbuf[:len(b.rbuf)+n]
	return n, err
}

// bufferedRead reads n bytes (fewer at the end of the file), or all the
// rest when n < 0.
func (in *Interp) bufferedRead(b *bufferedFile, n int) ([]byte, error) {
	if err := in.bufferedFlush(b); err != nil {
		return nil, err
	}
	if n < 0 {
		rest, err := in.rawReadAll(rawOf(b))
		out := append(append([]byte(nil), b.available()...), rest...)
		b.rbuf, b.rpos = b.rbuf[:0], 0
		return out, err
	}
	for len(b.available()) < n {
		got, err := in.bufferedFill(b)
		if err != nil {
			return nil, err
		}
		if got == 0 {
			break
		}
	}
	avail := b.available()
	if n > len(avail) {
		n = len(avail)
	}
	out := append([]byte(nil), avail[:n]...)
	b.rpos += n
	return out, nil
}

// bufferedReadLine reads up to and including the next \n, at most limit
// bytes when limit >= 0.
func (in *Interp) bufferedReadLine(b *bufferedFile, limit int) ([]byte, error) {
	if err := in.bufferedFlush(b); err != nil {
		return nil, err
	}
	scanned := 0
	for {
		avail := b.available()
		end := len(avail)
		if limit >= 0 && end > limit {
			end = limit
		}
		for i := scanned; i < end; i++ {
			if avail[i] == '\n' {
				end = i + 1
				out := append([]byte(nil), avail[:end]...)
				b.rpos += end
				return out, nil
			}
		}
		scanned = end
		if limit >= 0 && end == limit {
			out := append([]byte(nil), avail[:end]...)
			b.rpos += end
			return out, nil
		}
		got, err := in.bufferedFill(b)
		if err != nil {
			return nil, err
		}
		if got == 0 {
			avail := b.available()
			out := append([]byte(nil), avail...)
			b.rpos += len(avail)
			return out, nil
		}
	}
}

// bufferedWrite adds p to the pending writes, passing them on once a
// buffer's worth has gathered (at once when the file writes through).
func (in *Interp) bufferedWrite(b *bufferedFile, p []byte) error {
	if len(b.rbuf) > 0 {
		if err := in.bufferedDropRead(b); err != nil {
			return err
		}
	}
	if b.size == 0 {
		return in.rawWrite(rawOf(b), p)
	}
	b.wbuf = append(b.wbuf, p...)
	if len(b.wbuf) >= b.size {
		return in.bufferedFlush(b)
	}
	return nil
}

// bufferedTell is the logical position: the raw one less the bytes read
// ahead, plus the bytes not yet written.
func (in *Interp) bufferedTell(b *bufferedFile) (int64, error) {
	pos, err := in.rawSeek(rawOf(b), 0, io.SeekCurrent)
	if err != nil {
		return 0, err
	}
	return pos - int64(len(b.available())) + int64(len(b.wbuf)), nil
}

// bufferedSeek moves to off relative to whence and returns the new
// position.
func (in *Interp) bufferedSeek(b *bufferedFile, off int64, whence int) (int64, error) {
	if whence < 0 || whence > 2 {
		return 0, in.raise(valueErrorType, "whence value %d unsupported", whence)
	}
	if err := in.bufferedFlush(b); err != nil {
		return 0, err
	}
	if whence == io.SeekCurrent {
		off -= int64(len(b.available()))
	}
	b.rbuf, b.rpos = b.rbuf[:0], 0
	return in.rawSeek(rawOf(b), off, whence)
}

// bufferedClose flushes and closes the raw file; a failed flush still
// closes, and is reported.
func (in *Interp) bufferedClose(b *bufferedFile) error {
	r := rawOf(b)
	if r.closed {
		return nil
	}
	ferr := in.bufferedFlush(b)
	b.rbuf, b.rpos, b.wbuf = nil, 0, nil
	cerr := in.rawClose(r)
	if ferr != nil {
		in.xdecRefErr(cerr)
		return ferr
	}
	return cerr
}

// xdecRefErr drops an exception that lost to another one.
func (in *Interp) xdecRefErr(err error) {
	if e, ok := err.(*Exception); ok {
		in.decRef(valueOf(e))
	}
}
