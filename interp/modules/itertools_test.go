package modules_test

import "testing"

// The errors helper every program below defines: each expression's
// result or exception, one per line.
const tryAll = `def tryall(*exprs):
    for e in exprs:
        try:
            print(e, '->', repr(eval(e)).split(' at 0x')[0])
        except Exception as ex:
            print(e, '!!', type(ex).__name__, ex)
`

var itertoolsPrograms = map[string]string{
	"count": tryAll + `import itertools as it
c = it.count()
print(next(c), next(c), c, repr(it.count(5)), it.count(2.5), it.count(1, 2), it.count(1, 1.0), it.count(True), it.count(0, True))
c = it.count(2**63 - 2)
print(next(c), next(c), next(c), c)
c = it.count(2**70, -2**69); print(next(c), next(c), c)
c = it.count(1.5, 0.5); print([next(c) for _ in range(3)], c)
c = it.count(step=-1); print(next(c), next(c), c)
c = it.count(1+2j, 1j); print(next(c), next(c), c)
print(type(next(it.count(True))), it.count.__name__, it.count.__qualname__, it.count.__module__, type(it.count()))
class C(it.count): pass
c = C(3); print(next(c), c, isinstance(c, it.count), type(c).__mro__, type(c).__name__)
class I(int): pass
print(type(next(it.count(I(4)))), list(zip('ab', it.count(I(2), I(1)))))
class F:
    def __float__(self): return 1.0
    def __radd__(self, o): return 'radd'
    def __repr__(self): return 'F()'
c = it.count(0, F()); print(next(c), next(c), c)
tryall('it.count(1,2,3)', 'it.count(x=1)', 'it.count(start=1, step=2, z=3)', 'it.count("a")', 'it.count(1, "a")', 'it.count(1, start=2)',
       'it.count(None)', 'it.count()()', 'len(it.count())', 'it.count().x', 'it.count.x', 'it.count(1, 2, start=2)', 'hash(it.count()) != 0',
       'it.count().__next__()', 'it.count(3).__iter__()', 'it.count.__new__(it.count, 7)', 'it.count.__new__(int)', 'C(start=4)')
`,
	"cycle repeat": tryAll + `import itertools as it
c = it.cycle('abc'); print([next(c) for _ in range(7)])
c = it.cycle([]); print(list(c))
def gen():
    print('start'); yield 1; print('mid'); yield 2; print('end')
c = it.cycle(gen()); print('made'); print([next(c) for _ in range(5)])
r = it.repeat('a', 3); print(r, list(r), r, it.repeat(None), it.repeat(1, -5), it.repeat(object=1, times=2))
print(it.repeat(1, 4).__length_hint__(), list(map(pow, range(4), it.repeat(2))))
l = []; r = it.repeat(l); l.append(r); print(r)
class R(it.repeat):
    pass
print(R('x', 2), list(R('x', 2)))
tryall('it.repeat(1).__length_hint__()', 'it.repeat()', 'it.repeat(1,2,3)', 'it.repeat(1, times="a")', 'it.repeat(1, 2**70)', 'it.cycle()', 'it.cycle(1)', 'it.cycle([], x=1)', 'it.repeat(1, None)', 'it.repeat(1, 2, times=3)', 'it.repeat(times=2)')
`,
	"accumulate batched": tryAll + `import itertools as it, _operator as operator
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], operator.mul)), list(it.accumulate([1, 2], initial=10)))
print(list(it.accumulate([], initial=5)), list(it.accumulate([])), list(it.accumulate('abc')), list(it.accumulate([3, 1, 4, 1, 5], max)))
print(list(it.accumulate(iterable=[1, 2], func=lambda a, b: a - b, initial=None)), list(it.accumulate([1, 2], None)))
print(list(it.batched('abcdefg', 3)), list(it.batched([], 2)), list(it.batched(range(4), n=2)), list(it.batched('ab', 5)))
def gen():
    yield 1; yield 2; yield 3; raise ValueError('boom')
b = it.batched(gen(), 2); print(next(b))
try: next(b)
except ValueError as e: print('caught', e)
print(list(b))
a = it.accumulate([1, 'x', 3])
print(next(a))
try: next(a)
except TypeError as e: print(e)
print(list(a))
tryall('it.accumulate()', 'it.accumulate([1],None,None)', 'it.accumulate([1], initial=1, x=2)', 'it.accumulate(1)', 'it.accumulate([1],2,3,x=4)',
       'it.accumulate(1, iterable=3)', 'it.batched([1], 0)', 'it.batched()', 'it.batched([1])', 'it.batched(1,2,3)', 'it.batched([1], 2, n=3)',
       'it.batched(z=3)', 'it.batched([1], "a")', 'it.batched([1], 2**70)', 'it.batched([1], -1)', 'it.batched(1, 2)', 'list(it.batched([1,2,3], True))')
`,
	"chain compress": tryAll + `import itertools as it
print(list(it.chain('ab', [1, 2], (), range(2))), list(it.chain()), list(it.chain.from_iterable(['ab', 'cd'])))
def gens():
    print('outer 1'); yield 'ab'; print('outer 2'); yield 'c'
c = it.chain.from_iterable(gens()); print('made'); print(next(c)); print(list(c))
c = it.chain([1], 5, [2])
print(next(c))
try: next(c)
except TypeError as e: print(e)
print(list(c))
print(type(it.chain('a')), it.chain('a').__class__.__name__)
class Ch(it.chain): pass
print(list(Ch('ab', 'c')), type(Ch.from_iterable(['x'])).__name__)
print(list(it.compress('abcdef', [1, 0, 1, 0, 1, 1])), list(it.compress('abc', [0, 1])), list(it.compress(data='ab', selectors=it.repeat(True))))
tryall('it.chain(x=1)', 'it.chain.from_iterable()', 'it.chain.from_iterable(1)', 'it.chain.from_iterable([1], [2])', 'list(it.chain.from_iterable([1]))',
       'it.compress([1])', 'it.compress(1, 2)', 'it.compress(data=[1], selectors=[2], x=3)', 'it.compress(1, data=2)', 'it.compress(1,2,3)', 'it.chain[int]', 'it.chain.__class_getitem__()', 'it.chain[int, str].__origin__')
`,
	"predicates": tryAll + `import itertools as it
print(list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(10))), list(it.filterfalse(None, [0, 1, '', 'a', None, [], [0]])), list(it.filterfalse(bool, [0, 2])))
print(list(it.starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(it.starmap(lambda *a: a, ['ab', [1, 2], (3,)])))
t = it.takewhile(lambda x: x < 3, it.count()); print(list(t), list(t))
def noisy(x):
    print('pred', x); return x < 2
print(list(it.dropwhile(noisy, [0, 1, 2, 3, 0])))
tw = it.takewhile(noisy, [0, 5, 1]); print(list(tw), list(tw))
tryall('it.dropwhile(None)', 'it.dropwhile(None, [], x=1)', 'it.filterfalse(None)', 'it.starmap(None)', 'it.takewhile()', 'it.takewhile(1, 2)',
       'list(it.dropwhile(1, [1]))', 'list(it.starmap(pow, [1]))', 'list(it.starmap(pow, [(1,)]))', 'list(it.takewhile(lambda x: 1/x, [1, 0]))',
       'list(it.filterfalse(lambda x: 1/x, [1, 0]))', 'it.starmap(1, 2, 3)')
`,
	"islice": tryAll + `import itertools as it
print(list(it.islice('abcdefg', 2)), list(it.islice('abcdefg', 2, 4)), list(it.islice('abcdefg', 2, None)), list(it.islice('abcdefg', 0, None, 2)))
print(list(it.islice(it.count(), 3, 20, 5)), list(it.islice('ab', 10)), list(it.islice('abc', None)), list(it.islice('abc', None, None, None)))
print(list(it.islice(range(10), True, 3)))
def gen():
    for i in range(10):
        print('yield', i); yield i
s = it.islice(gen(), 1, 5, 2); print('made'); print(list(s))
it1 = iter(range(10)); print(list(it.islice(it1, 3)), next(it1))
class Idx:
    def __index__(self): return 2
print(list(it.islice('abcdef', Idx(), Idx() + 3 if False else 5)))
tryall('it.islice()', 'it.islice([1])', 'it.islice([1], "a")', 'it.islice([1], -1)', 'it.islice([1], 1, 2, 0)', 'it.islice([1], stop=2)',
       'it.islice([1],1,2,3,4)', 'it.islice([1], -2)', 'it.islice([1], -1, 2)', 'it.islice([1], "a", 2)', 'it.islice([1], 1, "b")', 'it.islice([1], 1, -2)',
       'it.islice([1], 0, 1, -1)', 'it.islice([1], 0, 1, "x")', 'it.islice(1, 2)', 'it.islice([1], 1.5)', 'list(it.islice([1], -2**70, 1))', 'it.islice([1], 2**70)', 'it.islice([1], 0, 1, 2**70)', 'list(it.islice(range(10), 1, None, 2**62))')
`,
	"pairwise zip_longest": tryAll + `import itertools as it
print(list(it.pairwise('abcd')), list(it.pairwise('a')), list(it.pairwise([])), list(it.pairwise(range(3))))
print(list(it.zip_longest('abc', [1])), list(it.zip_longest('ab', 'xyz', fillvalue='-')), list(it.zip_longest()), list(it.zip_longest('ab')))
def gen():
    yield 1; raise KeyError('k')
z = it.zip_longest('abc', gen()); print(next(z))
try: next(z)
except KeyError as e: print('KeyError', e)
print(list(z))
tryall('it.zip_longest(x=1)', 'it.zip_longest(1)', 'it.zip_longest([1], fillvalue=3, z=1)', 'it.zip_longest(fillvalue=3)', 'list(it.zip_longest(fillvalue=3))',
       'it.pairwise()', 'it.pairwise(1)', 'it.pairwise(iterable=[])', 'it.pairwise([], [])')
`,
	"groupby": tryAll + `import itertools as it
print([(k, list(g)) for k, g in it.groupby('AAAABBBCCDAABBB')])
print([k for k, g in it.groupby('AAAABBBCCD')], [(k, len(list(g))) for k, g in it.groupby([1, 2, 3, 4, 5], key=lambda x: x > 2)])
groups = list(it.groupby('aabbc')); print([(k, list(g)) for k, g in groups])
g = it.groupby('aaab'); k, grp = next(g); print(k, next(grp)); k2, grp2 = next(g); print(k2, list(grp), list(grp2))
print(list(it.groupby([])), type(next(it.groupby('a'))[1]), it._grouper)
class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): print('eq', self.v, o.v); return self.v == o.v
print([(k.v, len(list(g))) for k, g in it.groupby([K(1), K(1), K(2)])])
print([k for k, g in it.groupby(iterable='ab', key=None)])
def bad(x): raise ValueError(x)
tryall('list(it.groupby("ab", bad))', 'it.groupby()', 'it.groupby([], key=None, x=1)', 'it.groupby(1, iterable=2)', 'it.groupby(1)',
       'it._grouper(1, 2)', 'type(next(it.groupby("a"))[1])()')
class G(it.groupby): pass
print([k for k, g in G('xxy')])
`,
	"tee": tryAll + `import itertools as it
a, b = it.tee('abc'); print(list(a), list(b), type(a), a.__class__.__name__)
a, b, c = it.tee(range(5), 3); print(next(a), next(a), list(b), list(a), list(c))
print(it.tee([], 0), len(it.tee([1], 1)), it.tee([1])[0].__copy__().__class__)
def gen():
    for i in range(200):
        yield i
a, b = it.tee(gen()); print(sum(a), list(b)[-3:])
a, b = it.tee(iter([1, 2, 3])); c, d = it.tee(a); print(type(c) is type(a), list(c), list(d), list(b))
a, = it.tee([1, 2]); import copy
x = it._tee([4, 5]); y = x.__copy__(); print(next(x), list(y), list(x))
class Cp:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
    def __copy__(self): print('copy'); return Cp(self.n)
p, q = it.tee(Cp(0)); print(type(p).__name__, list(p), list(q))
def rec():
    yield next(t1)
t1, t2 = it.tee(rec())
try: next(t1)
except RuntimeError as e: print(e)
tryall('it.tee()', 'it.tee([], -1)', 'it.tee([], "a")', 'it.tee([], n=2)', 'it.tee(1)', 'it.tee(1, 0)', 'it._tee()', 'it._tee(1)', 'it._tee_dataobject()',
       'it.tee([1], 2**70)')
`,
	"combinatorics": tryAll + `import itertools as it
print(list(it.product('ab', range(2))), list(it.product()), list(it.product('ab', repeat=2)), list(it.product('ab', [])), list(it.product(repeat=0)))
print(list(it.product([1, 2], repeat=0)), list(it.product(1, repeat=0)), len(list(it.product(range(3), repeat=3))))
print(list(it.permutations('abc')), list(it.permutations('abc', 2)), list(it.permutations('ab', 3)), list(it.permutations([])), list(it.permutations('ab', 0)))
print(list(it.permutations(range(4), 2))[5:9], len(list(it.permutations(range(5)))), list(it.permutations(iterable='ab', r=None)))
print(list(it.combinations('abcd', 2)), list(it.combinations('ab', 3)), list(it.combinations('abc', 0)), list(it.combinations([], 0)), list(it.combinations(range(5), 5)))
print(list(it.combinations_with_replacement('abc', 2)), list(it.combinations_with_replacement([], 2)), list(it.combinations_with_replacement([], 0)), list(it.combinations_with_replacement('ab', 0)))
print(len(list(it.combinations(range(10), 4))), len(list(it.combinations_with_replacement(range(6), 3))), list(it.permutations([1, 2], True)))
tryall('it.product(x=1)', 'it.product(1)', 'it.product([1], repeat=-1)', 'it.product(1, z=3, repeat=2)', 'it.product(repeat=1, z=3)', 'it.product([1], repeat="a")',
       'it.product([1], repeat=2**70)', 'it.product([1], repeat=2**62)', 'it.permutations()', 'it.permutations([1], -1)', 'it.permutations([1], "a")', 'it.permutations(1)',
       'it.permutations([1], 1.0)', 'it.permutations(1,2,3)', 'it.combinations([1])', 'it.combinations([1], -1)', 'it.combinations_with_replacement([1], -1)',
       'it.combinations([1], r="a")', 'it.combinations(1, 2)', 'it.combinations(1, "a")', 'it.combinations_with_replacement()', 'it.combinations([1],2,3)')
`,
	"laziness and reprs": `import itertools as it
def gen(name):
    print('start', name)
    yield 1
for f in [lambda: it.chain(gen('c')), lambda: it.islice(gen('i'), 1), lambda: it.accumulate(gen('a')), lambda: it.starmap(pow, gen('s')),
          lambda: it.groupby(gen('g')), lambda: it.pairwise(gen('p')), lambda: it.tee(gen('t')), lambda: it.zip_longest(gen('z')), lambda: it.batched(gen('b'), 2)]:
    f()
print('---')
for f in [lambda: it.product(gen('P')), lambda: it.permutations(gen('pm')), lambda: it.combinations(gen('cb'), 1), lambda: it.cycle(gen('cy'))]:
    f()
for x in [it.chain(), it.islice('', 1), it.accumulate([]), it.tee('')[0], it.product(), it.permutations(''), it.combinations('', 0), it.zip_longest()]:
    print(repr(x).split(' at ')[0])
print(sorted(n for n in dir(it) if not n.startswith('__')))
print(it.repeat.__length_hint__)
`,
	"subclasses and gc": `import itertools as it
class C(it.chain):
    def __init__(self, *args, **kw):
        self.kw = kw
c = C('ab', 'c', x=1); print(list(c), c.kw, c.__dict__)
class Z(it.zip_longest):
    pass
z = Z('ab', 'c', fillvalue=0); z.attr = 5; print(list(z), z.attr)
class P(it.permutations):
    def __next__(self):
        return ('x',) + super().__next__()
print(list(P('ab')))
l = []
c = it.cycle(l); l.append(c); del c, l
t = it.tee([])[0]
class Sub(it.count):
    pass
s = Sub(); s.me = s; del s
g = it.groupby('aab'); k, grp = next(g); del g
a, b = it.tee(iter(range(10**5))); print(sum(a), sum(b))
`,
}

func TestItertools(t *testing.T) { checkModulePrograms(t, itertoolsPrograms) }
