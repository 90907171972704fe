def add(a, b):
    return a + b


def index(d):
    return d["key"]["inner"]


excs = []
for fn, args in ((add, (1, "s")), (index, ({"key": {}},))):
    try:
        fn(*args)
    except Exception as e:
        excs.append(e)
raise ExceptionGroup("carets", excs)
