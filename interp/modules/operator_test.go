package modules_test

import "testing"

var operatorPrograms = map[string]string{
	"functions": tryAll + `import _operator as op
print(op.add(1, 2), op.sub(5, 3), op.mul('a', 3), op.truediv(1, 4), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10), op.matmul is not None)
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.lshift(1, 4), op.rshift(16, 2), op.neg(3), op.pos(-3), op.abs(-4), op.inv(5), op.invert(5))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.gt(1, 2), op.ge(3, 2), op.lt([1], [2]), op.eq('a', 1))
print(op.not_(0), op.not_([1]), op.truth(''), op.truth(5), op.is_(None, None), op.is_not(1, None), op.index(True), op.index(2**70))
l = [1, 2]; print(op.iadd(l, [3]), l, op.iadd(1, 2), op.isub(5, 1), op.imul([0], 2), op.ior({1}, {2}), op.iand(7, 2), op.ixor(1, 3), op.ipow(2, 3))
print(op.ilshift(1, 2), op.irshift(8, 1), op.imod(7, 4), op.ifloordiv(7, 2), op.itruediv(1, 2), op.iconcat([1], (2,)) if False else op.iconcat([1], [2]))
print(op.concat('a', 'b'), op.concat([1], [2]), op.concat((1,), (2,)), op.contains([1, 2], 2), op.contains('abc', 'd'), op.countOf([1, 2, 1, 1.0], 1), op.indexOf('abc', 'c'))
d = {'a': 1}; op.setitem(d, 'b', 2); op.delitem(d, 'a'); print(d, op.getitem(d, 'b'), op.getitem([1, 2, 3], slice(1, None)), op.getitem('abc', -1))
print(op.length_hint([1, 2]), op.length_hint(x for x in []), op.length_hint(5, 7), op.length_hint({1: 2}, 3))
class H:
    def __length_hint__(self): return 4
class NI:
    def __length_hint__(self): return NotImplemented
class B:
    def __len__(self): raise TypeError('no')
    def __length_hint__(self): return 9
print(op.length_hint(H()), op.length_hint(NI(), 2), op.length_hint(B()), op.call(max, 1, 5, 3), op.call(sorted, [3, 1], reverse=True), op.call(dict, a=1))
print(op._compare_digest('abc', 'abc'), op._compare_digest('abc', 'abd'), op._compare_digest(b'ab', bytearray(b'ab')), op._compare_digest(b'a', b'ab'), op._compare_digest(memoryview(b'xy'), b'xy'))
class Seq:
    def __getitem__(self, i): return i
    def __add__(self, o): return 'added'
print(op.concat(Seq(), [1]), op.concat([1], Seq()) if False else '')
class L(list): pass
print(op.countOf(iter([1, 1, 2]), 1), op.index(L and 3))
class Bad:
    def __len__(self): return -1
class Big:
    def __length_hint__(self): return 2**70
class Neg:
    def __length_hint__(self): return -1
class Str:
    def __length_hint__(self): return 'x'
class Raise:
    def __length_hint__(self): raise TypeError('hint')
class Raise2:
    def __length_hint__(self): raise ValueError('hint')
tryall('op.add(1)', 'op.add(1,2,3)', 'op.add(a=1,b=2)', 'op.add(1, b=2)', 'op.not_()', 'op.not_(1, 2)', 'op.neg("a")', 'op.pos("a")', 'op.inv(1.5)', 'op.abs("a")',
       'op.index("a")', 'op.index(1.5)', 'op.lt(1, "a")', 'op.add(1, "a")', 'op.iadd(1, "a")', 'op.pow(1)', 'op.setitem(1,2)', 'op.setitem(1, 2, 3)', 'op.delitem([1], 5)',
       'op.getitem(1, 2)', 'op.delitem(1, 2)', 'op.concat(1, 2)', 'op.iconcat(1, 2)', 'op.concat([1], (2,))', 'op.concat("a", 1)', 'op.contains(1, 2)',
       'op.countOf(1, 2)', 'op.indexOf([1], 2)', 'op.indexOf(1, 2)', 'op.length_hint()', 'op.length_hint(1, "a")', 'op.length_hint([], 2**70)',
       'op.length_hint(Bad())', 'op.length_hint(Big())', 'op.length_hint(Neg())', 'op.length_hint(Str())', 'op.length_hint(Raise(), 3)', 'op.length_hint(Raise2())',
       'op._compare_digest("a", b"a")', 'op._compare_digest("é", "é")', 'op._compare_digest(1, 2)', 'op._compare_digest(b"a", 2)', 'op._compare_digest("a")',
       'op._compare_digest(a=1)', 'op.call()', 'op.call(x=1)', 'op.call(1)', 'op.countOf(1)', 'op.truediv(1, 0)', 'op.matmul(1, 2)', 'op.imatmul(1, 2)',
       'op.truth()', 'op.is_(1)', 'op.length_hint(1, 2, 3)', 'op.length_hint(1, x=2)')
print(op.add, op.__doc__.splitlines()[0], op.__name__)
`,
	"getters": tryAll + `import _operator as op
g = op.itemgetter(1); print(g([1, 2, 3]), g('ab'), g({1: 'x'}), g, type(g), type(g).__name__, type(g).__module__)
g = op.itemgetter(0, -1, slice(1, 2)); print(g('abcd'), g, op.itemgetter('a', 'b')({'a': 1, 'b': 2}))
a = op.attrgetter('real'); print(a(3), a, op.attrgetter('real', 'imag')(1+2j), op.attrgetter('__class__.__name__')(5), op.attrgetter('a.b', 'c'))
class O: pass
o = O(); o.x = O(); o.x.y = 7; o.z = 1
print(op.attrgetter('x.y', 'z')(o), op.attrgetter('x.y')(o))
m = op.methodcaller('upper'); print(m('ab'), m, op.methodcaller('split', ',', maxsplit=1)('a,b,c'), op.methodcaller('split', ',', maxsplit=1))
print(op.methodcaller('f', 1, a=2).__reduce__()[1], op.methodcaller('f', 1).__reduce__(), op.attrgetter('a.b', 'c').__reduce__(), op.itemgetter(1).__reduce__(), op.itemgetter(1, 2).__reduce__())
l = []; g = op.itemgetter(l); l.append(g); print(repr(g))
l = []; m = op.methodcaller('f', l); l.append(m); print(repr(m))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=op.itemgetter(1)), list(map(op.attrgetter('real'), [1, 2.5])))
print(op.methodcaller('f', 1, a=2).__reduce__()[0])
tryall('op.itemgetter()', 'op.itemgetter(1, x=2)', 'op.itemgetter(1)()', 'op.itemgetter(1)(1, 2)', 'op.itemgetter(1)(x=1)', 'op.itemgetter(5)([1])', 'op.itemgetter(1)(1)',
       'op.attrgetter(1)', 'op.attrgetter()', 'op.attrgetter("a", x=1)', 'op.attrgetter("nope")(1)', 'op.attrgetter("a..b")', 'op.attrgetter("a..b")(1)', 'op.attrgetter("x")()',
       'op.methodcaller()', 'op.methodcaller(1)', 'op.methodcaller(name="f")', 'op.methodcaller("f")()', 'op.methodcaller("f")(1, x=2)', 'op.methodcaller("nope")(1)',
       'op.methodcaller("upper", 1)("a")', 'hash(op.itemgetter(1)) != 0', 'op.itemgetter(1) == op.itemgetter(1)')
for t in (op.itemgetter, op.attrgetter, op.methodcaller):
    try:
        class C(t): pass
    except TypeError as e: print(e)
`,
}

func TestOperator(t *testing.T) { checkModulePrograms(t, operatorPrograms) }
