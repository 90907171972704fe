package interp

// RunModule runs a module of the import path as the main program, as
// `python3 -m name` does: an empty __main__ module is made, then runpy's
// _run_module_as_main finds the module (a package runs its __main__
// submodule) and runs its code in __main__'s namespace, with sys.argv[0]
// set to the module's file. runpy is loaded the way CPython has it,
// frozen (its frames show as "<frozen runpy>"). The result is as for
// RunMain.
func (in *Interp) RunModule(name string) error {
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
	if err := in.DictSet(in.modules, internName("__main__"), valueOf(m)); err != nil {
		return err
	}
	runpy, err := in.frozenModule("runpy", "runpy.py")
	if err != nil {
		return err
	}
	defer in.decRef(runpy)
	n, err := in.NewStr(name)
	if err != nil {
		return err
	}
	defer in.decRef(n)
	r, err := in.callModuleFunc(asObject[Module](runpy), "_run_module_as_main", n, True)
	if err != nil {
		return err
	}
	in.decRef(r)
	return nil
}

// frozenModule imports a standard library module that CPython freezes
// (runpy), from its source under the frozen file name, unless it is
// imported already.
func (in *Interp) frozenModule(name, rel string) (Value, error) {
	key := internName(name)
	if v, ok, err := in.DictGet(in.modules, key); err != nil || ok {
		if ok {
			incRef(v)
		}
		return v, err
	}
	m, err := in.newModule(name)
	if err != nil {
		return Value{}, err
	}
	path, err := in.findOnPath(rel)
	if err != nil {
		in.decRef(valueOf(m))
		return Value{}, err
	}
	if err := in.setGlobalStr(m, "__file__", path); err != nil {
		in.decRef(valueOf(m))
		return Value{}, err
	}
	if err := in.loadFrozenSource(m, rel, name); err != nil {
		in.decRef(valueOf(m))
		if _, derr := in.DictDelete(in.modules, key); derr != nil {
			in.decRef(valueOf(derr.(*Exception)))
		}
		return Value{}, err
	}
	return valueOf(m), nil
}
