f = lambda n: g(n); g = lambda n: f(n)
f(0)
