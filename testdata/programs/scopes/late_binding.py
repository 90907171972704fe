fs = []
for i in range(4):
    fs.append(lambda: i)
print([f() for f in fs])
gs = [lambda i=i: i for i in range(4)]
print([g() for g in gs])
def outer():
    x = 'first'
    def show():
        return x
    x = 'second'
    return show
print(outer()())
hs = [(lambda j: lambda: j * j)(k) for k in range(5)]
print([h() for h in hs])
