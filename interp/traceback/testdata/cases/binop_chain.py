x = 1
y = None
result = x + 1 + y + 2
