package interp

import (
	"strings"
	"unicode/utf8"
)

// The text layer: TextIOWrapper's reading (decoding, universal newlines),
// writing (newline translation, encoding), positions and closing, over
// one of the Buffered types (f.fast: decoding straight out of its read
// buffer, writing into its write buffer) or over any binary file object,
// whose methods are called as CPython's TextIOWrapper calls them (read1
// or read, write, flush, tell, seek, close, the closed attribute).
//
// The text layer's position is a byte offset: the codecs of the codec
// layer decode without state between characters, so CPython's cookie
// for a position is that offset too.

// Kinds of newline seen while reading, for the newlines attribute.
const (
	seenCR = 1 << iota
	seenLF
	seenCRLF
)

func textOf(v Value) *textFile { return asObject[textFile](v) }

// textAttached checks that f has its buffer: initialized, not detached.
func (in *Interp) textAttached(f *textFile) error {
	switch {
	case f.detached:
		return in.raise(valueErrorType, "underlying buffer has been detached")
	case !f.ok:
		return in.raise(valueErrorType, "I/O operation on uninitialized object")
	}
	return nil
}

// textClosed is buffer.closed.
func (in *Interp) textClosed(f *textFile) (bool, error) {
	if err := in.textAttached(f); err != nil {
		return false, err
	}
	if f.fast != nil {
		return in.bufClosed(f.fast)
	}
	return in.ioIsClosed(f.buffer)
}

// textCheckClosed fails on a detached or closed file; msg "" is the
// usual message.
func (in *Interp) textCheckClosed(f *textFile, msg string) error {
	closed, err := in.textClosed(f)
	if err == nil && closed {
		err = in.closedFile(msg)
	}
	return err
}

// textCheckReadable is the check of the reading methods.
func (in *Interp) textCheckReadable(f *textFile) error {
	if err := in.textCheckClosed(f, ""); err != nil {
		return err
	}
	if !f.readable {
		return in.unsupported("not readable")
	}
	return in.textWriteFlush(f)
}

// textCheckWritable is the check of the writing methods.
func (in *Interp) textCheckWritable(f *textFile) error {
	if err := in.textCheckClosed(f, ""); err != nil {
		return err
	}
	if !f.writable {
		return in.unsupported("not writable")
	}
	return nil
}

// undecoded returns the bytes read from the buffer and not yet decoded.
func (f *textFile) undecoded() []byte {
	if f.fast != nil {
		return f.fast.available()
	}
	return f.rbuf[f.rpos:]
}

// consume marks n undecoded bytes decoded.
func (f *textFile) consume(n int) {
	if f.fast != nil {
		f.fast.rpos += n
	} else {
		f.rpos += n
	}
}

// textReadChunk reads more bytes from the buffer (read1(_CHUNK_SIZE), or
// read when the buffer has no read1); it returns how many came.
func (in *Interp) textReadChunk(f *textFile) (int, error) {
	if f.fast != nil {
		return in.bufferedFill(f.fast)
	}
	name := "read"
	if f.hasRead1 {
		name = "read1"
	}
	r, err := in.ioCallMethod(f.buffer, name, Int(int64(f.chunkSize)))
	if err != nil {
		return 0, err
	}
	defer in.decRef(r)
	p, ok := bytesData(r)
	if !ok {
		return 0, in.raise(typeErrorType, "underlying %s() should have returned a bytes-like object, not '%s'", name, r.Type().Name)
	}
	if f.rpos > 0 {
		n := copy(f.rbuf, f.rbuf[f.rpos:])
		f.rbuf, f.rpos = f.rbuf[:n], 0
	}
	f.rbuf = append(f.rbuf, p...)
	return len(p), nil
}

// textFill decodes more of the file into f.pending; it reports false at
// the end of the file.
func (in *Interp) textFill(f *textFile) (bool, error) {
	n, err := in.textReadChunk(f)
	if err != nil {
		return false, err
	}
	if !f.pyDec.IsNil() {
		if err := in.textSnapshot(f, f.undecoded()); err != nil {
			return false, err
		}
	}
	s, used, err := in.textDecode(f, f.undecoded(), n == 0)
	if err != nil {
		return false, err
	}
	if f.snapValid {
		f.snapChars = countRunes(s)
	}
	if f.pyDec.IsNil() && (used != len(s) && f.codec != codecLatin1 || f.codec == codecLatin1 && used != countRunes(s)) {
		// An error handler changed the text: positions are lost.
		f.inexact = true
	}
	f.consume(used)
	if f.bomPending && (len(s) > 0 || n == 0) {
		f.bomPending = false
		s = strings.TrimPrefix(s, "\ufeff")
	}
	f.pending += s
	f.decoded = true
	return n > 0 || s != "", nil
}

// take moves up to n characters (n < 0: no limit) of f.pending to out,
// translating newlines, stopping after a line end when line is set. It
// stops early at a \r whose meaning the next character decides, unless
// eof; done reports that it stopped for n or a line end.
func (f *textFile) take(out *strings.Builder, n int, line, eof bool) (taken int, done bool) {
	p := f.pending
	i := 0
loop:
	for i < len(p) {
		if n >= 0 && taken >= n {
			done = true
			break
		}
		c := p[i]
		switch {
		case c == '\r' && (f.universal || f.readNL == "\r\n"):
			if i+1 == len(p) && !eof {
				break loop
			}
			crlf := i+1 < len(p) && p[i+1] == '\n'
			if f.universal {
				if crlf {
					f.seenNL |= seenCRLF
				} else {
					f.seenNL |= seenCR
				}
			}
			switch {
			case f.translate:
				out.WriteByte('\n')
				i++
				if crlf {
					i++
				}
				taken++
				if line {
					done = true
					break loop
				}
			case crlf && (n < 0 || taken+2 <= n):
				out.WriteString("\r\n")
				i += 2
				taken += 2
				if line {
					done = true
					break loop
				}
			default: // a lone \r, or a \r\n the limit cuts
				out.WriteByte('\r')
				i++
				taken++
				if line && f.universal && !crlf {
					done = true
					break loop
				}
			}
		case c == '\n':
			if f.universal {
				f.seenNL |= seenLF
			}
			out.WriteByte('\n')
			i++
			taken++
			if line && (f.universal || f.readNL == "\n") {
				done = true
				break loop
			}
		case c == '\r' && f.readNL == "\r":
			out.WriteByte('\r')
			i++
			taken++
			if line {
				done = true
				break loop
			}
		default:
			// A run of ordinary characters, copied at once.
			j := strings.IndexAny(p[i:], "\r\n")
			if j < 0 {
				j = len(p)
			} else {
				j += i
			}
			if c == '\r' || c == '\n' {
				j = i + 1
			}
			if n >= 0 {
				k := i
				for k < j && taken < n {
					_, size := utf8.DecodeRuneInString(p[k:])
					if p[k] >= 0x80 && size == 1 {
						size = 3 // a WTF-8 surrogate
					}
					k += size
					taken++
				}
				j = k
			} else {
				taken += utf8.RuneCountInString(p[i:j])
			}
			out.WriteString(p[i:j])
			i = j
		}
	}
	f.pending = p[i:]
	return taken, done
}

// textReadAll returns the undecoded bytes and the rest of the buffer.
func (in *Interp) textReadAll(f *textFile) ([]byte, error) {
	if f.fast != nil {
		data, _, err := in.bufferedReadAll(f.fast)
		return data, err
	}
	r, err := in.ioCallMethod(f.buffer, "read")
	if err != nil {
		return nil, err
	}
	defer in.decRef(r)
	p, ok := bytesData(r)
	if !ok {
		// CPython passes the result to the decoder, which says this.
		if f.codec.isUTF8() {
			return nil, in.raise(typeErrorType, "can't concat %s to bytes", r.Type().Name)
		}
		return nil, in.raise(typeErrorType, "a bytes-like object is required, not '%s'", r.Type().Name)
	}
	data := append(append([]byte(nil), f.undecoded()...), p...)
	f.rbuf, f.rpos = f.rbuf[:0], 0
	return data, nil
}

// textRead reads n characters, or all the rest when n < 0.
func (in *Interp) textRead(f *textFile, n int) (string, error) {
	var out strings.Builder
	if n < 0 {
		rest, err := in.textReadAll(f)
		if err != nil {
			return "", err
		}
		s, _, err := in.textDecode(f, rest, true)
		if err != nil {
			return "", err
		}
		in.textDropSnapshot(f)
		if f.bomPending {
			f.bomPending = false
			s = strings.TrimPrefix(s, "\ufeff")
		}
		f.pending += s
		f.take(&out, -1, false, true)
		f.inexact = false
		return out.String(), nil
	}
	eof := false
	for {
		taken, done := f.take(&out, n, false, eof)
		n -= taken
		if done || n == 0 || eof && f.pending == "" {
			return out.String(), nil
		}
		more, err := in.textFill(f)
		if err != nil {
			return "", err
		}
		eof = !more
	}
}

// textReadLine reads one line, at most limit characters when limit >= 0.
func (in *Interp) textReadLine(f *textFile, limit int) (string, error) {
	var out strings.Builder
	eof := false
	for {
		taken, done := f.take(&out, limit, true, eof)
		if limit >= 0 {
			limit -= taken
		}
		if done || limit == 0 || eof && f.pending == "" {
			if f.pending == "" {
				f.inexact = false
			}
			return out.String(), nil
		}
		more, err := in.textFill(f)
		if err != nil {
			return "", err
		}
		eof = !more
	}
}

// textWrite writes s (WTF-8).
func (in *Interp) textWrite(f *textFile, s string) error {
	// Writing forgets the text decoded ahead, as CPython does: the write
	// lands where the reading left the buffer.
	f.pending, f.inexact, f.decoded = "", false, false
	if f.fast == nil {
		f.rbuf, f.rpos = f.rbuf[:0], 0
	}
	if !f.pyDec.IsNil() {
		in.textDropSnapshot(f)
		r, err := in.ioCallMethod(f.pyDec, "reset")
		if err != nil {
			return err
		}
		in.decRef(r)
	}
	text := s
	if f.writeNL != "" && strings.IndexByte(text, '\n') >= 0 {
		text = strings.ReplaceAll(text, "\n", f.writeNL)
	}
	data, err := in.textEncode(f, text)
	if err != nil {
		return err
	}
	if f.bomPending {
		f.bomPending = false
		data = append([]byte(utf8BOM), data...)
	}
	needFlush := f.lineBuffering && strings.ContainsAny(s, "\n\r")
	if b := f.fast; b != nil {
		if err := in.bufferedWrite(b, data); err != nil {
			return err
		}
		if f.writeThrough || needFlush {
			if err := in.bufferedFlush(b); err != nil {
				return err
			}
			return in.bufferedFlushRaw(b)
		}
		return nil
	}
	if len(f.wpend)+len(data) > f.chunkSize {
		if err := in.textWriteFlush(f); err != nil {
			return err
		}
	}
	f.wpend = append(f.wpend, data...)
	if len(f.wpend) >= f.chunkSize || f.writeThrough || needFlush {
		if err := in.textWriteFlush(f); err != nil {
			return err
		}
	}
	if needFlush {
		r, err := in.ioCallMethod(f.buffer, "flush")
		if err != nil {
			return err
		}
		in.decRef(r)
	}
	return nil
}

// textWriteFlush passes the text encoded and not yet written to the
// buffer's write (over a buffer other than the Buffered types).
func (in *Interp) textWriteFlush(f *textFile) error {
	if f.fast != nil || len(f.wpend) == 0 {
		return nil
	}
	data, err := in.newBytes(f.wpend)
	f.wpend = nil
	if err != nil {
		return err
	}
	r, err := in.ioCallMethod(f.buffer, "write", data)
	in.decRef(data)
	if err == nil {
		in.decRef(r)
	}
	return err
}

// textFlush is flush(): the pending text goes to the buffer, which is
// flushed.
func (in *Interp) textFlush(f *textFile) error {
	if err := in.textCheckClosed(f, ""); err != nil {
		return err
	}
	f.iterating = false
	if b := f.fast; b != nil {
		if err := in.bufferedFlush(b); err != nil {
			return err
		}
		return in.bufferedFlushRaw(b)
	}
	if err := in.textWriteFlush(f); err != nil {
		return err
	}
	r, err := in.ioCallMethod(f.buffer, "flush")
	if err == nil {
		in.decRef(r)
	}
	return err
}

// textTell is tell(): the position of the next character to read, a
// byte offset (with the state of the registry's decoder, when it has
// one, in the bits above).
func (in *Interp) textTell(f *textFile) (Value, error) {
	if err := in.textCheckClosed(f, ""); err != nil {
		return Value{}, err
	}
	if !f.seekable {
		return Value{}, in.unsupported("underlying stream is not seekable")
	}
	if f.iterating {
		return Value{}, in.raise(osErrorType, "telling position disabled by next() call")
	}
	var pos int64
	if b := f.fast; b != nil {
		p, err := in.bufferedTell(b)
		if err != nil {
			return Value{}, err
		}
		pos = p
	} else {
		if err := in.textFlush(f); err != nil {
			return Value{}, err
		}
		p, r, err := in.ioCallInt(f.buffer, "tell")
		if err != nil {
			return Value{}, err
		}
		in.decRef(r)
		pos = p - int64(len(f.undecoded()))
	}
	if !f.pyDec.IsNil() {
		return in.textCodecCookie(f, pos)
	}
	if f.pending == "" {
		return Int(pos), nil
	}
	if f.inexact {
		return Value{}, in.raise(notImplementedErrorType, "tell() after decoding errors is not implemented yet")
	}
	n := int64(len(f.pending))
	if f.codec == codecLatin1 {
		n = int64(countRunes(f.pending))
	}
	return Int(pos - n), nil
}

// textSeek is seek(cookie, whence); it returns the new position.
func (in *Interp) textSeek(f *textFile, cookie Value, whence int) (Value, error) {
	if err := in.textCheckClosed(f, ""); err != nil {
		return Value{}, err
	}
	if !f.seekable {
		return Value{}, in.unsupported("underlying stream is not seekable")
	}
	switch whence {
	case 0:
		neg, err := in.RichCompare(cookie, Int(0), CmpLT)
		if err != nil {
			return Value{}, err
		}
		isNeg, err := in.Truth(neg)
		in.decRef(neg)
		if err != nil {
			return Value{}, err
		}
		if isNeg {
			r, err := in.Repr(cookie)
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(r)
			return Value{}, in.raise(valueErrorType, "negative seek position %s", r.GoString())
		}
		if !isInt(cookie) {
			// A cookie is an int, or an object with __index__.
			i, err := in.Index(cookie)
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(i)
			cookie = i
		}
	case 1, 2:
		zero, err := in.RichCompare(cookie, Int(0), CmpEQ)
		if err != nil {
			return Value{}, err
		}
		isZero, err := in.Truth(zero)
		in.decRef(zero)
		if err != nil {
			return Value{}, err
		}
		if !isZero && whence == 1 {
			return Value{}, in.unsupported("can't do nonzero cur-relative seeks")
		}
		if !isZero {
			return Value{}, in.unsupported("can't do nonzero end-relative seeks")
		}
		if whence == 1 {
			// Seeking to the current position brings the buffer there.
			pos, err := in.textTell(f)
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(pos)
			cookie = pos
			whence = 0
		}
	default:
		return Value{}, in.raise(valueErrorType, "invalid whence (%d, should be 0, 1 or 2)", whence)
	}
	c := textCookie{flags: Int(0)}
	if whence == 0 {
		var err error
		if c, err = in.textCookieParts(cookie); err != nil {
			return Value{}, err
		}
		defer in.decRef(c.flags)
		if f.pyDec.IsNil() && (c.flags != Int(0) || c.feed != 0 || c.skip != 0 || c.eof) {
			return Value{}, in.raise(notImplementedErrorType, "a seek cookie with decoder state for the '%s' codec is not implemented yet", f.encoding)
		}
	}
	off := c.pos
	if err := in.textFlush(f); err != nil {
		return Value{}, err
	}
	f.pending, f.inexact, f.decoded = "", false, false
	var result Value
	if b := f.fast; b != nil {
		pos, err := in.bufferedSeek(b, off, whence)
		if err != nil {
			return Value{}, err
		}
		result = Int(pos)
	} else {
		f.rbuf, f.rpos = f.rbuf[:0], 0
		var err error
		if result, err = in.ioCallMethod(f.buffer, "seek", Int(off), Int(int64(whence))); err != nil {
			return Value{}, err
		}
	}
	pos, _ := IntValue(result)
	if whence == 0 {
		in.decRef(result)
		incRef(cookie)
		result = cookie
		pos = off
	}
	if f.codec == codecUTF8Sig {
		// Only the start of the stream has a BOM to skip or to write.
		f.bomPending = pos == 0
	}
	if !f.pyDec.IsNil() || !f.pyEnc.IsNil() {
		if whence == 2 {
			c = textCookie{pos: pos, flags: Int(0)}
		}
		if err := in.textCodecSeek(f, c); err != nil {
			in.decRef(result)
			return Value{}, err
		}
	}
	return result, nil
}

// textClose flushes and closes the file and the buffer (nothing when
// already closed).
func (in *Interp) textClose(f *textFile) error {
	closed, err := in.textClosed(f)
	if err != nil || closed {
		return err
	}
	return in.textCloseBuffer(f, in.textFlush(f))
}

// textCloseBuffer closes the buffer after flushing did or failed (ferr).
func (in *Interp) textCloseBuffer(f *textFile, ferr error) error {
	f.pending = ""
	var cerr error
	if b := f.fast; b != nil {
		if v := valueOf(b); isExactBuffered(v) {
			cerr = in.bufferedCloseMethod(v)
		}
	} else {
		var r Value
		if r, cerr = in.ioCallMethod(f.buffer, "close"); cerr == nil {
			in.decRef(r)
		}
	}
	return in.chainErrors(ferr, cerr)
}
