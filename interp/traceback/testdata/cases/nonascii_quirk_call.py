def ä(x):
    return x.nope


ä(ä)
