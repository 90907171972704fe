package interp

import "io"

// The buffered layer's I/O in Go: BufferedReader, BufferedWriter and
// BufferedRandom over a raw stream. A FileIO (b.fast) is read and written
// directly (file_raw.go); any other raw object (a RawIOBase subclass, a
// BytesIO, a socket's SocketIO) through its methods, called as CPython's
// buffered objects call them: readinto with a memoryview, write with a
// read-only memoryview, seek, tell, truncate, flush, close, and the
// closed attribute. The methods of the types are in io_buffered_methods.go.

// bufSize is the buffer size reads fetch.
func (b *bufferedFile) bufSize() int {
	if b.size > 0 {
		return b.size
	}
	return defaultBufferSize
}

// available returns the bytes read ahead and not consumed.
func (b *bufferedFile) available() []byte { return b.rbuf[b.rpos:] }

// bufAttached checks that b has its raw stream: initialized and not
// detached.
func (in *Interp) bufAttached(b *bufferedFile) error {
	switch {
	case b.detached:
		return in.raise(valueErrorType, "raw stream has been detached")
	case !b.ok:
		return in.raise(valueErrorType, "I/O operation on uninitialized object")
	}
	return nil
}

// bufEnter marks b busy with its raw stream, which runs Python code:
// a call back into b from there is CPython's RuntimeError (its buffered
// objects hold a lock). leave ends it.
func (in *Interp) bufEnter(v Value, b *bufferedFile) (leave func(), err error) {
	if b.fast != nil {
		return func() {}, nil
	}
	if b.busy {
		r, err := in.Repr(v)
		if err != nil {
			return nil, err
		}
		defer in.decRef(r)
		return nil, in.raise(runtimeErrorType, "reentrant call inside %s", r.GoString())
	}
	b.busy = true
	return func() { b.busy = false }, nil
}

// bufClosed is raw.closed.
func (in *Interp) bufClosed(b *bufferedFile) (bool, error) {
	if err := in.bufAttached(b); err != nil {
		return false, err
	}
	if b.fast != nil {
		return b.fast.closed, nil
	}
	return in.ioIsClosed(b.raw)
}

// bufCheckOpen is CPython's CHECK_CLOSED of the buffered methods: a
// closed raw stream is an error (ValueError msg) unless bytes read ahead
// remain.
func (in *Interp) bufCheckOpen(b *bufferedFile, msg string) error {
	closed, err := in.bufClosed(b)
	if err != nil {
		return err
	}
	if closed && len(b.available()) == 0 {
		return in.closedFile(msg)
	}
	return nil
}

// ioCallInt calls v.name(args...) and converts the result to an offset.
func (in *Interp) ioCallInt(v Value, name string, args ...Value) (int64, Value, error) {
	r, err := in.ioCallMethod(v, name, args...)
	if err != nil {
		return 0, Value{}, err
	}
	if r.IsNone() {
		return 0, r, nil
	}
	n, err := in.fileOffset(r)
	if err != nil {
		in.decRef(r)
		return 0, Value{}, err
	}
	return n, r, nil
}

// bufRawRead reads at most len(p) bytes from the raw stream into p (one
// read); 0 means the end of the stream.
func (in *Interp) bufRawRead(b *bufferedFile, p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if b.fast != nil {
		n, err := in.rawRead(b.fast, p)
		if err == nil && b.absPos >= 0 {
			b.absPos += int64(n)
		}
		return n, err
	}
	ba, err := in.newByteArray(make([]byte, len(p)))
	if err != nil {
		return 0, err
	}
	defer in.decRef(ba)
	mv, err := in.newMemoryView(ba, 0, len(p), 1, false, "B")
	if err != nil {
		return 0, err
	}
	r, err := in.ioCallMethod(b.raw, "readinto", mv)
	// The view is released: a raw stream keeping it sees it so.
	in.mvRelease(asObject[MemoryView](mv))
	in.decRef(mv)
	if err != nil {
		return 0, err
	}
	if r.IsNone() {
		return 0, in.raise(notImplementedErrorType, "non-blocking raw streams (readinto() returning None) are not implemented yet")
	}
	n, err := in.fileOffset(r)
	in.decRef(r)
	if err != nil {
		e := in.raise(osErrorType, "raw readinto() failed")
		if ex, ok := e.(*Exception); ok {
			if cause, ok := err.(*Exception); ok {
				ex.cause, ex.suppressContext = valueOf(cause), true
			} else {
				in.xdecRefErr(err)
			}
		}
		return 0, e
	}
	data := asObject[ByteArray](ba).b
	if n < 0 || n > int64(len(p)) || n > int64(len(data)) {
		return 0, in.raise(osErrorType, "raw readinto() returned invalid length %d (should have been between 0 and %d)", n, len(p))
	}
	copy(p, data[:n])
	if b.absPos >= 0 {
		b.absPos += n
	}
	return int(n), nil
}

// bufRawWrite passes p to the raw stream's write once and returns how
// much it took.
func (in *Interp) bufRawWrite(b *bufferedFile, p []byte) (int, error) {
	if b.fast != nil {
		if err := in.rawWrite(b.fast, p); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	data, err := in.newBytesCopy(p)
	if err != nil {
		return 0, err
	}
	defer in.decRef(data)
	mv, err := in.newMemoryView(data, 0, len(p), 1, true, "B")
	if err != nil {
		return 0, err
	}
	r, err := in.ioCallMethod(b.raw, "write", mv)
	in.mvRelease(asObject[MemoryView](mv))
	in.decRef(mv)
	if err != nil {
		return 0, err
	}
	if r.IsNone() {
		return 0, in.raise(notImplementedErrorType, "non-blocking raw streams (write() returning None) are not implemented yet")
	}
	n, err := in.fileOffset(r)
	in.decRef(r)
	if err != nil {
		// CPython's conversion reads -1, which it reports as below.
		in.xdecRefErr(err)
		n = -1
	}
	if n < 0 || n > int64(len(p)) {
		return 0, in.raise(osErrorType, "raw write() returned invalid length %d (should have been between 0 and %d)", n, len(p))
	}
	if b.absPos >= 0 {
		b.absPos += n
	}
	return int(n), nil
}

// bufRawWriteAll writes all of p, calling write again after a partial
// write.
func (in *Interp) bufRawWriteAll(b *bufferedFile, p []byte) (int, error) {
	written, zeros := 0, 0
	for written < len(p) {
		n, err := in.bufRawWrite(b, p[written:])
		if err != nil {
			return written, err
		}
		if n == 0 {
			if zeros++; zeros == 100 {
				return written, in.raise(osErrorType, "raw write() keeps writing nothing")
			}
		}
		written += n
	}
	return written, nil
}

// bufRawSeek is raw.seek(off, whence).
func (in *Interp) bufRawSeek(b *bufferedFile, off int64, whence int) (int64, error) {
	if b.fast != nil {
		return in.rawSeek(b.fast, off, whence)
	}
	b.absPos = -1
	n, r, err := in.ioCallInt(b.raw, "seek", Int(off), Int(int64(whence)))
	if err != nil {
		return 0, err
	}
	in.decRef(r)
	if r.IsNone() || n < 0 {
		return 0, in.raise(osErrorType, "Raw stream returned invalid position %d", n)
	}
	b.absPos = n
	return n, nil
}

// bufRawTell is raw.tell().
func (in *Interp) bufRawTell(b *bufferedFile) (int64, error) {
	if b.fast != nil {
		return in.rawSeek(b.fast, 0, io.SeekCurrent)
	}
	n, r, err := in.ioCallInt(b.raw, "tell")
	if err != nil {
		return 0, err
	}
	in.decRef(r)
	if r.IsNone() || n < 0 {
		return 0, in.raise(osErrorType, "Raw stream returned invalid position %d", n)
	}
	b.absPos = n
	return n, nil
}

// bufRawPos is the raw stream's position, from what was last learnt when
// possible (CPython's RAW_TELL).
func (in *Interp) bufRawPos(b *bufferedFile) (int64, error) {
	if b.fast == nil && b.absPos >= 0 {
		return b.absPos, nil
	}
	return in.bufRawTell(b)
}

// bufSeekable is raw.seekable().
func (in *Interp) bufSeekable(b *bufferedFile) (bool, error) {
	if b.fast != nil {
		if b.fast.closed {
			return false, in.closedFile("I/O operation on closed file")
		}
		return in.rawSeekable(b.fast), nil
	}
	r, err := in.ioCallMethod(b.raw, "seekable")
	if err != nil {
		return false, err
	}
	defer in.decRef(r)
	return in.Truth(r)
}

// bufferedFlush passes the pending writes to the raw stream.
func (in *Interp) bufferedFlush(b *bufferedFile) error {
	if len(b.wbuf) == 0 {
		return nil
	}
	p := b.wbuf
	b.wbuf = nil
	n, err := in.bufRawWriteAll(b, p)
	if err != nil {
		// What was not written stays pending.
		b.wbuf = append(p[:0:0], p[n:]...)
		return err
	}
	b.wbuf = p[:0]
	return nil
}

// bufferedDropRead forgets the bytes read ahead, moving the raw position
// back to the logical one, before a write or a seek.
func (in *Interp) bufferedDropRead(b *bufferedFile) error {
	unread := len(b.available())
	b.rbuf, b.rpos = b.rbuf[:0], 0
	if unread > 0 && (b.fast == nil || in.rawSeekable(b.fast)) {
		if _, err := in.bufRawSeek(b, -int64(unread), io.SeekCurrent); err != nil {
			return err
		}
	}
	return nil
}

// bufferedFill reads up to a buffer's worth more bytes from the raw
// stream, keeping the unconsumed ones; it returns how many came (0 at
// the end).
func (in *Interp) bufferedFill(b *bufferedFile) (int, error) {
	if err := in.bufferedFlush(b); err != nil {
		return 0, err
	}
	if b.rpos > 0 {
		n := copy(b.rbuf, b.rbuf[b.rpos:])
		b.rbuf, b.rpos = b.rbuf[:n], 0
	}
	size := b.bufSize()
	if b.fast == nil {
		// Python code runs during the read: read into a slice of its
		// own and append what came.
		tmp := make([]byte, size)
		n, err := in.bufRawRead(b, tmp)
		b.rbuf = append(b.rbuf, tmp[:n]...)
		return n, err
	}
	if cap(b.rbuf)-len(b.rbuf) < size {
		nb := make([]byte, len(b.rbuf), len(b.rbuf)+size)
		copy(nb, b.rbuf)
		b.rbuf = nb
	}
	n, err := in.bufRawRead(b, b.rbuf[len(b.rbuf):len(b.rbuf)+size])
	b.rbuf = b.rbuf[:len(b.rbuf)+n]
	return n, err
}

// bufferedRefill empties the read buffer and reads one buffer's worth
// into it (CPython's _bufferedreader_fill_buffer after a reset).
func (in *Interp) bufferedRefill(b *bufferedFile) (int, error) {
	b.rbuf, b.rpos = b.rbuf[:0], 0
	return in.bufferedFill(b)
}

// bufferedRead reads n >= 0 bytes (fewer at the end of the stream), as
// CPython does: from the buffer, then whole buffers' worth straight from
// the raw stream, then the rest through the buffer.
func (in *Interp) bufferedRead(b *bufferedFile, n int) ([]byte, error) {
	if n > 1<<36 {
		// CPython allocates the result first.
		return nil, in.memoryError()
	}
	if avail := b.available(); n <= len(avail) {
		out := append([]byte(nil), avail[:n]...)
		b.rpos += n
		return out, nil
	}
	if err := in.bufferedFlush(b); err != nil {
		return nil, err
	}
	out := append(make([]byte, 0, min(n, 1<<20)), b.available()...)
	b.rbuf, b.rpos = b.rbuf[:0], 0
	size := b.bufSize()
	for remaining := n - len(out); remaining > size; remaining = n - len(out) {
		// Whole buffers, at most a few MB at a time: n may be far
		// more than the stream holds.
		want := remaining - remaining%size
		if limit := max(size, 1<<22/size*size); want > limit {
			want = limit
		}
		chunk := make([]byte, want)
		got, err := in.bufRawRead(b, chunk)
		if err != nil {
			return nil, err
		}
		if got == 0 {
			return out, nil
		}
		out = append(out, chunk[:got]...)
	}
	for len(out) < n && len(b.rbuf) < size {
		got, err := in.bufferedFill(b)
		if err != nil {
			return nil, err
		}
		if got == 0 {
			break
		}
		take := min(n-len(out), len(b.available()))
		out = append(out, b.available()[:take]...)
		b.rpos += take
	}
	return out, nil
}

// bufferedReadAll reads to the end of the stream; none reports that the
// raw stream had no data for now (its readall returned None) and nothing
// was buffered.
func (in *Interp) bufferedReadAll(b *bufferedFile) (data []byte, none bool, err error) {
	if err := in.bufferedFlush(b); err != nil {
		return nil, false, err
	}
	out := append([]byte(nil), b.available()...)
	b.rbuf, b.rpos = b.rbuf[:0], 0
	if b.fast != nil {
		rest, err := in.rawReadAll(b.fast)
		return append(out, rest...), false, err
	}
	b.absPos = -1
	readall, err := in.lookupAttr(b.raw, internName("readall"))
	if err != nil {
		return nil, false, err
	}
	if !readall.IsNil() {
		r, err := in.Call(readall, nil, nil)
		in.decRef(readall)
		if err != nil {
			return nil, false, err
		}
		defer in.decRef(r)
		if r.IsNone() {
			return out, len(out) == 0, nil
		}
		if !isBytesValue(r) {
			return nil, false, in.raise(typeErrorType, "readall() should return bytes")
		}
		return append(out, asObject[Bytes](r).b...), false, nil
	}
	for {
		r, err := in.ioCallMethod(b.raw, "read")
		if err != nil {
			return nil, false, err
		}
		if r.IsNone() {
			return out, len(out) == 0, nil
		}
		if !isBytesValue(r) {
			in.decRef(r)
			return nil, false, in.raise(typeErrorType, "read() should return bytes")
		}
		p := asObject[Bytes](r).b
		out = append(out, p...)
		in.decRef(r)
		if len(p) == 0 {
			return out, false, nil
		}
	}
}

// bufferedRead1 is read1(n): buffered bytes if there are any, else one
// raw read of at most n.
func (in *Interp) bufferedRead1(b *bufferedFile, n int) ([]byte, error) {
	if n == 0 {
		return nil, nil
	}
	if avail := b.available(); len(avail) > 0 {
		n = min(n, len(avail))
		out := append([]byte(nil), avail[:n]...)
		b.rpos += n
		return out, nil
	}
	if err := in.bufferedFlush(b); err != nil {
		return nil, err
	}
	b.rbuf, b.rpos = b.rbuf[:0], 0
	out := make([]byte, n)
	got, err := in.bufRawRead(b, out)
	return out[:got], err
}

// bufferedPeek returns the buffered bytes, reading a buffer's worth when
// there are none.
func (in *Interp) bufferedPeek(b *bufferedFile) ([]byte, error) {
	if len(b.available()) == 0 {
		if err := in.bufferedFlush(b); err != nil {
			return nil, err
		}
		if _, err := in.bufferedRefill(b); err != nil {
			return nil, err
		}
	}
	return b.available(), nil
}

// bufferedReadInto fills dst: from the buffer, then straight from the
// raw stream for more than a buffer's worth, else through the buffer;
// one says readinto1, which does at most one raw read.
func (in *Interp) bufferedReadInto(b *bufferedFile, dst []byte, one bool) (int, error) {
	written := copy(dst, b.available())
	b.rpos += written
	if written == len(dst) {
		return written, nil
	}
	if err := in.bufferedFlush(b); err != nil {
		return 0, err
	}
	b.rbuf, b.rpos = b.rbuf[:0], 0
	for written < len(dst) {
		remaining := len(dst) - written
		var n int
		var err error
		switch {
		case remaining > b.bufSize():
			n, err = in.bufRawRead(b, dst[written:])
		case !(one && written > 0):
			n, err = in.bufferedRefill(b)
			if err == nil && n > 0 {
				n = copy(dst[written:], b.available())
				b.rpos += n
				written += n
				if one {
					return written, nil
				}
				continue
			}
		}
		if err != nil {
			return 0, err
		}
		if n == 0 {
			break
		}
		written += n
		if one {
			break
		}
	}
	return written, nil
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

// bufferedWrite adds p to the pending writes, as CPython does: p joins
// them when it fits in the buffer; otherwise they are written, then p
// while more than a buffer's worth of it remains, and the rest is kept
// (at once when the file writes through).
func (in *Interp) bufferedWrite(b *bufferedFile, p []byte) error {
	if len(b.rbuf) > 0 {
		if err := in.bufferedDropRead(b); err != nil {
			return err
		}
	}
	if b.size == 0 {
		_, err := in.bufRawWriteAll(b, p)
		return err
	}
	if len(b.wbuf)+len(p) <= b.size {
		b.wbuf = append(b.wbuf, p...)
		return nil
	}
	if err := in.bufferedFlush(b); err != nil {
		return err
	}
	for len(p) > b.size {
		n, err := in.bufRawWrite(b, p)
		if err != nil {
			return err
		}
		p = p[n:]
	}
	b.wbuf = append(b.wbuf, p...)
	return nil
}

// bufferedTell is the logical position: raw.tell() less the bytes read
// ahead, plus the bytes not yet written.
func (in *Interp) bufferedTell(b *bufferedFile) (int64, error) {
	pos, err := in.bufRawTell(b)
	if err != nil {
		return 0, err
	}
	pos = pos - int64(len(b.available())) + int64(len(b.wbuf))
	if pos < 0 {
		pos = 0
	}
	return pos, nil
}

// bufferedSeek moves to off relative to whence and returns the new
// position; a target inside the read buffer needs no raw seek.
func (in *Interp) bufferedSeek(b *bufferedFile, off int64, whence int) (int64, error) {
	if whence < 0 || whence > 4 {
		// SEEK_DATA and SEEK_HOLE (3 and 4) go to the raw stream.
		return 0, in.raise(valueErrorType, "whence value %d unsupported", whence)
	}
	if (whence == io.SeekStart || whence == io.SeekCurrent) && b.canRead && len(b.wbuf) == 0 {
		if avail := int64(len(b.available())); avail > 0 {
			cur, err := in.bufRawPos(b)
			if err != nil {
				return 0, err
			}
			offset := off
			if whence == io.SeekStart {
				offset = off - (cur - avail)
			}
			if offset >= -int64(b.rpos) && offset <= avail {
				b.rpos += int(offset)
				return cur - avail + offset, nil
			}
		}
	}
	if err := in.bufferedFlush(b); err != nil {
		return 0, err
	}
	if whence == io.SeekCurrent {
		off -= int64(len(b.available()))
	}
	b.rbuf, b.rpos = b.rbuf[:0], 0
	return in.bufRawSeek(b, off, whence)
}

// bufferedTruncate is truncate(pos): the pending writes go out, the raw
// position comes back to the logical one, and raw.truncate(pos) answers
// (pos nil or None: the current position).
func (in *Interp) bufferedTruncate(b *bufferedFile, pos Value) (Value, error) {
	if err := in.bufferedFlush(b); err != nil {
		return Value{}, err
	}
	if err := in.bufferedDropRead(b); err != nil {
		return Value{}, err
	}
	if b.fast != nil {
		size, err := in.rawSeek(b.fast, 0, io.SeekCurrent)
		if err != nil {
			return Value{}, err
		}
		if !pos.IsNil() && !pos.IsNone() {
			if size, err = in.fileOffset(pos); err != nil {
				return Value{}, err
			}
		}
		return Int(size), in.rawTruncate(b.fast, size)
	}
	if pos.IsNil() {
		pos = None
	}
	r, err := in.ioCallMethod(b.raw, "truncate", pos)
	if err != nil {
		return Value{}, err
	}
	if _, err := in.bufRawTell(b); err != nil {
		in.decRef(r)
		return Value{}, err
	}
	return r, nil
}

// bufferedFlushRaw is what flush() does beyond the pending writes: a
// reader's flush is raw.flush(); a writer's passes a flush on to a
// standard stream's Go writer.
func (in *Interp) bufferedFlushRaw(b *bufferedFile) error {
	if b.fast != nil {
		if b.canWrite {
			return in.rawFlush(b.fast)
		}
		if b.fast.closed {
			return in.closedFile("")
		}
		return nil
	}
	if b.canWrite {
		return nil
	}
	r, err := in.ioCallMethod(b.raw, "flush")
	if err == nil {
		in.decRef(r)
	}
	return err
}

// bufferedClose flushes and closes the raw stream; a failed flush still
// closes, and is reported unless closing fails too (that error wins,
// with the flush's as its context).
func (in *Interp) bufferedClose(b *bufferedFile) error {
	if err := in.bufAttached(b); err != nil {
		return err
	}
	closed, err := in.bufClosed(b)
	if err != nil || closed {
		return err
	}
	ferr := in.bufferedFlush(b)
	if ferr == nil {
		ferr = in.bufferedFlushRaw(b)
	}
	return in.bufferedCloseRaw(b, ferr)
}

// bufferedCloseRaw closes the raw stream after flushing did or failed
// (ferr).
func (in *Interp) bufferedCloseRaw(b *bufferedFile, ferr error) error {
	b.rbuf, b.rpos, b.wbuf = nil, 0, nil
	var cerr error
	if b.fast != nil {
		cerr = in.rawClose(b.fast)
	} else {
		var r Value
		if r, cerr = in.ioCallMethod(b.raw, "close"); cerr == nil {
			in.decRef(r)
		}
	}
	return in.chainErrors(ferr, cerr)
}

// chainErrors returns the error of two steps that both ran: the second's
// when it failed (with the first's as its __context__), else the first's.
func (in *Interp) chainErrors(first, second error) error {
	if second == nil {
		return first
	}
	if first == nil {
		return second
	}
	e1, ok1 := first.(*Exception)
	e2, ok2 := second.(*Exception)
	if ok1 && ok2 && e2.context.IsNil() && e1 != e2 {
		e2.context = valueOf(e1)
		e2.contextDone = true
		return second
	}
	in.xdecRefErr(first)
	return second
}
