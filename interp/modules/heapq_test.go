package modules_test

import "testing"

var heapqPrograms = map[string]string{
	"_heapq order": tryAll + `import _heapq as h
print(sorted(n for n in dir(h) if not n.startswith('__')))
class X:
    def __init__(self, v, heap=None, act=None): self.v, self.heap, self.act = v, heap, act
    def __lt__(self, o):
        print('lt', self.v, o.v)
        if self.act and self.heap is not None:
            a = self.act; self.act = None; a(self.heap)
        return self.v < o.v
    def __repr__(self): return 'X%s' % self.v
heap = []
for v in [5, 3, 8, 1, 9, 2]:
    h.heappush(heap, X(v))
print(heap)
print(h.heappop(heap), heap)
print(h.heapreplace(heap, X(7)), heap)
print(h.heappushpop(heap, X(0)), h.heappushpop(heap, X(4)), heap)
l = [X(i) for i in [9, 8, 7, 6, 5, 4, 3, 2, 1]]; h.heapify(l); print(l)
l = [X(i) for i in [1, 2, 3, 4, 5, 6, 7, 8, 9]]; h._heapify_max(l); print(l)
print(h._heappop_max(l), l); print(h._heapreplace_max(l, X(0)), l)
print(h.heappop([X(1)]), h._heappop_max([X(2)]), h.heappushpop([], X(3)))
for act, fn in [(lambda hp: hp.append(X(99)), 'push'), (lambda hp: hp.clear(), 'push'), (lambda hp: hp.pop(), 'pop'), (lambda hp: hp.clear(), 'pop'),
                (lambda hp: hp.clear(), 'pushpop'), (lambda hp: hp.append(1), 'pushpop'), (lambda hp: hp.reverse(), 'push'), (lambda hp: hp.clear(), 'heapify'),
                (lambda hp: hp.clear(), 'replace'), (lambda hp: hp.clear(), 'popmax'), (lambda hp: hp.clear(), 'heapifymax'), (lambda hp: hp.clear(), 'replacemax')]:
    heap = [X(1), X(2), X(3), X(4), X(5)]
    try:
        if fn == 'push': h.heappush(heap, X(0, heap, act))
        elif fn == 'pop': heap[-1] = X(9, heap, act); h.heappop(heap)
        elif fn == 'pushpop': heap[0] = X(1, heap, act); h.heappushpop(heap, X(3))
        elif fn == 'heapify': heap = [X(5), X(4), X(3)]; heap[0].heap = heap; heap[0].act = act; h.heapify(heap)
        elif fn == 'replace': h.heapreplace(heap, X(9, heap, act))
        elif fn == 'replacemax': h._heapreplace_max(heap, X(0, heap, act))
        elif fn == 'popmax': heap = [X(5), X(4), X(3), X(2)]; heap[1].heap = heap; heap[1].act = act; h._heappop_max(heap)
        elif fn == 'heapifymax': heap = [X(1), X(4), X(3)]; heap[1].heap = heap; heap[1].act = act; h._heapify_max(heap)
        print(fn, 'ok', heap)
    except Exception as e: print(fn, type(e).__name__, e, heap)
class E:
    def __lt__(self, o): raise ValueError('no order')
heap = [1]
try: h.heappush(heap, E())
except ValueError as e: print(e, len(heap))
class HL(list): pass
x = HL([3, 1, 2]); h.heapify(x); print(x, h.heappop(x), type(x))
tryall('h.heappush(1, 2)', 'h.heappush([], 1, 2)', 'h.heappush()', 'h.heappop([])', 'h.heappop(())', 'h.heapreplace([], 1)', 'h.heappushpop([], 1)',
       'h.heapify(1)', 'h._heapify_max(2)', 'h._heappop_max([])', 'h._heapreplace_max([], 3)', 'h.heappush(heap=[], item=1)', 'h.heapify([1], 2)',
       'h.heappop([1], 2)', 'h.heappush([1, "a"], 2)', 'h.heappushpop(5, 1)', 'h.heappop()', 'h.heapreplace(1, 2)', 'h._heapreplace_max((), 1)',
       'h.heappush([1, "a", 2], 0)', 'h.heapify([3, "a", 1])', 'h.heappop([1, 2, "a"])', 'h.heapify([], x=1)')
`,
	"_heapq large heapify": `import _heapq as h
for n in [2500, 2501, 3000, 5000, 8191, 8192]:
    seq = []
    class D:
        __slots__ = ('v',)
        def __init__(self, v): self.v = v
        def __lt__(self, o): seq.append((self.v, o.v)); return self.v < o.v
    vals = [(i * 7919) % 10007 for i in range(n)]
    l = [D(v) for v in vals]; h.heapify(l)
    print(n, len(seq), hash(tuple(seq)), [d.v for d in l[:12]])
    seq.clear(); l = [D(v) for v in vals]; h._heapify_max(l)
    print(n, len(seq), hash(tuple(seq)), [d.v for d in l[:12]])
`,
	"heapq module": `import heapq
h = []
for v in [5, 7, 9, 1, 3]: heapq.heappush(h, v)
print(h, [heapq.heappop(h) for _ in range(len(h))])
print(heapq.nlargest(3, [1, 8, 2, 23, 7, -4, 18, 23, 42, 37, 2]), heapq.nsmallest(3, [1, 8, 2, 23, 7, -4, 18, 23, 42, 37, 2]))
print(heapq.nlargest(2, [{'n': 'a', 'p': 3}, {'n': 'b', 'p': 9}, {'n': 'c', 'p': 5}], key=lambda d: d['p']), heapq.nsmallest(1, 'hello'))
print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15])), list(heapq.merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(heapq.merge([7, 5, 1], [8, 4, 2], reverse=True)), heapq.nlargest(5, range(100)), heapq.nsmallest(5, range(100, 0, -1)))
l = [9, 4, 7, 1, 8]; heapq.heapify(l); print(l, heapq.heapreplace(l, 6), heapq.heappushpop(l, 0), l)
print(heapq.heappush is __import__('_heapq').heappush, heapq._heapify_max is __import__('_heapq')._heapify_max)
`,
}

func TestHeapq(t *testing.T) { checkStdlibModulePrograms(t, heapqPrograms) }
