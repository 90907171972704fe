package interp

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/codecache"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Modules and the import system: module objects, the registry of
// built-in modules written in Go, and the import statement's search of
// sys.path for .py files and packages, cached in sys.modules.

// Module is a module object: a namespace dict.
type Module struct {
	alloc.Header
	alloc.GCLink
	dict Value // *Dict
}

var moduleType = newBuiltinType("module", objectType, TypeBaseType)

const moduleSize = unsafe.Sizeof(Module{})

// builtinModules maps the names of the modules written in Go to the
// functions that fill a new module's namespace. Packages register their
// modules at initialization; the table never changes afterwards.
var builtinModules = map[string]func(in *Interp, m *Module) error{}

// registerModule adds a built-in module.
func registerModule(name string, init func(in *Interp, m *Module) error) {
	builtinModules[name] = init
}

func init() {
	moduleType.dictOffset = unsafe.Offsetof(Module{}.dict)
	moduleType.dealloc = func(in *Interp, v Value) {
		m := asObject[Module](v)
		in.xdecRef(m.dict)
		*m = Module{Header: m.Header}
		in.heap.Free(&m.Header, moduleSize)
	}
	moduleType.repr = func(in *Interp, v Value) (Value, error) {
		m := asObject[Module](v)
		name := m.nameString()
		if file, ok := m.get("__file__"); ok && file.Type() == strType {
			return in.NewStr("<module '" + name + "' from '" + file.GoString() + "'>")
		}
		if _, ok := builtinModules[name]; ok {
			return in.NewStr("<module '" + name + "' (built-in)>")
		}
		return in.NewStr("<module '" + name + "'>")
	}
	moduleType.getattr = func(in *Interp, v, name Value) (Value, error) {
		r, err := in.genericGetAttr(v, name, true)
		if err != nil || !r.IsNil() {
			return r, err
		}
		m := asObject[Module](v)
		if ga, ok := m.get("__getattr__"); ok {
			return in.Call(ga, []Value{name}, nil)
		}
		return Value{}, in.noAttribute(v, name)
	}
	moduleType.new = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		m, err := in.allocModule(t)
		if err != nil {
			return Value{}, err
		}
		return valueOf(m), nil
	}
	moduleType.init = func(in *Interp, self Value, args []Value, kwnames []Value) error {
		var name, doc Value
		if err := in.parseArgs("module", args, kwnames, []string{"name", "doc"}, 1, &name, &doc); err != nil {
			return err
		}
		if name.Type() != strType {
			return in.raise(typeErrorType, "module.__init__() argument 'name' must be str, not %s", name.Type().Name)
		}
		if doc.IsNil() {
			doc = None
		}
		return in.initModuleAttrs(asObject[Module](self), name, doc)
	}
	moduleType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		var name, doc Value
		if err := in.parseArgs("module", args, kwnames, []string{"name", "doc"}, 1, &name, &doc); err != nil {
			return Value{}, err
		}
		if name.Type() != strType {
			return Value{}, in.raise(typeErrorType, "module.__init__() argument 'name' must be str, not %s", name.Type().Name)
		}
		m, err := in.newModule(name.GoString())
		if err != nil {
			return Value{}, err
		}
		if !doc.IsNil() {
			if err := in.DictSet(asObject[Dict](m.dict), internName("__doc__"), doc); err != nil {
				in.decRef(valueOf(m))
				return Value{}, err
			}
		}
		return valueOf(m), nil
	}
}

// get reads a module global (borrowed).
func (m *Module) get(name string) (Value, bool) {
	d := asObject[Dict](m.dict)
	for _, e := range d.entries {
		if !e.key.IsNil() && e.key.Type() == strType && e.key.GoString() == name {
			return e.value, true
		}
	}
	return Value{}, false
}

// nameString is the module's __name__, or "?" when it has none.
func (m *Module) nameString() string {
	if n, ok := m.get("__name__"); ok && n.Type() == strType {
		return n.GoString()
	}
	return "?"
}

// Dict returns the module's namespace.
func (m *Module) Dict() *Dict { return asObject[Dict](m.dict) }

// newModule makes an empty module named name, with __name__, __doc__,
// __package__, __loader__ and __spec__ set as a fresh CPython module has
// them.
func (in *Interp) newModule(name string) (*Module, error) {
	m, err := in.allocModule(moduleType)
	if err != nil {
		return nil, err
	}
	n, err := in.NewStr(name)
	if err != nil {
		in.decRef(valueOf(m))
		return nil, err
	}
	defer in.decRef(n)
	if err := in.initModuleAttrs(m, n, None); err != nil {
		in.decRef(valueOf(m))
		return nil, err
	}
	return m, nil
}

// allocModule makes a module of type t (module or a class derived from
// it) with an empty namespace: module.__new__.
func (in *Interp) allocModule(t *Type) (*Module, error) {
	m := &Module{}
	if err := in.account(&m.Header, t, moduleSize); err != nil {
		return nil, err
	}
	m.Header.SetFlags(alloc.FlagContainer)
	d, err := in.NewDict()
	if err != nil {
		in.decRef(valueOf(m))
		return nil, err
	}
	m.dict = d
	return m, nil
}

// initModuleAttrs sets the attributes module.__init__ sets.
func (in *Interp) initModuleAttrs(m *Module, name, doc Value) error {
	for _, kv := range []struct {
		k string
		v Value
	}{{"__name__", name}, {"__doc__", doc}, {"__package__", None}, {"__loader__", None}, {"__spec__", None}} {
		if err := in.DictSet(m.Dict(), internName(kv.k), kv.v); err != nil {
			return err
		}
	}
	return nil
}

// setGlobal sets a name in a module's namespace.
func (in *Interp) setGlobal(m *Module, name string, v Value) error {
	return in.DictSet(m.Dict(), internName(name), v)
}

// setGlobalStr sets a name to a new str.
func (in *Interp) setGlobalStr(m *Module, name, s string) error {
	v, err := in.NewStr(s)
	if err != nil {
		return err
	}
	defer in.decRef(v)
	return in.setGlobal(m, name, v)
}

// importName is IMPORT_NAME: import name (relative to the importing
// module when level > 0) and return what the statement binds: the top
// package for `import a.b`, the module itself for `from a.b import x`.
func (in *Interp) importName(globals *Dict, name Value, fromlist Value, level int) (Value, error) {
	fullname := name.GoString()
	if level > 0 {
		pkg, err := in.packageOf(globals)
		if err != nil {
			return Value{}, err
		}
		base, err := in.resolveRelative(pkg, level)
		if err != nil {
			return Value{}, err
		}
		if fullname == "" {
			fullname = base
		} else {
			fullname = base + "." + fullname
		}
	} else if fullname == "" {
		return Value{}, in.raise(valueErrorType, "Empty module name")
	}
	mod, err := in.importModule(fullname)
	if err != nil {
		return Value{}, err
	}
	if fromlist.IsNone() || fromlist.IsNil() || (fromlist.Type() == tupleType && len(asObject[Tuple](fromlist).items) == 0) {
		if level > 0 || !strings.Contains(fullname, ".") {
			return mod, nil
		}
		in.decRef(mod)
		return in.importModule(fullname[:strings.IndexByte(fullname, '.')])
	}
	// from package import submodule: load the submodules named.
	if in.hasAttr(mod, internName("__path__")) && fromlist.Type() == tupleType {
		for _, item := range asObject[Tuple](fromlist).items {
			if item.Type() != strType || item.GoString() == "*" {
				continue
			}
			if in.hasAttr(mod, item) {
				continue
			}
			sub, err := in.importModule(fullname + "." + item.GoString())
			if err != nil {
				if e, ok := err.(*Exception); ok && valueOf(e).Type() == moduleNotFoundErrorType && e.name.Type() == strType && e.name.GoString() == fullname+"."+item.GoString() {
					in.decRef(valueOf(e))
					continue
				}
				in.decRef(mod)
				return Value{}, err
			}
			in.decRef(sub)
		}
	}
	return mod, nil
}

var (
	importErrorType         = exceptionTypes["ImportError"]
	moduleNotFoundErrorType = exceptionTypes["ModuleNotFoundError"]
)

// packageOf is the package a relative import starts from: __package__,
// else __name__ (a package's own, or its parent's for a module).
func (in *Interp) packageOf(globals *Dict) (string, error) {
	if p, ok, _ := in.DictGet(globals, internName("__package__")); ok && p.Type() == strType {
		return p.GoString(), nil
	}
	n, ok, _ := in.DictGet(globals, internName("__name__"))
	if !ok || n.Type() != strType {
		return "", in.raise(keyErrorType, "'__name__' not in globals")
	}
	name := n.GoString()
	if _, isPkg, _ := in.DictGet(globals, internName("__path__")); isPkg {
		return name, nil
	}
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[:i], nil
	}
	return "", nil
}

func (in *Interp) resolveRelative(pkg string, level int) (string, error) {
	if pkg == "" {
		return "", in.raise(importErrorType, "attempted relative import with no known parent package")
	}
	parts := strings.Split(pkg, ".")
	if level-1 >= len(parts) {
		return "", in.raise(importErrorType, "attempted relative import beyond top-level package")
	}
	return strings.Join(parts[:len(parts)-(level-1)], "."), nil
}

// importModule imports an absolute dotted name, its parents first, and
// returns the module (a new reference).
func (in *Interp) importModule(fullname string) (Value, error) {
	key, err := in.NewStr(fullname)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(key)
	if m, ok, err := in.DictGet(in.modules, key); err != nil {
		return Value{}, err
	} else if ok {
		if m.IsNone() {
			return Value{}, in.moduleNotFound(fullname, "import of "+fullname+" halted; None in sys.modules")
		}
		incRef(m)
		return m, nil
	}
	var searchPath []string
	parentName, child := "", fullname
	if i := strings.LastIndexByte(fullname, '.'); i >= 0 {
		parentName, child = fullname[:i], fullname[i+1:]
		parent, err := in.importModule(parentName)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(parent)
		// Importing the parent may have imported this module too.
		if m, ok, err := in.DictGet(in.modules, key); err != nil {
			return Value{}, err
		} else if ok {
			incRef(m)
			return m, nil
		}
		// A built-in submodule (the runtime's concurrent.interpreters)
		// is found first, as CPython's BuiltinImporter leads sys.meta_path.
		if init, ok := builtinModules[fullname]; ok {
			m, err := in.loadBuiltinModule(fullname, init)
			if err != nil {
				return Value{}, err
			}
			if err := in.SetAttr(parent, internName(child), m); err != nil {
				in.decRef(m)
				return Value{}, err
			}
			return m, nil
		}
		p, err := in.lookupAttr(parent, internName("__path__"))
		if err != nil {
			return Value{}, err
		}
		if p.IsNil() {
			return Value{}, in.moduleNotFound(fullname, "No module named '"+fullname+"'; '"+parentName+"' is not a package")
		}
		searchPath, err = in.stringList(p)
		in.decRef(p)
		if err != nil {
			return Value{}, err
		}
	} else {
		if init, ok := builtinModules[fullname]; ok {
			return in.loadBuiltinModule(fullname, init)
		}
		if searchPath, err = in.sysPath(); err != nil {
			return Value{}, err
		}
	}
	m, err := in.findAndLoad(fullname, child, searchPath)
	if err != nil {
		return Value{}, err
	}
	if err := in.extendImported(fullname, m); err != nil {
		in.decRef(m)
		return Value{}, err
	}
	if parentName != "" {
		if parent, ok, _ := in.DictGet(in.modules, internName(parentName)); ok {
			if err := in.SetAttr(parent, internName(child), m); err != nil {
				in.decRef(m)
				return Value{}, err
			}
		}
	}
	return m, nil
}

// hasAttr reports whether v has the attribute name (a module's global,
// or any object's attribute: sys.modules may hold anything); errors count
// as no.
func (in *Interp) hasAttr(v, name Value) bool {
	if v.Type() == moduleType {
		_, ok, _ := in.DictGet(asObject[Module](v).Dict(), name)
		return ok
	}
	r, err := in.lookupAttr(v, name)
	if err != nil {
		in.decRef(valueOf(err.(*Exception)))
		return false
	}
	in.xdecRef(r)
	return !r.IsNil()
}

func (in *Interp) moduleNotFound(name, msg string) error {
	err := in.raise(moduleNotFoundErrorType, "%s", msg)
	if e, ok := err.(*Exception); ok {
		n, nerr := in.NewStr(name)
		if nerr == nil {
			e.name = n
		}
	}
	return err
}

// stringList reads a list of str (sys.path, __path__).
func (in *Interp) stringList(v Value) ([]string, error) {
	items, err := in.iterateAll(v)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, x := range items {
		if x.Type() == strType {
			out = append(out, x.GoString())
		}
		in.decRef(x)
	}
	return out, nil
}

// sysPath is sys.path as the import system reads it.
func (in *Interp) sysPath() ([]string, error) {
	p, ok := in.sys.get("path")
	if !ok {
		return nil, in.raise(importErrorType, "sys.path must be a list of directory names")
	}
	return in.stringList(p)
}

func (in *Interp) loadBuiltinModule(name string, init func(in *Interp, m *Module) error) (Value, error) {
	m, err := in.newModule(name)
	if err != nil {
		return Value{}, err
	}
	if err := init(in, m); err != nil {
		in.decRef(valueOf(m))
		return Value{}, err
	}
	noteBuiltinModule(name, m)
	if err := in.setModuleSpec(m); err != nil {
		in.decRef(valueOf(m))
		return Value{}, err
	}
	if err := in.DictSet(in.modules, internName(name), valueOf(m)); err != nil {
		in.decRef(valueOf(m))
		return Value{}, err
	}
	return valueOf(m), nil
}

// findAndLoad looks for child (the last part of fullname) in the
// directories of path, as a package directory with __init__.py or as a
// .py file, and runs it as module fullname.
func (in *Interp) findAndLoad(fullname, child string, path []string) (Value, error) {
	for _, dir := range path {
		if dir == "" {
			dir = "."
		}
		pkgDir := filepath.Join(dir, child)
		initFile := filepath.Join(pkgDir, "__init__.py")
		if isFile(initFile) {
			return in.loadSource(fullname, initFile, pkgDir)
		}
		file := filepath.Join(dir, child+".py")
		if isFile(file) {
			return in.loadSource(fullname, file, "")
		}
	}
	msg := "No module named '" + fullname + "'"
	if top, _, _ := strings.Cut(fullname, "."); in.noStdlib && stdlibModuleNames[top] {
		msg += " (the CPython 3.12 standard library was not found: set PARALLEL_STDLIB to its Lib directory)"
	}
	return Value{}, in.moduleNotFound(fullname, msg)
}

func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// loadSource compiles and runs a module's source file. The module is in
// sys.modules while it runs (so circular imports see it) and is removed
// again if running it fails.
func (in *Interp) loadSource(fullname, file, pkgDir string) (Value, error) {
	raw, stamp, err := codecache.ReadSource(file)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return Value{}, in.raise(exceptionTypes["PermissionError"], "[Errno 13] Permission denied: '%s'", file)
		}
		return Value{}, in.raise(importErrorType, "cannot read %s: %v", file, err)
	}
	code, err := in.compileSource(file, raw, stamp)
	if err != nil {
		return Value{}, err
	}
	m, err := in.newModule(fullname)
	if err != nil {
		return Value{}, err
	}
	mv := valueOf(m)
	defer in.decRef(mv)
	if err := in.setGlobalStr(m, "__file__", file); err != nil {
		return Value{}, err
	}
	pkg := fullname
	if pkgDir != "" {
		p, err := in.NewStr(pkgDir)
		if err != nil {
			return Value{}, err
		}
		l, err := in.NewList(p)
		in.decRef(p)
		if err != nil {
			return Value{}, err
		}
		err = in.setGlobal(m, "__path__", l)
		in.decRef(l)
		if err != nil {
			return Value{}, err
		}
	} else if i := strings.LastIndexByte(fullname, '.'); i >= 0 {
		pkg = fullname[:i]
	} else {
		pkg = ""
	}
	if err := in.setGlobalStr(m, "__package__", pkg); err != nil {
		return Value{}, err
	}
	if err := in.setGlobal(m, "__builtins__", valueOf(in.builtinsModule)); err != nil {
		return Value{}, err
	}
	if err := in.setModuleSpec(m); err != nil {
		return Value{}, err
	}
	key := internName(fullname)
	if err := in.DictSet(in.modules, key, mv); err != nil {
		return Value{}, err
	}
	in.initializing[fullname]++
	err = in.ExecModule(code, m.Dict())
	in.initializing[fullname]--
	if err != nil {
		if _, derr := in.DictDelete(in.modules, key); derr != nil {
			in.decRef(valueOf(derr.(*Exception)))
		}
		return Value{}, err
	}
	// The module may have replaced itself in sys.modules.
	r, ok, err := in.DictGet(in.modules, key)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		return Value{}, in.raise(importErrorType, "Loaded module %s not found in sys.modules", fullname)
	}
	incRef(r)
	return r, nil
}

// compileSource parses and compiles a module read from file after taking
// its stamp, turning a syntax error into a Python SyntaxError.
func (in *Interp) compileSource(file string, raw []byte, stamp codecache.Stamp) (*compile.Code, error) {
	code, err := codecache.CompileFile(file, raw, stamp, syntax.ModeExec, compile.Options{})
	if err != nil {
		return nil, in.syntaxErrorFrom(err)
	}
	if err := in.issueCompileWarnings(code.Warnings); err != nil {
		return nil, err
	}
	return code, nil
}

// importFrom is IMPORT_FROM: an attribute of the module, or the
// submodule of that name already in sys.modules.
func (in *Interp) importFrom(mod, name Value) (Value, error) {
	r, err := in.lookupAttr(mod, name)
	if err != nil || !r.IsNil() {
		return r, err
	}
	modName := "<unknown module name>"
	var file string
	if mod.Type().IsSubtype(moduleType) {
		m := asObject[Module](mod)
		modName = m.nameString()
		if f, ok := m.get("__file__"); ok && f.Type() == strType {
			file = f.GoString()
		}
		if sub, ok, _ := in.DictGet(in.modules, internName(modName+"."+name.GoString())); ok {
			incRef(sub)
			return sub, nil
		}
	}
	where := ""
	if file != "" {
		where = " (" + file + ")"
	} else {
		where = " (unknown location)"
	}
	var e error
	if in.initializing[modName] > 0 {
		e = in.raise(importErrorType, "cannot import name '%s' from partially initialized module '%s' (most likely due to a circular import)%s", name.GoString(), modName, where)
	} else {
		e = in.raise(importErrorType, "cannot import name '%s' from '%s'%s", name.GoString(), modName, where)
	}
	if x, ok := e.(*Exception); ok {
		if n, err := in.NewStr(modName); err == nil {
			x.name = n
		}
		// name_from and the module's names, for the "Did you mean" hint.
		incRef(name)
		x.value = name
		x.candidates = in.attributeNames(mod)
	}
	return Value{}, e
}

// importStar is `from m import *`: the names in __all__, or every name
// not starting with an underscore.
func (in *Interp) importStar(f *frame, mod Value) error {
	if f.names == nil {
		return in.raise(systemErrorType, "no locals found during 'import *'")
	}
	all, err := in.lookupAttr(mod, internName("__all__"))
	if err != nil {
		return err
	}
	var names []Value
	if !all.IsNil() {
		names, err = in.iterateAll(all)
		in.decRef(all)
		if err != nil {
			return err
		}
	} else {
		d := instanceDict(mod)
		if d == nil || d.IsNil() {
			return in.raise(importErrorType, "from-import-* object has no __dict__ and no __all__")
		}
		for _, e := range asObject[Dict](*d).entries {
			if !e.key.IsNil() && e.key.Type() == strType && !strings.HasPrefix(e.key.GoString(), "_") {
				incRef(e.key)
				names = append(names, e.key)
			}
		}
	}
	defer func() {
		for _, n := range names {
			in.decRef(n)
		}
	}()
	for _, n := range names {
		v, err := in.GetAttr(mod, n)
		if err != nil {
			return err
		}
		err = in.DictSet(f.names, n, v)
		in.decRef(v)
		if err != nil {
			return err
		}
	}
	return nil
}
