if *x:
    pass
