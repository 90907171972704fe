package modules

import (
	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The _csv module of CPython 3.12, under the standard library's csv.py:
// the Dialect type (its validation and messages), the dialect registry,
// field_size_limit and the quoting constants. The reader is in
// csv_reader.go, the writer in csv_writer.go.

var csvTable moduleTable

// The quoting styles.
const (
	csvQuoteMinimal = iota
	csvQuoteAll
	csvQuoteNonNumeric
	csvQuoteNone
	csvQuoteStrings
	csvQuoteNotNull
)

// csvNotSet marks a dialect character that is unset (None).
const csvNotSet rune = -1

// csvDialect is a _csv.Dialect: immutable once made.
type csvDialect struct {
	alloc.Header
	delimiter, quotechar, escapechar      rune
	doublequote, skipinitialspace, strict bool
	quoting                               int
	lineterminator                        Value // a str, owned
}

var csvDialectType *interp.Type

// csvState is the module's state in one interpreter.
type csvState struct {
	errorClass Value // _csv.Error, owned
	dialects   Value // the registry, a dict (_csv._dialects), owned
	fieldLimit int64
}

var csvStateKey byte

func getCsvState(in *interp.Interp) *csvState {
	return in.ModuleState(&csvStateKey, func() any { return &csvState{fieldLimit: 128 * 1024} }).(*csvState)
}

// csvError raises _csv.Error(msg).
func csvError(in *interp.Interp, msg string) error {
	return raiseModuleException(in, getCsvState(in).errorClass, interp.ExcType("Exception"), msg)
}

const csvDoc = "CSV parsing and writing.\n\n" +
	"This module implements the reader and writer objects, and the dialects\n" +
	"that describe a CSV format, under the csv module (see PEP 305)."

func init() {
	interp.RegisterModule("_csv", initCsv)
	csvDialectType = interp.NewType[csvDialect](interp.TypeSpec{
		Name:         "Dialect",
		Module:       "_csv",
		Doc:          "CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n",
		Subclassable: true,
		New:          csvDialectNew,
		Dealloc: func(in *interp.Interp, v Value) {
			in.ClearRef(&interp.ObjectOf[csvDialect](v).lineterminator)
		},
	})
	t := csvDialectType
	charAttr := func(name string, get func(d *csvDialect) rune) {
		t.AddGetSet(name, func(in *interp.Interp, obj Value) (Value, error) {
			r := get(interp.ObjectOf[csvDialect](obj))
			if r == csvNotSet {
				return interp.None, nil
			}
			return in.NewStrRunes([]rune{r})
		}, nil)
	}
	boolAttr := func(name string, get func(d *csvDialect) bool) {
		t.AddGetSet(name, func(in *interp.Interp, obj Value) (Value, error) {
			return interp.Bool(get(interp.ObjectOf[csvDialect](obj))), nil
		}, func(in *interp.Interp, obj, value Value) error {
			return in.Raise(interp.AttributeError, "readonly attribute")
		})
	}
	charAttr("delimiter", func(d *csvDialect) rune { return d.delimiter })
	boolAttr("doublequote", func(d *csvDialect) bool { return d.doublequote })
	charAttr("escapechar", func(d *csvDialect) rune { return d.escapechar })
	t.AddGetSet("lineterminator", func(in *interp.Interp, obj Value) (Value, error) {
		v := interp.ObjectOf[csvDialect](obj).lineterminator
		interp.IncRef(v)
		return v, nil
	}, nil)
	charAttr("quotechar", func(d *csvDialect) rune { return d.quotechar })
	t.AddGetSet("quoting", func(in *interp.Interp, obj Value) (Value, error) {
		return interp.Int(int64(interp.ObjectOf[csvDialect](obj).quoting)), nil
	}, nil)
	boolAttr("skipinitialspace", func(d *csvDialect) bool { return d.skipinitialspace })
	boolAttr("strict", func(d *csvDialect) bool { return d.strict })
	t.AddMethod("__reduce_ex__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		return Value{}, in.Raise(interp.TypeError, "cannot pickle '%s' instances", typeName(args[0]))
	})

	initCsvReaderType()
	initCsvWriterType()
	c := &csvTable
	c.typ("Dialect", csvDialectType)
	c.typ("Reader", csvReaderType)
	c.typ("Writer", csvWriterType)
	for i, name := range []string{"QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "QUOTE_STRINGS", "QUOTE_NOTNULL"} {
		c.set(name, interp.Int(int64(i)))
	}
	c.set("__version__", interp.ImmortalStr("1.0"))
	c.set("__doc__", interp.ImmortalStr(csvDoc))
	c.fn("reader", csvReaderFunc)
	c.fn("writer", csvWriterFunc)
	c.fn("register_dialect", csvRegisterDialect)
	c.fn("unregister_dialect", csvUnregisterDialect)
	c.fn("get_dialect", csvGetDialect)
	c.fn("list_dialects", csvListDialects)
	c.fn("field_size_limit", csvFieldSizeLimit)
}

func initCsv(in *interp.Interp, m *interp.Module) error {
	if err := csvTable.fill(in, m); err != nil {
		return err
	}
	st := getCsvState(in)
	if st.errorClass.IsNil() {
		cls, err := newModuleException(in, "_csv", "Error", interp.ExcType("Exception"))
		if err != nil {
			return err
		}
		st.errorClass = cls
	}
	if st.dialects.IsNil() {
		d, err := in.NewDict()
		if err != nil {
			return err
		}
		st.dialects = d
	}
	if err := m.Set(in, "Error", st.errorClass); err != nil {
		return err
	}
	return m.Set(in, "_dialects", st.dialects)
}

// csvDialectParams are Dialect()'s parameters, in order.
var csvDialectParams = []string{"dialect", "delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"}

// csvDialectArgs binds Dialect()'s arguments (all optional, positional
// or keyword) as PyArg_ParseTupleAndKeywords does, with its messages
// for a function without a name.
func csvDialectArgs(in *interp.Interp, args, kwnames []Value) ([]Value, error) {
	out := make([]Value, len(csvDialectParams))
	npos := len(args) - len(kwnames)
	if len(args) > len(out) {
		return nil, in.Raise(interp.TypeError, "function takes at most %d arguments (%d given)", len(out), len(args))
	}
	copy(out, args[:npos])
	for j, k := range kwnames {
		name := k.GoString()
		found := false
		for i, p := range csvDialectParams {
			if p != name {
				continue
			}
			if i < npos {
				return nil, in.Raise(interp.TypeError, "argument for function given by name ('%s') and position (%d)", name, i+1)
			}
			out[i] = args[npos+j]
			found = true
		}
		if !found {
			return nil, in.Raise(interp.TypeError, "'%s' is an invalid keyword argument for this function", name)
		}
	}
	return out, nil
}

// csvDialectNew is Dialect.__new__(cls, dialect=None, **fmtparams): the
// dialect's attributes, overridden by the keywords, checked.
func csvDialectNew(in *interp.Interp, t *interp.Type, args []Value, kwnames []Value) (Value, error) {
	a, err := csvDialectArgs(in, args, kwnames)
	if err != nil {
		return Value{}, err
	}
	base := a[0]
	if !base.IsNil() {
		if interp.IsStr(base) {
			if base, err = csvLookupDialect(in, base); err != nil {
				return Value{}, err
			}
		} else {
			interp.IncRef(base)
		}
		defer in.DecRef(base)
		reuse := interp.IsInstance(base, csvDialectType)
		for _, v := range a[1:] {
			reuse = reuse && v.IsNil()
		}
		if reuse {
			interp.IncRef(base)
			return base, nil
		}
		// Attributes the keywords leave unset come from the dialect; a
		// failing getattr counts as unset, whatever it raised.
		for i := 1; i < len(a); i++ {
			if !a[i].IsNil() {
				continue
			}
			v, err := in.GetAttrString(base, csvDialectParams[i])
			if err != nil {
				in.DiscardError(err)
				continue
			}
			a[i] = v
			defer in.DecRef(v)
		}
	}
	o, err := interp.NewObject[csvDialect](in, t)
	if err != nil {
		return Value{}, err
	}
	self := interp.ValueOf(o)
	if err := csvFillDialect(in, o, a); err != nil {
		in.DecRef(self)
		return Value{}, err
	}
	return self, nil
}

// csvFillDialect converts and checks the dialect's settings a (indexed
// as csvDialectParams; the zero Value for the defaults).
func csvFillDialect(in *interp.Interp, d *csvDialect, a []Value) error {
	var err error
	if d.delimiter, err = csvCharArg(in, "delimiter", a[1], ',', false); err != nil {
		return err
	}
	if d.doublequote, err = csvBoolArg(in, a[2], true); err != nil {
		return err
	}
	if d.escapechar, err = csvCharArg(in, "escapechar", a[3], csvNotSet, true); err != nil {
		return err
	}
	switch lt := a[4]; {
	case lt.IsNil():
		d.lineterminator = interp.ImmortalStr("\r\n")
	case lt.IsNone():
	case !interp.IsStr(lt):
		return in.Raise(interp.TypeError, "\"lineterminator\" must be a string")
	default:
		interp.IncRef(lt)
		d.lineterminator = lt
	}
	if d.quotechar, err = csvCharArg(in, "quotechar", a[5], '"', true); err != nil {
		return err
	}
	d.quoting = csvQuoteMinimal
	if q := a[6]; !q.IsNil() {
		if q.Type() != interp.IntType {
			return in.Raise(interp.TypeError, "\"quoting\" must be an integer")
		}
		n, ok := interp.IntValue(q)
		if !ok || n < -1<<31 || n >= 1<<31 {
			return in.Raise(interp.OverflowError, "Python int too large to convert to C int")
		}
		d.quoting = int(n)
	}
	if d.skipinitialspace, err = csvBoolArg(in, a[7], false); err != nil {
		return err
	}
	if d.strict, err = csvBoolArg(in, a[8], false); err != nil {
		return err
	}
	if d.quoting < csvQuoteMinimal || d.quoting > csvQuoteNotNull {
		return in.Raise(interp.TypeError, "bad \"quoting\" value")
	}
	if d.delimiter == csvNotSet {
		return in.Raise(interp.TypeError, "\"delimiter\" must be a 1-character string")
	}
	if !a[5].IsNil() && a[5].IsNone() && a[6].IsNil() {
		d.quoting = csvQuoteNone
	}
	if d.quoting != csvQuoteNone && d.quotechar == csvNotSet {
		return in.Raise(interp.TypeError, "quotechar must be set if quoting enabled")
	}
	if d.lineterminator.IsNil() {
		return in.Raise(interp.TypeError, "lineterminator must be set")
	}
	return nil
}

// csvCharArg converts a one-character setting (orNone: None unsets it).
func csvCharArg(in *interp.Interp, name string, v Value, def rune, orNone bool) (rune, error) {
	switch {
	case v.IsNil():
		return def, nil
	case orNone && v.IsNone():
		return csvNotSet, nil
	case !interp.IsStr(v) && orNone:
		return 0, in.Raise(interp.TypeError, "\"%s\" must be string or None, not %s", name, typeName(v))
	case !interp.IsStr(v):
		return 0, in.Raise(interp.TypeError, "\"%s\" must be string, not %s", name, typeName(v))
	}
	if interp.StrLen(v) != 1 {
		return 0, in.Raise(interp.TypeError, "\"%s\" must be a 1-character string", name)
	}
	return interp.StrRunes(v)[0], nil
}

// csvBoolArg converts a flag by its truth.
func csvBoolArg(in *interp.Interp, v Value, def bool) (bool, error) {
	if v.IsNil() {
		return def, nil
	}
	return in.Truth(v)
}

// csvCallDialect makes the dialect of a reader or writer: Dialect(dialect,
// **kwargs), dialect being absent when nil.
func csvCallDialect(in *interp.Interp, dialect Value, kwargs []Value, kwnames []Value) (Value, error) {
	args := make([]Value, 0, 1+len(kwargs))
	if !dialect.IsNil() {
		args = append(args, dialect)
	}
	args = append(args, kwargs...)
	return in.Call(interp.TypeValue(csvDialectType), args, kwnames)
}

// csvSplitArgs separates the positional arguments of reader(), writer()
// and register_dialect() (between 1 and 2, checked as PyArg_UnpackTuple
// does for a function without a name) from their keywords.
func csvSplitArgs(in *interp.Interp, args, kwnames []Value) (pos, kw []Value, err error) {
	n := len(args) - len(kwnames)
	switch {
	case n < 1:
		return nil, nil, in.Raise(interp.TypeError, " expected at least 1 argument, got %d", n)
	case n > 2:
		return nil, nil, in.Raise(interp.TypeError, " expected at most 2 arguments, got %d", n)
	}
	return args[:n], args[n:], nil
}

// csvLookupDialect finds the registered dialect name (a new reference).
func csvLookupDialect(in *interp.Interp, name Value) (Value, error) {
	st := getCsvState(in)
	d := interp.AsDict(st.dialects)
	if d == nil {
		return Value{}, csvError(in, "unknown dialect")
	}
	v, ok, err := in.DictGet(d, name)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		return Value{}, csvError(in, "unknown dialect")
	}
	interp.IncRef(v)
	return v, nil
}

func csvRegisterDialect(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	pos, kw, err := csvSplitArgs(in, args, kwnames)
	if err != nil {
		return Value{}, err
	}
	if !interp.IsStr(pos[0]) {
		return Value{}, in.Raise(interp.TypeError, "dialect name must be a string")
	}
	var base Value
	if len(pos) > 1 {
		base = pos[1]
	}
	d, err := csvCallDialect(in, base, kw, kwnames)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(d)
	if err := in.DictSet(interp.AsDict(getCsvState(in).dialects), pos[0], d); err != nil {
		return Value{}, err
	}
	return interp.None, nil
}

var csvNameParams = map[string]*interp.Params{
	"unregister_dialect": {Func: "unregister_dialect", Names: []string{"name"}, Required: 1},
	"get_dialect":        {Func: "get_dialect", Names: []string{"name"}, Required: 1},
}

func csvUnregisterDialect(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var name Value
	if err := in.Unpack(csvNameParams["unregister_dialect"], args, kwnames, &name); err != nil {
		return Value{}, err
	}
	ok, err := in.DictDelete(interp.AsDict(getCsvState(in).dialects), name)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		return Value{}, csvError(in, "unknown dialect")
	}
	return interp.None, nil
}

func csvGetDialect(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var name Value
	if err := in.Unpack(csvNameParams["get_dialect"], args, kwnames, &name); err != nil {
		return Value{}, err
	}
	return csvLookupDialect(in, name)
}

func csvListDialects(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, in.Raise(interp.TypeError, "_csv.list_dialects() takes no keyword arguments")
	}
	if len(args) > 0 {
		return Value{}, in.Raise(interp.TypeError, "_csv.list_dialects() takes no arguments (%d given)", len(args))
	}
	keys, _ := interp.DictItems(interp.AsDict(getCsvState(in).dialects))
	return in.NewList(keys...)
}

var csvLimitParams = interp.Params{Func: "field_size_limit", Names: []string{"new_limit"}}

func csvFieldSizeLimit(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var limit Value
	if err := in.Unpack(&csvLimitParams, args, kwnames, &limit); err != nil {
		return Value{}, err
	}
	st := getCsvState(in)
	old := st.fieldLimit
	if !limit.IsNil() {
		if limit.Type() != interp.IntType {
			return Value{}, in.Raise(interp.TypeError, "limit must be an integer")
		}
		n, ok := interp.IntValue(limit)
		if !ok {
			return Value{}, in.Raise(interp.OverflowError, "Python int too large to convert to C long")
		}
		st.fieldLimit = n
	}
	return interp.Int(old), nil
}
