package interp

import (
	"strings"
	"testing"
)

// Programs about set and frozenset, compared with CPython 3.12. Sets of
// ints must iterate in CPython's order, so most of these print sets
// whole: the table layout, probing, dummies, growth and the way each
// operation builds its result all show in the order.
var setOrderPrograms = map[string]string{
	"literals": `print(set([10, 3, 33, 1, 100, 8, 16, 64]))
print({-1, -2, 7}, {0, 8, 16, 24, 32}, {5, 13, 21, 29, 37, 45})
print({1, 9}, {9, 1}, {7, 15, 1}, set([7, 15, 1]), frozenset([7, 15, 1]))
x = 3
print({7, 15, x}, {x, 7, 15}, {x}, set(), frozenset())
print({1, 1.0, True}, {0, False, 0.0, -0.0}, {2.5, 1.5, -3.25}, {10**20, 2**61, 2**61 - 1, -2**61})
print({2**64 + 1, 2**64, 1, 2}, {-(2**64), 5}, {True, 2, False})
for v in {7, 15, 1}:
    print(v)
print(1 in {7, 15, 1}, 2 not in {7, 15, 1}, 15 in {7, 15, x})
print({*range(5), *[40, 8]}, {*'', *()}, {i * 8 for i in range(10)}, {i % 3 for i in range(100)})
print(set(range(20)), set(range(100, 0, -7)), frozenset(range(-5, 5)))
`,
	"removal": `s = {1, 9}
s.remove(1)
s.add(17)
print(s)
s = set(range(20))
for i in range(0, 20, 3):
    s.discard(i)
print(s, len(s))
s |= {100, 200, 35}
print(s)
print(s.pop(), s.pop(), s)
s.add(0)
s.add(3)
print(s, s.pop(), s)
t = {8, 16, 24}
t.remove(8)
t.add(32)
t.add(8)
print(t)
u = set(range(6))
while u:
    print('pop', u.pop())
print(u)
u.add(5)
u.add(13)
print(u, u.pop(), u)
v = set(range(40))
for i in range(35):
    v.discard(i)
print(v)
v.clear()
print(v, len(v))
v.add(3)
print(v)
`,
	"random_adds": `x = 1
for trial in range(120):
    s = set()
    n = trial % 41
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        v = x % 997 - 400
        if x % 5 == 0:
            s.discard(v)
        else:
            s.add(v)
    print(s)
    if trial % 10 == 0:
        w = set()
        for i in range(trial * 3):
            x = (x * 1103515245 + 12345) % 2147483648
            w.add(x)
        print(w)
`,
	"random_collisions": `x = 11
for trial in range(150):
    s = set()
    for i in range(trial % 70):
        x = (x * 1103515245 + 12345) % 2147483648
        v = (x >> 8) % 41 * (8, 16, 32, 64, 128, 1)[x % 6]
        op = (x >> 4) % 10
        if op < 4:
            s.add(v)
        elif op < 7:
            s.discard(v)
        elif op == 7 and s:
            print('pop', s.pop())
        elif op == 8:
            s |= {v, v + 8, v + 64}
        else:
            s -= {v, v * 2}
    print(s)
    c = s.copy()
    c.add(-8)
    print(c, set(s), frozenset(s), s | {1}, {1} | s)
    if trial % 7 == 0:
        s.clear()
        s.add(8)
        s.add(0)
        print(s, s.pop(), s)
`,
	"random_ops": `x = 7
for trial in range(60):
    a = set()
    b = set()
    for i in range(trial % 23):
        x = (x * 1103515245 + 12345) % 2147483648
        a.add(x % 64)
        x = (x * 1103515245 + 12345) % 2147483648
        b.add(x % 64 - 10)
    la = [v for v in a]
    lb = [v for v in b]
    print(a | b, a & b, a - b, a ^ b, b - a, b ^ a)
    print(a.union(lb), a.intersection(lb), a.difference(lb), a.symmetric_difference(lb))
    print(a.union(lb, {99, 3}), a.intersection(b, la), a.difference(b, [1, 2, 3]))
    print(frozenset(a) | b, a | frozenset(b), frozenset(a) & frozenset(b))
    c = a.copy()
    c |= b
    d = a.copy()
    d &= b
    e = a.copy()
    e -= b
    f = a.copy()
    f ^= b
    print(c, d, e, f)
    g = a.copy()
    g.update(lb, range(5))
    h = a.copy()
    h.intersection_update(lb)
    i2 = a.copy()
    i2.difference_update(lb, [0])
    j = a.copy()
    j.symmetric_difference_update(lb)
    print(g, h, i2, j)
    print(a <= b, a < a | b, a >= a & b, a > b, a == set(la), a != b, a.isdisjoint(b), a.issubset(range(-20, 70)), a.issuperset(lb))
`,
	"big": `s = set(range(60000))
print(len(s))
h = 0
for v in s:
    h = (h * 31 + v) % 1000000007
print(h)
t = set()
x = 3
for i in range(70000):
    x = (x * 1103515245 + 12345) % 2147483648
    t.add(x)
h = 0
for v in t:
    h = (h * 31 + v) % 1000000007
print(len(t), h)
u = set(t)
h = 0
for v in u:
    h = (h * 31 + v) % 1000000007
print(h)
for v in range(0, 60000, 2):
    s.discard(v)
s.add(-1)
h = 0
for v in s:
    h = (h * 31 + v) % 1000000007
print(len(s), h)
`,
	"dict_sources": `d = {3: 'a', 11: 'b', 1: 'c', 19: 'd'}
print(set(d), frozenset(d))
s = {5, 3}
s.update(d)
print(s)
s.symmetric_difference_update({1: 0, 100: 0})
print(s)
print({3, 11, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 20, 21}.difference(d))
print({3, 11, 4}.difference(d), {1, 2, 3} - set(d))
print(s.issuperset(d), {1}.issubset(d), s.isdisjoint(d))
`,
	"frozensets": `a = frozenset([3, 1, 2])
b = frozenset(a)
print(a, b, a is b, frozenset(), len(a), 2 in a, a == {1, 2, 3})
print({frozenset({1}), frozenset({2}), frozenset({1, 2}), frozenset()})
print({1} in {frozenset({1})}, {frozenset({2}): 'x'}[frozenset([2])])
s = {frozenset({1, 2}), 3}
s.remove({1, 2})
print(s)
s.discard({3})
s.add(frozenset({4}))
print(s, {4} in s, set() in s)
print(a.union([9]), a.copy() is a, a - {1}, a ^ {5}, a & {2, 7})
print(type(a | {1}).__name__, type({1} | a).__name__, type(a.union()).__name__)
print(frozenset({frozenset({1, 2}), frozenset({3})}))
print(repr(frozenset({'a'})), repr({'a'}))
print(frozenset({1, 2}).__hash__(), frozenset().__hash__(), frozenset({-1}).__hash__(), frozenset(range(100)).__hash__())
print(frozenset({frozenset({1}), 2**70, -5}).__hash__(), frozenset([1.5, True]).__hash__(), frozenset({1, 2}).__hash__() == frozenset({2, 1}).__hash__())
big = set(range(1000))
for v in range(0, 1000, 3):
    big.discard(v)
print(frozenset(big).__hash__(), frozenset(big) == big, {frozenset(big)} == {frozenset(big.copy())})
print(set.__hash__, {1}.__hash__)
`,
	"comparisons": `a = {1, 2}
b = {1, 2, 3}
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(b < a, b <= a, b > a, b >= a, a < a, a <= a)
print(a == frozenset(a), frozenset(a) == a, a == [1, 2], a != [1, 2], {1} == {1.0}, set() == frozenset())
print(a.issubset([1, 2, 5]), a.issuperset(range(2)), a.isdisjoint(x for x in [5, 6]), a.isdisjoint(a), set().isdisjoint(set()))
`,
	"iteration": `s = {1, 2, 3}
it = s.__iter__()
print(it.__length_hint__(), it.__next__(), it.__length_hint__())
for v in it:
    print(v)
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print('RuntimeError', e)
try:
    for v in s:
        s.discard(v)
except RuntimeError as e:
    print('RuntimeError', e)
print(s)
s = {1, 2}
for v in s:
    s.discard(v)
    s.add(v)
print(s)
`,
	"strings": `s = {'apple', 'banana', 'cherry'}
print(len(s), 'apple' in s, 'grape' in s)
s.add('grape')
s.discard('apple')
print(len(s), 'apple' in s, 'grape' in s, s == {'banana', 'cherry', 'grape'})
t = set('mississippi')
print(len(t), 's' in t, t == {'m', 'i', 's', 'p'})
print({'a'} | {'a'}, {'x', 'x'}, frozenset('a'))
print(sorted({'pear', 'apple', 'fig'}), sorted(frozenset('hello')), sorted({b'b', b'a', bytes(3)}), sorted(s | t))
print(sorted(s ^ {'banana', 'kiwi'}), sorted(s & {'cherry', 'x'}), sorted(s - {'cherry'}), sorted({c for c in 'abracadabra'}))
`,
	"builders": `print({c for c in [3, 1, 2, 3, 1]})
a = [5, 6]
print({*a, 1, *a}, {1, *a}, {*a})
s = {0}
print({*s, *range(3), *{9}})
print(set(x * x for x in range(-3, 4)))
`,
}

// Error cases: each program ends in an exception or prints the messages
// it catches.
var setErrorPrograms = map[string]string{
	"errors": `s = {1, 2}
for f in [lambda: s.add(), lambda: s.add(1, 2), lambda: s.remove(5), lambda: s.remove([]),
          lambda: s.discard([]), lambda: s.add([]), lambda: set().pop(), lambda: s.union(1),
          lambda: s.issubset(1), lambda: s | [1], lambda: s < [1], lambda: s <= 1, lambda: set(1),
          lambda: set(1, 2), lambda: set(a=1), lambda: frozenset(a=1), lambda: frozenset(1, 2),
          lambda: s.copy(1), lambda: s.clear(1), lambda: s.pop(1), lambda: s.symmetric_difference(1, 2),
          lambda: s.symmetric_difference(), lambda: s.isdisjoint(), lambda: s.update(a=1), lambda: {[]},
          lambda: [] in s, lambda: s.__contains__([]), lambda: set.add(1, 2),
          lambda: set.union(frozenset([1]), [2]), lambda: s.copy(x=1), lambda: frozenset().copy(1),
          lambda: frozenset().union(x=1), lambda: s.issubset(), lambda: set.union(), lambda: {1} - 1,
          lambda: frozenset() ^ 'ab', lambda: {{1}}, lambda: {1}.intersection(5), lambda: {1}.difference(5),
          lambda: {1}.symmetric_difference(5), lambda: {1}.update(5), lambda: {1}.issuperset(5),
          lambda: {1}.isdisjoint(5), lambda: frozenset([[]]), lambda: set.__new__(1), lambda: s.__len__(1)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
`,
	"keyerror": `s = {1}
s.remove(2)
`,
	"pop_empty": `set().pop()
`,
	"unhashable": `print({1, [2]})
`,
	"set_update_error": `print({*1})
`,
	"set_add_error": `print({x for x in [[1]]})
`,
	"eq_raises": `class K:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        raise ValueError('no eq')
s = {K()}
print(len(s))
s.add(K())
`,
	"recursive_repr": `class A:
    def __hash__(self):
        return 1
    def __repr__(self):
        return repr(s)
s = {A()}
print(s, repr(s))
f = frozenset([A()])
print(f)
`,
	"mutating_eq": `class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 0
    def __eq__(self, other):
        s.clear()
        return False
s = {K(1)}
s.add(K(2))
print(len(s))
t = {K(1), 8, 16}
print(K(3) in t, len(t))
`,
}

// tryEach is a program that evaluates each expression after setup,
// printing its repr or the exception it raises. Unlike a loop over
// lambdas it defines no function, so checkPrograms also checks that
// nothing leaks on the error paths.
func tryEach(setup string, exprs ...string) string {
	src := setup
	for _, e := range exprs {
		src += "try:\n    print(repr(" + e + "))\nexcept Exception as e:\n    print(type(e).__name__, e)\n"
	}
	return src
}

// lambdaBodies extracts the bodies of the lambdas of a program written as
// a loop over "lambda: expr" items, for tryEach.
func lambdaBodies(src string) []string {
	var out []string
	for _, part := range strings.Split(src, "lambda: ")[1:] {
		depth := 0
		end := len(part)
	scan:
		for i, c := range part {
			switch c {
			case '(', '[', '{':
				depth++
			case ')', ']', '}':
				if depth == 0 {
					end = i
					break scan
				}
				depth--
			case ',':
				if depth == 0 {
					end = i
					break scan
				}
			}
		}
		out = append(out, strings.TrimSpace(part[:end]))
	}
	return out
}

func TestSetOrderPrograms(t *testing.T) { checkPrograms(t, setOrderPrograms) }

// TestSetErrorsNoLeaks runs the error cases without lambdas, so that the
// reference counts are checked for leaks too.
func TestSetErrorsNoLeaks(t *testing.T) {
	checkPrograms(t, map[string]string{
		"errors": tryEach("s = {1, 2}\n", lambdaBodies(setErrorPrograms["errors"])...),
	})
}

func TestSetErrorPrograms(t *testing.T) { checkPrograms(t, setErrorPrograms) }
