def risky(n):
    if n % 2:
        raise ValueError(n)
    return n
results = []
for i in range(5):
    try:
        results.append(risky(i))
    except ValueError as e:
        try:
            results.append(int('x%d' % e.args[0]))
        except ValueError as e2:
            results.append(type(e2.__context__).__name__)
print(results)
