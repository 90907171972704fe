def boom(v):
    return {}[v]


total = sum(boom(v) for v in range(3))
