package interp

import (
	"math"
	"math/big"
	"testing"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/bytecode"
)

// fastLoopPrograms run the fast loop's simple cases warm, where they
// read slots, constants and instruction words without bounds checks and
// end in their own jump to the loop's head, and then make their guards
// fail: the overflow of BINARY_OP_MULTIPLY_INT (mulInt64 inline), the
// other operand types of BINARY_OP_MIXED_FLOAT, BINARY_OP_INT and
// COMPARE_OP_STR (whose pc and sp wait in the frame across a call), an
// index out of range, and releases that run __del__ in the middle of a
// superinstruction. Each is compared with CPython 3.12 (checkPrograms).
var fastLoopPrograms = map[string]string{
	"mul_int_overflow": `def mul(a, b): return a * b
big = 2**62
out = []
for x, y in [(3, 4), (-3, 4), (big, 1), (big, 2), (-big, 2), (big, -2), (2**31, 2**31),
             (-2**63, 1), (1, -2**63), (-2**63, -1), (-1, -2**63), (0, -2**63),
             (2**32, 2**31 - 1), (-(2**32), 2**31), (7, 7), (3037000499, 3037000499),
             (3037000500, 3037000500), (-3037000500, 3037000500)]:
    out.append(mul(x, y))
    out.append(mul(x, y) == x * y)
print(out)
print(type(mul(big, 2)).__name__, mul(big, 2) - 2**63)
`,
	"mixed_float_and_int_ops": `def f(a, b): return a / b, a + b, a - b, a * b
def g(a, b): return a // b, a % b, a << 3, a >> 1, a & b, a | b, a ^ b
out = []
for a, b in [(1.5, 2), (3, 0.5), (7, 2), (2**60, 3), (1.5, True), (2, 2.0), (-7, 2)]:
    out.append(f(a, b))
for a, b in [(7, 2), (-7, 2), (7, -2), (2**62, 3), (5, 1), (True, 3)]:
    out.append(g(a, b))
print(out)
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (2**53 + 1, 1), ("a", 1)]:
    try:
        print(f(a, b))
    except Exception as e:
        print(type(e).__name__, e)
for a, b in [(7, 0), (2**62, 2**62)]:
    try:
        print(g(a, b))
    except Exception as e:
        print(type(e).__name__, e)
`,
	"compare_str": `class S(str): pass
def cmp(a, b): return a < b, a <= b, a == b, a != b, a > b, a >= b
out = []
x = "abc"
for a, b in [("a", "b"), ("b", "a"), (x, x), ("abc", "ab" + "c"), ("", "a"), ("é", "e"),
             (S("a"), "b"), ("a", S("a")), ("a", 1)]:
    try:
        out.append(cmp(a, b))
    except TypeError as e:
        out.append(str(e))
print(out)
`,
	"list_subscript_and_superinstructions": `class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def f(n):
    xs = [0, 1, 2, 3]
    a = D(1)
    b = D(2)
    for i in range(n):
        xs[i % 4] = xs[(i + 1) % 4] + i
        a, b = b, D(i + 3)
        c = a
        print(i, xs, c.n, b.n)
    try:
        xs[4] = 1
    except IndexError as e:
        print("IndexError", e)
    try:
        print(xs[-5])
    except IndexError as e:
        print("IndexError", e)
    t = (1, 2, 3)
    return t[0] + t[2], xs[-1], t[1:]
print(f(6))
`,
	"stack_shuffles_and_unpacking": `def f(n):
    out = []
    for i in range(n):
        a, b, c = i, i + 1, i + 2
        a, b = b, a
        x, y = [a, b]
        p, q, r = (c, b, a)
        z = None
        out.append((a, b, c, x, y, p, q, r, z is None, not (i & 1), i if i is not None else 0))
    try:
        x, y = [1, 2, 3]
    except ValueError as e:
        out.append(str(e))
    return out
print(f(5))
`,
}

func TestFastLoopPrograms(t *testing.T) { checkProgramsAtThresholds(t, fastLoopPrograms) }

// TestMulInt64 checks the fast loop's inline multiply against big-int
// arithmetic at the edges of int64: it must agree on every product that
// fits and decline (to the general path) every one that does not, as
// smallIntOp's OpMul, which it is, did.
func TestMulInt64(t *testing.T) {
	vals := []int64{0, 1, -1, 2, -2, 3, 7, -7, 1 << 31, -(1 << 31), 1<<32 - 1, 3037000499, 3037000500, -3037000500,
		1 << 62, -(1 << 62), math.MaxInt64, math.MinInt64, math.MaxInt64 / 2, math.MinInt64 / 2}
	for _, x := range vals {
		for _, y := range vals {
			r, ok := mulInt64(x, y)
			want := new(big.Int).Mul(big.NewInt(x), big.NewInt(y))
			fits := want.IsInt64() && want.Int64() != math.MinInt64 && x != math.MinInt64 && y != math.MinInt64
			if ok != fits || ok && r != want.Int64() {
				t.Errorf("mulInt64(%d, %d) = %d, %v; want %v, fits %v", x, y, r, ok, want, fits)
			}
		}
	}
}

// TestFastIndexHelpers checks that instrAt, constAt and slotAt read what
// plain indexing reads, and that rcdebug builds check their bounds, so
// that a code object breaking the fast loop's invariants panics in the
// tests rather than reading past a slice.
func TestFastIndexHelpers(t *testing.T) {
	instrs := []bytecode.Instr{bytecode.Instr(bytecode.NOP), bytecode.Instr(bytecode.LOAD_FAST) | 7<<8}
	vals := []Value{Int(1), Int(2), None}
	for i := range instrs {
		if got := instrAt(instrs, i); got != instrs[i] {
			t.Errorf("instrAt(%d) = %v, want %v", i, got, instrs[i])
		}
	}
	for i := range vals {
		if got := constAt(vals, i); got != vals[i] {
			t.Errorf("constAt(%d) = %v, want %v", i, got, vals[i])
		}
		if got := slotAt(vals, i); got != &vals[i] {
			t.Errorf("slotAt(%d) = %p, want %p", i, got, &vals[i])
		}
	}
	if !alloc.Debug {
		return
	}
	for name, read := range map[string]func(){
		"instrAt": func() { instrAt(instrs, len(instrs)) },
		"constAt": func() { constAt(vals, -1) },
		"slotAt":  func() { slotAt(vals[:2], 2) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s out of range did not panic in an rcdebug build", name)
				}
			}()
			read()
		}()
	}
}
