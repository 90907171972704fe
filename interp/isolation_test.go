package interp

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/parallel-py/parallel/interp/compile"
)

// TestInterpretersShareNoMutableState runs two interpreters on two
// goroutines over the same immortal objects (built-in types, kind headers,
// interned strings, None/True/False, NotImplemented); under -race any
// write to shared memory is reported.
func TestInterpretersShareNoMutableState(t *testing.T) {
	rounds := 2000
	if testing.Short() {
		rounds = 200
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			in := New(Options{})
			base := in.Heap().Baseline()
			dv, _ := in.NewDict()
			d := asObject[Dict](dv)
			for i := 0; i < rounds; i++ {
				s, err := in.NewStr(fmt.Sprintf("k%d-%d", g, i%50))
				if err != nil {
					errs <- err
					return
				}
				x, err := in.BinaryOp(OpMul, Int(int64(i)), Int(1<<40))
				if err == nil {
					x, err = in.BinaryOp(OpMul, x, Int(1<<40)) // a big int
				}
				if err != nil {
					errs <- err
					return
				}
				lv, _ := in.NewList(s, x, None, True, NotImplemented, noneRepr)
				if err := in.DictSet(d, s, lv); err != nil {
					errs <- err
					return
				}
				if _, err := in.Hash(noneRepr); err != nil { // an immortal str
					errs <- err
					return
				}
				r, err := in.Repr(lv)
				if err != nil {
					errs <- err
					return
				}
				for _, v := range []Value{s, x, lv, r} {
					in.decRef(v)
				}
			}
			in.decRef(dv)
			if leaks := in.Heap().LeaksSince(base); len(leaks) > 0 {
				errs <- fmt.Errorf("interpreter %d leaks %+v", g, leaks)
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// isolationPrograms exercise most of the interpreter: classes with
// metaclasses and super, generators, closures, exceptions and
// tracebacks, containers, str methods, the sys module and imports.
var isolationPrograms = []string{`
import sys
class Meta(type):
    def __call__(cls, *a):
        return super().__call__(*a)
class Base(metaclass=Meta):
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"{type(self).__name__}({self.n})"
class Child(Base):
    def double(self):
        return super().__repr__() * 2
def gen(n):
    for i in range(n):
        yield Child(i)
out = [c.double() for c in gen(20)]
s = {frozenset({1, 2}), frozenset({3})}
d = {str(i): [i] * 3 for i in range(50)}
try:
    {}["missing"]
except KeyError as e:
    out.append(repr(e))
print(len(out), sorted(d)[:3], len(s), sys.version_info[:2])
`, `
def counter():
    c = 0
    def inc(k=1):
        nonlocal c
        c += k
        return c
    return inc
f = counter()
total = sum(f(i) for i in range(100))
words = "the quick brown fox jumps over the lazy dog".split()
freq = {}
for w in words * 10:
    freq[w] = freq.get(w, 0) + 1
class E(Exception):
    pass
def fail(n):
    if n == 0:
        raise E("bottom")
    return fail(n - 1)
try:
    fail(30)
except E as e:
    msg = str(e)
x = [1, 2, 3]
x.append(x)
print(total, sorted(freq.items())[:2], msg, " ".join(w.upper() for w in words[:3]), len(repr(x)))
`}

// TestTwoInterpretersRunPrograms runs different programs, and the same
// program, in interpreters on two goroutines at once (the code templates
// and every immortal object are shared); under -race any write to shared
// memory is reported, and each interpreter must end with nothing alive.
func TestTwoInterpretersRunPrograms(t *testing.T) {
	rounds := 20
	if testing.Short() {
		rounds = 4
	}
	codes := make([]any, len(isolationPrograms))
	for i, src := range isolationPrograms {
		codes[i] = compileForTest(t, src)
	}
	outputs := make([][]string, 2)
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				// Goroutine 0 alternates programs, 1 runs them the other way
				// round, so both run the same program at some point.
				p := (r + g) % len(isolationPrograms)
				var out strings.Builder
				in := New(Options{Stdout: &out})
				if err := in.RunMain(codes[p].(*compile.Code)); err != nil {
					t.Errorf("goroutine %d, program %d: %v", g, p, err)
					return
				}
				in.Close()
				if leaks := liveObjects(in.Heap()); len(leaks) > 0 {
					t.Errorf("goroutine %d, program %d: objects left: %v", g, p, leaks)
				}
				if r < len(isolationPrograms) {
					outputs[g] = append(outputs[g], out.String())
				}
			}
		}(g)
	}
	wg.Wait()
	for i := range outputs[0] {
		j := (i + 1) % len(isolationPrograms)
		if i < len(outputs[1]) && j < len(outputs[0]) && outputs[0][j] != outputs[1][i] {
			t.Errorf("the same program printed differently in two interpreters:\n%s\n%s", outputs[0][j], outputs[1][i])
		}
	}
}
