package interp

import (
	"strings"
	"testing"
)

// TestCowIsolation changes the shared namespaces (builtins, sys,
// sys.implementation) in every way a program can, then checks that a
// new interpreter still sees the template's values and that the
// templates' arrays were never written.
func TestCowIsolation(t *testing.T) {
	programs := map[string]string{
		"set builtin": "import builtins\nbuiltins.len = 5\nprint(len)",
		"new builtin": "import builtins\nbuiltins.zz_new = 1\nprint(zz_new)",
		"del builtin": "import builtins\ndel builtins.abs\ntry:\n    abs(1)\nexcept NameError as e:\n    print(e)",
		"popitem":     "import builtins\nk, v = builtins.__dict__.popitem()\nprint(k in builtins.__dict__)",
		"clear":       "import builtins\nd = builtins.__dict__\nsaved = dict(d)\nd.clear()\nd.update(saved)\nprint(len(d) == len(saved))",
		"update":      "import builtins\nbuiltins.__dict__.update(min=max)\nprint(min(1, 2))",
		"setdefault":  "import builtins\nprint(builtins.__dict__.setdefault('zz_sd', 3))",
		"pop":         "import builtins\nprint(builtins.__dict__.pop('print') is not None)",
		"global":      "import builtins\nexec('global ord\\nord = 1', builtins.__dict__)\nprint(builtins.ord)",
		"impl":        "import sys\nsys.implementation.name = 'x'\ndel sys.implementation.version\nprint(sys.implementation.name)",
		"sys":         "import sys\nsys.maxsize = 3\ndel sys.byteorder\nprint(sys.maxsize)",
		// A module subclass lets attribute stores be specialized.
		"module subclass": `import builtins
class M(type(builtins)): pass
builtins.__class__ = M
def f(v):
    for i in range(300):
        builtins.len = v
        builtins.zz_sub = v
f(7)
print(builtins.len)`,
		// The store is specialized on an owned dict whose keys sit where
		// the builtins' do, then meets the shared builtins.
		"hint from another module": `import builtins
class M(type(builtins)): pass
m = M('builtins')
for k, v in list(builtins.__dict__.items()):
    setattr(m, k, v)
def f(o, v):
    o.len = v
for i in range(300):
    f(m, i)
builtins.__class__ = M
f(builtins, 7)
print(builtins.len)`,
		"instance dict": `import builtins
class C: pass
c = C()
c.__dict__ = builtins.__dict__
for i in range(300):
    c.len = i
print(len)`,
	}
	bt := builtinsTemplate()
	before := append([]dictEntry(nil), bt.entries...)
	for name, src := range programs {
		t.Run(name, func(t *testing.T) {
			_, err, in, _ := runForTest(t, src)
			if err != nil {
				t.Fatalf("program failed: %v", err)
			}
			in.Close()
			fresh := New(Options{})
			defer fresh.Close()
			for _, n := range []string{"len", "abs", "print", "min", "ord"} {
				v, ok := fresh.builtinsModule.get(n)
				if !ok || v.Type() != builtinFunctionType {
					t.Errorf("builtins.%s in a new interpreter: %v", n, v)
				}
			}
			for _, n := range []string{"zz_new", "zz_sd", "zz_sub"} {
				if _, ok := fresh.builtinsModule.get(n); ok {
					t.Errorf("builtins.%s leaked into a new interpreter", n)
				}
			}
			if v, ok := fresh.sys.get("maxsize"); !ok || v.Type() != intType || v.IsSmallInt() && v.SmallInt() == 3 {
				t.Errorf("sys.maxsize in a new interpreter: %v", v)
			}
			if _, ok := fresh.sys.get("byteorder"); !ok {
				t.Error("sys.byteorder missing in a new interpreter")
			}
			if len(bt.entries) != len(before) {
				t.Fatalf("builtins template has %d entries, had %d", len(bt.entries), len(before))
			}
			for i := range before {
				if bt.entries[i] != before[i] {
					t.Fatalf("builtins template entry %d changed", i)
				}
			}
		})
	}
}

// TestCowVersions checks that the first change of a shared namespace
// moves Version and keysVersion as a change of an owned dict does.
func TestCowVersions(t *testing.T) {
	in := New(Options{})
	defer in.Close()
	d := in.builtins
	if !d.shared {
		t.Fatal("a new interpreter's builtins are not shared")
	}
	d.keysVersion = 9 // as if the specializer had named the keys
	v0 := d.Version
	if err := in.DictSet(d, internName("len"), Int(1)); err != nil {
		t.Fatal(err)
	}
	if d.shared || d.Version != v0+1 || d.keysVersion != 9 {
		t.Errorf("after updating a value: shared %v, version +%d, keys version %d", d.shared, d.Version-v0, d.keysVersion)
	}
	if &d.entries[0] == &builtinsTemplate().entries[0] {
		t.Error("the dict still writes the template's entries")
	}
	if v, _ := builtinsTemplate().get("len"); v.Type() != builtinFunctionType {
		t.Error("the template's len changed")
	}
	if ok, err := in.DictDelete(d, internName("abs")); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if d.keysVersion != 0 || d.Version != v0+2 {
		t.Errorf("after a delete: version +%d, keys version %d", d.Version-v0, d.keysVersion)
	}
}

// TestCowMemoryAccounting checks that a shared namespace is accounted
// as a copy and that closing frees it all.
func TestCowMemoryAccounting(t *testing.T) {
	in := New(Options{})
	base := in.Heap().Bytes()
	if base <= int64(len(in.builtins.indices))*4 {
		t.Errorf("only %d bytes accounted for a new interpreter", base)
	}
	out, err, in2, _ := runForTest(t, "import builtins\nbuiltins.len = 1\nprint('ok')")
	if err != nil || strings.TrimSpace(out) != "ok" {
		t.Fatalf("%q %v", out, err)
	}
	in2.Close()
	in.Close()
	if b := in.Heap().Bytes(); b != 0 {
		t.Errorf("%d bytes accounted after Close", b)
	}
	if b := in2.Heap().Bytes(); b != 0 {
		t.Errorf("%d bytes accounted after Close of a changed interpreter", b)
	}
}
