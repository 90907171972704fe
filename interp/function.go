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
	code        *Code
	globals     Value // dict
	name        Value // str
	qualname    Value // str
	defaults    Value // tuple, or nil
	kwdefaults  Value // dict, or nil
	closure     Value // tuple of cells, or nil
	dict        Value // __dict__ (function attributes), or nil
	module      Value // __module__, or nil
	annotations Value // dict, or nil
	docSet      Value // __doc__ once assigned; nil means the code's docstring
	typeParams  Value // __type_params__ (a tuple), or nil for ()
}

// doc returns the function's docstring, borrowed, or nil: as in CPython
// 3.12, the code's first constant when that is a str (the compiler puts
// None first in a function without one).
func (f *Function) doc() Value {
	if len(f.code.consts) > 0 && f.code.consts[0].Type() == strType {
		return f.code.consts[0]
	}
	return Value{}
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
	in.xdecRef(f.globals) // cleared by the cycle finder, perhaps
	in.xdecRef(f.name)
	in.xdecRef(f.qualname)
	in.xdecRef(f.defaults)
	in.xdecRef(f.kwdefaults)
	in.xdecRef(f.closure)
	in.xdecRef(f.dict)
	in.xdecRef(f.module)
	in.xdecRef(f.annotations)
	in.xdecRef(f.docSet)
	in.xdecRef(f.typeParams)
	*f = Function{Header: f.Header}
	in.heap.Free(&f.Header, functionSize)
	in.free.functions.put(f)
}

// Builtin is a function implemented in Go. Module-level builtins are
// immortal and shared by every interpreter; fn receives the positional
// arguments and, when the call passed keywords, their names (kwnames)
// matching the last len(kwnames) values of args. A bound built-in method
// ([].append) is a Builtin too, allocated, with its method and self.
type Builtin struct {
	alloc.Header
	name   string
	fn     func(in *Interp, args []Value, kwnames []Value) (Value, error)
	method *MethodDescr
	self   Value
}

var builtinFunctionType = newBuiltinType("builtin_function_or_method", objectType, 0)

// Builtins that die are bound methods of built-in types (the immortal
// module functions never do), recycled (in.free.builtins, recycle.go):
// copy.deepcopy binds a list's append for every list it copies.

const builtinSize = unsafe.Sizeof(Builtin{})

func init() {
	builtinFunctionType.repr = func(in *Interp, v Value) (Value, error) {
		b := asObject[Builtin](v)
		if b.method != nil {
			return in.NewStr("<built-in method " + b.name + " of " + b.self.Type().Name + " object at 0x" + hexAddr(b.self) + ">")
		}
		return in.NewStr("<built-in function " + b.name + ">")
	}
	builtinFunctionType.dealloc = func(in *Interp, v Value) {
		b := asObject[Builtin](v)
		in.decRef(b.self)
		*b = Builtin{Header: b.Header}
		in.heap.Free(&b.Header, builtinSize)
		in.free.builtins.put(b)
	}
	builtinFunctionType.call = func(in *Interp, v Value, args []Value, kwnames []Value) (Value, error) {
		b := asObject[Builtin](v)
		if b.method != nil {
			return in.callBoundBuiltin(b.method, b.self, args, kwnames)
		}
		return in.callGo(b.fn, args, kwnames)
	}
	functionType.call = func(in *Interp, v Value, args []Value, kwnames []Value) (Value, error) {
		return in.callFunction(asObject[Function](v), Value{}, args, kwnames)
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
