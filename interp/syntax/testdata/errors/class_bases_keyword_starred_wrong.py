class C(**k, *a):
    pass
