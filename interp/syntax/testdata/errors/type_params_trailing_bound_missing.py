class C[T:]:
    pass
