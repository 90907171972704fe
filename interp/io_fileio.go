package interp

// FileIO's construction from Python: FileIO(file, mode='r', closefd=True,
// opener=None), for an fd, a str or bytes path or an os.PathLike, with
// FileIO's own mode letters (r, w, x, a, an optional + and b).

// fileIONew is FileIO.__new__: a closed file.
func fileIONew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	r, err := in.newRawFile(t)
	if err != nil {
		return Value{}, err
	}
	return valueOf(r), nil
}

// parseRawMode parses FileIO's mode argument.
func (in *Interp) parseRawMode(mode string) (openMode, error) {
	var m openMode
	rwa := false
	bad := func() (openMode, error) {
		return m, in.raise(valueErrorType, "Must have exactly one of create/read/write/append mode and at most one plus")
	}
	for _, c := range mode {
		switch c {
		case 'x', 'r', 'w', 'a':
			if rwa {
				return bad()
			}
			rwa = true
			switch c {
			case 'x':
				m.creating = true
			case 'r':
				m.reading = true
			case 'w':
				m.writing = true
			default:
				m.appending = true
			}
		case 'b':
		case '+':
			if m.updating {
				return bad()
			}
			m.updating = true
		default:
			return m, in.raise(valueErrorType, "invalid mode: %s", mode)
		}
	}
	if !rwa {
		return bad()
	}
	return m, nil
}

// fileIOInit is FileIO.__init__.
func fileIOInit(in *Interp, self Value, args []Value, kwnames []Value) error {
	var file, modeArg, closefdArg, opener Value
	if err := in.parseArgs("FileIO", args, kwnames, []string{"file", "mode", "closefd", "opener"}, 1, &file, &modeArg, &closefdArg, &opener); err != nil {
		return err
	}
	r := rawOfValue(self)
	if !r.closed {
		// A second __init__ closes the file first.
		if err := in.rawClose(r); err != nil {
			return err
		}
	}
	mode := "r"
	if !modeArg.IsNil() {
		if modeArg.Type() != strType {
			return in.raise(typeErrorType, "FileIO() argument 'mode' must be str, not %s", modeArg.Type().Name)
		}
		mode = modeArg.GoString()
	}
	closefd := true
	if !closefdArg.IsNil() {
		var err error
		if closefd, err = in.Truth(closefdArg); err != nil {
			return err
		}
	}
	if opener.IsNone() {
		opener = Value{}
	}
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
			return err
		}
		if !found {
			return in.raise(typeErrorType, "expected str, bytes or os.PathLike object, not %s", file.Type().Name)
		}
		if p.Type() != strType && p.Type() != bytesType {
			in.decRef(p)
			return in.raise(typeErrorType, "expected %s.__fspath__() to return str or bytes, not %s", file.Type().Name, p.Type().Name)
		}
		path = p
	}
	defer in.decRef(path)
	m, err := in.parseRawMode(mode)
	if err != nil {
		return err
	}
	return in.rawOpen(r, path, isFD, m, closefd, opener)
}

func init() {
	t := fileIOType
	t.new = fileIONew
	t.init = fileIOInit
	t.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		v, err := fileIONew(in, t, args, kwnames)
		if err != nil {
			return Value{}, err
		}
		if err := fileIOInit(in, v, args, kwnames); err != nil {
			in.decRef(v)
			return Value{}, err
		}
		return v, nil
	}
}
