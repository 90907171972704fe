import copy


class Node:
    def __init__(self, name, children=()):
        self.name = name
        self.children = list(children)

    def __repr__(self):
        return f"Node({self.name!r}, {self.children!r})"


class Tracked:
    copies = 0

    def __init__(self, v):
        self.v = v

    def __copy__(self):
        Tracked.copies += 1
        return Tracked(self.v)

    def __deepcopy__(self, memo):
        Tracked.copies += 10
        return Tracked(copy.deepcopy(self.v, memo))


tree = Node("root", [Node("a"), Node("b", [Node("c")])])
shallow = copy.copy(tree)
deep = copy.deepcopy(tree)
tree.children[1].children.append(Node("d"))
print(shallow)
print(deep)
print(shallow.children is tree.children, deep.children[0] is tree.children[0])

nested = {"x": [1, [2, 3]], "y": (4, [5])}
d = copy.deepcopy(nested)
d["x"][1].append(99)
d["y"][1].append(100)
print(nested, d)
t = (1, 2, 3)
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is not [2])
cyc = [1]
cyc.append(cyc)
c2 = copy.deepcopy(cyc)
print(c2[1] is c2, c2 is not cyc)
shared = [0]
pair = [shared, shared]
p2 = copy.deepcopy(pair)
print(p2[0] is p2[1])
tr = Tracked([1])
copy.copy(tr)
copy.deepcopy([tr, tr])
print(Tracked.copies)
print(copy.copy(len) is len, copy.deepcopy(Node) is Node)


class NoCopy:
    def __reduce_ex__(self, proto):
        raise TypeError("NoCopy objects cannot be copied")


try:
    copy.deepcopy(NoCopy())
except TypeError as e:
    print("TypeError:", e)
