package interp

import "github.com/parallel-py/parallel/alloc"

// Close tears the interpreter down, as CPython's finalization does: it
// waits for the threads that are not daemons, runs the atexit
// functions, stops the daemon threads, flushes sys.stdout and sys.stderr, empties every module's namespace,
// sys.modules and the builtins, drops what the interpreter itself holds,
// and runs the cycle finder over what is left. Afterwards every object
// the program made is freed, unless a reference count is wrong (the
// allocator's live counts say which). The Interp must not be used after
// Close; it returns the number of objects the final collections freed
// from reference cycles.
func (in *Interp) Close() int {
	in.WaitForThreads()
	in.RunAtExit()
	in.flushStdStreams()
	in.stopThreads()
	in.clearField(&in.threadState.context)
	in.xdecRef(in.excInfo)
	in.excInfo = Value{}
	for _, v := range in.excOuter {
		in.xdecRef(v)
	}
	in.excOuter = nil
	in.clearField(&in.gcCallbacks)
	in.clearField(&in.agFirstIter)
	in.clearField(&in.agFinalizer)
	for i := range in.signalHandlers {
		in.clearField(&in.signalHandlers[i])
	}
	if m := in.importlib; m != nil {
		in.importlib = nil
		in.decRef(valueOf(m))
	}
	// Module namespaces first (their functions and classes refer to
	// each other through them), then the registry and the builtins.
	// __main__ goes first, as in CPython: the program's objects die
	// while the modules their __del__ methods use are still whole.
	var mods []Value
	for _, e := range in.modules.entries {
		if !e.key.IsNil() && e.value.Type() == moduleType {
			incRef(e.value)
			mods = append(mods, e.value)
		}
	}
	for _, v := range mods {
		if m := asObject[Module](v); m.nameString() == "__main__" {
			in.dictClear(m.Dict())
		}
	}
	for i := len(mods) - 1; i >= 0; i-- {
		m := asObject[Module](mods[i])
		if m == in.builtinsModule || m == in.sys {
			continue
		}
		in.dictClear(m.Dict())
	}
	in.dictClear(in.modules)
	in.dictClear(in.sys.Dict())
	in.dictClear(in.builtinsModule.Dict())
	for _, m := range mods {
		in.decRef(m)
	}
	in.decRef(valueOf(in.modules))
	in.decRef(valueOf(in.sys))
	in.decRef(valueOf(in.builtinsModule))
	in.modules, in.sys, in.builtinsModule, in.builtins = nil, nil, nil, nil
	collected := 0
	// Finalizers may free more, so collect until nothing is found.
	for i := 0; i < 4; i++ {
		n := in.CollectCycles()
		collected += n
		if n == 0 {
			break
		}
	}
	if e := in.noMemory; e != nil {
		in.noMemory = nil
		if alloc.DecRef(&e.Header) {
			in.dealloc(valueOf(e))
		}
	}
	return collected
}

// flushStdStreams calls flush() on sys.stdout and sys.stderr, as CPython
// does at exit; errors are ignored.
func (in *Interp) flushStdStreams() {
	if in.sys == nil {
		return
	}
	for _, name := range []string{"stdout", "stderr"} {
		f, ok := in.sys.get(name)
		if !ok || f.IsNone() {
			continue
		}
		r, found, err := in.callSpecial(f, "flush")
		if err != nil {
			if e, ok := err.(*Exception); ok {
				in.decRef(valueOf(e))
			}
			continue
		}
		if found {
			in.decRef(r)
		}
	}
}
