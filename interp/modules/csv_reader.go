package modules

import (
	"strconv"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// _csv.reader: the parser's state machine, fed one character at a time
// and an end-of-line mark after each line the iterator gives, as
// CPython's is.

// The parser's states.
const (
	csvStartRecord = iota
	csvStartField
	csvEscapedChar
	csvInField
	csvInQuotedField
	csvEscapeInQuotedField
	csvQuoteInQuotedField
	csvEatCRNL
	csvAfterEscapedCRNL
)

// csvEOL is the mark fed after each line (no character has this value).
const csvEOL rune = -2

// csvReader is a _csv.reader object.
type csvReader struct {
	alloc.Header
	alloc.GCLink
	inputIter Value // owned
	dialect   Value // owned
	fields    Value // the record being parsed, a list (owned)
	state     int
	field     []rune
	numeric   bool // the field being parsed becomes a float (QUOTE_NONNUMERIC)
	lineNum   int64
}

var csvReaderType *interp.Type

// initCsvReaderType makes the type; csv.go's init calls it before binding it.
func initCsvReaderType() {
	csvReaderType = interp.NewType[csvReader](interp.TypeSpec{
		Name:   "reader",
		Module: "_csv",
		Doc:    "CSV reader\n\nReader objects are responsible for reading and parsing tabular data\nin CSV format.\n",
		Dealloc: func(in *interp.Interp, v Value) {
			r := interp.ObjectOf[csvReader](v)
			in.ClearRef(&r.inputIter)
			in.ClearRef(&r.dialect)
			in.ClearRef(&r.fields)
		},
		Traverse: func(v Value, visit func(Value)) {
			r := interp.ObjectOf[csvReader](v)
			visit(r.inputIter)
			visit(r.dialect)
			visit(r.fields)
		},
		Clear: func(in *interp.Interp, v Value) {
			r := interp.ObjectOf[csvReader](v)
			in.ClearRef(&r.inputIter)
			in.ClearRef(&r.dialect)
			in.ClearRef(&r.fields)
		},
		Iter: interp.SelfIter,
		Next: csvReaderNext,
	})
	csvReaderType.AddMember("dialect", "dialect", true)
	csvReaderType.AddGetSet("line_num", func(in *interp.Interp, obj Value) (Value, error) {
		return interp.Int(interp.ObjectOf[csvReader](obj).lineNum), nil
	}, func(in *interp.Interp, obj, value Value) error {
		return in.Raise(interp.AttributeError, "readonly attribute")
	})
}

// csvReaderFunc is reader(iterable, dialect='excel', **fmtparams).
func csvReaderFunc(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	pos, kw, err := csvSplitArgs(in, args, kwnames)
	if err != nil {
		return Value{}, err
	}
	o, err := interp.NewObject[csvReader](in, csvReaderType)
	if err != nil {
		return Value{}, err
	}
	self := interp.ValueOf(o)
	if o.inputIter, err = in.Iter(pos[0]); err != nil {
		in.DecRef(self)
		return Value{}, err
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

// csvReaderNext parses the next record.
func csvReaderNext(in *interp.Interp, v Value) (Value, bool, error) {
	r := interp.ObjectOf[csvReader](v)
	// The iterator may run code that drops the reader's last other
	// reference: hold one while parsing.
	interp.IncRef(v)
	defer in.DecRef(v)
	fields, err := in.NewList()
	if err != nil {
		return Value{}, false, err
	}
	old := r.fields
	r.fields = fields
	in.XDecRef(old)
	r.field = r.field[:0]
	r.state = csvStartRecord
	r.numeric = false
	if r.inputIter.IsNil() || r.dialect.IsNil() {
		return Value{}, false, nil // cleared by the cycle finder
	}
	dialect := r.dialect
	interp.IncRef(dialect)
	defer in.DecRef(dialect)
	d := interp.ObjectOf[csvDialect](dialect)
	for {
		if r.inputIter.IsNil() {
			return Value{}, false, nil
		}
		it := r.inputIter
		interp.IncRef(it)
		line, ok, err := in.Next(it)
		in.DecRef(it)
		if err != nil {
			return Value{}, false, err
		}
		if !ok {
			if len(r.field) != 0 || r.state == csvInQuotedField {
				if d.strict {
					return Value{}, false, csvError(in, "unexpected end of data")
				}
				if err := r.saveField(in); err != nil {
					return Value{}, false, err
				}
				break
			}
			return Value{}, false, nil
		}
		if !interp.IsStr(line) {
			name := line.Type().Name
			in.DecRef(line)
			return Value{}, false, csvError(in, "iterator should return strings, not "+name+" (the file should be opened in text mode)")
		}
		r.lineNum++
		rs := interp.StrRunes(line)
		in.DecRef(line)
		for _, c := range rs {
			if err := r.processChar(in, d, c); err != nil {
				return Value{}, false, err
			}
		}
		if err := r.processChar(in, d, csvEOL); err != nil {
			return Value{}, false, err
		}
		if r.state == csvStartRecord {
			break
		}
	}
	fields = r.fields
	r.fields = Value{}
	return fields, true, nil
}

// addChar appends c to the field being parsed, within the field size
// limit.
func (r *csvReader) addChar(in *interp.Interp, c rune) error {
	if limit := getCsvState(in).fieldLimit; int64(len(r.field)) >= limit {
		return csvError(in, "field larger than field limit ("+strconv.FormatInt(limit, 10)+")")
	}
	r.field = append(r.field, c)
	return nil
}

// saveField ends the field being parsed and appends it to the record.
func (r *csvReader) saveField(in *interp.Interp) error {
	field, err := in.NewStrRunes(r.field)
	r.field = r.field[:0]
	if err != nil {
		return err
	}
	if r.numeric {
		r.numeric = false
		f, err := in.Call(interp.TypeValue(interp.FloatType), []Value{field}, nil)
		in.DecRef(field)
		if err != nil {
			return err
		}
		field = f
	}
	defer in.DecRef(field)
	if r.fields.IsNil() {
		return nil
	}
	return in.Append(interp.AsList(r.fields), field)
}

// endLine ends the record on a line end c (the end-of-line mark, or a
// CR or LF in the line, after which only more of them may follow).
func (r *csvReader) endLine(in *interp.Interp, c rune) error {
	if err := r.saveField(in); err != nil {
		return err
	}
	if c == csvEOL {
		r.state = csvStartRecord
	} else {
		r.state = csvEatCRNL
	}
	return nil
}

// processChar advances the state machine by one character.
func (r *csvReader) processChar(in *interp.Interp, d *csvDialect, c rune) error {
	isEOL := c == '\n' || c == '\r' || c == csvEOL
	switch r.state {
	case csvStartRecord:
		if c == csvEOL {
			return nil // an empty line: an empty record
		}
		if c == '\n' || c == '\r' {
			r.state = csvEatCRNL
			return nil
		}
		r.state = csvStartField
		return r.startField(in, d, c, isEOL)
	case csvStartField:
		return r.startField(in, d, c, isEOL)
	case csvEscapedChar:
		if c == '\n' || c == '\r' {
			if err := r.addChar(in, c); err != nil {
				return err
			}
			r.state = csvAfterEscapedCRNL
			return nil
		}
		if c == csvEOL {
			c = '\n'
		}
		if err := r.addChar(in, c); err != nil {
			return err
		}
		r.state = csvInField
	case csvAfterEscapedCRNL:
		if c == csvEOL {
			return nil
		}
		return r.inField(in, d, c, isEOL)
	case csvInField:
		return r.inField(in, d, c, isEOL)
	case csvInQuotedField:
		switch {
		case c == csvEOL:
		case c == d.escapechar:
			r.state = csvEscapeInQuotedField
		case c == d.quotechar && d.quoting != csvQuoteNone:
			if d.doublequote {
				r.state = csvQuoteInQuotedField
			} else {
				r.state = csvInField
			}
		default:
			return r.addChar(in, c)
		}
	case csvEscapeInQuotedField:
		if c == csvEOL {
			c = '\n'
		}
		if err := r.addChar(in, c); err != nil {
			return err
		}
		r.state = csvInQuotedField
	case csvQuoteInQuotedField:
		switch {
		case d.quoting != csvQuoteNone && c == d.quotechar:
			if err := r.addChar(in, c); err != nil {
				return err
			}
			r.state = csvInQuotedField
		case c == d.delimiter:
			if err := r.saveField(in); err != nil {
				return err
			}
			r.state = csvStartField
		case isEOL:
			return r.endLine(in, c)
		case !d.strict:
			if err := r.addChar(in, c); err != nil {
				return err
			}
			r.state = csvInField
		default:
			return csvError(in, "'"+string(d.delimiter)+"' expected after '"+string(d.quotechar)+"'")
		}
	case csvEatCRNL:
		switch {
		case c == '\n' || c == '\r':
		case c == csvEOL:
			r.state = csvStartRecord
		default:
			return csvError(in, "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?")
		}
	}
	return nil
}

// startField handles c where a field begins.
func (r *csvReader) startField(in *interp.Interp, d *csvDialect, c rune, isEOL bool) error {
	switch {
	case isEOL:
		return r.endLine(in, c)
	case c == d.quotechar && d.quoting != csvQuoteNone:
		r.state = csvInQuotedField
	case c == d.escapechar:
		r.state = csvEscapedChar
	case c == ' ' && d.skipinitialspace:
	case c == d.delimiter:
		return r.saveField(in)
	default:
		if d.quoting == csvQuoteNonNumeric {
			r.numeric = true
		}
		if err := r.addChar(in, c); err != nil {
			return err
		}
		r.state = csvInField
	}
	return nil
}

// inField handles c inside an unquoted field.
func (r *csvReader) inField(in *interp.Interp, d *csvDialect, c rune, isEOL bool) error {
	switch {
	case isEOL:
		return r.endLine(in, c)
	case c == d.escapechar:
		r.state = csvEscapedChar
	case c == d.delimiter:
		if err := r.saveField(in); err != nil {
			return err
		}
		r.state = csvStartField
	default:
		return r.addChar(in, c)
	}
	return nil
}
