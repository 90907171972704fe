data = [3, 1, 2]
print(sortd(data))
