*(a + b), c = d
