package runtime

import (
	"embed"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/codecache"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Modules written in Python that ship inside the binary: the Python
// halves of the subinterpreter API, over the Go modules of this package.
// Each is registered as a built-in module whose initialization runs its
// source in the new module's namespace, so it imports under its own name
// whatever the standard library on disk holds (concurrent.interpreters
// joins CPython 3.12's concurrent package that way).

//go:embed pylib/*.py
var pylib embed.FS

// pyModules maps module names to their source in pylib.
var pyModules = map[string]string{
	"_interpreters":           "pylib/_interpreters.py",
	"concurrent.interpreters": "pylib/concurrent_interpreters.py",
	"interpreters":            "pylib/interpreters.py",
	// Queues (PEP 734) and channels (PEP 554), over _interpqueues and
	// _interpchannels (module_queues.go, module_channels.go).
	"concurrent.interpreters._queues": "pylib/concurrent_interpreters_queues.py",
	"interpchannels":                  "pylib/interpchannels.py",
	// CPython 3.14's InterpreterPoolExecutor, which the extension below
	// adds to 3.12's concurrent.futures.
	"concurrent.futures.interpreter": "pylib/concurrent_futures_interpreter.py",
}

// pyExtensions maps modules of the standard library on disk to Python
// source run in their namespace once they have loaded.
var pyExtensions = map[string]string{
	"concurrent.futures": "pylib/concurrent_futures_ext.py",
}

func init() {
	for name, file := range pyModules {
		interp.RegisterModule(name, pythonModule(name, file))
	}
	for name, file := range pyExtensions {
		interp.RegisterImportExtension(name, pythonModule(name, file))
	}
}

// pythonModule returns the initialization of module name from file.
func pythonModule(name, file string) func(in *interp.Interp, m *interp.Module) error {
	return func(in *interp.Interp, m *interp.Module) error {
		src, err := pylib.ReadFile(file)
		if err != nil {
			return in.Raise(interp.ExcType("ImportError"), "built-in module %s has no source: %v", name, err)
		}
		t, err := codecache.Compile("<frozen "+name+">", src, syntax.ModeExec, compile.Options{})
		if err != nil {
			return in.SyntaxErrorFrom(err)
		}
		return in.ExecModule(t, m.Dict())
	}
}
