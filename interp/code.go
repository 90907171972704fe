package interp

import (
	"math/big"
	"strings"
	"sync/atomic"
	"unsafe"

	"github.com/puzpuzpuz/xsync/v3"

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

	// unsupported names a constant type the interpreter lacks; running
	// the code raises NotImplementedError.
	unsupported string

	// index numbers the Code in the process (from 1), so that each
	// interpreter finds its own adaptive copy of the instructions in a
	// slice rather than a map (adaptive.go).
	index int32
	// exactArgs says a call that passes exactly ArgCount positional
	// arguments binds them straight into the first slots: no keyword-only
	// parameters, no *args or **kwargs (CALL_PY_EXACT_ARGS).
	exactArgs bool
	// The template's sizes a call needs, kept here so that pushing a
	// frame reads one object: len(LocalsPlusNames), that plus the
	// StackSize, and ArgCount.
	nlocal, frameSize, argCount int32
	// paramNames are the interned strs of the parameters' names
	// (LocalsPlusNames up to ArgCount+KwOnlyArgCount), for binding
	// keyword arguments by identity (bindKeywords).
	paramNames []Value
	// name and qualname are the interned strs of the template's names,
	// which every function made from the code takes (MAKE_FUNCTION):
	// interning them there was a process-wide map lookup each.
	name, qualname Value
	// filename is co_filename, an immortal str made on first use
	// (logging reads it of four frames per record); nil until then.
	// Codes are shared by the interpreters, hence the atomic pointer.
	filename atomic.Pointer[Str]
}

var codeType = newBuiltinType("code", objectType, 0)

// codes caches the Code of each template for the whole process. A typed
// map: sync.Map's interface keys cost a hash through the type and a walk
// down a trie of pointers, a tenth of `import random`'s time.
var codes = xsync.NewMapOf[*compile.Code, *Code]()

// codeIndexes hands out Code.index; a Code that loses the race in codeOf
// wastes its number, which only leaves a hole in the interpreters' tables.
var codeIndexes atomic.Int32

// codeOf returns the shared Code of a template, building it once.
func codeOf(t *compile.Code) *Code {
	if c, ok := codes.Load(t); ok {
		return c
	}
	c := &Code{tmpl: t, index: codeIndexes.Add(1)}
	c.Header.Type = unsafe.Pointer(codeType)
	alloc.MakeImmortal(&c.Header)
	for _, k := range t.Consts {
		v, ok := immortalConst(k)
		if !ok && c.unsupported == "" {
			c.unsupported = constTypeName(k)
		}
		c.consts = append(c.consts, v)
	}
	for _, n := range t.Names {
		c.names = append(c.names, internName(n))
	}
	c.nlocal, c.frameSize = int32(len(t.LocalsPlusNames)), int32(len(t.LocalsPlusNames)+t.StackSize)
	c.argCount = int32(t.ArgCount)
	if nparams := t.ArgCount + t.KwOnlyArgCount; nparams <= len(t.LocalsPlusNames) {
		c.paramNames = make([]Value, nparams)
		for i, n := range t.LocalsPlusNames[:nparams] {
			c.paramNames[i] = internName(n)
		}
	}
	c.name, c.qualname = internName(t.Name), internName(t.Qualname)
	c.exactArgs = c.unsupported == "" && t.KwOnlyArgCount == 0 && t.Flags&(compile.CO_VARARGS|compile.CO_VARKEYWORDS) == 0
	actual, _ := codes.LoadOrStore(t, c)
	return actual
}

// filenameStr returns co_filename: the same immortal str every time, as
// CPython's code object holds one. Two interpreters asking first at once
// may each make one; the first stored wins and both return it.
func (c *Code) filenameStr() Value {
	if o := c.filename.Load(); o != nil {
		return valueOf(o)
	}
	c.filename.CompareAndSwap(nil, asObject[Str](newImmortalStr(c.tmpl.Filename)))
	return valueOf(c.filename.Load())
}

// interned holds the process-wide immortal strs of names and constants.
var interned = xsync.NewMapOf[string, Value]()

// internName returns the immortal str for s, shared by all interpreters.
//
// A cache in front of the map keyed by the address of s's bytes (Go
// literals keep theirs) was tried and dropped: it made every s escape
// to the heap, and callers with strings made at run time (chr()) then
// allocated a string and an entry at each call (pystone +20% time).
func internName(s string) Value {
	if v, ok := interned.Load(s); ok {
		return v
	}
	// The key is a copy so that s itself never escapes: callers pass
	// strings made at run time.
	v, _ := interned.LoadOrStore(strings.Clone(s), newImmortalStr(s))
	return v
}

// immortalConst converts a code constant to an immortal value; ok is
// false for constant types the interpreter does not have yet.
func immortalConst(k compile.Const) (v Value, ok bool) {
	switch k := k.(type) {
	case nil:
		return None, true
	case bool:
		return Bool(k), true
	case int64:
		return Int(k), true
	case float64:
		return Float(k), true
	case complex128:
		return immortalComplex(k), true
	case string:
		return internName(k), true
	case *big.Int:
		o := &BigInt{}
		o.v.Set(k)
		o.Header.Type = unsafe.Pointer(intType)
		alloc.MakeImmortal(&o.Header)
		return valueOf(o), true
	case compile.ConstTuple:
		if len(k) == 0 {
			return emptyTuple, true
		}
		o := &Tuple{}
		o.Header.Type = unsafe.Pointer(tupleType)
		alloc.MakeImmortal(&o.Header)
		ok = true
		for _, item := range k {
			x, itemOK := immortalConst(item)
			o.items = append(o.items, x)
			ok = ok && itemOK
		}
		return valueOf(o), ok
	case *compile.Code:
		return valueOf(codeOf(k)), true
	case syntax.EllipsisType:
		return ellipsisObject, true
	case syntax.Bytes:
		return newImmortalBytes([]byte(k)), true
	case compile.ConstFrozenSet:
		return immortalFrozenSet(k)
	}
	return None, false
}

var ellipsisType = newBuiltinType("ellipsis", objectType, 0)

// ellipsisObject is the Ellipsis singleton.
var ellipsisObject = newSingleton(ellipsisType)

var ellipsisRepr = newImmortalStr("Ellipsis")

func init() {
	ellipsisType.repr = func(in *Interp, v Value) (Value, error) { return ellipsisRepr, nil }
	codeType.repr = func(in *Interp, v Value) (Value, error) {
		t := asObject[Code](v).tmpl
		return in.NewStr(sprintf("<code object %s at 0x%s, file %q, line %d>", t.Name, hexAddr(v), t.Filename, t.FirstLine))
	}
}

// checkRunnable refuses code whose constants the interpreter lacks.
func (in *Interp) checkRunnable(c *Code) error {
	if c.unsupported != "" {
		return in.raise(notImplementedErrorType, "%s constants are not implemented yet", c.unsupported)
	}
	return nil
}

func constTypeName(k compile.Const) string {
	switch k.(type) {
	case syntax.Bytes:
		return "bytes"
	case compile.ConstFrozenSet:
		return "frozenset"
	}
	return "this constant"
}
