package interp

import (
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp/bytecode"
)

// nativeCallPrograms exercise H2's native-call forms and their guards,
// compared with CPython 3.12 at every specialization threshold.
var nativeCallPrograms = map[string]string{
	// CALL_NO_KW_LIST_APPEND: an exact list, then a subclass, a
	// non-list with an append, a list the call alone keeps alive (its
	// __del__ shows when it dies), a result that is used (no POP_TOP
	// after the call), a POP_TOP that a jump also reaches, and calls
	// that raise.
	"list_append": `class D:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
class L(list): pass
class A:
    def __init__(self): self.got = []
    def append(self, x): self.got.append(('A', x))
out = []
def add(l, v):
    l.append(v)
    return len(l)
for i in range(6):
    out.append(add(out, i) if i < 3 else add([i], i))
print(out)
l = L()
a = A()
for t in [[], l, a, [], l, a]:
    add(t, 1)
    print(type(t).__name__, t if not isinstance(t, A) else t.got)
def fresh(n):
    for i in range(n):
        [].append(D(i))
        print('after', i)
fresh(3)
def used(l):
    r = []
    for i in range(3):
        r.append(l.append(i))
    return r, l
print(used([]))
def cond(l, m, c):
    for i in range(4):
        l.append(i) if c else m.append(i)
    return l, m
print(cond([], [], True), cond([], [], False))
def bad(l):
    try:
        l.append()
    except TypeError as e:
        print(e)
    try:
        l.append(1, 2)
    except TypeError as e:
        print(e)
for t in [[], [], 5]:
    try:
        t.append(7)
        print(t)
    except AttributeError as e:
        print(e)
    bad([])
def big():
    l = []
    for i in range(200000):
        l.append(i)
    return len(l), l[-1], sum(l)
print(big())
`,
	// CALL_NO_KW_METHOD_DESCRIPTOR_FAST and CALL_NO_KW_BUILTIN_FAST
	// release self and up to one argument themselves: each may be the
	// last reference (a __del__ shows when it dies, and in what order),
	// the call may raise, and calls of more arguments take the general
	// release.
	"native_call_release": `class D:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
    def __hash__(self): return self.n
    def __eq__(self, o): return isinstance(o, D) and o.n == self.n
class Bad:
    def __hash__(self): raise ValueError('no hash')
def calls(k):
    for i in range(3):
        print([D(k)].pop().n)
        print({1: 2}.get(D(k + 1)), {1: 2}.get(D(k + 2), 'dflt'))
        s = {D(k + 3)}
        s.discard(D(k + 3))
        print(len(s), [D(k + 4), D(k + 5)].pop(0).n)
        print(type(id(D(k + 6))).__name__, isinstance(abs(-i), int))
        for bad in [Bad(), D(k + 7)]:
            try:
                print({}.get(bad))
                print(hash(bad) > 0)
            except ValueError as e:
                print('ValueError', e)
        try:
            [].pop()
        except IndexError as e:
            print('IndexError', e)
        try:
            abs('x')
        except TypeError as e:
            print('TypeError', e)
        print('end', i)
calls(10)
def more(k):
    for i in range(3):
        print(type(D(k)).__name__, len([D(k + 1)]), str('ab' * i), int(i * 1.5), float(i))
        print(D(k + 2).__eq__(D(k + 3)), [D(k + 4)].append.__self__[0].n)
        bound = [D(k + 5)].append
        bound(D(k + 6))
        print(bound.__self__[1].n)
        del bound
        print([D(k + 7)].copy()[0].n)
        try:
            len(5)
        except TypeError as e:
            print('TypeError', e)
        print('end', i)
more(100)
print('done')
`,
}

func TestNativeCallForms(t *testing.T) { checkProgramsAtThresholds(t, nativeCallPrograms) }

// TestNativeCallFormsSpecialize checks that the calls run as the forms
// the comparisons above are meant to cover (the generic CALL would pass
// them just as well), and that a call whose result is used does not
// take list.append's form, which drops it.
func TestNativeCallFormsSpecialize(t *testing.T) {
	tests := []struct {
		name, src string
		op        bytecode.Op
		want      bool
	}{
		{"list.append statement", "def f(l):\n    for i in range(5):\n        l.append(i)\nf([])\n", bytecode.CALL_NO_KW_LIST_APPEND, true},
		{"list.append value", "def f(l):\n    r = 0\n    for i in range(5):\n        r = l.append(i)\nf([])\n", bytecode.CALL_NO_KW_LIST_APPEND, false},
		{"subclass append", "class L(list): pass\ndef f(l):\n    for i in range(5):\n        l.append(i)\nf(L())\n", bytecode.CALL_NO_KW_LIST_APPEND, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := specializesTo(t, tt.src, tt.op); got != tt.want {
				t.Errorf("%s in the listing: %v, want %v", tt.op, got, tt.want)
			}
		})
	}
}

// specializesTo runs src in a new interpreter and reports whether op is
// in its quickened listing.
func specializesTo(t *testing.T, src string, op bytecode.Op) bool {
	t.Helper()
	return strings.Contains(quickenedListing(t, src), op.String())
}
