package interp

import "github.com/parallel-py/parallel/interp/bytecode"

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
	// The generator's exception state is its own, as in genResume.
	in.excOuter = append(in.excOuter, in.excInfo)
	in.excInfo, g.excState = g.excState, Value{}
	return f, nil
}

// genLeave ends a run of g's frame: the caller's handled exception comes
// back, and g keeps its own when it is suspended (else it is dropped).
func (in *Interp) genLeave(g *Generator, suspended bool) {
	state := in.excInfo
	last := len(in.excOuter) - 1
	in.excInfo = in.excOuter[last]
	in.excOuter[last] = Value{}
	in.excOuter = in.excOuter[:last]
	if suspended {
		g.excState = state
	} else {
		in.xdecRef(state)
	}
	g.running = false
}

// genYieldInline suspends the pushed generator frame f at YIELD_VALUE
// (f.yielded is set) and returns the caller, which gets the value.
func (in *Interp) genYieldInline(f *frame) *frame {
	caller := f.back
	f.entry, f.back = true, nil
	in.genLeave(f.gen, true)
	in.depth-- // the frame is suspended, not on the stack
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
	if instr.Op() == bytecode.SEND {
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

// genEnd releases the finished generator frame f and returns its caller.
func (in *Interp) genEnd(f *frame) *frame {
	g, caller, slots := f.gen, f.back, f.slots
	g.frame = nil
	in.genLeave(g, false)
	f.back = nil
	in.releaseFrame(f)
	in.values.Put(slots) // releaseFrame leaves a generator's own slots
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
