package interp

import (
	"testing"

	"github.com/parallel-py/parallel/interp/bytecode"
)

// callFastPrograms exercise the fast loop's call and return of Python
// functions (callPy, returnAt) and every case they leave to callExact,
// callAllocInit and releaseFrame: each program runs its calls often
// enough to specialize, then changes what the specialized call sees.
var callFastPrograms = map[string]string{
	// The plain and the method-load shapes, closures (cells copied into
	// the new frame), a site whose callable stops being a function or
	// takes another number of arguments, a function first run at a
	// specialized site (no adaptive code yet).
	"call_shapes": `def add(a, b):
    return a + b
def make(k):
    def inner(x):
        return x * k
    return inner
class C:
    def m(self, a):
        return a + 1
def never_run_before(a, b):
    return a - b
def main():
    c = C()
    out = []
    f = add
    for i in range(40):
        if i == 30:
            f = never_run_before
        out.append(f(i, 2))
        out.append(c.m(i))
        out.append(make(i)(3))
    g = add
    for i in range(12):
        if i == 8:
            g = len
        try:
            out.append(g(i, 1) if g is not len else g([i]))
        except TypeError as e:
            out.append(str(e))
    h = add
    for i in range(12):
        if i == 8:
            h = lambda a: a
        try:
            out.append(h(i, 1))
        except TypeError as e:
            out.append(str(e))
    return out
print(main())
`,
	// Calls with defaults (callPyDefaults) and of bound methods
	// (callExact), and what they leave to callExact and runFrom: a
	// default read at each call (its tuple replaced), too few
	// defaults, a closure with defaults, a method called with its
	// defaults through a method load, a bound method kept in a local,
	// one made at each call and freed by the call (its parts outlive
	// it), one whose function takes another count, one of a builtin,
	// and a recursive bound method past the frame records the free
	// list holds.
	"call_defaults_bound": `def d(a, b=10, c=20):
    return a + b + c
def make(k):
    def inner(x, y=1):
        return x * k + y
    return inner
class C:
    def __init__(self, v):
        self.v = v
    def m(self, a):
        return self.v + a
    def md(self, a, b=3):
        return self.v * a + b
    def two(self, a, b):
        return a - b
    def down(self, n):
        if n == 0:
            return 0
        return self.rec(n - 1) + 1
def main():
    out = []
    inner = make(5)
    c = C(7)
    for i in range(30):
        out.append(d(i))
        out.append(d(i, 1))
        out.append(d(i, 1, 2))
        out.append(inner(i))
        out.append(c.md(i))
        if i == 20:
            d.__defaults__ = (100, 200)
        if i == 25:
            d.__defaults__ = (300,)
        try:
            out.append(d(i))
        except TypeError as e:
            out.append(str(e))
    bm = c.m
    for i in range(30):
        if i == 20:
            bm = C(i).two
        if i == 24:
            bm = [].append
        if i == 27:
            bm = c.md
        try:
            out.append(bm(i))
        except TypeError as e:
            out.append(str(e))
    holder = []
    for i in range(30):
        # A bound method whose only reference is the call's.
        holder.append(C(i).m)
        out.append(holder.pop()(i))
    c.rec = c.down
    out.append(c.down(400))
    return out
print(main())
`,
	// Deep recursion: calls past the arena's first chunks, the recursion
	// limit's error from a specialized call, and the frames it unwinds.
	"call_deep": `import sys
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1
def forever(n):
    return forever(n + 1)
print(down(200), down(900), down(5))
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
print(down(300))
`,
	// Returns that need more than returnAt: frame objects (a frame kept
	// after its return, f_back, f_locals), generators, __init__ through
	// CALL_ALLOC_AND_ENTER_INIT, and one that returns something else.
	"return_cases": `import sys
def keep(a):
    b = a * 2
    return sys._getframe()
def caller_name():
    return sys._getframe().f_back.f_code.co_name
def gen(n):
    for i in range(n):
        yield i
class P:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
class Bad:
    def __init__(self, v):
        if v > 10:
            return v
def main():
    out = []
    for i in range(20):
        f = keep(i)
        out.append((f.f_code.co_name, sorted(f.f_locals.items())))
        out.append(caller_name())
        out.append(sum(gen(i)))
        p = P(i, i + 1)
        out.append((p.x, p.y, P(i).y))
    for i in range(14):
        try:
            out.append(type(Bad(i)).__name__)
        except TypeError as e:
            out.append(str(e))
    return out
print(main())
`,
	// A release that runs __del__: it must see the caller as the running
	// frame, before the result reaches the caller's stack, and a __del__
	// that raises only prints the error.
	"return_del": `import sys
class D:
    def __init__(self, name, log):
        self.name = name
        self.log = log
    def __del__(self):
        self.log.append((self.name, sys._getframe(1).f_code.co_name))
class Raises:
    def __del__(self):
        raise ValueError("in __del__")
def local_dies(log, i):
    d = D(i, log)
    return i * 2
def returns_it(log, i):
    d = D(i, log)
    return d
def main():
    log = []
    out = []
    for i in range(12):
        out.append(local_dies(log, i))
        out.append(returns_it(log, -i).name)
    print(out)
    print(log)
def raiser(i):
    r = Raises()
    return i
for i in range(3):
    print(raiser(i))
main()
`,
	// returnAt's release of several locals whose counts reach zero, with
	// live ones between them (releaseFrom takes over at the first that
	// dies): the __del__ methods run in slot order, each seeing the
	// caller as the running frame, and one that calls Python code and
	// one that raises; the result is already the caller's.
	"return_release_order": `import sys
log = []
def note(s):
    log.append(s)
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        f = sys._getframe(1)
        note((self.name, f.f_code.co_name))
class Raises:
    def __del__(self):
        raise KeyError("del")
def many(i):
    a = D('a%d' % i)
    keep = [i]
    b = D('b%d' % i)
    c = None
    r = Raises()
    d = D('d%d' % i)
    return keep
def nested(i):
    x = D('x%d' % i)
    return many(i) + [len(log)]
def main():
    out = []
    for i in range(10):
        out.append(many(i))
        out.append(nested(i))
    return out
print(main())
print(log)
`,
}

// TestCallFastPrograms runs them against CPython at each threshold.
func TestCallFastPrograms(t *testing.T) { checkProgramsAtThresholds(t, callFastPrograms) }

// TestCallPyFallsBack checks that callPy pushes the callee's frame in the
// common case and, when a guard fails or the call needs what only
// callExact does, returns nil and leaves the caller's stack and the
// interpreter as they were; and callPyDefaults, for a call with
// defaults.
func TestCallPyFallsBack(t *testing.T) {
	code := compileForTest(t, `def f(a, b):
    return a
def g(a, b):
    return b
def h(a, b=5, c=6):
    return c
x = f(1, 2)
x = h(1)
x = h(1, f(1, 2), f(1, 2)) # a stack deep enough for the test's calls
`)
	exact, dflt := bytecode.CALL_PY_EXACT_ARGS, bytecode.CALL_PY_WITH_DEFAULTS
	for _, tc := range []struct {
		name     string
		op       bytecode.Op
		callable string // a name in the module, or "int" (not a function)
		nargs    int
		setup    func(in *Interp) (undo func())
		fast     bool
		want     []int64 // the callee's first locals
	}{
		{name: "fast", op: exact, callable: "f", nargs: 2, fast: true, want: []int64{1, 2}},
		{name: "not a function", op: exact, callable: "int", nargs: 2},
		{name: "argument count", op: exact, callable: "f", nargs: 1},
		{name: "no adaptive code yet", op: exact, callable: "g", nargs: 2},
		{name: "recursion limit", op: exact, callable: "f", nargs: 2, setup: func(in *Interp) func() {
			depth := in.depth
			in.depth = in.recursionLimit
			return func() { in.depth = depth }
		}},
		{name: "no free frame record", op: exact, callable: "f", nargs: 2, setup: func(in *Interp) func() {
			free := in.frames.free
			in.frames.free = nil
			return func() { in.frames.free = free }
		}},
		{name: "defaults, two", op: dflt, callable: "h", nargs: 1, fast: true, want: []int64{1, 5, 6}},
		{name: "defaults, one", op: dflt, callable: "h", nargs: 2, fast: true, want: []int64{1, 2, 6}},
		{name: "defaults, none needed", op: dflt, callable: "h", nargs: 3, fast: true, want: []int64{1, 2, 3}},
		{name: "defaults, too few arguments", op: dflt, callable: "h", nargs: 0},
		{name: "defaults, too many arguments", op: dflt, callable: "h", nargs: 4},
		{name: "defaults, function without", op: dflt, callable: "f", nargs: 1},
		{name: "defaults, not a function", op: dflt, callable: "int", nargs: 1},
		{name: "defaults, recursion limit", op: dflt, callable: "h", nargs: 1, setup: func(in *Interp) func() {
			depth := in.depth
			in.depth = in.recursionLimit
			return func() { in.depth = depth }
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := New(Options{})
			defer in.Close()
			g := execInFreshGlobals(t, in, code)
			defer in.decRef(valueOf(g))
			callable := Int(7)
			if tc.callable != "int" {
				v, ok, err := in.DictGet(g, internName(tc.callable))
				if !ok || err != nil {
					t.Fatalf("no %s in the module's globals", tc.callable)
				}
				callable = v
			}
			if err := in.enterFrame(); err != nil {
				t.Fatal(err)
			}
			caller := in.newFrame(codeOf(code), g)
			caller.entry, caller.special = true, true
			incRef(callable)
			caller.push(Value{})
			caller.push(callable)
			for i := 0; i < tc.nargs; i++ {
				caller.push(Int(int64(i + 1)))
			}
			sp := caller.sp
			depth, running := in.depth, in.frame
			if tc.setup != nil {
				undo := tc.setup(in)
				depth = in.depth
				defer undo()
			}
			call := in.callPy
			if tc.op == dflt {
				call = in.callPyDefaults
			}
			callee := call(caller, tc.nargs)
			if !tc.fast {
				if callee != nil {
					t.Fatal("callPy made a frame; want nil")
				}
				if caller.sp != sp || caller.slots[sp-tc.nargs-1] != callable || in.depth != depth || in.frame != running {
					t.Errorf("callPy changed state: sp %d (was %d), depth %d (was %d)", caller.sp, sp, in.depth, depth)
				}
				for caller.sp > caller.nlocal {
					in.xdecRef(caller.pop())
				}
				in.releaseFrame(caller)
				return
			}
			if callee == nil {
				t.Fatal("callPy returned nil")
			}
			if callee.pc != 1 || callee.back != caller || in.frame != callee || in.depth != depth+1 {
				t.Errorf("callee: pc %d, back %p (caller %p), running %v, depth %d (was %d)",
					callee.pc, callee.back, caller, in.frame == callee, in.depth, depth)
			}
			for i, w := range tc.want {
				if callee.slots[i] != Int(w) {
					t.Errorf("argument %d: %v, want %d", i, callee.slots[i], w)
				}
			}
			if callee.fn != callable {
				t.Errorf("callee's fn %v, want %v", callee.fn, callable)
			}
			for i := caller.nlocal; i < sp; i++ {
				if caller.slots[i].p != nil {
					t.Errorf("caller's slot %d not cleared", i)
				}
			}
			if caller.sp != caller.nlocal {
				t.Errorf("caller's sp %d, want %d", caller.sp, caller.nlocal)
			}
			in.releaseFrame(callee)
			in.releaseFrame(caller)
		})
	}
}

// TestGoPanicAfterFrameSwitch checks that a Go panic in a builtin that a
// frame the fast loop switched to itself (a call, a return, a
// generator's resume) called is raised as SystemError in that frame, the
// running one (runFast takes it from in.frame), and that the frames the
// loop left behind are released.
func TestGoPanicAfterFrameSwitch(t *testing.T) {
	t.Setenv("PARALLEL_SPECIALIZE_THRESHOLD", "1")
	for _, tc := range []struct{ name, src, want string }{
		{"caught in the callee", `def g(i):
    try:
        _test_panic()
    except SystemError:
        return i
def f():
    n = 0
    for i in range(20):
        n += g(i)
    return n
print(f())
`, "190\n"},
		{"caught in the caller", `def g(i):
    _test_panic()
def h(i):
    return g(i)
def f():
    names = []
    for i in range(20):
        try:
            h(i)
        except SystemError as e:
            tb = e.__traceback__
            while tb.tb_next is not None:
                tb = tb.tb_next
            names.append(tb.tb_frame.f_code.co_name)
    return sorted(set(names)), len(names)
print(f())
`, "(['g'], 20)\n"},
		{"in a generator resumed inline", `def gen():
    for i in range(20):
        try:
            _test_panic()
        except SystemError:
            yield i
def f():
    n = 0
    for v in gen():
        n += v
    return n
print(f())
`, "190\n"},
		{"with defaults, after returns", `def g(i, k=2):
    if i % 3:
        _test_panic()
    return i * k
def f():
    out = []
    for i in range(12):
        try:
            out.append(g(i))
        except SystemError:
            out.append(-1)
    return out
print(f())
`, "[0, -1, -1, 6, -1, -1, 12, -1, -1, 18, -1, -1]\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err, in, _ := runForTest(t, tc.src)
			if err != nil || out != tc.want {
				t.Fatalf("got %q, %v; want %q", out, err, tc.want)
			}
			if in.depth != 0 || in.frameSlots.Len() != 0 || in.cDepth != 0 {
				t.Errorf("state left: depth %d, %d slots, Go depth %d", in.depth, in.frameSlots.Len(), in.cDepth)
			}
		})
	}
}
