# Names at module level and in class bodies are LOAD_NAME/STORE_NAME:
# loops over them, a namespace with its own __setitem__/__getitem__ (as
# __prepare__ gives), names deleted mid-loop, and a NameError in a loop.
import sys

total = 0
for i in range(2000):
    total += i * 2
    if i % 500 == 0:
        last = i
print(total, last, i)

# Globals shadowed by builtins and back.
for round in range(3):
    if round == 1:
        len = lambda x: -1
    elif round == 2:
        del len
    print(round, len("abc"))


class Recording(dict):
    def __init__(self):
        super().__init__()
        self.log = []

    def __setitem__(self, key, value):
        self.log.append(("set", key))
        super().__setitem__(key, value)

    def __getitem__(self, key):
        self.log.append(("get", key))
        return super().__getitem__(key)


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return Recording()

    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, dict(ns))
        cls.log = [entry for entry in ns.log if not entry[1].startswith("__")]
        return cls


class C(metaclass=Meta):
    acc = 0
    for k in range(3):
        acc = acc + k
    del k


print(C.acc, C.log)

# A name that goes missing inside a loop: the traceback names the line.
names = ["alpha", "beta"]
for n in range(3):
    if n == 2:
        del names
    try:
        print(n, len(names))
    except NameError as e:
        print("NameError:", e, "line", sys.exc_info()[2].tb_lineno)

# Class bodies see module globals through LOAD_NAME.
scale = 10


class D:
    vals = []
    for j in range(3):
        vals.append(j * scale)


print(D.vals)

for q in range(5):
    pass
print(undefined_at_the_end)
