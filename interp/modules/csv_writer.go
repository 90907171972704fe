package modules

import (
	"slices"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// _csv.writer: each row becomes one line of text, quoted and escaped as
// the dialect says, passed to the file's write method.

// csvWriter is a _csv.writer object.
type csvWriter struct {
	alloc.Header
	alloc.GCLink
	write   Value // the file's bound write method, owned
	dialect Value // owned
}

var csvWriterType *interp.Type

// initCsvWriterType makes the type; csv.go's init calls it before binding it.
func initCsvWriterType() {
	csvWriterType = interp.NewType[csvWriter](interp.TypeSpec{
		Name:   "writer",
		Module: "_csv",
		Doc:    "CSV writer\n\nWriter objects are responsible for generating tabular data\nin CSV format from sequence input.\n",
		Dealloc: func(in *interp.Interp, v Value) {
			w := interp.ObjectOf[csvWriter](v)
			in.ClearRef(&w.write)
			in.ClearRef(&w.dialect)
		},
		Traverse: func(v Value, visit func(Value)) {
			w := interp.ObjectOf[csvWriter](v)
			visit(w.write)
			visit(w.dialect)
		},
		Clear: func(in *interp.Interp, v Value) {
			w := interp.ObjectOf[csvWriter](v)
			in.ClearRef(&w.write)
			in.ClearRef(&w.dialect)
		},
	})
	csvWriterType.AddMember("dialect", "dialect", true)
	csvWriterType.AddMethod("writerow", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("writer.writerow", args, kwnames); err != nil {
			return Value{}, err
		}
		return csvWriteRow(in, args[0], args[1])
	})
	csvWriterType.AddMethod("writerows", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("writer.writerows", args, kwnames); err != nil {
			return Value{}, err
		}
		it, err := in.Iter(args[1])
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(it)
		for {
			row, ok, err := in.Next(it)
			if err != nil || !ok {
				return interp.None, err
			}
			r, err := csvWriteRow(in, args[0], row)
			in.DecRef(row)
			if err != nil {
				return Value{}, err
			}
			in.DecRef(r)
		}
	})
}

// csvWriterFunc is writer(fileobj, dialect='excel', **fmtparams).
func csvWriterFunc(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	pos, kw, err := csvSplitArgs(in, args, kwnames)
	if err != nil {
		return Value{}, err
	}
	o, err := interp.NewObject[csvWriter](in, csvWriterType)
	if err != nil {
		return Value{}, err
	}
	self := interp.ValueOf(o)
	write, err := in.LookupAttr(pos[0], interp.ImmortalStr("write"))
	if err != nil {
		in.DecRef(self)
		return Value{}, err
	}
	o.write = write
	if write.IsNil() || !interp.IsCallable(write) {
		in.DecRef(self)
		return Value{}, in.Raise(interp.TypeError, "argument 1 must have a \"write\" method")
	}
	var base Value
	if len(pos) > 1 {
		base = pos[1]
	}
	if o.dialect, err = csvCallDialect(in, base, kw, kwnames); err != nil {
		in.DecRef(self)
		return Value{}, err
	}
	return self, nil
}

// csvRecord is a line being joined.
type csvRecord struct {
	d         *csvDialect
	lineterm  []rune
	rec       []rune
	numFields int
}

// csvIsNumber is PyNumber_Check: the type converts to a number (it has
// __index__, __int__ or __float__) or is complex.
func csvIsNumber(in *interp.Interp, v Value) (bool, error) {
	switch v.Type() {
	case interp.IntType, interp.BoolType, interp.FloatType:
		return true, nil
	}
	if _, ok := interp.ComplexValue(v); ok {
		return true, nil
	}
	for _, name := range []string{"__index__", "__int__", "__float__"} {
		m, err := in.LookupSpecial(v.Type(), name)
		if err != nil {
			return false, err
		}
		if !m.IsNil() {
			return true, nil
		}
	}
	return false, nil
}

// csvWriteRow is writer.writerow(row): the result of the write call.
func csvWriteRow(in *interp.Interp, self, row Value) (Value, error) {
	w := interp.ObjectOf[csvWriter](self)
	if w.dialect.IsNil() || w.write.IsNil() {
		return Value{}, in.Raise(interp.ValueError, "the writer was cleared")
	}
	// Writing may run code that drops the writer: hold what it uses.
	dialect, write := w.dialect, w.write
	interp.IncRef(dialect)
	interp.IncRef(write)
	defer in.DecRef(dialect)
	defer in.DecRef(write)
	d := interp.ObjectOf[csvDialect](dialect)
	it, err := in.Iter(row)
	if err != nil {
		if interp.ErrorIs(err, interp.TypeError) {
			in.DiscardError(err)
			return Value{}, csvError(in, "iterable expected, not "+row.Type().Name)
		}
		return Value{}, err
	}
	defer in.DecRef(it)
	rec := &csvRecord{d: d, lineterm: interp.StrRunes(d.lineterminator)}
	for {
		field, ok, err := in.Next(it)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			break
		}
		quoted := false
		switch d.quoting {
		case csvQuoteNonNumeric:
			num, err := csvIsNumber(in, field)
			if err != nil {
				in.DecRef(field)
				return Value{}, err
			}
			quoted = !num
		case csvQuoteAll:
			quoted = true
		case csvQuoteStrings:
			quoted = interp.IsStr(field)
		case csvQuoteNotNull:
			quoted = !field.IsNone()
		}
		var text []rune
		switch {
		case field.IsNone():
		case interp.IsStr(field):
			text = interp.StrRunes(field)
		default:
			var s Value
			if field.Type().IsSubtype(interp.FloatType) {
				s, err = in.Repr(field)
			} else {
				s, err = in.Str(field)
			}
			if err != nil {
				in.DecRef(field)
				return Value{}, err
			}
			text = interp.StrRunes(s)
			in.DecRef(s)
		}
		in.DecRef(field)
		if err := rec.join(in, text, quoted); err != nil {
			return Value{}, err
		}
	}
	if rec.numFields > 0 && len(rec.rec) == 0 {
		if d.quoting == csvQuoteNone {
			return Value{}, csvError(in, "single empty field record must be quoted")
		}
		rec.numFields--
		if err := rec.join(in, nil, true); err != nil {
			return Value{}, err
		}
	}
	rec.rec = append(rec.rec, rec.lineterm...)
	line, err := in.NewStrRunes(rec.rec)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(line)
	return in.Call(write, []Value{line}, nil)
}

// join appends a field (text, quoted when the quoting style says so) to
// the record: quoted too when it holds a special character the style
// does not escape.
func (r *csvRecord) join(in *interp.Interp, text []rune, quoted bool) error {
	d := r.d
	// First decide whether the field needs quotes, then write it.
	body := make([]rune, 0, len(text)+2)
	for _, c := range text {
		special := c == d.delimiter || c == d.escapechar || c == d.quotechar || slices.Contains(r.lineterm, c)
		if special {
			escape := false
			if d.quoting == csvQuoteNone {
				escape = true
			} else {
				if c == d.quotechar {
					if d.doublequote {
						body = append(body, d.quotechar)
					} else {
						escape = true
					}
				} else if c == d.escapechar {
					escape = true
				}
				if !escape {
					quoted = true
				}
			}
			if escape {
				if d.escapechar == csvNotSet {
					return csvError(in, "need to escape, but no escapechar set")
				}
				body = append(body, d.escapechar)
			}
		}
		body = append(body, c)
	}
	if r.numFields > 0 {
		r.rec = append(r.rec, d.delimiter)
	}
	if quoted {
		r.rec = append(r.rec, d.quotechar)
	}
	r.rec = append(r.rec, body...)
	if quoted {
		r.rec = append(r.rec, d.quotechar)
	}
	r.numFields++
	return nil
}
