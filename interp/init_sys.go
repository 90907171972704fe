package interp

import (
	"fmt"
	"math"
	"runtime"
	"slices"

	"github.com/parallel-py/parallel/alloc"
)

// The sys namespace as a template (see init_shared.go): every name in
// its final order, the values CPython makes immutable shared by all
// interpreters, and a None in the place of each value an interpreter
// makes for itself (sysPerInterp), which initSys then sets.

// sysPerInterp are the sys names whose values are mutable (lists, dicts,
// files, the implementation namespace) or come from the interpreter's
// Options; each interpreter makes its own.
var sysPerInterp = []string{
	"argv", "orig_argv", "path", "modules", "warnoptions", "_xoptions",
	"executable", "_base_executable", "implementation", "flags",
	"stdin", "__stdin__", "stdout", "__stdout__", "stderr", "__stderr__",
	"meta_path", "path_hooks", "path_importer_cache",
}

// sysShared is what every interpreter's sys starts from.
type sysShared struct {
	ns *nsTemplate
	// flags is sys.flags for the zero Flags and the default int/str
	// digit limit.
	flags Value
	// implNS is the namespace of sys.implementation.
	implNS *nsTemplate
}

var sysNS onceByKey[*sysShared]

// sysTemplate returns the sys template, building it the first time with
// in (whose heap holds the temporary set stdlib_module_names is copied
// from, freed before this returns).
func (in *Interp) sysTemplate() (*sysShared, error) {
	key := len(sysFuncs) | len(builtinModules)<<20 | len(stdlibModuleNames)<<40
	return sysNS.get(key, func() (*sysShared, error) { return in.buildSysTemplate() })
}

func (in *Interp) buildSysTemplate() (*sysShared, error) {
	sh := &sysShared{}
	t := newModuleTemplate("sys", 100)
	placeholder := func(names ...string) {
		for _, n := range names {
			t.set(n, None)
		}
	}
	placeholder("argv", "orig_argv", "path", "modules")
	t.set("maxsize", Int(math.MaxInt64))
	placeholder("warnoptions", "_xoptions")
	for _, kv := range [][2]string{
		{"platform", platformName()},
		{"byteorder", "little"},
		{"executable", ""},
		{"version", "3.12.1 (parallel " + ImplementationVersion + ", Go " + runtime.Version() + ")"},
		{"copyright", "parallel: a Go runtime for Python programs"},
		{"prefix", ""},
		{"base_prefix", ""},
		{"exec_prefix", ""},
		{"base_exec_prefix", ""},
		{"platlibdir", "lib"},
	} {
		if kv[0] == "executable" {
			placeholder(kv[0])
			continue
		}
		t.set(kv[0], internName(kv[1]))
	}
	names := []Value{internName("builtins"), internName("sys")}
	for n := range builtinModules {
		names = append(names, internName(n))
	}
	sortStrs(names)
	t.set("builtin_module_names", immortalTuple(names...))
	t.set("version_info", immortalStructSeq(versionInfoType, Int(int64(Version.Major)), Int(int64(Version.Minor)), Int(int64(Version.Micro)), internName("final"), Int(0)))

	// sys.implementation is a SimpleNamespace, mutable: each
	// interpreter has its own, whose attributes start as implNS. The
	// version is parallel's own; _multiarch names the platform as
	// CPython's build does (sysconfig finds its data by it).
	var maj, min, mic int
	fmt.Sscanf(ImplementationVersion, "%d.%d.%d", &maj, &min, &mic)
	impl := newNSTemplate(8)
	impl.set("name", internName("parallel"))
	impl.set("cache_tag", None)
	impl.set("version", immortalStructSeq(versionInfoType, Int(int64(maj)), Int(int64(min)), Int(int64(mic)), internName("alpha"), Int(0)))
	impl.set("hexversion", Int(int64(maj<<24|min<<16|mic<<8|0xa0)))
	impl.set("_multiarch", internName(multiarch()))
	// Programs rarely change it: its dict shares the template's arrays
	// until one does (cow.go).
	sh.implNS = impl.seal().privateKeys()
	placeholder("implementation")

	for _, s := range sysInfoSeqs() {
		t.set(s.name, immortalStructSeq(s.t, s.items...))
	}
	sh.flags = immortalStructSeq(flagsType, sysFlagsItems(Flags{}, maxStrDigits)...)
	placeholder("flags")
	for _, fn := range intMaxStrDigitsFuncs {
		t.set(asObject[Builtin](fn).name, fn)
	}
	for _, fn := range sysFuncs {
		t.set(asObject[Builtin](fn).name, fn)
	}
	for _, s := range stdStreams {
		placeholder(s.name, "__"+s.name+"__")
	}
	placeholder("meta_path", "path_hooks", "path_importer_cache")
	stdlib, err := in.stdlibNamesSet()
	if err != nil {
		return nil, err
	}
	t.set("stdlib_module_names", stdlib)
	hex := int64(Version.Major)<<24 | int64(Version.Minor)<<16 | int64(Version.Micro)<<8 | 0xf0
	for _, kv := range []struct {
		name string
		v    Value
	}{{"dont_write_bytecode", True}, {"hexversion", Int(hex)}, {"api_version", Int(1013)}, {"maxunicode", Int(0x10ffff)}, {"pycache_prefix", None},
		{"abiflags", internName("")}, {"float_repr_style", internName("short")}, {"_framework", internName("")}} {
		t.set(kv.name, kv.v)
	}
	placeholder("_base_executable")
	t.set("_git", immortalTuple(internName("parallel"), internName(""), internName("")))
	t.set("thread_info", immortalStructSeq(threadInfoType, internName("pthread"), internName("mutex+cond"), None))
	// The unchanging originals of the hooks.
	for _, pair := range [][2]string{{"__displayhook__", "displayhook"}, {"__excepthook__", "excepthook"}, {"__breakpointhook__", "breakpointhook"}, {"__unraisablehook__", "unraisablehook"}} {
		if v, ok := t.get(pair[1]); ok {
			t.set(pair[0], v)
		}
	}
	for _, n := range sysPerInterp {
		if _, ok := t.get(n); !ok {
			panic("interp: sys template lacks " + n)
		}
	}
	sh.ns = t.seal()
	return sh, nil
}

// stdlibNamesSet makes sys.stdlib_module_names, a frozenset of interned
// names, built by in's own set code from the sorted names (so that its
// iteration order is the one a set built so has) and then shared.
func (in *Interp) stdlibNamesSet() (Value, error) {
	names := make([]string, 0, len(stdlibModuleNames))
	for n := range stdlibModuleNames {
		names = append(names, n)
	}
	slices.Sort(names)
	fs, err := in.newSetObject(frozensetType)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(valueOf(fs))
	for _, n := range names {
		if err := in.setAddKey(fs, internName(n)); err != nil {
			return Value{}, err
		}
	}
	return shareFrozenSet(fs), nil
}

// initSys makes the sys module and puts it in sys.modules: a copy of
// the shared template, then this interpreter's own values.
func (in *Interp) initSys(opts Options) error {
	sh, err := in.sysTemplate()
	if err != nil {
		return err
	}
	m, err := in.newModuleFrom(sh.ns)
	if err != nil {
		return err
	}
	in.sys = m
	if err := in.DictSet(in.modules, internName("sys"), valueOf(m)); err != nil {
		return err
	}
	d := m.Dict()
	// set binds a per-interpreter name (borrowed v) by the template's
	// interned key, whose hash is known.
	set := func(name string, v Value) error {
		i, ok := sh.ns.index[name]
		if !ok {
			panic("interp: sys template lacks " + name)
		}
		e := sh.ns.entries[i]
		return in.dictSetHashed(d, e.key, e.hash, v)
	}
	// setNew(name)(v, err) binds a new reference v, dropping it.
	setNew := func(name string) func(Value, error) error {
		return func(v Value, err error) error {
			if err != nil {
				return err
			}
			defer in.decRef(v)
			return set(name, v)
		}
	}
	argv := opts.Argv
	if len(argv) == 0 {
		argv = []string{""}
	}
	if err := setNew("argv")(in.strList(argv)); err != nil {
		return err
	}
	origArgv := opts.OrigArgv
	if origArgv == nil {
		origArgv = append([]string{"parallel"}, argv...)
	}
	if err := setNew("orig_argv")(in.strList(origArgv)); err != nil {
		return err
	}
	if err := setNew("path")(in.strList(opts.Path)); err != nil {
		return err
	}
	if err := set("modules", valueOf(in.modules)); err != nil {
		return err
	}
	if err := setNew("warnoptions")(in.strList(opts.WarnOptions)); err != nil {
		return err
	}
	if err := setNew("_xoptions")(in.xOptionsDict(opts.XOptions)); err != nil {
		return err
	}
	exe, err := in.NewStr(opts.Executable)
	if err != nil {
		return err
	}
	err = set("executable", exe)
	if err == nil {
		err = set("_base_executable", exe)
	}
	in.decRef(exe)
	if err != nil {
		return err
	}
	if err := setNew("implementation")(in.newNamespaceFrom(sh.implNS)); err != nil {
		return err
	}
	if opts.Flags == (Flags{}) && in.maxStrDigits == maxStrDigits {
		err = set("flags", sh.flags)
	} else {
		err = setNew("flags")(in.newStructSeq(flagsType, sysFlagsItems(opts.Flags, in.maxStrDigits)...))
	}
	if err != nil {
		return err
	}
	if err := in.initStdStreams(m); err != nil {
		return err
	}
	if err := setNew("meta_path")(in.NewList()); err != nil {
		return err
	}
	if err := setNew("path_hooks")(in.NewList()); err != nil {
		return err
	}
	if err := setNew("path_importer_cache")(in.NewDict()); err != nil {
		return err
	}
	if alloc.Debug {
		// Every placeholder was replaced.
		for _, n := range sysPerInterp {
			if v, _ := m.get(n); v.IsNone() {
				panic("interp: sys." + n + " was not set")
			}
		}
	}
	return nil
}

// strList makes a list of new strs.
func (in *Interp) strList(ss []string) (Value, error) {
	if len(ss) == 0 {
		return in.NewList()
	}
	vs := make([]Value, 0, len(ss))
	defer func() {
		for _, v := range vs {
			in.decRef(v)
		}
	}()
	for _, s := range ss {
		v, err := in.sysStr(s)
		if err != nil {
			return Value{}, err
		}
		vs = append(vs, v)
	}
	return in.NewList(vs...)
}

// sysStr makes a str of sys's lists (argv, orig_argv): the shared immortal
// one for the values nearly every interpreter has ("" and "parallel"),
// a new one otherwise.
func (in *Interp) sysStr(s string) (Value, error) {
	switch s {
	case "":
		return emptyStr, nil
	case "parallel":
		return internName(s), nil
	}
	return in.NewStr(s)
}

// newNamespaceFrom makes a SimpleNamespace whose attributes are a copy
// of t (sealed).
func (in *Interp) newNamespaceFrom(t *nsTemplate) (Value, error) {
	o, err := objectNew(in, namespaceType, nil, nil)
	if err != nil {
		return Value{}, err
	}
	d, err := in.newDictFrom(t)
	if err != nil {
		in.decRef(o)
		return Value{}, err
	}
	*instanceDict(o) = d
	return o, nil
}
