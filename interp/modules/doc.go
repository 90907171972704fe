// Package modules implements in Go the modules CPython writes in C: _io,
// math, cmath, itertools, _collections, _functools, _operator, _sre,
// _struct, _random, _json, _heapq, _bisect, _codecs, posix, _ast and the
// rest, plus Go accelerators for hot pure-Python modules. (builtins and sys
// may live in interp itself.)
//
// Each module must behave like its CPython 3.12 counterpart: same names,
// same results, same exception types and messages. The pure-Python standard
// library is loaded at run time from an installed CPython 3.12 and must
// never be copied into this package.
//
// Package modules may import interp. It must not import runtime, tiering,
// pool or stress; the modules that need the runtime (_thread,
// interpreters) live in package runtime.
package modules
