def first_of_each(iters):
    for it in iters:
        yield next(it)
gens = [iter([1]), iter([])]
print(list(first_of_each(gens)))
