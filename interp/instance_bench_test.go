package interp

import (
	"testing"
	"unsafe"
)

// Benchmarks of making and dropping instances of classes: through a
// call from Go (heapConstruct, object.__new__ then __init__) and in a
// Python loop (the specialized CALL_ALLOC_AND_ENTER_INIT), of a class
// with three attributes in its dict and of one with three __slots__.

const instanceBenchSource = `
class P:
    def __init__(self, x, y, z):
        self.x = x; self.y = y; self.z = z
class S:
    __slots__ = ('x', 'y', 'z')
    def __init__(self, x, y, z):
        self.x = x; self.y = y; self.z = z
def loop(cls, n):
    for i in range(n):
        cls(i, 2.0, None)
loop(P, 100); loop(S, 100)
`

// newInstanceBench returns an interpreter that ran instanceBenchSource.
func newInstanceBench(b *testing.B) *Interp {
	in := New(Options{})
	gv, err := in.NewDict()
	if err != nil {
		b.Fatal(err)
	}
	defer in.decRef(gv)
	if err := in.ExecModule(compileForTest(b, instanceBenchSource), asObject[Dict](gv)); err != nil {
		b.Fatal(err)
	}
	return in
}

func benchmarkInstanceCall(b *testing.B, name string) {
	in := newInstanceBench(b)
	defer in.Close()
	cls := valueOf(in.heapTypeForTest(b, name))
	args := []Value{Int(1), Float(2), None}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		o, err := in.Call(cls, args, nil)
		if err != nil {
			b.Fatal(err)
		}
		in.decRef(o)
	}
}

func benchmarkInstanceLoop(b *testing.B, name string) {
	in := newInstanceBench(b)
	defer in.Close()
	cls := valueOf(in.heapTypeForTest(b, name))
	loop, ok, _ := in.DictGet(asObject[Dict](asObject[Function](in.initOfForTest(b, cls)).globals), internName("loop"))
	if !ok {
		b.Fatal("no loop")
	}
	b.ReportAllocs()
	b.ResetTimer()
	r, err := in.Call(loop, []Value{cls, Int(int64(b.N))}, nil)
	if err != nil {
		b.Fatal(err)
	}
	in.decRef(r)
}

// BenchmarkInstanceDictCall: P(1, 2.0, None) from Go, then dropped.
func BenchmarkInstanceDictCall(b *testing.B) { benchmarkInstanceCall(b, "P") }

// BenchmarkInstanceSlotsCall: S(1, 2.0, None) from Go, then dropped.
func BenchmarkInstanceSlotsCall(b *testing.B) { benchmarkInstanceCall(b, "S") }

// BenchmarkInstanceDictLoop: P(i, 2.0, None) dropped in a Python loop.
func BenchmarkInstanceDictLoop(b *testing.B) { benchmarkInstanceLoop(b, "P") }

// BenchmarkInstanceSlotsLoop: S(i, 2.0, None) dropped in a Python loop.
func BenchmarkInstanceSlotsLoop(b *testing.B) { benchmarkInstanceLoop(b, "S") }

// initOfForTest returns the __init__ function of the class cls.
func (in *Interp) initOfForTest(tb testing.TB, cls Value) Value {
	tb.Helper()
	v, ok, _ := in.DictGet((*Type)(cls.p).dict, internName("__init__"))
	if !ok || v.Type() != functionType {
		tb.Fatal("no __init__ function")
	}
	return v
}

// heapTypeForTest returns the class the program defined as name.
func (in *Interp) heapTypeForTest(t testing.TB, name string) *Type {
	t.Helper()
	for _, tp := range in.heapTypesForTest() {
		if tp.Name == name {
			return tp
		}
	}
	t.Fatalf("class %s not found", name)
	return nil
}

// heapTypesForTest returns the classes the cycle finder tracks.
func (in *Interp) heapTypesForTest() []*Type {
	var ts []*Type
	for gen := range 3 {
		for _, h := range in.gc.Objects(gen) {
			if (*Type)(h.Type) == typeType {
				ts = append(ts, (*Type)(unsafe.Pointer(h)))
			}
		}
	}
	return ts
}
