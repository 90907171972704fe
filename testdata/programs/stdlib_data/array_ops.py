from array import array, typecodes

print(typecodes)
a = array("i", [3, 1, 4, 1, 5])
print(a, a.typecode, a.itemsize, len(a))
a.append(9)
a.extend([2, 6])
a.insert(0, 0)
print(a, a.count(1), a.index(4), a[2:5], a[::-1])
a.remove(1)
print(a.pop(), a.pop(0), a)
a.reverse()
print(a.tolist())
b = array("h", [1, -2, 300])
raw = b.tobytes()
print(raw, len(raw))
c = array("h")
c.frombytes(raw)
c.byteswap()
print(c)
d = array("d", [1.5, 2.25]) * 2
print(d, sum(d))
u = array("u", "héllo")
print(u, u.tounicode())
bb = array("B", b"abc")
bb[1] = 255
print(bb, bytes(bb), array("b", [1, 2]) + array("b", [3]))
print(array("l", range(5)) == array("l", [0, 1, 2, 3, 4]), array("i", [1, 2]) < array("i", [1, 3]))
m = memoryview(array("I", [1, 2, 3]))
print(m.format, m.itemsize, m.tolist())
for code, val in [("b", 200), ("B", -1), ("i", 1.5), ("x", 0)]:
    try:
        array(code, [val])
    except (OverflowError, TypeError, ValueError) as e:
        print(code, type(e).__name__, e)
try:
    array("i", [1]).pop(5)
except IndexError as e:
    print("IndexError", e)
print(array("f", [0.1])[0], array("q", [2**62]), array("Q", [2**64 - 1]))
