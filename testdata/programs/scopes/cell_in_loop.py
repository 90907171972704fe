def run():
    out = []
    for i in range(3):
        def show(i=i):
            return i
        out.append(show)
    funcs = []
    for j in range(3):
        funcs.append(lambda: j)
    return [f() for f in out], [f() for f in funcs]
print(run())
def gen_closures():
    acc = []
    n = 0
    while n < 3:
        n += 1
        acc.append(lambda n=n: n * 100)
    return [a() for a in acc]
print(gen_closures())
