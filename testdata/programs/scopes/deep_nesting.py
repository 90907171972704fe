def l1(a):
    def l2(b):
        def l3(c):
            def l4(d):
                return a + b + c + d
            return l4
        return l3
    return l2
print(l1(1)(10)(100)(1000))
def make():
    x = 0
    def up():
        nonlocal x
        x += 1
        def peek():
            return x
        return peek
    return up
up = make()
p1 = up()
p2 = up()
print(p1(), p2())
