package interp

import "testing"

// genDeallocPrograms exercise dealloc's skip of the finalize protocol for
// a generator or coroutine with nothing to finalize (finished or never
// started, genNothingToFinalize) and its fall-back to the protocol for a
// suspended one (finally blocks, a resurrecting hook, weak references),
// against CPython 3.12.
var genDeallocPrograms = map[string]string{
	"gen_dealloc": `import gc, sys, _weakref as weakref
log = []
def fin(tag):
    try:
        yield 1
        yield 2
    finally:
        log.append(tag)
for x in fin('done'):            # finished: no finalizer call
    pass
g = fin('unstarted')             # never started: finally never entered
del g
g = fin('suspended')             # suspended: close runs the finally
next(g)
del g
print(log)
def gen():
    yield 1
g = gen()
print(gc.is_finalized(g))
list(g)
print(gc.is_finalized(g))        # finished, still alive: not finalized
r = weakref.ref(g)
del g                            # a weak reference: the slow path
print(r())
g = gen()
next(g)
r = weakref.ref(g, lambda ref: log.append('cb'))
del g
print(r(), log[-1])
kept = []
def hook(args):
    kept.append(args.object)
def raising():
    try:
        yield 1
    finally:
        raise ValueError('in finally')
sys.unraisablehook = hook
g = raising()
next(g)
del g
print(len(kept), type(kept[0]).__name__, gc.is_finalized(kept[0]))
print(kept[0].gi_frame is None, list(kept[0]))
kept.clear()
async def co():
    return 5
c = co()
try:
    c.send(None)
except StopIteration as e:
    print('co', e.value)
del c
total = 0
for i in range(300):
    total += sum(x for x in range(i % 7))
    total += all(y < 9 for y in [i % 5, 1])
print(total)
`,
}

func TestGenDeallocPrograms(t *testing.T) { checkProgramsAtThresholds(t, genDeallocPrograms) }
