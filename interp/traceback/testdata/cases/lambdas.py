apply = lambda fn, v: fn(v)
square = lambda v: v * v
print(apply(square, "x"))
