package compile

import (
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Code is a compiled code template: the bytecode and tables of one module,
// class body, function, lambda or generator expression, as CPython 3.12's
// code object holds them. A Code is immutable once Compile returns it and
// may be shared by any number of interpreters at once; an interpreter that
// specializes instructions keeps its own copy of Instructions and its own
// cache slice of CacheSize entries.
//
// Layout of the frame (CPython's "localsplus"): LocalsPlusNames lists the
// fast locals first (the parameters in co_varnames order — positional-only,
// positional, keyword-only, *args, **kwargs — then the other locals in the
// order the compiler first met them), then the cell variables that are not
// parameters, then the free variables. A parameter that nested scopes
// capture keeps its one slot, of kind LocalFast|LocalCell: the frame
// creates its cell there (MAKE_CELL) from the argument value. Opargs of
// LOAD_FAST and friends, MAKE_CELL, LOAD_CLOSURE, LOAD_DEREF, STORE_DEREF,
// DELETE_DEREF, LOAD_FROM_DICT_OR_DEREF all index LocalsPlusNames.
// COPY_FREE_VARS n copies the function's closure into the last n slots.
type Code struct {
	// identity
	Name      string // co_name
	Qualname  string // co_qualname
	Filename  string // co_filename
	FirstLine int    // co_firstlineno: the def (or first decorator) line; 1 for modules

	// signature
	ArgCount        int // positional parameters, positional-only included
	PosOnlyArgCount int
	KwOnlyArgCount  int
	Flags           CodeFlags

	// code
	Instructions []bytecode.Instr
	CacheOffsets []uint32 // bytecode.LayoutCaches(Instructions)
	CacheSize    int      // entries in each interpreter's cache slice
	StackSize    int      // the maximum value-stack depth, exact

	// tables the opargs index
	Consts          []Const
	Names           []string // co_names
	LocalsPlusNames []string
	LocalsPlusKinds []LocalKind

	// Positions holds one bytecode.Pos per instruction (EncodePositions);
	// ExceptionTable the handlers (EncodeExceptionTable), see Compile.
	Positions      []byte
	ExceptionTable []byte

	// Warnings are the warnings compiling a module's template issued
	// (syntax.IssueWarnings); nil in nested code objects.
	Warnings []syntax.Warning
}

// CodeFlags are co_flags bits, with CPython's values.
type CodeFlags uint32

// Code flags.
const (
	CO_OPTIMIZED          CodeFlags = 0x0001
	CO_NEWLOCALS          CodeFlags = 0x0002
	CO_VARARGS            CodeFlags = 0x0004
	CO_VARKEYWORDS        CodeFlags = 0x0008
	CO_NESTED             CodeFlags = 0x0010
	CO_GENERATOR          CodeFlags = 0x0020
	CO_NOFREE             CodeFlags = 0x0040 // never set by CPython 3.12, kept for the numbering
	CO_COROUTINE          CodeFlags = 0x0080
	CO_ITERABLE_COROUTINE CodeFlags = 0x0100
	CO_ASYNC_GENERATOR    CodeFlags = 0x0200

	CO_FUTURE_BARRY_AS_BDFL CodeFlags = 0x0400000
	CO_FUTURE_ANNOTATIONS   CodeFlags = 0x1000000
)

// LocalKind says what a localsplus slot holds (CPython's _PyLocals_Kind).
type LocalKind uint8

// Local kinds; a cell parameter is LocalFast|LocalCell.
const (
	LocalFast LocalKind = 0x20 // CO_FAST_LOCAL: a fast local (or parameter)
	LocalCell LocalKind = 0x40 // CO_FAST_CELL: the slot holds a cell made by MAKE_CELL
	LocalFree LocalKind = 0x80 // CO_FAST_FREE: the slot holds a cell copied from the closure
)

// Const is one entry of Code.Consts. Its dynamic type is one of:
//
//	nil                 None
//	bool                True, False
//	int64               an int that fits
//	*big.Int            a larger int (never one that fits in int64)
//	float64, complex128 float, complex
//	string              str (lone surrogates as WTF-8, as syntax gives them)
//	syntax.Bytes        bytes
//	syntax.EllipsisType Ellipsis
//	ConstTuple          a tuple of constants
//	ConstFrozenSet      a frozenset of constants (for "x in {1, 2}")
//	*Code               a nested code object
//
// The interpreter turns each into an immortal object once per template.
type Const = any

// ConstTuple is a constant tuple: the keys of BUILD_CONST_KEY_MAP and
// KW_NAMES, the names of IMPORT_NAME's fromlist, folded tuple displays and
// default-argument tuples.
type ConstTuple []Const

// ConstFrozenSet is a constant frozenset, in source order (duplicates
// already removed).
type ConstFrozenSet []Const

// Varnames returns co_varnames: the fast locals, parameters first.
func (c *Code) Varnames() []string { return c.namesOfKind(LocalFast) }

// Cellvars returns co_cellvars: the variables of kind LocalCell, in slot
// order (cell parameters among them).
func (c *Code) Cellvars() []string { return c.namesOfKind(LocalCell) }

// Freevars returns co_freevars.
func (c *Code) Freevars() []string { return c.namesOfKind(LocalFree) }

func (c *Code) namesOfKind(k LocalKind) []string {
	var out []string
	for i, kind := range c.LocalsPlusKinds {
		if kind&k != 0 {
			out = append(out, c.LocalsPlusNames[i])
		}
	}
	return out
}

// NestedCodes returns the code objects among c's constants, in order.
func (c *Code) NestedCodes() []*Code {
	var out []*Code
	for _, k := range c.Consts {
		if n, ok := k.(*Code); ok {
			out = append(out, n)
		}
	}
	return out
}

// Repr returns the code object's repr as the disassembler shows it, with
// address 0 (templates have no address of their own).
func (c *Code) Repr() string {
	return bytecode.CodeRepr(c.Name, c.Filename, c.FirstLine, 0)
}

// Listing returns what bytecode.Disassemble needs to print c and, through
// Nested, every code object among its constants.
func (c *Code) Listing() *bytecode.Listing {
	l := &bytecode.Listing{
		Name:           c.Name,
		Filename:       c.Filename,
		FirstLine:      c.FirstLine,
		Repr:           c.Repr(),
		Code:           c.Instructions,
		Names:          c.Names,
		LocalsPlus:     c.LocalsPlusNames,
		Positions:      c.Positions,
		ExceptionTable: c.ExceptionTable,
	}
	for _, k := range c.Consts {
		l.Consts = append(l.Consts, ReprConst(k))
		if n, ok := k.(*Code); ok {
			l.Nested = append(l.Nested, n.Listing())
		}
	}
	return l
}

// ReprConst formats a constant as Python's repr() does (a code object as
// Code.Repr). An int too long for repr() gets CPython's error text in
// angle brackets instead.
func ReprConst(k Const) string {
	var b strings.Builder
	appendReprConst(&b, k)
	return b.String()
}

func appendReprConst(b *strings.Builder, k Const) {
	switch k := k.(type) {
	case ConstTuple:
		b.WriteByte('(')
		for i, e := range k {
			if i > 0 {
				b.WriteString(", ")
			}
			appendReprConst(b, e)
		}
		if len(k) == 1 {
			b.WriteByte(',')
		}
		b.WriteByte(')')
	case ConstFrozenSet:
		if len(k) == 0 {
			b.WriteString("frozenset()")
			return
		}
		b.WriteString("frozenset({")
		for i, e := range k {
			if i > 0 {
				b.WriteString(", ")
			}
			appendReprConst(b, e)
		}
		b.WriteString("})")
	case *Code:
		b.WriteString(k.Repr())
	default:
		s, err := syntax.ReprConstant(k)
		if err != nil {
			s = "<" + err.Error() + ">"
		}
		b.WriteString(s)
	}
}

// constKey returns a string that identifies k by type and value, the way
// CPython's _PyCode_ConstantKey does: 1, 1.0 and True are different
// constants, and so are 0.0 and -0.0. Code objects are never merged.
func constKey(k Const) string {
	var b strings.Builder
	writeConstKey(&b, k)
	return b.String()
}

func writeConstKey(b *strings.Builder, k Const) {
	switch k := k.(type) {
	case nil:
		b.WriteString("N")
	case bool:
		fmt.Fprintf(b, "b%v", k)
	case int64:
		fmt.Fprintf(b, "i%d", k)
	case *big.Int:
		fmt.Fprintf(b, "i%s", k.String())
	case float64:
		fmt.Fprintf(b, "f%x", math.Float64bits(k))
	case complex128:
		fmt.Fprintf(b, "c%x,%x", math.Float64bits(real(k)), math.Float64bits(imag(k)))
	case string:
		fmt.Fprintf(b, "s%d:%s", len(k), k)
	case syntax.Bytes:
		fmt.Fprintf(b, "y%d:%s", len(k), string(k))
	case syntax.EllipsisType:
		b.WriteString("E")
	case ConstTuple:
		fmt.Fprintf(b, "t%d(", len(k))
		for _, e := range k {
			writeConstKey(b, e)
			b.WriteByte(',')
		}
		b.WriteByte(')')
	case ConstFrozenSet:
		fmt.Fprintf(b, "z%d(", len(k))
		for _, e := range k {
			writeConstKey(b, e)
			b.WriteByte(',')
		}
		b.WriteByte(')')
	case *Code:
		fmt.Fprintf(b, "C%p", k)
	default:
		fmt.Fprintf(b, "?%T%v", k, k)
	}
}
