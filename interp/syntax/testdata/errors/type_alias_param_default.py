type T[T: (int, str) = 1] = int
