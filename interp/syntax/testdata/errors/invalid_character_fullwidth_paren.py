print（x）
