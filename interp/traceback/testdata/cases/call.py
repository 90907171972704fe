def inner(v):
    return int(v)


def outer(v):
    return inner(v) + 1


print(outer("nope"))
