from collections import ChainMap, UserDict, UserList, UserString

defaults = {"color": "red", "user": "guest", "debug": False}
env = {"user": "admin"}
cli = {"debug": True}
cfg = ChainMap(cli, env, defaults)
print(cfg["color"], cfg["user"], cfg["debug"], len(cfg), sorted(cfg))
cfg["color"] = "blue"
print(cli, defaults["color"])
child = cfg.new_child({"user": "child"})
print(child["user"], child.parents["user"], child.maps[0])
del cfg["color"]
print(cfg["color"])
try:
    del cfg["user"]
except KeyError as e:
    print("KeyError:", e)
print(dict(ChainMap({"a": 1}, {"a": 2, "b": 3})))


class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __missing__(self, key):
        return f"<no {key}>"


ld = LowerDict({"A": 1})
ld["BeE"] = 2
ld.update(CAT=3)
print(ld, ld["bee"], ld["dog"], "a" in ld, ld.data)


class Stack(UserList):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3)
print(s, s.peek(), s[1:], type(s[1:]).__name__, s + [4], type(s * 2).__name__)


class Shout(UserString):
    def shout(self):
        return self.upper() + "!"


u = Shout("hey there")
print(u.shout(), type(u.shout()).__name__, u[1:4], u.split(), len(u), u == "hey there")
