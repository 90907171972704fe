values = ['1', 2, '3']
print(sum(int(v) for v in values))
print(sum(values))
