f(x for x in y)(a for a in b, 1)
