package interp

import (
	"github.com/parallel-py/parallel/interp/compile"
)

// The instructions of await, async for and async with, and the builtins
// aiter() and anext().

// isIterableCoroutine reports whether v is a generator made awaitable by
// types.coroutine (its code has CO_ITERABLE_COROUTINE).
func isIterableCoroutine(v Value) bool {
	return v.Type() == generatorType && asObject[Generator](v).code.tmpl.Flags&compile.CO_ITERABLE_COROUTINE != 0
}

// awaitableIter is what await iterates for v: a coroutine itself, or the
// iterator its __await__() returns (CPython's _PyCoro_GetAwaitableIter).
// hasAwait is false when v's type has no __await__ at all.
func (in *Interp) awaitableIter(v Value) (it Value, hasAwait bool, err error) {
	if v.Type() == coroutineType || isIterableCoroutine(v) {
		incRef(v)
		return v, true, nil
	}
	meth, err := in.lookupString(v.Type(), "__await__")
	if err != nil {
		return Value{}, true, err
	}
	if meth.IsNil() {
		return Value{}, false, in.raise(typeErrorType, "object %s can't be used in 'await' expression", v.Type().Name)
	}
	r, err := in.callAttrWithSelf(meth, v, nil, nil)
	if err != nil {
		return Value{}, true, err
	}
	if r.Type() == coroutineType || isIterableCoroutine(r) {
		in.decRef(r)
		return Value{}, true, in.raise(typeErrorType, "__await__() returned a coroutine")
	}
	if r.Type().next == nil {
		name := r.Type().Name
		in.decRef(r)
		return Value{}, true, in.raise(typeErrorType, "__await__() returned non-iterator of type '%s'", name)
	}
	return r, true, nil
}

// getAwaitable is GET_AWAITABLE: where is 1 for the result of
// __aenter__, 2 for that of __aexit__, 0 for an await.
func (in *Interp) getAwaitable(v Value, where int) (Value, error) {
	it, hasAwait, err := in.awaitableIter(v)
	if err != nil {
		if !hasAwait && where != 0 {
			if e, ok := err.(*Exception); ok {
				in.decRef(valueOf(e))
			}
			which := "__aenter__"
			if where == 2 {
				which = "__aexit__"
			}
			return Value{}, in.raise(typeErrorType, "'async with' received an object from %s that does not implement __await__: %s", which, v.Type().Name)
		}
		return Value{}, err
	}
	if it.Type() == coroutineType && !asObject[Generator](it).yieldFrom().IsNil() {
		in.decRef(it)
		return Value{}, in.raise(runtimeErrorType, "coroutine is being awaited already")
	}
	return it, nil
}

// getAIter is GET_AITER: type(v).__aiter__(v), which must have __anext__.
func (in *Interp) getAIter(v Value) (Value, error) {
	meth, err := in.lookupString(v.Type(), "__aiter__")
	if err != nil {
		return Value{}, err
	}
	if meth.IsNil() {
		return Value{}, in.raise(typeErrorType, "'async for' requires an object with __aiter__ method, got %s", v.Type().Name)
	}
	it, err := in.callAttrWithSelf(meth, v, nil, nil)
	if err != nil {
		return Value{}, err
	}
	next, err := in.lookupString(it.Type(), "__anext__")
	if err != nil || next.IsNil() {
		if err == nil {
			err = in.raise(typeErrorType, "'async for' received an object from __aiter__ that does not implement __anext__: %s", it.Type().Name)
		}
		in.decRef(it)
		return Value{}, err
	}
	return it, nil
}

// getANext is GET_ANEXT: the awaitable of type(aiter).__anext__(aiter).
func (in *Interp) getANext(aiter Value) (Value, error) {
	if aiter.Type() == asyncGeneratorType {
		return in.agANext(aiter)
	}
	meth, err := in.lookupString(aiter.Type(), "__anext__")
	if err != nil {
		return Value{}, err
	}
	if meth.IsNil() {
		return Value{}, in.raise(typeErrorType, "'async for' requires an iterator with __anext__ method, got %s", aiter.Type().Name)
	}
	next, err := in.callAttrWithSelf(meth, aiter, nil, nil)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(next)
	it, _, err := in.awaitableIter(next)
	if err != nil {
		return Value{}, in.raiseFromCause(err, "'async for' received an invalid object from __anext__: %s", next.Type().Name)
	}
	return it, nil
}

// raiseFromCause raises a TypeError whose __cause__ (and context) is the
// exception in err (consumed), as CPython's _PyErr_FormatFromCause.
func (in *Interp) raiseFromCause(err error, format string, args ...any) error {
	cause, ok := err.(*Exception)
	if !ok {
		return err
	}
	nerr := in.raise(typeErrorType, format, args...)
	e, ok := nerr.(*Exception)
	if !ok {
		in.decRef(valueOf(cause))
		return nerr
	}
	incRef(valueOf(cause))
	e.cause = valueOf(cause)
	e.suppressContext = true
	e.context = valueOf(cause) // the reference err held
	e.contextDone = true
	return e
}

// beforeAsyncWith is BEFORE_ASYNC_WITH: the bound __aexit__ and what
// __aenter__ returned (an awaitable, awaited next).
func (in *Interp) beforeAsyncWith(mgr Value) (exit, res Value, err error) {
	t := mgr.Type()
	enter, err := in.lookupString(t, "__aenter__")
	if err != nil {
		return Value{}, Value{}, err
	}
	if enter.IsNil() {
		return Value{}, Value{}, in.raise(typeErrorType, "'%s' object does not support the asynchronous context manager protocol", t.Name)
	}
	exitAttr, err := in.lookupString(t, "__aexit__")
	if err != nil {
		return Value{}, Value{}, err
	}
	if exitAttr.IsNil() {
		return Value{}, Value{}, in.raise(typeErrorType, "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)", t.Name)
	}
	if get := exitAttr.Type().descrGet; get != nil {
		if exit, err = get(in, exitAttr, mgr, t); err != nil {
			return Value{}, Value{}, err
		}
	} else {
		incRef(exitAttr)
		exit = exitAttr
	}
	res, err = in.callAttrWithSelf(enter, mgr, nil, nil)
	if err != nil {
		in.decRef(exit)
		return Value{}, Value{}, err
	}
	return exit, res, nil
}

// execGetAwaitable runs GET_AWAITABLE (iterable -- iter).
func (in *Interp) execGetAwaitable(f *frame, where int) error {
	v := f.pop()
	it, err := in.getAwaitable(v, where)
	in.decRef(v)
	if err == nil {
		f.push(it)
	}
	return err
}

// execGetAIter runs GET_AITER (obj -- iter).
func (in *Interp) execGetAIter(f *frame) error {
	v := f.pop()
	it, err := in.getAIter(v)
	in.decRef(v)
	if err == nil {
		f.push(it)
	}
	return err
}

// execGetANext runs GET_ANEXT (aiter -- aiter, awaitable).
func (in *Interp) execGetANext(f *frame) error {
	a, err := in.getANext(f.top())
	if err == nil {
		f.push(a)
	}
	return err
}

// execEndAsyncFor runs END_ASYNC_FOR (awaitable, exc -- ): the loop ends
// on StopAsyncIteration; any other exception is re-raised (the caller
// adds no traceback entry for it), the stack left to the unwinder.
func (in *Interp) execEndAsyncFor(f *frame) error {
	exc := f.pop()
	if exc.Type().IsSubtype(exceptionTypes[stopAsyncIterationErr]) {
		in.decRef(exc)
		in.decRef(f.pop())
		return nil
	}
	return asObject[Exception](exc)
}

// execBeforeAsyncWith runs BEFORE_ASYNC_WITH (mgr -- exit, res).
func (in *Interp) execBeforeAsyncWith(f *frame) error {
	mgr := f.pop()
	exit, res, err := in.beforeAsyncWith(mgr)
	in.decRef(mgr)
	if err == nil {
		f.push(exit)
		f.push(res)
	}
	return err
}

func init() {
	builtinFuncs = append(builtinFuncs,
		newBuiltin("aiter", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.noKeywords("aiter", kwnames); err != nil {
				return Value{}, err
			}
			if len(args) != 1 {
				return Value{}, in.raise(typeErrorType, "aiter expected 1 argument, got %d", len(args))
			}
			v := args[0]
			meth, err := in.lookupString(v.Type(), "__aiter__")
			if err != nil {
				return Value{}, err
			}
			if meth.IsNil() {
				return Value{}, in.raise(typeErrorType, "'%s' object is not an async iterable", v.Type().Name)
			}
			it, err := in.callAttrWithSelf(meth, v, nil, nil)
			if err != nil {
				return Value{}, err
			}
			next, err := in.lookupString(it.Type(), "__anext__")
			if err != nil || next.IsNil() {
				if err == nil {
					err = in.raise(typeErrorType, "aiter() returned not an async iterator of type '%s'", it.Type().Name)
				}
				in.decRef(it)
				return Value{}, err
			}
			return it, nil
		}),
		newBuiltin("anext", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.noKeywords("anext", kwnames); err != nil {
				return Value{}, err
			}
			if len(args) < 1 || len(args) > 2 {
				return Value{}, in.raise(typeErrorType, "anext expected at least 1 argument, got %d", len(args))
			}
			v := args[0]
			meth, err := in.lookupString(v.Type(), "__anext__")
			if err != nil {
				return Value{}, err
			}
			if meth.IsNil() {
				return Value{}, in.raise(typeErrorType, "'%s' object is not an async iterator", v.Type().Name)
			}
			if len(args) == 2 {
				return Value{}, in.raise(notImplementedErrorType, "anext() with a default value is not implemented yet")
			}
			return in.callAttrWithSelf(meth, v, nil, nil)
		}),
	)
}
