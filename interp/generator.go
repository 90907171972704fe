package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/interp/bytecode"

	"github.com/parallel-py/parallel/alloc"
)

// Cells and generators: the two objects that let a frame's state outlive
// the call that made it.

// Cell holds a variable shared between a function and the closures
// nested in it.
type Cell struct {
	alloc.Header
	alloc.GCLink
	v Value // nil while the variable is unbound
}

var cellType = newBuiltinType("cell", objectType, 0)

const cellSize = unsafe.Sizeof(Cell{})

// newCell makes a cell holding v (its reference is taken over).
func (in *Interp) newCell(v Value) (Value, error) {
	c := in.free.cells.get()
	if err := in.account(&c.Header, cellType, cellSize); err != nil {
		return Value{}, err
	}
	c.Header.SetFlags(alloc.FlagContainer)
	c.v = v
	return valueOf(c), nil
}

func init() {
	cellType.dealloc = func(in *Interp, v Value) {
		c := asObject[Cell](v)
		in.xdecRef(c.v)
		*c = Cell{Header: c.Header}
		in.heap.Free(&c.Header, cellSize)
		in.free.cells.put(c)
	}
	cellType.repr = func(in *Interp, v Value) (Value, error) {
		c := asObject[Cell](v)
		if c.v.IsNil() {
			return in.NewStr("<cell at 0x" + hexAddr(v) + ": empty>")
		}
		return in.NewStr("<cell at 0x" + hexAddr(v) + ": " + c.v.Type().Name + " object at 0x" + hexAddr(c.v) + ">")
	}
	defGetSet(cellType, "cell_contents", func(in *Interp, v Value) (Value, error) {
		c := asObject[Cell](v)
		if c.v.IsNil() {
			return Value{}, in.raise(valueErrorType, "Cell is empty")
		}
		incRef(c.v)
		return c.v, nil
	}, func(in *Interp, v, value Value) error {
		c := asObject[Cell](v)
		if !value.IsNil() {
			incRef(value)
		}
		old := c.v
		c.v = value
		in.xdecRef(old)
		return nil
	})
}

// Generator is a generator object: a suspended frame whose slots live
// on the Go heap instead of the frame arena, resumed by next(), send()
// and throw() in a loop of its own.
type Generator struct {
	alloc.Header
	alloc.GCLink
	frame    *frame // nil once finished
	code     *Code  // immortal
	name     Value  // str
	qualname Value  // str
	started  bool
	running  bool
	// asyncRunning and asyncClosed are an async generator's
	// ag_running_async and ag_closed (see async_gen.go).
	asyncRunning, asyncClosed bool
	// hooksInited and finalizer: an async generator's first use called
	// sys's firstiter hook and kept its finalizer hook (owned, or nil).
	hooksInited bool
	finalizer   Value
	// excState is the exception the suspended frame is handling (owned),
	// or nil: a generator's except blocks are its own, so a yield
	// inside one does not leak it to the caller.
	excState Value
	// outerPushed: pushGen saved the caller's handled exception on
	// excOuter, for genLeave to restore. When the caller handled none,
	// nothing is pushed (currentException skips empty entries anyway):
	// the usual case costs no slice append and pop.
	outerPushed bool
	// sendCall: the running frame was resumed by CALL_NO_KW_GEN_SEND
	// (gen_inline.go), whose caller keeps the generator on its stack
	// until the frame yields (the value replaces it) or ends
	// (StopIteration is raised at the call).
	sendCall bool
}

var generatorType = newBuiltinType("generator", objectType, 0)

const generatorSize = unsafe.Sizeof(Generator{})

// Generator structs are recycled (in.free.generators, recycle.go):
// nqueens' recursive search makes one per call.

// makeGenerator is RETURN_GENERATOR: f's state moves off the arena into
// a generator, which the call returns.
func (in *Interp) makeGenerator(f *frame) (Value, error) {
	g := in.free.generators.get()
	if err := in.account(&g.Header, genTypeFor(f.tmpl.Flags), generatorSize); err != nil {
		return Value{}, err
	}
	g.Header.SetFlags(alloc.FlagContainer)
	gf := in.frames.Get()
	*gf = *f
	gf.slots = in.values.Get(len(f.slots)) // back to the pool in genResume or freeGenFrame
	copy(gf.slots, f.slots)
	gf.owned, gf.special = true, true
	gf.back, gf.entry = nil, true
	gf.gen = g
	for i := range f.slots {
		f.slots[i] = Value{}
	}
	f.fn = Value{}
	f.sp = f.nlocal
	g.frame = gf
	g.code = gf.code
	fn := asObject[Function](gf.fn)
	g.name, g.qualname = fn.name, fn.qualname
	incRef(g.name)
	incRef(g.qualname)
	return valueOf(g), nil
}

func init() {
	generatorType.dealloc = func(in *Interp, v Value) {
		g := asObject[Generator](v)
		if g.frame != nil {
			in.freeGenFrame(g)
		}
		in.xdecRef(g.finalizer)
		in.decRef(g.name)
		in.decRef(g.qualname)
		if alloc.Debug {
			// put keeps nothing in a debug build: drop the references
			// here. Otherwise put's zeroing is the only one (a second
			// cost ~50 instructions a generator).
			*g = Generator{Header: g.Header}
		}
		in.heap.Free(&g.Header, generatorSize)
		in.free.generators.put(g)
	}
	generatorType.finalize = genFinalize
	generatorType.repr = func(in *Interp, v Value) (Value, error) {
		return in.NewStr("<generator object " + asObject[Generator](v).qualname.GoString() + " at 0x" + hexAddr(v) + ">")
	}
	generatorType.iter = selfIter
	generatorType.next = func(in *Interp, v Value) (Value, bool, error) {
		r, done, err := in.genNext(asObject[Generator](v))
		if err != nil || !done {
			return r, !done, err
		}
		in.decRef(r)
		return Value{}, false, nil
	}
	defMethod(generatorType, "send", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		// checkArgCount's test, inline: the call cost ~25 instructions
		// of each send (a coroutine pipeline sends at every step).
		if len(args) != 2 || len(kwnames) != 0 {
			return Value{}, in.oneArgError("generator.send", args[1:], kwnames)
		}
		return in.genSend(asObject[Generator](args[0]), args[1])
	})
	genSendMethod = generatorType.attrs["send"]
	defMethod(generatorType, "throw", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("throw", args[1:], kwnames, 1, 3); err != nil {
			return Value{}, err
		}
		exc, err := in.throwArgs("throw", args[1:])
		if err != nil {
			return Value{}, err
		}
		g := asObject[Generator](args[0])
		r, done, err := in.genResume(g, Value{}, exc)
		if err == nil && done {
			return Value{}, in.stopIteration(r)
		}
		return r, err
	})
	defMethod(generatorType, "close", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("close", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return None, in.genClose(asObject[Generator](args[0]))
	})
	defMethod(generatorType, "__next__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return in.genSend(asObject[Generator](args[0]), None)
	})
	defMethod(generatorType, "__iter__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		incRef(args[0])
		return args[0], nil
	})
	defGetSet(generatorType, "gi_running", func(in *Interp, v Value) (Value, error) {
		return Bool(asObject[Generator](v).running), nil
	}, nil)
}

// genSendMethod is generator.send's descriptor, which
// CALL_NO_KW_GEN_SEND's guard compares by identity.
var genSendMethod Value

// genFinalize runs an unfinished generator's finally blocks before it is
// freed, as CPython's _PyGen_Finalize closes it: what close raises goes
// to sys.unraisablehook. It runs with the generator alive (dealloc's
// finalize protocol), so a hook that keeps it resurrects it safely.
func genFinalize(in *Interp, v Value) {
	g := asObject[Generator](v)
	if g.frame == nil || !g.started {
		return
	}
	if err := in.genClose(g); err != nil {
		in.unraisable(err, v)
	}
}

// genNothingToFinalize reports whether genFinalize would do nothing for
// v, a dying object of type t: a finished or never-started generator or
// coroutine. Its dealloc then skips the finalize protocol (~70
// instructions a generator, and most generators die finished). No code
// runs, so nothing can see the object unfinalized or resurrect it.
func genNothingToFinalize(t *Type, v Value) bool {
	if t != generatorType && t != coroutineType {
		return false
	}
	g := asObject[Generator](v)
	return g.frame == nil || !g.started
}

// freeGenFrame drops a generator's suspended frame.
func (in *Interp) freeGenFrame(g *Generator) {
	f := g.frame
	g.frame = nil
	in.clearField(&g.excState)
	if f.obj != nil {
		in.detachFrameObject(f)
	}
	for i := 0; i < f.sp; i++ {
		in.xdecRef(f.slots[i])
	}
	in.xdecRef(f.fn)
	in.values.Put(f.slots)
	*f = frame{}
	in.frames.Put(f)
}

// genSend is send(v): the next yielded value, or StopIteration with the
// return value.
func (in *Interp) genSend(g *Generator, v Value) (Value, error) {
	r, done, err := in.genResumeFast(g, v)
	if err == nil && done {
		return Value{}, in.stopIteration(r)
	}
	return r, err
}

// stopIteration raises StopIteration carrying a generator's return value
// (consumed).
func (in *Interp) stopIteration(r Value) error {
	var e *Exception
	var err error
	if r.IsNone() {
		e, err = in.newException(stopIterationType)
	} else {
		e, err = in.newException(stopIterationType, r)
	}
	if err != nil {
		in.decRef(r)
		return err
	}
	in.setDerived(e, asObject[Tuple](e.args).items)
	in.decRef(r)
	return e
}

// genResume runs g until it yields (done false, the value) or returns
// (done true, the return value), sending v or throwing exc into it.
func (in *Interp) genResume(g *Generator, v Value, exc *Exception) (r Value, done bool, err error) {
	if g.running {
		if exc != nil {
			in.decRef(valueOf(exc))
		}
		return Value{}, false, in.raise(valueErrorType, "%s already executing", genKind(g))
	}
	if g.frame == nil {
		if isCoroutine(g) {
			// An exhausted coroutine (genClose never gets here).
			if exc != nil {
				in.decRef(valueOf(exc))
			}
			return Value{}, false, in.raise(runtimeErrorType, "cannot reuse already awaited coroutine")
		}
		if exc != nil {
			return Value{}, false, exc
		}
		return None, true, nil
	}
	if exc != nil && g.started {
		// A generator suspended in `yield from` passes the exception to
		// its sub-iterator first; what that raises (StopIteration
		// included, which CLEANUP_THROW turns into the value) is then
		// raised in the generator's own frame.
		if yf := g.yieldFrom(); !yf.IsNil() {
			// While the sub-iterator handles it, g is running and its
			// frame is the sub-iterator's caller (f_back), as in CPython.
			incRef(yf)
			outer := in.frame
			g.frame.outer, in.frame, g.running = outer, g.frame, true
			r, yielded, err := in.throwIntoSub(yf, exc)
			g.running, in.frame = false, outer
			in.decRef(yf)
			if err == nil && yielded {
				return r, false, nil
			}
			e, ok := err.(*Exception)
			if !ok {
				return Value{}, false, err
			}
			exc = e
		}
	}
	if !g.started && exc == nil && !v.IsNone() {
		return Value{}, false, in.raise(typeErrorType, "can't send non-None value to a just-started %s", genKind(g))
	}
	if err := in.enterFrame(); err != nil {
		if exc != nil {
			in.decRef(valueOf(exc))
		}
		return Value{}, false, err
	}
	if err := in.enterCall(""); err != nil {
		in.depth--
		if exc != nil {
			in.decRef(valueOf(exc))
		}
		return Value{}, false, err
	}
	defer in.leaveCall()
	f := g.frame
	// The sent value is pushed, None under a thrown exception, as in
	// CPython: the handler of a yield from or await (CLEANUP_THROW)
	// finds it below the exception.
	if exc != nil {
		v = None
		exc.contextDone = false // throw() raises it anew in the frame
	}
	incRef(v)
	f.push(v)
	g.started = true
	g.running = true
	f.yielded = false
	// The generator's exception state is its own: the caller's handled
	// exception is restored when it yields or ends.
	in.genSwapIn(g)  // gen_inline.go
	slots := f.slots // given back to the pool below if the frame ends
	if exc != nil {
		r, err = in.runFrom(f, exc)
	} else {
		r, err = in.run(f)
	}
	in.genLeave(g, err == nil && f.yielded)
	if err != nil || !f.yielded {
		// releaseFrame left a generator's own slots alone.
		in.values.Put(slots)
	}
	if err != nil {
		// The frame is gone: unwinding released it.
		g.frame = nil
		if e, ok := err.(*Exception); ok && valueOf(e).Type().IsSubtype(stopIterationType) && exc == nil {
			// PEP 479: handled by INTRINSIC_STOPITERATION_ERROR in the
			// code itself; anything reaching here is passed on.
			return Value{}, false, err
		}
		return Value{}, false, err
	}
	if f.yielded {
		in.depth-- // the frame is suspended, not on the stack
		return r, false, nil
	}
	g.frame = nil // RETURN released it
	return r, true, nil
}

// throwArgs builds the exception of throw(type[, value[, tb]]) (or
// athrow; method names it for the warning the old signature draws, ""
// when that was warned about already). As CPython's _gen_throw, when
// making the exception from a class fails, that failure is what is
// thrown in; bad arguments are raised to the caller.
func (in *Interp) throwArgs(method string, args []Value) (*Exception, error) {
	if len(args) > 1 && method != "" {
		if err := in.warn(exceptionTypes["DeprecationWarning"], "the (type, exc, tb) signature of "+method+"() is deprecated, use the single-arg signature instead.", 1); err != nil {
			return nil, err
		}
	}
	typ := args[0]
	var tb Value
	if len(args) == 3 && !args[2].IsNone() {
		if args[2].Type() != tracebackType {
			return nil, in.raise(typeErrorType, "throw() third argument must be a traceback object")
		}
		tb = args[2]
	}
	var exc *Exception
	switch {
	case isExceptionClass(typ):
		var val Value
		if len(args) > 1 {
			val = args[1]
		}
		var err error
		if exc, err = in.throwInstance((*Type)(typ.p), val); err != nil {
			e, ok := err.(*Exception)
			if !ok {
				return nil, err
			}
			return e, nil // thrown in, without the traceback argument
		}
	case typ.Type().IsSubtype(baseExceptionType):
		if len(args) > 1 && !args[1].IsNone() {
			return nil, in.raise(typeErrorType, "instance exception may not have a separate value")
		}
		incRef(typ)
		exc = asObject[Exception](typ)
	default:
		return nil, in.raise(typeErrorType, "exceptions must be classes or instances deriving from BaseException, not %s", typ.Type().Name)
	}
	if !tb.IsNil() {
		if err := in.setTraceback(exc, tb); err != nil {
			in.decRef(valueOf(exc))
			return nil, err
		}
	}
	return exc, nil
}

// throwInstance is PyErr_NormalizeException for throw(cls, val): val
// itself when it is an instance of cls, else cls(val) or cls(*val).
func (in *Interp) throwInstance(cls *Type, val Value) (*Exception, error) {
	if !val.IsNil() && !val.IsNone() && val.Type().IsSubtype(cls) {
		incRef(val)
		return asObject[Exception](val), nil
	}
	var cargs []Value
	if !val.IsNil() && !val.IsNone() {
		if val.Type() == tupleType {
			cargs = asObject[Tuple](val).items
		} else {
			cargs = []Value{val}
		}
	}
	r, err := in.Call(valueOf(cls), cargs, nil)
	if err != nil {
		return nil, err
	}
	if !r.Type().IsSubtype(baseExceptionType) {
		in.decRef(r)
		clsRepr, err := in.Repr(valueOf(cls))
		if err != nil {
			return nil, err
		}
		defer in.decRef(clsRepr)
		return nil, in.raise(typeErrorType, "calling %s should have returned an instance of BaseException, not %s", clsRepr.GoString(), r.Type().Name)
	}
	return asObject[Exception](r), nil
}

// genClose is close(): throw GeneratorExit in and expect it to end.
func (in *Interp) genClose(g *Generator) error {
	if g.frame == nil {
		return nil
	}
	if !g.started {
		in.freeGenFrame(g)
		return nil
	}
	exc, err := in.newException(exceptionTypes["GeneratorExit"])
	if err != nil {
		return err
	}
	r, done, err := in.genResume(g, Value{}, exc)
	if err != nil {
		if e, ok := err.(*Exception); ok {
			t := valueOf(e).Type()
			if t.IsSubtype(exceptionTypes["GeneratorExit"]) || t.IsSubtype(stopIterationType) {
				in.decRef(valueOf(e))
				return nil
			}
		}
		return err
	}
	in.decRef(r)
	if !done {
		return in.raise(runtimeErrorType, "%s ignored GeneratorExit", genKind(g))
	}
	return nil
}

// yieldFrom is the sub-iterator a generator suspended in `yield from` is
// delegating to (borrowed), or nil: the frame stopped at the YIELD_VALUE
// before a RESUME marked as following a yield from, with the
// sub-iterator on top of its stack.
func (g *Generator) yieldFrom() Value {
	f := g.frame
	if f == nil || f.pc >= len(f.tmpl.Instructions) || f.sp <= f.nlocal {
		return Value{}
	}
	in := f.tmpl.Instructions[f.pc]
	if in.Op() != bytecode.RESUME || in.Oparg() < int(bytecode.RESUME_AFTER_YIELD_FROM) {
		return Value{}
	}
	return f.slots[f.sp-1]
}

// throwIntoSub throws exc (consumed) into a sub-iterator: yielded is set
// when it yielded r instead of raising; a return becomes StopIteration.
func (in *Interp) throwIntoSub(yf Value, exc *Exception) (r Value, yielded bool, err error) {
	if valueOf(exc).Type().IsSubtype(exceptionTypes["GeneratorExit"]) {
		// close() the sub-iterator, then raise GeneratorExit here.
		if yf.Type() == generatorType {
			if cerr := in.genClose(asObject[Generator](yf)); cerr != nil {
				in.decRef(valueOf(exc))
				return Value{}, false, cerr
			}
		} else if cl, lerr := in.lookupAttr(yf, internName("close")); lerr != nil {
			in.decRef(valueOf(exc))
			return Value{}, false, lerr
		} else if !cl.IsNil() {
			res, cerr := in.Call(cl, nil, nil)
			in.decRef(cl)
			if cerr != nil {
				in.decRef(valueOf(exc))
				return Value{}, false, cerr
			}
			in.decRef(res)
		}
		return Value{}, false, exc
	}
	if yf.Type() == generatorType {
		r, done, err := in.genResume(asObject[Generator](yf), Value{}, exc)
		if err != nil {
			return Value{}, false, err
		}
		if done {
			return Value{}, false, in.stopIteration(r)
		}
		return r, true, nil
	}
	throw, err := in.lookupAttr(yf, internName("throw"))
	if err != nil {
		in.decRef(valueOf(exc))
		return Value{}, false, err
	}
	if throw.IsNil() {
		return Value{}, false, exc
	}
	defer in.decRef(throw)
	r, err = in.Call(throw, []Value{valueOf(exc)}, nil)
	in.decRef(valueOf(exc))
	if err != nil {
		return Value{}, false, err
	}
	return r, true, nil
}
