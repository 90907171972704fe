package interp

import (
	"fmt"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Function is a function defined in Python: a shared Code plus what the
// def statement captured. It owns references to its globals, its name
// and qualname, and its defaults.
type Function struct {
	alloc.Header
	alloc.GCLink
	code     *Code
	globals  Value // dict
	name     Value // str
	qualname Value // str
	defaults Value // tuple, or nil
}

var functionType = newBuiltinType("function", objectType, 0)

const functionSize = unsafe.Sizeof(Function{})

func init() {
	functionType.dealloc = functionDealloc
	functionType.repr = func(in *Interp, v Value) (Value, error) {
		f := asObject[Function](v)
		return in.NewStr("<function " + f.qualname.GoString() + " at 0x" + hexAddr(v) + ">")
	}
}

func functionDealloc(in *Interp, v Value) {
	f := asObject[Function](v)
	in.decRef(f.globals)
	in.decRef(f.name)
	in.decRef(f.qualname)
	in.xdecRef(f.defaults)
	*f = Function{Header: f.Header}
	in.heap.Free(&f.Header, functionSize)
}

// Builtin is a function implemented in Go. Builtins are immortal and
// shared by every interpreter; fn receives the positional arguments and,
// when the call passed keywords, their names (kwnames) matching the last
// len(kwnames) values of args.
type Builtin struct {
	alloc.Header
	name string
	fn   func(in *Interp, args []Value, kwnames []Value) (Value, error)
}

var builtinFunctionType = newBuiltinType("builtin_function_or_method", objectType, 0)

func init() {
	builtinFunctionType.repr = func(in *Interp, v Value) (Value, error) {
		return in.NewStr("<built-in function " + asObject[Builtin](v).name + ">")
	}
}

// newBuiltin makes an immortal builtin function.
func newBuiltin(name string, fn func(in *Interp, args []Value, kwnames []Value) (Value, error)) Value {
	b := &Builtin{name: name, fn: fn}
	b.Header.Type = unsafe.Pointer(builtinFunctionType)
	alloc.MakeImmortal(&b.Header)
	return valueOf(b)
}

var sprintf = fmt.Sprintf

// hexAddr formats the address CPython shows in default reprs.
func hexAddr(v Value) string {
	const digits = "0123456789abcdef"
	x := uintptr(v.p)
	var b [16]byte
	i := len(b)
	for {
		i--
		b[i] = digits[x&15]
		x >>= 4
		if x == 0 {
			break
		}
	}
	return string(b[i:])
}
