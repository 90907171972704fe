del a[1](2)
