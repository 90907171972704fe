class P:
    a = 1
    def __init__(self):
        self.b = 2
p = P()
print(vars(p), sorted(k for k in vars(P) if not k.startswith('_')))
print([n for n in dir(p) if not n.startswith('_')], [n for n in dir(P) if not n.startswith('_')])
def f(x, y=1):
    z = x + y
    return locals()
print(f(1))
X = 10
print(globals()['X'], 'P' in globals(), sorted(k for k in globals() if not k.startswith('_')))
print([n for n in sorted(dir()) if not n.startswith('_')])
print([n for n in dir([]) if not n.startswith('_')])
