package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Asynchronous generators (PEP 525). An async generator is a Generator
// struct of its own type whose frame yields two kinds of values: those
// of `yield`, wrapped by INTRINSIC_ASYNC_GEN_WRAP, which end the current
// __anext__()/asend()/athrow() awaitable with that value, and those of
// the awaits inside it, which pass through to whoever drives the
// awaitable (an event loop). __anext__() and asend() return an
// async_generator_asend, athrow() and aclose() an async_generator_athrow:
// both are awaitables and iterators that resume the generator.

var (
	asyncGeneratorType    = newBuiltinType("async_generator", objectType, 0)
	asyncGenASendType     = newBuiltinType("async_generator_asend", objectType, 0)
	asyncGenAThrowType    = newBuiltinType("async_generator_athrow", objectType, 0)
	asyncGenWrappedType   = newBuiltinType("async_generator_wrapped_value", objectType, 0)
	stopAsyncIterationErr = "StopAsyncIteration"
)

// The states of an asend or athrow awaitable.
const (
	awaitableInit uint8 = iota
	awaitableIter
	awaitableClosed
)

// asyncGenWrapped is a value an async generator yielded.
type asyncGenWrapped struct {
	alloc.Header
	alloc.GCLink
	v Value
}

// asyncGenASend is the awaitable of __anext__() and asend(v).
type asyncGenASend struct {
	alloc.Header
	alloc.GCLink
	gen     Value // the async generator
	sendval Value // what the first send passes in (None for __anext__)
	state   uint8
}

// asyncGenAThrow is the awaitable of athrow(...) and aclose().
type asyncGenAThrow struct {
	alloc.Header
	alloc.GCLink
	gen   Value
	args  Value // athrow's arguments (a tuple), or nil for aclose()
	state uint8
}

const (
	asyncGenWrappedSize = unsafe.Sizeof(asyncGenWrapped{})
	asyncGenASendSize   = unsafe.Sizeof(asyncGenASend{})
	asyncGenAThrowSize  = unsafe.Sizeof(asyncGenAThrow{})
)

// asyncGenWrap is INTRINSIC_ASYNC_GEN_WRAP: v as a yield of the async
// generator, as opposed to a suspension of an await.
func (in *Interp) asyncGenWrap(v Value) (Value, error) {
	o := &asyncGenWrapped{}
	if err := in.account(&o.Header, asyncGenWrappedType, asyncGenWrappedSize); err != nil {
		return Value{}, err
	}
	o.Header.SetFlags(alloc.FlagContainer)
	incRef(v)
	o.v = v
	return valueOf(o), nil
}

func (in *Interp) newASend(gen, sendval Value) (Value, error) {
	o := &asyncGenASend{}
	if err := in.account(&o.Header, asyncGenASendType, asyncGenASendSize); err != nil {
		return Value{}, err
	}
	o.Header.SetFlags(alloc.FlagContainer)
	incRef(gen)
	incRef(sendval)
	o.gen, o.sendval = gen, sendval
	return valueOf(o), nil
}

func (in *Interp) newAThrow(gen, args Value) (Value, error) {
	o := &asyncGenAThrow{}
	if err := in.account(&o.Header, asyncGenAThrowType, asyncGenAThrowSize); err != nil {
		return Value{}, err
	}
	o.Header.SetFlags(alloc.FlagContainer)
	incRef(gen)
	if !args.IsNil() {
		incRef(args)
	}
	o.gen, o.args = gen, args
	return valueOf(o), nil
}

// raiseBare returns a new exception of type t without arguments.
func (in *Interp) raiseBare(t *Type) error {
	e, err := in.newException(t)
	if err != nil {
		return err
	}
	return e
}

// isExcOf reports whether err is a Python exception of the named type.
func isExcOf(err error, name string) bool {
	e, ok := err.(*Exception)
	return ok && valueOf(e).Type().IsSubtype(exceptionTypes[name])
}

// agResume resumes the async generator g (sending v, or throwing exc).
// A return of the generator becomes StopAsyncIteration.
func (in *Interp) agResume(g *Generator, v Value, exc *Exception) (Value, error) {
	r, done, err := in.genResume(g, v, exc)
	if err != nil {
		return Value{}, err
	}
	if done {
		in.decRef(r)
		return Value{}, in.raiseBare(exceptionTypes[stopAsyncIterationErr])
	}
	return r, nil
}

// agUnwrap interprets what resuming g gave: an error ends the awaitable
// (StopAsyncIteration and GeneratorExit mark g closed); a wrapped value
// is a yield, which ends the awaitable with the value (done); anything
// else is a suspension of an await inside g, passed on.
func (in *Interp) agUnwrap(g *Generator, r Value, err error) (Value, bool, error) {
	if err != nil {
		if isExcOf(err, stopAsyncIterationErr) || isExcOf(err, "GeneratorExit") {
			g.asyncClosed = true
		}
		g.asyncRunning = false
		return Value{}, false, err
	}
	if r.Type() == asyncGenWrappedType {
		v := asObject[asyncGenWrapped](r).v
		incRef(v)
		in.decRef(r)
		g.asyncRunning = false
		return v, true, nil
	}
	return r, false, nil
}

// asendSend resumes an asend awaitable with v.
func (in *Interp) asendSend(o *asyncGenASend, v Value) (Value, bool, error) {
	g := asObject[Generator](o.gen)
	switch o.state {
	case awaitableClosed:
		return Value{}, false, in.raise(runtimeErrorType, "cannot reuse already awaited __anext__()/asend()")
	case awaitableInit:
		if g.asyncRunning {
			o.state = awaitableClosed
			return Value{}, false, in.raise(runtimeErrorType, "anext(): asynchronous generator is already running")
		}
		if v.IsNil() || v.IsNone() {
			v = o.sendval
		}
		o.state = awaitableIter
	}
	g.asyncRunning = true
	r, err := in.agResume(g, v, nil)
	r, done, err := in.agUnwrap(g, r, err)
	if err != nil || done {
		o.state = awaitableClosed
	}
	return r, done, err
}

// asendThrow throws exc (consumed) into an asend awaitable.
func (in *Interp) asendThrow(o *asyncGenASend, exc *Exception) (Value, bool, error) {
	g := asObject[Generator](o.gen)
	switch o.state {
	case awaitableClosed:
		in.decRef(valueOf(exc))
		return Value{}, false, in.raise(runtimeErrorType, "cannot reuse already awaited __anext__()/asend()")
	case awaitableInit:
		if g.asyncRunning {
			in.decRef(valueOf(exc))
			o.state = awaitableClosed
			return Value{}, false, in.raise(runtimeErrorType, "anext(): asynchronous generator is already running")
		}
		o.state = awaitableIter
		g.asyncRunning = true
	}
	r, err := in.agResume(g, Value{}, exc)
	r, done, err := in.agUnwrap(g, r, err)
	if err != nil || done {
		o.state = awaitableClosed
	}
	return r, done, err
}

// athrowSend resumes an athrow/aclose awaitable with v.
func (in *Interp) athrowSend(o *asyncGenAThrow, v Value) (Value, bool, error) {
	g := asObject[Generator](o.gen)
	if o.state == awaitableClosed {
		return Value{}, false, in.raise(runtimeErrorType, "cannot reuse already awaited aclose()/athrow()")
	}
	if g.frame == nil {
		o.state = awaitableClosed
		return None, true, nil
	}
	var r Value
	var err error
	if o.state == awaitableInit {
		if g.asyncRunning {
			o.state = awaitableClosed
			if o.args.IsNil() {
				return Value{}, false, in.raise(runtimeErrorType, "aclose(): asynchronous generator is already running")
			}
			return Value{}, false, in.raise(runtimeErrorType, "athrow(): asynchronous generator is already running")
		}
		if g.asyncClosed {
			o.state = awaitableClosed
			return Value{}, false, in.raiseBare(exceptionTypes[stopAsyncIterationErr])
		}
		if !v.IsNil() && !v.IsNone() {
			return Value{}, false, in.raise(runtimeErrorType, "can't send non-None value to a just-started coroutine")
		}
		o.state = awaitableIter
		g.asyncRunning = true
		var exc *Exception
		if o.args.IsNil() {
			g.asyncClosed = true
			exc, err = in.newException(exceptionTypes["GeneratorExit"])
		} else {
			exc, err = in.throwArgs("", asObject[Tuple](o.args).items)
		}
		if err != nil {
			g.asyncRunning = false
			o.state = awaitableClosed
			return Value{}, false, err
		}
		r, err = in.agResume(g, Value{}, exc)
	} else {
		r, err = in.agResume(g, v, nil)
	}
	return in.athrowResult(o, g, r, err)
}

// athrowThrow throws exc (consumed) into an athrow/aclose awaitable.
func (in *Interp) athrowThrow(o *asyncGenAThrow, exc *Exception) (Value, bool, error) {
	if o.state == awaitableClosed {
		in.decRef(valueOf(exc))
		return Value{}, false, in.raise(runtimeErrorType, "cannot reuse already awaited aclose()/athrow()")
	}
	g := asObject[Generator](o.gen)
	r, err := in.agResume(g, Value{}, exc)
	return in.athrowResult(o, g, r, err)
}

// athrowResult interprets a resumption of an athrow/aclose awaitable's
// generator. For athrow() it is agUnwrap's; for aclose() a yield means
// the generator ignored GeneratorExit, and its ending (by
// StopAsyncIteration or GeneratorExit) ends the awaitable normally.
func (in *Interp) athrowResult(o *asyncGenAThrow, g *Generator, r Value, err error) (Value, bool, error) {
	if !o.args.IsNil() {
		r, done, err := in.agUnwrap(g, r, err)
		if err != nil || done {
			o.state = awaitableClosed
		}
		return r, done, err
	}
	if err == nil && r.Type() == asyncGenWrappedType {
		in.decRef(r)
		g.asyncRunning = false
		o.state = awaitableClosed
		return Value{}, false, in.raise(runtimeErrorType, "async generator ignored GeneratorExit")
	}
	if err != nil {
		g.asyncRunning = false
		o.state = awaitableClosed
		if isExcOf(err, stopAsyncIterationErr) || isExcOf(err, "GeneratorExit") {
			in.decRef(valueOf(err.(*Exception)))
			return None, true, nil
		}
		return Value{}, false, err
	}
	return r, false, nil
}

// anext is async_generator.__anext__().
func (in *Interp) agANext(gen Value) (Value, error) { return in.newASend(gen, None) }

func init() {
	t := asyncGeneratorType
	defGenAttrs(t, "ag_", "await")
	t.repr = func(in *Interp, v Value) (Value, error) {
		return in.NewStr("<async_generator object " + asObject[Generator](v).qualname.GoString() + " at 0x" + hexAddr(v) + ">")
	}
	defGetSet(t, "ag_running", func(in *Interp, v Value) (Value, error) {
		return Bool(asObject[Generator](v).asyncRunning), nil
	}, nil)
	defMethod(t, "__aiter__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__aiter__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		incRef(args[0])
		return args[0], nil
	})
	defMethod(t, "__anext__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__anext__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		if err := in.agInitHooks(args[0]); err != nil {
			return Value{}, err
		}
		return in.agANext(args[0])
	})
	defMethod(t, "asend", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.oneArg("async_generator.asend", args[1:], kwnames); err != nil {
			return Value{}, err
		}
		if err := in.agInitHooks(args[0]); err != nil {
			return Value{}, err
		}
		return in.newASend(args[0], args[1])
	})
	defMethod(t, "athrow", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("athrow", args[1:], kwnames, 1, 3); err != nil {
			return Value{}, err
		}
		if err := in.agInitHooks(args[0]); err != nil {
			return Value{}, err
		}
		if len(args) > 2 {
			if err := in.warn(exceptionTypes["DeprecationWarning"], "the (type, exc, tb) signature of athrow() is deprecated, use the single-arg signature instead.", 1); err != nil {
				return Value{}, err
			}
		}
		tup, err := in.NewTuple(args[1:]...)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(tup)
		return in.newAThrow(args[0], tup)
	})
	defMethod(t, "aclose", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("aclose", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		if err := in.agInitHooks(args[0]); err != nil {
			return Value{}, err
		}
		return in.newAThrow(args[0], Value{})
	})

	w := asyncGenWrappedType
	w.dealloc = func(in *Interp, v Value) {
		o := asObject[asyncGenWrapped](v)
		in.xdecRef(o.v)
		*o = asyncGenWrapped{Header: o.Header}
		in.heap.Free(&o.Header, asyncGenWrappedSize)
	}
	w.traverse = func(v Value, visit func(Value)) { visitSome(visit, asObject[asyncGenWrapped](v).v) }
	w.clear = func(in *Interp, v Value) { in.clearField(&asObject[asyncGenWrapped](v).v) }

	s := asyncGenASendType
	s.dealloc = func(in *Interp, v Value) {
		o := asObject[asyncGenASend](v)
		in.xdecRef(o.gen)
		in.xdecRef(o.sendval)
		*o = asyncGenASend{Header: o.Header}
		in.heap.Free(&o.Header, asyncGenASendSize)
	}
	s.traverse = func(v Value, visit func(Value)) {
		o := asObject[asyncGenASend](v)
		visitSome(visit, o.gen, o.sendval)
	}
	defAwaitableIter(s, func(in *Interp, v, arg Value) (Value, bool, error) {
		return in.asendSend(asObject[asyncGenASend](v), arg)
	}, func(in *Interp, v Value, exc *Exception) (Value, bool, error) {
		return in.asendThrow(asObject[asyncGenASend](v), exc)
	}, func(v Value) { asObject[asyncGenASend](v).state = awaitableClosed })

	a := asyncGenAThrowType
	a.dealloc = func(in *Interp, v Value) {
		o := asObject[asyncGenAThrow](v)
		in.xdecRef(o.gen)
		in.xdecRef(o.args)
		*o = asyncGenAThrow{Header: o.Header}
		in.heap.Free(&o.Header, asyncGenAThrowSize)
	}
	a.traverse = func(v Value, visit func(Value)) {
		o := asObject[asyncGenAThrow](v)
		visitSome(visit, o.gen, o.args)
	}
	defAwaitableIter(a, func(in *Interp, v, arg Value) (Value, bool, error) {
		return in.athrowSend(asObject[asyncGenAThrow](v), arg)
	}, func(in *Interp, v Value, exc *Exception) (Value, bool, error) {
		return in.athrowThrow(asObject[asyncGenAThrow](v), exc)
	}, func(v Value) { asObject[asyncGenAThrow](v).state = awaitableClosed })
}

// defAwaitableIter gives an awaitable built-in type its protocol:
// __await__ and __iter__ return the object, __next__ and send resume it,
// throw throws into it, close marks it finished.
func defAwaitableIter(t *Type, send func(in *Interp, v, arg Value) (Value, bool, error), throw func(in *Interp, v Value, exc *Exception) (Value, bool, error), closeIt func(v Value)) {
	t.iter = selfIter
	t.next = func(in *Interp, v Value) (Value, bool, error) {
		r, done, err := send(in, v, None)
		if err != nil || !done {
			return r, err == nil, err
		}
		in.decRef(r)
		return Value{}, false, nil
	}
	self := func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		incRef(args[0])
		return args[0], nil
	}
	defMethod(t, "__await__", self)
	defMethod(t, "__iter__", self)
	defMethod(t, "__next__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return in.resultOrStop(send(in, args[0], None))
	})
	defMethod(t, "send", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.oneArg(t.Name+".send", args[1:], kwnames); err != nil {
			return Value{}, err
		}
		return in.resultOrStop(send(in, args[0], args[1]))
	})
	defMethod(t, "throw", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("throw", args[1:], kwnames, 1, 3); err != nil {
			return Value{}, err
		}
		exc, err := in.throwArgs("throw", args[1:])
		if err != nil {
			return Value{}, err
		}
		return in.resultOrStop(throw(in, args[0], exc))
	})
	defMethod(t, "close", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("close", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		closeIt(args[0])
		return None, nil
	})
}
