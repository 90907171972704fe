total = 0
def add_all(*xs):
    global total
    for x in xs:
        total += x
add_all(1, 2, 3)
print(total)
def outer():
    a = 1
    b = 2
    def inner():
        nonlocal a, b
        a, b = b, a
    inner()
    return a, b
print(outer())
def counter_gen():
    count = 0
    def step():
        nonlocal count
        count += 1
        return count
    return [step() for _ in range(4)]
print(counter_gen())
x = 'module'
def f():
    x = 'f'
    def g():
        global x
        return x
    return g()
print(f())
