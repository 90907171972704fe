package modules_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

// The module types are shared, immortal objects: interpreters running
// at once on several goroutines create, subclass and free instances of
// them (run this under -race).
func TestModuleTypesInParallel(t *testing.T) {
	const src = `import itertools as it, _functools as ft, _operator as op
class C(it.chain): pass
class P(ft.partial): pass
total = 0
for i in range(200):
    c = C(range(i % 7), it.repeat(1, 3))
    total += sum(it.islice(c, 5)) + P(op.add, i)(1) + len(list(it.product('ab', repeat=2)))
    f = ft._lru_cache_wrapper(lambda x: x * 2, 4, False, tuple)
    total += f(i) + f(i) + ft.partial(ft.partial(max, i), 3)()
    a, b = it.tee(op.itemgetter(0, 1)([i, i + 1]))
    total += sum(a) - sum(b) + sorted([3, 1], key=ft.cmp_to_key(lambda x, y: x - y))[0]
print(total)
`
	mod, err := syntax.Parse("<par>", []byte(src), syntax.ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	code, err := compile.Compile(mod, "<par>", syntax.ModeExec, compile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	outs := make([]string, 4)
	for g := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out strings.Builder
			in := interp.New(interp.Options{Stdout: &out})
			if err := in.RunMain(code); err != nil {
				var b strings.Builder
				_ = in.PrintException(&b, err, nil)
				outs[g] = b.String()
				return
			}
			if reports := in.Heap().Reports(); len(reports) > 0 {
				outs[g] = "reference-count reports"
				return
			}
			outs[g] = out.String()
		}()
	}
	wg.Wait()
	want, _ := cpython(t, src)
	for g, got := range outs {
		if got != want {
			t.Errorf("interpreter %d printed %q, CPython 3.12 %q", g, got, want)
		}
	}
}

// Module objects count against the memory limit, and freeing them gives
// every byte back.
func TestModuleTypesMemoryLimit(t *testing.T) {
	const src = `import itertools as it, _functools as ft, _operator as op
keep = []
try:
    while True:
        keep.append((it.count(), it.zip_longest('a', 'b'), op.methodcaller('f', 1, x=2), ft.partial(len), it.permutations('abc')))
except MemoryError:
    n = len(keep)
    keep = None
    print('MemoryError', n > 100)
f = ft._lru_cache_wrapper(lambda x: x, None, False, lambda *a: a)
try:
    for i in range(10**7):
        f(i)
except MemoryError:
    f.cache_clear()
    print('cache full', i > 100, f.cache_info())
`
	mod, err := syntax.Parse("<mem>", []byte(src), syntax.ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	code, err := compile.Compile(mod, "<mem>", syntax.ModeExec, compile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	in := interp.New(interp.Options{Stdout: &out, MemoryLimit: 4 << 20})
	before := in.Heap().Bytes()
	if err := in.RunMain(code); err != nil {
		var b strings.Builder
		_ = in.PrintException(&b, err, nil)
		t.Fatalf("uncaught: %s", b.String())
	}
	if got := out.String(); got != "MemoryError True\ncache full True (0, 0, None, 0)\n" {
		t.Errorf("printed %q", got)
	}
	if after := in.Heap().Bytes(); after > before+64<<10 {
		t.Errorf("%d bytes still accounted after the objects were freed (%d before)", after, before)
	}
}
