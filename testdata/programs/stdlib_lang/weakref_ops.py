import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Node({self.name})"


a = Node("a")
r = weakref.ref(a, lambda ref: print("callback: referent gone", ref() is None))
print(r() is a, r(), weakref.getweakrefcount(a))
del a
gc.collect()
print(r())
cache = weakref.WeakValueDictionary()
x, y = Node("x"), Node("y")
cache["x"] = x
cache["y"] = y
print(sorted(cache.keys()), cache["x"])
del x
gc.collect()
print(sorted(cache.keys()), cache.get("x"))
meta = weakref.WeakKeyDictionary()
k1 = Node("k1")
meta[k1] = "data"
print(len(meta), meta[k1])
del k1
gc.collect()
print(len(meta))
ws = weakref.WeakSet()
n1, n2 = Node("1"), Node("2")
ws.add(n1)
ws.add(n2)
print(len(ws), n1 in ws)
del n2
gc.collect()
print(len(ws), list(ws))
obj = Node("fin")
f = weakref.finalize(obj, print, "finalizer ran for", "fin")
print(f.alive)
del obj
gc.collect()
print(f.alive)


class Owner:
    def method(self):
        return "called"


o = Owner()
wm = weakref.WeakMethod(o.method)
print(wm()())
del o
gc.collect()
print(wm())
p = weakref.proxy(Node("temp"))
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    weakref.ref(5)
except TypeError as e:
    print("TypeError:", e)
final = weakref.finalize(Node, print, "at exit finalizer")
print("end of program")
