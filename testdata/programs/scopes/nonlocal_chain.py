def a():
    v = 1
    def b():
        def c():
            nonlocal v
            v += 10
            return v
        return c
    c = b()
    c(); c()
    return v
print(a())
def mk():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    def reset():
        nonlocal items
        old, items = items, []
        return old
    return add, reset
add, reset = mk()
add(1); add(2)
print(reset(), add(3), reset())
