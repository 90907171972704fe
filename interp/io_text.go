package interp

import "strings"

// TextIOWrapper's construction from Python (TextIOWrapper(buffer,
// encoding, errors, newline, line_buffering, write_through) over any
// binary file object), its methods and attributes, reconfigure and
// detach. The text layer's I/O is in file_text.go.

// textNew is TextIOWrapper.__new__: an object not yet initialized.
func textNew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	f := &textFile{std: -1}
	if err := in.account(&f.Header, t, textFileSize); err != nil {
		return Value{}, err
	}
	return valueOf(f), nil
}

// textNewlineArg checks a newline argument: None, or one of the str
// values a text file accepts.
func (in *Interp) textNewlineArg(fname string, v Value) (Value, error) {
	if v.IsNil() || v.IsNone() {
		return None, nil
	}
	if v.Type() != strType {
		return Value{}, in.raise(typeErrorType, "%s() argument 'newline' must be str or None, not %s", fname, v.Type().Name)
	}
	switch s := v.GoString(); s {
	case "", "\n", "\r", "\r\n":
		return v, nil
	default:
		return Value{}, in.raise(valueErrorType, "illegal newline value: %s", s)
	}
}

// textEncodingArg converts an encoding argument: None and "locale" are
// the locale's encoding (UTF-8 here).
func (in *Interp) textEncodingArg(fname string, v Value) (string, error) {
	enc, has, err := in.optionalStr(fname, "encoding", v)
	if err == nil {
		err = in.checkCodecArg(enc)
	}
	if !has || enc == "locale" {
		enc = "UTF-8"
	}
	return enc, err
}

// ioTruth calls v.name() and returns the truth of the answer.
func (in *Interp) ioTruth(v Value, name string) (bool, error) {
	r, err := in.ioCallMethod(v, name)
	if err != nil {
		return false, err
	}
	defer in.decRef(r)
	return in.Truth(r)
}

// textInit is TextIOWrapper.__init__.
func textInit(in *Interp, self Value, args []Value, kwnames []Value) error {
	const fname = "TextIOWrapper"
	var buffer, encArg, errArg, nlArg, lbArg, wtArg Value
	if err := in.parseArgs(fname, args, kwnames, []string{"buffer", "encoding", "errors", "newline", "line_buffering", "write_through"}, 1,
		&buffer, &encArg, &errArg, &nlArg, &lbArg, &wtArg); err != nil {
		return err
	}
	f := textOf(self)
	f.ok = false
	if _, _, err := in.optionalStr(fname, "encoding", encArg); err != nil {
		return err
	}
	errorsName, hasErrors, err := in.optionalStr(fname, "errors", errArg)
	if err == nil {
		err = in.checkCodecArg(errorsName)
	}
	if err != nil {
		return err
	}
	if !hasErrors {
		errorsName = "strict"
	}
	newline, err := in.textNewlineArg(fname, nlArg)
	if err != nil {
		return err
	}
	var flags [2]bool
	for i, v := range []Value{lbArg, wtArg} {
		if !v.IsNil() {
			if flags[i], err = in.Truth(v); err != nil {
				return err
			}
		}
	}
	encoding, err := in.textEncodingArg(fname, encArg)
	if err != nil {
		return err
	}
	c, info, err := in.textCodecInfo(encoding, errorsName)
	if err != nil {
		return err
	}
	if !info.IsNil() {
		defer in.decRef(info)
	}
	readable, err := in.ioTruth(buffer, "readable")
	if err != nil {
		return err
	}
	writable, err := in.ioTruth(buffer, "writable")
	if err != nil {
		return err
	}
	seekable, err := in.ioTruth(buffer, "seekable")
	if err != nil {
		return err
	}
	read1, err := in.lookupAttr(buffer, internName("read1"))
	if err != nil {
		return err
	}
	in.xdecRef(read1)
	var startPos int64
	if seekable && writable {
		// A stream written from elsewhere than its start gets no BOM.
		pos, r, err := in.ioCallInt(buffer, "tell")
		if err != nil {
			return err
		}
		in.decRef(r)
		startPos = pos
	}
	in.textAttach(f, buffer, encoding, c, errorsName, newline, flags[0], flags[1])
	f.readable, f.writable, f.seekable, f.hasRead1 = readable, writable, seekable, !read1.IsNil()
	if startPos != 0 {
		f.bomPending = false
	}
	if err := in.textSetCoders(f, info, errorsName); err != nil {
		f.ok = false
		return err
	}
	if startPos != 0 {
		return in.textEncoderAt(f, startPos)
	}
	return nil
}

// textReady returns the text file of a method's self, checked to be
// attached.
func (in *Interp) textReady(v Value) (*textFile, error) {
	f := textOf(v)
	return f, in.textAttached(f)
}

// textSelfFlush is self.flush() as close() and detach() call it: the
// method itself for a class that may override it.
func (in *Interp) textSelfFlush(v Value) error {
	if v.Type() == textIOWrapperType {
		return in.textFlush(textOf(v))
	}
	r, err := in.ioCallMethod(v, "flush")
	if err == nil {
		in.decRef(r)
	}
	return err
}

// textBufferQuery is readable, writable, seekable, fileno or isatty,
// which the buffer answers.
func (in *Interp) textBufferQuery(f *textFile, name string) (Value, error) {
	if err := in.textAttached(f); err != nil {
		return Value{}, err
	}
	if f.fast != nil {
		return in.bufferedQuery(f.fast, name)
	}
	return in.ioCallMethod(f.buffer, name)
}

// textRepr is <_io.TextIOWrapper name=... mode=... encoding=...>.
func textRepr(in *Interp, v Value) (Value, error) {
	f := textOf(v)
	if !f.ok && !f.detached {
		return Value{}, in.textAttached(f)
	}
	var b strings.Builder
	b.WriteString("<_io.TextIOWrapper")
	for _, attr := range []string{"name", "mode"} {
		x, err := in.lookupAttr(v, internName(attr))
		if err != nil {
			if attr != "name" || !ErrorIs(err, valueErrorType) {
				return Value{}, err
			}
			in.xdecRefErr(err)
			continue
		}
		if x.IsNil() {
			continue
		}
		r, err := in.Repr(x)
		in.decRef(x)
		if err != nil {
			return Value{}, err
		}
		b.WriteString(" " + attr + "=" + r.GoString())
		in.decRef(r)
	}
	enc, err := in.NewStr(f.encoding)
	if err != nil {
		return Value{}, err
	}
	r, err := in.Repr(enc)
	in.decRef(enc)
	if err != nil {
		return Value{}, err
	}
	b.WriteString(" encoding=" + r.GoString() + ">")
	in.decRef(r)
	return in.NewStr(b.String())
}

func init() {
	t := textIOWrapperType
	text := []*Type{t}
	t.new = textNew
	t.init = textInit
	t.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		v, err := textNew(in, t, args, kwnames)
		if err != nil {
			return Value{}, err
		}
		if err := textInit(in, v, args, kwnames); err != nil {
			in.decRef(v)
			return Value{}, err
		}
		return v, nil
	}
	t.repr = textRepr
	t.iter = func(in *Interp, v Value) (Value, error) {
		if err := in.textCheckClosed(textOf(v), ""); err != nil {
			return Value{}, err
		}
		incRef(v)
		return v, nil
	}
	t.next = func(in *Interp, v Value) (Value, bool, error) {
		if v.Type() != textIOWrapperType {
			return in.ioNextLine(v)
		}
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
		f, err := in.textReady(self)
		if err != nil {
			return Value{}, err
		}
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
		f, err := in.textReady(self)
		if err != nil {
			return Value{}, err
		}
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
		f, err := in.textReady(self)
		if err != nil {
			return Value{}, err
		}
		if !isStrValue(args[0]) {
			return Value{}, in.raise(typeErrorType, "write() argument must be str, not %s", args[0].Type().Name)
		}
		if err := in.textCheckWritable(f); err != nil {
			return Value{}, err
		}
		if err := in.textWrite(f, args[0].GoString()); err != nil {
			return Value{}, err
		}
		return Int(int64(asObject[Str](args[0]).length)), nil
	})
	fileMethod(text, "flush", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		f, err := in.textReady(self)
		if err != nil {
			return Value{}, err
		}
		return None, in.textFlush(f)
	})
	fileMethod(text, "close", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		f, err := in.textReady(self)
		if err != nil {
			return Value{}, err
		}
		closed, err := in.textClosed(f)
		if err != nil || closed {
			return None, err
		}
		return None, in.textCloseBuffer(f, in.textSelfFlush(self))
	})
	fileMethod(text, "tell", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		f, err := in.textReady(self)
		if err != nil {
			return Value{}, err
		}
		return in.textTell(f)
	})
	fileMethod(text, "seek", 1, 2, func(in *Interp, self Value, args []Value) (Value, error) {
		f, err := in.textReady(self)
		if err != nil {
			return Value{}, err
		}
		whence := int64(0)
		if len(args) > 1 {
			if whence, err = in.fileOffset(args[1]); err != nil {
				return Value{}, err
			}
		}
		return in.textSeek(f, args[0], int(whence))
	})
	fileMethod(text, "truncate", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		f, err := in.textReady(self)
		if err != nil {
			return Value{}, err
		}
		if err := in.textSelfFlush(self); err != nil {
			return Value{}, err
		}
		pos := None
		if len(args) > 0 {
			pos = args[0]
		}
		if f.fast != nil {
			return in.bufferedTruncateMethod(f.fast, pos)
		}
		return in.ioCallMethod(f.buffer, "truncate", pos)
	})
	fileMethod(text, "detach", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		f, err := in.textReady(self)
		if err != nil {
			return Value{}, err
		}
		if err := in.textSelfFlush(self); err != nil {
			return Value{}, err
		}
		buffer := f.buffer
		f.buffer, f.fast, f.detached = Value{}, nil, true
		f.pending, f.rbuf, f.rpos, f.wpend = "", nil, 0, nil
		return buffer, nil
	})
	defMethod(t, "reconfigure", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(args)-len(kwnames) > 1 {
			return Value{}, in.raise(typeErrorType, "reconfigure() takes no positional arguments")
		}
		return None, textReconfigure(in, args[0], args[1:], kwnames)
	})
	for _, name := range []string{"readable", "writable", "seekable", "fileno", "isatty"} {
		fileMethod(text, name, 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
			return in.textBufferQuery(textOf(self), name)
		})
	}

	fileGetter(text, "name", func(in *Interp, v Value) (Value, error) {
		f, err := in.textReady(v)
		if err != nil {
			return Value{}, err
		}
		return in.getAttrString(f.buffer, "name")
	})
	fileGetter(text, "closed", func(in *Interp, v Value) (Value, error) {
		f, err := in.textReady(v)
		if err != nil {
			return Value{}, err
		}
		if f.fast != nil {
			c, err := in.bufClosed(f.fast)
			return Bool(c), err
		}
		return in.getAttrString(f.buffer, "closed")
	})
	defGetSet(t, "mode", func(in *Interp, v Value) (Value, error) {
		f := textOf(v)
		if f.mode == "" {
			return Value{}, in.raise(attributeErrorType, "'%s' object has no attribute 'mode'", v.Type().Name)
		}
		return in.NewStr(f.mode)
	}, func(in *Interp, v, value Value) error {
		f := textOf(v)
		if value.IsNil() {
			f.mode = ""
			return nil
		}
		if value.Type() != strType || value.GoString() == "" {
			return in.raise(notImplementedErrorType, "a TextIOWrapper's mode attribute other than a non-empty str is not implemented yet")
		}
		f.mode = value.GoString()
		return nil
	})
	fileGetter(text, "encoding", func(in *Interp, v Value) (Value, error) {
		f := textOf(v)
		if !f.ok && !f.detached {
			return None, nil
		}
		return in.NewStr(f.encoding)
	})
	fileGetter(text, "errors", func(in *Interp, v Value) (Value, error) {
		f := textOf(v)
		if !f.ok && !f.detached {
			return Value{}, in.textAttached(f)
		}
		return in.NewStr(f.errors)
	})
	fileGetter(text, "line_buffering", func(in *Interp, v Value) (Value, error) { return Bool(textOf(v).lineBuffering), nil })
	fileGetter(text, "write_through", func(in *Interp, v Value) (Value, error) { return Bool(textOf(v).writeThrough), nil })
	fileGetter(text, "buffer", func(in *Interp, v Value) (Value, error) {
		b := textOf(v).buffer
		if b.IsNil() {
			return None, nil
		}
		incRef(b)
		return b, nil
	})
	fileGetter(text, "newlines", func(in *Interp, v Value) (Value, error) {
		f, err := in.textReady(v)
		if err != nil {
			return Value{}, err
		}
		if !f.readable || !f.universal {
			return None, nil
		}
		return in.newlinesValue(f.seenNL)
	})
	defGetSet(t, "_CHUNK_SIZE", func(in *Interp, v Value) (Value, error) {
		f, err := in.textReady(v)
		if err != nil {
			return Value{}, err
		}
		return Int(int64(f.chunkSize)), nil
	}, func(in *Interp, v, value Value) error {
		f, err := in.textReady(v)
		if err != nil {
			return err
		}
		if value.IsNil() {
			return in.raise(attributeErrorType, "cannot delete attribute")
		}
		n, err := in.fileOffset(value)
		if err != nil {
			return err
		}
		if n <= 0 {
			return in.raise(valueErrorType, "a strictly positive integer is required")
		}
		f.chunkSize = int(min(n, 1<<30))
		return nil
	})
	fileCommon(text,
		func(in *Interp, v Value) (bool, error) { return in.textClosed(textOf(v)) },
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
			if !isStrValue(line) {
				return in.raise(typeErrorType, "write() argument must be str, not %s", line.Type().Name)
			}
			f := textOf(self)
			if err := in.textCheckWritable(f); err != nil {
				return err
			}
			return in.textWrite(f, line.GoString())
		},
		func(in *Interp, v Value) error { return in.textClose(textOf(v)) })
}

// textReconfigure is reconfigure(*, encoding=None, errors=None,
// newline=None, line_buffering=None, write_through=None).
func textReconfigure(in *Interp, self Value, args, kwnames []Value) error {
	const fname = "reconfigure"
	var encArg, errArg, nlArg, lbArg, wtArg Value
	if err := in.parseArgs(fname, args, kwnames, []string{"encoding", "errors", "newline", "line_buffering", "write_through"}, 0,
		&encArg, &errArg, &nlArg, &lbArg, &wtArg); err != nil {
		return err
	}
	f, err := in.textReady(self)
	if err != nil {
		return err
	}
	enc, hasEnc, err := in.optionalStr(fname, "encoding", encArg)
	if err != nil {
		return err
	}
	errs, hasErrs, err := in.optionalStr(fname, "errors", errArg)
	if err != nil {
		return err
	}
	if f.decoded && (hasEnc || hasErrs || !nlArg.IsNil()) {
		return in.unsupported("It is not possible to set the encoding or newline of stream after the first read")
	}
	var newline Value
	if !nlArg.IsNil() {
		if newline, err = in.textNewlineArg(fname, nlArg); err != nil {
			return err
		}
	}
	if err := in.checkCodecArg(enc); err != nil {
		return err
	}
	if err := in.checkCodecArg(errs); err != nil {
		return err
	}
	var c codec
	var info Value
	if hasEnc || hasErrs {
		if enc == "locale" {
			enc = "UTF-8"
		}
		switch {
		case !hasEnc:
			enc = f.encoding
		case !hasErrs:
			errs = "strict"
		}
		if c, info, err = in.textCodecInfo(enc, errs); err != nil {
			return err
		}
		if !info.IsNil() {
			defer in.decRef(info)
		}
	}
	flags := []bool{f.lineBuffering, f.writeThrough}
	for i, v := range []Value{lbArg, wtArg} {
		if !v.IsNil() && !v.IsNone() {
			if flags[i], err = in.Truth(v); err != nil {
				return err
			}
		}
	}
	if err := in.textSelfFlush(self); err != nil {
		return err
	}
	if !newline.IsNil() {
		in.textSetNewline(f, newline)
	}
	if hasEnc || hasErrs {
		f.codec, f.encoding, f.errors = c, enc, errs
		f.bomPending = false
		if err := in.textSetCoders(f, info, errs); err != nil {
			return err
		}
		if !f.pyEnc.IsNil() && f.seekable {
			// Away from the start of the stream, no BOM is written.
			var pos int64
			if f.fast != nil {
				pos, err = in.bufferedTell(f.fast)
			} else {
				var r Value
				if pos, r, err = in.ioCallInt(f.buffer, "tell"); err == nil {
					in.decRef(r)
				}
			}
			if err == nil {
				err = in.textEncoderAt(f, pos)
			}
			if err != nil {
				return err
			}
		}
	}
	f.lineBuffering, f.writeThrough = flags[0], flags[1]
	return nil
}
