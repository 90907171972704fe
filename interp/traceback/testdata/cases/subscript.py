def get(x, i):
    return x[i]


get([1, 2, 3], 10)
