package modules

//go:generate sh -c "PYENV_VERSION=3.12.1 python3 internal/ucdgen/gen.py > unicodedata_tables.go && gofmt -w unicodedata_tables.go"

import (
	"unicode/utf8"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The unicodedata module of CPython 3.12 (Unicode 15.0.0): its functions,
// which answer for the current version, and the UCD type, whose one
// instance ucd_3_2_0 answers for Unicode 3.2.0 (for the idna codec and
// stringprep). The data is in unicodedata_data.go and the generated
// unicodedata_tables.go, normalization in unicodedata_norm.go.

// ucdObject is a UCD instance: a version of the database.
type ucdObject struct {
	alloc.Header
	v *ucdVersion
}

var ucdType = interp.NewType[ucdObject](interp.TypeSpec{Name: "UCD", Module: "unicodedata"})

const unicodedataDoc = "This module provides access to the Unicode Character Database which\n" +
	"defines character properties for all Unicode characters. The data in\n" +
	"this database is based on the UnicodeData.txt file version\n" +
	"15.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\n" +
	"The module uses the same names and symbols as defined by the\n" +
	"UnicodeData File Format 15.0.0."

var unicodedataTable moduleTable

// ucdFunc is the body of a function of the database, for a version:
// args are its arguments (self removed), already counted.
type ucdFunc func(in *interp.Interp, v *ucdVersion, args []Value) (Value, error)

// defUCD defines name as a module function (for 15.0.0) and a UCD
// method, taking min to max positional arguments; a METH_O function
// (min = max = 1) has the messages of one.
func defUCD(name string, min, max int, fn ucdFunc) {
	check := func(in *interp.Interp, qual string, args, kwnames []Value) error {
		if len(kwnames) > 0 {
			return in.Raise(interp.TypeError, "%s() takes no keyword arguments", qual)
		}
		if min == 1 && max == 1 {
			if len(args) != 1 {
				return in.Raise(interp.TypeError, "%s() takes exactly one argument (%d given)", qual, len(args))
			}
			return nil
		}
		return in.CheckArgCount(name, args, nil, min, max)
	}
	unicodedataTable.fn(name, func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := check(in, "unicodedata."+name, args, kwnames); err != nil {
			return Value{}, err
		}
		return fn(in, ucd15, args)
	})
	ucdType.AddMethod(name, func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := check(in, "UCD."+name, args[1:], kwnames); err != nil {
			return Value{}, err
		}
		return fn(in, interp.ObjectOf[ucdObject](args[0]).v, args[1:])
	})
}

// ucdChar converts the "chr" argument: a str of one code point. which
// is "argument" for a one-argument function, else "argument 1".
func ucdChar(in *interp.Interp, fname, which string, v Value) (rune, error) {
	if interp.IsStr(v) && interp.StrLen(v) == 1 {
		return interp.StrRunes(v)[0], nil
	}
	return 0, in.Raise(interp.TypeError, "%s() %s must be a unicode character, not %s", fname, which, badArgType(v))
}

// badArgType names v's type as CPython's _PyArg_BadArgument does.
func badArgType(v Value) string {
	if v.IsNone() {
		return "None"
	}
	return v.Type().Name
}

// ucdStr converts a str argument of normalize and is_normalized.
func ucdStr(in *interp.Interp, fname string, pos int, v Value) error {
	if !interp.IsStr(v) {
		return in.Raise(interp.TypeError, "%s() argument %d must be str, not %s", fname, pos, badArgType(v))
	}
	return nil
}

// ucdProperty defines a METH_O function of a character's record.
func ucdProperty(name string, get func(in *interp.Interp, rec uint32) (Value, error)) {
	defUCD(name, 1, 1, func(in *interp.Interp, v *ucdVersion, args []Value) (Value, error) {
		r, err := ucdChar(in, name, "argument", args[0])
		if err != nil {
			return Value{}, err
		}
		return get(in, v.record(r))
	})
}

// ucdNumber defines decimal, digit or numeric: the value, else the
// default, else ValueError.
func ucdNumber(name, missing string, get func(nv numericValue) (Value, bool)) {
	defUCD(name, 1, 2, func(in *interp.Interp, v *ucdVersion, args []Value) (Value, error) {
		r, err := ucdChar(in, name, "argument 1", args[0])
		if err != nil {
			return Value{}, err
		}
		if nv, ok := v.numeric(r); ok {
			if x, ok := get(nv); ok {
				return x, nil
			}
		}
		if len(args) > 1 {
			interp.IncRef(args[1])
			return args[1], nil
		}
		return Value{}, in.Raise(interp.ValueError, "%s", missing)
	})
}

func init() {
	unicodedataTable.typ("UCD", ucdType)
	ucdType.AddGetSet("unidata_version", func(in *interp.Interp, obj Value) (Value, error) {
		return in.NewStr(interp.ObjectOf[ucdObject](obj).v.name)
	}, nil)

	ucdNumber("decimal", "not a decimal", func(nv numericValue) (Value, bool) {
		return interp.Int(int64(nv.decimal)), nv.decimal >= 0
	})
	ucdNumber("digit", "not a digit", func(nv numericValue) (Value, bool) {
		return interp.Int(int64(nv.digit)), nv.digit >= 0
	})
	ucdNumber("numeric", "not a numeric character", func(nv numericValue) (Value, bool) {
		return interp.Float(nv.numeric), nv.hasNumeric
	})
	ucdProperty("category", func(in *interp.Interp, rec uint32) (Value, error) {
		return in.NewStr(ucdCategories[recCategory(rec)])
	})
	ucdProperty("bidirectional", func(in *interp.Interp, rec uint32) (Value, error) {
		return in.NewStr(ucdBidiClasses[recBidi(rec)])
	})
	ucdProperty("combining", func(in *interp.Interp, rec uint32) (Value, error) {
		return interp.Int(int64(recCombining(rec))), nil
	})
	ucdProperty("mirrored", func(in *interp.Interp, rec uint32) (Value, error) {
		return interp.Int(int64(recMirrored(rec))), nil
	})
	ucdProperty("east_asian_width", func(in *interp.Interp, rec uint32) (Value, error) {
		return in.NewStr(ucdWidths[recWidth(rec)])
	})
	defUCD("decomposition", 1, 1, func(in *interp.Interp, v *ucdVersion, args []Value) (Value, error) {
		r, err := ucdChar(in, "decomposition", "argument", args[0])
		if err != nil {
			return Value{}, err
		}
		return in.NewStr(v.decomposition(r))
	})
	defUCD("name", 1, 2, func(in *interp.Interp, v *ucdVersion, args []Value) (Value, error) {
		r, err := ucdChar(in, "name", "argument 1", args[0])
		if err != nil {
			return Value{}, err
		}
		if n, ok := v.charName(r); ok {
			return in.NewStr(n)
		}
		if len(args) > 1 {
			interp.IncRef(args[1])
			return args[1], nil
		}
		return Value{}, in.Raise(interp.ValueError, "no such name")
	})
	defUCD("lookup", 1, 1, ucdLookup)
	defUCD("normalize", 2, 2, func(in *interp.Interp, v *ucdVersion, args []Value) (Value, error) {
		f, rs, err := normalizeArgs(in, "normalize", args)
		if err != nil {
			return Value{}, err
		}
		if len(rs) == 0 || v.quickCheck(rs, f, true) == qcYes {
			interp.IncRef(args[1])
			return args[1], nil
		}
		return in.NewStrRunes(v.normalize(rs, f))
	})
	defUCD("is_normalized", 2, 2, func(in *interp.Interp, v *ucdVersion, args []Value) (Value, error) {
		f, rs, err := normalizeArgs(in, "is_normalized", args)
		if err != nil {
			return Value{}, err
		}
		if len(rs) == 0 {
			return interp.True, nil
		}
		switch v.quickCheck(rs, f, false) {
		case qcYes:
			return interp.True, nil
		case qcNo:
			return interp.False, nil
		}
		return interp.Bool(equalRunes(v.normalize(rs, f), rs)), nil
	})
}

// normalizeArgs checks the (form, unistr) arguments.
func normalizeArgs(in *interp.Interp, fname string, args []Value) (normForm, []rune, error) {
	if err := ucdStr(in, fname, 1, args[0]); err != nil {
		return 0, nil, err
	}
	if err := ucdStr(in, fname, 2, args[1]); err != nil {
		return 0, nil, err
	}
	f, ok := parseForm(args[0].GoString())
	if !ok {
		return 0, nil, in.Raise(interp.ValueError, "invalid normalization form")
	}
	return f, interp.StrRunes(args[1]), nil
}

func equalRunes(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// ucdLookup is lookup(name): name is a str (as UTF-8) or bytes.
func ucdLookup(in *interp.Interp, v *ucdVersion, args []Value) (Value, error) {
	arg := args[0]
	var name string
	switch {
	case interp.IsStr(arg):
		rs := interp.StrRunes(arg)
		for i, r := range rs {
			if r >= 0xD800 && r <= 0xDFFF {
				return Value{}, in.NewUnicodeError(interp.ExcType("UnicodeEncodeError"), "utf-8", arg, i, i+1, "surrogates not allowed")
			}
		}
		name = string(rs)
	case interp.IsBytes(arg):
		b, _ := interp.BufferBytes(arg)
		name = string(b)
	default:
		if _, ok := interp.BufferBytes(arg); ok {
			return Value{}, in.Raise(interp.TypeError, "lookup() argument must be read-only bytes-like object, not %s", badArgType(arg))
		}
		return Value{}, in.Raise(interp.TypeError, "a bytes-like object is required, not '%s'", arg.Type().Name)
	}
	if len(name) > 256 {
		return Value{}, in.Raise(interp.KeyError, "name too long")
	}
	if rs := v.lookupName(name); rs != nil {
		return in.NewStrRunes(rs)
	}
	return Value{}, in.Raise(interp.KeyError, "undefined character name '%s'", cStringText(name))
}

// cStringText is what PyUnicode_FromFormat's %s makes of C string s: up
// to its first NUL, decoded from UTF-8 with each bad sequence replaced.
func cStringText(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == 0 {
			b = b[:i]
			break
		}
	}
	var out []byte
	for len(b) > 0 {
		n, size, _, incomplete := interp.UTF8Sequence(b)
		if n > 0 {
			out = append(out, b[:n]...)
			b = b[n:]
			continue
		}
		if incomplete {
			size = len(b)
		}
		out = utf8.AppendRune(out, utf8.RuneError)
		b = b[max(size, 1):]
	}
	return string(out)
}

// initUnicodedata fills a new unicodedata module.
func initUnicodedata(in *interp.Interp, m *interp.Module) error {
	if err := unicodedataTable.fill(in, m); err != nil {
		return err
	}
	for _, kv := range []struct{ name, value string }{{"__doc__", unicodedataDoc}, {"unidata_version", ucd15.name}} {
		s, err := in.NewStr(kv.value)
		if err != nil {
			return err
		}
		err = m.Set(in, kv.name, s)
		in.DecRef(s)
		if err != nil {
			return err
		}
	}
	o, err := interp.NewObject[ucdObject](in, ucdType)
	if err != nil {
		return err
	}
	o.v = ucd32
	u := interp.ValueOf(o)
	defer in.DecRef(u)
	return m.Set(in, "ucd_3_2_0", u)
}

func init() { interp.RegisterModule("unicodedata", initUnicodedata) }
