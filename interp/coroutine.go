package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/compile"
)

// Coroutines (PEP 492). A coroutine is a Generator (generator.go) of
// another type: the same suspended frame, resumed by send() and throw()
// or by the SEND of an await, but not an iterator; __await__() returns a
// coroutine_wrapper that is. Async generators (async_gen.go) are a third
// type over the same struct.

var (
	coroutineType        = newBuiltinType("coroutine", objectType, 0)
	coroutineWrapperType = newBuiltinType("coroutine_wrapper", objectType, 0)
)

// genTypeFor is the type of the generator-like object RETURN_GENERATOR
// makes for code with flags.
func genTypeFor(flags compile.CodeFlags) *Type {
	switch {
	case flags&compile.CO_COROUTINE != 0:
		return coroutineType
	case flags&compile.CO_ASYNC_GENERATOR != 0:
		return asyncGeneratorType
	}
	return generatorType
}

// isGenLike reports whether t's instances are Generator structs.
func isGenLike(t *Type) bool {
	return t == generatorType || t == coroutineType || t == asyncGeneratorType
}

func isCoroutine(g *Generator) bool { return g.Header.Type == unsafe.Pointer(coroutineType) }

// genKind names a generator-like object in messages.
func genKind(g *Generator) string {
	switch unsafe.Pointer(g.Header.Type) {
	case unsafe.Pointer(coroutineType):
		return "coroutine"
	case unsafe.Pointer(asyncGeneratorType):
		return "async generator"
	}
	return "generator"
}

// stopIterationMessage is the RuntimeError message INTRINSIC_STOPITERATION_ERROR
// raises for exc leaving code with flags (PEP 479; PEP 525 for
// StopAsyncIteration in an async generator), or "" to let it through.
func stopIterationMessage(flags compile.CodeFlags, exc Value) string {
	t := exc.Type()
	switch {
	case t.IsSubtype(stopIterationType):
		switch {
		case flags&compile.CO_ASYNC_GENERATOR != 0:
			return "async generator raised StopIteration"
		case flags&compile.CO_COROUTINE != 0:
			return "coroutine raised StopIteration"
		}
		return "generator raised StopIteration"
	case flags&compile.CO_ASYNC_GENERATOR != 0 && t.IsSubtype(exceptionTypes["StopAsyncIteration"]):
		return "async generator raised StopAsyncIteration"
	}
	return ""
}

// coroutineWrapper is what coroutine.__await__() returns: an iterator
// over the coroutine's suspensions.
type coroutineWrapper struct {
	alloc.Header
	alloc.GCLink
	coro Value
}

const coroutineWrapperSize = unsafe.Sizeof(coroutineWrapper{})

// asyncSender returns how SEND resumes a receiver of type t when it is
// one of the async objects, whose results must keep the value a
// StopIteration would carry; nil for the others.
func asyncSender(t *Type) func(in *Interp, receiver, v Value) (Value, bool, error) {
	switch t {
	case coroutineType:
		return func(in *Interp, receiver, v Value) (Value, bool, error) {
			return in.genResume(asObject[Generator](receiver), v, nil)
		}
	case coroutineWrapperType:
		return func(in *Interp, receiver, v Value) (Value, bool, error) {
			return in.genResume(asObject[Generator](asObject[coroutineWrapper](receiver).coro), v, nil)
		}
	case asyncGenASendType:
		return func(in *Interp, receiver, v Value) (Value, bool, error) {
			return in.asendSend(asObject[asyncGenASend](receiver), v)
		}
	case asyncGenAThrowType:
		return func(in *Interp, receiver, v Value) (Value, bool, error) {
			return in.athrowSend(asObject[asyncGenAThrow](receiver), v)
		}
	}
	return nil
}

// resultOrStop turns a (value, done) resumption into a method's result:
// the value, or StopIteration carrying it when done.
func (in *Interp) resultOrStop(r Value, done bool, err error) (Value, error) {
	if err == nil && done {
		return Value{}, in.stopIteration(r)
	}
	return r, err
}

// genThrowMethod is throw() of generator-like objects.
func (in *Interp) genThrowMethod(g *Generator, args []Value, kwnames []Value) (Value, error) {
	if err := in.checkArgCount("throw", args, kwnames, 1, 3); err != nil {
		return Value{}, err
	}
	exc, err := in.throwArgs("throw", args)
	if err != nil {
		return Value{}, err
	}
	return in.resultOrStop(in.genResume(g, Value{}, exc))
}

// defGenAttrs adds the attributes generators, coroutines and async
// generators share, prefix naming them (gi_, cr_, ag_) and await the one
// naming what a suspended frame is delegating to (gi_yieldfrom,
// cr_await, ag_await).
func defGenAttrs(t *Type, prefix, await string) {
	for _, attr := range []struct {
		name  string
		field func(g *Generator) *Value
	}{
		{"__name__", func(g *Generator) *Value { return &g.name }},
		{"__qualname__", func(g *Generator) *Value { return &g.qualname }},
	} {
		defGetSet(t, attr.name, func(in *Interp, v Value) (Value, error) {
			n := *attr.field(asObject[Generator](v))
			incRef(n)
			return n, nil
		}, func(in *Interp, v, value Value) error {
			if value.IsNil() || !value.Type().IsSubtype(strType) {
				return in.raise(typeErrorType, "%s must be set to a string object", attr.name)
			}
			p := attr.field(asObject[Generator](v))
			old := *p
			incRef(value)
			*p = value
			in.decRef(old)
			return nil
		})
	}
	defGetSet(t, prefix+"frame", func(in *Interp, v Value) (Value, error) {
		g := asObject[Generator](v)
		if g.frame == nil {
			return None, nil
		}
		return in.frameObjectFor(g.frame)
	}, nil)
	defGetSet(t, prefix+"code", func(in *Interp, v Value) (Value, error) {
		return valueOf(asObject[Generator](v).code), nil
	}, nil)
	defGetSet(t, prefix+"suspended", func(in *Interp, v Value) (Value, error) {
		g := asObject[Generator](v)
		return Bool(g.frame != nil && g.started && !g.running), nil
	}, nil)
	defGetSet(t, prefix+await, func(in *Interp, v Value) (Value, error) {
		yf := asObject[Generator](v).yieldFrom()
		if yf.IsNil() {
			return None, nil
		}
		incRef(yf)
		return yf, nil
	}, nil)
	if t == generatorType {
		return
	}
	// Deallocation, the cycle finder's traversal and clearing are the
	// generator's; generator.go's init runs after this file's, hence
	// the indirection.
	t.dealloc = func(in *Interp, v Value) { generatorType.dealloc(in, v) }
	t.finalize = genFinalize
	t.traverse = func(v Value, visit func(Value)) { generatorType.traverse(v, visit) }
	t.clear = func(in *Interp, v Value) { generatorType.clear(in, v) }
}

func init() {
	defGenAttrs(coroutineType, "cr_", "await")
	defMethod(coroutineType, "throw", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return in.genThrowMethod(asObject[Generator](args[0]), args[1:], kwnames)
	})
	coroutineType.repr = func(in *Interp, v Value) (Value, error) {
		return in.NewStr("<coroutine object " + asObject[Generator](v).qualname.GoString() + " at 0x" + hexAddr(v) + ">")
	}
	defMethod(coroutineType, "send", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.oneArg("coroutine.send", args[1:], kwnames); err != nil {
			return Value{}, err
		}
		return in.genSend(asObject[Generator](args[0]), args[1])
	})
	defMethod(coroutineType, "close", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("close", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return None, in.genClose(asObject[Generator](args[0]))
	})
	defMethod(coroutineType, "__await__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__await__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return in.newCoroutineWrapper(args[0])
	})
	defGetSet(coroutineType, "cr_running", func(in *Interp, v Value) (Value, error) {
		return Bool(asObject[Generator](v).running), nil
	}, nil)
	defGetSet(coroutineType, "cr_origin", func(in *Interp, v Value) (Value, error) { return None, nil }, nil)

	w := coroutineWrapperType
	w.dealloc = func(in *Interp, v Value) {
		o := asObject[coroutineWrapper](v)
		in.xdecRef(o.coro)
		*o = coroutineWrapper{Header: o.Header}
		in.heap.Free(&o.Header, coroutineWrapperSize)
	}
	w.traverse = func(v Value, visit func(Value)) { visitSome(visit, asObject[coroutineWrapper](v).coro) }
	w.iter = selfIter
	wrapped := func(v Value) *Generator { return asObject[Generator](asObject[coroutineWrapper](v).coro) }
	w.next = func(in *Interp, v Value) (Value, bool, error) {
		r, done, err := in.genResume(wrapped(v), None, nil)
		if err != nil || !done {
			return r, !done, err
		}
		in.decRef(r)
		return Value{}, false, nil
	}
	defMethod(w, "__next__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return in.genSend(wrapped(args[0]), None)
	})
	defMethod(w, "__iter__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		incRef(args[0])
		return args[0], nil
	})
	defMethod(w, "send", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.oneArg("coroutine_wrapper.send", args[1:], kwnames); err != nil {
			return Value{}, err
		}
		return in.genSend(wrapped(args[0]), args[1])
	})
	defMethod(w, "throw", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return in.genThrowMethod(wrapped(args[0]), args[1:], kwnames)
	})
	defMethod(w, "close", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("close", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return None, in.genClose(wrapped(args[0]))
	})
}

// newCoroutineWrapper is coroutine.__await__().
func (in *Interp) newCoroutineWrapper(coro Value) (Value, error) {
	o := &coroutineWrapper{}
	if err := in.account(&o.Header, coroutineWrapperType, coroutineWrapperSize); err != nil {
		return Value{}, err
	}
	o.Header.SetFlags(alloc.FlagContainer)
	incRef(coro)
	o.coro = coro
	return valueOf(o), nil
}
