package interp

import (
	"math/big"
	"sync"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Code is the run-time face of a compiled code template: the template's
// constants and names turned into immortal values once per process, so
// every interpreter running the same template shares them without ever
// writing to them (docs/design/memory.md).
type Code struct {
	alloc.Header
	tmpl   *compile.Code
	consts []Value
	names  []Value // str
}

var codeType = newBuiltinType("code", objectType, 0)

// codes caches the Code of each template for the whole process.
var codes sync.Map // *compile.Code -> *Code

// codeOf returns the shared Code of a template, building it once.
func codeOf(t *compile.Code) *Code {
	if c, ok := codes.Load(t); ok {
		return c.(*Code)
	}
	c := &Code{tmpl: t}
	c.Header.Type = unsafe.Pointer(codeType)
	alloc.MakeImmortal(&c.Header)
	for _, k := range t.Consts {
		c.consts = append(c.consts, immortalConst(k))
	}
	for _, n := range t.Names {
		c.names = append(c.names, internName(n))
	}
	actual, _ := codes.LoadOrStore(t, c)
	return actual.(*Code)
}

// interned holds the process-wide immortal strs of names and constants.
var interned sync.Map // string -> Value

// internName returns the immortal str for s, shared by all interpreters.
func internName(s string) Value {
	if v, ok := interned.Load(s); ok {
		return v.(Value)
	}
	v, _ := interned.LoadOrStore(s, newImmortalStr(s))
	return v.(Value)
}

// immortalConst converts a code constant to an immortal value.
func immortalConst(k compile.Const) Value {
	switch k := k.(type) {
	case nil:
		return None
	case bool:
		return Bool(k)
	case int64:
		return Int(k)
	case float64:
		return Float(k)
	case string:
		return internName(k)
	case *big.Int:
		o := &BigInt{}
		o.v.Set(k)
		o.Header.Type = unsafe.Pointer(intType)
		alloc.MakeImmortal(&o.Header)
		return valueOf(o)
	case compile.ConstTuple:
		o := &Tuple{}
		o.Header.Type = unsafe.Pointer(tupleType)
		alloc.MakeImmortal(&o.Header)
		for _, item := range k {
			o.items = append(o.items, immortalConst(item))
		}
		return valueOf(o)
	case *compile.Code:
		return valueOf(codeOf(k))
	case syntax.EllipsisType:
		return ellipsisObject
	}
	return unsupportedConst(k)
}

var ellipsisType = newBuiltinType("ellipsis", objectType, 0)

// ellipsisObject is the Ellipsis singleton.
var ellipsisObject = newSingleton(ellipsisType)

// unsupportedConst stands for a constant whose type the interpreter does
// not have yet (bytes, complex, frozenset): loading it raises
// NotImplementedError naming the type, instead of computing anything.
func unsupportedConst(k compile.Const) Value {
	o := &unsupportedValue{what: constTypeName(k)}
	o.Header.Type = unsafe.Pointer(unsupportedType)
	alloc.MakeImmortal(&o.Header)
	return valueOf(o)
}

type unsupportedValue struct {
	alloc.Header
	what string
}

var unsupportedType = newBuiltinType("<unsupported>", objectType, 0)

func constTypeName(k compile.Const) string {
	switch k.(type) {
	case syntax.Bytes:
		return "bytes"
	case complex128:
		return "complex"
	case compile.ConstFrozenSet:
		return "frozenset"
	}
	return "this constant"
}
