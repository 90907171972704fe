package interp

import (
	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/bytecode"
)

// Generators resumed inside the running loop. FOR_ITER over a generator
// and SEND to one (yield from) do not call genResume, which would run
// the generator's frame in a Go-level loop of its own: as CPython 3.12's
// FOR_ITER_GEN and SEND_GEN do, they push the generator's frame on top
// of the caller's (back = the caller, entry = false) and go on in the
// same loop. What genResume does around that run is split in three:
//
//   - pushGen, at FOR_ITER or SEND: the generator starts running, with
//     its own handled exception (excState) in place;
//   - genYieldInline, at YIELD_VALUE: the frame is suspended again as a
//     stand-alone entry frame and the value goes to the caller;
//   - genReturnInline, at RETURN_VALUE, and releaseUnwound, when an
//     exception leaves the frame: the generator is finished.
//
// A frame pushed this way is one whose gen is set and entry is not.

// inlineGen returns the generator v when FOR_ITER or SEND (sending sent)
// can resume it in the running loop: an exact generator, suspended (not
// running, not finished), and started unless sent is None (else
// genResume raises the TypeError).
func inlineGen(v, sent Value) *Generator {
	if v.Type() != generatorType {
		return nil
	}
	g := asObject[Generator](v)
	if g.running || g.frame == nil || !g.started && !sent.IsNone() {
		return nil
	}
	return g
}

// pushGen resumes g above caller with v sent (a reference pushGen takes
// over when it succeeds) and returns g's frame, now the running one.
func (in *Interp) pushGen(caller *frame, g *Generator, v Value) (*frame, error) {
	if err := in.enterFrame(); err != nil {
		return nil, err
	}
	f := g.frame
	f.push(v)
	g.started, g.running = true, true
	f.yielded = false
	f.entry, f.back = false, caller
	in.genSwapIn(g)
	return f, nil
}

// genSwapIn gives g's frame its own handled exception, as genResume
// does, saving the caller's for genLeave. With neither handling one (the
// usual case) nothing is written.
func (in *Interp) genSwapIn(g *Generator) {
	if in.excInfo.p == nil && g.excState.p == nil {
		return
	}
	if g.outerPushed = in.excInfo.p != nil; g.outerPushed {
		in.excOuter = append(in.excOuter, in.excInfo)
	}
	in.excInfo, g.excState = g.excState, Value{}
}

// genLeave ends a run of g's frame: the caller's handled exception comes
// back, and g keeps its own when it is suspended (else it is dropped).
// Neither handling one is the usual case, tested here, small enough to
// inline at each yield and return; genLeaveExc has the rest.
func (in *Interp) genLeave(g *Generator, suspended bool) {
	g.running = false
	if in.excInfo.p != nil || g.outerPushed {
		in.genLeaveExc(g, suspended)
	}
}

// genLeaveExc is genLeave when the generator or its caller handles an
// exception.
func (in *Interp) genLeaveExc(g *Generator, suspended bool) {
	state := in.excInfo
	in.excInfo = Value{}
	if g.outerPushed {
		last := len(in.excOuter) - 1
		in.excInfo = in.excOuter[last]
		in.excOuter[last] = Value{}
		in.excOuter = in.excOuter[:last]
		g.outerPushed = false
	}
	if suspended {
		g.excState = state
	} else {
		in.xdecRef(state)
	}
}

// genYieldInline suspends the pushed generator frame f at YIELD_VALUE
// (f.yielded is set) and returns the caller, which gets the value.
func (in *Interp) genYieldInline(f *frame) *frame {
	caller := f.back
	f.entry, f.back = true, nil
	g := f.gen
	in.genLeave(g, true)
	in.depth-- // the frame is suspended, not on the stack
	if g.sendCall {
		// A send() call's generator: it leaves the caller's stack, and
		// the value the caller pushes takes its place.
		g.sendCall = false
		in.frame = caller // a __del__ the release runs sees the caller
		in.decRef(caller.pop())
	}
	return caller
}

// yieldAt is the fast loop's YIELD_VALUE at pc, with the stack's top at
// sp, in f, a pushed generator frame: f is suspended (genYieldInline)
// and its caller, made the running frame, gets the value; it is
// returned. One call from the loop's case, which keeps the case small
// (runFastIn's node budget: see storeNewAttrAt).
//
//go:noinline
func (in *Interp) yieldAt(f *frame, pc, sp int) *frame {
	sp--
	v := *slotAt(f.slots, sp) // sp is above the locals: see slotAt
	*slotAt(f.slots, sp) = Value{}
	f.pc, f.sp = pc+1, sp
	f.yielded = true
	// genYieldInline, inline (as a call it is one more for each yield).
	caller := f.back
	f.entry, f.back = true, nil
	g := f.gen
	in.genLeave(g, true)
	in.depth--
	in.frame = caller
	if g.sendCall {
		return in.sendYielded(caller, g, v)
	}
	*slotAt(caller.slots, caller.sp) = v // the slot of the caller's FOR_ITER or SEND
	caller.sp++
	return caller
}

// sendYielded ends yieldAt for a generator a send() call resumed
// (CALL_NO_KW_GEN_SEND): v, the call's result, takes the generator's
// place on the caller's stack, and the stack's reference to the
// generator is released, as a call releases its self. caller is
// returned, running.
func (in *Interp) sendYielded(caller *frame, g *Generator, v Value) *frame {
	g.sendCall = false
	top := caller.sp - 1
	recv := caller.slots[top]
	caller.slots[top] = v
	in.decRef(recv) // the caller is whole: its __del__ may look
	return caller
}

// genReturnInline finishes the pushed generator frame f, which returned
// r, and returns the caller, resumed after its FOR_ITER (the loop ends:
// r and the generator are dropped) or its SEND (r is the value of the
// yield from, as StopIteration.value would be).
func (in *Interp) genReturnInline(f *frame, r Value) *frame {
	caller := in.genEnd(f)
	at := caller.pc - 1
	instr := caller.ac.instrs[at]
	if instr.Op().Base() == bytecode.SEND { // or SEND_GEN
		caller.push(r)
		caller.pc = instr.Target(at)
		return caller
	}
	// FOR_ITER or one of its specialized forms (the adaptive code may
	// have rewritten it meanwhile; they share the target).
	in.decRef(r)
	in.decRef(caller.pop())
	caller.pc = instr.Target(at) + 1
	return caller
}

// genReturnSend is genReturnInline for a generator a send() call
// resumed (CALL_NO_KW_GEN_SEND): it finished with r, which the call
// raises as StopIteration's value, in the caller, which is returned,
// running, after the generator left its stack. The fast loop's return
// (returnOther) leaves these to runFrom, which can raise.
func (in *Interp) genReturnSend(f *frame, r Value) (*frame, error) {
	caller := in.genEnd(f)
	in.frame = caller
	err := in.stopIteration(r)
	in.decRef(caller.pop()) // the generator
	return caller, err
}

// genEnd releases the finished generator frame f and returns its caller.
func (in *Interp) genEnd(f *frame) *frame {
	g, caller, slots := f.gen, f.back, f.slots
	g.frame, g.sendCall = nil, false
	in.genLeave(g, false)
	f.back = nil
	in.releaseFrame(f)
	in.values.PutCleared(slots) // releaseFrame left them zero, not pooled
	return caller
}

// releaseUnwound is releaseFrame for a frame an exception leaves: a
// pushed generator frame also finishes its generator.
func (in *Interp) releaseUnwound(f *frame) {
	if f.gen == nil || f.entry {
		in.releaseFrame(f)
		return
	}
	in.genEnd(f)
}

// resumeGenSpec is FOR_ITER_GEN and SEND_GEN at f.pc-1 (f.pc is past
// it), CPython 3.12's specialized forms of FOR_ITER and SEND over a
// generator: the guard (inlineGen) and the push, nothing else. ok is
// false, with f untouched, when the guard fails, for the caller to count
// the miss and run the family's generic form. Otherwise the generator's
// frame is the running one (in.frame) and is returned, or err is raised
// at the instruction (the recursion limit).
func (in *Interp) resumeGenSpec(f *frame, op bytecode.Op) (gf *frame, ok bool, err error) {
	pc := f.pc - 1
	if gf, err = in.resumeGenAt(f, op, pc, f.sp); gf == nil && err == nil {
		f.pc = pc + 1 // resumeGenAt's miss leaves f at the instruction
		return nil, false, nil
	}
	return gf, true, err
}

// resumeGenAt is resumeGenSpec for the fast loop, at pc with the stack's
// top at sp, in its (next, err) terms: a miss returns nil and no error,
// with f at pc for runFrom; otherwise f's pc is past the instruction.
// The loop's case is then one call and a return.
//
//go:noinline
func (in *Interp) resumeGenAt(f *frame, op bytecode.Op, pc, sp int) (gf *frame, err error) {
	// inlineGen and pushGen in one, with nothing but f's pc and sp
	// written before the guard passes and no write that the usual case
	// does not need.
	f.pc, f.sp = pc, sp
	slots := f.slots
	// The operands are on the stack, above the locals: see slotAt.
	recv, sent := *slotAt(slots, sp-1), None
	if op == bytecode.SEND_GEN {
		recv, sent = *slotAt(slots, sp-2), *slotAt(slots, sp-1)
	}
	if recv.Type() != generatorType {
		return nil, nil
	}
	g := asObject[Generator](recv)
	gf = g.frame
	if g.running || gf == nil || !g.started && !sent.IsNone() {
		return nil, nil
	}
	f.pc = pc + 1
	if op == bytecode.SEND_GEN {
		// The sent value moves to the generator's stack.
		sp--
		slots[sp] = Value{}
		f.sp = sp
	}
	if in.depth >= in.recursionLimit {
		in.decRef(sent)
		return nil, in.raise(recursionErrorType, "maximum recursion depth exceeded")
	}
	in.depth++
	if !resumeSkips(gf, sent, in.breaker.Load() == 0) {
		// The slot the yielded value left: in range (see slotAt).
		*slotAt(gf.slots, gf.sp) = sent
		gf.sp++
	}
	g.started, g.running = true, true
	gf.yielded, gf.entry = false, false
	gf.back = f
	in.genSwapIn(g)
	in.frame = gf
	return gf, nil
}

// resumeSkips steps gf, a suspended generator frame about to be resumed
// with sent, over the RESUME 1 and POP_TOP of a `yield` statement (a
// generator a for loop runs, the common case) and reports whether it
// did: the two would cost two dispatches of the loop at every resume
// for nothing but a look at the eval breaker (quiet is that it was
// clear: the caller looked just now, as a call does for RESUME 0) and
// the pop of a None, immortal, that was never pushed. Anything else (a
// value sent, a yield expression, RESUME 2 of yield from and await, a
// breaker set) runs as written: the caller pushes sent.
func resumeSkips(gf *frame, sent Value, quiet bool) bool {
	// A suspended frame's pc is an instruction's, and a RESUME is never
	// a code's last: instrAt needs no bounds check.
	pc, instrs := gf.pc, gf.ac.instrs
	if !quiet || !sent.IsNone() ||
		instrAt(instrs, pc) != bytecode.Instr(bytecode.RESUME)|1<<8 || instrAt(instrs, pc+1).Op() != bytecode.POP_TOP {
		return false
	}
	gf.pc = pc + 2
	return true
}

// execSend is SEND at f.pc-1 (f.pc is past it): an exact generator is
// resumed in the running loop and its frame returned, as SEND_GEN does;
// any other receiver is sent v by send, and the loop ends at the target
// when it is done.
func (in *Interp) execSend(f *frame, instr bytecode.Instr, pc int) (*frame, error) {
	if gf, ok, err := in.resumeGenSpec(f, bytecode.SEND_GEN); ok {
		return gf, err
	}
	v := f.pop()
	r, done, err := in.send(f.top(), v)
	in.decRef(v)
	if err != nil {
		return nil, err
	}
	f.push(r)
	if done {
		f.pc = instr.Target(pc)
	}
	return nil, nil
}

// returnGenerator is RETURN_GENERATOR at f.pc-1 (f.pc is past it) for
// the fast loop: the generator made of f goes to f's caller, which is
// returned, running. An entry frame's generator leaves the loop, and a
// frame with a frame object (rare this early) is made into a generator
// by makeGenerator: both are runFrom's, and then nil is returned with
// f.pc back at the instruction.
//
// Unlike makeGenerator, f's own record becomes the generator's frame:
// only the slots move off the arena, into a slice the generator owns.
// No second record is taken, copied whole (a ~200-byte copy through
// write barriers) and released; nqueens makes one generator per call.
//
//go:noinline
func (in *Interp) returnGenerator(f *frame) (*frame, error) {
	if f.entry || f.obj != nil {
		f.pc--
		return nil, nil
	}
	g := in.free.generators.get()
	if err := in.account(&g.Header, genTypeFor(f.tmpl.Flags), generatorSize); err != nil {
		return nil, err
	}
	g.Header.SetFlags(alloc.FlagContainer)
	caller := f.back
	arena := f.slots
	owned := in.values.Get(len(arena)) // back to the pool in genEnd or freeGenFrame
	copy(owned[:f.sp], arena[:f.sp])   // above sp the stack is empty
	clear(arena[:f.sp])
	in.frameSlots.PopCleared(len(arena)) // above sp the slots are zero: no second clear
	f.slots, f.owned, f.special = owned, true, true
	f.back, f.entry, f.gen = nil, true, g
	in.depth-- // suspended: not on the stack (releaseFrame's count)
	g.frame, g.code = f, f.code
	fn := asObject[Function](f.fn)
	g.name, g.qualname = fn.name, fn.qualname
	incRef(g.name)
	incRef(g.qualname)
	in.frame = caller
	caller.push(valueOf(g))
	return caller, nil
}

// callGenSendAt is CALL_NO_KW_GEN_SEND at pc, with the stack's top at
// sp, for both loops, in the fast loop's (next, err) terms, as
// resumeGenAt: gen.send(v) of an exact generator resumes it as SEND_GEN
// does, its frame pushed on f's, instead of a builtin call that runs it
// in a Go-level loop of its own (genResume: two defers, a runFrom). A
// miss (not generator.send, not a generator that can be resumed: the
// method's own errors) returns nil and no error, with f at pc;
// otherwise f's pc is past the instruction and the generator's frame,
// now the running one, is returned, or err is raised at the call (the
// recursion limit).
//
// The generator stays on f's stack while it runs, in the call's first
// slot (send's descriptor there is immortal: dropped), so that f's
// reference keeps it alive; its yield (yieldAt, genYieldInline) or its
// return (genReturnSend) takes it off, as g.sendCall tells them.
//
//go:noinline
func (in *Interp) callGenSendAt(f *frame, pc, sp int) (gf *frame, err error) {
	f.pc, f.sp = pc, sp
	slots := f.slots
	// The operands are on the stack, above the locals: see slotAt.
	meth, recv, sent := *slotAt(slots, sp-3), *slotAt(slots, sp-2), *slotAt(slots, sp-1)
	if meth.p != genSendMethod.p || recv.Type() != generatorType || f.kwnames != nil {
		return nil, nil
	}
	g := asObject[Generator](recv)
	gf = g.frame
	if g.running || gf == nil || !g.started && !sent.IsNone() {
		return nil, nil
	}
	f.pc = pc + 1
	if in.depth >= in.recursionLimit {
		return nil, in.raise(recursionErrorType, "maximum recursion depth exceeded")
	}
	*slotAt(slots, sp-3) = recv
	*slotAt(slots, sp-2), *slotAt(slots, sp-1) = Value{}, Value{}
	f.sp = sp - 2
	in.depth++
	// The sent value moves to the generator's stack (resumeSkips drops
	// it only when it is None, immortal).
	if !resumeSkips(gf, sent, in.breaker.Load() == 0) {
		// The slot the yielded value left: in range (see slotAt).
		*slotAt(gf.slots, gf.sp) = sent
		gf.sp++
	}
	g.started, g.running, g.sendCall = true, true, true
	gf.yielded, gf.entry = false, false
	gf.back = f
	in.genSwapIn(g)
	in.frame = gf
	return gf, nil
}

// genNext is genResume(g, None, nil), next(g), for the Go code that
// consumes a generator item by item (sum, list, tuple, set, any, all,
// min, max, str.join... through iterNext) and runs it outside the
// running loop. Its usual run, the generator's frame going from its
// yield to the next one in the fast loop, is run by runFast directly:
// genResume's runFrom and its deferred calls cost ~300 instructions of
// the ~600 of each item. Anything else that stops the fast loop is run
// on by runFrom (genRunRest), as genResume would have.
func (in *Interp) genNext(g *Generator) (r Value, done bool, err error) {
	return in.genResumeFast(g, None)
}

// genResumeFast is genNext sending v (borrowed): genResume(g, v, nil),
// for send() and next() called from Go.
func (in *Interp) genResumeFast(g *Generator, v Value) (r Value, done bool, err error) {
	f := g.frame
	if g.running || f == nil || !g.started && !v.IsNone() || in.spec.stats != nil || in.depth >= in.recursionLimit || in.cDepth >= cRecursionLimit {
		// What genResume raises, or its run counted by the stats.
		return in.genResume(g, v, nil)
	}
	in.depth++
	in.cDepth++ // enterCall's count, as genResume
	if !resumeSkips(f, v, in.breaker.Load() == 0) {
		incRef(v)
		f.push(v)
	}
	g.started, g.running = true, true
	f.yielded = false
	in.genSwapIn(g)
	slots := f.slots // given back to the pool below if the frame ends
	outer := in.frame
	// runFrom's entry, which the frame's f_back and a builtin's caller
	// see: f is an entry frame.
	f.outer, in.frame = outer, f
	cur, err := in.runFast(f)
	// yielded is kept apart from f.yielded: once f returns, its record
	// is back in the pool, for any frame a __del__ makes.
	var yielded bool
	var op bytecode.Op
	if err == nil && cur == f {
		op = instrAt(f.ac.instrs, f.pc).Op() // where the loop stopped: in range
	}
	switch op {
	case bytecode.YIELD_VALUE:
		// runFrom's YIELD_VALUE of an entry frame.
		f.pc++
		r = f.pop()
		f.yielded, yielded = true, true
		in.cDepth--
	case bytecode.RETURN_VALUE, bytecode.RETURN_CONST:
		// runFrom's return of an entry frame: the generator ends (the
		// fast loop leaves an entry frame's return to runFrom).
		if instr := instrAt(f.ac.instrs, f.pc); op == bytecode.RETURN_CONST {
			r = constAt(f.code.consts, instr.Oparg()) // constants are immortal
		} else {
			r = f.pop()
		}
		f.pc++
		in.frame = outer // as runFrom: a __del__ the release runs sees the caller
		in.releaseFrame(f)
		in.cDepth--
	default:
		r, err = in.genRunRest(f, cur, err, outer)
		yielded = err == nil && f.yielded
	}
	in.frame = outer
	in.genLeave(g, yielded)
	if !yielded {
		// releaseFrame zeroed a generator's own slots but left them
		// out of the pool.
		in.values.PutCleared(slots)
		g.frame = nil // unwinding or RETURN released it
		return r, err == nil, err
	}
	in.depth-- // the frame is suspended, not on the stack
	return r, false, nil
}

// genRunRest runs g's frame f on for genNext, as genResume's runFrom,
// from where the fast loop stopped: in cur (f or a frame f called), with
// err raised there.
func (in *Interp) genRunRest(f, cur *frame, err error, outer *frame) (Value, error) {
	defer in.leaveCall()
	var exc *Exception
	if err != nil {
		e, ok := err.(*Exception)
		if !ok {
			return Value{}, err // as runFrom's unwind, which takes only these
		}
		exc = e
	}
	// runFrom makes the frame it starts in an entry frame's: the outer
	// frame it records is the running one. A frame f called is not one
	// (its outer stays nil); f keeps outer from genNext.
	in.frame = outer
	if cur != f {
		in.frame = nil
	}
	return in.runFrom(cur, exc)
}
