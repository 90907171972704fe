data = [{'v': 1}, {'v': 2}, {}]
get = lambda d: d['v']
print([get(d) for d in data[:2]])
print(sum(get(d) for d in data))
