# weakref.proxy forwards iteration, len, subscripts, in, comparisons and arithmetic; an unfinished generator's close failure goes to sys.unraisablehook, which may keep the generator.
import weakref, sys, gc
class C:
    def __init__(self): self.l = [1, 2, 3]
    def __iter__(self): return iter(self.l)
    def __len__(self): return 3
    def __getitem__(self, i): return self.l[i]
    def __setitem__(self, i, v): self.l[i] = v
    def __contains__(self, x): return x in self.l
    def __add__(self, o): return ("add", o)
    def __radd__(self, o): return ("radd", o)
    def __lt__(self, o): return "lt"
    def __next__(self): return 9
    def __neg__(self): return "neg"
c = C(); p = weakref.proxy(c)
p[0] = 7
print(list(p), len(p), p[1], 2 in p, p + 1, 1 + p, p < 3, next(p), -p, p == c)
try: hash(p)
except TypeError as e: print(e)
del c
for f in (len, list, lambda q: q[0], lambda q: q + 1):
    try: f(p)
    except ReferenceError as e: print(e)
seen = []
sys.unraisablehook = lambda a: seen.append((a.exc_type.__name__, str(a.exc_value), a.object.__name__))
def stubborn():
    try:
        yield 1
    finally:
        yield 2
g = stubborn(); next(g); del g
def keeps():
    try:
        yield 1
    finally:
        print("finally ran")
g = keeps(); next(g); del g
print(seen)
kept = []
sys.unraisablehook = lambda a: kept.append(a.object)
g = stubborn(); next(g); del g
print(len(kept), type(kept[0]).__name__)
kept.clear(); gc.collect()
print("ok")
