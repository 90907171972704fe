package modules

import (
	"fmt"
	"math"

	"github.com/parallel-py/parallel/interp"
)

// The _struct module of CPython 3.12, which Lib/struct.py re-exports:
// the format compiler and its cache, the module-level functions and
// struct.error (this file); the packing and unpacking of items
// (struct_codec.go); the Struct type and unpack_iterator
// (struct_type.go). Sizes, alignments and byte order are x86-64
// Linux's for the native formats ('@').

var structTable moduleTable

func init() { interp.RegisterModule("_struct", initStruct) }

// structState is an interpreter's _struct state: its struct.error class
// and its cache of compiled formats (the formats are plain Go data).
type structState struct {
	errClass Value // owned
	cache    map[string]*structFormat
}

// structMaxCache is the size at which the cache is emptied, as
// CPython's MAXCACHE.
const structMaxCache = 100

var structStateKey byte

func getStructState(in *interp.Interp) *structState {
	return in.ModuleState(&structStateKey, func() any {
		return &structState{cache: map[string]*structFormat{}}
	}).(*structState)
}

func initStruct(in *interp.Interp, m *interp.Module) error {
	if err := structTable.fill(in, m); err != nil {
		return err
	}
	st := getStructState(in)
	if st.errClass.IsNil() {
		cls, err := newExceptionClass(in, "error", "struct")
		if err != nil {
			return err
		}
		st.errClass = cls
	}
	return m.Set(in, "error", st.errClass)
}

// structError raises struct.error with the formatted message.
func structError(in *interp.Interp, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	st := getStructState(in)
	if st.errClass.IsNil() {
		return in.Raise(interp.RuntimeError, "%s", msg)
	}
	m, err := in.NewStr(msg)
	if err != nil {
		return err
	}
	defer in.DecRef(m)
	e, err := in.Call(st.errClass, []Value{m}, nil)
	if err != nil {
		return err
	}
	defer in.DecRef(e)
	return in.RaiseValue(e)
}

// structCode is one run of items of a compiled format: repeat items of
// the format character c, each size bytes, from offset on; for 's' and
// 'p' one item of size bytes.
type structCode struct {
	c                    byte
	offset, size, repeat int
}

// structFormat is a compiled format. A Struct made by __new__ alone has
// size and nitems -1 and no codes, as CPython's does.
type structFormat struct {
	format string // the format's bytes
	native bool   // '@': native sizes and alignment
	big    bool   // big-endian items
	size   int
	nitems int
	codes  []structCode
}

// structUninit is the format of a Struct not yet initialized.
var structUninit = &structFormat{native: true, size: -1, nitems: -1}

// structSizes holds a format character's size and alignment.
type structSizes struct{ size, align int }

// structNative and structStd are the native (x86-64 Linux) and the
// standard sizes; the standard formats have no 'n', 'N' or 'P' and no
// alignment.
var (
	structNative = map[byte]structSizes{
		'x': {1, 1}, 'c': {1, 1}, 'b': {1, 1}, 'B': {1, 1}, '?': {1, 1},
		'h': {2, 2}, 'H': {2, 2}, 'i': {4, 4}, 'I': {4, 4}, 'l': {8, 8}, 'L': {8, 8},
		'q': {8, 8}, 'Q': {8, 8}, 'n': {8, 8}, 'N': {8, 8}, 'e': {2, 2}, 'f': {4, 4},
		'd': {8, 8}, 's': {1, 1}, 'p': {1, 1}, 'P': {8, 8},
	}
	structStd = map[byte]structSizes{
		'x': {1, 1}, 'c': {1, 1}, 'b': {1, 1}, 'B': {1, 1}, '?': {1, 1},
		'h': {2, 1}, 'H': {2, 1}, 'i': {4, 1}, 'I': {4, 1}, 'l': {4, 1}, 'L': {4, 1},
		'q': {8, 1}, 'Q': {8, 1}, 'e': {2, 1}, 'f': {4, 1}, 'd': {8, 1}, 's': {1, 1}, 'p': {1, 1},
	}
)

// isCSpace is C's isspace in the C locale.
func isCSpace(c byte) bool { return c == ' ' || c >= '\t' && c <= '\r' }

// compileStructFormat compiles a format as CPython's prepare_s does,
// with its struct.error messages.
func compileStructFormat(in *interp.Interp, format string) (*structFormat, error) {
	for i := 0; i < len(format); i++ {
		if format[i] == 0 {
			return nil, structError(in, "embedded null character")
		}
	}
	f := &structFormat{format: format, native: true}
	s := format
	if len(s) > 0 {
		switch s[0] {
		case '@':
			s = s[1:]
		case '=', '<':
			f.native, s = false, s[1:]
		case '>', '!':
			f.native, f.big, s = false, true, s[1:]
		}
	}
	table := structNative
	if !f.native {
		table = structStd
	}
	tooLong := func() error { return structError(in, "total struct size too long") }
	size, nitems := 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		i++
		if isCSpace(c) {
			continue
		}
		num := 1
		if c >= '0' && c <= '9' {
			num = int(c - '0')
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				d := int(s[i] - '0')
				if num > (math.MaxInt-d)/10 {
					return nil, tooLong()
				}
				num = num*10 + d
				i++
			}
			if i >= len(s) {
				return nil, structError(in, "repeat count given without format specifier")
			}
			c = s[i]
			i++
		}
		sz, ok := table[c]
		if !ok {
			return nil, structError(in, "bad char in struct format")
		}
		if sz.align > 1 && size > 0 {
			extra := (sz.align - 1) - (size-1)%sz.align
			if extra > math.MaxInt-size {
				return nil, tooLong()
			}
			size += extra
		}
		if num > (math.MaxInt-size)/sz.size {
			return nil, tooLong()
		}
		switch c {
		case 's', 'p':
			nitems++
			f.codes = append(f.codes, structCode{c: c, offset: size, size: num, repeat: 1})
		case 'x':
		default:
			if num > 0 {
				nitems += num
				f.codes = append(f.codes, structCode{c: c, offset: size, size: sz.size, repeat: num})
			}
		}
		size += num * sz.size
	}
	f.size, f.nitems = size, nitems
	return f, nil
}

// structFormatBytes returns the bytes of a format given as a str (which
// must be ASCII) or bytes; ok is false for other types.
func structFormatBytes(in *interp.Interp, v Value) (format string, ok bool, err error) {
	switch {
	case interp.IsStr(v):
		s := v.GoString()
		if interp.IsASCII(v) {
			return s, true, nil
		}
		rs := interp.StrRunes(v)
		i := 0
		for i < len(rs) && rs[i] < 0x80 {
			i++
		}
		j := i
		for j < len(rs) && rs[j] >= 0x80 {
			j++
		}
		return "", true, in.NewUnicodeError(interp.ExcType("UnicodeEncodeError"), "ascii", v, i, j, "ordinal not in range(128)")
	case interp.IsBytes(v):
		b, _ := interp.BufferBytes(v)
		return string(b), true, nil
	}
	return "", false, nil
}

// structFormatArg is the format argument of the module's functions
// (CPython's cache_struct_converter): compiled once per interpreter.
func structFormatArg(in *interp.Interp, v Value) (*structFormat, error) {
	format, ok, err := structFormatBytes(in, v)
	if err != nil {
		return nil, err
	}
	if !ok {
		// The cache lookup hashes the argument before Struct() rejects it.
		if _, err := in.Hash(v); err != nil {
			return nil, err
		}
		return nil, in.Raise(interp.TypeError, "Struct() argument 1 must be a str or bytes object, not %s", v.Type().Name)
	}
	st := getStructState(in)
	if f := st.cache[format]; f != nil {
		return f, nil
	}
	f, err := compileStructFormat(in, format)
	if err != nil {
		return nil, err
	}
	if len(st.cache) >= structMaxCache {
		clear(st.cache)
	}
	st.cache[format] = f
	return f, nil
}

// structPackNew packs args into a new bytes object.
func structPackNew(in *interp.Interp, f *structFormat, args []Value) (Value, error) {
	if len(args) != f.nitems {
		return Value{}, structError(in, "pack expected %d items for packing (got %d)", f.nitems, len(args))
	}
	buf := make([]byte, f.size)
	if err := f.pack(in, buf, args); err != nil {
		return Value{}, err
	}
	return in.NewBytes(buf)
}

// structPackInto is pack_into(buffer, offset, *items) with args
// holding buffer, offset and the items.
func structPackInto(in *interp.Interp, f *structFormat, args []Value) (Value, error) {
	if len(args) != f.nitems+2 {
		switch len(args) {
		case 0:
			return Value{}, structError(in, "pack_into expected buffer argument")
		case 1:
			return Value{}, structError(in, "pack_into expected offset argument")
		}
		return Value{}, structError(in, "pack_into expected %d items for packing (got %d)", f.nitems, len(args)-2)
	}
	buf, err := in.BufferWritable(args[0])
	if err != nil {
		return Value{}, err
	}
	offset, err := indexSizedOr(in, args[1], interp.IndexError)
	if err != nil {
		return Value{}, err
	}
	if buf, err = in.BufferWritable(args[0]); err != nil { // __index__ ran code
		return Value{}, err
	}
	if offset < 0 {
		if offset+f.size > 0 {
			return Value{}, structError(in, "no space to pack %d bytes at offset %d", f.size, offset)
		}
		if offset+len(buf) < 0 {
			return Value{}, structError(in, "offset %d out of range for %d-byte buffer", offset, len(buf))
		}
		offset += len(buf)
	}
	tooSmall := func(n int) error {
		return structError(in, "pack_into requires a buffer of at least %d bytes for packing %d bytes at offset %d (actual buffer size is %d)", f.size+offset, f.size, offset, n)
	}
	if len(buf)-offset < f.size {
		return Value{}, tooSmall(len(buf))
	}
	// Packing may run code (__index__, __bool__): pack into a scratch
	// buffer, then copy it into the target's buffer as it is then.
	tmp := make([]byte, f.size)
	if err := f.pack(in, tmp, args[2:]); err != nil {
		return Value{}, err
	}
	if buf, err = in.BufferWritable(args[0]); err != nil {
		return Value{}, err
	}
	if len(buf)-offset < f.size {
		return Value{}, tooSmall(len(buf))
	}
	copy(buf[offset:], tmp)
	return interp.None, nil
}

// indexSizedOr is PyNumber_AsSsize_t(v, exc): an int through __index__,
// exc "cannot fit 'int' into an index-sized integer" when too large.
func indexSizedOr(in *interp.Interp, v Value, exc *interp.Type) (int, error) {
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	n, ok := interp.IntValue(i)
	in.DecRef(i)
	if !ok {
		return 0, in.Raise(exc, "cannot fit 'int' into an index-sized integer")
	}
	return int(n), nil
}

// structUnpack unpacks a buffer of exactly the format's size.
func structUnpack(in *interp.Interp, f *structFormat, buffer Value) (Value, error) {
	b, err := in.BufferSimple(buffer)
	if err != nil {
		return Value{}, err
	}
	if len(b) != f.size {
		return Value{}, structError(in, "unpack requires a buffer of %d bytes", f.size)
	}
	return f.unpack(in, b)
}

// structUnpackFrom unpacks from buffer at offset.
func structUnpackFrom(in *interp.Interp, f *structFormat, buffer, offsetv Value) (Value, error) {
	offset := 0
	if !offsetv.IsNil() {
		var err error
		if offset, err = in.AsSsize(offsetv); err != nil {
			return Value{}, err
		}
	}
	b, err := in.BufferSimple(buffer)
	if err != nil {
		return Value{}, err
	}
	if offset < 0 {
		if offset+f.size > 0 {
			return Value{}, structError(in, "not enough data to unpack %d bytes at offset %d", f.size, offset)
		}
		if offset+len(b) < 0 {
			return Value{}, structError(in, "offset %d out of range for %d-byte buffer", offset, len(b))
		}
		offset += len(b)
	}
	if len(b)-offset < f.size {
		return Value{}, structError(in, "unpack_from requires a buffer of at least %d bytes for unpacking %d bytes at offset %d (actual buffer size is %d)", f.size+offset, f.size, offset, len(b))
	}
	return f.unpack(in, b[offset:offset+max(f.size, 0)])
}

var unpackFromParams = interp.Params{Func: "unpack_from", Names: []string{"format", "buffer", "offset"}, PosOnly: 1, Required: 2}

func init() {
	structTable.set("__doc__", interp.ImmortalStr(structDoc))
	structTable.fn("pack", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.NoKeywords("_struct.pack", kwnames); err != nil {
			return Value{}, err
		}
		if len(args) == 0 {
			return Value{}, in.Raise(interp.TypeError, "missing format argument")
		}
		f, err := structFormatArg(in, args[0])
		if err != nil {
			return Value{}, err
		}
		return structPackNew(in, f, args[1:])
	})
	structTable.fn("pack_into", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.NoKeywords("_struct.pack_into", kwnames); err != nil {
			return Value{}, err
		}
		if len(args) == 0 {
			return Value{}, in.Raise(interp.TypeError, "missing format argument")
		}
		f, err := structFormatArg(in, args[0])
		if err != nil {
			return Value{}, err
		}
		return structPackInto(in, f, args[1:])
	})
	structTable.fn("unpack", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.CheckArgCount("unpack", args, kwnames, 2, 2); err != nil {
			return Value{}, err
		}
		f, err := structFormatArg(in, args[0])
		if err != nil {
			return Value{}, err
		}
		return structUnpack(in, f, args[1])
	})
	structTable.fn("unpack_from", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		var format, buffer, offset Value
		if err := in.Unpack(&unpackFromParams, args, kwnames, &format, &buffer, &offset); err != nil {
			return Value{}, err
		}
		f, err := structFormatArg(in, format)
		if err != nil {
			return Value{}, err
		}
		return structUnpackFrom(in, f, buffer, offset)
	})
	structTable.fn("iter_unpack", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.CheckArgCount("iter_unpack", args, kwnames, 2, 2); err != nil {
			return Value{}, err
		}
		f, err := structFormatArg(in, args[0])
		if err != nil {
			return Value{}, err
		}
		s, err := newStructObject(in, f)
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(s)
		return newUnpackIter(in, s, args[1])
	})
	structTable.fn("calcsize", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.NoKeywords("_struct.calcsize", kwnames); err != nil {
			return Value{}, err
		}
		if len(args) != 1 {
			return Value{}, in.Raise(interp.TypeError, "_struct.calcsize() takes exactly one argument (%d given)", len(args))
		}
		f, err := structFormatArg(in, args[0])
		if err != nil {
			return Value{}, err
		}
		return interp.Int(int64(f.size)), nil
	})
	structTable.fn("_clearcache", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.NoKeywords("_struct._clearcache", kwnames); err != nil {
			return Value{}, err
		}
		if len(args) > 0 {
			return Value{}, in.Raise(interp.TypeError, "_struct._clearcache() takes no arguments (%d given)", len(args))
		}
		clear(getStructState(in).cache)
		return interp.None, nil
	})
}

const structDoc = "Functions to convert between Python values and C structs.\n" +
	"Python bytes objects are used to hold the data representing the C struct\n" +
	"and also as format strings (explained below) to describe the layout of data\n" +
	"in the C struct.\n" +
	"\n" +
	"The optional first format char indicates byte order, size and alignment:\n" +
	"  @: native order, size & alignment (default)\n" +
	"  =: native order, std. size & alignment\n" +
	"  <: little-endian, std. size & alignment\n" +
	"  >: big-endian, std. size & alignment\n" +
	"  !: same as >\n" +
	"\n" +
	"The remaining chars indicate types of args and must match exactly;\n" +
	"these can be preceded by a decimal repeat count:\n" +
	"  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;\n" +
	"  ?: _Bool (requires C99; if not available, char is used instead)\n" +
	"  h:short; H:unsigned short; i:int; I:unsigned int;\n" +
	"  l:long; L:unsigned long; f:float; d:double; e:half-float.\n" +
	"Special cases (preceding decimal count indicates length):\n" +
	"  s:string (array of char); p: pascal string (with count byte).\n" +
	"Special cases (only available in native format):\n" +
	"  n:ssize_t; N:size_t;\n" +
	"  P:an integer type that is wide enough to hold a pointer.\n" +
	"Special case (not in native mode unless 'long long' in platform C):\n" +
	"  q:long long; Q:unsigned long long\n" +
	"Whitespace between formats is ignored.\n" +
	"\n" +
	"The variable struct.error is an exception raised on errors.\n"
