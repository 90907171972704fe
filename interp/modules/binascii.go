package modules

import (
	"hash/crc32"
	"math/big"
	"strconv"

	"github.com/parallel-py/parallel/interp"
)

// The binascii module of CPython 3.12, which base64, uu, quopri,
// zipfile and others import: hexadecimal, base64 and CRC here;
// quoted-printable and uuencode in binascii_text.go. This file also has
// the argument converters the zlib and hash modules share.

var binasciiTable moduleTable

func init() {
	interp.RegisterModule("binascii", initBinascii)
	binasciiTable.set("__doc__", interp.ImmortalStr("Conversion between binary data and ASCII"))
	binasciiTable.fn("hexlify", binasciiHexlify("hexlify"))
	binasciiTable.fn("b2a_hex", binasciiHexlify("b2a_hex"))
	binasciiTable.fn("unhexlify", binasciiUnhexlify("unhexlify"))
	binasciiTable.fn("a2b_hex", binasciiUnhexlify("a2b_hex"))
	binasciiTable.fn("b2a_base64", binasciiB2aBase64)
	binasciiTable.fn("a2b_base64", binasciiA2bBase64)
	binasciiTable.fn("crc32", binasciiCrc32)
	binasciiTable.fn("crc_hqx", binasciiCrcHqx)
	binasciiTable.fn("b2a_qp", binasciiB2aQp)
	binasciiTable.fn("a2b_qp", binasciiA2bQp)
	binasciiTable.fn("b2a_uu", binasciiB2aUu)
	binasciiTable.fn("a2b_uu", binasciiA2bUu)
}

// binasciiState holds an interpreter's binascii.Error and Incomplete.
type binasciiState struct {
	errorClass, incompleteClass Value // owned
}

var binasciiStateKey byte

func getBinasciiState(in *interp.Interp) *binasciiState {
	return in.ModuleState(&binasciiStateKey, func() any { return &binasciiState{} }).(*binasciiState)
}

func initBinascii(in *interp.Interp, m *interp.Module) error {
	if err := binasciiTable.fill(in, m); err != nil {
		return err
	}
	st := getBinasciiState(in)
	if st.errorClass.IsNil() {
		cls, err := newModuleException(in, "binascii", "Error", interp.ValueError)
		if err != nil {
			return err
		}
		st.errorClass = cls
	}
	if st.incompleteClass.IsNil() {
		cls, err := newModuleException(in, "binascii", "Incomplete", interp.ExcType("Exception"))
		if err != nil {
			return err
		}
		st.incompleteClass = cls
	}
	if err := m.Set(in, "Error", st.errorClass); err != nil {
		return err
	}
	return m.Set(in, "Incomplete", st.incompleteClass)
}

// binasciiError raises binascii.Error(msg).
func binasciiError(in *interp.Interp, msg string) error {
	return raiseModuleException(in, getBinasciiState(in).errorClass, interp.ValueError, msg)
}

// newModuleException makes class name(base) with __module__ module, as
// PyErr_NewException does for a C module's exceptions.
func newModuleException(in *interp.Interp, module, name string, base *interp.Type) (Value, error) {
	n, err := in.NewStr(name)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(n)
	bases, err := in.NewTuple(interp.TypeValue(base))
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(bases)
	ns, err := in.NewDict()
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(ns)
	mod, err := in.NewStr(module)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(mod)
	if err := in.DictSet(interp.AsDict(ns), interp.ImmortalStr("__module__"), mod); err != nil {
		return Value{}, err
	}
	return in.Call(interp.TypeValue(interp.TypeType), []Value{n, bases, ns}, nil)
}

// raiseModuleException raises cls(msg); fallback serves when the module
// was never imported in this interpreter (its functions were reached
// another way).
func raiseModuleException(in *interp.Interp, cls Value, fallback *interp.Type, msg string) error {
	if cls.IsNil() {
		return in.Raise(fallback, "%s", msg)
	}
	m, err := in.NewStr(msg)
	if err != nil {
		return err
	}
	defer in.DecRef(m)
	e, err := in.Call(cls, []Value{m}, nil)
	if err != nil {
		return err
	}
	defer in.DecRef(e)
	return in.RaiseValue(e)
}

// Argument converters shared by binascii, zlib and the hash modules.

// bytesLikeArg is the Py_buffer converter: the bytes of a bytes-like
// object (borrowed: use them before running Python code).
func bytesLikeArg(in *interp.Interp, v Value) ([]byte, error) {
	b, ok, err := simpleBuffer(in, v)
	if err != nil || ok {
		return b, err
	}
	return nil, in.Raise(interp.TypeError, "a bytes-like object is required, not '%s'", v.Type().Name)
}

// simpleBuffer is a PyBUF_SIMPLE request: ok is false when v has no
// buffer; a strided memoryview has one but cannot give it this way.
func simpleBuffer(in *interp.Interp, v Value) ([]byte, bool, error) {
	b, ok := interp.BufferBytes(v)
	if !ok || v.Type().Name != "memoryview" {
		return b, ok, nil
	}
	c, err := in.GetAttrString(v, "c_contiguous")
	if err != nil {
		return nil, false, err
	}
	defer in.DecRef(c)
	if c.IsBool() && !c.BoolValue() {
		return nil, false, in.Raise(interp.ExcType("BufferError"), "memoryview: underlying buffer is not C-contiguous")
	}
	return b, true, nil
}

// asciiArg is binascii's ascii_buffer converter: a bytes-like object,
// or a str of ASCII characters only.
func asciiArg(in *interp.Interp, v Value) ([]byte, error) {
	if interp.IsStr(v) {
		if !interp.IsASCII(v) {
			return nil, in.Raise(interp.ValueError, "string argument should contain only ASCII characters")
		}
		return []byte(v.GoString()), nil
	}
	b, ok, err := simpleBuffer(in, v)
	if err != nil && interp.ErrorIs(err, interp.ExcType("BufferError")) {
		// A buffer that fails the request counts as none here.
		in.DiscardError(err)
		ok, err = false, nil
	}
	if err != nil || ok {
		return b, err
	}
	return nil, in.Raise(interp.TypeError, "argument should be bytes, buffer or ASCII string, not '%s'", v.Type().Name)
}

// cIntArg is the "i" converter: an int (through __index__) that fits a
// C int.
func cIntArg(in *interp.Interp, v Value) (int, error) {
	iv, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(iv)
	n, ok := interp.IntValue(iv)
	if !ok || n < -1<<31 || n >= 1<<31 {
		return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C int")
	}
	return int(n), nil
}

// uint32MaskArg is the "unsigned int, bitwise" converter: any int,
// reduced modulo 2**32.
func uint32MaskArg(in *interp.Interp, v Value) (uint32, error) {
	iv, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(iv)
	if n, ok := interp.IntValue(iv); ok {
		return uint32(n), nil
	}
	b := interp.BigIntOf(iv)
	return uint32(b.And(b, big.NewInt(0xffffffff)).Uint64()), nil
}

// truthArg is the "p" converter: the truth of v, or def when v was not
// given.
func truthArg(in *interp.Interp, v Value, def bool) (bool, error) {
	if v.IsNil() {
		return def, nil
	}
	return in.Truth(v)
}

// oneArgFunc checks the call of a module function taking exactly one
// positional argument (METH_O); qual is "binascii.a2b_uu".
func oneArgFunc(in *interp.Interp, qual string, args, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "%s() takes no keyword arguments", qual)
	}
	if len(args) != 1 {
		return in.Raise(interp.TypeError, "%s() takes exactly one argument (%d given)", qual, len(args))
	}
	return nil
}

// Hexadecimal.

const hexDigitsLower = "0123456789abcdef"

func binasciiHexlify(name string) interp.BuiltinFunc {
	params := &interp.Params{Func: name, Names: []string{"data", "sep", "bytes_per_sep"}, Required: 1}
	return func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		var dataArg, sepArg, perArg Value
		if err := in.Unpack(params, args, kwnames, &dataArg, &sepArg, &perArg); err != nil {
			return Value{}, err
		}
		data, err := bytesLikeArg(in, dataArg)
		if err != nil {
			return Value{}, err
		}
		per := 1
		if !perArg.IsNil() {
			if per, err = cIntArg(in, perArg); err != nil {
				return Value{}, err
			}
		}
		if sepArg.IsNil() {
			return in.NewBytes(hexWithSep(data, 0, 0))
		}
		sep, err := hexSepChar(in, sepArg)
		if err != nil {
			return Value{}, err
		}
		return in.NewBytes(hexWithSep(data, sep, per))
	}
}

// hexSepChar checks hexlify's sep: one character, str or bytes.
func hexSepChar(in *interp.Interp, sep Value) (byte, error) {
	n, err := in.Len(sep)
	if err != nil {
		return 0, err
	}
	if n != 1 {
		return 0, in.Raise(interp.ValueError, "sep must be length 1.")
	}
	switch {
	case interp.IsStr(sep):
		rs := interp.StrRunes(sep)
		if rs[0] > 0xff {
			return 0, in.Raise(interp.ValueError, "sep must be ASCII.")
		}
		return byte(rs[0]), nil
	case interp.IsBytes(sep):
		b, _ := interp.BufferBytes(sep)
		return b[0], nil
	}
	return 0, in.Raise(interp.TypeError, "sep must be str or bytes.")
}

// hexWithSep writes data in lower-case hex with sep between groups of
// per bytes, counted from the right (per > 0) or the left (per < 0);
// per 0 means no separator.
func hexWithSep(data []byte, sep byte, per int) []byte {
	abs := max(per, -per)
	out := make([]byte, 0, 3*len(data))
	for i, c := range data {
		if i > 0 && (per > 0 && (len(data)-i)%abs == 0 || per < 0 && i%abs == 0) {
			out = append(out, sep)
		}
		out = append(out, hexDigitsLower[c>>4], hexDigitsLower[c&15])
	}
	return out
}

func binasciiUnhexlify(name string) interp.BuiltinFunc {
	qual := "binascii." + name
	return func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := oneArgFunc(in, qual, args, kwnames); err != nil {
			return Value{}, err
		}
		data, err := asciiArg(in, args[0])
		if err != nil {
			return Value{}, err
		}
		if len(data)%2 != 0 {
			return Value{}, binasciiError(in, "Odd-length string")
		}
		out := make([]byte, len(data)/2)
		for i := range out {
			hi, lo := hexDigitValue(data[2*i]), hexDigitValue(data[2*i+1])
			if hi < 0 || lo < 0 {
				return Value{}, binasciiError(in, "Non-hexadecimal digit found")
			}
			out[i] = byte(hi<<4 | lo)
		}
		return in.NewBytes(out)
	}
}

// hexDigitValue is the value of a hex digit, or -1.
func hexDigitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// Base64.

const base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// base64Values maps a character to its value, or 0xff.
var base64Values = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for i := 0; i < 64; i++ {
		t[base64Alphabet[i]] = byte(i)
	}
	return t
}()

var b2aBase64Params = interp.Params{Func: "b2a_base64", Names: []string{"data", "newline"}, PosOnly: 1, KwOnly: 1, Required: 1}

func binasciiB2aBase64(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var dataArg, nlArg Value
	if err := in.Unpack(&b2aBase64Params, args, kwnames, &dataArg, &nlArg); err != nil {
		return Value{}, err
	}
	data, err := bytesLikeArg(in, dataArg)
	if err != nil {
		return Value{}, err
	}
	newline, err := truthArg(in, nlArg, true)
	if err != nil {
		return Value{}, err
	}
	out := make([]byte, 0, (len(data)+2)/3*4+1)
	for len(data) >= 3 {
		v := uint(data[0])<<16 | uint(data[1])<<8 | uint(data[2])
		out = append(out, base64Alphabet[v>>18], base64Alphabet[v>>12&63], base64Alphabet[v>>6&63], base64Alphabet[v&63])
		data = data[3:]
	}
	switch len(data) {
	case 1:
		v := uint(data[0]) << 16
		out = append(out, base64Alphabet[v>>18], base64Alphabet[v>>12&63], '=', '=')
	case 2:
		v := uint(data[0])<<16 | uint(data[1])<<8
		out = append(out, base64Alphabet[v>>18], base64Alphabet[v>>12&63], base64Alphabet[v>>6&63], '=')
	}
	if newline {
		out = append(out, '\n')
	}
	return in.NewBytes(out)
}

var a2bBase64Params = interp.Params{Func: "a2b_base64", Names: []string{"data", "strict_mode"}, PosOnly: 1, KwOnly: 1, Required: 1}

func binasciiA2bBase64(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var dataArg, strictArg Value
	if err := in.Unpack(&a2bBase64Params, args, kwnames, &dataArg, &strictArg); err != nil {
		return Value{}, err
	}
	data, err := asciiArg(in, dataArg)
	if err != nil {
		return Value{}, err
	}
	strict, err := truthArg(in, strictArg, false)
	if err != nil {
		return Value{}, err
	}
	out, msg := decodeBase64(data, strict)
	if msg != "" {
		return Value{}, binasciiError(in, msg)
	}
	return in.NewBytes(out)
}

// decodeBase64 decodes as binascii does: outside strict mode it skips
// characters outside the alphabet and stops at the padding that ends
// a quad; msg is the binascii.Error message of bad input.
func decodeBase64(data []byte, strict bool) (out []byte, msg string) {
	if strict && len(data) > 0 && data[0] == '=' {
		return nil, "Leading padding not allowed"
	}
	out = make([]byte, 0, len(data)/4*3+3)
	quad, pads := 0, 0
	var left byte
	padding := false
	for i, c := range data {
		if c == '=' {
			padding = true
			if quad >= 2 {
				pads++
				if quad+pads >= 4 {
					if strict && i+1 < len(data) {
						return nil, "Excess data after padding"
					}
					return out, ""
				}
			}
			continue
		}
		v := base64Values[c]
		if v == 0xff {
			if strict {
				return nil, "Only base64 data is allowed"
			}
			continue
		}
		if strict && padding {
			return nil, "Discontinuous padding not allowed"
		}
		pads = 0
		switch quad {
		case 0:
			left, quad = v, 1
		case 1:
			out = append(out, left<<2|v>>4)
			left, quad = v&0x0f, 2
		case 2:
			out = append(out, left<<4|v>>2)
			left, quad = v&0x03, 3
		default:
			out = append(out, left<<6|v)
			left, quad = 0, 0
		}
	}
	switch quad {
	case 0:
		return out, ""
	case 1:
		return nil, "Invalid base64-encoded string: number of data characters (" +
			strconv.Itoa(len(out)/3*4+1) + ") cannot be 1 more than a multiple of 4"
	}
	return nil, "Incorrect padding"
}

// CRCs.

func binasciiCrc32(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.NoKeywords("binascii.crc32", kwnames); err != nil {
		return Value{}, err
	}
	if err := in.CheckArgCount("crc32", args, nil, 1, 2); err != nil {
		return Value{}, err
	}
	data, err := bytesLikeArg(in, args[0])
	if err != nil {
		return Value{}, err
	}
	var crc uint32
	if len(args) > 1 {
		if crc, err = uint32MaskArg(in, args[1]); err != nil {
			return Value{}, err
		}
	}
	return interp.Int(int64(crc32.Update(crc, crc32.IEEETable, data))), nil
}

// crcHqxTable is the CRC-CCITT (polynomial 0x1021, most significant bit
// first) of each byte.
var crcHqxTable = func() (t [256]uint16) {
	for i := range t {
		c := uint16(i) << 8
		for k := 0; k < 8; k++ {
			if c&0x8000 != 0 {
				c = c<<1 ^ 0x1021
			} else {
				c <<= 1
			}
		}
		t[i] = c
	}
	return t
}()

func binasciiCrcHqx(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.NoKeywords("binascii.crc_hqx", kwnames); err != nil {
		return Value{}, err
	}
	if err := in.CheckArgCount("crc_hqx", args, nil, 2, 2); err != nil {
		return Value{}, err
	}
	data, err := bytesLikeArg(in, args[0])
	if err != nil {
		return Value{}, err
	}
	c32, err := uint32MaskArg(in, args[1])
	if err != nil {
		return Value{}, err
	}
	crc := uint16(c32)
	for _, b := range data {
		crc = crc<<8 ^ crcHqxTable[byte(crc>>8)^b]
	}
	return interp.Int(int64(crc)), nil
}
