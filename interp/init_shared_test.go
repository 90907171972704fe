package interp

// Tests of what New shares between interpreters (init_shared.go,
// init_sys.go): the shared values are immortal and the same in every
// interpreter, everything mutable is each interpreter's own, and the
// accounting stays exact.

import (
	"strings"
	"sync"
	"testing"

	"github.com/parallel-py/parallel/alloc"
)

func TestNewSharesOnlyImmortals(t *testing.T) {
	a, b := New(Options{}), New(Options{})
	defer a.Close()
	defer b.Close()
	get := func(in *Interp, name string) Value {
		v, ok := in.sys.get(name)
		if !ok {
			t.Fatalf("sys.%s missing", name)
		}
		return v
	}
	shared := []string{"version_info", "float_info", "int_info", "hash_info", "thread_info",
		"flags", "builtin_module_names", "stdlib_module_names", "_git", "version", "platform"}
	for _, name := range shared {
		va, vb := get(a, name), get(b, name)
		if !va.Is(vb) || !va.Header().Has(alloc.FlagImmortal) {
			t.Errorf("sys.%s: not one immortal object", name)
		}
	}
	for _, name := range sysPerInterp {
		if name == "flags" {
			continue // shared for the default options, checked below
		}
		va, vb := get(a, name), get(b, name)
		if va.Is(vb) || va.Header().Has(alloc.FlagImmortal) || va.IsNone() {
			t.Errorf("sys.%s: shared or immortal (%s)", name, va.Type().Name)
		}
	}
	if a.sys.dict.Is(b.sys.dict) || a.builtins == b.builtins || a.modules == b.modules {
		t.Error("namespaces are shared")
	}
	impl := func(in *Interp) Value { return *instanceDict(get(in, "implementation")) }
	if impl(a).Is(impl(b)) {
		t.Error("sys.implementation's namespace is shared")
	}
	// Options that sys.flags shows give an interpreter flags of its own.
	c := New(Options{Flags: Flags{Optimize: 1}})
	defer c.Close()
	if f := get(c, "flags"); f.Is(get(a, "flags")) || f.Header().Has(alloc.FlagImmortal) {
		t.Error("sys.flags of -O is the shared default")
	}
}

// A fresh interpreter counts each of its objects under its class, and
// nothing shared: after Close nothing is left, and the shared template's
// objects never appear in the counts.
func TestNewAccounting(t *testing.T) {
	in := New(Options{Argv: []string{"x", "y"}, Path: []string{"/a", "/b"}})
	s := in.Heap().Stats()
	live := map[string]int64{}
	for _, c := range s.Classes {
		if c.Live != 0 {
			live[c.Name] = c.Live
		}
	}
	// dicts: sys.modules, builtins, sys, _xoptions, path_importer_cache,
	// implementation's; modules: builtins and sys.
	if live["dict"] != 6 || live["module"] != 2 || live["frozenset"] != 0 || live["version_info"] != 0 {
		t.Errorf("live after New: %v", live)
	}
	in.Close()
	if leaks := liveObjects(in.Heap()); len(leaks) > 0 {
		t.Errorf("objects left after Close: %v", leaks)
	}
}

// Interpreters made at once on several goroutines (the first ones build
// the shared templates) all see the same sys and builtins; under -race
// any write to what they share is reported.
func TestNewConcurrently(t *testing.T) {
	const n = 4
	outs := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out strings.Builder
			in := New(Options{Stdout: &out})
			code := compileForTest(t, `
import sys, builtins
print(sys.version_info[:2], sys.flags.optimize, len(sys.stdlib_module_names), 'sys' in sys.builtin_module_names)
print(sys.implementation.name, sys.implementation.version.releaselevel, hash(sys.stdlib_module_names) == hash(frozenset(sys.stdlib_module_names)))
print(len(builtins.__dict__) == len(vars(builtins)), len, IOError is OSError, __debug__)
builtins.len = None
sys.path.append('x')
sys.implementation.extra = 1
print(list(sys.__dict__)[:8], sys.path)
`)
			if err := in.RunMain(code); err != nil {
				t.Error(err)
			}
			in.Close()
			outs[i] = out.String()
		}()
	}
	wg.Wait()
	for i := 1; i < n; i++ {
		if outs[i] != outs[0] {
			t.Errorf("interpreter %d printed\n%s\nnot\n%s", i, outs[i], outs[0])
		}
	}
	if !strings.Contains(outs[0], "['__name__', '__doc__', '__package__', '__loader__', '__spec__', 'argv', 'orig_argv', 'path'] ['x']") {
		t.Errorf("output\n%s", outs[0])
	}
}
