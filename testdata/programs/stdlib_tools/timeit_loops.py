import timeit

counter = {"n": 0}


def work():
    counter["n"] += 1
    return sum(range(10))


t = timeit.Timer(work)
elapsed = t.timeit(number=250)
print(counter["n"], type(elapsed).__name__, elapsed >= 0)
counter["n"] = 0
res = t.repeat(repeat=3, number=7)
print(counter["n"], len(res), all(r >= 0 for r in res))
setup_calls = []
timeit.timeit("x.append(1)", setup="x = []; calls.append(1)", number=5, globals={"calls": setup_calls})
print(setup_calls)
g = {"data": list(range(100)), "hits": []}
timeit.timeit("hits.append(len(data))", number=4, globals=g)
print(g["hits"])
print(timeit.default_timer is __import__("time").perf_counter)
try:
    timeit.Timer("return 5")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    timeit.Timer(42)
except ValueError as e:
    print("ValueError:", e)
