raise A, B
