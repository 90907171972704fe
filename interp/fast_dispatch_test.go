package interp

// fastDispatchProgram runs the paths that runFastIn leaves to helpers
// taking and returning pc and sp, so that no value of the loop lives
// across a call there (loadAttrWayAt, loadAttrPlainAt, storeAttrAt,
// forIterEnd), with their fallbacks: LOAD_ATTR_WITH_HINT, the method
// forms and STORE_ATTR_WITH_HINT at sites of five types (way 1 inline,
// ways 2 to 4 in the helpers, the fifth type a miss), owners and old
// values that die at the load or the store (their __del__ prints),
// dicts of another shape, a method shadowed in one instance dict;
// LOAD_ATTR_MODULE, _CLASS and _SLOT with an unset slot; the loops'
// ends that release the last reference to their list; and the cases
// that read a slot's tag before its word: POP_JUMP_IF on objects with
// __bool__, float arithmetic and comparisons whose guards fail (an int,
// an int too large to be exact as a float, NaN).
const fastDispatchProgram = `import sys
log = []
class Noisy:
    def __init__(self, n): self.n = n
    def __del__(self): log.append('del ' + str(self.n))
class A:
    c = 'A.c'
    def __init__(self, v): self.x = v; self.y = 1
    def m(self): return 'A.m'
class B:
    def __init__(self, v): self.y = 2; self.x = v
    def m(self): return 'B.m'
class C:
    def __init__(self, v): self.z = 0; self.x = v
    def m(self): return 'C.m'
class D:
    def __init__(self, v): self.w = 0; self.z = 0; self.x = v
    def m(self): return 'D.m'
class E:
    def __init__(self, v): self.x = v
    def m(self): return 'E.m'
class S1:
    __slots__ = ('a', 'b')
    def __init__(self): self.b = 'S1.b'
class S2:
    __slots__ = ('b',)
    def __init__(self): self.b = 'S2.b'
def get(o): return o.x
def call(o): return o.m()
def put(o, v): o.x = v
def fresh(k, v): return [A, B, C, D, E][k](v)
def slot_b(o):
    try:
        return o.b
    except AttributeError:
        return 'AttributeError'
def slot_a(o):
    try:
        return o.a
    except AttributeError:
        return 'AttributeError'
r = []
objs = [A(0), B(0), C(0), D(0), E(0)]
for i in range(10):
    for k, o in enumerate(objs):
        put(o, i * 10 + k)
        r.append(get(o))
        r.append(call(o))
        put(o, Noisy(i * 10 + k))
        r.append(get(fresh(k, 'fresh')))
        r.append(call(fresh(k, None)))
    if i == 3:
        objs[2].__dict__.clear()
        objs[2].x = 'C again'
    if i == 5:
        objs[3].m = lambda: 'instance m'
    if i == 7:
        del objs[3].m
        D.m = lambda self: 'D patched'
    r.append(log[:])
    log.clear()
print(r)
objs = None
print(sorted(log))
log.clear()
r = []
for i in range(6):
    r.append(sys.maxsize > 3)
    r.append(A.c)
    for o in [S1(), S2(), S1(), S2()]:
        r.append(slot_b(o))
        r.append(slot_a(o))
print(r)
def loops():
    r = []
    for n in [Noisy('list')]:
        r.append(n.n)
    r.append(log[:])
    for n in (Noisy('tuple'),):
        r.append(n.n)
    r.append(log[:])
    for i in range(3):
        r.append(i)
    return r
print(loops(), log)
log.clear()
class Truth:
    def __init__(self, t): self.t = t
    def __bool__(self): return self.t
def truths(vals):
    n = 0
    for v in vals:
        if v:
            n += 1
        if not v:
            n += 100
    return n
print(truths([True, 0, 1, None, Truth(True), Truth(False), [], [0]] * 5))
def arith(a, b):
    a, b = a, b
    return a + b, a - b, a * b, a < b, a == b, a > b
r = []
for a, b in [(1.5, 2.25), (2.0, 3), (3, 2.5), (1.0, 2**60), (2**60, 1.0), (float('nan'), 1.0),
             (0.5, -0.5), (1e308, 1e308), (True, 2.5), (2.5, 2.5)] * 3:
    r.append(arith(a, b))
print(r)
`

func init() { specPrograms["fast_dispatch"] = fastDispatchProgram }
