package compile

// The binary form of a Code tree, for the on-disk code cache
// (interp/codecache). Marshal writes every field of a Code and of every
// code object among its constants; Unmarshal reads it back into a tree
// that is field for field the one written. The bytes are:
//
//	magic "PARCODE\x00"
//	uvarint FormatVersion
//	32 bytes: schemaFingerprint (the Code fields and the opcode table)
//	the root code object
//	4 bytes: CRC-32 (IEEE) of everything before, little-endian
//
// A code object is its fields in declaration order. Integers are varints;
// strings go through a table of the strings already seen (uvarint 0, then
// length and bytes, for a new one; uvarint i+1 for the i-th seen), since
// names and the file name repeat in every nested code object. A slice's
// length is written plus one, 0 standing for nil, so a nil slice comes back
// nil and an empty one empty. A constant is a tag byte and its value.
//
// The file is input from outside the process: Unmarshal checks the
// checksum first, bounds every length by the bytes left (so a corrupt
// length cannot make it allocate without limit), bounds nesting, and
// validates each decoded code object as the interpreter will use it
// (bytecode.Validate, the cache layout, the table sizes). It returns an
// error, never panics, on anything else than what Marshal wrote.

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"math/big"
	"reflect"
	"slices"
	"strings"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
)

// FormatVersion numbers the layout Marshal writes. Change it whenever the
// layout changes; Unmarshal refuses any other version.
const FormatVersion = 2

var marshalMagic = []byte("PARCODE\x00")

// marshalMaxDepth bounds the nesting of code objects and constant tuples
// Unmarshal accepts (the parser's own limit keeps compiled code far below).
const marshalMaxDepth = 2000

// Constant tags.
const (
	tagNone byte = iota
	tagFalse
	tagTrue
	tagInt
	tagBigPos
	tagBigNeg
	tagFloat
	tagComplex
	tagStr
	tagBytes
	tagEllipsis
	tagTuple
	tagFrozenSet
	tagCode
)

// marshalFields are the Code fields this file writes, in order. A field
// added to Code but not here disables Marshal and Unmarshal (they return
// an error, so the disk cache just stays empty) until this file learns it;
// TestMarshalKnowsEveryField fails meanwhile.
var marshalFields = []string{
	"Name", "Qualname", "Filename", "FirstLine",
	"ArgCount", "PosOnlyArgCount", "KwOnlyArgCount", "Flags",
	"Instructions", "CacheOffsets", "CacheSize", "StackSize",
	"Consts", "Names", "LocalsPlusNames", "LocalsPlusKinds",
	"Positions", "ExceptionTable", "Warnings",
}

// schemaFingerprint hashes what the meaning of the bytes depends on beyond
// FormatVersion: Code's fields with their types, and the opcode numbering
// with each opcode's flags and cache size. Bytes from a build whose
// opcodes are numbered differently are refused rather than misread.
// schemaErr is set when Code has fields Marshal does not know.
var schemaFingerprint, schemaErr = func() ([32]byte, error) {
	h := sha256.New()
	t := reflect.TypeFor[Code]()
	var fields []string
	for i := range t.NumField() {
		f := t.Field(i)
		fields = append(fields, f.Name)
		fmt.Fprintf(h, "%s %s;", f.Name, f.Type)
	}
	var err error
	if strings.Join(fields, ",") != strings.Join(marshalFields, ",") {
		err = fmt.Errorf("compile: Marshal knows the Code fields %v but Code has %v", marshalFields, fields)
	}
	for _, op := range bytecode.Ops() {
		fmt.Fprintf(h, "%d %s %d %d;", op, op, op.Flags(), op.CacheSize())
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum, err
}()

// Marshal encodes c and the code objects nested in it. It fails only for
// a constant of a type Code does not allow, or when Code has a field this
// file does not know yet.
func Marshal(c *Code) ([]byte, error) {
	return AppendMarshal(nil, c)
}

// AppendMarshal appends Marshal's encoding of c to dst (a file header, a
// reused buffer) and returns the extended slice.
func AppendMarshal(dst []byte, c *Code) ([]byte, error) {
	if schemaErr != nil {
		return nil, schemaErr
	}
	if c == nil {
		return nil, errors.New("compile: Marshal of a nil *Code")
	}
	start := len(dst)
	e := &encoder{buf: slices.Grow(dst, marshalSizeHint(c, 0)), strs: make(map[string]int, 256)}
	e.buf = append(e.buf, marshalMagic...)
	e.uvarint(FormatVersion)
	e.buf = append(e.buf, schemaFingerprint[:]...)
	if err := e.code(c, 0); err != nil {
		return nil, err
	}
	return appendChecksum(e.buf, start), nil
}

// checksumSize is the size of the checksum ending the encoding. The
// checksum catches damage (a torn or bit-rotted file); it need not resist
// forgery, since whoever can write the cache directory can write any
// checksum. CRC-32, by carry-less multiplication, costs a fraction of an
// instruction per byte, where SHA-256 (AVX2, no SHA extensions) cost
// about 30: 30 M instructions of a warm `import json, copy, logging, re`.
// (CRC-32C is as quick per byte, but making its tables costs 1.2 M
// instructions in every process.)
const checksumSize = 4

// appendChecksum appends the checksum of buf[start:] to buf.
func appendChecksum(buf []byte, start int) []byte {
	return binary.LittleEndian.AppendUint32(buf, crc32.ChecksumIEEE(buf[start:]))
}

// marshalSizeHint guesses the encoding's size from the table sizes, so
// the buffer rarely grows (growing copies it).
func marshalSizeHint(c *Code, depth int) int {
	if c == nil || depth > marshalMaxDepth {
		return 0
	}
	n := 64 + 5*len(c.Instructions) + len(c.Positions) + len(c.ExceptionTable) +
		4*(len(c.Names)+len(c.LocalsPlusNames)+len(c.Consts))
	for _, k := range c.Consts {
		if nested, ok := k.(*Code); ok {
			n += marshalSizeHint(nested, depth+1)
		}
	}
	return n
}

type encoder struct {
	buf  []byte
	strs map[string]int // index of each string written
}

func (e *encoder) uvarint(x uint64) { e.buf = binary.AppendUvarint(e.buf, x) }
func (e *encoder) varint(x int64)   { e.buf = binary.AppendVarint(e.buf, x) }

// length writes a slice's length, plus one unless the slice is nil.
func (e *encoder) length(n int, isNil bool) {
	if isNil {
		e.uvarint(0)
		return
	}
	e.uvarint(uint64(n) + 1)
}

func (e *encoder) str(s string) {
	if i, ok := e.strs[s]; ok {
		e.uvarint(uint64(i) + 1)
		return
	}
	e.strs[s] = len(e.strs)
	e.uvarint(0)
	e.uvarint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

func (e *encoder) strList(ss []string) {
	e.length(len(ss), ss == nil)
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) raw(b []byte) {
	e.length(len(b), b == nil)
	e.buf = append(e.buf, b...)
}

func (e *encoder) code(c *Code, depth int) error {
	if c == nil {
		return errors.New("compile: Marshal of a nil nested code object")
	}
	if depth > marshalMaxDepth {
		return errors.New("compile: Marshal: code objects nested too deeply")
	}
	e.str(c.Name)
	e.str(c.Qualname)
	e.str(c.Filename)
	e.varint(int64(c.FirstLine))
	e.varint(int64(c.ArgCount))
	e.varint(int64(c.PosOnlyArgCount))
	e.varint(int64(c.KwOnlyArgCount))
	e.uvarint(uint64(c.Flags))
	e.length(len(c.Instructions), c.Instructions == nil)
	for _, in := range c.Instructions {
		e.buf = binary.LittleEndian.AppendUint32(e.buf, uint32(in))
	}
	// CacheOffsets must be bytecode.LayoutCaches(Instructions), which
	// Unmarshal recomputes: only whether they are nil is written (as a
	// length), where writing each took a varint per instruction.
	if c.CacheOffsets != nil {
		if len(c.CacheOffsets) != len(c.Instructions) {
			return errors.New("compile: Marshal: cache offsets do not match the instructions")
		}
		size := 0
		for pc, in := range c.Instructions {
			if c.CacheOffsets[pc] != uint32(size) {
				return errors.New("compile: Marshal: cache offsets are not the instructions' layout")
			}
			size += in.Op().CacheSize()
		}
	}
	e.length(len(c.CacheOffsets), c.CacheOffsets == nil)
	e.varint(int64(c.CacheSize))
	e.varint(int64(c.StackSize))
	e.length(len(c.Consts), c.Consts == nil)
	for _, k := range c.Consts {
		if err := e.constant(k, depth+1); err != nil {
			return err
		}
	}
	e.strList(c.Names)
	e.strList(c.LocalsPlusNames)
	e.length(len(c.LocalsPlusKinds), c.LocalsPlusKinds == nil)
	for _, k := range c.LocalsPlusKinds {
		e.buf = append(e.buf, byte(k))
	}
	e.raw(c.Positions)
	e.raw(c.ExceptionTable)
	e.warnings(c.Warnings)
	return nil
}

func (e *encoder) constant(k Const, depth int) error {
	if depth > marshalMaxDepth {
		return errors.New("compile: Marshal: constants nested too deeply")
	}
	switch k := k.(type) {
	case nil:
		e.buf = append(e.buf, tagNone)
	case bool:
		if k {
			e.buf = append(e.buf, tagTrue)
		} else {
			e.buf = append(e.buf, tagFalse)
		}
	case int64:
		e.buf = append(e.buf, tagInt)
		e.varint(k)
	case *big.Int:
		if k == nil {
			return errors.New("compile: Marshal of a nil *big.Int constant")
		}
		tag := tagBigPos
		if k.Sign() < 0 {
			tag = tagBigNeg
		}
		e.buf = append(e.buf, tag)
		mag := new(big.Int).Abs(k).Bytes()
		e.uvarint(uint64(len(mag)))
		e.buf = append(e.buf, mag...)
	case float64:
		e.buf = append(e.buf, tagFloat)
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(k))
	case complex128:
		e.buf = append(e.buf, tagComplex)
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(real(k)))
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(imag(k)))
	case string:
		e.buf = append(e.buf, tagStr)
		e.str(k)
	case syntax.Bytes:
		e.buf = append(e.buf, tagBytes)
		e.uvarint(uint64(len(k)))
		e.buf = append(e.buf, k...)
	case syntax.EllipsisType:
		e.buf = append(e.buf, tagEllipsis)
	case ConstTuple:
		e.buf = append(e.buf, tagTuple)
		return e.constants(k, depth)
	case ConstFrozenSet:
		e.buf = append(e.buf, tagFrozenSet)
		return e.constants(k, depth)
	case *Code:
		e.buf = append(e.buf, tagCode)
		return e.code(k, depth)
	default:
		return fmt.Errorf("compile: Marshal: constant of type %T", k)
	}
	return nil
}

func (e *encoder) constants(ks []Const, depth int) error {
	e.length(len(ks), ks == nil)
	for _, k := range ks {
		if err := e.constant(k, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// ErrCorrupt is wrapped by every error Unmarshal returns for bytes that
// are not what Marshal of this build wrote.
var ErrCorrupt = errors.New("compile: corrupt or foreign code data")

// Unmarshal decodes what Marshal wrote. Bytes that are truncated,
// corrupt, of another FormatVersion or from a build with other opcodes
// give an error wrapping ErrCorrupt.
func Unmarshal(data []byte) (*Code, error) {
	if schemaErr != nil {
		return nil, schemaErr
	}
	head := len(marshalMagic)
	if len(data) < head+1+len(schemaFingerprint)+checksumSize || !bytes.Equal(data[:head], marshalMagic) {
		return nil, fmt.Errorf("%w: no code header", ErrCorrupt)
	}
	body := data[:len(data)-checksumSize]
	if sum := crc32.ChecksumIEEE(body); sum != binary.LittleEndian.Uint32(data[len(body):]) {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrCorrupt)
	}
	d := &decoder{data: body, off: head}
	if v := d.uvarint(); d.err == nil && v != FormatVersion {
		return nil, fmt.Errorf("%w: format version %d, not %d", ErrCorrupt, v, FormatVersion)
	}
	if fp := d.take(len(schemaFingerprint)); d.err == nil && !bytes.Equal(fp, schemaFingerprint[:]) {
		return nil, fmt.Errorf("%w: written for other opcodes or another Code layout", ErrCorrupt)
	}
	c := d.code(0)
	if d.err == nil && d.off != len(d.data) {
		d.fail("%d bytes after the code", len(d.data)-d.off)
	}
	if d.err != nil {
		return nil, d.err
	}
	return c, nil
}

type decoder struct {
	data []byte
	off  int
	strs []string
	err  error // the first error; every read after it returns zero values
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s at byte %d", ErrCorrupt, fmt.Sprintf(format, args...), d.off)
	}
}

func (d *decoder) left() int { return len(d.data) - d.off }

func (d *decoder) take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > d.left() {
		d.fail("%d bytes wanted, %d left", n, d.left())
		return nil
	}
	b := d.data[d.off : d.off+n]
	d.off += n
	return b
}

func (d *decoder) byte1() byte {
	if b := d.take(1); b != nil {
		return b[0]
	}
	return 0
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	if d.off < len(d.data) && d.data[d.off] < 0x80 {
		// Most are one byte: string references, lengths, small counts.
		d.off++
		return uint64(d.data[d.off-1])
	}
	x, n := binary.Uvarint(d.data[d.off:])
	if n <= 0 {
		d.fail("bad uvarint")
		return 0
	}
	d.off += n
	return x
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Varint(d.data[d.off:])
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.off += n
	return x
}

// int reads a varint that must be a non-negative int (every count and
// size of a Code is).
func (d *decoder) int() int {
	x := d.varint()
	if x < 0 || x > math.MaxInt32 {
		d.fail("count %d out of range", x)
		return 0
	}
	return int(x)
}

// length reads a slice length written by encoder.length: -1 for nil.
// Each element takes at least minSize bytes, which bounds the length by
// the bytes left before anything is allocated.
func (d *decoder) length(minSize int) int {
	v := d.uvarint()
	if d.err != nil || v == 0 {
		return -1
	}
	n := v - 1
	if n > uint64(d.left()/minSize) {
		d.fail("length %d exceeds the data", n)
		return -1
	}
	return int(n)
}

func (d *decoder) str() string {
	i := d.uvarint()
	if d.err != nil {
		return ""
	}
	if i > 0 {
		if i > uint64(len(d.strs)) {
			d.fail("string reference %d of %d", i, len(d.strs))
			return ""
		}
		return d.strs[i-1]
	}
	n := d.uvarint()
	if n > uint64(d.left()) {
		d.fail("string of %d bytes, %d left", n, d.left())
		return ""
	}
	s := string(d.take(int(n)))
	d.strs = append(d.strs, s)
	return s
}

func (d *decoder) strList() []string {
	n := d.length(1)
	if n < 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) raw() []byte {
	n := d.length(1)
	if n < 0 {
		return nil
	}
	return bytes.Clone(d.take(n))
}

func (d *decoder) code(depth int) *Code {
	if depth > marshalMaxDepth {
		d.fail("code objects nested too deeply")
	}
	if d.err != nil {
		return nil
	}
	c := &Code{
		Name:            d.str(),
		Qualname:        d.str(),
		Filename:        d.str(),
		FirstLine:       int(d.varint()),
		ArgCount:        d.int(),
		PosOnlyArgCount: d.int(),
		KwOnlyArgCount:  d.int(),
	}
	flags := d.uvarint()
	if flags > math.MaxUint32 {
		d.fail("flags %#x", flags)
	}
	c.Flags = CodeFlags(flags)
	if n := d.length(4); n >= 0 {
		c.Instructions = make([]bytecode.Instr, n)
		if b := d.take(4 * n); b != nil {
			for i := range c.Instructions {
				c.Instructions[i] = bytecode.Instr(binary.LittleEndian.Uint32(b[4*i:]))
			}
		}
	}
	if v := d.uvarint(); v > 0 {
		if v-1 != uint64(len(c.Instructions)) {
			d.fail("%d cache offsets for %d instructions", v-1, len(c.Instructions))
		} else {
			c.CacheOffsets = make([]uint32, len(c.Instructions))
			size := 0
			for pc, in := range c.Instructions {
				c.CacheOffsets[pc] = uint32(size)
				size += in.Op().CacheSize()
			}
		}
	}
	c.CacheSize = d.int()
	c.StackSize = d.int()
	if n := d.length(1); n >= 0 {
		c.Consts = make([]Const, n)
		for i := range c.Consts {
			c.Consts[i] = d.constant(depth + 1)
		}
	}
	c.Names = d.strList()
	c.LocalsPlusNames = d.strList()
	if n := d.length(1); n >= 0 {
		c.LocalsPlusKinds = make([]LocalKind, n)
		for i, b := range d.take(n) {
			c.LocalsPlusKinds[i] = LocalKind(b)
		}
	}
	c.Positions = d.raw()
	c.ExceptionTable = d.raw()
	c.Warnings = d.warnings()
	if d.err == nil {
		if err := checkDecoded(c); err != nil {
			d.fail("code object %s: %v", c.Name, err)
		}
	}
	if d.err != nil {
		return nil
	}
	return c
}

// checkDecoded checks what the interpreter indexes without checking: the
// opargs against the tables, the cache layout, and the stack depth the
// code reaches against its StackSize, with the exception table's handlers.
func checkDecoded(c *Code) error {
	lim := bytecode.Limits{Consts: len(c.Consts), Names: len(c.Names), LocalsPlus: len(c.LocalsPlusNames)}
	if err := bytecode.Validate(c.Instructions, lim); err != nil {
		return err
	}
	if len(c.LocalsPlusKinds) != len(c.LocalsPlusNames) {
		return fmt.Errorf("%d localsplus names but %d kinds", len(c.LocalsPlusNames), len(c.LocalsPlusKinds))
	}
	if len(c.CacheOffsets) != len(c.Instructions) {
		return fmt.Errorf("%d cache offsets for %d instructions", len(c.CacheOffsets), len(c.Instructions))
	}
	size := 0
	for pc, in := range c.Instructions {
		if c.CacheOffsets[pc] != uint32(size) {
			return fmt.Errorf("cache offset of instruction %d is %d, not %d", pc, c.CacheOffsets[pc], size)
		}
		size += in.Op().CacheSize()
	}
	if size != c.CacheSize {
		return fmt.Errorf("cache size %d, not %d", c.CacheSize, size)
	}
	handlers, err := bytecode.DecodeExceptionTable(c.ExceptionTable)
	if err != nil {
		return err
	}
	return bytecode.CheckStack(c.Instructions, handlers, entryDepth(c.Flags), c.StackSize)
}

// entryDepth is the stack depth code with flags starts at, as stackDepth
// assumes it.
func entryDepth(flags CodeFlags) int {
	if flags&(CO_GENERATOR|CO_COROUTINE|CO_ASYNC_GENERATOR) != 0 {
		return 1
	}
	return 0
}

func (d *decoder) constant(depth int) Const {
	if depth > marshalMaxDepth {
		d.fail("constants nested too deeply")
		return nil
	}
	switch tag := d.byte1(); tag {
	case tagNone:
		return nil
	case tagFalse:
		return false
	case tagTrue:
		return true
	case tagInt:
		return d.varint()
	case tagBigPos, tagBigNeg:
		n := d.uvarint()
		if n > uint64(d.left()) {
			d.fail("int of %d bytes, %d left", n, d.left())
			return nil
		}
		v := new(big.Int).SetBytes(d.take(int(n)))
		if tag == tagBigNeg {
			v.Neg(v)
		}
		if v.IsInt64() {
			d.fail("big int constant %v fits in int64", v)
			return nil
		}
		return v
	case tagFloat:
		if b := d.take(8); b != nil {
			return math.Float64frombits(binary.LittleEndian.Uint64(b))
		}
	case tagComplex:
		if b := d.take(16); b != nil {
			re := math.Float64frombits(binary.LittleEndian.Uint64(b))
			im := math.Float64frombits(binary.LittleEndian.Uint64(b[8:]))
			return complex(re, im)
		}
	case tagStr:
		return d.str()
	case tagBytes:
		n := d.uvarint()
		if n > uint64(d.left()) {
			d.fail("bytes of %d bytes, %d left", n, d.left())
			return nil
		}
		return syntax.Bytes(d.take(int(n)))
	case tagEllipsis:
		return syntax.EllipsisValue
	case tagTuple:
		return ConstTuple(d.constants(depth))
	case tagFrozenSet:
		return ConstFrozenSet(d.constants(depth))
	case tagCode:
		if c := d.code(depth); c != nil {
			return c
		}
	default:
		d.fail("constant tag %d", tag)
	}
	return nil
}

func (d *decoder) constants(depth int) []Const {
	n := d.length(1)
	if n < 0 {
		return nil
	}
	out := make([]Const, n)
	for i := range out {
		out[i] = d.constant(depth + 1)
	}
	return out
}
