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
	// __main__ goes first, as in CPython: once sys.modules lets go of
	// the module, the program's objects are freed by reference counting
	// or, in cycles through the namespace (its functions refer to it),
	// by the cycle finder, whose finalizers (__del__, a generator's
	// closing) run before anything is cleared, while every name they use
	// is still bound. A weak reference to the namespace tells whether
	// it survived (something else holds the module, or the cycle finder
	// cannot see all of a cycle); then it is emptied like the others.
	if m, ok, _ := in.DictGet(in.modules, internName("__main__")); ok && m.Type() == moduleType {
		ns := asObject[Module](m).dict
		ref, err := in.makeWeakRef(weakrefType, ns, Value{})
		if err != nil {
			in.DiscardError(err)
			incRef(ns) // no watch: empty it below in any case
		}
		in.DictDelete(in.modules, internName("__main__"))
		in.CollectCycles()
		if err == nil {
			ns = asObject[WeakRef](ref).referentValue()
			in.xincRef(ns)
			in.decRef(ref)
		}
		if !ns.IsNil() {
			d := asObject[Dict](ns)
			in.finalizeSoleValues(d)
			in.moduleClearDict(d)
			in.dictClear(d)
			in.decRef(ns)
		}
	}
	// What dies from here on is mostly freed for good: the free lists
	// would only grow (a Go allocation each time one doubles) for
	// objects nobody takes again.
	in.discardPools()
	// Then the other module namespaces (their functions and classes
	// refer to each other through them), the registry and the builtins.
	var mods []Value
	for _, e := range in.modules.entries {
		if !e.key.IsNil() && e.value.Type() == moduleType {
			incRef(e.value)
			mods = append(mods, e.value)
		}
	}
	for i := len(mods) - 1; i >= 0; i-- {
		m := asObject[Module](mods[i])
		if m == in.builtinsModule || m == in.sys {
			continue
		}
		in.moduleClearDict(m.Dict())
	}
	for _, v := range mods {
		if m := asObject[Module](v); m != in.builtinsModule && m != in.sys {
			in.dictClear(m.Dict())
		}
	}
	in.dictClear(in.modules)
	in.dictClear(in.sys.Dict())
	in.dictClear(in.builtinsModule.Dict())
	for _, m := range mods {
		in.decRef(m)
	}
	in.decRef(valueOf(in.modules))
	in.decRef(valueOf(in.sys))
	in.modules, in.sys = nil, nil
	// The builtins stay, emptied, while the last finalizers run: a
	// __del__ that looks a name up there gets NameError, as in CPython,
	// not a lookup in a freed dict.
	collected := 0
	// Finalizers may free more, so collect until nothing is found.
	for i := 0; i < 4; i++ {
		n := in.CollectCycles()
		collected += n
		if n == 0 {
			break
		}
	}
	in.decRef(valueOf(in.builtinsModule))
	in.builtinsModule, in.builtins = nil, nil
	if e := in.noMemory; e != nil {
		in.noMemory = nil
		if alloc.DecRef(&e.Header) {
			in.dealloc(valueOf(e))
		}
	}
	return collected
}

// discardPools empties the interpreter's free lists and makes them keep
// nothing more (see Close).
func (in *Interp) discardPools() {
	in.strs.Discard()
	in.tuples.Discard()
	in.inlineTuples.discard()
	in.free.discard()
	in.excs.Discard()
	in.bigs.Discard()
	in.values.Discard()
	in.frames.Discard()
}

// flushStdStreams calls flush() on sys.stdout and sys.stderr, as CPython
// does at exit; errors are ignored.
func (in *Interp) flushStdStreams() {
	if in.sys == nil {
		return
	}
	for _, name := range []string{"stdout", "stderr"} {
		// A probe by the interned name, not Module.get's scan.
		f, ok, err := in.DictGet(in.sys.Dict(), internName(name))
		if err != nil {
			in.xdecRefErr(err)
			continue
		}
		if !ok || f.IsNone() {
			continue
		}
		// A TextIOWrapper (the streams New made, or one the program
		// set) is flushed as its flush() would, without a call.
		if handled, err := in.flushText(f); handled {
			in.xdecRefErr(err)
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

// moduleClearDict empties a module's namespace as CPython's finalization
// does (_PyModule_ClearDict): names are set to None, those starting with
// one underscore first, __builtins__ last of all, so that a __del__ or
// weakref callback running meanwhile finds None, which code written for
// shutdown checks for, rather than a NameError.
func (in *Interp) moduleClearDict(d *Dict) {
	d.own() // the passes below write its entries in place
	pass := func(want func(name string) bool) {
		// A __del__ run by a decRef may change the dict: its entries
		// are read afresh at each step.
		for i := 0; i < len(d.entries); i++ {
			e := &d.entries[i]
			if e.key.IsNil() || e.key.Type() != strType || e.value.IsNone() {
				continue
			}
			name := e.key.GoString()
			if name == "__builtins__" || !want(name) {
				continue
			}
			old := e.value
			e.value = None
			d.Version++
			in.decRef(old)
		}
	}
	pass(func(name string) bool { return len(name) > 1 && name[0] == '_' && name[1] != '_' })
	pass(func(name string) bool { return true })
}

// finalizeSoleValues runs the finalizers (__del__, a generator's closing)
// of the values of d that d alone refers to, before anything in d is
// unbound: they are what dies first when CPython's finalization drops
// the module, with the namespace whole. Dealloc does not run them again.
func (in *Interp) finalizeSoleValues(d *Dict) {
	for i := 0; i < len(d.entries); i++ {
		v := d.entries[i].value
		if d.entries[i].key.IsNil() || !v.IsObject() || v.Header().Refs() != 1 {
			continue
		}
		h, t := v.Header(), v.Type()
		if h.Flags()&alloc.FlagFinalized != 0 || (t.finalize == nil && t.Flags&TypeHasFinalizer == 0) {
			continue
		}
		incRef(v)
		if t.finalize != nil {
			h.SetFlags(alloc.FlagFinalized)
			t.finalize(in, v)
		} else {
			runFinalizer(in, v)
		}
		in.decRef(v)
	}
}
