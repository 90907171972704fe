package interp

import (
	"os"
	"path/filepath"

	"github.com/parallel-py/parallel/interp/codecache"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

// importlib's machinery beside our own import system. The `import`
// statement is served by the Go importer (module.go); importlib's public
// functions (import_module, reload, util.find_spec, machinery) are
// CPython's own Python code, which expects the frozen modules
// _frozen_importlib and _frozen_importlib_external. Those are made here
// the first time something imports them, from the standard library's
// importlib/_bootstrap.py and _bootstrap_external.py, and installed as
// CPython installs them at start-up (sys.meta_path, sys.path_hooks).
// Doing it lazily keeps start-up cheap: most programs never import
// importlib. From then on the Go importer gives the modules it loads
// the same __spec__ and __loader__ importlib would, and the modules
// loaded before get theirs at installation.
//
// sys.implementation.cache_tag is None, so importlib neither reads nor
// writes .pyc files: the bytecode cache of CPython's own layout would
// not fit our bytecode.

// loadFrozenSource runs the standard library file rel (found on
// sys.path) as the body of module m, under the file name CPython gives
// its frozen copy ("<frozen importlib._bootstrap>").
func (in *Interp) loadFrozenSource(m *Module, rel, frozenName string) error {
	path, err := in.findOnPath(rel)
	if err != nil {
		return err
	}
	raw, rerr := os.ReadFile(path)
	if rerr != nil {
		return in.raise(importErrorType, "cannot read %s: %v", path, rerr)
	}
	filename := "<frozen " + frozenName + ">"
	code, cerr := codecache.Compile(filename, raw, syntax.ModeExec, compile.Options{})
	if cerr != nil {
		return in.syntaxErrorFrom(cerr)
	}
	if err := in.setGlobal(m, "__builtins__", valueOf(in.builtinsModule)); err != nil {
		return err
	}
	// The module must be in sys.modules while it runs and installs
	// itself (importlib's _setup reads sys.modules[__name__]).
	if err := in.DictSet(in.modules, internName(m.nameString()), valueOf(m)); err != nil {
		return err
	}
	return in.ExecModule(code, m.Dict())
}

// findOnPath finds the file rel in the directories of sys.path.
func (in *Interp) findOnPath(rel string) (string, error) {
	dirs, err := in.sysPath()
	if err != nil {
		return "", err
	}
	for _, dir := range dirs {
		if dir == "" {
			dir = "."
		}
		p := filepath.Join(dir, rel)
		if isFile(p) {
			return p, nil
		}
	}
	return "", in.moduleNotFound(rel, "importlib's machinery needs "+rel+" from CPython 3.12's standard library, which is not on sys.path (set PARALLEL_STDLIB to its Lib directory)")
}

// callModuleFunc calls the function name of module m.
func (in *Interp) callModuleFunc(m *Module, name string, args ...Value) (Value, error) {
	fn, ok := m.get(name)
	if !ok {
		return Value{}, in.raise(importErrorType, "%s has no %s", m.nameString(), name)
	}
	return in.Call(fn, args, nil)
}

func init() {
	registerModule("_frozen_importlib", func(in *Interp, m *Module) error {
		if err := in.loadFrozenSource(m, "importlib/_bootstrap.py", "importlib._bootstrap"); err != nil {
			return err
		}
		imp, err := in.importModule("_imp")
		if err != nil {
			return err
		}
		defer in.decRef(imp)
		r, err := in.callModuleFunc(m, "_install", valueOf(in.sys), imp)
		if err != nil {
			return err
		}
		in.decRef(r)
		if r, err = in.callModuleFunc(m, "_install_external_importers"); err != nil {
			return err
		}
		in.decRef(r)
		incRef(valueOf(m))
		in.importlib = m
		return in.specModulesLoaded()
	})
	registerModule("_frozen_importlib_external", func(in *Interp, m *Module) error {
		return in.loadFrozenSource(m, "importlib/_bootstrap_external.py", "importlib._bootstrap_external")
	})
}

// specModulesLoaded gives the modules the Go importer loaded before
// importlib was installed their __spec__ and __loader__.
func (in *Interp) specModulesLoaded() error {
	var mods []Value
	for _, e := range in.modules.entries {
		if !e.key.IsNil() && e.value.Type() == moduleType {
			incRef(e.value)
			mods = append(mods, e.value)
		}
	}
	defer func() {
		for _, m := range mods {
			in.decRef(m)
		}
	}()
	for _, mv := range mods {
		m := asObject[Module](mv)
		if spec, ok := m.get("__spec__"); ok && !spec.IsNone() {
			continue
		}
		if err := in.setModuleSpec(m); err != nil {
			return err
		}
	}
	return nil
}

// setModuleSpec sets a module's import-system attributes (__spec__,
// __loader__, __cached__) as importlib would have, once importlib is
// installed: from its file for a source module, BuiltinImporter's for a
// built-in one.
func (in *Interp) setModuleSpec(m *Module) error {
	if in.importlib == nil {
		return nil
	}
	name, ok := m.get("__name__")
	if !ok || name.Type() != strType {
		return nil
	}
	var spec Value
	var err error
	if file, ok := m.get("__file__"); ok && file.Type() == strType {
		ext, ok, gerr := in.DictGet(in.modules, internName("_frozen_importlib_external"))
		if gerr != nil || !ok || ext.Type() != moduleType {
			return gerr
		}
		spec, err = in.callModuleFunc(asObject[Module](ext), "spec_from_file_location", name, file)
	} else if _, builtin := builtinModules[name.GoString()]; builtin || name.GoString() == "sys" || name.GoString() == "builtins" {
		bi, ok := in.importlib.get("BuiltinImporter")
		if !ok {
			return nil
		}
		spec, err = in.CallMethod(bi, "find_spec", []Value{name}, nil)
	} else {
		return nil
	}
	if err != nil {
		return err
	}
	defer in.decRef(spec)
	if spec.IsNone() {
		return nil
	}
	r, err := in.callModuleFunc(in.importlib, "_init_module_attrs", spec, valueOf(m))
	if err != nil {
		return err
	}
	in.decRef(r)
	return nil
}
