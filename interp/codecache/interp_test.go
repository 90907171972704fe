package codecache_test

// Interpreters sharing cached templates: two interpreters on two
// goroutines import the same library modules through one cache at once
// (under -race, any write to a shared template is reported), and see the
// same code objects.

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/codecache"
	"github.com/parallel-py/parallel/interp/compile"
	_ "github.com/parallel-py/parallel/interp/modules" // the built-in modules register themselves
	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/parallel-py/parallel/interp/syntax"
)

// module is imported from a temporary directory: constants of every
// kind, functions, closures, generators and classes, none of which
// touches the library.
const module = `
K = (1, -2, 2**100, 1.5, 2j, 'snow\u2603', b'\x00', None, True, ..., frozenset({1, 2}))
def outer(a, /, b=(1, 2), *c, d=None, **e):
    def inner(x):
        return a + x
    return inner
def gen(n):
    yield from range(n)
class C:
    attr = [x * 2 for x in range(3)]
    def m(self):
        return __class__.__name__
`

const program = `
import cachedmod
print(cachedmod.K)
print(cachedmod.outer(1)(2), list(cachedmod.gen(3)), cachedmod.C().m(), cachedmod.C.attr)
print(id(cachedmod.outer.__code__))
`

// libraryProgram imports library modules too. Under -race it is left out:
// taking a weak reference to a built-in type (which _collections_abc does
// when it registers them) sets a flag in the shared type's header, a race
// of interp/weakref.go that has nothing to do with code templates.
const libraryProgram = `
import json, collections
print(json.dumps({"a": [1, 2.5, None]}, sort_keys=True))
print(collections.OrderedDict(b=1))
print(id(json.dumps.__code__))
`

func TestInterpretersShareTemplates(t *testing.T) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "cachedmod.py"), []byte(module), 0o600); err != nil {
		t.Fatal(err)
	}
	cache := codecache.New(codecache.Options{Dir: filepath.Join(dir, "cache")})
	codecache.SetDefault(cache)
	defer codecache.SetDefault(nil)
	src := program
	want := "(1, -2, 1267650600228229401496703205376, 1.5, 2j, 'snow\u2603', b'\\x00', None, True, Ellipsis, frozenset({1, 2}))\n3 [0, 1, 2] C [0, 2, 4]\n"
	if !raceEnabled {
		src += libraryProgram
	}
	mod, err := syntax.Parse("<test>", []byte(src), syntax.ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	code, err := compile.Compile(mod, "<test>", syntax.ModeExec, compile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	run := func() string {
		var out bytes.Buffer
		in := interp.New(interp.Options{Stdout: &out, Stderr: &out, Path: []string{dir, lib.Dir}})
		if err := in.RunMain(code); err != nil {
			in.PrintException(&out, err, nil)
		}
		in.Close()
		return out.String()
	}
	outs := make([]string, 3)
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i] = run()
		}()
	}
	wg.Wait()
	outs[2] = run()
	for i, out := range outs {
		if !strings.HasPrefix(out, want) {
			t.Fatalf("interpreter %d printed %q, want %q first", i, out, want)
		}
		if !raceEnabled && !strings.Contains(out, "{\"a\": [1, 2.5, null]}\nOrderedDict({'b': 1})\n") {
			t.Fatalf("interpreter %d printed %q", i, out)
		}
	}
	// The ids are those of code objects: one template, one shared
	// run-time code object, in every interpreter.
	if outs[0] != outs[1] || outs[1] != outs[2] {
		t.Errorf("interpreters see different code objects: %q", outs)
	}
	if s := cache.Stats(); s.MemoryHits == 0 || s.Compiles == 0 || s.DiskWrites == 0 {
		t.Errorf("stats %+v", s)
	}
}
