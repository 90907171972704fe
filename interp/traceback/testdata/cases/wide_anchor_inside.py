def f(値):
    return (値  +  "ｱ値") - 1


f("x")
