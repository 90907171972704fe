// Package interp implements the Python language for one interpreter: values
// and objects, the tier-1 evaluation loop with its specializing
// instructions, the builtins and sys modules, and the glue that loads
// built-in and pure-Python modules.
//
// An interpreter is single-threaded by contract: only the goroutine holding
// its GIL (owned by package runtime) may touch its objects. Everything
// interp needs from the embedder — a tier-2 compiler, a host that can create
// sibling interpreters — reaches it through small interfaces declared here.
//
// Package interp may import alloc, cycles and its own subpackages. It must
// never import runtime, tiering, pool or stress: dependencies point from the
// runtime towards the language, never back.
package interp
