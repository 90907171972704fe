def gen():
    yield 1
    yield {}["x"]


for v in gen():
    pass
