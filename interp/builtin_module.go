package interp

import "sync"

// Which module a built-in function belongs to (its __module__ and
// __self__). Built-in functions are shared by every interpreter, so the
// answer is recorded process-wide the first time a module's
// initialization binds the function, and never changes afterwards.

var builtinFuncModules sync.Map // *Builtin -> module name

// noteBuiltinModule records name as the module of the built-in
// functions module m holds (the first module to bind one wins).
func noteBuiltinModule(name string, m *Module) {
	for _, e := range m.Dict().entries {
		if e.key.IsNil() || e.value.Type() != builtinFunctionType {
			continue
		}
		if b := asObject[Builtin](e.value); b.method == nil {
			builtinFuncModules.LoadOrStore(b, name)
		}
	}
}

// builtinModuleOf is the module a built-in function belongs to:
// "builtins" unless a module's initialization bound it first.
func builtinModuleOf(b *Builtin) string {
	if n, ok := builtinFuncModules.Load(b); ok {
		return n.(string)
	}
	return "builtins"
}
