def make_counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter(10)
print(inc(), inc(5), get())
inc2, get2 = make_counter(0)
print(inc2(), get(), get2())
print(inc.__code__.co_freevars, make_counter.__code__.co_cellvars)
print(inc.__closure__[0].cell_contents)
