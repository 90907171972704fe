package interp

import (
	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/compile"
)

// frame is one activation of a code object. Its locals-plus slots and its
// value stack are one block of the interpreter's frame arena; a call from
// Python to Python pushes a frame and continues in the same loop.
type frame struct {
	code    *Code
	tmpl    *compile.Code
	ac      *adaptiveCode // this interpreter's quickened copy of code
	fn      Value         // the Function, or nil for module code
	globals *Dict
	names   *Dict // the local namespace of module and class bodies

	slots  []Value // locals plus, then the value stack
	nlocal int     // len(locals plus)
	sp     int     // index of the next free stack slot in slots
	pc     int     // index of the next instruction
	back   *frame  // the caller, when it is a Python frame of this loop
	entry  bool    // returning from this frame leaves the loop
	// special is set with entry, owned or obj (and with gen, which comes
	// with owned), and cleared only when the record is reset: returnAt
	// tests this one byte rather than the four fields, and hands such a
	// frame's return to returnOther, which tests them.
	special bool

	// outer is the frame that was running when this loop was entered
	// (the caller of the builtin that called back into Python), set
	// on an entry frame while it runs: f_back across Go calls.
	outer *frame
	// obj is the frame object Python code holds for this frame, if
	// any; it is detached when the frame is released.
	obj *frameObject

	kwnames []Value // set by KW_NAMES for the next CALL
	// initSelf is the instance a CALL_ALLOC_AND_ENTER_INIT frame (a
	// class's __init__) returns to its caller in place of None (owned).
	initSelf Value
	gen      *Generator // the generator this frame belongs to, or nil
	owned    bool       // slots are the generator's, not the arena's
	yielded  bool       // the last exit from the loop was a yield
	// binop is the return hook of a frame BINARY_OP_PY pushed (its kind,
	// binopLeft...; 0 for any other frame): the return pops the
	// operator's operands from the caller's stack and goes on with the
	// protocol when the method answered NotImplemented (spec_dunder.go).
	// Set with special.
	binop uint8
}

func (f *frame) push(v Value) { f.slots[f.sp] = v; f.sp++ }

func (f *frame) pop() Value {
	f.sp--
	v := f.slots[f.sp]
	f.slots[f.sp] = Value{}
	return v
}

func (f *frame) top() Value { return f.slots[f.sp-1] }

// defaultRecursionLimit is sys.getrecursionlimit() at start.
const defaultRecursionLimit = 1000

// newFrame takes a frame's record from the free list and its slots from
// the arena. (callExact has a copy inline.)
func (in *Interp) newFrame(c *Code, globals *Dict) *frame {
	// This interpreter's adaptive copy of c: one bounds check and a load.
	var ac *adaptiveCode
	if i := int(c.index); i < len(in.spec.codes) {
		ac = in.spec.codes[i]
	}
	if ac == nil {
		ac = in.newAdaptive(c)
	}
	slots, ok := in.frameSlots.TryPush(int(c.frameSize))
	if !ok {
		slots = in.frameSlots.Push(int(c.frameSize)) // a new chunk
	}
	f := in.frames.Get()
	initFrame(f, c, ac, globals, slots)
	return f
}

// initFrame sets the fields of a record from the free list, which hands
// out records that are zero but for these (frame_records.go), one by
// one: assigning a whole composite literal to a heap record zeroes and
// copies all of it through write barriers (60 instructions a call).
func initFrame(f *frame, c *Code, ac *adaptiveCode, globals *Dict, slots []Value) {
	f.code, f.tmpl, f.ac, f.globals = c, c.tmpl, ac, globals
	f.slots = slots
	f.nlocal, f.sp = int(c.nlocal), int(c.nlocal)
}

// releaseFrame drops every reference a frame holds and returns its slots
// and its record.
func (in *Interp) releaseFrame(f *frame) {
	if f.obj != nil {
		in.detachFrameObject(f)
	}
	// Every slot above sp is empty (pops clear what they take), so
	// clearing the slots below it as they are released leaves the whole
	// run zero for PopCleared: no second pass, no bulk clear. decRef
	// inline: a call per slot was a third of the release.
	slots := f.slots[:f.sp]
	for i := range slots {
		if v := slots[i]; v.p != nil {
			slots[i] = Value{}
			if alloc.DecRef((*alloc.Header)(v.p)) {
				in.dealloc(v)
			}
		}
	}
	if !f.owned {
		in.frameSlots.PopCleared(len(f.slots))
	}
	if v := f.fn; v.p != nil && alloc.DecRef((*alloc.Header)(v.p)) {
		in.dealloc(v)
	}
	in.xdecRef(f.initSelf)
	in.depth--
	resetFrame(f)
	in.frames.Put(f)
}

// returnAt is the fast loop's RETURN_VALUE and RETURN_CONST (instr) at
// pc in f, whose stack's top is at sp: it returns the caller, made the
// running frame, with the value pushed on its stack, or nil with f at pc
// for runFrom (the loop's own return, an __init__ that returns
// something).
//
// The usual return, from a frame of a call (not an entry frame or a
// generator's, without a frame object), is released here as
// releaseFrame does, cut to that case: no frame object to detach, slots
// from the arena, and of the fields resetFrame clears, only those such a
// frame's life may have set. f's pc and sp are left as they are: nothing
// that outlives the return looks at them. The rest is returnOther's.
// One call from the loop's case: the case's own tests and the call of a
// second function cost ~15 instructions a return.
//
//go:noinline
func (in *Interp) returnAt(f *frame, instr bytecode.Instr, pc, sp int) *frame {
	var r Value
	if instr.Op() == bytecode.RETURN_CONST {
		r = constAt(f.code.consts, instr.Oparg()) // constants are immortal
	} else {
		sp--
		p := slotAt(f.slots, sp) // sp is above the locals: see slotAt
		r, *p = *p, Value{}
	}
	if f.special {
		if f.binop != 0 {
			return in.returnBinop(f, instr, pc, sp, r) // spec_dunder.go
		}
		return in.returnOther(f, instr, pc, sp, r)
	}
	if alloc.Debug && (f.entry || f.gen != nil || f.obj != nil || f.owned) {
		panic("interp: returnAt: entry, gen, obj or owned set without special")
	}
	if f.initSelf.p != nil {
		// The end of a class call's __init__ (CALL_ALLOC_AND_ENTER_INIT):
		// the caller gets the instance in place of None.
		if !r.IsNone() {
			return in.returnOther(f, instr, pc, sp, r) // an error to raise
		}
		// r is None, immortal: nothing to release.
		r, f.initSelf = f.initSelf, Value{}
	}
	caller := f.back
	in.frame = caller // as runFrom: a __del__ the release runs sees the caller
	// r goes to the call's slot (see callPy) before the release rather
	// than after: nothing a __del__ can reach sees the difference, and
	// r and caller are then not live across the calls below, which
	// cost a spill and a reload of each at every return.
	*slotAt(caller.slots, caller.sp) = r
	caller.sp++
	// As releaseFrame: the slots past sp are empty already. The first
	// count to reach zero hands the rest of the loop to releaseFrom: a
	// call inside the loop made the compiler keep the loop's values on
	// the stack, stored at every return.
	slots := f.slots
	for i := 0; i < sp; i++ { // sp <= len(slots), see slotAt
		p := slotAt(slots, i)
		if v := *p; v.p != nil {
			*p = Value{}
			if alloc.DecRef((*alloc.Header)(v.p)) {
				in.releaseFrom(v, slots[i+1:sp])
				break
			}
		}
	}
	in.frameSlots.PopCleared(len(f.slots))
	if v := f.fn; v.p != nil && alloc.DecRef((*alloc.Header)(v.p)) {
		in.dealloc(v)
	}
	in.depth--
	// resetFrame's stores less those of fields that are zero here: obj,
	// gen, owned and entry by the test above, initSelf taken above,
	// yielded as only generators set it, names and outer as only entry
	// frames have them (module and class bodies, exec; runFrom's entry).
	// kwnames may be left by a CALL that raised before it took them.
	if alloc.Debug && (f.names != nil || f.outer != nil) {
		panic("interp: returnAt: a call's frame with names or outer set")
	}
	caller = f.back
	f.fn, f.pc, f.back, f.kwnames = Value{}, 0, nil, nil
	in.frames.Put(f)
	return caller
}

// returnOther is returnAt for the frames its usual case leaves out, with
// r, the value returned, popped (an owned reference) and sp below it. It
// returns the frame to go on in, or nil with f at pc, as returnAt does.
func (in *Interp) returnOther(f *frame, instr bytecode.Instr, pc, sp int, r Value) *frame {
	if f.entry || f.initSelf.p != nil && !r.IsNone() || f.gen != nil && f.gen.sendCall || f.binop != 0 && r.Is(NotImplemented) {
		// The loop's own return, an __init__ that returns something,
		// a generator a send() call resumed (an error to raise) or an
		// operator method that declined (the rest of the protocol may
		// raise): runFrom's case, r back on the stack.
		if instr.Op() == bytecode.RETURN_VALUE {
			*slotAt(f.slots, sp) = r
			sp++
		}
		f.pc, f.sp = pc, sp
		return nil
	}
	f.pc, f.sp = pc+1, sp
	f.yielded = false
	if f.gen != nil { // a generator FOR_ITER or SEND pushed ends
		caller := in.genReturnInline(f, r)
		in.frame = caller
		return caller
	}
	caller := f.back
	if f.initSelf.p != nil {
		// The end of a class call's __init__: the caller gets the
		// instance in place of None.
		r, f.initSelf = f.initSelf, Value{}
	}
	in.frame = caller // as runFrom: a __del__ the release runs sees the caller
	binop := f.binop
	in.releaseFrame(f)
	if binop != 0 {
		// A frame object's (see above): the operands go, r (not
		// NotImplemented) is the operator's result.
		r, _ = in.binaryOpReturn(caller, binop, r)
	}
	caller.slots[caller.sp] = r
	caller.sp++
	return caller
}

// ExecModule runs compiled module code with globals as its namespace.
// An uncaught Python exception is returned as *Exception.
func (in *Interp) ExecModule(t *compile.Code, globals *Dict) error {
	c := codeOf(t)
	if err := in.checkRunnable(c); err != nil {
		return err
	}
	if err := in.enterFrame(); err != nil {
		return err
	}
	f := in.newFrame(c, globals)
	f.names = globals
	f.entry, f.special = true, true
	r, err := in.runGuarded(f)
	if err == nil {
		in.decRef(r)
	}
	return err
}

// runGuarded runs module code, turning a Go panic that escapes the eval
// loop into SystemError. The frames the panic cut short are abandoned:
// their references leak, but the process and its other interpreters
// live on.
func (in *Interp) runGuarded(f *frame) (r Value, err error) {
	depth, slots := in.depth-1, in.frameSlots.Len()-len(f.slots)
	defer func() {
		if p := recover(); p != nil {
			in.depth = depth
			in.frameSlots.Truncate(slots)
			in.cDepth = 0
			r, err = Value{}, in.goPanic(p)
		}
	}()
	return in.run(f)
}

// enterFrame counts a Python frame against the recursion limit.
func (in *Interp) enterFrame() error {
	if in.depth >= in.recursionLimit {
		return in.raise(recursionErrorType, "maximum recursion depth exceeded")
	}
	in.depth++
	return nil
}

// run is the evaluation loop: it runs f and the frames it calls until the
// entry frame returns. Every instruction that fails sets err and jumps to
// the exception path at the bottom, which looks for a handler in the
// exception table of the current frame and unwinds frames until one is
// found.
func (in *Interp) run(f *frame) (result Value, err error) {
	return in.runFrom(f, nil)
}

// runFrom is run starting with exc raised in f at its current
// instruction (generator.throw).
func (in *Interp) runFrom(f *frame, exc *Exception) (result Value, err error) {
	if exc != nil {
		err = exc
	}
	// in.frame is the running frame, so that builtins and sys._getframe
	// see their caller; a loop restores it as it found it.
	outer := in.frame
	f.outer = outer
	in.frame = f
	defer func() { in.frame = outer }()
	ac := f.ac
	instrs := ac.instrs
	noTraceback := false // RERAISE: the traceback already has this frame
	for {
		if err != nil {
			var handled bool
			if f, handled = in.unwind(f, err, noTraceback); !handled {
				return Value{}, err
			}
			in.frame = f
			err, noTraceback = nil, false
			ac, instrs = f.ac, f.ac.instrs
		}
		// A run of the fast loop costs a call and its set-up: worth it
		// from two instructions on.
		if pc := f.pc; fastOps[instrs[pc].Op()] && pc+1 < len(instrs) && fastOps[instrs[pc+1].Op()] && in.spec.stats == nil {
			// eval_fast.go runs most instructions of hot code.
			// It may return from f and call others; the frame it stops
			// in can even be f's record reused for another call, so the
			// code is always reloaded.
			f, err = in.runFast(f)
			ac, instrs = f.ac, f.ac.instrs
			if err != nil {
				continue
			}
		}
		instr := instrs[f.pc]
		pc := f.pc
		f.pc++
		oparg := instr.Oparg()
		switch op := instr.Op(); op {
		case bytecode.RESUME:
			// As CPython 3.12: the eval breaker is checked at a function's
			// start and where a generator resumes after a plain yield, so
			// a pending signal is raised there.
			if oparg < 2 && in.breaker.Load() != 0 {
				err = in.handleBreaker()
			}

		case bytecode.NOP:

		case bytecode.LOAD_CONST:
			f.push(f.code.consts[oparg]) // constants are immortal

		case bytecode.LOAD_FAST, bytecode.LOAD_FAST__BINARY_SUBSCR:
			v := f.slots[oparg]
			incRef(v)
			f.push(v)

		case bytecode.LOAD_FAST_CHECK:
			v := f.slots[oparg]
			if v.IsNil() {
				err = in.raise(unboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", f.tmpl.LocalsPlusNames[oparg])
				break
			}
			incRef(v)
			f.push(v)

		case bytecode.STORE_FAST:
			old := f.slots[oparg]
			f.slots[oparg] = f.pop()
			in.xdecRef(old)

		// The superinstructions (adaptive.go's fuseSuperinstructions) run
		// the next word too, reading its oparg, and step over it.
		case bytecode.LOAD_FAST__LOAD_FAST:
			a, b := f.slots[oparg], f.slots[instrs[f.pc].Oparg()]
			f.pc++
			incRef(a)
			incRef(b)
			f.slots[f.sp], f.slots[f.sp+1] = a, b
			f.sp += 2

		case bytecode.LOAD_FAST__LOAD_CONST:
			a, b := f.slots[oparg], f.code.consts[instrs[f.pc].Oparg()]
			f.pc++
			incRef(a)
			f.slots[f.sp], f.slots[f.sp+1] = a, b
			f.sp += 2

		case bytecode.LOAD_CONST__LOAD_FAST:
			b := f.slots[instrs[f.pc].Oparg()]
			f.pc++
			incRef(b)
			f.slots[f.sp], f.slots[f.sp+1] = f.code.consts[oparg], b
			f.sp += 2

		case bytecode.STORE_FAST__LOAD_FAST:
			// The old value is released at the store, as in CPython: a
			// __del__ sees this frame at the store's line.
			old := f.slots[oparg]
			f.slots[oparg] = f.pop()
			in.xdecRef(old)
			v := f.slots[instrs[f.pc].Oparg()]
			f.pc++
			incRef(v)
			f.push(v)

		case bytecode.STORE_FAST__STORE_FAST:
			i, j := oparg, instrs[f.pc].Oparg()
			// In order, as two stores: with i == j the second releases
			// what the first stored. The releases see the first store's
			// position, as in CPython.
			old1 := f.slots[i]
			f.slots[i] = f.slots[f.sp-1]
			old2 := f.slots[j]
			f.slots[j] = f.slots[f.sp-2]
			f.slots[f.sp-1], f.slots[f.sp-2] = Value{}, Value{}
			f.sp -= 2
			in.xdecRef(old1)
			in.xdecRef(old2)
			f.pc++

		case bytecode.POP_TOP:
			in.decRef(f.pop())

		case bytecode.PUSH_NULL:
			f.push(Value{})

		case bytecode.COPY:
			v := f.slots[f.sp-oparg]
			incRef(v)
			f.push(v)

		case bytecode.SWAP:
			i, j := f.sp-1, f.sp-oparg
			f.slots[i], f.slots[j] = f.slots[j], f.slots[i]

		case bytecode.STORE_GLOBAL, bytecode.LOAD_NAME, bytecode.STORE_NAME:
			err = in.execPlain(f, op, oparg)

		case bytecode.DELETE_NAME, bytecode.DELETE_GLOBAL:
			d := f.names
			if op == bytecode.DELETE_GLOBAL {
				d = f.globals
			}
			name := f.code.names[oparg]
			if ns := valueOf(d); op == bytecode.DELETE_NAME && ns.Type() != dictType {
				if err = in.SetItem(ns, name, Value{}); err != nil && in.isKeyError(err) {
					in.decRef(valueOf(err.(*Exception)))
					err = in.raise(nameErrorType, "name '%s' is not defined", name.GoString())
				}
				break
			}
			var ok bool
			if ok, err = in.DictDelete(d, name); err == nil && !ok {
				err = in.raise(nameErrorType, "name '%s' is not defined", name.GoString())
			}

		case bytecode.DELETE_FAST:
			if f.slots[oparg].IsNil() {
				err = in.raise(unboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", f.tmpl.LocalsPlusNames[oparg])
				break
			}
			in.decRef(f.slots[oparg])
			f.slots[oparg] = Value{}

		case bytecode.LOAD_GLOBAL:
			in.specExec(op)
			if ac.due(pc) {
				in.adaptNow(f, ac, pc)
			}
			err = in.execLoadGlobal(f, oparg)

		case bytecode.BINARY_OP:
			in.specExec(op)
			if ac.due(pc) {
				in.adaptNow(f, ac, pc)
			}
			err = in.execBinaryOp(f, oparg)

		case bytecode.COMPARE_OP:
			in.specExec(op)
			if ac.due(pc) {
				in.adaptNow(f, ac, pc)
			}
			err = in.execCompareOp(f, oparg)

		// The arithmetic forms run in the fast loop (eval_fast.go); here,
		// when it is off or stepped aside, they are execSpecialized's. The
		// attribute and call forms below stay inline: their misses grow
		// the cache's ways or push frames.
		case bytecode.LOAD_ATTR_WITH_HINT, bytecode.LOAD_ATTR_METHOD_WITH_VALUES, bytecode.LOAD_ATTR_METHOD_NO_DICT,
			bytecode.LOAD_ATTR_MODULE, bytecode.LOAD_ATTR_CLASS, bytecode.LOAD_ATTR_SLOT:
			if in.loadAttrCached(f, op, ac.cacheAt[pc].entries(loadAttrCache), oparg) {
				break
			}
			_, err = in.execSpecialized(f, ac, pc, instr)

		case bytecode.STORE_ATTR_WITH_HINT, bytecode.STORE_ATTR_SLOT:
			var ok bool
			if ok, err = in.storeAttrCached(f, op, ac.cacheAt[pc].entries(storeAttrCache), f.code.names[oparg]); ok {
				break
			}
			_, err = in.execSpecialized(f, ac, pc, instr)

		case bytecode.CALL_PY_EXACT_ARGS, bytecode.CALL_BOUND_METHOD_EXACT_ARGS, bytecode.CALL_PY_WITH_DEFAULTS:
			var callee *frame
			if in.breaker.Load() == 0 && f.kwnames == nil {
				var ok bool
				if callee, ok, err = in.callExact(f, op, oparg); ok {
					in.specHit(op)
				} else {
					callee, err = in.execSpecialized(f, ac, pc, instr)
				}
			} else {
				callee, err = in.execSpecialized(f, ac, pc, instr)
			}
			if callee != nil {
				callee.back = f
				f = callee
				in.frame = f
				ac, instrs = f.ac, f.ac.instrs
			}

		case bytecode.LOAD_GLOBAL_MODULE, bytecode.LOAD_GLOBAL_BUILTIN:
			if v, ok := in.loadGlobalCached(f, op, ac.cacheAt[pc].entries(loadGlobalCache)); ok {
				incRef(v)
				if oparg&1 != 0 {
					f.push(Value{})
				}
				f.push(v)
				break
			}
			in.specMiss(ac, pc)
			err = in.execLoadGlobal(f, oparg)

		case bytecode.IS_OP:
			b := f.pop()
			a := f.pop()
			f.push(Bool(a.Is(b) != (oparg == 1)))
			in.decRef(a)
			in.decRef(b)

		case bytecode.UNARY_NOT:
			v := f.pop()
			var t bool
			t, err = in.Truth(v)
			in.decRef(v)
			if err == nil {
				f.push(Bool(!t))
			}

		case bytecode.UNARY_NEGATIVE, bytecode.UNARY_INVERT:
			v := f.pop()
			var r Value
			r, err = in.unaryOp(op, v)
			in.decRef(v)
			if err == nil {
				f.push(r)
			}

		case bytecode.POP_JUMP_IF_FALSE, bytecode.POP_JUMP_IF_TRUE:
			v := f.pop()
			var t bool
			switch v.p {
			case boolTag, intTag: // the TO_BOOL forms of CPython, inline
				t = v.n != 0
			case noneTag:
			default:
				t, err = in.Truth(v)
				in.decRef(v)
			}
			taken := err == nil && t == (op == bytecode.POP_JUMP_IF_TRUE)
			recordBranch(ac, pc, taken)
			if taken {
				f.pc = instr.Target(pc)
			}

		case bytecode.POP_JUMP_IF_NONE, bytecode.POP_JUMP_IF_NOT_NONE:
			v := f.pop()
			taken := v.IsNone() == (op == bytecode.POP_JUMP_IF_NONE)
			recordBranch(ac, pc, taken)
			if taken {
				f.pc = instr.Target(pc)
			}
			in.decRef(v)

		case bytecode.JUMP_FORWARD, bytecode.JUMP_BACKWARD_NO_INTERRUPT:
			f.pc = instr.Target(pc)

		case bytecode.JUMP_BACKWARD:
			// The eval breaker: a pending interrupt is raised at the next
			// backward jump or call, so no loop runs past it. It is raised
			// at the jump itself, inside the loop's try blocks.
			if in.breaker.Load() != 0 {
				if err = in.handleBreaker(); err != nil {
					break
				}
			}
			cacheAtPC(ac.cacheAt, pc).n++ // tier 2's hotness counter
			f.pc = instr.Target(pc)

		case bytecode.BUILD_TUPLE, bytecode.BUILD_LIST:
			err = in.execPlain(f, op, oparg)

		case bytecode.PUSH_EXC_INFO:
			exc := f.pop()
			prev := in.excInfo
			if prev.IsNil() {
				prev = None
			}
			f.push(prev) // the stack takes over in.excInfo's reference
			incRef(exc)
			in.excInfo = exc
			f.push(exc)

		case bytecode.POP_EXCEPT:
			old := in.excInfo
			in.excInfo = f.pop()
			if in.excInfo.IsNone() {
				in.excInfo = Value{}
			}
			in.xdecRef(old)

		case bytecode.CHECK_EXC_MATCH:
			match := f.pop()
			var ok bool
			ok, err = in.exceptionMatches(f.top(), match)
			in.decRef(match)
			if err == nil {
				f.push(Bool(ok))
			}

		case bytecode.CHECK_EG_MATCH:
			matchType, exc := f.pop(), f.pop()
			var rest, match Value
			rest, match, err = in.checkEGMatch(exc, matchType)
			in.decRef(matchType)
			in.decRef(exc)
			if err == nil {
				f.push(rest)
				f.push(match)
				if !match.IsNone() {
					// The clause handles the matched part: sys.exception().
					old := in.excInfo
					incRef(match)
					in.excInfo = match
					in.xdecRef(old)
				}
			}

		case bytecode.RERAISE:
			// The handler is looked up at the RERAISE itself; the
			// traceback already holds this frame at the instruction that
			// first raised (the lasti below the exception, when oparg is
			// set, which is what CPython reports as the frame's line).
			err = asObject[Exception](f.pop())
			noTraceback = true

		case bytecode.RAISE_VARARGS:
			err = in.raiseVarargs(f, oparg)
			// A bare raise re-raises without adding this frame again.
			noTraceback = oparg == 0 && !in.currentException().IsNil() && err == error(asObject[Exception](in.currentException()))

		case bytecode.FORMAT_VALUE, bytecode.BUILD_STRING:
			err = in.execPlain(f, op, oparg)

		case bytecode.BINARY_SUBSCR:
			in.specExec(op)
			if ac.due(pc) {
				in.adaptNow(f, ac, pc)
			}
			err = in.execBinarySubscr(f)

		case bytecode.STORE_SUBSCR:
			in.specExec(op)
			if ac.due(pc) {
				in.adaptNow(f, ac, pc)
			}
			err = in.execStoreSubscr(f)

		case bytecode.CONTAINS_OP:
			in.specExec(op)
			if ac.due(pc) {
				in.adaptNow(f, ac, pc)
			}
			err = in.execContainsOp(f, oparg)

		case bytecode.UNPACK_SEQUENCE:
			in.specExec(op)
			if ac.due(pc) {
				in.adaptNow(f, ac, pc)
			}
			err = in.execUnpackSequence(f, oparg)

		case bytecode.UNPACK_SEQUENCE_TWO_TUPLE, bytecode.UNPACK_SEQUENCE_TUPLE, bytecode.UNPACK_SEQUENCE_LIST:
			// Inline, as FOR_ITER_RANGE is; a miss goes to execSpecialized.
			if items := unpackItems(f.top(), op); items != nil && len(items) == oparg {
				in.specHit(op)
				v := f.pop()
				for i := len(items) - 1; i >= 0; i-- {
					incRef(items[i])
					f.push(items[i])
				}
				in.decRef(v)
				break
			}
			_, err = in.execSpecialized(f, ac, pc, instr)

		case bytecode.BUILD_MAP, bytecode.BUILD_CONST_KEY_MAP:
			var r Value
			r, err = in.buildMap(f, op == bytecode.BUILD_CONST_KEY_MAP, oparg)
			if err == nil {
				f.push(r)
			}

		case bytecode.LIST_APPEND:
			err = in.execPlain(f, op, oparg)

		case bytecode.GET_ITER:
			err = in.execPlain(f, op, oparg)

		case bytecode.FOR_ITER:
			in.specExec(op)
			if ac.due(pc) {
				in.adaptNow(f, ac, pc)
			}
			if g := inlineGen(f.top(), None); g != nil {
				// The generator's frame runs in this loop (gen_inline.go).
				var gf *frame
				if gf, err = in.pushGen(f, g, None); err == nil {
					f = gf
					in.frame = f
					ac, instrs = f.ac, f.ac.instrs
				}
				break
			}
			err = in.execForIter(f, instr, pc)

		case bytecode.FOR_ITER_RANGE:
			if it := f.top(); it.Type() == rangeIteratorType {
				in.specHit(op)
				if r := asObject[rangeIterator](it); r.left > 0 {
					f.push(Int(r.next))
					r.next += r.step
					r.left--
					break
				}
				// Exhausted: drop the iterator and skip the END_FOR.
				in.decRef(f.pop())
				f.pc = instr.Target(pc) + 1
				break
			}
			in.specMiss(ac, pc)
			err = in.execForIter(f, instr, pc)

		case bytecode.END_FOR:
			in.decRef(f.pop())
			in.decRef(f.pop())

		case bytecode.LIST_EXTEND:
			err = in.execPlain(f, op, oparg)

		case bytecode.BUILD_SET:
			err = in.execPlain(f, op, oparg)

		case bytecode.SET_ADD:
			err = in.execPlain(f, op, oparg)

		case bytecode.SET_UPDATE:
			src := f.pop()
			err = in.setUpdateFrom(f.slots[f.sp-oparg], src)
			in.decRef(src)

		case bytecode.MAKE_FUNCTION:
			err = in.execPlain(f, op, oparg)

		case bytecode.KW_NAMES:
			f.kwnames = asObject[Tuple](f.code.consts[oparg]).items

		case bytecode.CALL:
			in.specExec(op)
			if ac.due(pc) {
				in.adaptNow(f, ac, pc)
			}
			if in.breaker.Load() != 0 {
				if err = in.handleBreaker(); err != nil {
					break
				}
			}
			in.frame = f
			var callee *frame
			callee, err = in.call(f, oparg)
			if err == nil && callee != nil {
				callee.back = f
				f = callee
				in.frame = f
				ac, instrs = f.ac, f.ac.instrs
			}

		case bytecode.CALL_FUNCTION_EX:
			if in.breaker.Load() != 0 {
				if err = in.handleBreaker(); err != nil {
					break
				}
			}
			var callee *frame
			callee, err = in.callExFrame(f, oparg) // eval_ops.go
			if err == nil && callee != nil {
				callee.back = f
				f = callee
				in.frame = f
				ac, instrs = f.ac, f.ac.instrs
			}

		case bytecode.LOAD_ATTR:
			in.specExec(op)
			if ac.due(pc) {
				in.adaptNow(f, ac, pc)
			}
			err = in.execLoadAttr(f, oparg)

		case bytecode.STORE_ATTR:
			in.specExec(op)
			if ac.due(pc) {
				in.adaptNow(f, ac, pc)
			}
			err = in.execStoreAttr(f, oparg)

		case bytecode.DELETE_ATTR:
			owner := f.pop()
			err = in.SetAttr(owner, f.code.names[oparg], Value{})
			in.decRef(owner)

		case bytecode.LOAD_SUPER_ATTR:
			in.specExec(op)
			if ac.due(pc) {
				in.adaptNow(f, ac, pc)
			}
			err = in.execLoadSuperAttr(f, oparg) // spec_super.go

		case bytecode.LOAD_BUILD_CLASS:
			f.push(buildClassBuiltin)

		case bytecode.LOAD_LOCALS:
			if f.names == nil {
				err = in.raise(systemErrorType, "no locals found")
				break
			}
			incRef(valueOf(f.names))
			f.push(valueOf(f.names))

		case bytecode.LOAD_FROM_DICT_OR_GLOBALS, bytecode.LOAD_FROM_DICT_OR_DEREF:
			mapping := f.pop()
			var name Value
			if op == bytecode.LOAD_FROM_DICT_OR_GLOBALS {
				name = f.code.names[oparg]
			} else {
				name = internName(f.tmpl.LocalsPlusNames[oparg])
			}
			var v Value
			var ok bool
			v, ok, err = in.mappingGet(mapping, name)
			in.decRef(mapping)
			if err != nil {
				break
			}
			if ok {
				f.push(v)
				break
			}
			if op == bytecode.LOAD_FROM_DICT_OR_GLOBALS {
				if v, err = in.loadName(f, name, false); err == nil {
					f.push(v)
				}
				break
			}
			if v, err = in.loadDeref(f, oparg); err == nil {
				f.push(v)
			}

		case bytecode.MAKE_CELL:
			err = in.execPlain(f, op, oparg)

		case bytecode.COPY_FREE_VARS:
			// bindArgs put the closure's cells in place.

		case bytecode.LOAD_CLOSURE:
			v := f.slots[oparg]
			incRef(v)
			f.push(v)

		case bytecode.LOAD_DEREF:
			err = in.execPlain(f, op, oparg)

		case bytecode.STORE_DEREF:
			err = in.execPlain(f, op, oparg)

		case bytecode.DELETE_DEREF:
			c := asObject[Cell](f.slots[oparg])
			if c.v.IsNil() {
				err = in.unboundDeref(f, oparg)
				break
			}
			in.decRef(c.v)
			c.v = Value{}

		case bytecode.LOAD_FAST_AND_CLEAR:
			f.push(f.slots[oparg]) // may be the empty slot
			f.slots[oparg] = Value{}

		case bytecode.UNPACK_EX:
			v := f.pop()
			err = in.execUnpackEx(f, v, oparg&0xFF, oparg>>8)
			in.decRef(v)

		case bytecode.DELETE_SUBSCR:
			key := f.pop()
			container := f.pop()
			err = in.SetItem(container, key, Value{})
			in.decRef(container)
			in.decRef(key)

		case bytecode.BUILD_SLICE:
			err = in.execPlain(f, op, oparg)

		case bytecode.BINARY_SLICE:
			err = in.execPlain(f, op, oparg)

		case bytecode.STORE_SLICE:
			err = in.execPlain(f, op, oparg)

		case bytecode.MAP_ADD:
			v := f.pop()
			k := f.pop()
			err = in.DictSet(asObject[Dict](f.slots[f.sp-oparg]), k, v)
			in.decRef(k)
			in.decRef(v)

		case bytecode.DICT_UPDATE, bytecode.DICT_MERGE:
			update := f.pop()
			d := asObject[Dict](f.slots[f.sp-oparg])
			if op == bytecode.DICT_UPDATE {
				err = in.dictUpdate(d, update, false, Value{})
			} else {
				err = in.dictUpdate(d, update, true, f.slots[f.sp-oparg-2])
			}
			in.decRef(update)

		case bytecode.BEFORE_WITH:
			mgr := f.pop()
			var exit, res Value
			exit, res, err = in.beforeWith(mgr)
			in.decRef(mgr)
			if err == nil {
				f.push(exit)
				f.push(res)
			}

		case bytecode.WITH_EXCEPT_START:
			exc := f.slots[f.sp-1]
			exit := f.slots[f.sp-4]
			var r, tb Value
			if tb, err = in.tracebackValue(asObject[Exception](exc)); err != nil {
				break
			}
			r, err = in.Call(exit, []Value{valueOf(exc.Type()), exc, tb}, nil)
			in.decRef(tb)
			if err == nil {
				f.push(r)
			}

		case bytecode.LOAD_ASSERTION_ERROR:
			f.push(valueOf(exceptionTypes["AssertionError"]))

		case bytecode.SETUP_ANNOTATIONS:
			if f.names == nil {
				err = in.raise(systemErrorType, "no locals found when setting up annotations")
				break
			}
			var ok bool
			if _, ok, err = in.DictGet(f.names, internName("__annotations__")); err == nil && !ok {
				var d Value
				if d, err = in.NewDict(); err == nil {
					err = in.DictSet(f.names, internName("__annotations__"), d)
					in.decRef(d)
				}
			}

		case bytecode.GET_LEN:
			var n int
			if n, err = in.Len(f.top()); err == nil {
				f.push(Int(int64(n)))
			}

		case bytecode.MATCH_SEQUENCE, bytecode.MATCH_MAPPING, bytecode.MATCH_KEYS, bytecode.MATCH_CLASS:
			err = in.execMatch(f, op, oparg)

		case bytecode.CALL_INTRINSIC_1:
			err = in.execPlain(f, op, oparg)

		case bytecode.CALL_INTRINSIC_2:
			v1 := f.pop()
			v2 := f.pop()
			var r Value
			r, err = in.intrinsic2(f, oparg, v2, v1)
			in.decRef(v1)
			in.decRef(v2)
			if err == nil {
				f.push(r)
			}

		case bytecode.IMPORT_NAME:
			fromlist := f.pop()
			level := f.pop()
			var r Value
			r, err = in.importName(f.globals, f.code.names[oparg], fromlist, int(level.SmallInt()))
			in.decRef(fromlist)
			in.decRef(level)
			if err == nil {
				f.push(r)
			}

		case bytecode.IMPORT_FROM:
			var r Value
			if r, err = in.importFrom(f.top(), f.code.names[oparg]); err == nil {
				f.push(r)
			}

		case bytecode.RETURN_GENERATOR:
			var g Value
			if g, err = in.makeGenerator(f); err != nil {
				break
			}
			caller, entry := f.back, f.entry
			in.releaseFrame(f)
			if entry {
				return g, nil
			}
			f = caller
			in.frame = f
			ac, instrs = f.ac, f.ac.instrs
			f.push(g)

		case bytecode.YIELD_VALUE:
			v := f.pop()
			f.yielded = true
			if f.gen != nil && !f.entry {
				// A generator FOR_ITER or SEND pushed (gen_inline.go).
				f = in.genYieldInline(f)
				in.frame = f
				ac, instrs = f.ac, f.ac.instrs
				f.push(v)
				break
			}
			return v, nil

		case bytecode.GET_YIELD_FROM_ITER:
			v := f.top()
			if v.Type() != generatorType {
				var it Value
				if it, err = in.getIter(v); err != nil {
					break
				}
				in.decRef(f.pop())
				f.push(it)
			}

		case bytecode.SEND:
			in.specExec(op)
			if ac.due(pc) {
				in.adaptNow(f, ac, pc)
			}
			// A generator's frame runs in this loop (gen_inline.go).
			var gf *frame
			if gf, err = in.execSend(f, instr, pc); gf != nil {
				f = gf
				ac, instrs = f.ac, f.ac.instrs
			}

		case bytecode.END_SEND:
			v := f.pop()
			in.decRef(f.pop())
			f.push(v)

		case bytecode.GET_AWAITABLE:
			err = in.execGetAwaitable(f, oparg)

		case bytecode.GET_AITER:
			err = in.execGetAIter(f)

		case bytecode.GET_ANEXT:
			err = in.execGetANext(f)

		case bytecode.END_ASYNC_FOR:
			err = in.execEndAsyncFor(f)
			noTraceback = err != nil

		case bytecode.BEFORE_ASYNC_WITH:
			err = in.execBeforeAsyncWith(f)

		case bytecode.CLEANUP_THROW:
			exc := f.pop()
			if !exc.Type().IsSubtype(stopIterationType) {
				err = asObject[Exception](exc)
				noTraceback = true
				break
			}
			in.decRef(f.pop()) // last sent value
			in.decRef(f.pop()) // the sub-iterator
			f.push(None)
			v := asObject[Exception](exc).value
			if v.IsNil() {
				v = None
			}
			incRef(v)
			in.decRef(exc)
			f.push(v)

		case bytecode.RETURN_VALUE, bytecode.RETURN_CONST:
			var r Value
			if op == bytecode.RETURN_CONST {
				r = f.code.consts[oparg]
			} else {
				r = f.pop()
			}
			f.yielded = false
			if f.gen != nil && !f.entry {
				// A generator FOR_ITER, SEND or send() pushed ends
				// (gen_inline.go).
				if f.gen.sendCall {
					f, err = in.genReturnSend(f, r)
				} else {
					f = in.genReturnInline(f, r)
				}
				in.frame = f
				ac, instrs = f.ac, f.ac.instrs
				break
			}
			caller, entry, binop := f.back, f.entry, f.binop
			self := f.initSelf
			f.initSelf = Value{}
			// As CPython: the frame is gone before its locals are
			// released, so a __del__ they run sees the caller.
			if entry {
				in.frame = f.outer
			} else {
				in.frame = caller
			}
			in.releaseFrame(f) // f is reused from here on
			if entry {
				return r, nil
			}
			f = caller
			in.frame = f
			ac, instrs = f.ac, f.ac.instrs
			if !self.IsNil() {
				// The end of a class call's __init__: the caller gets
				// the instance (the error, if any, is the caller's).
				if r, self = self, r; !self.IsNone() {
					err = in.raise(typeErrorType, "__init__() should return None, not '%s'", self.Type().Name)
					in.decRef(r)
				}
				in.decRef(self)
				if err != nil {
					break
				}
			}
			if binop != 0 {
				// The end of an operator method BINARY_OP_PY called:
				// the operands go, and NotImplemented goes on with the
				// protocol (the error, if any, is the caller's).
				if r, err = in.binaryOpReturn(f, binop, r); err != nil {
					break
				}
			}
			f.push(r)

		default:
			if !op.IsSpecialized() {
				err = in.raise(notImplementedErrorType, "the %s instruction is not implemented yet", op)
				break
			}
			var callee *frame
			if callee, err = in.execSpecialized(f, ac, pc, instr); callee != nil {
				callee.back = f
				f = callee
				in.frame = f
				ac, instrs = f.ac, f.ac.instrs
			}
		}
	}
}

// unwind looks for a handler of err in f and its callers, releasing the
// frames it leaves. It returns the frame to continue in, or false when
// the exception escapes the entry frame.
func (in *Interp) unwind(f *frame, err error, reraised bool) (*frame, bool) {
	exc, ok := err.(*Exception)
	if !ok {
		panic("interp: a non-Python error reached the eval loop: " + err.Error())
	}
	if !reraised && !exc.contextDone {
		// A re-raise (RERAISE, a bare raise) keeps the context the
		// exception has, even one a finally block cleared.
		in.setContext(exc)
		exc.contextDone = true
	}
	for {
		if !reraised {
			g := f.globals
			var fo Value
			if exc == in.noMemory {
				g = nil // it outlives the program: it must not hold its globals
			} else if o, err := in.frameObjectFor(f); err == nil {
				// CPython's tb_frame is the frame itself: it shows the
				// frame's locals and callers once the frame has returned.
				fo = o
			} else {
				in.decRef(valueOf(err.(*Exception)))
			}
			exc.addTraceback(f.code, f.pc-1, g, fo)
		}
		reraised = false
		if h, found := bytecode.FindHandler(f.tmpl.ExceptionTable, f.pc-1); found {
			for f.sp > f.nlocal+h.Depth {
				in.xdecRef(f.pop()) // NULL slots from PUSH_NULL are empty
			}
			if h.Lasti {
				f.push(Int(int64(f.pc - 1)))
			}
			f.push(valueOf(exc))
			f.pc = h.Target
			return f, true
		}
		caller, entry := f.back, f.entry
		in.releaseUnwound(f)
		if entry {
			return nil, false
		}
		f = caller
	}
}

// loadName looks a name up in the local namespace (when locals is set),
// the globals and the builtins, returning a new reference.
func (in *Interp) loadName(f *frame, name Value, locals bool) (Value, error) {
	if locals && f.names != nil && f.names != f.globals {
		if ns := valueOf(f.names); ns.Type() != dictType {
			// A namespace of a dict subclass: its own __getitem__.
			if v, ok, err := in.mappingGet(ns, name); err != nil || ok {
				return v, err
			}
		} else if v, ok, err := in.DictGet(f.names, name); err != nil {
			return Value{}, err
		} else if ok {
			incRef(v)
			return v, nil
		}
	}
	// A failed lookup (a key whose __eq__ raises) is an error, not a
	// miss, as in CPython.
	for _, d := range []*Dict{f.globals, in.builtins} {
		if v, ok, err := in.DictGet(d, name); err != nil {
			return Value{}, err
		} else if ok {
			incRef(v)
			return v, nil
		}
	}
	err := in.raise(nameErrorType, "name '%s' is not defined", name.GoString())
	if e, ok := err.(*Exception); ok {
		e.setNameObj(name, Value{})
		in.nameErrorCandidates(e, f, name)
	}
	return Value{}, err
}

func (in *Interp) unaryOp(op bytecode.Op, v Value) (Value, error) {
	num := v.Type().number
	switch {
	case op == bytecode.UNARY_NEGATIVE && num != nil && num.neg != nil:
		return num.neg(in, v)
	case op == bytecode.UNARY_INVERT && num != nil && num.invert != nil:
		return num.invert(in, v)
	}
	if v.Type().Flags&TypeHeapType != 0 {
		name := "__neg__"
		if op == bytecode.UNARY_INVERT {
			name = "__invert__"
		}
		if r, found, err := in.callSpecial(v, name); found || err != nil {
			return r, err
		}
	}
	sym := "-"
	if op == bytecode.UNARY_INVERT {
		sym = "~"
	}
	return Value{}, in.raise(typeErrorType, "bad operand type for unary %s: '%s'", sym, v.Type().Name)
}

// RunMain runs a program's compiled module code as __main__, in a new
// module registered in sys.modules, with the globals CPython gives a
// main program. An uncaught exception is returned as *Exception (print
// it with PrintException).
func (in *Interp) RunMain(t *compile.Code) error {
	if err := in.issueCompileWarnings(t.Warnings); err != nil {
		return err
	}
	m, err := in.newModule("__main__")
	if err != nil {
		return err
	}
	defer in.decRef(valueOf(m))
	ann, err := in.NewDict()
	if err != nil {
		return err
	}
	err = in.setGlobal(m, "__annotations__", ann)
	in.decRef(ann)
	if err != nil {
		return err
	}
	if err := in.setGlobal(m, "__builtins__", valueOf(in.builtinsModule)); err != nil {
		return err
	}
	if t.Filename != "<string>" {
		if err := in.setGlobalStr(m, "__file__", t.Filename); err != nil {
			return err
		}
		if err := in.setGlobal(m, "__cached__", None); err != nil {
			return err
		}
	}
	if err := in.DictSet(in.modules, internName("__main__"), valueOf(m)); err != nil {
		return err
	}
	return in.ExecModule(t, m.Dict())
}

// replaceTop drops the top n values of f's stack (the items a BUILD_*
// instruction consumed) and pushes r unless building it failed.
func (in *Interp) replaceTop(f *frame, n int, r Value, err error) {
	items := f.slots[f.sp-n : f.sp]
	for i := range items {
		in.decRef(items[i])
		items[i] = Value{}
	}
	f.sp -= n
	if err == nil {
		f.push(r)
	}
}

// isKeyError reports whether err is a KeyError.
func (in *Interp) isKeyError(err error) bool { return ErrorIs(err, keyErrorType) }
