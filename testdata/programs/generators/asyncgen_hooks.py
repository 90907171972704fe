# sys.set_asyncgen_hooks/get_asyncgen_hooks: argument checks, firstiter on first use, the finalizer for an unfinished async generator (which it may keep).
import sys
print(sys.get_asyncgen_hooks(), type(sys.get_asyncgen_hooks()).__name__)
for kw in ({"firstiter": 1}, {"finalizer": 1}, {"firstiter": print, "finalizer": 2}):
    try:
        sys.set_asyncgen_hooks(**kw)
    except TypeError as e:
        print(e)
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(None, print); print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(finalizer=None); print(sys.get_asyncgen_hooks())
async def ag():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
log = []
kept = []
def fin(g):
    log.append(("fin", g.__name__))
    kept.append(g)
sys.set_asyncgen_hooks(firstiter=lambda g: log.append(("first", g.__name__)), finalizer=fin)
g = ag()
a = g.asend(None)
print(log)
try:
    a.send(None)
except StopIteration as e:
    print(e.value)
del a, g
print(log, len(kept))
c = kept.pop().aclose()
try:
    c.send(None)
except StopIteration:
    print("closed")
g = ag(); g.aclose(); print(log)
sys.set_asyncgen_hooks(None, None)
