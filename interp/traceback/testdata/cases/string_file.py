exec("def f(a):\n    return a + None\nf(1)\n")
