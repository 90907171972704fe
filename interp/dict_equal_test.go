package interp

import "testing"

// dictEqualPrograms exercise == and != of dicts, lists and tuples, which
// settle plain values (strs, numbers, nested exact containers of them)
// without running code and leave the rest to the general comparison:
// NaN, -0.0, 1 == 1.0 == True, big ints, instances and str subclasses
// whose __eq__ prints (so the calls made, and their order, show), a key
// of another type with an equal hash, tuples of unequal lengths (items
// compared first) against lists (lengths first), nesting past the plain
// depth, dict subclasses, and a comparison whose __eq__ changes a dict,
// against CPython 3.12.
var dictEqualPrograms = map[string]string{
	"dict_equal_plain": `nan = float('nan')
a = {'x': 1, 'y': 'two', 'z': [1.5, (2, 'b')], 'w': {'k': None, 'j': [True]}, 'b': 2**80}
b = {'w': {'j': [1], 'k': None}, 'b': 2**80, 'z': [1.5, (2.0, 'b')], 'y': 'tw' + 'o', 'x': True}
print(a == b, a != b, [a] == [b], (a,) == (b,))
b['z'][1] = (2, 'c')
print(a == b, a != b)
print({1: nan} == {1: nan}, [nan] == [nan], (0.0,) == (-0.0,))
print({1: 'a'} == {1.0: 'a'}, {True: 1} == {1: 1}, {'a': 1} == {'a': 1, 'b': 2}, [1, 2] == [1, 2, 3], (1, 2) == (1, 2, 3))
print([[1, [2, [3]]]] == [[1, [2, [3]]]], [1, 2] < [1, 3], (1, 'a') <= (1, 'a'), [1, [2]] > [1, [1, 5]])
deep1, deep2 = [0], [0]
for i in range(40):
    deep1, deep2 = [deep1, i], [deep2, i]
print(deep1 == deep2)
deep2[0][0][0] = 'x'
print(deep1 == deep2)
`,
	"dict_equal_runs_code": `class E:
    def __init__(self, n): self.n = n
    def __eq__(self, o):
        print('eq', self.n, getattr(o, 'n', o))
        return isinstance(o, E) and self.n == o.n
    def __hash__(self): return hash(self.n)
class S(str):
    def __eq__(self, o):
        print('S.eq', str(self), o)
        return str.__eq__(self, o)
    __hash__ = str.__hash__
print({'a': 1, 'b': E(1)} == {'a': 1, 'b': E(1)})
print({'a': 2, 'b': E(1)} == {'a': 1, 'b': E(1)})
print([1, E(2)] == [1, E(2), 3], (1, E(2)) == (1, E(2), 3), (1, E(2)) == (1, E(3)))
print([E(4), 'x'] == [E(4), 'y'], [[E(5)]] == [[E(5)]], ('a', [E(6)]) == ('b', [E(6)]))
print({S('k'): 1} == {'k': 1}, {'k': 1} == {S('k'): 1}, {'k': S('v')} == {'k': 'v'})
print({E(7): 1} == {E(7): 1}, {7: 1} == {E(7): 1})
class D(dict):
    def __eq__(self, o):
        print('D.eq')
        return True
print({'a': D()} == {'a': {'x': 1}}, [D(a=1)] == [{}])
d = {'a': 1, 'b': 2}
class M:
    def __eq__(self, o):
        d.clear()
        return True
print({'a': M(), 'b': 2} == {'a': 1, 'b': 2}, d)
`,
}

func TestDictEqual(t *testing.T) { checkProgramsAtThresholds(t, dictEqualPrograms) }
