package interp

import (
	"strings"
	"unicode/utf8"
)

// The text layer: TextIOWrapper's reading (decoding, universal newlines),
// writing (newline translation, encoding), positions, and its methods.

// Kinds of newline seen while reading, for the newlines attribute.
const (
	seenCR = 1 << iota
	seenLF
	seenCRLF
)

func textOf(v Value) *textFile { return asObject[textFile](v) }

// bufferOf returns a text file's buffered file.
func bufferOf(f *textFile) *bufferedFile { return asObject[bufferedFile](f.buffer) }

func (f *textFile) closed() bool { return rawOf(bufferOf(f)).closed }

// textCheckClosed fails on a closed file; msg "" is the usual message.
func (in *Interp) textCheckClosed(f *textFile, msg string) error {
	if f.closed() {
		return in.closedFile(msg)
	}
	return nil
}

// textCheckReadable is the check of the reading methods.
func (in *Interp) textCheckReadable(f *textFile) error {
	if err := in.textCheckClosed(f, ""); err != nil {
		return err
	}
	if !rawOf(bufferOf(f)).readable {
		return in.unsupported("not readable")
	}
	return nil
}

// textFill decodes more of the file into f.pending; it reports false at
// the end of the file.
func (in *Interp) textFill(f *textFile) (bool, error) {
	b := bufferOf(f)
	n, err := in.bufferedFill(b)
	if err != nil {
		return false, err
	}
	s, used, err := in.decode(f.codec, f.errors, b.available(), n == 0)
	if err != nil {
		return false, err
	}
	if used != len(s) && f.codec != codecLatin1 || f.codec == codecLatin1 && used != countRunes(s) {
		// An error handler changed the text: positions are lost.
		f.inexact = true
	}
	b.rpos += used
	if f.bomPending && (len(s) > 0 || n == 0) {
		f.bomPending = false
		s = strings.TrimPrefix(s, "\ufeff")
	}
	f.pending += s
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

// textRead reads n characters, or all the rest when n < 0.
func (in *Interp) textRead(f *textFile, n int) (string, error) {
	var out strings.Builder
	if n < 0 {
		b := bufferOf(f)
		rest, err := in.bufferedRead(b, -1)
		if err != nil {
			return "", err
		}
		s, _, err := in.decode(f.codec, f.errors, rest, true)
		if err != nil {
			return "", err
		}
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

// textWrite writes s (WTF-8) and returns its length in characters.
func (in *Interp) textWrite(f *textFile, s string) error {
	if f.pending != "" {
		// Writing forgets the text decoded ahead, as CPython does: the
		// write lands where the reading left the buffered file.
		f.pending, f.inexact = "", false
	}
	text := s
	if f.writeNL != "" && strings.IndexByte(text, '\n') >= 0 {
		text = strings.ReplaceAll(text, "\n", f.writeNL)
	}
	data, err := in.encode(f.codec, f.errors, text)
	if err != nil {
		return err
	}
	if f.bomPending {
		f.bomPending = false
		data = append([]byte("\ufeff"), data...)
	}
	b := bufferOf(f)
	if err := in.bufferedWrite(b, data); err != nil {
		return err
	}
	if f.writeThrough || f.lineBuffering && strings.ContainsAny(s, "\n\r") {
		if err := in.bufferedFlush(b); err != nil {
			return err
		}
		return in.rawFlush(rawOf(b))
	}
	return nil
}

// textTell is tell(): the byte position of the next character to read.
func (in *Interp) textTell(f *textFile) (int64, error) {
	if err := in.textCheckClosed(f, ""); err != nil {
		return 0, err
	}
	b := bufferOf(f)
	if !in.rawSeekable(rawOf(b)) {
		return 0, in.unsupported("underlying stream is not seekable")
	}
	if f.iterating {
		return 0, in.raise(osErrorType, "telling position disabled by next() call")
	}
	pos, err := in.bufferedTell(b)
	if err != nil {
		return 0, err
	}
	if f.pending == "" {
		return pos, nil
	}
	if f.inexact {
		return 0, in.raise(notImplementedErrorType, "tell() after decoding errors is not implemented yet")
	}
	n := int64(len(f.pending))
	if f.codec == codecLatin1 {
		n = int64(countRunes(f.pending))
	}
	return pos - n, nil
}

// textSeek is seek(cookie, whence).
func (in *Interp) textSeek(f *textFile, cookie Value, whence int) (int64, error) {
	if err := in.textCheckClosed(f, ""); err != nil {
		return 0, err
	}
	b := bufferOf(f)
	if !in.rawSeekable(rawOf(b)) {
		return 0, in.unsupported("underlying stream is not seekable")
	}
	off, err := in.fileOffset(cookie)
	if err != nil {
		return 0, err
	}
	switch whence {
	case 0:
		if off < 0 {
			return 0, in.raise(valueErrorType, "negative seek position %d", off)
		}
	case 1:
		if off != 0 {
			return 0, in.unsupported("can't do nonzero cur-relative seeks")
		}
		return in.textTell(f)
	case 2:
		if off != 0 {
			return 0, in.unsupported("can't do nonzero end-relative seeks")
		}
	default:
		return 0, in.raise(valueErrorType, "invalid whence (%d, should be 0, 1 or 2)", whence)
	}
	f.pending, f.inexact = "", false
	pos, err := in.bufferedSeek(b, off, whence)
	if err != nil {
		return 0, err
	}
	f.bomPending = f.codec == codecUTF8Sig && pos == 0
	return pos, nil
}

// textClose flushes and closes the file and the layers below.
func (in *Interp) textClose(f *textFile) error {
	if f.closed() {
		return nil
	}
	f.pending = ""
	return in.bufferedClose(bufferOf(f))
}

// fileOffset converts a seek offset or truncate size.
func (in *Interp) fileOffset(v Value) (int64, error) {
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.decRef(i)
	n, ok := IntValue(i)
	if !ok {
		return 0, in.raise(overflowErrorType, "Python int too large to convert to C long")
	}
	return n, nil
}

// sizeArg converts the size argument of read() and readlines(): an int
// or None (meaning -1).
func (in *Interp) sizeArg(args []Value, i int) (int, error) {
	if len(args) <= i || args[i].IsNone() {
		return -1, nil
	}
	v := args[i]
	if !isInt(v) {
		if _, found, _ := in.lookupAttrString(v.Type(), "__index__"); !found {
			return 0, in.raise(typeErrorType, "argument should be integer or None, not '%s'", v.Type().Name)
		}
	}
	n, err := in.fileOffset(v)
	if err != nil {
		return 0, err
	}
	if n < -1 {
		n = -1
	}
	if n > 1<<40 {
		n = 1 << 40
	}
	return int(n), nil
}

// lookupAttrString reports whether type t has attribute name.
func (in *Interp) lookupAttrString(t *Type, name string) (Value, bool, error) {
	v, err := in.lookupString(t, name)
	return v, !v.IsNil(), err
}

// fileMethod adds a method to each of types, with its argument count
// checked (minimum and maximum beyond self) and no keywords.
func fileMethod(types []*Type, name string, min, max int, fn func(in *Interp, self Value, args []Value) (Value, error)) {
	for _, t := range types {
		defMethod(t, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.noKeywords(name, kwnames); err != nil {
				return Value{}, err
			}
			n := len(args) - 1
			switch {
			case n < min && min == max:
				return Value{}, in.raise(typeErrorType, "%s() takes exactly %d argument%s (%d given)", name, min, pluralS(min), n)
			case n < min:
				return Value{}, in.raise(typeErrorType, "%s() takes at least %d argument%s (%d given)", name, min, pluralS(min), n)
			case n > max && max == 0:
				return Value{}, in.raise(typeErrorType, "%s.%s() takes no arguments (%d given)", args[0].Type().Name, name, n)
			case n > max:
				return Value{}, in.raise(typeErrorType, "%s() takes at most %d argument%s (%d given)", name, max, pluralS(max), n)
			}
			return fn(in, args[0], args[1:])
		})
	}
}

// fileGetter adds a read-only attribute to each of types.
func fileGetter(types []*Type, name string, get func(in *Interp, v Value) (Value, error)) {
	for _, t := range types {
		defGetSet(t, name, get, nil)
	}
}

func init() {
	text := []*Type{textIOWrapperType}
	textIOWrapperType.repr = func(in *Interp, v Value) (Value, error) {
		f := textOf(v)
		var b strings.Builder
		b.WriteString("<_io.TextIOWrapper")
		name := rawOf(bufferOf(f)).name
		r, err := in.Repr(name)
		if err != nil {
			return Value{}, err
		}
		b.WriteString(" name=" + r.GoString())
		in.decRef(r)
		mode, err := in.NewStr(f.mode)
		if err != nil {
			return Value{}, err
		}
		r, err = in.Repr(mode)
		in.decRef(mode)
		if err != nil {
			return Value{}, err
		}
		b.WriteString(" mode=" + r.GoString())
		in.decRef(r)
		enc, err := in.NewStr(f.encoding)
		if err != nil {
			return Value{}, err
		}
		r, err = in.Repr(enc)
		in.decRef(enc)
		if err != nil {
			return Value{}, err
		}
		b.WriteString(" encoding=" + r.GoString() + ">")
		in.decRef(r)
		return in.NewStr(b.String())
	}
	textIOWrapperType.iter = func(in *Interp, v Value) (Value, error) {
		if err := in.textCheckClosed(textOf(v), ""); err != nil {
			return Value{}, err
		}
		incRef(v)
		return v, nil
	}
	textIOWrapperType.next = func(in *Interp, v Value) (Value, bool, error) {
		f := textOf(v)
		if err := in.textCheckReadable(f); err != nil {
			return Value{}, false, err
		}
		f.iterating = true
		line, err := in.textReadLine(f, -1)
		if err != nil {
			return Value{}, false, err
		}
		if line == "" {
			f.iterating = false
			return Value{}, false, nil
		}
		s, err := in.NewStr(line)
		return s, err == nil, err
	}

	fileMethod(text, "read", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		f := textOf(self)
		n, err := in.sizeArg(args, 0)
		if err != nil {
			return Value{}, err
		}
		if err := in.textCheckReadable(f); err != nil {
			return Value{}, err
		}
		s, err := in.textRead(f, n)
		if err != nil {
			return Value{}, err
		}
		return in.NewStr(s)
	})
	fileMethod(text, "readline", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		f := textOf(self)
		limit := -1
		if len(args) > 0 {
			n, err := in.fileOffset(args[0])
			if err != nil {
				return Value{}, err
			}
			limit = int(max(n, -1))
		}
		if err := in.textCheckReadable(f); err != nil {
			return Value{}, err
		}
		s, err := in.textReadLine(f, limit)
		if err != nil {
			return Value{}, err
		}
		return in.NewStr(s)
	})
	fileMethod(text, "write", 1, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		f := textOf(self)
		if err := in.textCheckClosed(f, ""); err != nil {
			return Value{}, err
		}
		if args[0].Type() != strType {
			return Value{}, in.raise(typeErrorType, "write() argument must be str, not %s", args[0].Type().Name)
		}
		if !rawOf(bufferOf(f)).writable {
			return Value{}, in.unsupported("not writable")
		}
		if err := in.textWrite(f, args[0].GoString()); err != nil {
			return Value{}, err
		}
		return Int(int64(asObject[Str](args[0]).length)), nil
	})
	fileMethod(text, "flush", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		f := textOf(self)
		if err := in.textCheckClosed(f, ""); err != nil {
			return Value{}, err
		}
		b := bufferOf(f)
		if err := in.bufferedFlush(b); err != nil {
			return Value{}, err
		}
		return None, in.rawFlush(rawOf(b))
	})
	fileMethod(text, "close", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		return None, in.textClose(textOf(self))
	})
	fileMethod(text, "tell", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		pos, err := in.textTell(textOf(self))
		return Int(pos), err
	})
	fileMethod(text, "seek", 1, 2, func(in *Interp, self Value, args []Value) (Value, error) {
		whence := int64(0)
		if len(args) > 1 {
			var err error
			if whence, err = in.fileOffset(args[1]); err != nil {
				return Value{}, err
			}
		}
		pos, err := in.textSeek(textOf(self), args[0], int(whence))
		return Int(pos), err
	})
	fileMethod(text, "truncate", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		f := textOf(self)
		if err := in.textCheckClosed(f, ""); err != nil {
			return Value{}, err
		}
		if !rawOf(bufferOf(f)).writable {
			return Value{}, in.unsupported("truncate")
		}
		pos, err := in.textTell(f)
		if err != nil {
			return Value{}, err
		}
		if len(args) > 0 && !args[0].IsNone() {
			if pos, err = in.fileOffset(args[0]); err != nil {
				return Value{}, err
			}
		}
		// The text decoded ahead stays readable, as in CPython.
		b := bufferOf(f)
		if _, err := in.bufferedSeek(b, 0, 1); err != nil {
			return Value{}, err
		}
		return Int(pos), in.rawTruncate(rawOf(b), pos)
	})
	fileMethod(text, "detach", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		return Value{}, in.raise(notImplementedErrorType, "TextIOWrapper.detach() is not implemented yet")
	})
	defMethod(textIOWrapperType, "reconfigure", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(args)-len(kwnames) > 1 {
			return Value{}, in.raise(typeErrorType, "reconfigure() takes no positional arguments")
		}
		var encoding, errors, newline, lineBuffering, writeThrough Value
		if err := in.parseArgs("reconfigure", args[1:], kwnames, []string{"encoding", "errors", "newline", "line_buffering", "write_through"}, 0,
			&encoding, &errors, &newline, &lineBuffering, &writeThrough); err != nil {
			return Value{}, err
		}
		f := textOf(args[0])
		if !newline.IsNil() {
			return Value{}, in.raise(notImplementedErrorType, "reconfigure(newline=...) is not implemented yet")
		}
		enc, hasEnc, err := in.optionalStr("reconfigure", "encoding", encoding)
		if err != nil {
			return Value{}, err
		}
		errs, hasErrs, err := in.optionalStr("reconfigure", "errors", errors)
		if err != nil {
			return Value{}, err
		}
		if hasEnc {
			c, err := in.lookupCodec(enc)
			if err != nil {
				return Value{}, err
			}
			f.codec, f.encoding = c, enc
			if !hasErrs {
				errs, hasErrs = "strict", true
			}
		}
		if hasErrs {
			f.errors = errs
		}
		for _, x := range []struct {
			v   Value
			dst *bool
		}{{lineBuffering, &f.lineBuffering}, {writeThrough, &f.writeThrough}} {
			if !x.v.IsNil() && !x.v.IsNone() {
				t, err := in.Truth(x.v)
				if err != nil {
					return Value{}, err
				}
				*x.dst = t
			}
		}
		return None, nil
	})

	fileGetter(text, "name", func(in *Interp, v Value) (Value, error) {
		n := rawOf(bufferOf(textOf(v))).name
		incRef(n)
		return n, nil
	})
	fileGetter(text, "mode", func(in *Interp, v Value) (Value, error) { return in.NewStr(textOf(v).mode) })
	fileGetter(text, "encoding", func(in *Interp, v Value) (Value, error) { return in.NewStr(textOf(v).encoding) })
	fileGetter(text, "errors", func(in *Interp, v Value) (Value, error) { return in.NewStr(textOf(v).errors) })
	fileGetter(text, "line_buffering", func(in *Interp, v Value) (Value, error) { return Bool(textOf(v).lineBuffering), nil })
	fileGetter(text, "write_through", func(in *Interp, v Value) (Value, error) { return Bool(textOf(v).writeThrough), nil })
	fileGetter(text, "buffer", func(in *Interp, v Value) (Value, error) {
		b := textOf(v).buffer
		incRef(b)
		return b, nil
	})
	fileGetter(text, "closed", func(in *Interp, v Value) (Value, error) { return Bool(textOf(v).closed()), nil })
	fileGetter(text, "newlines", func(in *Interp, v Value) (Value, error) {
		var kinds []Value
		seen := textOf(v).seenNL
		for _, k := range []struct {
			bit uint8
			s   string
		}{{seenCR, "\r"}, {seenLF, "\n"}, {seenCRLF, "\r\n"}} {
			if seen&k.bit != 0 {
				kinds = append(kinds, internName(k.s))
			}
		}
		switch len(kinds) {
		case 0:
			return None, nil
		case 1:
			return kinds[0], nil
		}
		return in.NewTuple(kinds...)
	})
	fileRawQueries(text, func(v Value) *rawFile { return rawOf(bufferOf(textOf(v))) }, "I/O operation on closed file")
	fileCommon(text,
		func(v Value) bool { return textOf(v).closed() },
		func(in *Interp, v Value) (Value, bool, error) {
			f := textOf(v)
			if err := in.textCheckReadable(f); err != nil {
				return Value{}, false, err
			}
			s, err := in.textReadLine(f, -1)
			if err != nil || s == "" {
				return Value{}, false, err
			}
			r, err := in.NewStr(s)
			return r, err == nil, err
		},
		func(in *Interp, self, line Value) error {
			if line.Type() != strType {
				return in.raise(typeErrorType, "write() argument must be str, not %s", line.Type().Name)
			}
			f := textOf(self)
			if !rawOf(bufferOf(f)).writable {
				return in.unsupported("not writable")
			}
			return in.textWrite(f, line.GoString())
		},
		func(in *Interp, v Value) error { return in.textClose(textOf(v)) })
}

// fileRawQueries adds fileno, isatty, readable, writable and seekable,
// answered by the raw file under each of types.
func fileRawQueries(types []*Type, raw func(Value) *rawFile, closedMsg string) {
	check := func(in *Interp, r *rawFile) error {
		if r.closed {
			return in.closedFile(closedMsg)
		}
		return nil
	}
	fileMethod(types, "fileno", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		r := raw(self)
		if err := check(in, r); err != nil {
			return Value{}, err
		}
		return Int(int64(r.fd)), nil
	})
	fileMethod(types, "isatty", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		r := raw(self)
		if err := check(in, r); err != nil {
			return Value{}, err
		}
		return Bool(r.f != nil && isTerminal(r.f)), nil
	})
	for _, q := range []struct {
		name string
		get  func(in *Interp, r *rawFile) bool
	}{
		{"readable", func(in *Interp, r *rawFile) bool { return r.readable }},
		{"writable", func(in *Interp, r *rawFile) bool { return r.writable }},
		{"seekable", func(in *Interp, r *rawFile) bool { return in.rawSeekable(r) }},
	} {
		fileMethod(types, q.name, 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
			r := raw(self)
			if err := check(in, r); err != nil {
				return Value{}, err
			}
			return Bool(q.get(in, r)), nil
		})
	}
}

// fileCommon adds what IOBase gives every file type: readlines,
// writelines, __enter__, __exit__, with the layer's own line reading,
// writing and closing.
func fileCommon(types []*Type, closed func(Value) bool,
	readLine func(in *Interp, v Value) (Value, bool, error),
	write func(in *Interp, self, item Value) error,
	closeFn func(in *Interp, v Value) error) {
	checkClosed := func(in *Interp, v Value) error {
		if closed(v) {
			return in.closedFile("")
		}
		return nil
	}
	fileMethod(types, "readlines", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		hint, err := in.sizeArg(args, 0)
		if err != nil {
			return Value{}, err
		}
		if err := checkClosed(in, self); err != nil {
			return Value{}, err
		}
		l, err := in.NewList()
		if err != nil {
			return Value{}, err
		}
		total := 0
		for {
			line, ok, err := readLine(in, self)
			if err != nil {
				in.decRef(l)
				return Value{}, err
			}
			if !ok {
				return l, nil
			}
			n, _ := in.Len(line)
			err = in.Append(asObject[List](l), line)
			in.decRef(line)
			if err != nil {
				in.decRef(l)
				return Value{}, err
			}
			total += n
			if hint > 0 && total > hint {
				return l, nil
			}
		}
	})
	fileMethod(types, "writelines", 1, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		if err := checkClosed(in, self); err != nil {
			return Value{}, err
		}
		it, err := in.getIter(args[0])
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(it)
		for {
			item, ok, err := in.iterNext(it)
			if err != nil {
				return Value{}, err
			}
			if !ok {
				return None, nil
			}
			err = write(in, self, item)
			in.decRef(item)
			if err != nil {
				return Value{}, err
			}
		}
	})
	fileMethod(types, "__enter__", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		if err := checkClosed(in, self); err != nil {
			return Value{}, err
		}
		incRef(self)
		return self, nil
	})
	for _, t := range types {
		defMethod(t, "__exit__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return None, closeFn(in, args[0])
		})
	}
}
